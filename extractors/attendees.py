"""Attendees: delegations and persons from the attendance list."""

from __future__ import annotations

from extractors.context import Context
from models.records import Attendee


def extract_attendees(ctx: Context) -> list[Attendee]:
    """Return the attendees in document order."""
    return []
