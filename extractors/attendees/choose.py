"""Attendance zones and the reader for each: the entry point of the attendees package.

A zone is a block holding an attendance heading ("Present:", "Apologies", "Not present") with
the lines under it, a heading with its list on the same line ("Present: A, B and C"), or a
sentence that introduces a list ("The following States participated: ..."). Each zone goes to
the reader of its layout family:

- ``columns``: headings with persons beneath, person-first lines, tables, two columns read across
- ``prose_lists``: delegations named in a running sentence
- ``participants``: persons the text shows taking part, added to person-less delegations
"""

from __future__ import annotations

import re

from extractors.attendees.columns import read_headed_section, walk_one_column
from extractors.attendees.groups import Line, group_records
from extractors.attendees.lines import (
    Segment,
    clean_line,
    heading_status,
    inline_heading,
    is_section_end,
    is_subheading,
    segment_line,
)
from extractors.attendees.participants import add_participating_persons
from extractors.attendees.prose_lists import from_sentences, sentence_roles
from extractors.context import Context
from models.document import Block
from models.records import Attendee


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


def _from_sections(ctx: Context) -> list[Attendee]:
    """Records of every headed attendance zone (a heading block, or a heading with its list)."""
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
                out.extend(group_records(ctx, walk_one_column([line], status)))
            i += 1
            continue
        if status is None:
            i += 1
            continue
        lines, nxt = _section_lines(ctx, i)
        if any(s.kind in "HP" for li in lines for s in li.segs):
            out.extend(group_records(ctx, read_headed_section(ctx, lines, status, i)))
        i = max(nxt, i + 1)
    return out


def extract_attendees(ctx: Context) -> list[Attendee]:
    """Return the attendees in document order."""
    attendees = _from_sections(ctx)
    from_text = from_sentences(ctx)
    if not attendees:
        attendees = sentence_roles(ctx, from_text)
    else:
        known = {a.delegation_code for a in attendees}
        attendees += [a for a in from_text if a.status != "present"
                      and a.delegation_code not in known]
    return add_participating_persons(ctx, attendees)
