"""Attendees: delegations and persons present, excused or absent, in every layout family.

``choose`` finds the attendance zones and picks the reader; one module per layout family reads
them. ``from extractors.attendees import extract_attendees`` is the entry point.
"""

from extractors.attendees.choose import extract_attendees

__all__ = ["extract_attendees"]
