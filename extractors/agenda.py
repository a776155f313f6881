"""Agenda items: numbered headings and sub-items."""

from __future__ import annotations

from extractors.context import Context
from models.records import AgendaItem


def extract_agenda(ctx: Context) -> list[AgendaItem]:
    """Return the agenda items in document order."""
    return []
