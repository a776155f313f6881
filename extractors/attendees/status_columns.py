"""Attendance columns side by side, flattened row by row.

    Present              Apologies
    Mr. A                Ms. D
    Ms. B                Mr. E
    Ms. C

A reader that joins each row (or the whole block) gives "Present Apologies Mr. A Ms. D Ms. B
Mr. E Ms. C": the headings come first, then the names alternate between the columns, the
longer column's last names at the end (the first column taken as the longer: a shorter
first column cannot be told from the text). Each name takes the status of its column.
"""

from __future__ import annotations

import re

from extractors.attendees.lines import heading_status
from extractors.attendees.person_items import line_items
from extractors.attendees.person_records import item_records
from extractors.attendees.persons import honorific_re
from extractors.context import Context
from models.records import Attendee


def column_statuses(text: str) -> tuple[list[str], int] | None:
    """(status of each column, offset of the first name) where ``text`` starts with two or
    more attendance headings side by side and then names; else None."""
    title = honorific_re().search(text)
    if title is None or title.start() == 0:
        return None
    head = text[:title.start()].split()
    statuses = [heading_status(w) for w in head]
    if len(head) < 2 or not all(statuses) or len(set(statuses)) < 2:
        return None
    return [s for s in statuses if s], title.start()


def status_column_records(ctx: Context, start: int, text: str) -> list[Attendee]:
    """Records of side-by-side columns flattened into ``text`` (at offset ``start``)."""
    found = column_statuses(text)
    if found is None:
        return []
    statuses, at = found
    items = line_items(ctx, start + at, re.sub(r"\s+", " ", text[at:]).strip()) \
        if "\n" not in text[at:] else None
    if not items:
        return []
    out: list[Attendee] = []
    for k, placed in enumerate(items):
        out.extend(item_records(ctx, [placed], statuses[k % len(statuses)]))
    return out
