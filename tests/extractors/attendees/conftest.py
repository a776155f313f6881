"""Fixtures for the attendees tests: extraction from short fictional minutes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extractors.agenda import extract_agenda
from extractors.attendees import extract_attendees
from extractors.context import Context
from extractors.nlp import get_nlp
from extractors.readers import parse_bytes
from models.records import Attendee

Row = tuple[str | None, str, str | None]


def context_of(text: str) -> Context:
    """A context for minutes written as plain text, with the agenda found."""
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    ctx = Context(doc=doc, sdoc=get_nlp()(doc.text))
    ctx.set_agenda(extract_agenda(ctx))
    return ctx


@pytest.fixture
def context() -> Callable[[str], Context]:
    """A context (agenda found) for minutes given as text."""
    return context_of


@pytest.fixture
def attendees() -> Callable[[str], list[Attendee]]:
    """Attendee records of minutes given as text."""
    return lambda text: extract_attendees(context_of(text))


@pytest.fixture
def rows() -> Callable[[str], list[Row]]:
    """(code, status, person) of each attendee of minutes given as text."""
    return lambda text: [(a.delegation_code, a.status, a.person)
                         for a in extract_attendees(context_of(text))]
