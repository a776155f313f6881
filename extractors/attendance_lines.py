"""Kept for callers outside the attendees package: see ``extractors.attendees.lines``."""

from extractors.attendees.lines import delegation_matches, heading_status, inline_heading, org_like

__all__ = ["delegation_matches", "heading_status", "inline_heading", "org_like"]
