"""Meeting facts: title, type, sequence, date, times, venue, presidency."""

from __future__ import annotations

from extractors.context import Context
from models.records import Meeting


def extract_meeting(ctx: Context) -> Meeting:
    """Return the meeting row (``source_*``, ``n_pages`` and version are set by the caller)."""
    return Meeting(doc_id=ctx.doc_id, source_path=ctx.doc.source_path,
                   source_format=ctx.doc.source_format)
