"""One document, end to end without orchestration: read, extract, or a recorded failure."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from extractors import MinutesError, extract
from extractors.readers import doc_id_for, format_of, load_bytes, parse_bytes
from models.records import Extraction, Failure
from models.version import PIPELINE_VERSION


@dataclass
class Outcome:
    """The result of processing one file: records, or the failure that stopped it."""

    source_path: str
    doc_id: str | None
    extraction: Extraction | None = None
    failure: Failure | None = None
    skipped: bool = False

    @property
    def ok(self) -> bool:
        """True when records were extracted."""
        return self.extraction is not None


def _failure(source: str, stage: str, error_type: str, message: str,
             doc_id: str | None) -> Failure:
    return Failure(source_path=source, stage=stage, error_type=error_type, message=message,
                   doc_id=doc_id, pipeline_version=PIPELINE_VERSION)


def process_file(path: str | Path) -> Outcome:
    """Read and extract one file; never raises for bad input (returns a failure instead)."""
    path = Path(path)
    source = str(path)
    doc_id: str | None = None
    stage = "read"
    try:
        fmt = format_of(path)
        data = load_bytes(path)
        doc_id = doc_id_for(data)
        document = parse_bytes(data, fmt, source)
        stage = "extract"
        extraction = extract(document)
        return Outcome(source, doc_id, extraction=extraction)
    except MinutesError as exc:
        return Outcome(source, doc_id, failure=_failure(source, exc.stage, exc.error_type,
                                                        exc.message, doc_id))
    except MemoryError:
        return Outcome(source, doc_id, failure=_failure(source, stage, "out_of_memory",
                                                        "ran out of memory", doc_id))
    except Exception as exc:  # a bug or an input no rule foresaw: record it, keep going
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = (f"{type(exc).__name__}: {exc} "
                   f"(at {Path(where.filename).name}:{where.lineno})")
        return Outcome(source, doc_id, failure=_failure(source, stage, "internal_error",
                                                        message, doc_id))
