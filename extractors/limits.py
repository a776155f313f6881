"""Per-document limits: input sizes refused before parsing, and the time and memory a
document may use while it is read and extracted.

Defaults suit minutes (tens of pages, well under a megabyte of text); every one can be
changed on the command line (``minutes ingest --timeout/--max-memory/--max-mb/--max-pages``)
or through the environment (``MINUTES_TIMEOUT_S`` and the others named in ``ENV``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Limits:
    """What one document may take. Sizes are refused before parsing; time and memory are
    enforced on the process that extracts the document."""

    max_bytes: int = 50 * 1024 * 1024
    """Largest input file, in bytes."""
    max_pages: int = 500
    """Most pages a PDF may have."""
    max_docx_uncompressed: int = 200 * 1024 * 1024
    """Largest total size of a .docx archive's members once decompressed."""
    max_docx_ratio: int = 200
    """Largest compression ratio of one .docx member over 1 MB (zip-bomb guard)."""
    timeout_s: float = 300.0
    """Wall time to read and extract one document, in seconds (0: no limit)."""
    memory_mb: int = 2048
    """Memory a document's extraction may add to its worker, in MB (0: no limit)."""


ENV = {"max_bytes": "MINUTES_MAX_BYTES", "max_pages": "MINUTES_MAX_PAGES",
       "max_docx_uncompressed": "MINUTES_MAX_DOCX_UNCOMPRESSED",
       "max_docx_ratio": "MINUTES_MAX_DOCX_RATIO", "timeout_s": "MINUTES_TIMEOUT_S",
       "memory_mb": "MINUTES_MEMORY_MB"}

DEFAULT_LIMITS = Limits()


def limits_from_env(base: Limits = DEFAULT_LIMITS) -> Limits:
    """``base`` with any ``MINUTES_*`` environment overrides applied."""
    changes: dict[str, float | int] = {}
    for f in fields(Limits):
        raw = os.environ.get(ENV[f.name])
        if raw:
            kind = float if f.type in (float, "float") else int
            changes[f.name] = kind(raw)
    return replace(base, **changes)
