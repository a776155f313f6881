"""Date mentions with day+month or month+year, ranges as one record."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from extractors.context import Context
from extractors.date_parsing import RawMention, cue, find_mentions, resolve, tense_of
from extractors.meeting.dateline import find_meeting_date
from models.records import DateMention

_CLAUSE = re.compile(r"[;,:]|\b(?:and|but|while|whereas|although|whilst)\b")
_MASKED_FURNITURE = frozenset({"page_marker", "web_chrome"})
_RANGE_TO = re.compile(r"\s+(?:to|until|till)\s+")
CHANGE_REACH = 80


def reference_date(ctx: Context) -> dt.date | None:
    """The meeting date: from ``ctx.meeting`` where set, else detected in the document head.

    Where neither gives one, the first dated mention of the text stands in, so that mentions
    without a year still get one.
    """
    if ctx.meeting is not None and ctx.meeting.meeting_date is not None:
        return ctx.meeting.meeting_date
    found = find_meeting_date(ctx)
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


def _heading_tense(ctx: Context, offset: int) -> str | None:
    """``next`` where the agenda item around ``offset`` is a schedule of meetings ("Dates of
    Council meetings for the year ahead"): its yearless dates are all to come."""
    number = ctx.agenda_item_at(offset)
    for item in ctx.agenda:
        if item.number == number and item.char_start <= offset and cue("schedule").search(
                item.title or ""):
            return "next"
    return None


def mention_record(ctx: Context, raw: RawMention, reference: dt.date | None) -> DateMention | None:
    """The DateMention for ``raw`` (``None`` where it cannot be resolved to a real date)."""
    tense = None
    if not raw.has_year and raw.rel_year is None:
        tense = _tense(ctx, raw.start, raw.end) or _heading_tense(ctx, raw.start)
    res = resolve(raw, reference, tense)
    if res is None:
        return None
    return DateMention(
        doc_id=ctx.doc_id, text=" ".join(raw.text.split()), date_start=res.start, date_end=res.end,
        granularity=raw.granularity, year_inferred=res.year_inferred,
        agenda_item=ctx.agenda_item_at(raw.start), **ctx.provenance(raw.start, raw.end),
    )


def searchable_text(ctx: Context) -> str:
    """The body text with page markers and site chrome blanked (same length, so offsets hold):
    a date never runs across them ("- 1 -" then "30 June 2010" is not "1 - 30 June")."""
    text = ctx.doc.text
    for b in ctx.doc.blocks:
        if b.furniture in _MASKED_FURNITURE:
            text = text[:b.start] + " " * (b.end - b.start) + text[b.end:]
    return text


def split_moves(text: str, mentions: list[RawMention]) -> list[RawMention]:
    """``mentions`` with a "from X to Y" range read as two dates where the words before it
    speak of a change ("move the start of the year from 1 June to 1 September")."""
    out: list[RawMention] = []
    change = cue("change")
    for raw in mentions:
        parts = _RANGE_TO.split(raw.text, maxsplit=1)
        before = text[max(0, raw.start - CHANGE_REACH):raw.start]
        if len(parts) == 2 and change.search(_CLAUSE.split(before)[-1]):
            right = raw.start + raw.text.index(parts[1], len(parts[0]))
            halves = [(raw.start, find_mentions(parts[0])), (right, find_mentions(parts[1]))]
            if all(len(found) == 1 for _, found in halves):
                out.extend(dataclasses.replace(found[0], start=found[0].start + off,
                                               end=found[0].end + off)
                           for off, found in halves)
                continue
        out.append(raw)
    return out


def extract_dates(ctx: Context) -> list[DateMention]:
    """Return the date mentions in document order."""
    reference = reference_date(ctx)
    out = []
    text = searchable_text(ctx)
    for raw in split_moves(text, find_mentions(text)):
        rec = mention_record(ctx, raw, reference)
        if rec is not None:
            out.append(rec)
    return out
