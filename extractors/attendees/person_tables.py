"""Tables of persons: one row per person, columns named by a header row.

| Name | Organisation | Role |        (header words come from ``attendance_headings.jsonl``)
| Jane Roe | Harbour Trust (HT) | Chair |

The header tells which cell holds the name, the affiliation, the role and, where present, the
attendance ("Present" / "Apologies"). A row without a name is its affiliation's record.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.attendees.affiliations import body_delegation, is_secretariat, unknown_org
from extractors.attendees.lines import clean_line, cues, heading_status
from extractors.attendees.person_items import parse_item
from extractors.attendees.persons import clean_role
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
        column = _column_words().get(cell.strip().lower().rstrip(":"))
        if column and column not in cols:
            cols[column] = k
    return cols if "name" in cols and len(cols) >= 2 else None


def _person(cell: str, ctx: Context) -> tuple[str, str | None, str | None] | None:
    """(name, honorific, role written in the cell) of a name cell."""
    item = parse_item(cell, ctx)
    if item is None:
        return None
    return item.person, item.honorific, item.role


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
        row_status = heading_status(get.get("status", "")) or status
        person = _person(get["name"], ctx) if get.get("name") else None
        deleg = _affiliation(ctx, get.get("affiliation", ""))
        role = clean_role(get.get("role", "")) if get.get("role") else None
        role = role or (person[2] if person else None)
        if deleg is None:
            kind = "secretariat" if role and is_secretariat(role) else "organization"
            deleg = Delegation(body.name, body.code, kind) if body else None
        if person is None and (deleg is None or not get.get("affiliation")):
            continue
        block = blocks[i - 1]
        out.append(Attendee(doc_id=ctx.doc_id, delegation=deleg.name if deleg else "",
                            delegation_code=deleg.code if deleg else None,
                            delegation_kind=deleg.kind if deleg else None,
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
