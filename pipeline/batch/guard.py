"""One document in a child process, under a wall-time limit and a memory ceiling.

The child is forked from a process that already holds the spaCy pipeline, so isolation costs
a fork (milliseconds), not a model load. A single-threaded caller forks itself after loading
the pipeline (reading ahead meanwhile when it starts cold: see below); a caller with threads
(a Prefect worker) forks from a per-process fork server that preloads the pipeline once
(``pipeline.batch.forkserver_preload``), since forking a threaded process can copy a lock held
by another thread.

The child caps its address space at what it already maps plus ``Limits.memory_mb``
(``RLIMIT_AS``), so an allocation beyond the ceiling raises ``MemoryError`` inside the child;
the parent kills a child that runs past ``Limits.timeout_s``. Either way the document becomes
a failure row naming the limit, and the batch goes on.

When the batch is asked to stop (``pipeline.batch.stopping``), the parent kills its child
within a fraction of a second and reports the document as not processed (``skipped``);
children ignore a terminal's Ctrl-C themselves, so it never prints a traceback per document.

A cold caller (nothing loaded yet, one document: ``minutes ingest --file``) reads ahead: it
forks a reader child that reads the file (``process.read_file``) while it imports spaCy and
loads the model itself, then forks the extracting child (``process.extract_read``) with the
document already in memory. The wall-time limit covers the document's reading and extraction
(not the model load the reading overlaps); the memory ceiling applies to each child; an
interrupted caller kills whichever child is running.
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.errors import ReadError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import doc_id_for, load_bytes
from models.records import Failure
from models.version import PIPELINE_VERSION
from pipeline.batch import warm
from pipeline.batch.discover import original_path, stored_path
from pipeline.batch.process import (
    Outcome,
    ReadDocument,
    extract_read,
    process_file,
    read_file,
)
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


def _enter_child(limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it (see the module)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _cap_memory(limits.memory_mb)


def _answer(conn: multiprocessing.connection.Connection, work: Callable[[], Any]) -> None:
    """Send ``work()``'s result to the parent, or say that it did not fit in memory."""
    try:
        conn.send(("value", work()))
    except MemoryError:  # the answer itself did not fit: report the limit, not a crash
        conn.send(("memory", None))
    finally:
        conn.close()


def _child(path: str, limits: Limits, conn: multiprocessing.connection.Connection) -> None:
    """Runs in the child: process the file and send back stage notes and the Outcome."""
    _enter_child(limits)
    _answer(conn, lambda: process_file(path, limits,
                                       on_stage=lambda stage: conn.send(("stage", stage))))


def _reader(path: str, limits: Limits, conn: multiprocessing.connection.Connection) -> None:
    """Runs in a reader child: read the file, send back its ``ReadDocument`` (or the
    Outcome of its failure)."""
    _enter_child(limits)
    _answer(conn, lambda: read_file(path, limits))


def _extractor(read: ReadDocument, limits: Limits,
               conn: multiprocessing.connection.Connection) -> None:
    """Runs in an extracting child: extract the document read, send back the Outcome."""
    _enter_child(limits)
    _answer(conn, lambda: extract_read(read, limits))


@dataclass
class _Answer:
    """How a child ended: with ``value`` (an Outcome, or a reader's ``ReadDocument``), or
    without one, and why (``ended``: stopped, timeout, memory, crashed)."""

    stage: str
    value: Any = None
    ended: str | None = None
    exitcode: int | None = None


class _Worker:
    """A child process running ``target(*args, conn)``, and the pipe it answers on."""

    def __init__(self, ctx: Any, target: Callable[..., None], args: tuple[Any, ...],
                 name: str) -> None:
        self.receiver, sender = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=target, args=(*args, sender), daemon=True,
                                   name=name)
        self.process.start()
        sender.close()

    def wait(self, deadline: float | None, stage: str) -> _Answer:
        """The child's answer, waited for until ``deadline`` (``time.monotonic``) or a stop
        request; the child is ended (killed if it has not answered) either way."""
        answer = _Answer(stage)
        try:
            while answer.value is None and answer.ended is None:
                wait = STOP_POLL_S if deadline is None else max(0.0, deadline - time.monotonic())
                if not self.receiver.poll(min(wait, STOP_POLL_S)):
                    if STOP.is_set():
                        answer.ended = "stopped"
                    elif deadline is not None and time.monotonic() >= deadline:
                        answer.ended = "timeout"
                    continue
                try:
                    kind, value = self.receiver.recv()
                except (EOFError, OSError):
                    answer.ended = "crashed"  # the child died without an answer
                    continue
                if kind == "stage":
                    answer.stage = value
                elif kind == "memory":
                    answer.ended = "memory"
                else:
                    answer.value = value
        finally:
            self.end(kill=answer.value is None)
        answer.exitcode = self.process.exitcode
        return answer

    def end(self, kill: bool = True) -> None:
        """Kill the child if it is still running (unless ``kill`` is false: it is about to
        exit by itself), and reap it."""
        if kill and self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.receiver.close()


def _forks(method: str | None) -> bool:
    """True when children are forked from this process (``fork``) rather than from a fork
    server: asked for, or chosen because this process runs a single thread."""
    return method == "fork" or (method is None and threading.active_count() == 1)


def _context(method: str | None = None) -> Any:
    """``fork`` for a single-threaded caller (after loading the pipeline), else a fork
    server that preloads it; ``method`` forces one."""
    global _forkserver_ready
    if _forks(method):
        warm.warm()
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


def _without_answer(path: str, answer: _Answer, limits: Limits) -> Outcome:
    """The Outcome of a document whose child ended without an answer."""
    stage = answer.stage
    if answer.ended == "stopped" or STOP.is_set():
        return Outcome(path, None, skipped=True)
    if answer.ended == "timeout":
        return _limit_failure(path, stage, "timeout",
                              f"stopped after {limits.timeout_s:g} s "
                              f"(wall-time limit per document)", limits)
    if answer.ended == "memory":
        what = "records" if stage == "extract" else "the document read"
        return _limit_failure(path, stage, "memory_limit",
                              f"{what} did not fit in the memory limit "
                              f"({limits.memory_mb} MB per document)", limits)
    note = f" (memory limit {limits.memory_mb} MB)" if limits.memory_mb else ""
    return _limit_failure(path, stage, "crashed",
                          f"worker process {_describe_exit(answer.exitcode)} during "
                          f"{stage}{note}", limits)


def _deadline(limits: Limits, spent: float = 0.0) -> float | None:
    """When the document's wall-time limit runs out (``time.monotonic``), ``spent`` seconds
    of it being used already; None when there is no limit."""
    if limits.timeout_s <= 0:
        return None
    return time.monotonic() + max(0.0, limits.timeout_s - spent)


def _name(path: str, role: str) -> str:
    return f"minutes-{role}-{Path(path).name[:40]}"


def _read_ahead(path: str, limits: Limits) -> Outcome:
    """The cold path: a reader child reads the file while this process loads the model;
    the extracting child is forked from this process once both are done."""
    ctx = multiprocessing.get_context("fork")
    reader = _Worker(ctx, _reader, (path, limits), _name(path, "read"))
    try:
        deadline = _deadline(limits)
        warm.load()
    except BaseException:  # Ctrl-C, SIGTERM, or a model that does not load: no child left
        reader.end()
        raise
    answer = reader.wait(deadline, "read")
    read = answer.value
    if not isinstance(read, ReadDocument):  # the file could not be read: that is the outcome
        return read if read is not None else _without_answer(path, answer, limits)
    if STOP.is_set():  # asked to stop while the model loaded: extraction is not started
        return Outcome(path, None, skipped=True)
    gc.freeze()  # for the child's sake, as in _context
    try:
        extractor = _Worker(ctx, _extractor, (read, limits), _name(path, "doc"))
    finally:
        gc.unfreeze()
    answer = extractor.wait(_deadline(limits, spent=read.timings.get("read", 0.0)), "extract")
    return answer.value if answer.value is not None else _without_answer(path, answer, limits)


def process_guarded(path: str | Path, limits: Limits = DEFAULT_LIMITS,
                    start_method: str | None = None, read_ahead: bool | None = None) -> Outcome:
    """``process_file`` in a child process under ``limits``; never raises for bad input.

    With no time and no memory limit (both 0) the file is processed in this process.
    ``start_method`` ("fork" or "forkserver") overrides the choice made from the thread
    count. ``read_ahead`` (fork only) reads the file in a child of its own while this process
    loads the model (see the module); by default it does when children are forked and the
    model is not loaded yet. ``path``: a ``Path``, or a source path as stored
    (``discover.stored_path``)."""
    path = path if isinstance(path, str) else stored_path(path)
    if STOP.is_set():
        return Outcome(path, None, skipped=True)
    if limits.timeout_s <= 0 and limits.memory_mb <= 0:
        return process_file(path, limits)
    _allow_children()
    if read_ahead is None:
        read_ahead = _forks(start_method) and not warm.is_loaded()
    if read_ahead:
        return _read_ahead(path, limits)
    ctx = _context(start_method)
    worker = _Worker(ctx, _child, (path, limits), _name(path, "doc"))
    if ctx.get_start_method() == "fork":
        gc.unfreeze()  # frozen for the child's sake; this process collects again
    answer = worker.wait(_deadline(limits), "read")
    return answer.value if answer.value is not None else _without_answer(path, answer, limits)
