"""Choosing where the per-document tasks run: local threads driving document processes (the
default), a local process pool, or a Dask cluster."""

from __future__ import annotations

import os

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner


def default_workers() -> int:
    """One worker per core."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


def make_task_runner(workers: int | None = None, dask_address: str | None = None,
                     processes: bool = False) -> TaskRunner:
    """By default ``workers`` threads, each driving one document at a time in its own
    process (``pipeline.batch.guard``: forked from one fork server that holds the spaCy pipeline,
    so documents run in parallel on the cores while the model is loaded once for all of
    them). ``processes``: a process pool instead (each worker with its own fork server);
    ``dask_address``: the tasks go to an existing Dask cluster."""
    if dask_address:
        from prefect_dask import DaskTaskRunner
        return DaskTaskRunner(address=dask_address)
    workers = workers or default_workers()
    if processes:
        return ProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=workers)
