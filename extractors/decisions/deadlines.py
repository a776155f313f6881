"""Due dates of action points: a date after a deadline cue ("by 23rd June at the latest"), or
the date the document gives the next meeting for a task due "by the next meeting"."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache

from extractors.date_parsing import find_mentions, resolve
from extractors.lexicon import cue_of

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = "(?P<m{n}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d{n}>\d{1,2})(?:<sup>)?(?:st|nd|rd|th)?(?:</sup>)?"
_YEAR = r"(?:,?\s*(?P<y{n}>(?:19|20)\d\d))?"


def _n(template: str, n: int) -> str:
    return template.replace("{n}", str(n))


@cache
def _pattern() -> re.Pattern[str]:
    cues = sorted(cue_of("decision_cues.tsv", "deadline"), key=len, reverse=True)
    cue_re = "|".join(re.escape(c) for c in cues)
    day_month = _n(_DAY + r"\s+(?:of\s+)?" + _MONTH + _YEAR, 1)
    month_day = _n(_MONTH + r"\s+" + _DAY + _YEAR, 2)
    end_of = r"(?:the\s+)?end\s+of\s+" + _n(_MONTH + _YEAR, 3)
    month_only = _n(_MONTH + _YEAR, 4)
    return re.compile(
        rf"\b(?P<cue>{cue_re}|at|on)\s*(?:[:(]\s*)?(?:the\s+)?"
        rf"(?:{day_month}|{month_day}|{end_of}|{month_only})\b", re.I)


def _year(value: str | None, reference: dt.date | None) -> int | None:
    if value:
        return int(value)
    return reference.year if reference else None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_YEAR_END = re.compile(r"\b(?:by|before|until|till)\s+(?:the\s+)?end\s+of\s+(?:the|this)\s+year\b",
                       re.I)


def due_date(text: str, reference: dt.date | None, delivery: bool = False) -> dt.date | None:
    """The deadline stated in ``text``; "on <date>" counts only for delivery verbs."""
    if reference is not None and _YEAR_END.search(text):
        return dt.date(reference.year, 12, 31)
    on_day: dt.date | None = None
    for m in _pattern().finditer(text):
        cue = m.group("cue").lower()
        try:
            if m.group("m3"):  # (by / at) the end of June
                year = _year(m.group("y3"), reference)
                return _month_end(year, _MONTHS[m.group("m3").lower()]) if year else None
            if m.group("m4"):  # before March -> last day of February
                if cue != "before":
                    continue
                year = _year(m.group("y4"), reference)
                if year is None:
                    return None
                first = dt.date(year, _MONTHS[m.group("m4").lower()], 1)
                return first - dt.timedelta(days=1)
            if cue in {"at"} or (cue == "on" and not delivery):
                continue
            n = 1 if m.group("m1") else 2
            year = _year(m.group(f"y{n}"), reference)
            if year is None:
                return None
            day = dt.date(year, _MONTHS[m.group(f"m{n}").lower()], int(m.group(f"d{n}")))
            if cue != "on":
                return day
            on_day = on_day or day  # a delivery date, unless a deadline follows
        except (ValueError, KeyError):
            continue
    return on_day


@cache
def _next_meeting_re() -> re.Pattern[str]:
    names = sorted(cue_of("decision_cues.tsv", "next_meeting"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I)


@cache
def _relative_re() -> re.Pattern[str]:
    preps = sorted(cue_of("decision_cues.tsv", "relative_deadline"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in preps) + r")\s+the\s+(?:"
                      + _next_meeting_re().pattern[5:-3] + r")\b", re.I)


def next_meeting_date(text: str, reference: dt.date | None) -> dt.date | None:
    """The date the document gives the next meeting: a day-level date in the sentence (or the
    heading and line) that names the next meeting, later than the meeting itself."""
    for m in _next_meeting_re().finditer(text):
        dot = text.rfind(".", 0, m.start())  # a paragraph break after it, if any, is nearer
        window_start = max(dot, text.rfind("\n\n", max(dot, 0), m.start())) + 1
        window = text[window_start:m.end() + 200]
        stop = re.search(r"\.\s|\n\s*\n\s*\S[^\n]*\n\s*\n", window[m.end() - window_start:])
        if stop:
            window = window[:m.end() - window_start + stop.end()]
        for raw in find_mentions(window):
            if raw.d1 is None:
                continue
            res = resolve(raw, reference, "next")
            if res is not None and (reference is None or res.start > reference):
                return res.start
    return None


def relative_due(text: str, next_meeting: dt.date | None) -> dt.date | None:
    """"report back to the next meeting", "by the next meeting": the next meeting's date."""
    if next_meeting is None:
        return None
    return next_meeting if _relative_re().search(text) else None
