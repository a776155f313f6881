"""Delegations with their persons in brackets, one delegation per line.

"Ruritania (J. Roe, A. Moss)", "Alternate: Freedonia (K. Lee)", "Harbour Trust (P. Kane)",
"Secretary General (D. Vale)". Such lines also come as two table columns flattened row by
row, so a line holding only bracketed persons ("(M. Roe, T. Ray)") belongs to the last
delegation written without persons, and short label lines ("Host of next meeting",
"Invited organizations") stand between rows. The list needs no heading: a run of such lines is
an attendance list by its shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.attendees.affiliations import (
    body_delegation,
    is_office,
    is_secretariat,
    unknown_org,
)
from extractors.attendees.lines import clean_line, org_like
from extractors.attendees.person_items import parse_item
from extractors.attendees.persons import clean_role
from extractors.attendees.secretariat import body_staff
from extractors.context import Context
from extractors.gazetteer import Delegation
from models.records import Attendee

_ROW = re.compile(r"^(?:(?P<label>[A-Z][\w\- ]{1,30}):\s*)?(?P<head>[^()\[\]:]{2,80}?)?\s*"
                  r"(?:\(\s*(?P<inner>[^()]*?)\s*\))?$")
_MIN_RUN = 3


@dataclass
class Row:
    """One delegation line: who, with which persons and role."""

    start: int
    end: int
    delegation: Delegation | None
    persons: list[tuple[str, str | None]] = field(default_factory=list)
    role: str | None = None


def _persons(inner: str, ctx: Context) -> list[tuple[str, str | None]] | None:
    parts = [p.strip() for p in inner.split(",") if p.strip()]
    out = []
    for part in parts:
        item = parse_item(part, ctx)
        if item is None or is_office(part) or item.affiliation or item.delegation:
            return None
        out.append((item.person, item.honorific))
    return out or None


def _head(head: str, ctx: Context) -> Delegation | None:
    head = head.strip()
    known = ctx.resolve(head)
    if known:
        return known
    words = head.split()
    if not 1 <= len(words) <= 6 or not head[0].isupper():
        return None
    if is_office(head) and not org_like(head):
        staff = body_staff(ctx) if is_secretariat(head) else None
        if staff is not None:
            return staff
        body = body_delegation(ctx)
        kind = "secretariat"
        return Delegation(body.name, body.code, kind) if body else None
    if org_like(head) or (len(words) == 1 and head.isupper()):
        return unknown_org(head, ctx=ctx)
    return None


def parse_row(off: int, text: str, ctx: Context) -> Row | str | None:
    """A ``Row``; "persons" / "label" for a persons-only or label line; None otherwise."""
    line = clean_line(text)
    m = _ROW.match(line)
    if not m:
        return None
    head, inner, label = m.group("head"), m.group("inner"), m.group("label")
    if head is None and inner is not None:
        return "persons" if _persons(inner, ctx) else None
    if head is None:
        return None
    deleg = _head(head, ctx)
    if deleg is not None and inner is None and is_office(head) and not org_like(head):
        deleg = None  # an office with nobody beside it is a label
    if deleg is None:
        words = line.split()
        return "label" if len(words) <= 5 and inner is None and not line.endswith(".") else None
    row = Row(off, off + len(text), deleg)
    if label:
        row.role = clean_role(label)
    if inner:
        persons = _persons(inner, ctx)
        if persons is not None:
            row.persons = persons
        elif is_office(inner) or "," in inner:
            row.role = row.role or clean_role(inner)
        else:
            return None
    if is_office(head) and not org_like(head):
        row.role = row.role or clean_role(head)
    return row


def _pending_persons(off: int, text: str, ctx: Context) -> list[tuple[str, str | None]]:
    m = re.search(r"\(([^()]*)\)", text)
    return (_persons(m.group(1), ctx) or []) if m else []


def read_rows(ctx: Context, lines: list[tuple[int, str]]) -> list[Row] | None:
    """Rows of a run of lines, or None where fewer than three delegation rows with persons."""
    rows: list[Row] = []
    for off, text in lines:
        parsed = parse_row(off, text, ctx)
        if isinstance(parsed, Row):
            rows.append(parsed)
        elif parsed == "persons":
            waiting = [r for r in rows if not r.persons]
            if waiting:
                waiting[-1].persons = _pending_persons(off, text, ctx)
        elif parsed is None:
            break
    if sum(1 for r in rows if r.persons) < _MIN_RUN:
        return None
    return rows


def row_records(ctx: Context, rows: list[Row], status: str) -> list[Attendee]:
    """Attendee records of delegation rows."""
    out: list[Attendee] = []
    for row in rows:
        d = row.delegation
        assert d is not None
        kind = "secretariat" if row.role and is_secretariat(row.role) else d.kind
        base = {"doc_id": ctx.doc_id, "delegation": d.name, "delegation_code": d.code,
                "delegation_kind": kind, "status": status, "role": row.role,
                **ctx.provenance(row.start, row.end)}
        if not row.persons:
            out.append(Attendee(**base, person=None, honorific=None))
        for name, honorific in row.persons:
            out.append(Attendee(**base, person=name, honorific=honorific))
    return out


def find_runs(ctx: Context) -> list[tuple[int, list[Row]]]:
    """(first block, rows) for each headless run of delegation lines with bracketed persons."""
    out: list[tuple[int, list[Row]]] = []
    blocks = ctx.doc.blocks
    i = 0
    while i < len(blocks):
        j = i
        lines: list[tuple[int, str]] = []
        while j < len(blocks) and parse_row(blocks[j].start, ctx.doc.block_text(blocks[j]),
                                            ctx) is not None:
            lines.append((blocks[j].start, ctx.doc.block_text(blocks[j])))
            j += 1
        rows = read_rows(ctx, lines) if len(lines) >= _MIN_RUN else None
        if rows:
            out.append((i, rows))
        i = max(j, i + 1)
    return out
