"""Choosing where the per-document tasks run: local processes, threads, or a Dask cluster."""

from __future__ import annotations

import os

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner


def default_workers() -> int:
    """One worker per core."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


def make_task_runner(workers: int | None = None, dask_address: str | None = None) -> TaskRunner:
    """Processes by default (spaCy loaded once per worker); threads for one worker; Dask on
    an existing cluster when ``dask_address`` is given."""
    if dask_address:
        from prefect_dask import DaskTaskRunner
        return DaskTaskRunner(address=dask_address)
    workers = workers or default_workers()
    if workers == 1:
        return ThreadPoolTaskRunner(max_workers=1)
    return ProcessPoolTaskRunner(max_workers=workers)
