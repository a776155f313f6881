"""Errors raised by readers and extractors; each maps to one `failures` row."""

from __future__ import annotations


class MinutesError(Exception):
    """A file could not be processed at ``stage`` for a specific, stated reason."""

    def __init__(self, stage: str, error_type: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage
        self.error_type = error_type
        self.message = message


class ReadError(MinutesError):
    """The file could not be turned into a document (unreadable, encrypted, empty ...)."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__("read", error_type, message)
