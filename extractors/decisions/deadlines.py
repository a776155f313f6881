"""Due dates of action points: a date after a deadline cue ("by 23rd June at the latest")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache

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


def due_date(text: str, reference: dt.date | None, delivery: bool = False) -> dt.date | None:
    """The deadline stated in ``text``; "on <date>" counts only for delivery verbs."""
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
            return dt.date(year, _MONTHS[m.group(f"m{n}").lower()], int(m.group(f"d{n}")))
        except (ValueError, KeyError):
            continue
    return None
