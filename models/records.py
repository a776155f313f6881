"""One typed record per output table. Field docs feed the data dictionary."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


def col(doc: str, default: Any = None) -> Any:
    """Declare a column with its meaning (shown in the data dictionary)."""
    return field(default=default, metadata={"doc": doc})



@dataclass
class Meeting:
    """One row per document: the meeting's facts."""

    doc_id: str = col("content hash of the source file (first 16 hex of SHA-256)")
    source_path: str = col("path of the file as ingested (bytes of the name that are not UTF-8 "
                           "written \\xNN, see README)")
    source_format: str = col("txt, md, docx, pdf or scan (OCR'd pdf)")
    title: str | None = col("the document's own title line(s), joined by one space")
    meeting_type: str | None = col(
        "coordination_committee, informal_consultation, meeting_of_states_parties, "
        "intersessional or other"
    )
    sequence: int | None = col("ordinal the document gives the meeting, e.g. 5 for '5th Meeting'")
    meeting_date: dt.date | None = col("date of the meeting")
    year_inferred: bool = col("true where the year of meeting_date was worked out", False)
    start_time: str | None = col("start time, HH:MM 24-hour")
    end_time: str | None = col("end time, HH:MM 24-hour")
    venue: str | None = col("place as written")
    presidency_code: str | None = col("delegation code of the State holding the presidency")
    n_pages: int = col("pages in the source (1 for text files)", 1)
    ocr_confidence: float | None = col(
        "mean Tesseract word confidence (0-1) over OCR'd pages; null when no page was OCR'd")
    pipeline_version: str = col("version of the pipeline that wrote the row", "")
    duplicate_of: str | None = col(
        "doc_id of the copy that stands for this meeting when this file is another copy of it "
        "(same normalised text, or same type, date and sequence); its own doc_id for another "
        "name of the same bytes; null for the copy kept")


@dataclass
class Attendee:
    """A person (or a whole delegation where no person is named) listed at the meeting."""

    doc_id: str = col("document id (see meetings.doc_id)")
    delegation: str = col("canonical delegation name, e.g. 'Lao PDR', 'CMC'")
    delegation_code: str | None = col("ISO 3166-1 alpha-3 code or organization acronym")
    delegation_kind: str | None = col("state, organization or secretariat")
    person: str | None = col("full name without honorific, as written")
    honorific: str | None = col("H.E., Mr., Ms., Dr., Ambassador ...")
    role: str | None = col("role as written beside the name or delegation")
    status: str = col("present, apologies (received) or absent (apologies not received)", "present")
    char_start: int = col("start offset of the source passage in the body text", 0)
    char_end: int = col("end offset of the source passage in the body text", 0)
    page: int = col("1-based page of the source passage", 1)


@dataclass
class AgendaItem:
    """An agenda item or sub-item, in document order."""

    doc_id: str = col("document id")
    seq: int = col("order in the document, from 1", 0)
    number: str | None = col("dotted number as a string ('4', '4.3.1'), or null")
    title: str = col("heading text without its number", "")
    level: int = col("depth: 1 for '4', 2 for '4.3', ...", 1)
    parent_number: str | None = col("number of the enclosing item, or null")
    char_start: int = col("start offset of the heading in the body text", 0)
    char_end: int = col("end offset of the heading in the body text", 0)
    page: int = col("1-based page of the heading", 1)


@dataclass
class Intervention:
    """One speaker's turn."""

    doc_id: str = col("document id")
    seq: int = col("order of the turn in the meeting, from 1", 0)
    speaker: str = col("canonical delegation name, or the office where only an office is named", "")
    speaker_code: str | None = col("delegation code of the speaker (or of the office holder)")
    speaker_role: str | None = col("President, Chair, Executive Coordinator, ISU Director or null")
    on_behalf_of: str | None = col("who the speaker speaks for, as written")
    agenda_item: str | None = col("number of the innermost agenda item the turn stands under")
    text: str = col("full text of the turn", "")
    char_start: int = col("start offset of the turn in the body text", 0)
    char_end: int = col("end offset of the turn in the body text", 0)
    page: int = col("1-based page where the turn starts", 1)


@dataclass
class Decision:
    """A decision of the meeting, or an action point assigned to an actor."""

    doc_id: str = col("document id")
    seq: int = col("order in the document, from 1", 0)
    kind: str = col("decision or action", "decision")
    actor_code: str | None = col("code of who decides or must act")
    agenda_item: str | None = col("number of the innermost agenda item")
    text: str = col("the sentence stating it", "")
    due_date: dt.date | None = col("stated deadline")
    votes_for: int | None = col("votes in favour, where the minutes state a count")
    votes_against: int | None = col("votes against, where the minutes state a count")
    votes_abstain: int | None = col("abstentions, where the minutes state a count")
    char_start: int = col("start offset of the sentence", 0)
    char_end: int = col("end offset of the sentence", 0)
    page: int = col("1-based page of the sentence", 1)


@dataclass
class DateMention:
    """A calendar date mention with at least day+month or month+year."""

    doc_id: str = col("document id")
    text: str = col("the mention as written", "")
    date_start: dt.date | None = col("first day")
    date_end: dt.date | None = col("last day (equal to date_start for one day)")
    granularity: str = col("day or month", "day")
    year_inferred: bool = col("true where the text gives no year and it was inferred", False)
    agenda_item: str | None = col("number of the innermost agenda item")
    char_start: int = col("start offset of the mention", 0)
    char_end: int = col("end offset of the mention", 0)
    page: int = col("1-based page of the mention", 1)


@dataclass
class QualityFlag:
    """A contradiction found in the source (kept, not hidden)."""

    doc_id: str = col("document id")
    kind: str = col("weekday_mismatch, date_conflict, next_meeting_before_meeting, invalid_date, "
                    "pages_not_read, decoding_fallback, nothing_recognised", "")
    message: str = col("human-readable explanation", "")
    char_start: int = col("start offset of the passage", 0)
    char_end: int = col("end offset of the passage", 0)
    page: int = col("1-based page of the passage", 1)


@dataclass
class Failure:
    """A file (or a stage of it) that could not be processed."""

    source_path: str = col("path of the file as ingested (bytes of the name that are not UTF-8 "
                           "written \\xNN, see README)", "")
    stage: str = col("read, nlp, extract or write", "")
    error_type: str = col("short machine name of the error, e.g. no_text_layer", "")
    message: str = col("what went wrong, for a person", "")
    doc_id: str | None = col("content hash of the file where it could be read")
    pipeline_version: str = col("version of the pipeline that wrote the row", "")


@dataclass
class Extraction:
    """Everything extracted from one document."""

    meeting: Meeting
    attendees: list[Attendee] = field(default_factory=list)
    agenda_items: list[AgendaItem] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quality_flags: list[QualityFlag] = field(default_factory=list)

    def tables(self) -> dict[str, list[Any]]:
        """Return the rows of each document table, keyed by table name."""
        return {
            "meetings": [self.meeting],
            "attendees": self.attendees,
            "agenda_items": self.agenda_items,
            "interventions": self.interventions,
            "decisions": self.decisions,
            "dates": self.dates,
            "quality_flags": self.quality_flags,
        }

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """Return plain dicts (for JSON output)."""
        return {name: [asdict(r) for r in rows] for name, rows in self.tables().items()}


TABLES: dict[str, type] = {
    "meetings": Meeting,
    "attendees": Attendee,
    "agenda_items": AgendaItem,
    "interventions": Intervention,
    "decisions": Decision,
    "dates": DateMention,
    "quality_flags": QualityFlag,
    "failures": Failure,
}
