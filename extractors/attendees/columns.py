"""Headed line lists and flattened tables: delegation headings with persons beneath.

Layouts: one column of headings with persons under each; "Mr. A. Name, Delegation" lines
(person first); tables read column by column; table rows "delegation | person | role"; and two
columns that a converter read across (a line mixes a left and a right cell). Each walker turns
the segmented lines of one attendance section into delegation groups.
"""

from __future__ import annotations

import re
from itertools import pairwise

from extractors.attendees.groups import Column, Group, Line
from extractors.attendees.lines import Segment, clean_line
from extractors.context import Context
from extractors.gazetteer import Delegation


def seg_kinds(line: Line) -> str:
    return "".join(s.kind for s in line.segs)


def two_column(lines: list[Line]) -> bool:
    """True where a converter read two columns across: a heading follows another segment
    on a short line (a line with many segments is a joined list, not a row)."""
    plain = [li for li in lines if li.cells is None and not li.inline
             and not seg_kinds(li).startswith("S")]
    if any(len(li.segs) > 4 for li in plain):
        return False
    return any(re.search(r"P.*H", seg_kinds(li)) or _adjacent_headings(li) for li in plain)


def _adjacent_headings(line: Line) -> bool:
    """True where two delegation names stand side by side with no comma between them."""
    segs = line.segs
    return any(a.kind == "H" and b.kind == "H" and "," not in line.text[a.end:b.start]
               and ";" not in line.text[a.end:b.start] for a, b in pairwise(segs))


def person_first(lines: list[Line]) -> bool:
    """True for "Mr. A. Name, Delegation" lines: each line names a person, then a delegation."""
    kinds = [seg_kinds(li).replace("S", "") for li in lines if li.cells is None]
    kinds = [k for k in kinds if "P" in k and "H" in k]
    return bool(kinds) and all(re.fullmatch(r"P+H", k) for k in kinds)


def row_wise(lines: list[Line]) -> bool:
    """True for tables whose rows read delegation | person (| role)."""
    rows = [li.cells for li in lines if li.cells and len(li.cells) > 1]
    hp = [r for r in rows if any(s.kind == "P" for c in r[1:] for s in c)]
    heads_right = any(s.kind == "H" and s.delegation for r in rows for c in r[1:] for s in c)
    return bool(hp) and not heads_right


def walk_person_first(lines: list[Line], status: str) -> list[Group]:
    col = Column(status)
    for line in lines:
        persons = [s for s in line.segs if s.kind == "P"]
        for seg in line.segs:
            if seg.kind != "P":
                col.feed(seg, line.start, line.end)
        for seg in persons:
            col.feed(seg, line.start, line.end)
    return col.groups


def walk_rows(lines: list[Line], status: str) -> list[Group]:
    col = Column(status)
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


def walk_one_column(lines: list[Line], status: str) -> list[Group]:
    col = Column(status)
    for line in lines:
        for seg in line.segs:
            col.feed(seg, line.start, line.end)
    return col.groups


def walk_table(lines: list[Line], status: str) -> list[Group]:
    width = max((len(li.cells) for li in lines if li.cells), default=1)
    cols = [Column(status) for _ in range(width)]
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


def walk_across(lines: list[Line], status: str) -> list[Group]:
    """Two columns read across: the first segment of a line is left, the rest right."""
    left, right = Column(status), Column(status)
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


def orphan_headings(ctx: Context, heading_block: int) -> list[Delegation]:
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


def fill_slots(groups: list[Group], orphans: list[Delegation]) -> list[Group]:
    used = {g.delegation.code for g in groups if g.delegation}
    pool = [o for o in orphans if o.code not in used]
    for g in groups:
        if g.delegation is None and pool:
            g.delegation = pool.pop(0)
    return [g for g in groups if g.delegation is not None]


def read_headed_section(ctx: Context, lines: list[Line], status: str,
                        heading_block: int) -> list[Group]:
    """Groups of one attendance section, read by the column shape its lines show."""
    if any(li.cells and len(li.cells) > 1 for li in lines):
        groups = (walk_rows if row_wise(lines) else walk_table)(lines, status)
    elif person_first(lines):
        groups = walk_person_first(lines, status)
    elif two_column(lines):
        groups = walk_across(lines, status)
    else:
        groups = walk_one_column(lines, status)
    return fill_slots(groups, orphan_headings(ctx, heading_block))
