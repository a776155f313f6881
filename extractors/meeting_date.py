"""The meeting's own date and times: plain regexes, independent of today's date and locale."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted((m for m in MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(WEEKDAYS) + r"),?\s+(?:the\s+)?)?"
_SUFFIX = r"(?:<sup>)?(?:st|nd|rd|th)?(?:</sup>)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DATE_RE = re.compile(
    rf"\b{_WEEKDAY}(?:(?P<day>\d{{1,2}}){_SUFFIX}\s+(?:of\s+)?{_MONTH}"
    rf"|{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}}){_SUFFIX}){_YEAR}\b",
    re.I,
)
NUMERIC_DATE_RE = re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d\d)\b")
_YEARS = re.compile(r"\b((?:19|20)\d\d)\b")
_T = r"(?P<{n}h>\d{{1,2}})(?:[:.h](?P<{n}m>\d{{2}}))?\s*(?P<{n}ap>[ap]\.?m\.?)?"
TIME_RANGE_RE = re.compile(
    r"\b" + _T.format(n="a") + r"\s*(?:hrs|hours|h)?\s*(?:–|-|—|to|until|till)\s*"
    + _T.format(n="b") + r"\s*(?:hrs|hours|h\b)?", re.I)
TIME_RE = re.compile(r"\b(?:at|from|start(?:ing|ed)? at)\s+" + _T.format(n="a")
                     + r"\s*(?:hrs|hours)?", re.I)


def _hhmm(h: str | None, m: str | None, ap: str | None) -> str | None:
    if h is None:
        return None
    hour, minute = int(h), int(m or 0)
    if ap:
        ap = ap.lower()[0]
        if ap == "p" and hour < 12:
            hour += 12
        if ap == "a" and hour == 12:
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


def infer_year(day: int, month: int, weekday: int | None, text: str) -> int | None:
    """Year for a day and month without a year: the weekday must fit; years the text mentions
    (and their neighbours) are candidates, the most mentioned wins."""
    counts = Counter(int(y) for y in _YEARS.findall(text))
    if not counts:
        return None
    candidates = set(counts) | {y + d for y in counts for d in (-1, 1)}
    fits = []
    for year in candidates:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if weekday is None or date.weekday() == weekday:
            fits.append(year)
    if not fits:
        return None
    return max(fits, key=lambda y: (counts.get(y, 0), -abs(y - counts.most_common(1)[0][0])))


def find_meeting_date(zone: str, full_text: str) -> tuple[dt.date | None, bool]:
    """The first full date in ``zone`` (the header); the year is inferred where missing."""
    for m in DATE_RE.finditer(zone):
        day = int(m.group("day") or m.group("day2"))
        month = MONTHS[(m.group("month") or m.group("month2")).lower()]
        weekday = WEEKDAYS.get((m.group("weekday") or "").lower())
        if m.group("year"):
            try:
                return dt.date(int(m.group("year")), month, day), False
            except ValueError:
                continue
        year = infer_year(day, month, weekday, full_text)
        if year:
            return dt.date(year, month, day), True
    for m in NUMERIC_DATE_RE.finditer(zone):  # day first, as in these minutes
        try:
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), False
        except ValueError:
            continue
    return None, False
