"""'The Secretariat' and 'the ISU' stand for the secretariat of the body the minutes are about."""

from __future__ import annotations

import pytest

from extractors.attendees import extract_attendees
from extractors.attendees.affiliations import body_name

OWN_BODY = """Minutes of the Orchard Growers Council
Meeting of 9 September 2025

Present:
Ms. Wren Tolley (Chair)

1. Harvest report
The Secretariat presented the report.
"""

PARENT_BODY = """Minutes of the QRS Standing Committee
Meeting of 3 March 2025

1. Budget
The Secretariat presented the budget.
"""

KNOWN_UNIT = """Minutes of the APMBC Coordination Committee
Meeting of 3 March 2025

1. Budget
The ISU presented the budget. The Secretariat agreed.
"""

NOT_A_BODY_UNIT = """Minutes of the Orchard Growers Council
Meeting of 9 September 2025

1. Budget
The ISU presented the budget.
"""


@pytest.mark.parametrize("text, word, code", [
    (OWN_BODY, "Secretariat", "OGC"),
    (PARENT_BODY, "Secretariat", "QRS"),
    (KNOWN_UNIT, "ISU", "ISU-APMBC"),
    (KNOWN_UNIT, "Secretariat", "ISU-APMBC"),
    (NOT_A_BODY_UNIT, "ISU", "ISU-CCM"),  # a council has no unit of its own: the home one
])
def test_generic_word_stands_for_the_body_secretariat(context, text, word, code) -> None:
    ctx = context(text)
    extract_attendees(ctx)
    assert ctx.resolve(word).code == code
    assert ctx.resolve(word).kind == "secretariat"
    spans = [s for s in ctx.delegation_spans() if s.text == word]
    assert spans and all(s.id_ == code and s.label_ == "secretariat" for s in spans)


STAFF_OF_KNOWN_UNIT = """Minutes of the APMBC Coordination Committee
Meeting of 3 March 2025

Present:
Norway: Ms. Ida Berg
Secretariat: Mr. Omar Haddad

1. Budget
Agreed.
"""

STAFF_OF_OWN_BODY = """Minutes of the Orchard Growers Council
Meeting of 9 September 2025

Present:
Ms. Wren Tolley (Chair)
Secretariat: Mr. Abel Quist

1. Harvest report
Noted.
"""


@pytest.mark.parametrize("text, code", [(STAFF_OF_KNOWN_UNIT, "ISU-APMBC"),
                                        (STAFF_OF_OWN_BODY, "OGC")])
def test_secretariat_group_is_the_body_secretariat(attendees, text, code) -> None:
    staff = [a for a in attendees(text) if a.delegation_kind == "secretariat"]
    assert [(a.delegation_code, a.person) for a in staff] == [(code, staff[0].person)]
    assert staff[0].person in {"Omar Haddad", "Abel Quist"}


STAFF_NAMED_IN_PROSE = """Report of the 5th Meeting of the TVX Standing Committee, 4 May 2011

Agenda Item 1: Opening

1. Hana Brodeur (Executive Secretary) welcomed the members to the meeting.

Agenda Item 2: Budget

2. The budget was adopted.
"""

STAFF_IN_BRACKETED_ROWS = """Report of the 7th Meeting of the CBD Bureau

CBD Bureau, Lisbon, 2 June 2012

Host of next meeting
Portugal (A. Sequeira)
Kenya (W. Otieno)
Executive Secretary (K. Aalto)
Clerk (R. Osei)
Norway (E. Berg)

Agenda Item 1: Adoption of the agenda

The agenda was adopted.
"""


@pytest.mark.parametrize("text, person, code", [
    (STAFF_NAMED_IN_PROSE, "Hana Brodeur", "TVX"),  # the parent body a leading acronym names
    (STAFF_IN_BRACKETED_ROWS, "K. Aalto", "CBD"),  # the secretariat the gazetteer knows
    (STAFF_IN_BRACKETED_ROWS, "R. Osei", "CBD"),
])
def test_staff_of_the_body_take_its_secretariat_code(attendees, text, person, code) -> None:
    got = [a for a in attendees(text) if a.person == person]
    assert len(got) == 1
    assert (got[0].delegation_code, got[0].delegation_kind) == (code, "secretariat")


KIND_ONLY_TITLE = """Report of the 4th Meeting of the Standing Committee, 9 May 2003

4th Meeting of the Lagoon Standing Committee
Valletta, 9 May 2003

Kenya (W. Otieno)
Norway (E. Berg)
Administrator (L. Brand)

Agenda Item 1: Adoption of the agenda

The agenda was adopted.
"""

KNOWN_QUALIFIER = """Report of the 2nd Meeting of the Steering Committee

Commonwealth Steering Committee, London, 3 May 2015

Kenya (W. Otieno)
Norway (E. Berg)
Secretary General (T. Mbeki-Roe)

Agenda Item 1: Adoption of the agenda

The agenda was adopted.
"""


def test_a_title_naming_only_the_kind_of_body_takes_the_masthead_qualifier(context) -> None:
    assert body_name(context(KIND_ONLY_TITLE)) == "Lagoon Standing Committee"


@pytest.mark.parametrize("text, person, code", [
    (KIND_ONLY_TITLE, "L. Brand", "LSC"),
    (KNOWN_QUALIFIER, "T. Mbeki-Roe", "COMSEC"),  # "<qualifier> Secretariat" is known
])
def test_staff_of_a_body_named_by_its_masthead(attendees, text, person, code) -> None:
    got = [a for a in attendees(text) if a.person == person]
    assert [(a.delegation_code, a.delegation_kind) for a in got] == [(code, "secretariat")]
