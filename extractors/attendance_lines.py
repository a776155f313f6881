"""Kept for callers outside the attendees package: see ``extractors.attendees.lines``."""

from extractors.attendees.lines import heading_status

__all__ = ["heading_status"]
