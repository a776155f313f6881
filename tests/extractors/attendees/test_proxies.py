"""Proxy lines: "ORG - Person (AB) representing ..." names the person's affiliation first."""

from __future__ import annotations

BULLETED_ACRONYMS = """Harbour Pilots Association - Board Meeting, 3 March 2021

1. Welcome
    1. Ines Marlow (IM) (Chair) and Tobias Renn (TR) joined the meeting.

2. Declaration of delegates
    1. The following proxies were accepted:
        - NPS - Hedda Vrolijk (HV) representing with authority from NPS Director Ola Sund.
        - Coastal Survey Office (CSO) - Yann Perrot (YP) representing with authority from CSO
          Head - Ada Kim

3. Approval of minutes
    1. The minutes were approved.
"""

DASHED_WITH_COMMA = """Minutes of the Riverside Ferry Council, 9 May 2019

Present: Councillor Ruth Amberley (Chair), Councillor Milo Trent

Proxies
GFL – Mr. Oskar Lindgren, representing the Chair of GFL
Lakeland Shipping Trust – Dr Nia Pryce, representing the Trust's board

1. Apologies
None.
"""

SPEAKER_BULLETS = """Harbour Pilots Association - Board Meeting, 3 March 2021

1. Budget
- HV - Fees are paid annually.
- YP - No need for a meeting.
"""


def test_bulleted_proxy_lines_with_acronyms(attendees) -> None:
    got = [(a.delegation_code, a.person, a.status) for a in attendees(BULLETED_ACRONYMS)
           if a.person in {"Hedda Vrolijk", "Yann Perrot"}]
    assert got == [("NPS", "Hedda Vrolijk", "present"), ("CSO", "Yann Perrot", "present")]


def test_proxy_lines_with_a_dash_and_a_comma(attendees) -> None:
    got = {a.person: (a.delegation_code, a.honorific) for a in attendees(DASHED_WITH_COMMA)}
    assert got["Oskar Lindgren"] == ("GFL", "Mr.")
    assert got["Nia Pryce"] == ("LST", "Dr")


def test_speaker_bullets_are_not_proxy_lines(attendees) -> None:
    assert attendees(SPEAKER_BULLETS) == []
