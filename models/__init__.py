"""Record types, the normalized document and their Arrow schemas."""

from models.document import Block, BlockKind, Document
from models.records import (
    TABLES,
    AgendaItem,
    Attendee,
    DateMention,
    Decision,
    Extraction,
    Failure,
    Intervention,
    Meeting,
    QualityFlag,
)
from models.schemas import SCHEMA_VERSION, schema_for

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "AgendaItem",
    "Attendee",
    "Block",
    "BlockKind",
    "DateMention",
    "Decision",
    "Document",
    "Extraction",
    "Failure",
    "Intervention",
    "Meeting",
    "QualityFlag",
    "schema_for",
]
