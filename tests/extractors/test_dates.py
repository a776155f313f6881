"""Date mentions: formats, ranges, year inference, independence from today's date."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.agenda import extract_agenda
from extractors.context import Context
from extractors.date_parsing import find_mentions, resolve
from extractors.dates import extract_dates
from extractors.meeting import find_meeting_date
from extractors.nlp import get_nlp
from extractors.readers import parse_bytes
from models.records import Meeting


def _ctx(text: str, meeting_date: dt.date | None = None) -> Context:
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    ctx = Context(doc=doc, sdoc=get_nlp()(doc.text))
    ctx.set_agenda(extract_agenda(ctx))
    ctx.meeting = Meeting(doc_id=doc.doc_id, source_path="x.txt", source_format="txt",
                          meeting_date=meeting_date)
    return ctx


def _dates(text: str, meeting_date: dt.date | None = None) -> list[tuple[str, str, str, bool]]:
    return [(d.text, d.date_start.isoformat(), d.date_end.isoformat(), d.year_inferred)
            for d in extract_dates(_ctx(text, meeting_date))]


@pytest.mark.parametrize(("text", "start", "end", "gran"), [
    ("held on 3 May 2019 in Rome.", "2019-05-03", "2019-05-03", "day"),
    ("on Monday, 2 September 2019.", "2019-09-02", "2019-09-02", "day"),
    ("by October 14, 2019 at the latest.", "2019-10-14", "2019-10-14", "day"),
    ("the 11<sup>th</sup> of November 2019 session", "2019-11-11", "2019-11-11", "day"),
    ("on 2nd July 2019 too", "2019-07-02", "2019-07-02", "day"),
    ("a workshop on 4 - 6 March 2019.", "2019-03-04", "2019-03-06", "day"),
    ("from 8 to 11 April 2019.", "2019-04-08", "2019-04-11", "day"),
    ("on 9 and 10 April 2019.", "2019-04-09", "2019-04-10", "day"),
    ("from 30 November 2018 up to 2 January 2019.", "2018-11-30", "2019-01-02", "day"),
    ("in February 2020 the plan", "2020-02-01", "2020-02-29", "month"),
    ("the report of 14/02/2019 said", "2019-02-14", "2019-02-14", "day"),
    ("over November 2030 – September 2031 the unit", "2030-11-01", "2031-09-30", "month"),
    ("title: Harbour Board 2031 May", "2031-05-01", "2031-05-31", "month"),
])
def test_formats(text: str, start: str, end: str, gran: str) -> None:
    [m] = find_mentions(text)
    r = resolve(m, None)
    assert r is not None
    assert (r.start.isoformat(), r.end.isoformat(), m.granularity) == (start, end, gran)
    assert not r.year_inferred


@pytest.mark.parametrize("text", [
    "The meeting took place on Tuesday.",
    "It will be discussed in March.",
    "Progress since 2015 was good.",
    "He may 5 times ask.",
    "Article 7 reports were due.",
])
def test_not_dates(text: str) -> None:
    assert find_mentions(text) == []


def test_year_from_meeting_date() -> None:
    got = _dates("Minutes\n\nThe paper was circulated on 12 October. Comments by 20 November.",
                 dt.date(2019, 10, 30))
    assert got == [("12 October", "2019-10-12", "2019-10-12", True),
                   ("20 November", "2019-11-20", "2019-11-20", True)]


def test_next_meeting_after_year_end() -> None:
    got = _dates("Minutes\n\nThe next meeting will be held on 4 February.", dt.date(2019, 12, 9))
    assert got == [("4 February", "2020-02-04", "2020-02-04", True)]


def test_past_meeting_before_year_start() -> None:
    got = _dates("Minutes\n\nThe minutes of the meeting held on 2 December were approved.",
                 dt.date(2020, 1, 20))
    assert got[0][1] == "2019-12-02"


def test_range_without_year_and_relative_year() -> None:
    got = _dates("Minutes\n\nThe workshop will run from 14 to 16 May. It entered into force in "
                 "June last year.", dt.date(2019, 3, 1))
    assert got == [("14 to 16 May", "2019-05-14", "2019-05-16", True),
                   ("June last year", "2018-06-01", "2018-06-30", True)]


def test_meeting_date_detected_in_head_with_weekday() -> None:
    text = ("Coordination meeting\nSaturday 29 February\n\n1. Opening\n\nThe budget for 2020 "
            "and 2021 was discussed; 2019 figures were final.")
    found = find_meeting_date(_ctx(text))
    assert found is not None
    assert found.date == dt.date(2020, 2, 29) and found.year_inferred


def test_fallback_to_detected_meeting_date() -> None:
    text = ("Coordination meeting\nThursday 5 March\n\n1. Opening\n\nThe chair recalled the "
            "2020 plan and the meeting of 19 February.")
    got = _dates(text, None)
    assert got[0] == ("Thursday 5 March", "2020-03-05", "2020-03-05", True)
    assert got[1] == ("19 February", "2020-02-19", "2020-02-19", True)


def test_agenda_item_of_mention() -> None:
    text = "Minutes\n\n1. Opening\n\nOpened on 3 May 2019.\n\n2. Budget\n\nDue on 9 June 2019."
    ctx = _ctx(text, dt.date(2019, 5, 3))
    assert [d.agenda_item for d in extract_dates(ctx)] == ["1", "2"]


def test_weekday_picks_neighbouring_year() -> None:
    got = _dates("Minutes\n\nThe next meeting is on Tuesday 4 February.", dt.date(2019, 12, 20))
    assert got == [("Tuesday 4 February", "2020-02-04", "2020-02-04", True)]


def test_results_do_not_depend_on_today() -> None:
    [m] = find_mentions("on 3 March")
    r = resolve(m, dt.date(2001, 2, 1))
    assert r is not None and r.start == dt.date(2001, 3, 3) and r.year_inferred
    assert resolve(m, None) is None


def test_next_meeting_without_year_is_never_before_the_meeting() -> None:
    got = _dates("Minutes\n\nThe next meeting will be held on 10 March.", dt.date(2019, 4, 2))
    assert got == [("10 March", "2020-03-10", "2020-03-10", True)]


def test_without_meeting_date_first_dated_mention_is_the_reference() -> None:
    got = _dates("Notes\n\nThe plan of 2 March 2016 was recalled. Comments are due by 20 April.")
    assert got[1] == ("20 April", "2016-04-20", "2016-04-20", True)


def test_tense_of_the_mentions_own_clause() -> None:
    got = _dates("Minutes\n\nThe coordinator said a workshop would be held on 14 February and a "
                 "report was issued on 30 November.", dt.date(2023, 12, 5))
    assert [g[1] for g in got] == ["2024-02-14", "2023-11-30"]


def test_day_month_order_follows_the_document() -> None:
    day_first = "Meeting dates: 12th August 13th January 9th September 10th February"
    assert [m.text for m in find_mentions(day_first)] == [
        "12th August", "13th January", "9th September", "10th February"]
    month_first = "Held on May 6, 2031 and March 14, 2031; the list: 30 June 2031"
    assert [m.text for m in find_mentions(month_first)] == [
        "May 6, 2031", "March 14, 2031", "30 June 2031"]


def test_a_move_from_one_date_to_another_is_two_dates() -> None:
    got = _dates("Minutes\n\nThe Board agreed to move the start of the year from 1 June to "
                 "1 September. The survey runs from 3 to 7 March.", dt.date(2031, 2, 1))
    assert [g[0] for g in got] == ["1 June", "1 September", "3 to 7 March"]


def test_schedule_item_dates_are_to_come() -> None:
    text = ("Minutes of the Dock Council meeting held on 8 July 2031\n\n1. Apologies\n\nNone."
            "\n\n2. Dates of Council meetings for the year ahead\n\n2031 2032\n\n"
            "12th August 13th January\n\n3. Any other business\n\nNone.")
    got = _dates(text, dt.date(2031, 7, 8))
    assert [(g[0], g[1]) for g in got][1:] == [("12th August", "2031-08-12"),
                                               ("13th January", "2032-01-13")]


def test_weekday_slip_near_the_meeting_keeps_the_year() -> None:
    got = _dates("Minutes\n\nDay 2 Thursday 29th May: feedback.", dt.date(2031, 5, 28))
    assert got == [("Thursday 29th May", "2031-05-29", "2031-05-29", True)]


def test_page_marker_is_not_part_of_a_date() -> None:
    got = _dates("- 1 -\n\n\n30 June 2031\n\nRecord of the meeting held on May 6, 2031")
    assert [g[0] for g in got] == ["30 June 2031", "May 6, 2031"]


def test_numeric_dates_follow_the_documents_order() -> None:
    month_first = "On May 6, 2031 and March 4, 2031 the notes of 5/6/2031 and 25/6/2031"
    assert [(m.d1, m.m1) for m in find_mentions(month_first)][2:] == [(6, 5), (25, 6)]
    day_first = "On 6 May 2031 the note of 5/6/2031"
    assert [(m.d1, m.m1) for m in find_mentions(day_first)][1:] == [(5, 6)]
