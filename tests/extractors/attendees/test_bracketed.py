"""Delegations with their persons in brackets, with or without a heading."""

from __future__ import annotations

from extractors.attendees.bracketed import find_runs

HEADLESS_FLATTENED = """Report of the 9th Meeting of the Lagoon Standing Committee

Lagoon Standing Committee, Valletta, 4 June 2004

Host of next conference
Portugal (A. Sequeira)
Kenya (W. Otieno, J. Mwangi)
Alternate: Chile
Norway (E. Berg)
(P. Rojas, M. Vidal)
Coral Reef Alliance (T. Hale)
Executive Officer (L. Brand)
Poland (Alternate, Central Europe)

Agenda Item 1: Adoption of the agenda

The agenda was adopted.
"""


def test_headless_rows_and_persons_that_run_onto_a_later_line(attendees) -> None:
    got = [(a.delegation_code, a.delegation_kind, a.person, a.role)
           for a in attendees(HEADLESS_FLATTENED)]
    assert got == [
        ("PRT", "state", "A. Sequeira", None),
        ("KEN", "state", "W. Otieno", None),
        ("KEN", "state", "J. Mwangi", None),
        ("CHL", "state", "P. Rojas", "Alternate"),
        ("CHL", "state", "M. Vidal", "Alternate"),
        ("NOR", "state", "E. Berg", None),
        ("CRA", "organization", "T. Hale", None),
        ("LSC", "secretariat", "L. Brand", "Executive Officer"),
        ("POL", "state", None, "Alternate, Central Europe"),
    ]


HEADED = """Minutes of the Inland Waters Commission

Present:
Austria (Dr. K. Huber)
Ghana (Mr. K. Mensah, Ms. A. Boateng)
River Basin Network (Ms. S. Lopez)

1. Opening
The Chair opened the meeting.
"""


def test_rows_under_a_heading(rows) -> None:
    assert rows(HEADED) == [("AUT", "present", "K. Huber"), ("GHA", "present", "K. Mensah"),
                            ("GHA", "present", "A. Boateng"), ("RBN", "present", "S. Lopez")]


def test_two_rows_are_not_a_list(context) -> None:
    text = "Austria (K. Huber)\n\nGhana (K. Mensah)\n\nThe meeting opened.\n"
    assert find_runs(context(text)) == []
