"""Actors of action points: initials the attendance defines, offices, several parties."""

from __future__ import annotations

from collections.abc import Callable

from models.records import Decision

Extract = Callable[[str], list[Decision]]

NETWORK = """# Tidewater Sensor Network Steering Group, 6 March 2031

Attendance:
- Ravi Okonedo (RO), Harbour Gauges Office (HGO) - Chair
- Mette Lindqvist (ML), Northern Tide Service (NTS)

**1. Calibration**
- RO - The new buoys are in place.

ACTION – ML to circulate the calibration report to members

ACTION – RO and ML to agree a test schedule
"""


def test_initials_resolve_to_the_affiliation_on_their_attendance_line(
        decisions_of: Extract) -> None:
    recs = decisions_of(NETWORK)
    actors = {r.text.split("–")[1].split()[0]: r.actor_code for r in recs if r.kind == "action"}
    assert actors["ML"] == "NTS"
    assert actors["RO"] is None  # two parties act together


def test_unknown_initials_leave_the_actor_open(decisions_of: Extract) -> None:
    recs = decisions_of(NETWORK.replace("ACTION – ML", "ACTION – QX"))
    first = next(r for r in recs if "calibration report" in r.text)
    assert (first.kind, first.actor_code) == ("action", None)
