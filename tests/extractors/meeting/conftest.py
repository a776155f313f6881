"""Fixtures for the meeting tests: minutes text in, the meeting row (and context) out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extractors.agenda import extract_agenda
from extractors.attendees import extract_attendees
from extractors.context import Context
from extractors.meeting import extract_meeting
from extractors.nlp import get_nlp
from extractors.readers import parse_bytes
from models.records import Meeting


def context_of(text: str) -> Context:
    """The extraction context of fictional minutes written as Markdown/plain text."""
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    ctx = Context(doc=doc, sdoc=get_nlp()(doc.text))
    ctx.set_agenda(extract_agenda(ctx))
    ctx.attendees = extract_attendees(ctx)
    return ctx


@pytest.fixture
def meeting_of() -> Callable[[str], Meeting]:
    """A function: minutes text -> meeting row."""
    return lambda text: extract_meeting(context_of(text))
