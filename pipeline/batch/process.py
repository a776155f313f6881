"""One document, end to end without orchestration: read, extract, or a recorded failure.

``process_file`` is two steps, ``read_file`` then ``extract_read``, which the guard can also
run in two processes (``pipeline.batch.guard``: the file is read while the model loads)."""

from __future__ import annotations

import re
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractors import MinutesError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import doc_id_for, format_of, load_bytes, parse_bytes
from models.document import Document
from models.records import Extraction, Failure
from models.version import PIPELINE_VERSION
from pipeline.batch.discover import original_path, stored_path
from pipeline.batch.identity import TextPrint, text_print


@dataclass
class Outcome:
    """The result of processing one file: records, or the failure that stopped it."""

    source_path: str
    doc_id: str | None
    extraction: Extraction | None = None
    failure: Failure | None = None
    skipped: bool = False
    """True when the batch was stopped before this document was done: nothing to record."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent per stage: read, nlp, rules (and write, added by the store's caller)."""
    text: TextPrint | None = None
    """What identifies the body text (``pipeline.batch.identity``): copies of one meeting in other
    files or formats are recognised by it."""

    @property
    def ok(self) -> bool:
        """True when records were extracted."""
        return self.extraction is not None


_OBJECT_REPR = re.compile(r"<(?:[^<>]|<[^<>]*>)*? at 0x[0-9a-fA-F]+>")


def _plain(text: str) -> str:
    """An exception's text for a failures row: one line, no Python object reprs
    (``<... object at 0x...>`` becomes "an object")."""
    return _OBJECT_REPR.sub("an object", " ".join(text.split()))


def _failure(source: str, stage: str, error_type: str, message: str,
             doc_id: str | None) -> Failure:
    return Failure(source_path=source, stage=stage, error_type=error_type, message=message,
                   doc_id=doc_id, pipeline_version=PIPELINE_VERSION)


def _failed(exc: Exception, source: str, doc_id: str | None, stage: str,
            limits: Limits) -> Outcome:
    """The Outcome of a step that raised ``exc`` while at ``stage``: the error's own stage and
    type for bad input, ``memory_limit`` or ``internal_error`` otherwise."""
    if isinstance(exc, MinutesError):
        failure = _failure(source, exc.stage, exc.error_type, exc.message, doc_id)
    elif isinstance(exc, MemoryError):
        message = "ran out of memory"
        if limits.memory_mb:
            message += f" (limit {limits.memory_mb} MB per document)"
        failure = _failure(source, stage, "memory_limit", message, doc_id)
    else:  # a bug or an input no rule foresaw: record it, keep going
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = (f"{type(exc).__name__}: {_plain(str(exc))} "
                   f"(at {Path(where.filename).name}:{where.lineno})")
        failure = _failure(source, stage, "internal_error", message, doc_id)
    return Outcome(source, doc_id, failure=failure)


@dataclass
class ReadDocument:
    """A file read and parsed, not yet extracted: what ``read_file`` hands to
    ``extract_read`` (across a process boundary when the guard reads ahead)."""

    source_path: str
    doc_id: str
    document: Document
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent reading (``read``)."""


def read_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> ReadDocument | Outcome:
    """The read step of ``process_file``: the file's parsed document, or the Outcome of its
    failure (never raises for bad input). ``path`` as for ``process_file``."""
    path = original_path(path) if isinstance(path, str) else Path(path)
    source = stored_path(path)
    doc_id: str | None = None
    started = time.perf_counter()
    try:
        fmt = format_of(path)
        data = load_bytes(path, limits)
        doc_id = doc_id_for(data)
        document = parse_bytes(data, fmt, source, limits)
    except Exception as exc:
        return _failed(exc, source, doc_id, "read", limits)
    return ReadDocument(source, doc_id, document, {"read": time.perf_counter() - started})


def extract_read(read: ReadDocument, limits: Limits = DEFAULT_LIMITS) -> Outcome:
    """The extract step of ``process_file``: records from a document ``read_file`` read, or
    the Outcome of a failure (never raises for bad input)."""
    timings = dict(read.timings)
    try:
        from extractors.extract import extract  # spaCy: imported where documents are extracted

        extraction = extract(read.document, timings=timings)
        return Outcome(read.source_path, read.doc_id, extraction=extraction, timings=timings,
                       text=text_print(read.document.text))
    except Exception as exc:
        return _failed(exc, read.source_path, read.doc_id, "extract", limits)


def process_file(path: str | Path, limits: Limits = DEFAULT_LIMITS,
                 on_stage: Callable[[str], None] | None = None) -> Outcome:
    """Read and extract one file; never raises for bad input (returns a failure instead).

    ``path``: a ``Path``, or a source path as stored (``discover.stored_path``: file names
    that are not UTF-8 travel between processes and tasks that way). Input sizes are checked
    against ``limits`` before parsing; ``on_stage`` is told when the file moves from ``read``
    to ``extract`` (the guard uses it to name the stage a timed-out document was in)."""
    read = read_file(path, limits)
    if isinstance(read, Outcome):
        return read
    if on_stage is not None:
        on_stage("extract")
    return extract_read(read, limits)
