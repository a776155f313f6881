"""Due dates: stated deadlines, the end of the year, and "by the next meeting"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from extractors.decisions.deadlines import due_date, next_meeting_date, relative_due
from models.records import Decision

Extract = Callable[[str], list[Decision]]


def test_end_of_the_year_and_month() -> None:
    ref = dt.date(2031, 4, 2)
    assert due_date("the catalogue will be updated by the end of the year", ref) == \
        dt.date(2031, 12, 31)
    assert due_date("the survey will be finished before the end of June", ref) == \
        dt.date(2031, 6, 30)
    assert due_date("the survey will be finished at some point", ref) is None


def test_next_meeting_date_from_a_sentence_and_from_a_heading() -> None:
    ref = dt.date(2030, 3, 4)
    prose = "Any other business. The next meeting will be held on Tuesday 8 April 2030."
    assert next_meeting_date(prose, ref) == dt.date(2030, 4, 8)
    heading = "9. Date of next meeting\n\nThursday 15th May at 7pm in the chapel hall.\n"
    assert next_meeting_date(heading, ref) == dt.date(2030, 5, 15)
    assert next_meeting_date("The next meeting will be arranged later.", ref) is None


def test_relative_deadline_needs_a_deadline_preposition() -> None:
    day = dt.date(2030, 4, 8)
    assert relative_due("and report back to the next meeting", day) == day
    assert relative_due("drafts are due by the next meeting", day) == day
    assert relative_due("a venue is to be chosen at the next meeting", day) is None
    assert relative_due("report back to the next meeting", None) is None


def test_action_due_by_the_next_meeting(decisions_of: Extract) -> None:
    recs = decisions_of(
        "Minutes of Millbrook Footpaths Group meeting held on 3 September 2031\n\n"
        "1. Stiles\n\nThe Secretary will ask the landowners about repairs and report back "
        "to the next meeting.\n\n"
        "2. Next meeting\n\nThe next meeting will be on Wednesday 1 October 2031.\n")
    stile = next(r for r in recs if "landowners" in r.text)
    assert (stile.kind, stile.due_date) == ("action", dt.date(2031, 10, 1))
