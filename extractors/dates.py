"""Date mentions with day+month or month+year, ranges as one record."""

from __future__ import annotations

from extractors.context import Context
from models.records import DateMention


def extract_dates(ctx: Context) -> list[DateMention]:
    """Return the date mentions in document order."""
    return []
