"""Agendas laid out as tables (a Markdown pipe table, a Word table): one item per row.

A table is an agenda where its header row names a topic column ('Topic', 'Item', 'Subject'
...: ``table_topic_columns`` in the data file) and no column of an action log, a payments
list or an attendance list ('Owner', 'Due', 'Amount', 'Name': ``table_other_columns``).
A column of item numbers gives the items' numbers. Where its first column holds times, rows
with no time are sub-rows of the item above
(presenters, parts of a session) and not items; rows that are no business (coffee, lunch, a
social event: ``schedule_rows``) are left out.
"""

from __future__ import annotations

import re

from extractors.agenda.candidates import Cand
from extractors.agenda.numbering import readings
from extractors.agenda.spec import spec
from extractors.agenda.titles import clean_title
from extractors.context import Context
from models.document import Block

_TIME_RE = re.compile(r"^\d{1,2}[:.h]\d{2}\b")
_LABEL_RE = re.compile(r"^\(?(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]?$")
MIN_ITEMS = 2


def _tables(ctx: Context) -> list[list[Block]]:
    """Runs of consecutive table rows."""
    out: list[list[Block]] = []
    previous: Block | None = None
    for b in ctx.doc.blocks:
        if b.kind == "table_row":
            if previous is not None and previous.kind == "table_row":
                out[-1].append(b)
            else:
                out.append([b])
        previous = b
    return out


def _cells(ctx: Context, row: Block) -> list[str]:
    return [ctx.doc.text[s:e].strip() for s, e in row.cells]


def _items(ctx: Context, rows: list[Block]) -> list[Cand]:
    s = spec()
    header = [c.casefold().strip(" :") for c in _cells(ctx, rows[0])]
    if any(c in s.other_columns for c in header):
        return []
    body = [_cells(ctx, r) for r in rows[1:]]
    numbers = [k for k in range(len(header)) if _numbers_column(body, k)]
    named = [k for k in range(len(header)) if header[k] in s.topic_columns and k not in numbers]
    if not named:
        return []
    topic = min(named, key=lambda k: s.topic_columns.index(header[k]))
    number = numbers[0] if numbers and numbers[0] < topic else None
    timed = topic > 0 and any(cells and _TIME_RE.match(cells[0]) for cells in body)
    out = []
    for row, cells in zip(rows[1:], body, strict=True):
        if timed and (not cells or not _TIME_RE.match(cells[0])):
            continue  # a sub-row of the item above
        if len(cells) <= topic:
            continue
        title = clean_title(cells[topic])
        if not title or (s.schedule_rows is not None and s.schedule_rows.match(title)):
            continue
        options = readings(cells[number]) if number is not None else []
        start, end = row.cells[topic]
        out.append(Cand(options[:1], title, start, end, listed=True))
    return out


def _numbers_column(body: list[list[str]], k: int) -> bool:
    """Whether column ``k`` holds item numbers ('1', '2.1', 'b)') in most rows."""
    cells = [r[k] for r in body if len(r) > k and r[k]]
    labels = [c for c in cells if _LABEL_RE.match(c) and readings(c)]
    return len(cells) >= MIN_ITEMS and len(labels) * 2 > len(cells)


def table_agenda(ctx: Context) -> list[Cand]:
    """Items of the agenda tables of the record, in order ([] where it has none)."""
    out: list[Cand] = []
    for rows in _tables(ctx):
        if len(rows) > 1:
            out.extend(_items(ctx, rows))
    return out if len(out) >= MIN_ITEMS else []
