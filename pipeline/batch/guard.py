"""One document in a child process, under a wall-time limit and a memory ceiling.

The child is forked from a process that already holds the spaCy pipeline, so isolation costs
a fork (milliseconds), not a model load. A single-threaded caller (``minutes ingest --file``,
a test) forks itself after loading the pipeline; a caller with threads (a Prefect worker)
forks from a per-process fork server that preloads the pipeline once
(``pipeline.batch.forkserver_preload``), since forking a threaded process can copy a lock held by
another thread.

The child caps its address space at what it already maps plus ``Limits.memory_mb``
(``RLIMIT_AS``), so an allocation beyond the ceiling raises ``MemoryError`` inside the child;
the parent kills a child that runs past ``Limits.timeout_s``. Either way the document becomes
a failure row naming the limit, and the batch goes on.

When the batch is asked to stop (``pipeline.batch.stopping``), the parent kills its child
within a fraction of a second and reports the document as not processed (``skipped``);
children ignore a terminal's Ctrl-C themselves, so it never prints a traceback per document.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import signal
import threading
import time
from pathlib import Path
from typing import Any

from extractors.errors import ReadError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import doc_id_for, load_bytes
from models.records import Failure
from models.version import PIPELINE_VERSION
from pipeline.batch.discover import original_path, stored_path
from pipeline.batch.process import Outcome, process_file
from pipeline.batch.stopping import STOP

_forkserver_ready = False
STOP_POLL_S = 0.2
"""How often a waiting parent looks whether the batch was asked to stop."""


def _address_space() -> int:
    """Bytes of address space this process maps now (VmSize), or 0 where unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cap_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    try:
        import resource
    except ImportError:  # not on POSIX: no ceiling, the wall-time limit still holds
        return
    ceiling = _address_space() + int(memory_mb * 2**20)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _child(path: str, limits: Limits, conn: multiprocessing.connection.Connection) -> None:
    """Runs in the child: process the file and send back stage notes and the Outcome."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it (see the module)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _cap_memory(limits.memory_mb)
    try:
        outcome = process_file(path, limits, on_stage=lambda stage: conn.send(("stage", stage)))
        conn.send(("outcome", outcome))
    except MemoryError:  # the outcome itself did not fit: report the limit, not a crash
        conn.send(("memory", None))
    finally:
        conn.close()


def _context(method: str | None = None) -> Any:
    """``fork`` for a single-threaded caller (after loading the pipeline), else a fork
    server that preloads it; ``method`` forces one."""
    global _forkserver_ready
    if method == "fork" or (method is None and threading.active_count() == 1):
        from pipeline.batch.warm import warm
        warm()
        gc.freeze()
        return multiprocessing.get_context("fork")
    ctx = multiprocessing.get_context("forkserver")
    if not _forkserver_ready:
        ctx.set_forkserver_preload(["pipeline.batch.forkserver_preload"])
        _forkserver_ready = True
    return ctx


def _allow_children() -> None:
    """Dask runs tasks in daemonic worker processes, which multiprocessing forbids to have
    children. Our child is always joined (or killed) before the task returns, so the rule's
    reason (orphans left behind at exit) does not apply: lift it for this process."""
    config = multiprocessing.current_process()._config  # type: ignore[attr-defined]
    if config.get("daemon"):
        config["daemon"] = False


def _doc_id(path: str, limits: Limits) -> str | None:
    try:
        return doc_id_for(load_bytes(original_path(path), limits))
    except ReadError:
        return None


def _limit_failure(path: str, stage: str, error_type: str, message: str,
                   limits: Limits) -> Outcome:
    doc_id = _doc_id(path, limits)
    return Outcome(path, doc_id, failure=Failure(path, stage, error_type, message, doc_id,
                                                 PIPELINE_VERSION))


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with status {code}"


def process_guarded(path: str | Path, limits: Limits = DEFAULT_LIMITS,
                    start_method: str | None = None) -> Outcome:
    """``process_file`` in a child process under ``limits``; never raises for bad input.

    With no time and no memory limit (both 0) the file is processed in this process.
    ``start_method`` ("fork" or "forkserver") overrides the choice made from the thread
    count. ``path``: a ``Path``, or a source path as stored (``discover.stored_path``)."""
    path = path if isinstance(path, str) else stored_path(path)
    if STOP.is_set():
        return Outcome(path, None, skipped=True)
    if limits.timeout_s <= 0 and limits.memory_mb <= 0:
        return process_file(path, limits)
    ctx = _context(start_method)
    _allow_children()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(path, limits, sender), daemon=True,
                        name=f"minutes-doc-{Path(path).name[:40]}")
    child.start()
    if ctx.get_start_method() == "fork":
        gc.unfreeze()  # frozen for the child's sake; this process collects again
    sender.close()
    stage, outcome, out_of_memory = "read", None, False
    deadline = time.monotonic() + limits.timeout_s if limits.timeout_s > 0 else None
    timed_out = stopped = False
    try:
        while outcome is None:
            wait = STOP_POLL_S if deadline is None else max(0.0, deadline - time.monotonic())
            if not receiver.poll(min(wait, STOP_POLL_S)):
                if STOP.is_set():
                    stopped = True
                    break
                if deadline is not None and time.monotonic() >= deadline:
                    timed_out = True
                    break
                continue
            try:
                kind, value = receiver.recv()
            except (EOFError, OSError):
                break  # the child died without an answer
            if kind == "stage":
                stage = value
            elif kind == "memory":
                out_of_memory = True
                break
            else:
                outcome = value
    finally:
        if child.is_alive() and (timed_out or outcome is None):
            child.kill()
        child.join()
        receiver.close()
    if outcome is not None:
        return outcome
    if stopped or STOP.is_set():
        return Outcome(path, None, skipped=True)
    if timed_out:
        return _limit_failure(path, stage, "timeout",
                              f"stopped after {limits.timeout_s:g} s "
                              f"(wall-time limit per document)", limits)
    if out_of_memory:
        return _limit_failure(path, stage, "memory_limit",
                              f"records did not fit in the memory limit "
                              f"({limits.memory_mb} MB per document)", limits)
    note = f" (memory limit {limits.memory_mb} MB)" if limits.memory_mb else ""
    return _limit_failure(path, stage, "crashed",
                          f"worker process {_describe_exit(child.exitcode)} during "
                          f"{stage}{note}", limits)
