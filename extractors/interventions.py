"""Speaker turns."""

from __future__ import annotations

from extractors.context import Context
from models.records import Intervention


def extract_interventions(ctx: Context) -> list[Intervention]:
    """Return the speaker turns in document order."""
    return []
