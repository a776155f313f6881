"""Contradictions in the source, recorded as quality flags.

* ``weekday_mismatch``: a weekday written beside a date it does not fall on;
* ``date_conflict``: one previous meeting referred to under different dates (e.g. the heading
  approving its minutes and the sentence naming when it was held);
* ``next_meeting_before_meeting``: a "next meeting" dated before this meeting;
* ``invalid_date``: a day that does not exist ("31 April", "29 February 2015");
* ``pages_not_read``: PDF pages whose text is missing from the document because their text
  layer is glyph garbage or their scan could not be OCR'd (the reader records which and why);
* ``decoding_fallback``: a passage of a UTF-8 text file whose bytes were not UTF-8 and were
  read in another encoding (the reader records where, in ``Document.metadata``);
* ``nothing_recognised``: a document read without error in which no attendance, agenda item,
  turn, decision or date was recognised -- a quiet empty meeting row would hide a text that is
  not minutes, or not the text the file shows.

Cue phrases live in ``resources/date_patterns.jsonl`` (``cue`` records).
"""

from __future__ import annotations

import datetime as dt

from extractors.context import Context
from extractors.date_parsing import cue, find_mentions, resolve
from extractors.dates import reference_date, sentence_bounds
from models.records import DateMention, Extraction, QualityFlag

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _fmt(day: dt.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def _flag(ctx: Context, kind: str, message: str, mention: DateMention) -> QualityFlag:
    return QualityFlag(doc_id=ctx.doc_id, kind=kind, message=message,
                       **ctx.provenance(mention.char_start, mention.char_end))


def weekday_mismatches(ctx: Context, dates: list[DateMention]) -> list[QualityFlag]:
    """Dates whose written weekday is not the weekday they fall on."""
    out = []
    for d in dates:
        if d.date_start is None or d.granularity != "day":
            continue
        raws = find_mentions(d.text)
        if not raws or raws[0].weekday is None:
            continue
        written = raws[0].weekday
        actual = d.date_start.weekday()
        if written != actual:
            note = " (year inferred)" if d.year_inferred else ""
            out.append(_flag(ctx, "weekday_mismatch",
                             f"'{d.text}': {_fmt(d.date_start)}{note} is a {_WEEKDAYS[actual]}, "
                             f"not a {_WEEKDAYS[written]}", d))
    return out


def _context(ctx: Context, d: DateMention) -> tuple[str, int]:
    """Text before the mention in its sentence, and the sentence start."""
    lo, _ = sentence_bounds(ctx, d.char_start, d.char_end)
    return ctx.doc.text[lo:d.char_start], lo


def _item_title(ctx: Context, number: str | None) -> str:
    return next((a.title for a in ctx.agenda if a.number == number), "") if number else ""


def next_meeting_flags(ctx: Context, dates: list[DateMention]) -> list[QualityFlag]:
    """'Next meeting' dates that fall before this meeting's date."""
    meeting = reference_date(ctx)
    if meeting is None:
        return []
    rx = cue("next_meeting")
    out = []
    for d in dates:
        if d.date_start is None or d.date_start >= meeting:
            continue
        before, _ = _context(ctx, d)
        if rx.search(before) or rx.search(_item_title(ctx, d.agenda_item)):
            out.append(_flag(ctx, "next_meeting_before_meeting",
                             f"next meeting dated '{d.text}' ({_fmt(d.date_start)}), before this "
                             f"meeting of {_fmt(meeting)}", d))
    return out


def previous_meeting_conflicts(ctx: Context, dates: list[DateMention]) -> list[QualityFlag]:
    """One previous meeting given different dates in different sentences of one agenda item."""
    rx = cue("previous_meeting")
    refs: dict[str | None, list[tuple[DateMention, int]]] = {}
    for d in dates:
        if d.date_start is None or d.granularity != "day" or d.date_start != d.date_end:
            continue
        before, sent = _context(ctx, d)
        if rx.search(before):
            refs.setdefault(d.agenda_item, []).append((d, sent))
    out = []
    for group in refs.values():
        first, first_sent = group[0]
        for d, sent in group[1:]:
            if sent != first_sent and d.date_start != first.date_start:
                out.append(_flag(ctx, "date_conflict",
                                 f"previous meeting referred to as '{first.text}' and as "
                                 f"'{d.text}'", d))
    return out


def invalid_dates(ctx: Context) -> list[QualityFlag]:
    """Date mentions naming a day the month does not have (left out of the dates table)."""
    reference = reference_date(ctx)
    out = []
    for raw in find_mentions(ctx.doc.text):
        if (raw.has_year or reference is not None) and resolve(raw, reference) is None:
            out.append(QualityFlag(doc_id=ctx.doc_id, kind="invalid_date",
                                   message=f"'{' '.join(raw.text.split())}' is not a real date",
                                   **ctx.provenance(raw.start, raw.end)))
    return out


def decoding_fallbacks(ctx: Context) -> list[QualityFlag]:
    """Passages the text reader decoded in a fallback encoding (``decoding_fallback_spans``)."""
    meta = ctx.doc.metadata
    out = []
    for span in meta.get("decoding_fallback_spans", "").split():
        start, end = (int(x) for x in span.split("-"))
        out.append(QualityFlag(
            doc_id=ctx.doc_id, kind="decoding_fallback",
            message=f"bytes that are not UTF-8 read as {meta.get('decoding_fallback')} in "
                    f"this passage (file lines {meta.get('decoding_fallback_lines')}); "
                    "check its accented letters and punctuation",
            **ctx.provenance(start, end)))
    return out


def pages_not_read(ctx: Context) -> list[QualityFlag]:
    """One flag, at the start of the document, naming PDF pages whose text was lost."""
    meta = ctx.doc.metadata
    if not meta.get("pages_not_read"):
        return []
    return [QualityFlag(doc_id=ctx.doc_id, kind="pages_not_read",
                        message=f"page(s) {meta['pages_not_read']} could not be read and are "
                                f"missing: {meta.get('pages_not_read_reason', '')}",
                        char_start=0, char_end=0, page=1)]


def extract_quality_flags(ctx: Context, dates: list[DateMention]) -> list[QualityFlag]:
    """Return quality flags (weekday mismatches, conflicting dates, decoding fallbacks ...)."""
    flags = (weekday_mismatches(ctx, dates) + previous_meeting_conflicts(ctx, dates)
             + next_meeting_flags(ctx, dates) + invalid_dates(ctx) + decoding_fallbacks(ctx)
             + pages_not_read(ctx))
    return sorted(flags, key=lambda f: (f.char_start, f.kind))


def nothing_recognised(ctx: Context, extraction: Extraction) -> list[QualityFlag]:
    """One flag when ``extraction`` holds no attendee, agenda item, turn, decision or date."""
    if any((extraction.attendees, extraction.agenda_items, extraction.interventions,
            extraction.decisions, extraction.dates)):
        return []
    words = len(ctx.doc.text.split())
    return [QualityFlag(doc_id=ctx.doc_id, kind="nothing_recognised",
                        message=f"no attendance, agenda item, turn, decision or date was "
                                f"recognised in {words} words of text; check that the file "
                                f"is minutes and that its text was read",
                        char_start=0, char_end=0, page=1)]
