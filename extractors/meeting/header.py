"""The document head cut into typed lines: where titles, datelines and chair lines are read.

The head runs from the first block to the start of the minutes proper (the first agenda item,
attendance heading, numbered paragraph or prose sentence). Blocks are split where a web
capture or OCR ran several header lines together ("... MEETING Held on ...", "MEETING. Grand
Hotel ...", "... a.m. CHAIRMAN: ..."); furniture blocks and inline document symbols are kept
apart so no title or date is read from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractors.attendees.lines import heading_status, inline_heading
from extractors.attendees.persons import strip_markup
from extractors.context import Context
from extractors.date_parsing import RawMention, find_mentions
from extractors.meeting.vocab import patterns, words
from extractors.readers.furniture import FRONT_MATTER, front_matter_value

MAX_LINES = 16
MAX_CHARS = 1800
OPENING_CHARS = 2500
HELD_REACH = 160
SUBJECT_REACH = 60
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\)]{2})\.\s+(?=[A-Z\d])|\n")
_TIME_TAIL = re.compile(r"(?i)[\s,]*(?:(?:at|from)\s+\d{1,2}(?:[.:]\d\d)?|\d{1,2}[.:]\d\d)"
                        r"\s*(?:[ap]\.?\s?m\.?|hrs|hours)?.*$")
_WEEKDAY_TAIL = re.compile(r"[\s,]*\b[A-Z][a-z]+day[.,]?$")
_LABEL = re.compile(r"^[A-Z][\w ]{0,20}:\s*\S")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}(?:\.\d+)*[.)]|\([a-z0-9]{1,4}\)|[a-z][.)])\s")


@dataclass(frozen=True)
class HeaderLine:
    """One line of the head: offsets into the body text and its text (markup removed)."""

    start: int
    end: int
    text: str
    furniture: bool = False


def _split_points(text: str) -> list[int]:
    """Offsets where a run-together header line is cut: after a ``header_split`` match (a
    sentence end is not cut after an abbreviation such as "Mrs."), around document symbols."""
    stop = {w.casefold() for w in words("no_split_before")}
    points: set[int] = set()
    for rx in patterns("header_split", 0):
        for m in rx.finditer(text):
            if m.group().startswith("."):
                before = re.findall(r"[\w']+$", text[:m.start()])
                if before and before[0].casefold() in stop:
                    continue
            points.add(m.end())
    for rx in patterns("inline_symbol", 0):
        for m in rx.finditer(text):
            points.update((m.start(), m.end()))
    return sorted(p for p in points if 0 < p < len(text))


def split_line(start: int, text: str) -> list[HeaderLine]:
    """``text`` (at offset ``start``) cut where several header lines were run together."""
    out: list[HeaderLine] = []
    last = 0
    for cut in [*_split_points(text), len(text)]:
        piece = text[last:cut]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            clean = " ".join(strip_markup(body).split())
            furniture = any(p.fullmatch(clean) for p in patterns("inline_furniture", 0))
            out.append(HeaderLine(start + last + lead, start + last + lead + len(body), clean,
                                  furniture))
        last = cut
    return out


def is_prose(text: str) -> bool:
    """A sentence of the minutes rather than a header line."""
    n = len(text.split())
    end = text.rstrip()[-1:]
    return n > 35 or (end == ":" and n > 5) or (end == "." and n > 8 and not is_dateline(text))


def is_body_start(ctx: Context, line: HeaderLine) -> bool:
    """True where the minutes proper begin (agenda item, attendance, numbered text, prose)."""
    if ctx.agenda and line.start >= ctx.agenda[0].char_start:
        return True
    return bool(heading_status(line.text) or inline_heading(line.text)
                or _NUMBERED.match(line.text) or is_prose(line.text))


def date_mentions(text: str) -> list[RawMention]:
    """Calendar-date mentions in a header line."""
    return find_mentions(text)


def is_date_line(text: str) -> bool:
    """A line that is mostly a date ("Tuesday 28 February", "Held on 3 May 2019",
    "Workshop: 28-29 May 2026")."""
    found = date_mentions(text)
    if not found:
        return False
    rest = text
    for m in reversed(found):
        rest = rest[:m.start] + " " + rest[m.end:]
    filler = {"", *words("date_line_filler")}
    left = [w for w in rest.split() if w.lower().strip(",.:;()") not in filler
            and not w.endswith(":")]
    return len(left) <= 1


def is_chair_line(text: str) -> bool:
    """"Chairman: Mr. X (Country)", "President: Mr. X"."""
    return any(p.match(text) for p in patterns("chair_line"))


def is_dateline(text: str) -> bool:
    """A line giving when/where the meeting was held (starts with a held/venue/date cue, or
    is a date line, or a place followed by a date)."""
    if is_date_line(text) or any(p.match(text) for p in patterns("dateline_start")):
        return True
    found = date_mentions(text)
    return bool(found) and _place_around_date(text, found[0]) is not None


def _place_around_date(text: str, date: RawMention) -> str | None:
    """The place written just before or just after a date ("Geneva, 9 May 2019",
    "31 May - 1 June 2018 Helsinki, Finland."), else None."""
    before = _WEEKDAY_TAIL.sub("", text[:date.start].rstrip()).rstrip(" ,")
    after = _TIME_TAIL.sub("", text[date.end:]).strip(" ,.")
    if (before and not after and len(before.split()) <= 6 and before[0].isupper()
            and not has_meeting_noun(before)
            and not re.search(r"\b(?:on|of|held|dated|from|at)$", before, re.I)):
        return before
    if after and not before and len(after.split()) <= 5 and re.match(r"[A-Z]", after) \
            and not any(w.lower() in _meeting_nouns() for w in after.split()):
        return after.rstrip(".")
    return None


def place_of_dateline(text: str) -> str | None:
    """Place of a place-and-date dateline, else None."""
    found = date_mentions(text)
    if not found:
        return None
    body = re.sub(r"(?i)^(?:[A-Z][a-z]+day\.?,?\s+)", "", text)
    return _place_around_date(text, found[0]) if body else None


@cache
def _meeting_nouns() -> frozenset[str]:
    return frozenset(words("meeting_noun"))


def has_meeting_noun(text: str) -> bool:
    """True where the line names a meeting or a record of one."""
    return any(w.strip(",.:;()'’").lower() in _meeting_nouns() for w in text.split())


def is_masthead_session(text: str) -> bool:
    """A bare session line of a masthead ("Eightieth session", "273rd Session")."""
    return any(p.match(text.strip(" .,")) for p in patterns("masthead_session"))


def header_lines(ctx: Context) -> list[HeaderLine]:
    """The head's lines in order, up to (not including) the start of the minutes proper.
    Furniture lines are included (marked) but do not count towards the head's size."""
    out: list[HeaderLine] = []
    chars = lines = 0
    for b in ctx.doc.blocks:
        if b.furniture == FRONT_MATTER:
            continue
        if b.kind == "table_row" or (b.kind == "list_item" and lines):
            break
        text = ctx.doc.block_text(b)
        if b.furniture:
            out.append(HeaderLine(b.start, b.end, " ".join(text.split()), True))
            continue
        for line in split_line(b.start, text):
            if not line.furniture and is_body_start(ctx, line):
                return out
            out.append(line)
            if not line.furniture:
                lines += 1
                chars += len(line.text)
            if lines >= MAX_LINES or chars >= MAX_CHARS:
                return out
    return out


def front_matter_title(ctx: Context) -> str | None:
    """The ``title:`` of a YAML front matter, if the document has one."""
    for b in ctx.doc.blocks:
        if b.furniture == FRONT_MATTER:
            value = front_matter_value(ctx.doc.block_text(b), "title")
            if value:
                return value
    return None


def opening_text(ctx: Context) -> tuple[int, str]:
    """(offset, text) of the head and first paragraphs (``OPENING_CHARS`` of minutes text,
    furniture blanked out, offsets kept): where statements of when, where and under whom the
    meeting was held are looked for."""
    parts: list[tuple[int, str]] = []
    size = 0
    for b in ctx.doc.blocks:
        if size >= OPENING_CHARS:
            break
        if b.furniture is None:
            parts.append((b.start, ctx.doc.block_text(b)))
            size += b.end - b.start
    if not parts:
        return 0, ""
    start = parts[0][0]
    chars = [" "] * (parts[-1][0] + len(parts[-1][1]) - start)
    for s, t in parts:
        chars[s - start:s - start + len(t)] = t
    return start, "".join(chars)


def sentences(offset: int, text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of ``text``."""
    out, last = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((offset + last, text[last:m.start() + 1]))
        last = m.end()
    out.append((offset + last, text[last:]))
    return [(o, s) for o, s in out if s.strip()]


@dataclass(frozen=True)
class HeldStatement:
    """A sentence (up to a reach past its cue) saying the meeting was held; ``cue`` is the
    index of the held cue in ``text``, ``start`` the offset of ``text`` in the body text."""

    start: int
    text: str
    cue: int

    @property
    def after_cue(self) -> str:
        """The statement from its cue on."""
        return self.text[self.cue:]


def held_statements(ctx: Context) -> list[HeldStatement]:
    """Statements in the opening text that the meeting was
    held, took place, met or opened: the cue starts its line or follows a meeting or body noun
    ("The Preparatory Committee held ...", "Held at ..."); future and earlier meetings ("will
    be held", "the minutes of the meeting held on") are left out."""
    start, text = opening_text(ctx)
    subjects = frozenset(words("meeting_subject"))
    out = []
    for off, sent in sentences(start, text):
        for m in patterns("held_statement", 0)[0].finditer(sent):
            before = sent[max(0, m.start() - SUBJECT_REACH):m.start()]
            if any(p.search(sent[:m.end()]) for p in patterns("held_exclude")):
                continue
            if sent[:m.start()].strip() and not any(
                    w.strip(",.:;()'’").lower() in subjects for w in before.split()):
                continue
            out.append(HeldStatement(off, sent[:m.start() + HELD_REACH], m.start()))
    return out
