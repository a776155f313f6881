"""Human-readable summaries of one document's records (for ``minutes ingest --file``)."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from rich.console import Console
from rich.table import Table

from models.records import Extraction

# columns shown per table in the terminal summary (the JSON output has them all)
SHOWN = {
    "attendees": ["delegation", "delegation_code", "person", "honorific", "role", "status"],
    "agenda_items": ["number", "title", "level"],
    "interventions": ["seq", "speaker", "speaker_code", "speaker_role", "agenda_item", "text"],
    "decisions": ["seq", "kind", "actor_code", "agenda_item", "due_date", "text"],
    "dates": ["text", "date_start", "date_end", "granularity", "year_inferred"],
    "quality_flags": ["kind", "message"],
}


def _cell(value: Any, width: int = 70) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_extraction(extraction: Extraction, console: Console | None = None) -> None:
    """Print the meeting facts and a table per record type."""
    console = console or Console()
    meeting = asdict(extraction.meeting)
    facts = Table(title="meeting", show_header=False)
    for f in fields(extraction.meeting):
        facts.add_row(f.name, _cell(meeting[f.name]))
    console.print(facts)
    for name, rows in extraction.tables().items():
        if name == "meetings":
            continue
        table = Table(title=f"{name} ({len(rows)})")
        for column in SHOWN[name]:
            table.add_column(column, overflow="fold")
        for row in rows:
            values = asdict(row)
            table.add_row(*(_cell(values[c]) for c in SHOWN[name]))
        console.print(table)
