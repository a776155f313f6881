"""Tables of persons with a header row naming the columns."""

from __future__ import annotations

HEADED_TABLE = """# Dune Restoration Steering Group

## Attendees

| Name | Organisation | Role |
|------|--------------|------|
| Jane Doe | Coastal Agency (CA) | Chair |
| Dr. John Roe | Transport Office | Member |
| Sam Poe | CA | Secretary |

## Apologies
- Ann Kay (Treasury)

## 1. Actions
JD reviewed the actions.
"""

STATUS_COLUMN = """Minutes of the Orchard Valley Water Board

Attendance

| Member | Affiliation | Attendance |
|---|---|---|
| Lea Brandt | Upper Valley Farms | Present |
| Omar Said | Lower Valley Farms | Apologies |

1. Minutes
Approved.
"""


def test_name_organisation_role_columns(attendees) -> None:
    got = [(a.delegation_code, a.status, a.person, a.honorific, a.role)
           for a in attendees(HEADED_TABLE)]
    assert got == [("CA", "present", "Jane Doe", None, "Chair"),
                   ("TO", "present", "John Roe", "Dr.", "Member"),
                   ("CA", "present", "Sam Poe", None, "Secretary"),
                   ("TREASURY", "apologies", "Ann Kay", None, None)]


def test_attendance_written_in_a_column(rows) -> None:
    assert rows(STATUS_COLUMN) == [("UVF", "present", "Lea Brandt"),
                                   ("LVF", "apologies", "Omar Said")]
