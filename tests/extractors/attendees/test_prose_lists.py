"""Delegations and persons named in an attendance sentence or listed after one."""

from __future__ import annotations

RUN_INTO_SENTENCE = """Report of the Preparatory Committee

1. The Committee met in Nairobi on 2 March 1999.

2. The following States participated in the session: Austria, Bolivia, Iran (Islamic
Republic of), Kenya and Viet Nam.
"""


def test_states_run_into_the_sentence(rows) -> None:
    assert rows(RUN_INTO_SENTENCE) == [("AUT", "present", None), ("BOL", "present", None),
                                       ("IRN", "present", None), ("KEN", "present", None),
                                       ("VNM", "present", None)]


LINES_AFTER_LEAD = """Report of the Special Session, Lima, May 1981

Observers were present from the Governments of:

Ecuador
Korea, Republic of
Tunisia

and the following international organizations:

Andean Fisheries Council
World Ocean Fund (WOF)

4. FINANCE
"""


def test_one_per_line_after_a_lead_with_inverted_names_and_organizations(rows) -> None:
    assert rows(LINES_AFTER_LEAD) == [("ECU", "present", None), ("KOR", "present", None),
                                      ("TUN", "present", None), ("AFC", "present", None),
                                      ("WOF", "present", None)]


PERSONS_JOINED = """# Lakeside Association Board 2020 June

1. **Welcome**
    1. Irene Falk (IF) (Chair), Dario Conti (DC), and Mette Holm (MH) joined the meeting remotely.
2. **Members**
    - Dario Conti (DC), Alpine Lakes Service (ALS)
"""


def test_persons_named_before_the_attendance_verb(attendees) -> None:
    got = [(a.delegation_code, a.person, a.role) for a in attendees(PERSONS_JOINED)]
    assert ("ALS", "Dario Conti", None) in got  # affiliation written in another list
    assert [p for _, p, _ in got] == ["Irene Falk", "Dario Conti", "Mette Holm"]
    assert got[0][2] == "Chair"


BUREAU = (
    "Report of the Bureau Meeting\n\n"
    "The meeting was attended by the following members of the Bureau: Mr. A. Tanaka (Japan),"
    " Ms. B. Osei (Ghana, substitute for Mr. K. Mensah), Mr. C. Dubois (France) and Ms. D. Silva"
    " (Brazil).\n\n1. Opening\nThe Chair opened the meeting.\n"
)


def test_persons_with_their_state_after_attended_by(attendees) -> None:
    got = [(a.delegation_code, a.person, a.honorific, a.role) for a in attendees(BUREAU)]
    assert got == [("JPN", "A. Tanaka", "Mr.", None),
                   ("GHA", "B. Osei", "Ms.", "substitute for Mr. K. Mensah"),
                   ("FRA", "C. Dubois", "Mr.", None), ("BRA", "D. Silva", "Ms.", None)]
