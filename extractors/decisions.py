"""Decisions and action points."""

from __future__ import annotations

from extractors.context import Context
from models.records import Decision


def extract_decisions(ctx: Context) -> list[Decision]:
    """Return decisions and action points in document order."""
    return []
