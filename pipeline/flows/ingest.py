"""The batch ingestion flow: a folder of minutes in, Parquet tables out.

One Prefect task per document extracts it (pure: path in, records out); the flow is the
single writer and commits each document as its task completes, so a crash loses at most
the documents in flight.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.futures import as_completed

from extractors.limits import limits_from_env, limits_from_mapping
from extractors.readers import doc_id_for
from models.records import Failure
from models.version import PIPELINE_VERSION
from pipeline.discover import discover, outside
from pipeline.guard import process_guarded
from pipeline.process import Outcome
from pipeline.progress import Progress
from pipeline.runners import make_task_runner
from pipeline.store import ParquetStore


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
    flow_run: bool = True
    """False when nothing had changed and no Prefect flow run was needed."""

    def to_dict(self) -> dict[str, object]:
        """Plain dict for JSON output and Prefect results."""
        return asdict(self)


@task(name="extract-document", task_run_name="extract {path}")
def extract_document(path: str, limits: dict[str, float]) -> Outcome:
    """Read and extract one document in a guarded child process (never raises for bad
    input; a document over its time or memory limit becomes a failure)."""
    return process_guarded(path, limits_from_mapping(limits))


def _plan(files: list[Path], root: Path, store: ParquetStore, force: bool,
          summary: IngestSummary) -> tuple[list[Path], list[Failure]]:
    """Split files into those to extract and those refused before reading."""
    todo: list[Path] = []
    refused: list[Failure] = []
    for path in files:
        source = str(path)
        if path.is_symlink() and outside(path, root):
            entry = store.manifest.get(source, {})
            if not force and entry.get("status") == "failed" and not entry.get(
                    "failed_doc_id") and entry.get("pipeline_version") == PIPELINE_VERSION:
                summary.unchanged += 1
                continue
            refused.append(Failure(source, "read", "symlink_outside_input",
                                   "symbolic link points outside the input folder",
                                   None, PIPELINE_VERSION))
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
        if known and known.get("doc_id") not in (None, doc_id):
            summary.changed += 1
        elif not known or not force:
            summary.new += 1
        else:
            summary.changed += 1
        todo.append(path)
    return todo, refused


def _record(store: ParquetStore, outcome: Outcome, summary: IngestSummary) -> None:
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
        store.write_document(outcome.extraction)
        summary.written += 1
    elif outcome.failure is not None:
        store.write_failure(outcome.failure)
        summary.failed += 1
        summary.failures.append({"source_path": outcome.failure.source_path,
                                 "stage": outcome.failure.stage,
                                 "error_type": outcome.failure.error_type,
                                 "message": outcome.failure.message})
    summary.seconds["write"] = summary.seconds.get("write", 0.0) + time.perf_counter() - started


@flow(name="ingest-minutes", task_runner=make_task_runner())
def ingest_flow(folder: str = "data/raw", out: str = "data/processed",
                force: bool = False, limits: dict[str, float] | None = None) -> dict[str, object]:
    """Ingest every minutes file under ``folder`` into the tables under ``out``.

    ``limits`` overrides fields of ``extractors.limits.Limits`` (defaults, then the
    ``MINUTES_*`` environment, then this)."""
    logger = get_run_logger()
    limit_values = asdict(limits_from_mapping(limits or {}, limits_from_env()))
    root = Path(folder)
    files = discover(root)
    summary = IngestSummary(out=out, files=len(files))
    with ParquetStore(out) as store:
        todo, refused = _plan(files, root, store, force, summary)
        for failure in refused:
            _record(store, Outcome(failure.source_path, None, failure=failure), summary)
        logger.info("%d files: %d to extract, %d unchanged, %d refused",
                    len(files), len(todo), summary.unchanged, len(refused))
        started = time.perf_counter()
        with Progress(total=len(todo), label="documents") as progress:
            futures = [extract_document.submit(str(p), limit_values) for p in todo]
            for future in as_completed(futures):
                outcome = future.result()
                _record(store, outcome, summary)
                if outcome.failure:
                    logger.warning("%s failed at %s: %s", outcome.source_path,
                                   outcome.failure.stage, outcome.failure.message)
                progress.advance(outcome.source_path)
        summary.extract_wall_s = time.perf_counter() - started
    logger.info("written %d, failed %d, unchanged %d", summary.written, summary.failed,
                summary.unchanged)
    return summary.to_dict()


def serve_ingest(folder: str, out: str, cron: str, name: str = "scheduled") -> None:
    """Serve the flow as a deployment on a running Prefect server (blocks until stopped)."""
    ingest_flow.serve(name=name, cron=cron, parameters={"folder": folder, "out": out},
                      description=f"ingest minutes from {folder} into {out} ({cron})")


def nothing_to_do(folder: str, out: str) -> IngestSummary | None:
    """The summary of a run that would change nothing (every file unchanged since the last
    run, no interrupted commit to finish), or None when there is work. Reads only."""
    store = ParquetStore(out)
    if not (store.state / "manifest.json").exists() or any(store.journal.glob("*")):
        return None
    root = Path(folder)
    files = discover(root)
    summary = IngestSummary(out=out, files=len(files), flow_run=False)
    todo, refused = _plan(files, root, store, False, summary)
    return None if todo or refused else summary


def run_ingest(folder: str, out: str, force: bool = False, workers: int | None = None,
               dask_address: str | None = None, limits: dict[str, float] | None = None,
               processes: bool = False) -> dict[str, object]:
    """Run the flow with the chosen task runner (see ``pipeline.runners``). When no file
    changed since the last run, say so without starting a Prefect flow run."""
    if not force:
        idle = nothing_to_do(folder, out)
        if idle is not None:
            return idle.to_dict()
    runner = make_task_runner(workers, dask_address, processes)
    return ingest_flow.with_options(task_runner=runner)(folder=folder, out=out, force=force,
                                                        limits=limits)
