"""Attendance zones and the reader for each: the entry point of the attendees package.

A zone is a block holding an attendance heading ("Present:", "Apologies", "Not present") with
the lines under it, a heading with its list on the same line ("Present: A, B and C"), a heading
run into a paragraph ("... 1. Present: A ..."), a record header led by an office label
("Chairman: Mr. A  Ruritania" then "Members: ..."), a headless run of "Delegation (persons)" lines,
or a sentence that introduces a list ("The following States participated: ..."). Each goes to
the reader of its layout family, one module each:

- ``person_tables``: tables of persons with a header row (Name | Organisation | Role), also
  with no heading above them
- ``bracketed``: "Delegation (J. Roe, A. Moss)" lines, also without a heading
- ``person_items``: one person per item, with alias, affiliation and role beside the name
  (``person_records`` gives each its delegation); chosen where it reads more persons than
- ``columns``: headings with persons beneath, person-first lines, tables, two columns read across
- ``status_columns``: "Present  Apologies" columns side by side, flattened row by row
- ``prose_lists``: delegations or persons named in an attendance sentence, or listed after it
- ``prose_counts``: absentees named beside a count ("15 of the 17 members, A being absent")
- ``speaker_bullets``: delegations listed under a sentence introducing speakers
- ``proxies``: "ORG - Person (AB) representing ..." lines, the affiliation written first
- ``participants``: persons the text shows taking part, and a record header's chair
- ``secretariat``: what "the Secretariat" / "the ISU" stand for (the body's own secretariat)

``affiliations`` derives codes from what the document writes; ``aliases`` maps initials in
brackets beside a listed person to that attendee (``Context.attendee_aliases``).
"""

from __future__ import annotations

import re

from extractors.attendees.affiliations import office_words
from extractors.attendees.aliases import find_aliases
from extractors.attendees.bracketed import find_runs, read_rows, row_records
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
from extractors.attendees.participants import add_participants
from extractors.attendees.person_items import inline_items, parse_item, person_zone, split_items
from extractors.attendees.person_records import item_records
from extractors.attendees.person_tables import is_header_row, table_records
from extractors.attendees.prose_counts import from_counts
from extractors.attendees.prose_lists import from_sentences, sentence_roles
from extractors.attendees.proxies import from_proxy_lines
from extractors.attendees.secretariat import generic_targets
from extractors.attendees.speaker_bullets import from_speaker_bullets
from extractors.attendees.status_columns import status_column_records
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


def _section_lines(ctx: Context, start_block: int,
                   first: tuple[int, str] | None = None) -> tuple[list[Line], int]:
    """Lines of the attendance section that starts after block ``start_block`` (``first``:
    the rest of the heading's own block, where the list starts on the heading's line)."""
    lines: list[Line] = []
    if first is not None:
        segs = _segments(ctx, first[1])
        if segs:
            lines.append(Line(first[0], first[0] + len(first[1]), segs))
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
                lines.append(Line(off, off + len(raw), segs, text=clean_line(raw)))
        if stop:
            break
        i += 1
    return lines, i


_EMBEDDED = re.compile(r"(?:^|(?<=[\s.]))(?:\d+\.\s*)?([A-Z][A-Za-z ]{2,40}):\s+(?=\S)")


def _embedded_heading(text: str) -> tuple[str, int, int] | None:
    """(status, offset of the list, offset of the heading) for a heading run into a block
    after other text ("... from 10:00 hours 1. Present: Norway Mr. A ...")."""
    for m in _EMBEDDED.finditer(text):
        if m.start() == 0:
            continue
        status = heading_status(m.group(1))
        if status:
            return status, m.end(), m.start(1)
    return None


def _office_label(ctx: Context, text: str) -> bool:
    """True for a line naming a person by office before any attendance heading ("Chairman:
    Mr. A  Ruritania"), the head of a summary record's list of those present."""
    m = re.match(r"([A-Z][\w\- ]{2,30}):\s+(?=\S)", text)
    return bool(m) and m.group(1).title() in {w.title() for w in office_words()} \
        and parse_item(text.split("\n")[0], ctx) is not None


def _known_headings(lines: list[Line]) -> bool:
    return any(s.kind == "H" and s.delegation is not None for li in lines for s in li.segs)


def _read_zone(ctx: Context, i: int, status: str, first: tuple[int, str] | None = None,
               office_led: bool = False) -> tuple[list[Attendee], int]:
    """Records of the zone headed in block ``i``, and the block after it."""
    if first is None:
        records, after = table_records(ctx, i, status)
        if records:
            return records, after
    lines, nxt = _section_lines(ctx, i, first)
    raw = ([first] if first else []) + [
        (b.start, ctx.doc.block_text(b)) for b in ctx.doc.blocks[i + 1:max(nxt, i + 1) + 1]]
    rows = read_rows(ctx, raw)
    if rows:
        return row_records(ctx, rows, status), nxt
    items, p_next = person_zone(ctx, i, first, status)
    if office_led:  # a header lists several persons; one "Chair: A" line is meeting data
        return (item_records(ctx, items, status), p_next) if len(items) > 1 else ([], i + 1)
    listed = sum(1 for li in lines for s in li.segs if s.kind == "P")
    if items and (not _known_headings(lines) or len(items) >= listed):
        return item_records(ctx, items, status), p_next
    if any(s.kind in "HP" for li in lines for s in li.segs):
        return group_records(ctx, read_headed_section(ctx, lines, status, i)), nxt
    return [], nxt


_PIECE = re.compile(r"((?:\d+\.?\s+)?([A-Z][^:.\n]{2,40})):[ \t]*(?=\S)")


def _inline_pieces(text: str) -> list[tuple[int, str, str, int]]:
    """(offset, text, status, list offset) of each list in a block that starts with its own
    heading ("Present: A, B. In attendance: C", "... (Ward) Absent: D" run onto one line)."""
    starts = [0] + [m.end() for m in re.finditer(r"(?:\n|[ \t]+)(?=[A-Z0-9])", text)]
    found = []
    for pos in starts:
        m = _PIECE.match(text, pos)
        if m and (not found or pos >= found[-1][1]) and heading_status(m.group(2)):
            if found and not re.search(r"[.;:]\s*$|\n\s*$", text[:pos]):
                pos = _shortest_heading(text, m)  # "..., Cy Dunn Apologies: D": names first
            found.append((pos, m.end(), heading_status(m.group(2)) or ""))
    out = []
    for k, (pos, list_at, status) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(text)
        out.append((pos, text[pos:end].rstrip(), status, list_at - pos))
    return out


def _shortest_heading(text: str, m: re.Match[str]) -> int:
    """Start of the shortest tail of a heading run on after a list without punctuation
    ("Bo Ek, Cy Dunn Apologies:" -> "Apologies:"), so the names stay in the list before."""
    status = heading_status(m.group(2))
    best = m.start()
    for w in re.finditer(r"\S+", m.group(2)):
        if w.start() and heading_status(m.group(2)[w.start():]) == status:
            best = m.start(2) + w.start()
    return best


def _inline_line_items(ctx: Context, start: int, text: str) -> list:
    """Person items of a list on its heading's line and the lines under it in the same block;
    none unless every line is a person list."""
    out = []
    pos = start
    for line in text.split("\n"):
        if line.strip():
            found = inline_items(ctx, pos, line)
            if not found:
                return []
            out.extend(found)
        pos += len(line) + 1
    return out


def _read_inline(ctx: Context, start: int, text: str, status: str, off: int) -> list[Attendee]:
    """Records of a list written on its heading's line ("Present: A, B and C")."""
    items = _inline_line_items(ctx, start + off, text[off:])
    chair = re.fullmatch(r"(?i)(?:\d+\.?\s+)?in the (\w+)", text[:off].strip().rstrip(":"))
    for *_, item in items if chair else []:  # "In the Chair: Cllr A"
        item.role = item.role or chair.group(1).title()  # type: ignore[union-attr]
    if items:
        return item_records(ctx, items, status)
    segs: list[Segment] = []
    for _, part in split_items(re.sub(r"\band\b", ",", text[off:])):
        part_segs = segment_line(clean_line(part), ctx.gaz)
        if part_segs is None:
            return []
        segs.extend(part_segs)
    if not segs:
        return []
    line = Line(start + off, start + len(text), segs, inline=True)
    return group_records(ctx, walk_one_column([line], status))


def _from_sections(ctx: Context) -> list[Attendee]:
    """Records of every headed attendance zone (a heading block, or a heading with its list)."""
    out: list[Attendee] = []
    blocks = ctx.doc.blocks
    i = 0
    while i < len(blocks):
        text = ctx.doc.block_text(blocks[i])
        if is_header_row(ctx, i):  # a person table with no heading above it
            records, nxt = table_records(ctx, i - 1, "present")
            if records:
                out.extend(records)
                i = max(nxt, i + 1)
                continue
        side_by_side = status_column_records(ctx, blocks[i].start, text)
        if side_by_side:  # "Present  Apologies" over two columns, flattened row by row
            out.extend(side_by_side)
            i += 1
            continue
        status = heading_status(text)
        if status is not None:
            records, nxt = _read_zone(ctx, i, status)
            out.extend(records)
            i = max(nxt, i + 1)
            continue
        if _office_label(ctx, text):  # a record header: "Chairman: Mr. A  Ruritania"
            records, nxt = _read_zone(ctx, i, "present", (blocks[i].start, text), True)
            if records:
                out.extend(records)
                i = max(nxt, i + 1)
                continue
        if inline_heading(text):
            for off, piece, status, list_off in _inline_pieces(text):
                out.extend(_read_inline(ctx, blocks[i].start + off, piece, status, list_off))
            i += 1
            continue
        embedded = _embedded_heading(text)
        if embedded:
            status, off, head = embedded
            pieces = _inline_pieces(text[head:])
            if len(pieces) > 1:  # "... opened at 18:00. Present: A and B. Regrets: C."
                for p_off, piece, p_status, list_off in pieces:
                    out.extend(_read_inline(ctx, blocks[i].start + head + p_off,
                                            piece.rstrip("."), p_status, list_off))
                i += 1
                continue
            records, nxt = _read_zone(ctx, i, status, (blocks[i].start + off, text[off:]))
            out.extend(records)
            i = max(nxt, i + 1)
            continue
        i += 1
    return out


def _adds_to_list(record: Attendee, listed: set[str], known: set[str | None]) -> bool:
    """Beside an attendance list, prose adds persons and delegations the list does not give
    ("The following member States were represented: A, B." above "Observers: C")."""
    if record.person:
        return record.person not in listed
    return record.delegation_code not in known


def extract_attendees(ctx: Context) -> list[Attendee]:
    """Return the attendees in document order (and make "the Secretariat" stand for the
    secretariat of the body these minutes are about, for every later table)."""
    ctx.set_generic(generic_targets(ctx))
    attendees = _from_sections(ctx)
    for _, rows in find_runs(ctx):
        if not any(rows[0].start <= a.char_start <= rows[-1].end for a in attendees):
            attendees += row_records(ctx, rows, "present")
    from_text = from_sentences(ctx) + from_counts(ctx)
    if not attendees:
        attendees = sentence_roles(ctx, from_text)
        known = {a.delegation_code for a in attendees}
        attendees += [a for a in from_speaker_bullets(ctx) if a.delegation_code not in known]
    else:
        known = {a.delegation_code for a in attendees}
        listed = {a.person for a in attendees if a.person}
        attendees += [a for a in from_text if _adds_to_list(a, listed, known)]
    named = {a.person for a in attendees if a.person}
    attendees += [a for a in from_proxy_lines(ctx) if a.person not in named]
    attendees = sorted(add_participants(ctx, attendees), key=lambda a: a.char_start)
    ctx.attendee_aliases = find_aliases(ctx, attendees)
    return attendees
