"""One typed record per output table. Field docs feed the data dictionary."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


def col(doc: str, default: Any = None) -> Any:
    """Declare a column with its meaning (shown in the data dictionary)."""
    if isinstance(default, list):  # a list column: each row gets its own empty list
        return field(default_factory=list, metadata={"doc": doc})
    return field(default=default, metadata={"doc": doc})



@dataclass
class Meeting:
    """One row per document: the meeting's facts."""

    doc_id: str = col("content hash of the source file (first 16 hex of SHA-256)")
    source_path: str = col("path of the file as ingested (bytes of the name that are not UTF-8 "
                           "written \\xNN, see README)")
    source_format: str = col("txt, md, docx, pdf, scan (OCR'd pdf), html, rtf, odt or doc "
                             "(as read, by content)")
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


# -- tables derived across meetings (pipeline/registry), rebuilt after each batch ------------

@dataclass
class Person:
    """One person across every meeting in the tables (derived by ``pipeline/registry``)."""

    person_id: str = col("stable id: 'p' + 12 hex digits of the SHA-256 of name_key (and, where "
                         "two people share that key, of their first delegation and date); "
                         "the same after a rebuild in any order", "")
    display_name: str = col("the name the person is shown by: the most complete spelling "
                            "(accents kept), or the one set in people_aliases.tsv", "")
    name_key: str = col("the most complete name folded: accents, case and honorifics "
                        "dropped, particles joined ('vandenberghe'), initials as one letter", "")
    variants: list[str] = col("every spelling seen, as written", [])
    delegation_codes: list[str] = col("codes of the delegations the person was named in, "
                                      "earliest first", [])
    delegation_history: str = col("each delegation with its first and last meeting date: "
                                  "'MEX 2016-03-30..2017-04-03; ...'", "")
    first_meeting: dt.date | None = col("date of the first meeting the person is named in")
    last_meeting: dt.date | None = col("date of the last meeting the person is named in")
    meetings: int = col("meetings whose attendance list names the person", 0)
    turns: int = col("turns linked to the person (interventions.person_id)", 0)
    merge_reason: str | None = col("why the spellings are one person, one reason per merged "
                                   "spelling (joined by ' | '); notes on names kept apart")


@dataclass
class PersonLink:
    """A row of attendees, interventions or decisions that names a person, and how it was read.

    The views of ``minutes query`` add it to those rows as ``attendees.person_id``,
    ``interventions.speaker_person`` and ``person_id``, ``decisions.actor_person`` and
    ``actor_person_id``."""

    doc_id: str = col("document id")
    source_table: str = col("attendees, interventions or decisions", "")
    row: int = col("attendees: 0-based row in the document's attendees file; interventions "
                   "and decisions: seq", 0)
    name: str = col("the person's name as written in that meeting", "")
    person_id: str | None = col("people.person_id; null for a surname the meeting's "
                                "attendance does not resolve")
    delegation_code: str | None = col("delegation the person was named in")
    method: str = col("listed (attendance list), named in the turn, <office> in the "
                      "attendance list, <office>, named in an earlier turn, named in the action "
                      "...", "")


@dataclass
class DelegationEntry:
    """Every delegation code used in any table, with its name (derived by ``pipeline/registry``)."""

    code: str = col("the code as used in every *_code column", "")
    name: str = col("canonical name", "")
    kind: str | None = col("state, organization or secretariat (as the tables give it "
                           "where the gazetteer does not know the code)")
    iso_alpha2: str | None = col("ISO 3166-1 alpha-2 code, for States")
    iso_alpha3: str | None = col("ISO 3166-1 alpha-3 code, for States")
    un_region: str | None = col("UN M49 region (Africa, Americas, Asia, Europe, Oceania)")
    un_subregion: str | None = col("UN M49 sub-region")
    un_group: str | None = col("UN regional group: African, Asia-Pacific, Eastern European, "
                               "GRULAC or WEOG")
    rows: int = col("rows of the tables that use the code", 0)


DERIVED_TABLES: dict[str, type] = {
    "people": Person,
    "person_links": PersonLink,
    "delegations": DelegationEntry,
}
