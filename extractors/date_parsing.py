"""Finding and resolving calendar-date mentions in text.

The regexes live in ``resources/date_patterns.jsonl`` (word lists, named fragments and full
patterns with ``{FRAGMENT}`` placeholders); this module only composes and applies them. Results
never depend on today's date or the machine locale: a mention without a year gets its year from
a reference date passed in by the caller (normally the meeting date).

Public helpers:

* ``find_mentions(text)``: raw mentions (day/month/year parts as written, no year inference);
* ``resolve(mention, reference, ...)``: turn a raw mention into start/end dates;
* ``year_from_weekday(mention, years)``: the year in which a yearless day, month and weekday
  agree (used by ``extractors.meeting.dateline`` for the meeting date).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import srsly

from extractors.intervals import IntervalIndex

PATTERNS_FILE = Path(__file__).parent / "resources" / "date_patterns.jsonl"
_MARKUP = re.compile(r"<[^>]+>|\^")


@dataclass(frozen=True)
class RawMention:
    """A date mention as found: parts as written (``None`` where not given)."""

    start: int
    end: int
    text: str
    pattern: str
    d1: int | None
    m1: int
    y1: int | None
    d2: int | None = None
    m2: int | None = None
    y2: int | None = None
    weekday: int | None = None  # 0 = Monday, as written before the (first) date
    rel_year: int | None = None  # -1 / 0 / +1 for "August last year" ...

    @property
    def has_year(self) -> bool:
        """True where the text itself gives a year (or a year relative to the meeting)."""
        return self.y1 is not None or self.y2 is not None

    @property
    def granularity(self) -> str:
        """``day`` or ``month``."""
        return "day" if self.d1 is not None else "month"


@dataclass(frozen=True)
class Resolved:
    """A mention resolved to calendar dates."""

    start: dt.date
    end: dt.date
    year_inferred: bool


@dataclass(frozen=True)
class _Spec:
    months: dict[str, int]
    weekdays: dict[str, int]
    rel_words: dict[str, int]
    patterns: list[tuple[str, re.Pattern[str]]]
    cues: dict[str, re.Pattern[str]]


def _alternation(names: list[tuple[str, bool]]) -> str:
    """Regex alternation of Title-case and UPPER-case names (abbreviations may end with '.')."""
    variants: list[str] = []
    for name, abbrev in sorted(names, key=lambda n: len(n[0]), reverse=True):
        for form in (name, name.upper()):
            variants.append(re.escape(form) + (r"\.?" if abbrev else ""))
    return "(?:" + "|".join(variants) + r")(?![A-Za-z])"


def _expand(template: str, fragments: dict[str, str]) -> str:
    """Replace ``{NAME}`` placeholders until none is left."""
    for _ in range(10):
        new = re.sub(r"\{([A-Z0-9_]+)\}", lambda m: fragments[m.group(1)], template)
        if new == template:
            return new
        template = new
    raise ValueError(f"unexpanded placeholder in {template!r}")


@cache
def _spec(path: Path = PATTERNS_FILE) -> _Spec:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    rel: dict[str, int] = {}
    month_names: list[tuple[str, bool]] = []
    weekday_names: list[tuple[str, bool]] = []
    fragments: dict[str, str] = {}
    raw_patterns: list[tuple[str, str]] = []
    cues: dict[str, re.Pattern[str]] = {}
    for rec in srsly.read_jsonl(path):
        kind = rec["kind"]
        if kind == "month":
            for i, name in enumerate(rec["names"]):
                months[name.casefold()] = rec["number"]
                month_names.append((name, i > 0))
            months.setdefault(rec["names"][0][:3].casefold(), rec["number"])
        elif kind == "weekday":
            for i, name in enumerate(rec["names"]):
                weekdays[name.casefold()] = rec["number"]
                weekday_names.append((name, i > 0))
        elif kind == "relative_year":
            rel[rec["word"]] = rec["offset"]
        elif kind == "fragment":
            fragments[rec["name"]] = rec["regex"]
        elif kind == "pattern":
            raw_patterns.append((rec["name"], rec["regex"]))
        elif kind == "cue":
            cues[rec["name"]] = re.compile(rec["regex"], re.IGNORECASE)
    fragments["MONTH"] = _alternation(month_names)
    fragments["WEEKDAY"] = _alternation(weekday_names)
    fragments["RELWORD"] = "|".join(sorted(rel, key=len, reverse=True))
    patterns = [(name, re.compile(_expand(rx, fragments))) for name, rx in raw_patterns]
    return _Spec(months, weekdays, rel, patterns, cues)


def cue(name: str) -> re.Pattern[str]:
    """A cue regex from the pattern file (``future``, ``past``, ``next_meeting`` ...)."""
    return _spec().cues[name]


def strip_markup(text: str) -> str:
    """Text with inline HTML-like tags and markdown emphasis removed."""
    return re.sub(r"\*+|__+", "", _MARKUP.sub("", text))


def _month(spec: _Spec, value: str | None) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return spec.months.get(value.rstrip(".").casefold()) or spec.months.get(value[:3].casefold())


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _from_match(spec: _Spec, name: str, m: re.Match[str]) -> RawMention | None:
    g = m.groupdict()
    m1 = _month(spec, g.get("m1"))
    if m1 is None:
        return None
    wd = g.get("wd")
    rel = g.get("rel")
    text = m.group(0)
    return RawMention(
        start=m.start(), end=m.end(), text=text, pattern=name,
        d1=_int(g.get("d1")), m1=m1, y1=_int(g.get("y1")),
        d2=_int(g.get("d2")), m2=_month(spec, g.get("m2")), y2=_int(g.get("y2")),
        weekday=spec.weekdays.get(wd.rstrip(".").casefold()) if wd else None,
        rel_year=spec.rel_words.get(rel.casefold()) if rel else None,
    )


_DAY_FIRST = frozenset({"dmy", "dd_m_range", "dmy_range_full"})
_MONTH_FIRST = frozenset({"mdy", "mdd_range", "md_range_full"})


def _order(name: str) -> str | None:
    return "dm" if name in _DAY_FIRST else "md" if name in _MONTH_FIRST else None


def _month_first(raw: RawMention) -> RawMention:
    """A day-first numeric date read month first, where that is a date."""
    if raw.d1 is None or raw.d1 > 12:
        return raw
    return dataclasses.replace(raw, d1=raw.m1, m1=raw.d1)


def find_mentions(text: str) -> list[RawMention]:
    """All date mentions in ``text`` in text order. Where matches overlap, the reading in the
    day/month order ``text`` uses more often wins ("12th August 13th January" is two day-first
    dates in a day-first text), then the longest."""
    spec = _spec()
    found: list[RawMention] = []
    for name, rx in spec.patterns:
        for m in rx.finditer(text):
            raw = _from_match(spec, name, m)
            if raw is not None:
                found.append(raw)
    orders = Counter(_order(r.pattern) for r in found if _order(r.pattern))
    usual = None if orders["dm"] == orders["md"] else max(orders, key=lambda o: orders[o])
    preferred = IntervalIndex(_span, [r for r in found
                                      if usual is not None and _order(r.pattern) == usual])

    def outvoted(r: RawMention) -> bool:
        return (usual is not None and _order(r.pattern) not in (None, usual)
                and any(p.start < r.end and r.start < p.end
                        for p in preferred.near(r.start, r.end)))

    if usual == "md":  # numeric dates follow the document's order too ("5/6/2031" = May 6)
        found = [_month_first(r) if r.pattern == "numeric_dmy" else r for r in found]
    kept: IntervalIndex[RawMention] = IntervalIndex(_span)
    for raw in sorted(found, key=lambda r: -(r.end - r.start)):
        if outvoted(raw):
            continue
        if all(raw.end <= k.start or raw.start >= k.end for k in kept.near(raw.start, raw.end)):
            kept.add(raw)
    return sorted(kept.items(), key=lambda r: r.start)


def _span(raw: RawMention) -> tuple[int, int]:
    return raw.start, raw.end


def _safe_date(year: int, month: int, day: int | None, last: bool = False) -> dt.date | None:
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    if day is None:
        day = calendar.monthrange(year, month)[1] if last else 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int | None, reference: dt.date, tense: str | None = None) -> int:
    """Year of a yearless ``day month`` relative to ``reference`` (the meeting date).

    The default is the reference year. A date far before the reference in a sentence about the
    future (or far after it in one about the past) moves to the next (previous) year; with no
    tense cue only a date more than ten months away does. ``tense="next"`` (a sentence about
    the next meeting) moves any date before the reference to the next year.
    """
    year = reference.year
    probe = _safe_date(year, month, day or 15) or dt.date(year, month, 28)
    delta = (probe - reference).days
    if tense == "next":
        return year + 1 if delta < 0 else year
    contrary = 120 if tense else 300
    if delta < -contrary and tense != "past":
        return year + 1
    if delta > contrary and tense != "future":
        return year - 1
    return year


WEEKDAY_SLIP_DAYS = 60


def _weekday_year(raw: RawMention, year: int, reference: dt.date) -> int:
    """``year``, or the neighbouring year where only that one agrees with a written weekday.

    A date within ``WEEKDAY_SLIP_DAYS`` of the reference keeps its year: there a weekday that
    does not fit is a slip of the source (kept as written), not another year."""
    if raw.weekday is None or raw.d1 is None:
        return year
    near = _safe_date(year, raw.m1, raw.d1)
    if near is not None and abs((near - reference).days) <= WEEKDAY_SLIP_DAYS:
        return year
    fits = [y for y in (year, year - 1, year + 1)
            if (d := _safe_date(y, raw.m1, raw.d1)) is not None and d.weekday() == raw.weekday]
    return fits[0] if len(fits) == 1 else year


def resolve(raw: RawMention, reference: dt.date | None,
            tense: str | None = None) -> Resolved | None:
    """Start/end dates of ``raw``; a missing year comes from ``reference`` (and ``tense``)."""
    y1, y2 = raw.y1, raw.y2
    m2 = raw.m2 or raw.m1
    inferred = False
    if raw.rel_year is not None:
        if reference is None:
            return None
        y1 = reference.year + raw.rel_year
        inferred = True
    if y1 is None and y2 is None:
        if reference is None:
            return None
        y1 = infer_year(raw.m1, raw.d1, reference, tense)
        if tense != "next":  # the next meeting cannot precede this one, whatever the weekday
            y1 = _weekday_year(raw, y1, reference)
        y2 = y1 if m2 >= raw.m1 else y1 + 1
        inferred = True
    elif y1 is None:
        y1 = y2 if m2 > raw.m1 or (m2 == raw.m1 and (raw.d2 or 0) >= (raw.d1 or 0)) else y2 - 1
    elif y2 is None:
        y2 = y1
    assert y1 is not None and y2 is not None
    start = _safe_date(y1, raw.m1, raw.d1)
    if raw.d2 is not None or raw.m2 is not None:
        end = _safe_date(y2, m2, raw.d2 if raw.d2 is not None else None, last=raw.d1 is None)
    else:
        end = _safe_date(y1, raw.m1, raw.d1, last=True)
    if start is None or end is None or end < start:
        return None
    return Resolved(start, end, inferred)


def years_mentioned(text: str) -> Counter[int]:
    """Four-digit years (1900-2099) the text mentions, with counts."""
    return Counter(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text))


def year_from_weekday(raw: RawMention, candidates: Counter[int]) -> int | None:
    """The year among ``candidates`` in which ``raw``'s day, month and weekday agree.

    Where several agree, the most often mentioned wins; with no weekday the most often
    mentioned year in which the date exists.
    """
    if raw.d1 is None:
        return None
    fits = [y for y in candidates if _safe_date(y, raw.m1, raw.d1) is not None
            and (raw.weekday is None or dt.date(y, raw.m1, raw.d1).weekday() == raw.weekday)]
    if not fits and raw.weekday is not None and candidates:
        # no year the text names fits: look near them
        lo, hi = min(candidates) - 1, max(candidates) + 1
        fits = [y for y in range(lo, hi + 1) if _safe_date(y, raw.m1, raw.d1) is not None
                and dt.date(y, raw.m1, raw.d1).weekday() == raw.weekday]
    if not fits:
        return None
    return max(fits, key=lambda y: (candidates.get(y, 0), y))


def tense_of(sentence: str) -> str | None:
    """``next``, ``future``, ``past`` or ``None`` from cue words in ``sentence``.

    ``next`` where the sentence is about the next meeting; future wins ties with past.
    """
    if cue("next_meeting").search(sentence):
        return "next"
    fut = len(cue("future").findall(sentence))
    past = len(cue("past").findall(sentence))
    if fut == 0 and past == 0:
        return None
    return "future" if fut >= past else "past"
