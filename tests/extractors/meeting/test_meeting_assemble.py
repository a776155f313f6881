"""Meeting facts on short minutes written for these tests."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from extractors.date_parsing import find_mentions, year_from_weekday
from extractors.meeting import extract_meeting, find_times
from models.records import Meeting
from tests.extractors.meeting.conftest import context_of


def _meeting(text: str) -> Meeting:
    return extract_meeting(context_of(text))


def test_header_block_with_held_on_line() -> None:
    m = _meeting("""# SECOND REVIEW CONFERENCE PREPARATIONS

# SUMMARY RECORD OF THE COORDINATION COMMITTEE MEETING

# Held on Tuesday, 9 April 2019

# at the Permanent Mission of Chile, from 15:00 – 16:30 hours

1. PRESENT:

Chile – 9MSP President

Ms. Ana Torres

2. Opening

The 3rd Coordination Committee meeting of 2019 was opened by the President.
""")
    assert m.title == ("SECOND REVIEW CONFERENCE PREPARATIONS "
                       "SUMMARY RECORD OF THE COORDINATION COMMITTEE MEETING")
    assert m.meeting_type == "coordination_committee"
    assert m.sequence == 3
    assert m.meeting_date == dt.date(2019, 4, 9)
    assert m.year_inferred is False
    assert (m.start_time, m.end_time) == ("15:00", "16:30")
    assert m.venue == "Permanent Mission of Chile"
    assert m.presidency_code == "CHL"


def test_year_inferred_from_weekday_and_years_mentioned() -> None:
    m = _meeting("""*7th Meeting of the CCM Coordination Committee*

*Thursday 5 March*

**List of Attendees:**

- Peru (President)
- Ghana

**Agenda Item 1** – Welcome

The President recalled the decisions of 2014 and the plans for 2015.
""")
    assert m.title == "7th Meeting of the CCM Coordination Committee"
    assert m.sequence == 7
    assert m.meeting_date == dt.date(2015, 3, 5)  # a Thursday; 5 March 2014 was a Wednesday
    assert m.year_inferred is True
    assert m.presidency_code == "PER"
    assert m.venue is None and m.start_time is None


def test_no_title_line_and_chairmanship_in_sentence() -> None:
    m = _meeting("""An informal consultation was held on Monday 7 March 2016 at the \
Palais des Nations under the Ghana chairmanship. Delegations of Chile, Ghana and Peru took part.

1. Reporting

Chile presented the paper.
""")
    assert m.title is None
    assert m.meeting_type == "informal_consultation"
    assert m.sequence is None
    assert m.meeting_date == dt.date(2016, 3, 7)
    assert m.venue == "Palais des Nations"
    assert m.presidency_code == "GHA"


def test_times_and_year_helpers() -> None:
    assert find_times("from 10:00 – 11:30 hours") == ("10:00", "11:30")
    assert find_times("from 2.30 to 4 pm") == ("14:30", "16:00")
    assert find_times("no time here, 2019") == (None, None)
    [wednesday] = find_mentions("Wednesday 29 February")
    assert year_from_weekday(wednesday, Counter({2012: 1, 2013: 1})) == 2012
    assert year_from_weekday(wednesday, Counter()) is None


def test_numbered_meeting_venue_line_and_adjective_presidency() -> None:
    m = _meeting("""MINUTES

Meeting of the Coordination Committee No. 3

Geneva, 12 March 2019, 15:00-17:00

Present:

Chile

1. Opening

The meeting was held under the Austrian presidency.
""")
    assert m.title == "MINUTES Meeting of the Coordination Committee No. 3"
    assert m.sequence == 3
    assert m.meeting_date == dt.date(2019, 3, 12)
    assert (m.start_time, m.end_time) == ("15:00", "17:00")
    assert m.venue == "Geneva"
    assert m.presidency_code == "AUT"
