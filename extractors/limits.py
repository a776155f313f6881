"""Per-document limits: input sizes refused before parsing, and the time and memory a
document may use while it is read and extracted.

Defaults suit minutes (tens of pages, well under a megabyte of text); every one can be
changed on the command line (``minutes ingest --timeout/--max-memory/--max-mb/--max-pages``)
or through the environment (``MINUTES_TIMEOUT_S`` and the others named in ``ENV``).
"""

from __future__ import annotations

import math
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
    max_chars: int = 8_000_000
    """Longest body text, in characters (about 3,000 pages), checked once the file is read:
    what the NLP and the rules get through within the memory and time limits below."""
    timeout_s: float = 600.0
    """Wall time to read and extract one document, in seconds (0: no limit): the longest
    text allowed takes about 5 minutes on two busy cores."""
    memory_mb: int = 2048
    """Memory a document's extraction may add to its worker, in MB (0: no limit)."""


ENV = {"max_bytes": "MINUTES_MAX_BYTES", "max_pages": "MINUTES_MAX_PAGES",
       "max_docx_uncompressed": "MINUTES_MAX_DOCX_UNCOMPRESSED",
       "max_docx_ratio": "MINUTES_MAX_DOCX_RATIO", "max_chars": "MINUTES_MAX_CHARS",
       "timeout_s": "MINUTES_TIMEOUT_S",
       "memory_mb": "MINUTES_MEMORY_MB"}

DEFAULT_LIMITS = Limits()


def _cast(name: str, value: float | int | str) -> float | int:
    declared = next(f.type for f in fields(Limits) if f.name == name)
    return float(value) if declared in (float, "float") else int(float(value))


def limits_from_mapping(values: dict[str, float | int | str],
                        base: Limits = DEFAULT_LIMITS) -> Limits:
    """``base`` with the given fields replaced, each cast to its declared type (values that
    crossed JSON or a Prefect parameter may come back as floats or strings)."""
    return replace(base, **{name: _cast(name, value) for name, value in values.items()})


ZERO_MEANS_NONE = frozenset({"timeout_s", "memory_mb"})
"""Limits that 0 turns off; every other limit must be at least 1."""


class LimitsError(ValueError):
    """A limit given in the environment is not a number, or is out of its range."""


def checked_limit(name: str, raw: str, source: str) -> float:
    """``raw`` as the value of limit ``name``, or a ``LimitsError`` naming ``source`` (the
    variable or flag it came from) and what is allowed."""
    least = 0 if name in ZERO_MEANS_NONE else 1
    allowed = f"a number of at least {least}" + (" (0: no limit)" if least == 0 else "")
    try:
        value = float(raw)
    except ValueError:
        raise LimitsError(f"{source}={raw!r} is not a number: give {allowed}") from None
    if not math.isfinite(value) or value < least:
        raise LimitsError(f"{source}={raw!r} is out of range: give {allowed}")
    return value


def limits_from_env(base: Limits = DEFAULT_LIMITS) -> Limits:
    """``base`` with any ``MINUTES_*`` environment overrides applied; a value that is not a
    number, or out of range, raises ``LimitsError``."""
    return limits_from_mapping({f.name: checked_limit(f.name, os.environ[ENV[f.name]],
                                                      ENV[f.name])
                                for f in fields(Limits) if os.environ.get(ENV[f.name])}, base)
