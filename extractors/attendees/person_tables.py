"""Tables of persons: one row per person, columns named by a header row.

| Name | Organisation | Role |        (header words come from ``attendance_headings.jsonl``)
| Jane Roe | Harbour Trust (HT) | Chair |

The header tells which cell holds the name, the affiliation, the role and, where present, the
attendance ("Present" / "Apologies"); a column named "Organisation/Position" holds either (an
office is the role). A row without a name is its affiliation's record. Such a header row makes
a table an attendance list without a heading above it.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.attendees.affiliations import (
    body_delegation,
    is_office,
    is_secretariat,
    unknown_org,
)
from extractors.attendees.lines import clean_line, cues, heading_status, org_like
from extractors.attendees.person_items import line_items
from extractors.attendees.persons import clean_role
from extractors.attendees.secretariat import body_staff
from extractors.context import Context
from extractors.gazetteer import Delegation
from models.records import Attendee


@cache
def _column_words() -> dict[str, str]:
    return {w: c["column"] for c in cues() if c["kind"] == "table_column" for w in c["words"]}


def _cells(ctx: Context, i: int) -> list[str] | None:
    block = ctx.doc.blocks[i]
    if block.kind == "table_row" and block.cells:
        return [clean_line(ctx.doc.text[a:b]) for a, b in block.cells]
    text = ctx.doc.block_text(block)
    if text.count("|") >= 2:
        return [clean_line(c) for c in text.strip().strip("|").split("|")]
    return None


def _header(cells: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for k, cell in enumerate(cells):
        words = [w.strip().lower().rstrip(":") for w in cell.split("/")]
        found = {_column_words().get(w) for w in words} - {None}
        column = "either" if found == {"affiliation", "role"} else \
            _column_words().get(words[0]) if len(words) == 1 else None
        if column and column not in cols:
            cols[column] = k
    return cols if "name" in cols and len(cols) >= 2 else None


def _persons(cell: str, ctx: Context) -> list[tuple[str, str | None, str | None]]:
    """(name, honorific, role written in the cell) of each person a name cell lists
    ("Ms. A, Counsellor; Mr. B, Adviser")."""
    if not cell.strip():
        return []
    items = line_items(ctx, 0, cell.strip()) or []
    return [(item.person, item.honorific, item.role) for _, _, item in items]


def _person_rows(ctx: Context, i: int) -> bool:
    """True where the table starting at block ``i`` has a person in the first cell of each of
    its first rows (two at least)."""
    seen = 0
    while (cells := _cells(ctx, i)) is not None and seen < 3:
        i += 1
        if all(re.fullmatch(r"[-:\s]*", c) for c in cells):
            continue
        if not cells or ctx.resolve(cells[0]) or not _persons(cells[0], ctx):
            return False
        seen += 1
    return seen >= 2


def is_header_row(ctx: Context, i: int) -> bool:
    """True where block ``i`` is the header row of a person table (a name column and another
    one it knows), so the table is an attendance list without a heading above it."""
    cells = _cells(ctx, i)
    return bool(cells) and _header(cells) is not None


def _headless_columns(ctx: Context, i: int) -> dict[str, int]:
    """Columns of a table without a header: the name first, then the affiliation and the
    role, the role being the column whose cells name offices ("Chair", "Member")."""
    offices = [0, 0]
    while (cells := _cells(ctx, i)) is not None:
        i += 1
        for k in (1, 2):
            if k < len(cells) and cells[k].strip() and is_office(cells[k]) \
                    and not org_like(cells[k]):
                offices[k - 1] += 1
    if offices[0] > offices[1]:
        return {"name": 0, "role": 1, "affiliation": 2}
    return {"name": 0, "affiliation": 1, "role": 2}


def table_records(ctx: Context, heading_block: int, status: str) -> tuple[list[Attendee], int]:
    """Records of a person table under the heading in block ``heading_block``, and the block
    after the table; no records where the table has no recognised header."""
    i = heading_block + 1
    blocks = ctx.doc.blocks
    while i < min(len(blocks), heading_block + 3) and _cells(ctx, i) is None \
            and not heading_status(ctx.doc.block_text(blocks[i])) and blocks[i].kind != "heading":
        i += 1  # a lead-in sentence between the heading and the table
    header = _cells(ctx, i) if i < len(blocks) else None
    cols = _header(header) if header else None
    if cols is None and header and _person_rows(ctx, i):
        cols = _headless_columns(ctx, i)  # no header: name, then affiliation and role
        i -= 1  # the first row is a person
    if cols is None:
        return [], heading_block + 1
    body = body_delegation(ctx)
    out: list[Attendee] = []
    i += 1
    while i < len(blocks) and (cells := _cells(ctx, i)) is not None:
        i += 1
        if all(re.fullmatch(r"[-:\s]*", c) for c in cells):
            continue  # the Markdown rule under the header
        get = {k: (cells[v] if v < len(cells) else "") for k, v in cols.items()}
        either = get.pop("either", "").strip()
        if either:  # "Organisation/Position": an office is the role, else the affiliation
            get["role" if is_office(either) and not org_like(either) else "affiliation"] = either
        row_status = heading_status(get.get("status", "")) or status
        persons = _persons(get.get("name", ""), ctx)
        deleg = _affiliation(ctx, get.get("affiliation", ""))
        col_role = clean_role(get.get("role", "")) if get.get("role") else None
        block = blocks[i - 1]
        for person in persons or [None]:
            role = col_role or (person[2] if person else None)
            d = deleg
            if d is None:
                staff = role is not None and is_secretariat(role)
                d = body_staff(ctx) if staff else \
                    (Delegation(body.name, body.code, "organization") if body else None)
            if person is None and (d is None or not get.get("affiliation")):
                continue
            out.append(Attendee(doc_id=ctx.doc_id, delegation=d.name if d else "",
                                delegation_code=d.code if d else None,
                                delegation_kind=d.kind if d else None,
                                person=person[0] if person else None,
                                honorific=person[1] if person else None, role=role,
                                status=row_status, **ctx.provenance(block.start, block.end)))
    return out, i


def _affiliation(ctx: Context, text: str) -> Delegation | None:
    text = text.strip()
    if not text:
        return None
    known = ctx.resolve(re.sub(r"\s*[(\[][^)\]]*[)\]]", "", text)) or ctx.resolve(text)
    return known or unknown_org(text, ctx=ctx)
