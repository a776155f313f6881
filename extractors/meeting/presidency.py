"""Who presides: the code of the chair's State, or for a non-State body the chair's affiliation.

In order: an attendee whose role is President/Chair (attendance lists); a chair statement
naming the chair's State ("Chairman: Dr X (Country)", "X was elected President", "elected
... Mr Y (Country) as Chairman", "chaired by Mr Z, Ambassador of Country", "(Chair, Country)",
"Country – 7MSP President", "under the Country presidency"); a chair written with an
affiliation acronym ("Name (AB), Agency (AGY) - SC Chair") or named with an affiliation ("Name,
Agency (acting chair)", acronym from its initials); and a chair marked "(Chair)" in an
attendance line without any affiliation, whose code is the acronym of the body the title names.
The presidency is left empty where none of these is written.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from extractors.attendees.persons import strip_markup
from extractors.context import Context
from extractors.gazetteer import RESOURCES
from extractors.meeting.header import HeaderLine, opening_text, split_line
from extractors.meeting.title import acronym, body_name
from extractors.meeting.vocab import patterns


@cache
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    with open(RESOURCES / "demonyms.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                adj, code = line.rstrip("\n").split("\t")[:2]
                out[adj.strip().casefold()] = code.strip()
    return out


def presiding_state(ctx: Context, text: str) -> str | None:
    """Code of the State named (or described by its adjective) at the end of ``text`` (a
    trailing "in <City>" is left out: "Representative of Canada in Port Elstow")."""
    text = re.sub(r"\s+in(?:\s+[A-Z][\w'’-]*)+\s*$", "", text.strip(" ,.;:"))
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


def _deleg(m: re.Match[str]) -> str:
    """The delegation a chair pattern captured (patterns with two shapes name it ``deleg2``)."""
    groups = m.groupdict()
    return groups.get("deleg") or groups.get("deleg2") or ""


def _from_attendees(ctx: Context) -> str | None:
    roles = patterns("president_role")
    for a in ctx.attendees:
        if a.delegation_kind == "state" and a.role and any(
                p.match(a.role.strip()) for p in roles):
            return a.delegation_code
    return None


def _from_statements(ctx: Context, lines: list[HeaderLine], text: str) -> str | None:
    for ln in lines:
        for p in patterns("chair_statement", 0)[:1]:
            m = p.search(ln.text)
            if m and (code := presiding_state(ctx, _deleg(m))):
                return code
    hits: list[tuple[int, str]] = []
    for p in patterns("chair_statement", 0):
        for m in p.finditer(text):
            code = presiding_state(ctx, _deleg(m))
            if code:
                hits.append((m.start(), code))
                break
    if hits:
        return min(hits)[1]
    counts: Counter[str] = Counter()
    whole = " ".join(ctx.doc.text.split())
    for p in patterns("presidency", 0):
        for m in p.finditer(whole):
            code = presiding_state(ctx, m.group("deleg"))
            if code:
                counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


def _from_affiliation(ctx: Context, text: str) -> str | None:
    for b in ctx.doc.blocks:
        if b.furniture:
            continue
        line = " ".join(strip_markup(ctx.doc.block_text(b)).split())
        for p in patterns("affiliation_chair", 0):
            m = p.search(line)
            if not m:
                continue
            if "acr" in m.groupdict() and m.group("acr"):
                return m.group("acr")
            aff = m.group("aff")
            state = presiding_state(ctx, aff)
            return state or acronym(aff)
    return None


def _from_body(ctx: Context, lines: list[HeaderLine], title: str | None) -> str | None:
    """The acronym of the body (named in the title, else in a head line) where an attendance
    line marks a member "(Chair)" without any affiliation: the chair is the body's own."""
    body = body_name(title) or next(
        (name for ln in lines if not ln.furniture and (name := body_name(ln.text))), None)
    if not body:
        return None
    marks = patterns("chair_mark", 0)
    labels = patterns("attendance_label")
    texts = [ln.text for b in ctx.doc.blocks if b.furniture is None
             for ln in split_line(b.start, ctx.doc.block_text(b))]
    for line in texts:
        label = next((m for p in labels if (m := p.match(line))), None)
        if label is None:
            continue
        for item in re.split(r"[;,]", line[label.end():]):
            if any(p.search(item) for p in marks) and not re.search(r"\([^)]*\b[A-Z]{2,}\b", item):
                return acronym(body)
    return None


def find_presidency(ctx: Context, lines: list[HeaderLine], title: str | None) -> str | None:
    """The presiding delegation's code, or None where the document does not say."""
    _, opening = opening_text(ctx)
    text = " ".join(strip_markup(opening).split())
    return (_from_attendees(ctx) or _from_statements(ctx, lines, text)
            or _from_affiliation(ctx, text) or _from_body(ctx, lines, title))
