"""Sequence, date, times, venue and presidency from fictional minutes of several layouts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from extractors.meeting.vocab import ordinal_value
from models.records import Meeting

MeetingOf = Callable[[str], Meeting]


@pytest.mark.parametrize(("text", "value"), [
    ("Thirty-first", 31), ("twenty sixth", 26), ("Fifth", 5), ("1st", 1), ("273rd", 273),
    ("32 nd", 32), ("TENTH", 10),
])
def test_ordinal_values(text: str, value: int) -> None:
    assert ordinal_value(text) == value


@pytest.mark.parametrize(("text", "sequence"), [
    ("Dock Council: Summary Record of the Thirty-first Meeting\n\nPresident: Mr. Brenning\n", 31),
    ("Fifth meeting of the Harbour Board\n\nTuesday 4 March 2031\n", 5),
    ("Harbour Authority\n\n273rd Session\nKellingford, November 2031\n\nRecord of Decisions\n\n"
     "First item on the agenda\n", 273),
    ("# Harbour Board - Meeting 3 (25 March 2031)\n\n## Context\n", 3),
    ("REPORT OF THE TENTH ORDINARY SESSION OF THE DOCK COUNCIL\n\nI. INTRODUCTION\n", 10),
])
def test_sequence(meeting_of: MeetingOf, text: str, sequence: int) -> None:
    assert meeting_of(text).sequence == sequence


@pytest.mark.parametrize("text", [
    "---\ntitle: Harbour Board Meeting 2031 May\n---\n\n#### 2 May 2031 Kellingford.\n",
    "Chairman's Report of the Special Meeting\n\n1. PURPOSE\n\nThe 30th Annual Meeting had "
    "deferred the matter.\n",
])
def test_no_sequence(meeting_of: MeetingOf, text: str) -> None:
    assert meeting_of(text).sequence is None


def test_held_statement_beats_issue_date_and_called_to_order_beats_heading_time(
        meeting_of: MeetingOf) -> None:
    m = meeting_of("""Summary record of the 310th meeting

Distr.: General
31 October 2031

Held at the Harbour House, Kellingford, on Friday, 9 March 2031, at 3 p.m.

Chairperson: Ms. Ada Quillfeather

The meeting was called to order at 3.20 p.m.

The meeting rose at 5.40 p.m.
""")
    assert m.meeting_date == dt.date(2031, 3, 9)
    assert (m.start_time, m.end_time) == ("15:20", "17:40")
    assert m.venue == "Harbour House, Kellingford"
    assert m.presidency_code is None  # the chair is named without a State


def test_opening_paragraph_statements(meeting_of: MeetingOf) -> None:
    m = meeting_of("""1. The Founding Charter of the Dock Council contained the following \
decision: "A review meeting shall be held in Port Elstow not later than 2031."

2. The Council would meet in Port Elstow from 9 to 12 April 2031.

3. The Preparatory Group held four meetings at
Kellingford from 9 to 10 April 2031.

4. The Group elected by acclamation Ambassador Tomas Brenning (Norway) as Chairman.
""")
    assert m.title is None
    assert m.meeting_date == dt.date(2031, 4, 9)
    assert m.venue == "Kellingford"
    assert m.presidency_code == "NOR"
    assert m.start_time is None


@pytest.mark.parametrize(("text", "date", "times", "venue"), [
    ("Minutes of the Dock Council Meeting held in the Village Hall\n\nAt 7.30pm on Wednesday 5 "
     "August 2031\n\nThose Attending: Cllr A Quill\n\n1. Minutes\n\nThere being no further "
     "business the meeting closed at 9.25pm\n",
     dt.date(2031, 8, 5), ("19:30", "21:25"), "Village Hall"),
    ("Oslo Harbour Conference, 1-18 September 2031: report\n\n 1. Opening  \n\nThe Plenary met "
     "on September 1 2031 at 11.00 hrs.\n", dt.date(2031, 9, 1), ("11:00", None), None),
    ("# Harbour Board Workshop Minutes\nWorkshop: 28-29 May 2031\n\nVenue: Harbour House\n"
     "Quay Road 4, 1234 Kellingford\n\n## Agenda\n|TIME|TOPIC|\n|09:00 - 09:15|Coffee|\n",
     dt.date(2031, 5, 28), (None, None), "Harbour House Quay Road 4, 1234 Kellingford"),
    ("Dock Council report\nKellingford, Northland, 27 March 2031\n\nAgenda Item 1: Opening\n",
     dt.date(2031, 3, 27), (None, None), "Kellingford, Northland"),
])
def test_datelines(meeting_of: MeetingOf, text: str, date: dt.date,
                   times: tuple[str | None, str | None], venue: str | None) -> None:
    m = meeting_of(text)
    assert m.meeting_date == date
    assert (m.start_time, m.end_time) == times
    assert m.venue == venue


@pytest.mark.parametrize(("text", "code"), [
    ("SUMMARY RECORD OF THE SECOND MEETING\n\nCHAIRMAN: Dr Ada Quillfeather (Iceland)\n", "ISL"),
    ("Record of the First Meeting\n\nActing Chairman: Mr. T. Brenning (Chile)\n", "CHL"),
    ("Minutes\n\n1. Election\n\nH.E. Ambassador T. Brenning, Permanent Representative of Canada "
     "in Port Elstow, was elected President by acclamation.\n", "CAN"),
    ("Minutes\n\nDecision 4.1: On the motion of Chile, seconded by Peru, Norway was "
     "unanimously elected as Chairperson. Chile was elected to serve as Vice-Chair.\n", "NOR"),
    ("Record of the First Meeting\n\nThe Council elected Ms. Ada Quillfeather (Kenya) as its "
     "Chairman. Mr. Brenning (Chile) was elected Vice-Chairman.\n", "KEN"),
    ("Report of the 2nd Meeting of the Dock Council\n\n1. Ada Quillfeather (Chair, Ghana) "
     "opened the meeting.\n", "GHA"),
    ("The regular meeting of the Council was conducted under the chairmanship of Ambassador "
     "Ada Quillfeather, Permanent Representative of Peru, and opened at 10:08 a.m.\n", "PER"),
])
def test_presidency_of_a_state(meeting_of: MeetingOf, text: str, code: str) -> None:
    assert meeting_of(text).presidency_code == code


@pytest.mark.parametrize(("text", "code"), [
    ("#### 11th January 2031 - via teleconference\n\n**Attendance**\n- Ada Quillfeather (AQ), "
     "Harbour Office (HBO) - Board Chair\n- Tomas Brenning (TB), Dock Agency (DKA) - Board "
     "Vice-Chair\n", "HBO"),
    ("# Harbour Board - Meeting 4\n\n## Context\nTomas Brenning, Director at the Office of "
     "Coastal Services, acted as chair.\n", "OCS"),
    ("Minutes of the Northmoor Parish Council meeting held on 8 July 2031\n\nAttendance: A "
     "Quill (Chair); B Fenn (Vice-Chair); C Moss (Clerk)\n\n1. Apologies\n", "NPC"),
])
def test_presidency_of_a_non_state_body(meeting_of: MeetingOf, text: str, code: str) -> None:
    assert meeting_of(text).presidency_code == code


@pytest.mark.parametrize("text", [
    "Summary Record\n\nPresident: Mr. BRENNING\n\nThe PRESIDENT invited comments.\n",
    "Minutes\n\nThe meeting was opened by its Co-Chairs, T. Brenning of Chile and A. Quill of "
    "Peru. A. Moss of Ghana spoke on behalf of the President of the Fifth Conference.\n",
])
def test_no_presidency_where_no_state_is_named(meeting_of: MeetingOf, text: str) -> None:
    assert meeting_of(text).presidency_code is None


UN_RECORD = """UNITED NATIONS

ECONOMIC AND SOCIAL COUNCIL

Distr. GENERAL

XB/LHS/SR.26
14 February 2031

ENGLISH
ORIGINAL: FRENCH

COMMISSION ON HARBOUR STANDARDS

Sixth Session

SUMMARY RECORD OF THE TWENTY-SIXTH MEETING

Held at Lake Elstow, Northland, on Friday, 10 February 2031, at 2.15 p.m.

CONTENTS:

Draft code on harbour lights (continued)

Chairman: Mrs. QUILLFEATHER (United States of America)
Rapporteur: Mr. BRENNING (Lebanon)

DRAFT CODE ON HARBOUR LIGHTS (continued)

The CHAIRMAN invited the Commission to continue.

The meeting rose at 5.40 p.m.
"""

CAPTURE = """Navigate Up
Sign In
Meetings > Dock Council > Minutes
Download "MINUTES OF THE DOCK COUNCIL"
Size: px
Start display at page:
Transcription

1 MINUTES OF THE TWELFTH MEETING OF THE DOCK COUNCIL Held at the Harbour House, Kellingford \
on Tuesday 3 June 2031 at 10.00 hrs Present: Ms. A Quill (Chair), Mr. T Brenning
1. Opening
The Chair opened the meeting.
1|P a g e
"""

COUNCIL = """Kellingford Dock Council

Minutes of the Annual General Meeting

Date: Tuesday 3 June 2031
Time: 7.00 pm - 8.45 pm
Place: Harbour House, Quay Road

Present: Cllr A Quill (Chair), Cllr T Brenning, C Moss (Clerk)

1. Apologies
None.
"""


@pytest.mark.parametrize(("text", "row"), [
    (UN_RECORD, ("SUMMARY RECORD OF THE TWENTY-SIXTH MEETING", 26, dt.date(2031, 2, 10),
                 "14:15", "17:40", "Lake Elstow, Northland", "USA")),
    (CAPTURE, ("MINUTES OF THE TWELFTH MEETING OF THE DOCK COUNCIL", 12, dt.date(2031, 6, 3),
               "10:00", None, "Harbour House, Kellingford", "DC")),
    (COUNCIL, ("Minutes of the Annual General Meeting", None, dt.date(2031, 6, 3), "19:00",
               "20:45", "Harbour House, Quay Road", "KDC")),
])
def test_whole_headers(meeting_of: MeetingOf, text: str, row: tuple) -> None:
    m = meeting_of(text)
    assert (m.title, m.sequence, m.meeting_date, m.start_time, m.end_time, m.venue,
            m.presidency_code) == row


@pytest.mark.parametrize(("tail", "end"), [
    ("There being no further business the meeting closed at 9.25pm\n", "21:25"),
    ("The Chair closed the meeting at 16:10.\n", "16:10"),
    ("Registration for the regatta closed at 5 pm on Friday.\n", None),
])
def test_end_time_from_a_closing_statement(meeting_of: MeetingOf, tail: str,
                                           end: str | None) -> None:
    m = meeting_of("Minutes of the Dock Council meeting\n\nTuesday 3 June 2031\n\n1. Reports\n\n"
                   + tail)
    assert m.end_time == end
