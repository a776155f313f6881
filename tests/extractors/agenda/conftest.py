"""Helpers for the agenda tests: run the agenda extractor over invented minutes."""

from __future__ import annotations

from extractors.agenda import extract_agenda
from extractors.context import Context
from extractors.nlp import get_nlp
from extractors.readers import parse_bytes
from extractors.readers.body import BodyBuilder
from models.document import Document
from models.records import AgendaItem


def agenda_of(doc: Document) -> list[AgendaItem]:
    """The agenda of a parsed document."""
    return extract_agenda(Context(doc=doc, sdoc=get_nlp()(doc.text)))


def agenda(text: str) -> list[AgendaItem]:
    """The agenda of Markdown/plain text minutes."""
    return agenda_of(parse_bytes(text.encode(), "txt", "x.txt"))


def agenda_of_lines(lines: list[str]) -> list[AgendaItem]:
    """The agenda of a document whose blocks are these paragraphs (as a PDF reader gives)."""
    body = BodyBuilder()
    for line in lines:
        body.add("paragraph", line)
    return agenda_of(Document("d", "x", "pdf", body.text, body.blocks))


def pairs(items: list[AgendaItem]) -> list[tuple[str | None, str]]:
    """(number, title) of each item."""
    return [(a.number, a.title) for a in items]
