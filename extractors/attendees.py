"""Attendees: delegations and persons from the attendance list, in every layout.

Layouts handled: one column of delegation headings with persons beneath; tables (cells are
columns); two columns read across by a converter (a line mixes a left and a right cell);
bullet lists with roles in brackets; and delegations named in a running sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extractors.attendance_lines import (
    Segment,
    _cue_re,
    clean_line,
    delegation_matches,
    heading_status,
    inline_heading,
    is_section_end,
    is_subheading,
    org_like,
    segment_line,
)
from extractors.context import Context
from extractors.gazetteer import Delegation
from extractors.participants import add_participating_persons
from models.document import Block
from models.records import Attendee


@dataclass
class Group:
    """A delegation heading with the persons listed under it."""

    delegation: Delegation | None
    role: str | None
    status: str
    start: int
    end: int
    persons: list[tuple[Segment, int, int]] = field(default_factory=list)
    unknown: str | None = None  # heading text of an organization the gazetteer lacks


@dataclass
class Line:
    """A line of the attendance section: its segments and, for table rows, per-cell segments."""

    start: int
    end: int
    segs: list[Segment]
    cells: list[list[Segment]] | None = None
    inline: bool = False  # a list written on one line ("Present: A, B and C")


def _unknown_org(text: str) -> Delegation:
    """A delegation for an organization the gazetteer does not know: its own acronym."""
    m = re.search(r"\(([A-Z][A-Za-z&\-]{1,10})\)", text)
    name = re.sub(r"\s*\([^)]*\)\s*", " ", text).strip()
    if m:
        code = m.group(1)
    elif re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,10}", name):
        code = name
    else:
        code = "".join(w[0] for w in re.findall(r"[A-Z][\w'\-]*", name)) or name.upper()
    return Delegation(code, code, "organization")


def _split_lines(ctx: Context, block: Block) -> list[tuple[int, str, list[str] | None]]:
    """(offset, line text, cells or None) for a block; Markdown pipe rows become cells."""
    text = ctx.doc.block_text(block)
    if block.kind == "table_row" and block.cells:
        cells = [ctx.doc.text[a:b] for a, b in block.cells]
        return [(block.start, text, cells)]
    out: list[tuple[int, str, list[str] | None]] = []
    pos = block.start
    for raw in text.split("\n"):
        if raw.count("|") >= 2:
            cells = [c for c in raw.strip().strip("|").split("|")]
            out.append((pos, raw, cells))
        else:
            out.append((pos, raw, None))
        pos += len(raw) + 1
    return out


def _segments(ctx: Context, text: str) -> list[Segment] | None:
    line = clean_line(text)
    if not line or re.fullmatch(r"[-|:\s]*", line) or is_subheading(line):
        return []
    return segment_line(line, ctx.gaz)


def _section_lines(ctx: Context, start_block: int) -> tuple[list[Line], int]:
    """Lines of the attendance section that starts after block ``start_block``."""
    lines: list[Line] = []
    agenda_starts = {a.char_start for a in ctx.agenda}
    i = start_block + 1
    while i < len(ctx.doc.blocks):
        block = ctx.doc.blocks[i]
        if block.start in agenda_starts and heading_status(ctx.doc.block_text(block)) is None:
            break
        stop = False
        for off, raw, cells in _split_lines(ctx, block):
            status = heading_status(raw)
            if status:
                lines.append(Line(off, off + len(raw), [Segment("S", 0, 0, raw, status=status)]))
                continue
            if cells is not None:
                per_cell = [_segments(ctx, c) or [] for c in cells]
                flat = [s for c in per_cell for s in c]
                if flat:
                    lines.append(Line(off, off + len(raw), flat, per_cell))
                continue
            segs = _segments(ctx, raw)
            if segs is None or (segs == [] and clean_line(raw) and is_section_end(raw)):
                stop = True
                break
            if segs and is_section_end(raw) and not any(s.kind in "PS" for s in segs) \
                    and not all(s.delegation for s in segs if s.kind == "H"):
                stop = True
                break
            if segs:
                lines.append(Line(off, off + len(raw), segs))
        if stop:
            break
        i += 1
    return lines, i


def _kinds(line: Line) -> str:
    return "".join(s.kind for s in line.segs)


def _two_column(lines: list[Line]) -> bool:
    """True where a converter read two columns across: a heading follows another segment
    on a short line (a line with many segments is a joined list, not a row)."""
    plain = [li for li in lines if li.cells is None and not li.inline
             and not _kinds(li).startswith("S")]
    if any(len(li.segs) > 4 for li in plain):
        return False
    return any(re.search(r"[HP].*H", _kinds(li)) for li in plain)


def _person_first(lines: list[Line]) -> bool:
    """True for "Mr. A. Name, Delegation" lines: each line names a person, then a delegation."""
    kinds = [_kinds(li).replace("S", "") for li in lines if li.cells is None]
    kinds = [k for k in kinds if "P" in k and "H" in k]
    return bool(kinds) and all(re.fullmatch(r"P+H", k) for k in kinds)


def _row_wise(lines: list[Line]) -> bool:
    """True for tables whose rows read delegation | person (| role)."""
    rows = [li.cells for li in lines if li.cells and len(li.cells) > 1]
    hp = [r for r in rows if any(s.kind == "P" for c in r[1:] for s in c)]
    heads_right = any(s.kind == "H" and s.delegation for r in rows for c in r[1:] for s in c)
    return bool(hp) and not heads_right


def _walk_person_first(lines: list[Line], status: str) -> list[Group]:
    col = _Column(status)
    for line in lines:
        persons = [s for s in line.segs if s.kind == "P"]
        for seg in line.segs:
            if seg.kind != "P":
                col.feed(seg, line.start, line.end)
        for seg in persons:
            col.feed(seg, line.start, line.end)
    return col.groups


def _walk_rows(lines: list[Line], status: str) -> list[Group]:
    col = _Column(status)
    for line in lines:
        if not line.cells:
            for seg in line.segs:
                col.feed(seg, line.start, line.end)
            continue
        last_person: Segment | None = None
        for k, cell in enumerate(line.cells):
            for seg in cell:
                if k > 0 and seg.kind == "H" and seg.delegation is None:
                    if last_person is not None and not last_person.role:
                        last_person.role = seg.text
                    continue
                if seg.kind == "H" and seg.delegation is None and not col.groups \
                        and not any(s.kind == "P" for c in line.cells for s in c):
                    continue  # a header row ("Delegation | Name")
                col.feed(seg, line.start, line.end)
                if seg.kind == "P":
                    last_person = seg
    return col.groups


class _Column:
    """State of one column while walking an attendance section."""

    def __init__(self, status: str) -> None:
        self.status = status
        self.groups: list[Group] = []
        self.last = -1

    def feed(self, seg: Segment, start: int, end: int) -> None:
        if seg.kind == "S":
            self.status = seg.status or self.status
        elif seg.kind == "H":
            deleg = seg.delegation or _unknown_org(seg.text)
            self.groups.append(Group(deleg, seg.role, self.status, start, end,
                                     unknown=None if seg.delegation else seg.text))
        elif self.groups:
            self.groups[-1].persons.append((seg, start, end))

    def open_slot(self, start: int, end: int) -> None:
        self.groups.append(Group(None, None, self.status, start, end))


def _walk_one_column(lines: list[Line], status: str) -> list[Group]:
    col = _Column(status)
    for line in lines:
        for seg in line.segs:
            col.feed(seg, line.start, line.end)
    return col.groups


def _walk_table(lines: list[Line], status: str) -> list[Group]:
    width = max((len(li.cells) for li in lines if li.cells), default=1)
    cols = [_Column(status) for _ in range(width)]
    for line in lines:
        if line.cells is None:
            for c in cols:
                for seg in line.segs:
                    if seg.kind == "S":
                        c.feed(seg, line.start, line.end)
            if any(s.kind != "S" for s in line.segs):
                for seg in line.segs:
                    cols[0].feed(seg, line.start, line.end)
            continue
        for k, cell in enumerate(line.cells):
            for seg in cell:
                cols[k].feed(seg, line.start, line.end)
    return [g for c in cols for g in c.groups]


def _walk_across(lines: list[Line], status: str) -> list[Group]:
    """Two columns read across: the first segment of a line is left, the rest right."""
    left, right = _Column(status), _Column(status)
    for n, line in enumerate(lines):
        segs = line.segs
        if len(segs) >= 2:
            rest = segs[1:]
            if (segs[0].kind == "H" and rest[0].kind == "P" and right.groups
                    and right.groups[-1].persons):
                right.open_slot(line.start, line.end)
            left.feed(segs[0], line.start, line.end)
            for seg in rest:
                right.feed(seg, line.start, line.end)
            left.last = right.last = n
            continue
        seg = segs[0]
        go_right = right.last < left.last and right.last >= 0
        if seg.kind == "P":
            go_right = go_right and bool(right.groups) and not right.groups[-1].persons
        col = right if go_right else left
        col.feed(seg, line.start, line.end)
        col.last = n
    return left.groups + right.groups


def _orphan_headings(ctx: Context, heading_block: int) -> list[Delegation]:
    """Delegation names standing alone on the lines just before the attendance heading."""
    out: list[Delegation] = []
    i = heading_block - 1
    while i >= 0:
        text = clean_line(ctx.doc.block_text(ctx.doc.blocks[i]))
        deleg = ctx.resolve(text) if text else None
        if not deleg:
            break
        out.insert(0, deleg)
        i -= 1
    return out


def _fill_slots(groups: list[Group], orphans: list[Delegation]) -> list[Group]:
    used = {g.delegation.code for g in groups if g.delegation}
    pool = [o for o in orphans if o.code not in used]
    for g in groups:
        if g.delegation is None and pool:
            g.delegation = pool.pop(0)
    return [g for g in groups if g.delegation is not None]


def _records(ctx: Context, groups: list[Group]) -> list[Attendee]:
    out: list[Attendee] = []
    for g in groups:
        d = g.delegation
        assert d is not None
        base = {"doc_id": ctx.doc_id, "delegation": d.name, "delegation_code": d.code,
                "delegation_kind": d.kind, "status": g.status}
        if (not g.persons and g.unknown and not org_like(g.unknown)) or not d.code:
            continue  # a stray line, not a delegation
        if not g.persons:
            out.append(Attendee(**base, person=None, honorific=None, role=g.role,
                                **ctx.provenance(g.start, g.end)))
        for seg, start, end in g.persons:
            out.append(Attendee(**base, person=seg.text, honorific=seg.honorific,
                                role=seg.role or g.role, **ctx.provenance(start, end)))
    return out


def _from_sections(ctx: Context) -> list[Attendee]:
    out: list[Attendee] = []
    blocks = ctx.doc.blocks
    i = 0
    while i < len(blocks):
        text = ctx.doc.block_text(blocks[i])
        status = heading_status(text)
        inline = inline_heading(text) if status is None else None
        if inline:
            status, off = inline
            segs = segment_line(clean_line(re.sub(r"\band\b", ",", text[off:])), ctx.gaz)
            if segs:
                start = blocks[i].start + off
                line = Line(start, blocks[i].end, segs, inline=True)
                out.extend(_records(ctx, _walk_one_column([line], status)))
            i += 1
            continue
        if status is None:
            i += 1
            continue
        lines, nxt = _section_lines(ctx, i)
        if any(s.kind in "HP" for li in lines for s in li.segs):
            if any(li.cells and len(li.cells) > 1 for li in lines):
                walk = _walk_rows if _row_wise(lines) else _walk_table
                groups = walk(lines, status)
            elif _person_first(lines):
                groups = _walk_person_first(lines, status)
            elif _two_column(lines):
                groups = _walk_across(lines, status)
            else:
                groups = _walk_one_column(lines, status)
            groups = _fill_slots(groups, _orphan_headings(ctx, i))
            out.extend(_records(ctx, groups))
        i = max(nxt, i + 1)
    return out


_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _from_sentences(ctx: Context) -> list[Attendee]:
    """Delegations named in a running sentence ("The following States participated: ...")."""
    text = ctx.doc.text
    limit = min((a.char_start for a in ctx.agenda), default=min(len(text), 4000))
    if limit < 200:
        limit = min(len(text), 4000)
    region = text[:limit]
    leads = _cue_re("list_lead")
    out: list[Attendee] = []
    seen: set[tuple[str, str]] = set()
    pos = 0
    for sent in _SENT_SPLIT.split(region):
        s_start = region.find(sent, pos)
        pos = s_start + len(sent)
        for cue, status in _cue_re("sentence"):
            if not cue.search(sent):
                continue
            body_off = sent.index(":") + 1 if ":" in sent else 0
            for raw in re.split(r"[,;]|\band\b", sent[body_off:]):
                chunk = raw.strip()
                changed = True
                while changed:
                    changed = False
                    for lead, _ in leads:
                        new = lead.sub("", chunk, count=1).strip()
                        if new != chunk:
                            chunk, changed = new, True
                chunk = " ".join(chunk.split())
                hits = delegation_matches(chunk, ctx.gaz)
                if not hits or hits[0][0] != 0:
                    continue
                d = hits[0][2]
                if (d.code, status) in seen:
                    continue
                seen.add((d.code, status))
                a = s_start + max(sent.find(raw.strip()[:20], body_off), 0)
                out.append(Attendee(doc_id=ctx.doc_id, delegation=d.name,
                                    delegation_code=d.code, delegation_kind=d.kind,
                                    person=None, honorific=None, role=None, status=status,
                                    **ctx.provenance(a, a + len(raw.strip()))))
            break
    return out


def _resolve_tail(ctx: Context, text: str) -> Delegation | None:
    """Resolve the longest trailing run of words of ``text`` that names a delegation."""
    words = text.split()
    for k in range(len(words)):
        d = ctx.resolve(" ".join(words[k:]))
        if d:
            return d
    return None


def _sentence_roles(ctx: Context, attendees: list[Attendee]) -> list[Attendee]:
    """Roles given in the opening text ("in collaboration with President-designate, X")."""
    if not attendees or any(a.role for a in attendees):
        return attendees
    end = min((a.char_start for a in ctx.agenda), default=4000)
    text = " ".join(ctx.doc.text[:max(end, 200)].split())
    roles: dict[str, str] = {}
    for pattern, _ in _cue_re("sentence_role"):
        for m in pattern.finditer(text):
            d = _resolve_tail(ctx, m.group("deleg")) or ctx.resolve(m.group("deleg"))
            if d and d.code not in roles:
                roles[d.code] = m.group("role").strip()
    return [replace(a, role=roles[a.delegation_code])
            if a.delegation_code in roles and not a.role else a for a in attendees]


def extract_attendees(ctx: Context) -> list[Attendee]:
    """Return the attendees in document order."""
    attendees = _from_sections(ctx)
    from_text = _from_sentences(ctx)
    if not attendees:
        attendees = _sentence_roles(ctx, from_text)
    else:
        known = {a.delegation_code for a in attendees}
        attendees += [a for a in from_text if a.status != "present"
                      and a.delegation_code not in known]
    return add_participating_persons(ctx, attendees)
