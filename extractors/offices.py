"""Compatibility imports: offices now live in ``extractors.interventions.offices``."""

from extractors.interventions.offices import (
    Office,
    Speaker,
    holder_code,
    office_for_role,
    office_spans,
    office_speaker,
    offices,
)

__all__ = [
    "Office",
    "Speaker",
    "holder_code",
    "office_for_role",
    "office_spans",
    "office_speaker",
    "offices",
]
