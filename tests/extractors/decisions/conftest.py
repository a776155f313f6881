"""Fixtures for the decision tests: extract the decisions of short fictional minutes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from extractors.extract import extract
from extractors.readers import parse_bytes
from models.records import Decision


@pytest.fixture
def decisions_of() -> Callable[[str], list[Decision]]:
    """Decisions of a minutes text (Markdown or plain text) written for the test."""
    def run(text: str) -> list[Decision]:
        doc = parse_bytes(text.encode(), "txt", "minutes.txt")
        return extract(doc).decisions
    return run
