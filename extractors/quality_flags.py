"""Contradictions in the source, recorded as quality flags."""

from __future__ import annotations

from extractors.context import Context
from models.records import DateMention, QualityFlag


def extract_quality_flags(ctx: Context, dates: list[DateMention]) -> list[QualityFlag]:
    """Return quality flags (weekday mismatches, conflicting dates ...)."""
    return []
