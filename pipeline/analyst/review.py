"""``minutes review --file PATH --html OUT.html``: a self-contained HTML review page of one
file's records, each highlighted at its source span (renderer:
:mod:`pipeline.analyst.review_html`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractors import MinutesError, read_document
from extractors.limits import limits_from_env
from models.document import Document
from models.records import Extraction
from pipeline.analyst.review_html import collect_records, kind_counts, kinds, render_review
from pipeline.batch.guard import process_guarded
from pipeline.exit_codes import EXIT_ERROR, EXIT_OK, EXIT_SOME_FAILED

__all__ = ["add_arguments", "load", "render_review", "run"]


class ReviewError(Exception):
    """The file gave no records to review (the message says why)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``minutes review``."""
    parser.add_argument("--file", required=True, metavar="PATH",
                        help="the minutes file to extract and review (.txt, .md, .docx, .pdf)")
    parser.add_argument("--html", required=True, metavar="OUT.html",
                        help="where to write the page (parent folders are created)")


def load(path: str | Path) -> tuple[Document, Extraction]:
    """Extract ``path`` (in a guarded child process, under the ``MINUTES_*`` limits) and
    read its Document (the text every offset refers to); raises ReviewError with the
    failure's stage, type and message."""
    outcome = process_guarded(path, limits_from_env())
    if outcome.failure is not None:
        f = outcome.failure
        raise ReviewError(f"{f.source_path}: failed at {f.stage} ({f.error_type}): {f.message}")
    extraction = outcome.extraction
    assert extraction is not None
    try:
        document = read_document(path)
    except MinutesError as exc:
        raise ReviewError(f"{path}: failed at {exc.stage} ({exc.error_type}): "
                          f"{exc.message}") from exc
    if document.doc_id != extraction.meeting.doc_id:
        raise ReviewError(f"{path}: the file changed while it was being read; run again")
    return document, extraction


def run(args: argparse.Namespace) -> int:
    """Run ``minutes review``: exit 0 when written, 3 when the file failed, 1 when the page
    cannot be written."""
    try:
        document, extraction = load(args.file)
    except ReviewError as exc:
        print(f"minutes review: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    page = render_review(document, extraction)
    out = Path(args.html)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        print(f"minutes review: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    counts = kind_counts(collect_records(extraction))
    labels = {spec.kind: spec.label for spec in kinds()}
    print(f"wrote {out} ({document.doc_id}): "
          + ", ".join(f"{n} {labels[k]}" for k, n in counts.items()))
    return EXIT_OK
