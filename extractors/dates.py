"""Date mentions with day+month or month+year, ranges as one record."""

from __future__ import annotations

import datetime as dt
import re

from extractors.context import Context
from extractors.date_parsing import (
    RawMention,
    detect_meeting_date,
    find_mentions,
    resolve,
    tense_of,
)
from models.records import DateMention

_CLAUSE = re.compile(r"[;,:]|\b(?:and|but|while|whereas|although|whilst)\b")


def reference_date(ctx: Context) -> dt.date | None:
    """The meeting date: from ``ctx.meeting`` where set, else detected in the document head.

    Where neither gives one, the first dated mention of the text stands in, so that mentions
    without a year still get one.
    """
    if ctx.meeting is not None and ctx.meeting.meeting_date is not None:
        return ctx.meeting.meeting_date
    head_end = ctx.agenda[0].char_start if ctx.agenda else None
    found = detect_meeting_date(ctx.doc.text, head_end)
    if found:
        return found.date
    # last resort: the first day-level date with a year anywhere in the text
    for raw in find_mentions(ctx.doc.text):
        if raw.d1 is not None and raw.y1 is not None:
            res = resolve(raw, None)
            if res is not None:
                return res.start
    return None


def sentence_bounds(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence around ``start:end``, kept inside its block."""
    text = ctx.doc.text
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    block = ctx.doc.block_at(start)
    if block is not None and block.start <= start < block.end:
        lo, hi = block.start, max(block.end, end)
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is not None and ctx.sdoc.has_annotation("SENT_START"):
        sent = span.sent
        lo, hi = max(lo, sent.start_char), min(hi, max(sent.end_char, end))
    return lo, hi


def _tense(ctx: Context, start: int, end: int) -> str | None:
    """Tense around a mention: of its own clause where that has a cue, else of its sentence."""
    lo, hi = sentence_bounds(ctx, start, end)
    before = ctx.doc.text[lo:start]
    after = ctx.doc.text[end:hi]
    clause = _CLAUSE.split(before)[-1] + " " + _CLAUSE.split(after)[0]
    return tense_of(clause) or tense_of(before + " " + after)


def mention_record(ctx: Context, raw: RawMention, reference: dt.date | None) -> DateMention | None:
    """The DateMention for ``raw`` (``None`` where it cannot be resolved to a real date)."""
    tense = None
    if not raw.has_year and raw.rel_year is None:
        tense = _tense(ctx, raw.start, raw.end)
    res = resolve(raw, reference, tense)
    if res is None:
        return None
    return DateMention(
        doc_id=ctx.doc_id, text=" ".join(raw.text.split()), date_start=res.start, date_end=res.end,
        granularity=raw.granularity, year_inferred=res.year_inferred,
        agenda_item=ctx.agenda_item_at(raw.start), **ctx.provenance(raw.start, raw.end),
    )


def extract_dates(ctx: Context) -> list[DateMention]:
    """Return the date mentions in document order."""
    reference = reference_date(ctx)
    out = []
    for raw in find_mentions(ctx.doc.text):
        rec = mention_record(ctx, raw, reference)
        if rec is not None:
            out.append(rec)
    return out
