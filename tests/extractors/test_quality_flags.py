"""Quality flags: weekday mismatches, conflicting previous-meeting dates, early next meeting."""

from __future__ import annotations

import datetime as dt

from extractors.agenda import extract_agenda
from extractors.context import Context
from extractors.dates import extract_dates
from extractors.nlp import get_nlp
from extractors.quality_flags import extract_quality_flags
from extractors.readers import parse_bytes
from models.records import Meeting


def _flags(text: str, meeting_date: dt.date) -> list[str]:
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    ctx = Context(doc=doc, sdoc=get_nlp()(doc.text))
    ctx.set_agenda(extract_agenda(ctx))
    ctx.meeting = Meeting(doc_id=doc.doc_id, source_path="x.txt", source_format="txt",
                          meeting_date=meeting_date)
    return [f.kind for f in extract_quality_flags(ctx, extract_dates(ctx))]


def test_weekday_mismatch() -> None:
    text = "Minutes\n\nHeld on Monday 14 March 2018\n\n1. Opening\n\nThe chair opened it."
    assert _flags(text, dt.date(2018, 3, 14)) == ["weekday_mismatch"]


def test_weekday_match_is_not_flagged() -> None:
    text = "Minutes\n\nHeld on Wednesday 14 March 2018\n\n1. Opening\n\nThe chair opened it."
    assert _flags(text, dt.date(2018, 3, 14)) == []


def test_previous_meeting_date_conflict() -> None:
    text = ("Minutes\n\n1. Opening\n\nThe chair opened it.\n\n"
            "2. Approval of the Minutes of 5 October 2018\n\n"
            "The minutes of the meeting held on 5 November 2018 were approved.\n\n"
            "3. Other business\n\nNone.")
    assert _flags(text, dt.date(2018, 11, 20)) == ["date_conflict"]


def test_previous_meeting_same_date_is_not_flagged() -> None:
    text = ("Minutes\n\n1. Approval of the Minutes of 5 October 2018\n\n"
            "The minutes of the meeting held on 5 October 2018 were approved.")
    assert _flags(text, dt.date(2018, 11, 20)) == []


def test_next_meeting_before_this_one() -> None:
    text = ("Minutes\n\n1. Opening\n\nThe chair opened it.\n\n2. Date of the next meeting\n\n"
            "It was agreed to meet again on 2 March 2018.")
    assert _flags(text, dt.date(2018, 3, 14)) == ["next_meeting_before_meeting"]


def test_next_meeting_after_this_one_is_not_flagged() -> None:
    text = "Minutes\n\nThe next meeting will take place on 2 April 2018."
    assert _flags(text, dt.date(2018, 3, 14)) == []


def test_invalid_date() -> None:
    text = "Minutes\n\nHeld on 14 March 2018\n\nReports are due by 31 April 2018."
    assert _flags(text, dt.date(2018, 3, 14)) == ["invalid_date"]


def _extract_text(text: str):  # type: ignore[no-untyped-def]
    from extractors.extract import extract
    return extract(parse_bytes(text.encode(), "txt", "case.txt"))


def test_text_that_is_not_minutes_is_flagged_not_left_empty() -> None:
    extraction = _extract_text("Shopping list\n\nflour, eggs, two lemons and some basil.\n")
    kinds = [f.kind for f in extraction.quality_flags]
    assert kinds == ["nothing_recognised"]
    assert "words of text" in extraction.quality_flags[0].message


def test_minutes_with_records_get_no_nothing_recognised_flag() -> None:
    extraction = _extract_text(
        "Minutes of the Orchard Board\n\nMeeting held on 4 March 2031 in Lindenfeld.\n\n"
        "Present: Ms Ilse Varga (Chair), Mr Tomas Brell\n\n"
        "1. Adoption of the agenda\n\nThe Board adopted the agenda.\n")
    assert extraction.attendees or extraction.dates
    assert "nothing_recognised" not in [f.kind for f in extraction.quality_flags]
