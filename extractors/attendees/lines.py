"""One line of an attendance list split into segments: delegation headings, persons, statuses.

Works on plain strings so it serves every layout (one column, tables, columns read across).
Word lists and patterns come from ``resources/attendance_headings.jsonl`` and
``resources/honorifics.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

import srsly

from extractors.attendees.persons import (
    clean_role,
    find_persons,
    particles,
    role_words,
    strip_markup,
)
from extractors.gazetteer import RESOURCES, Delegation, Gazetteer, gazetteer, normalize_key

SegKind = Literal["H", "P", "S"]
_WORD = re.compile(r"\w[\w'’.&\-]*")
_BULLET = re.compile(r"^\s*(?:[-–•*·▪o]\s+|\d+[.)]\s+(?=[A-Z]))")
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+")


@dataclass
class Segment:
    """A piece of a line: a heading (delegation), a person, or a status marker."""

    kind: SegKind
    start: int
    end: int
    text: str = ""
    delegation: Delegation | None = None
    honorific: str | None = None
    role: str | None = None
    status: str | None = None


@cache
def cues() -> list[dict[str, str]]:
    """Attendance cue patterns (headings, sentence cues, section ends, role connectors)."""
    return list(srsly.read_jsonl(RESOURCES / "attendance_headings.jsonl"))


def cue_re(kind: str) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(c["pattern"], re.I), c.get("status", "")) for c in cues()
            if c["kind"] == kind]


@cache
def heading_res() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, status) for attendance headings, most specific first."""
    return cue_re("heading")


def clean_line(text: str) -> str:
    """A line without markup and bullet marks."""
    return _BULLET.sub("", strip_markup(text)).strip()


def heading_status(text: str) -> str | None:
    """Status named by a line that is an attendance heading ("1. PRESENT:"), else None."""
    t = _NUMBERING.sub("", clean_line(text)).strip().rstrip(":.").strip()
    t = re.sub(r"\s*\([^()]*\)$", "", t).rstrip(":").strip()
    words = t.split()
    for k in range(min(3, len(words))):  # up to two qualifier words ("Other attendees")
        if k and not _qualifier(words[k - 1]):
            break
        rest = " ".join(words[k:])
        for pattern, status in heading_res():
            if pattern.fullmatch(rest):
                return status
    return None


def _qualifier(word: str) -> bool:
    """A word that may stand before a heading word ("Board member apologies"): not a
    delegation name, not an acronym, not a number."""
    return word.isalpha() and not (word.isupper() and len(word) > 1) \
        and gazetteer().resolve(word) is None


def inline_heading(text: str) -> tuple[str, int] | None:
    """(status, offset of the list) for "Present: A, B and C" written on one line."""
    m = re.match(r"\s*(?:\d+\.?\s+)?([^:]{3,40}):\s*(?=\S)", text)
    if not m:
        return None
    status = heading_status(m.group(1))
    return (status, m.end()) if status else None


def is_section_end(text: str) -> bool:
    """True for a line that starts the next part of the minutes (agenda item, numbered title)."""
    t = clean_line(text)
    return any(p.search(t) for p, _ in cue_re("section_end"))


@cache
def role_connector() -> re.Pattern[str]:
    """Words tying a role to a delegation ("in capacity of")."""
    return re.compile("|".join(c["pattern"] for c in cues() if c["kind"] == "role_connector"),
                      re.I)


def delegation_matches(text: str, gaz: Gazetteer, mask: list[tuple[int, int]] | None = None,
                       max_words: int = 9) -> list[tuple[int, int, Delegation]]:
    """Longest known delegation names in ``text`` (outside ``mask``), left to right."""
    mask = mask or []
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)
             if not any(a <= m.start() < b for a, b in mask)]
    lookup = gaz.lookup
    out: list[tuple[int, int, Delegation]] = []
    i = 0
    while i < len(words):
        first = text[words[i][0]:words[i][1]]
        hit = None
        if first[0].isupper() or first[0].isdigit():
            for j in range(min(i + max_words, len(words)) - 1, i - 1, -1):
                sub = text[words[i][0]:words[j][1]].rstrip(".")
                key = normalize_key(sub)
                if key in lookup and key not in ("the",):
                    if len(key) <= 3 and not sub.replace(".", "").isupper():
                        continue
                    code = lookup[key]
                    hit = (words[i][0], words[i][0] + len(sub), gaz.by_code[code], j)
                    break
        if hit:
            out.append(hit[:3])
            i = hit[3] + 1
        else:
            i += 1
    return out


def _paren_spans(text: str, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Bracketed text (roles), except brackets that hold just a delegation name."""
    return [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)?", text)
            if not gaz.resolve(m.group().strip("()"))]


def _status_spans(text: str) -> list[tuple[int, int, str]]:
    out = []
    for pattern, status in heading_res():
        if status == "present":
            continue
        for m in re.finditer(rf"(?<!\w)(?:{pattern.pattern})(?!\w)", text, re.I):
            if m.group()[0].isupper() and not any(a <= m.start() < b for a, b, _ in out):
                out.append((m.start(), m.end(), status))
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’.\-]*", text)


@cache
def _org_words() -> frozenset[str]:
    return frozenset(w for c in cues() if c["kind"] == "org_words" for w in c["words"])


def org_like(text: str) -> bool:
    """True where a name looks like an organization: an organization word or an acronym."""
    words = _words(text)
    if any(w.strip(".") in _org_words() for w in words):
        return True
    return bool(re.search(r"\b[A-Z][A-Z&\-]{1,9}\b", text))


def is_subheading(text: str) -> bool:
    """True for a grouping line inside an attendance list ("Observers", "States Parties")."""
    t = clean_line(text).strip().rstrip(":").strip()
    return any(p.fullmatch(t) for p, _ in cue_re("subheading"))


def _name_like(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or org_like(text):
        return False
    return all(re.fullmatch(r"[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|[A-Z]\.", w) or w in particles()
               for w in words) and words[0][0].isupper()


def _unknown_heading(chunk: str) -> Segment | None:
    """An unknown organization heading, or a person written without an honorific."""
    words = _words(chunk)
    if not words or len(words) > 8 or chunk.rstrip().endswith("."):
        return None
    caps = sum(1 for w in words if w[0].isupper())
    if caps * 2 < len(words) or not chunk.lstrip()[0].isupper():
        return None
    text = chunk.strip()
    m = re.match(r"(.+?)(?:\s+[-–—]\s+|\s*,\s*|\s*\()(.+)$", text)
    name, role = (m.group(1), clean_role(m.group(2))) if m else (text, None)
    if _name_like(name):
        return Segment("P", 0, 0, text=name, role=role)
    return Segment("H", 0, 0, text=text)


def segment_line(text: str, gaz: Gazetteer) -> list[Segment] | None:
    """Split one cleaned line into segments; None where the line is running text."""
    parens = _paren_spans(text, gaz)
    statuses = _status_spans(text)
    mask = parens + [(a, b) for a, b, _ in statuses]
    delegs = delegation_matches(text, gaz, mask)
    stops = [s for s, _, _ in delegs] + [a for a, _, _ in statuses]
    persons = [p for p in find_persons(text, stops)
               if not any(a <= p.start < b for a, b in mask)]
    segs: list[Segment] = [Segment("S", a, b, text[a:b], status=s) for a, b, s in statuses]
    for p in persons:
        segs.append(Segment("P", p.start, p.end, p.name, honorific=p.honorific))
    for a, b, d in delegs:
        if any(p.start <= a < p.end for p in persons):
            continue
        segs.append(Segment("H", a, b, text[a:b], delegation=d))
    segs.sort(key=lambda s: s.start)
    out: list[Segment] = []
    pos = 0
    for seg in [*segs, None]:
        chunk = text[pos:seg.start] if seg else text[pos:]
        if chunk.strip() and not _attach(chunk, out):
            unknown = _unknown_heading(chunk)
            if unknown is None:
                return None
            unknown.start, unknown.end = pos, pos + len(chunk)
            out.append(unknown)
        if seg:
            prev = out[-1] if out else None
            if not (seg.kind == "H" and prev and prev.kind == "H" and prev.delegation
                    and seg.delegation and prev.delegation.code == seg.delegation.code):
                out.append(seg)
            pos = seg.end
    return out


def _attach(chunk: str, out: list[Segment]) -> bool:
    """Attach leftover text to the previous segment as its role; False if it is not a role."""
    stripped = chunk.strip()
    if not re.search(r"\w", stripped) or re.fullmatch(r"[,;]?\s*(?:and|&)\s*[,;]?", stripped):
        return True  # bare punctuation between segments
    if not out or out[-1].kind == "S":
        return False
    conn = role_connector().match(chunk)
    if conn:
        role = clean_role(chunk[conn.end():])
    elif (re.match(r"^[-–—:(,;/]", stripped) or stripped[0].islower() or stripped[0].isdigit()
          or stripped.split()[0] in role_words()):
        role = clean_role(stripped)
    else:
        return False
    if role and len(role.split()) > (15 if stripped.startswith("(") else 8):
        return False  # running text, not a role
    if role and not out[-1].role:
        out[-1].role = role
    return True
