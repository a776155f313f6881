"""Meeting facts: title, type, sequence, date, times, venue, presidency.

Patterns and word lists live in ``resources/meeting_types.jsonl`` and
``resources/meeting_cues.jsonl``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import srsly

from extractors.attendance_lines import heading_status
from extractors.context import Context
from extractors.gazetteer import RESOURCES
from extractors.meeting_date import DATE_RE, NUMERIC_DATE_RE, find_meeting_date, find_times
from extractors.persons import strip_markup
from models.records import Meeting

_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+")


@cache
def _types() -> list[dict]:
    return list(srsly.read_jsonl(RESOURCES / "meeting_types.jsonl"))


@cache
def _cues() -> list[dict]:
    return list(srsly.read_jsonl(RESOURCES / "meeting_cues.jsonl"))


def _cue_patterns(kind: str, flags: int = re.I) -> list[re.Pattern[str]]:
    return [re.compile(c["pattern"], flags) for c in _cues() if c["kind"] == kind]


@cache
def _ordinal() -> tuple[str, dict[str, int]]:
    words = {c["word"]: int(c["value"]) for c in _cues() if c["kind"] == "ordinal_word"}
    alt = "|".join(sorted(words, key=len, reverse=True))
    return rf"\b(?P<ord>\d{{1,2}})(?:<sup>)?(?:st|nd|rd|th)(?:</sup>)?|\b(?P<word>{alt})", words


def _running_lines(ctx: Context) -> set[str]:
    """Running headers/footers: metadata values and lines repeated on several pages."""
    out = {" ".join(v.split()).casefold() for v in ctx.doc.metadata.values() if v}
    pages: dict[str, set[int]] = {}
    for b in ctx.doc.blocks:
        key = " ".join(strip_markup(ctx.doc.block_text(b)).split()).casefold()
        if 0 < len(key) < 80:
            pages.setdefault(key, set()).add(b.page)
    out |= {k for k, p in pages.items() if len(p) >= 2 and ctx.doc.n_pages >= 2}
    return out


def _header_lines(ctx: Context, limit: int = 12) -> list[tuple[int, str]]:
    """(offset, cleaned line) for the first lines of the document, running headers left out."""
    running = _running_lines(ctx)
    out: list[tuple[int, str]] = []
    for b in ctx.doc.blocks:
        pos = b.start
        for raw in ctx.doc.block_text(b).split("\n"):
            line = " ".join(strip_markup(raw).split())
            if line and line.casefold() not in running:
                out.append((pos, line))
            pos += len(raw) + 1
        if len(out) >= limit:
            break
    return out[:limit]


def _is_date_line(line: str) -> bool:
    """A line that is mostly a date ("Tuesday 28 February", "Held on 3 May 2019")."""
    m = DATE_RE.search(line) or NUMERIC_DATE_RE.search(line)
    if not m:
        return False
    rest = (line[:m.start()] + " " + line[m.end():]).split()
    return len([w for w in rest if w.lower().strip(",.:–-") not in ("", "on", "held", "the",
                                                                   "date", "of")]) <= 2


def _is_title_line(line: str) -> bool:
    words = line.split()
    if len(words) > 16 or (line.endswith((".", ":")) and len(words) > 3):
        return False
    if _is_date_line(line) or heading_status(line) or re.search(r"\d{1,2}[:.]\d{2}", line):
        return False
    if any(p.search(line) for p in _cue_patterns("title_stop")):
        return False
    return (bool(re.match(r"[\w\"'“‘(]", line)) and line[0].isupper()) or line[0].isdigit()


def find_title(ctx: Context) -> str | None:
    """The document's own title line(s), joined by one space."""
    parts: list[str] = []
    for _, line in _header_lines(ctx):
        if not _is_title_line(line):
            break
        parts.append(line)
        if len(parts) == 3:
            break
    return " ".join(parts) or None


def _header_zone(ctx: Context) -> str:
    """Text before the attendance list / first agenda item (at most ~1500 characters)."""
    end = min(len(ctx.doc.text), 1500)
    for b in ctx.doc.blocks:
        if b.start > 0 and heading_status(ctx.doc.block_text(b)):
            end = min(end, b.start)
            break
    if ctx.agenda and ctx.agenda[0].char_start > 80:
        end = min(end, ctx.agenda[0].char_start)
    return ctx.doc.text[:end]


def find_type(title: str | None, zone: str) -> str | None:
    """Meeting type from the title (else the opening text), first listed type that fits."""
    for text in (title, zone):
        if not text:
            continue
        for t in _types():
            if re.search(t["pattern"], text, re.I):
                return t["type"]
    return "other" if title or zone else None


def find_sequence(kind: str | None, title: str | None, text: str) -> int | None:
    """The meeting's own ordinal ("5th Meeting of the ... Committee")."""
    ordinal, words = _ordinal()
    for t in _types():
        if t["type"] != kind:
            continue
        for source in (title or "", text):
            best = None
            for pat in t.get("sequence", []):
                rx = re.compile(pat.replace("{ORD}", f"(?:{ordinal})"), re.I)
                m = rx.search(source)
                if m and (best is None or m.start() < best.start()):
                    best = m
            if best:
                found = best.groupdict()
                if found.get("ord"):
                    return int(found["ord"])
                return words[found["word"].lower()]
    return None


def find_venue(zone: str) -> str | None:
    """The place as written ("Permanent Mission of ...", "Palais des Nations")."""
    folded = " ".join(strip_markup(zone).split())
    lines = [" ".join(strip_markup(li).split()) for li in zone.split("\n")]
    for pat in _cue_patterns("venue", 0):
        for text in (folded, *lines):
            m = pat.search(text)
            if m and m.group("venue").strip():
                return m.group("venue").strip().rstrip(".")
    return None


@cache
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    with open(RESOURCES / "demonyms.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                adj, code = line.rstrip("\n").split("\t")[:2]
                out[adj.strip().casefold()] = code.strip()
    return out


def _presiding_state(ctx: Context, text: str) -> str | None:
    """Code of the State named (or described by its adjective) at the end of ``text``."""
    words = text.split()
    for k in range(len(words)):
        tail = " ".join(words[k:])
        d = ctx.resolve(tail)
        if d and d.kind == "state":
            return d.code
        code = _demonyms().get(tail.casefold())
        if code:
            return code
    return None


def find_presidency(ctx: Context, zone: str) -> str | None:
    """Code of the State holding the presidency: attendee roles, then "under the X presidency"."""
    roles = _cue_patterns("president_role")
    for a in ctx.attendees:
        if a.delegation_kind == "state" and a.role and any(
                p.match(a.role.strip()) for p in roles):
            return a.delegation_code
    hits: Counter[str] = Counter()
    text = " ".join(ctx.doc.text.split())
    for pat in _cue_patterns("presidency", 0):
        for m in pat.finditer(text):
            code = _presiding_state(ctx, m.group("deleg"))
            if code:
                hits[code] += 1
    return hits.most_common(1)[0][0] if hits else None


def extract_meeting(ctx: Context) -> Meeting:
    """Return the meeting row (``source_*``, ``n_pages`` and version are set by the caller)."""
    title = find_title(ctx)
    zone = _header_zone(ctx)
    kind = find_type(title, " ".join(zone.split()))
    date, inferred = find_meeting_date(" ".join(strip_markup(zone).split()), ctx.doc.text)
    if date is None:  # "The meeting was held on ..." further down
        for m in re.finditer(r"\b(?:held|took place|convened|met)\b(?: on)?\s+[^.]{0,60}",
                             ctx.doc.text):
            date, inferred = find_meeting_date(m.group(), ctx.doc.text)
            if date:
                break
    start, end = find_times(zone)
    return Meeting(
        doc_id=ctx.doc_id, source_path=ctx.doc.source_path,
        source_format=ctx.doc.source_format, title=title, meeting_type=kind,
        sequence=find_sequence(kind, title, ctx.doc.text), meeting_date=date,
        year_inferred=inferred, start_time=start, end_time=end, venue=find_venue(zone),
        presidency_code=find_presidency(ctx, zone),
    )
