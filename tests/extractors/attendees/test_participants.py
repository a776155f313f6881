"""Persons the text shows taking part, and the chair named in a record's header."""

from __future__ import annotations

SUMMARY_RECORD = """Conference on Inland Navigation: Summary Record of the Ninth Meeting

CHAIRMAN: Mr. OKONJO (Nigeria)

1. RIVER TOLLS (item 4 of the agenda)

Mr. DUBOIS (Belgium) said that his delegation supported the draft. Mr. SATO (Japan) agreed
with Mr. Dubois. The Venezuelan representative reserved his position.
"""


def test_header_chair_and_speakers_with_their_delegation(attendees) -> None:
    got = [(a.delegation_code, a.person, a.honorific, a.role) for a in attendees(SUMMARY_RECORD)]
    assert got == [("NGA", "OKONJO", "Mr.", "CHAIRMAN"), ("BEL", "DUBOIS", "Mr.", None),
                   ("JPN", "SATO", "Mr.", None)]


PROSE = """The Plenary met on 4 May 2001. The meeting was opened by its Co-Chairs, Anna Lindgren of
Sweden and Tomas Herrera of Peru. The Coordinator of the Contact Group, Ms. Rita Osei of Ghana,
gave an update. H.E. Mr. Karl Weber, Minister of Trade of Austria, addressed the meeting.
The delegations of Chile and Nepal referred to the report, on behalf of Mr. Ivo Petrov.
"""


def test_persons_linked_to_a_state_in_prose(attendees) -> None:
    got = [(a.delegation_code, a.person, a.role) for a in attendees(PROSE)]
    assert got == [("SWE", "Anna Lindgren", "Co-Chair"), ("PER", "Tomas Herrera", None),
                   ("GHA", "Rita Osei", "Coordinator of the Contact Group"),
                   ("AUT", "Karl Weber", "Minister of Trade of Austria"),
                   ("CHL", None, None), ("NPL", None, None)]


BODY_MEMBERS = """Committee on the Protection of Migrant Workers

Summary record of the 301st meeting

Chairperson:Ms. Adeyemi

The Chairperson invited Mr. Rossi (Rapporteur) to present the report.

Mr. Rossi (Rapporteur) reported on the draft. Ms. Kovacs proposed an amendment. The Committee
had met Ms. Haddad, the Special Rapporteur, earlier in the year.
"""


def test_members_of_a_body_shown_acting(attendees) -> None:
    got = [(a.delegation_code, a.person, a.role) for a in attendees(BODY_MEMBERS)]
    assert got == [("CPMW", "Adeyemi", "Chairperson"), ("CPMW", "Rossi", "Rapporteur"),
                   ("CPMW", "Kovacs", None)]
