"""Planning a batch without Prefect: what a run did (``IngestSummary``), which files need
extracting, and recording outcomes in the store. ``minutes ingest`` asks ``nothing_to_do``
before it imports Prefect, so a rerun over unchanged files takes well under a second."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extractors.readers import doc_id_for
from models.records import Failure
from models.version import PIPELINE_VERSION
from pipeline.batch.discover import discover, outside, stored_path
from pipeline.batch.process import Outcome
from pipeline.batch.store import ParquetStore


@dataclass
class IngestSummary:
    """What a batch did."""

    out: str
    files: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    written: int = 0
    failed: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    """Seconds summed over documents per stage: read, nlp, rules, write."""
    formats: dict[str, dict[str, float]] = field(default_factory=dict)
    """Per source format: documents, pages and seconds (read + nlp + rules) extracted."""
    extract_wall_s: float = 0.0
    """Wall seconds from the first task submitted to the last one recorded."""
    people_s: float = 0.0
    """Wall seconds deriving the people, person_links and delegations tables after the
    documents (``pipeline.registry``)."""
    flow_run: bool = True
    """False when nothing had changed and no Prefect flow run was needed."""
    missing: int = 0
    """Known sources under the folder that are no longer there (their rows are kept)."""
    pruned: int = 0
    """Sources no longer there whose rows this run removed (``--prune``)."""
    duplicates: int = 0
    """Files in the tables that are another copy of a meeting (``meetings.duplicate_of``)."""
    warnings: list[str] = field(default_factory=list)
    """Repairs made on opening the output folder (a damaged manifest rebuilt)."""
    interrupted: str | None = None
    """The signal that stopped the batch (``SIGINT``, ``SIGTERM``), or None."""
    not_processed: int = 0
    """Files to extract that a stopped batch did not process (the next run takes them)."""
    error: dict[str, object] | None = None
    """What stopped the batch when its output could not be written (kind, errno, path,
    detail), or None."""

    def to_dict(self) -> dict[str, object]:
        """Plain dict for JSON output and Prefect results."""
        return asdict(self)


def _refusal(path: Path, root: Path) -> tuple[str, str] | None:
    """Why a file is refused before it is opened (a symlink out of the folder or in a loop),
    as (error_type, message), or None."""
    if not path.is_symlink():
        return None
    try:
        if outside(path, root):
            return "symlink_outside_input", "symbolic link points outside the input folder"
    except (RuntimeError, OSError):  # Path.resolve() on a loop
        return "symlink_loop", "symbolic link loops back on itself"
    if path.exists() and not path.is_file():  # a FIFO or device would block the reader
        return "not_a_file", "symbolic link points to something that is not a regular file"
    return None


def plan(files: list[Path], root: Path, store: ParquetStore, force: bool,
          summary: IngestSummary) -> tuple[list[Path], list[Failure]]:
    """Split files into those to extract and those refused before reading (symlinks out of
    the input folder); counts new, changed and unchanged files in ``summary``."""
    todo: list[Path] = []
    refused: list[Failure] = []
    for path in files:
        source = stored_path(path)
        refusal = _refusal(path, root)
        if refusal is not None:
            entry = store.manifest.get(source, {})
            if not force and entry.get("status") == "failed" and not entry.get(
                    "failed_doc_id") and entry.get("pipeline_version") == PIPELINE_VERSION:
                summary.unchanged += 1
                continue
            refused.append(Failure(source, "read", *refusal, None, PIPELINE_VERSION))
            continue
        try:
            doc_id = doc_id_for(path.read_bytes())
        except OSError:
            todo.append(path)  # the task records the specific read error
            continue
        known = store.manifest.get(source)
        if not force and (store.is_current(source, doc_id, PIPELINE_VERSION)
                          or store.failed_is_current(source, doc_id, PIPELINE_VERSION)):
            summary.unchanged += 1
            continue
        if known:  # new content, a new pipeline version, a retried failure, or --force
            summary.changed += 1
        else:
            summary.new += 1
        todo.append(path)
    return todo, refused


def record(store: ParquetStore, outcome: Outcome, summary: IngestSummary) -> None:
    """Commit one outcome (records or failure) and add it to ``summary``."""
    for stage, seconds in outcome.timings.items():
        summary.seconds[stage] = summary.seconds.get(stage, 0.0) + seconds
    if outcome.extraction is not None:
        meeting = outcome.extraction.meeting
        per = summary.formats.setdefault(meeting.source_format,
                                         {"documents": 0, "pages": 0, "seconds": 0.0})
        per["documents"] += 1
        per["pages"] += meeting.n_pages
        per["seconds"] += sum(outcome.timings.values())
    started = time.perf_counter()
    if outcome.extraction is not None:
        store.write_document(outcome.extraction, text=outcome.text)
        summary.written += 1
    elif outcome.failure is not None:
        store.write_failure(outcome.failure)
        summary.failed += 1
        summary.failures.append({"source_path": outcome.failure.source_path,
                                 "stage": outcome.failure.stage,
                                 "error_type": outcome.failure.error_type,
                                 "message": outcome.failure.message})
    summary.seconds["write"] = summary.seconds.get("write", 0.0) + time.perf_counter() - started


def input_root(folder: str | Path) -> Path:
    """The folder as the manifest knows it: absolute, symbolic links resolved, so that a
    relative and an absolute spelling of one folder give the same source paths."""
    return Path(folder).resolve()


def missing_sources(store: ParquetStore, root: Path, files: list[Path]) -> list[str]:
    """Source paths the manifest knows under ``root`` that are not among ``files``."""
    present = {stored_path(p) for p in files}
    prefix = str(root).rstrip("/") + "/"
    return sorted(s for s in store.manifest if s.startswith(prefix) and s not in present)


def finish(store: ParquetStore, root: Path, files: list[Path], prune: bool,
           summary: IngestSummary) -> None:
    """After the documents: remove the rows of sources that are gone (``prune``) or count
    them, and count the files that are copies of a meeting already in the tables."""
    gone = missing_sources(store, root, files)
    if prune:
        summary.pruned = store.prune(gone)
    else:
        summary.missing = len(gone)
    summary.duplicates = count_copies(store)


def count_copies(store: ParquetStore) -> int:
    """Files in the tables marked as another copy of a meeting (or of the same bytes)."""
    return len(store.marked_copies())


def nothing_to_do(folder: str, out: str, prune: bool = False) -> IngestSummary | None:
    """The summary of a run that would change nothing (every file unchanged since the last
    run, no interrupted commit to finish, nothing to prune), or None when there is work.
    Reads only."""
    store = ParquetStore(out)
    if (not (store.state / "manifest.json").exists() or any(store.journal.glob("*"))
            or not store.manifest_is_sound()):
        return None
    if any(not Path(s).is_absolute() for s in store.manifest):  # to re-key (absolute_keys)
        return None
    root = input_root(folder)
    files = discover(root, out)
    summary = IngestSummary(out=out, files=len(files), flow_run=False)
    todo, refused = plan(files, root, store, False, summary)
    if todo or refused:
        return None
    gone = missing_sources(store, root, files)
    if prune and gone:
        return None
    summary.missing = len(gone)
    summary.duplicates = count_copies(store)
    return summary
