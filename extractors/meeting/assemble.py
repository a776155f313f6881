"""The meeting row: title, type, sequence, date, times, venue and presidency, each read by its
own module from the document head (``header.py``) and opening text."""

from __future__ import annotations

from extractors.context import Context
from extractors.meeting.dateline import find_meeting_date, find_meeting_times
from extractors.meeting.header import header_lines, held_statements
from extractors.meeting.kind import find_sequence, find_type
from extractors.meeting.presidency import find_presidency
from extractors.meeting.title import find_title
from extractors.meeting.venue import find_venue
from models.records import Meeting


def extract_meeting(ctx: Context) -> Meeting:
    """Return the meeting row (``source_*``, ``n_pages`` and version are set by the caller)."""
    lines = header_lines(ctx)
    title = find_title(ctx, lines)
    title_text = title.text if title else None
    zone = " ".join(ln.text for ln in lines if not ln.furniture)
    if not title_text:  # the opening sentence that says the meeting was held names its kind
        zone = " ".join([zone, *(h.text for h in held_statements(ctx)[:1])])
    kind = find_type(title_text, " ".join(zone.split()))
    date = find_meeting_date(ctx, lines)
    start, end = find_meeting_times(ctx, lines, date)
    return Meeting(
        doc_id=ctx.doc_id, source_path=ctx.doc.source_path,
        source_format=ctx.doc.source_format, title=title_text, meeting_type=kind,
        sequence=find_sequence(kind, title_text, lines, ctx.doc.text),
        meeting_date=date.date if date else None,
        year_inferred=date.year_inferred if date else False,
        start_time=start, end_time=end, venue=find_venue(ctx, lines),
        presidency_code=find_presidency(ctx, lines, title_text),
    )
