"""Plain text and Markdown reader (placeholder: one paragraph per non-empty line)."""

from __future__ import annotations

from extractors.readers import ReadResult
from extractors.readers.body import BodyBuilder


def read(data: bytes) -> ReadResult:
    """Decode and split into blocks."""
    body = BodyBuilder()
    for line in data.decode("utf-8", errors="replace").splitlines():
        body.add("paragraph", line)
    return ReadResult(body)
