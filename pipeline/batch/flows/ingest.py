"""The batch ingestion flow: a folder of minutes in, Parquet tables out.

One Prefect task per document extracts it (pure: path in, records out); the flow is the
single writer and commits each document as its task completes, so a crash loses at most
the documents in flight.

Ctrl-C or SIGTERM during ``minutes ingest`` (``pipeline.batch.stopping``) stops the batch: the
documents in flight are killed, nothing more is committed, and the run ends ``Cancelled``
with its summary (``interrupted``, ``not_processed``). An output that cannot be written (no
space left, read-only, taken by another run) stops it the same way and ends ``Failed``, the
error described in ``summary.error`` for the CLI to put in words.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from datetime import timedelta
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.states import Cancelled, Failed, State

from extractors.limits import limits_from_env, limits_from_mapping
from pipeline.batch.discover import discover, stored_path
from pipeline.batch.guard import process_guarded
from pipeline.batch.identity import copy_order
from pipeline.batch.plan import IngestSummary, finish, input_root, nothing_to_do, plan, record
from pipeline.batch.process import Outcome
from pipeline.batch.progress import Progress
from pipeline.batch.runners import make_task_runner
from pipeline.batch.stopping import (
    STOP,
    StoppedBeforeStart,
    begin_run,
    cancel_and_settle,
    completed,
    end_run,
    stop_on_signals,
)
from pipeline.batch.store import ParquetStore, StoreLockedError


@task(name="extract-document", task_run_name="extract {path}")
def extract_document(path: str, limits: dict[str, float]) -> Outcome:
    """Read and extract one document in a guarded child process (never raises for bad
    input; a document over its time or memory limit becomes a failure). ``path`` is the
    source path as stored (``discover.stored_path``): task parameters must be UTF-8."""
    return process_guarded(path, limits_from_mapping(limits))


@flow(name="ingest-minutes", task_runner=make_task_runner())
def ingest_flow(folder: str = "data/raw", out: str = "data/processed",
                force: bool = False, limits: dict[str, float] | None = None,
                prune: bool = False) -> dict[str, object] | State:
    """Ingest every minutes file under ``folder`` into the tables under ``out``.

    ``limits`` overrides fields of ``extractors.limits.Limits`` (defaults, then the
    ``MINUTES_*`` environment, then this). ``prune`` removes the rows of files that were
    ingested from ``folder`` before and are no longer there. Returns the summary; a run
    that was stopped returns it inside a ``Cancelled`` (a signal) or ``Failed`` (the output
    could not be written) state."""
    logger = get_run_logger()
    begin_run()
    limit_values = asdict(limits_from_mapping(limits or {}, limits_from_env()))
    root = input_root(folder)
    files = discover(root, out)
    summary = IngestSummary(out=out, files=len(files))
    try:
        _ingest(root, files, out, force, prune, limit_values, summary)
    except (OSError, StoreLockedError) as exc:  # the output, not a document: stop the batch
        summary.error = _describe_error(exc, out)
        logger.error("stopped: could not write the tables under %s (%s)", out,
                     summary.error["detail"])
        return Failed(message=f"could not write the tables under {out}",
                      data=summary.to_dict())
    finally:
        end_run()
    logger.info("written %d, failed %d, unchanged %d, pruned %d, missing %d, copies %d",
                summary.written, summary.failed, summary.unchanged, summary.pruned,
                summary.missing, summary.duplicates)
    if summary.interrupted:
        logger.warning("interrupted by %s: %d documents not processed (the next run takes "
                       "them)", summary.interrupted, summary.not_processed)
        return Cancelled(message=f"interrupted by {summary.interrupted}",
                         data=summary.to_dict())
    return summary.to_dict()


def _ingest(root: Path, files: list[Path], out: str, force: bool, prune: bool,
            limit_values: dict[str, float], summary: IngestSummary) -> None:
    """The body of the flow: plan, extract and commit document by document, finish."""
    logger = get_run_logger()
    with ParquetStore(out) as store:
        summary.warnings = list(store.warnings)  # the store printed them to stderr
        store.absolute_keys(Path.cwd())  # tables written before paths were resolved
        todo, refused = plan(files, root, store, force, summary)
        for failure in refused:
            record(store, Outcome(failure.source_path, None, failure=failure), summary)
        logger.info("%d files: %d to extract, %d unchanged, %d refused",
                    len(files), len(todo), summary.unchanged, len(refused))
        started = time.perf_counter()
        done, futures = 0, []
        try:
            with Progress(total=len(todo), label="documents") as progress:
                if not STOP.is_set():
                    futures = [extract_document.submit(stored_path(p), limit_values)
                               for p in sorted(todo, key=copy_order)]
                for future in completed(futures):
                    outcome = future.result()
                    if outcome.skipped:
                        continue
                    record(store, outcome, summary)
                    done += 1
                    if outcome.failure:
                        logger.warning("%s failed at %s: %s", outcome.source_path,
                                       outcome.failure.stage, outcome.failure.message)
                    progress.advance(outcome.source_path)
        except (OSError, StoreLockedError):
            STOP.request("write_error")
            raise
        finally:
            if STOP.is_set():  # nothing in flight once the flow returns
                cancel_and_settle(futures)
        summary.extract_wall_s = time.perf_counter() - started
        if STOP.is_set():
            summary.interrupted = STOP.reason
            summary.not_processed = len(todo) - done
        finish(store, root, files, prune and not STOP.is_set(), summary)
        if not STOP.is_set():
            started = time.perf_counter()
            rebuild_people(out, logger)
            summary.people_s = time.perf_counter() - started


def _describe_error(exc: BaseException, out: str) -> dict[str, object]:
    """What stopped the batch, as plain data (``pipeline.errors`` words it)."""
    if isinstance(exc, StoreLockedError):
        return {"kind": "locked", "path": out, "detail": str(exc)}
    assert isinstance(exc, OSError)
    return {"kind": "os", "errno": exc.errno, "path": exc.filename or out,
            "detail": exc.strerror or (exc.args[-1] if exc.args else "")}


def rebuild_people(out: str, logger: Any) -> None:
    """Derive people, person_links and delegations again (``pipeline.registry``)."""
    from pipeline.registry.rebuild import rebuild_after_batch

    found = rebuild_after_batch(out)
    if found.rebuilt:
        logger.info("people: %d from %d names; %d delegations", found.people,
                    found.name_variants, found.delegations)
    for warning in found.warnings:
        logger.warning("%s", warning)


def _interrupt(*args: object) -> None:
    raise KeyboardInterrupt


def serve_ingest(folder: str, out: str, cron: str | None = None, name: str = "scheduled",
                 interval: float | None = None, prune: bool = False) -> None:
    """Serve the flow as a deployment on a running Prefect server (blocks until stopped):
    on ``cron``, or every ``interval`` seconds. One run at a time (``limit=1``): runs that
    overlap would wait for the store's lock anyway. ``prune``: each run removes the rows of
    files no longer in the folder.

    What ``Flow.serve`` does, with one change: SIGTERM stops the runner as Ctrl-C does.
    Prefect's own SIGTERM handler waits on the event loop it interrupts and hangs."""
    import asyncio

    from prefect.runner import Runner

    every = f"every {interval:g} s" if interval else cron
    schedule = {"interval": timedelta(seconds=interval)} if interval else {"cron": cron}
    runner = Runner(name=name, limit=1)
    runner.add_flow(ingest_flow, name=name,
                    parameters={"folder": folder, "out": out, "prune": prune},
                    description=f"ingest minutes from {folder} into {out} ({every})",
                    **schedule)
    runner.handle_sigterm = _interrupt  # type: ignore[method-assign]
    asyncio.run(runner.start())


def run_ingest(folder: str, out: str, force: bool = False, workers: int | None = None,
               dask_address: str | None = None, limits: dict[str, float] | None = None,
               processes: bool = False, prune: bool = False,
               idle_checked: bool = False) -> dict[str, object]:
    """Run the flow with the chosen task runner (see ``pipeline.batch.runners``). When no file
    changed since the last run, say so without starting a Prefect flow run (``idle_checked``:
    the caller has just checked that, so the files are not hashed for it a second time).

    SIGINT and SIGTERM stop the batch cleanly (``pipeline.batch.stopping``): the summary
    returned says ``interrupted`` and how many documents were ``not_processed``. A signal
    while the temporary server is still starting raises ``StoppedBeforeStart``."""
    if not force and not idle_checked:
        idle = nothing_to_do(folder, out, prune)
        if idle is not None:
            return idle.to_dict()
    runner = make_task_runner(workers, dask_address, processes)
    with stop_on_signals() as stop:
        from pipeline.batch.temp_server import start_temporary_server
        start_temporary_server()
        if stop.is_set() and stop.signum is not None:  # asked while the server started
            raise StoppedBeforeStart(stop.signum)
        state: State = ingest_flow.with_options(task_runner=runner)(
            folder=folder, out=out, force=force, limits=limits, prune=prune, return_state=True)
        result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    return result
