"""Stopping a batch cleanly on Ctrl-C (SIGINT) or SIGTERM, or when its output cannot be written.

A signal only asks: the handler sets ``STOP`` and returns. The flow then stops taking results
(``completed`` yields no more), each document's guard (``pipeline.batch.guard``) kills its own
child process and reports the document as not processed, documents not started are not
started, nothing more is committed, and the flow returns its summary marked interrupted. The
finished documents are already committed one by one, so nothing of them is lost and nothing
of the documents in flight is half-written (the store's journal sees to that).

``minutes ingest`` arms this around the flow (``stop_on_signals``); a flow run by a Prefect
deployment is not armed and keeps Prefect's own handling of SIGTERM (cancellation).
"""

from __future__ import annotations

import concurrent.futures
import queue
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StoppedBeforeStart(BaseException):
    """A signal came while the batch was still starting (its Prefect server): no document
    was processed, and no flow run is started. Raised by the batch's own code once the
    server is up, never from the signal handler (an exception raised by a handler can land
    inside a library's critical section and leave a lock held)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class StopRequest:
    """A process-wide request to stop the batch: why (a signal's name, or ``write_error``)
    and whether ``minutes ingest`` asked for signals to be caught."""

    def __init__(self) -> None:
        self._set = False  # a plain flag: the signal handler must take no lock
        self.reason: str | None = None
        self.signum: int | None = None
        self.armed = False

    def request(self, reason: str, signum: int | None = None) -> None:
        """Ask the batch to stop (the first reason given is kept)."""
        if self.reason is None:
            self.reason, self.signum = reason, signum
        self._set = True

    def is_set(self) -> bool:
        """True once a stop was asked for."""
        return self._set

    def clear(self) -> None:
        """Forget an earlier request (a new batch starts)."""
        self._set = False
        self.reason = self.signum = None


STOP = StopRequest()


def _handler(signum: int, frame: object) -> None:
    STOP.request(signal.Signals(signum).name, signum)


def _install() -> dict[int, Any]:
    return {s: signal.signal(s, _handler) for s in SIGNALS}


@contextmanager
def stop_on_signals() -> Iterator[StopRequest]:
    """While inside, SIGINT and SIGTERM set ``STOP`` instead of raising ``KeyboardInterrupt``
    or ending the process; on the way out the handlers found are restored and the request
    forgotten. Only the main thread can install handlers: elsewhere this changes nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield STOP
        return
    STOP.clear()
    previous, armed = _install(), STOP.armed
    STOP.armed = True
    try:
        yield STOP
    finally:
        STOP.armed = armed
        STOP.clear()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def begin_run() -> None:
    """At the start of a flow run: when ``minutes ingest`` armed the handlers, put them back
    (Prefect's flow engine installs its own SIGTERM handler for the run; ``stop_on_signals``
    restores what was there before it once the run is over); otherwise forget any earlier
    request."""
    if not STOP.armed:
        STOP.clear()
    elif threading.current_thread() is threading.main_thread():
        _install()


def completed(futures: Iterable[Any], stop: StopRequest = STOP,
              poll_s: float = 0.2) -> Iterator[Any]:
    """Futures in the order they finish, until all have or a stop is asked for; after a
    stop, only those already finished are yielded (their documents are done)."""
    finished: queue.SimpleQueue[Any] = queue.SimpleQueue()
    pending = list(futures)
    for future in pending:
        future.add_done_callback(finished.put)
    left = len(pending)
    while left and not stop.is_set():
        try:
            future = finished.get(timeout=poll_s)
        except queue.Empty:
            continue
        left -= 1
        yield future
    while left:
        try:
            future = finished.get_nowait()
        except queue.Empty:
            return
        left -= 1
        yield future


def cancel_and_settle(futures: Iterable[Any], timeout: float = 60.0) -> None:
    """After a stop: cancel the tasks that have not started and wait for those running,
    whose guards kill their document processes at once (a local pool's futures; tasks on a
    Dask cluster finish or are dropped with the cluster's client)."""
    running = []
    for future in futures:
        wrapped = getattr(future, "wrapped_future", None)
        if isinstance(wrapped, concurrent.futures.Future) and not wrapped.cancel():
            running.append(wrapped)
    concurrent.futures.wait(running, timeout=timeout)


def end_run() -> None:
    """At the end of a flow run that ``minutes ingest`` did not arm: forget the request, so
    that the next run in this process starts afresh."""
    if not STOP.armed:
        STOP.clear()
