"""Kept for callers outside the attendees package: see ``extractors.attendees.persons``."""

from extractors.attendees.persons import find_persons, honorific_re, particles, strip_markup

__all__ = ["find_persons", "honorific_re", "particles", "strip_markup"]
