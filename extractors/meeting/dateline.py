"""The meeting's date and times, from statements of when it was held and from datelines.

Date, in order of trust: a statement in the opening text that the meeting was held / took place
/ met / opened on a date ("The Preparatory Committee held four meetings at Geneva from 9 to 10
April 1996"; not "will be held", not "the minutes of the meeting held on"); a dateline of the
head ("Held on Thursday 23 March 2017", "Geneva, 9 May 2019", "Workshop: 28-29 May 2026");
any day-level date of the head. A range gives its first day. A missing year comes from the
weekday and the years the text mentions.

Times: the start from "called to order / opened at <time>", else the dateline's time ("at
8.30 a.m.", "from 10:00 – 11:30 hours", "At 7.30pm on ..."); the end from the dateline's range,
else "the meeting closed / rose / adjourned at <time>".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.context import Context
from extractors.date_parsing import (
    RawMention,
    find_mentions,
    resolve,
    year_from_weekday,
    years_mentioned,
)
from extractors.meeting.header import (
    HeaderLine,
    header_lines,
    held_statements,
    is_dateline,
    opening_text,
)
from extractors.meeting.vocab import patterns

_T = r"(?P<{n}h>\d{{1,2}})(?:[:.h](?P<{n}m>\d{{2}}))?\s*(?P<{n}ap>[ap]\.?\s?m\.?)?"
TIME_RANGE_RE = re.compile(
    r"\b" + _T.format(n="a") + r"\s*(?:hrs|hours|h)?\s*(?:–|-|—|to|until|till)\s*"
    + _T.format(n="b") + r"\s*(?:hrs|hours|h\b)?", re.I)
TIME_RE = re.compile(r"\b(?:at|from|start(?:ing|ed)? at)\s+" + _T.format(n="a")
                     + r"\s*(?:hrs|hours)?", re.I)
_SINGLE_TIME = re.compile(_T.format(n="a"), re.I)


@dataclass(frozen=True)
class MeetingDate:
    """The meeting date, whether its year was worked out, and where it is written."""

    date: dt.date
    year_inferred: bool
    start: int
    end: int


def _hhmm(h: str | None, m: str | None, ap: str | None) -> str | None:
    if h is None:
        return None
    hour, minute = int(h), int(m or 0)
    if ap:
        if ap.lower()[0] == "p" and hour < 12:
            hour += 12
        if ap.lower()[0] == "a" and hour == 12:
            hour = 0
    elif m is None:
        return None  # a bare number is not a time
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str) -> tuple[str | None, str | None]:
    """Start and end time ("HH:MM") of the first time range (or single time) in ``text``."""
    for m in TIME_RANGE_RE.finditer(text):
        a = _hhmm(m.group("ah"), m.group("am"), m.group("aap") or m.group("bap"))
        b = _hhmm(m.group("bh"), m.group("bm"), m.group("bap"))
        if a and b:
            return a, b
    for m in TIME_RE.finditer(text):
        a = _hhmm(m.group("ah"), m.group("am"), m.group("aap"))
        if a:
            return a, None
    return None, None


def _clock(text: str) -> str | None:
    m = _SINGLE_TIME.search(text)
    return _hhmm(m.group("ah"), m.group("am"), m.group("aap")) if m else None


def day_of(raw: RawMention, text: str) -> tuple[dt.date, bool] | None:
    """The (first) day of a day-level mention, and whether its year was worked out from the
    weekday and the years ``text`` mentions."""
    if raw.d1 is None:
        return None
    if raw.has_year:
        res = resolve(raw, None)
        return (res.start, False) if res else None
    year = year_from_weekday(raw, years_mentioned(text))
    if year is None:
        return None
    try:
        return dt.date(year, raw.m1, raw.d1), True
    except ValueError:
        return None


def find_meeting_date(ctx: Context, lines: list[HeaderLine] | None = None) -> MeetingDate | None:
    """The meeting date (see the module docstring)."""
    lines = header_lines(ctx) if lines is None else lines
    full = ctx.doc.text
    for held in held_statements(ctx):
        off = held.start + held.cue
        for raw in find_mentions(held.after_cue):
            day = day_of(raw, full)
            if day:
                return MeetingDate(day[0], day[1], off + raw.start, off + raw.end)
    usable = [ln for ln in lines if not ln.furniture]
    for only_datelines in (True, False):
        for ln in usable:
            if only_datelines and not is_dateline(ln.text):
                continue
            for raw in find_mentions(ctx.doc.text[ln.start:ln.end]):
                day = day_of(raw, full)
                if day:
                    return MeetingDate(day[0], day[1], ln.start + raw.start, ln.start + raw.end)
    return None


def find_meeting_times(ctx: Context, lines: list[HeaderLine],
                       date: MeetingDate | None) -> tuple[str | None, str | None]:
    """(start, end) "HH:MM" of the meeting, or None where the text gives none."""
    start = end = None
    _, opening = opening_text(ctx)
    for rx in patterns("start_statement"):
        m = rx.search(opening)
        if m:
            start = _clock(m.group("time"))
            break
    places = [ln.text for ln in lines if not ln.furniture and is_dateline(ln.text)]
    if date is not None:
        places.append(ctx.doc.text[date.start:min(len(ctx.doc.text), date.end + 60)])
        for held in held_statements(ctx):
            if held.start <= date.start < held.start + len(held.text):
                places.append(held.after_cue)
    for text in places:
        a, b = find_times(text)
        if a:
            start = start or a
            end = b
            break
    if end is None:
        for rx in patterns("end_statement"):
            found = list(rx.finditer(ctx.doc.text))
            if found:
                end = _clock(found[-1].group("time"))
                break
    return start, end
