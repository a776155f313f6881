"""Delegations listed as bullets under a sentence that introduces speakers."""

from __future__ import annotations

BULLETS = """Agenda Item #4: General exchange of views

The following delegations made statements:

  • Mongolia
  • Peru, Coordinator of the Working Group on Assistance
  • Director of the ICRC

The President thanked the delegations.
"""

NOT_SPEAKERS = """Agenda Item #2: Status of the Convention

The Convention has entered into force for:

  • Mongolia
  • Peru
"""


def test_bullets_under_a_speaker_lead(attendees) -> None:
    got = [(a.delegation_code, a.role) for a in attendees(BULLETS)]
    assert got == [("MNG", None), ("PER", "Coordinator of the Working Group on Assistance"),
                   ("ICRC", "Director")]


def test_bullets_without_a_speaker_lead_are_not_attendees(rows) -> None:
    assert rows(NOT_SPEAKERS) == []
