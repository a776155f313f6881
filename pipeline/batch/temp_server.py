"""The temporary Prefect server of a ``minutes ingest`` run, in a session of its own.

Without ``PREFECT_API_URL`` Prefect starts a temporary API server (``SubprocessASGIServer``,
uvicorn) as a child in the caller's process group. A terminal's Ctrl-C goes to the whole
group, so the server stopped at once while the batch went on talking to it: minutes of
connection errors and no summary. Here the same server is started in a session of its own,
so the signal reaches only the batch, which stops cleanly, reports its final state and then
stops the server (Prefect's exit handler). Its output goes to
``$PREFECT_HOME/temporary-server.log``. On Linux the server is also bound to die with the
process that started it (``PR_SET_PDEATHSIG``), so even a ``kill -9`` of the batch leaves no
server behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import prefect
from prefect.server.api.server import SubprocessASGIServer
from prefect.settings import (
    PREFECT_API_URL,
    PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    get_current_settings,
)

from pipeline.batch.serve import prefect_home

_PR_SET_PDEATHSIG = 1
STARTUP_TIMEOUT_S = 120
"""How long the server may take to answer, unless PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS
says otherwise (Prefect's own 20 s is too short on a busy machine, and a batch waits gladly)."""


class TemporaryServerError(RuntimeError):
    """The temporary server did not answer in time (``pipeline.errors`` words it)."""

    def __init__(self, timeout_s: float, log: Path) -> None:
        super().__init__(timeout_s, str(log))
        self.timeout_s, self.log = timeout_s, log


def _log_path() -> Path:
    return prefect_home() / "temporary-server.log"


def _find_prctl() -> Any:
    """libc's ``prctl`` (Linux), looked up before any fork; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _find_prctl()


def _die_with_parent() -> None:
    """Runs in the server's process between fork and exec: nothing but one system call."""
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)


class SessionASGIServer(SubprocessASGIServer):
    """Prefect's temporary server, its uvicorn process in a session of its own."""

    def _run_uvicorn_command(self) -> subprocess.Popen[Any]:
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1",
               **get_current_settings().to_environment_variables(exclude_unset=True)}
        command = [sys.executable, "-m", "uvicorn", "--app-dir",
                   str(prefect.__module_path__.parent), "--factory",
                   "prefect.server.api.server:create_app", "--host", "127.0.0.1",
                   "--port", str(self.port), "--log-level", "error", "--lifespan", "on"]
        log = _log_path()
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "ab") as sink:  # its shutdown chatter is no business of the terminal
            return subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True,
                                    preexec_fn=_die_with_parent)


def start_temporary_server() -> SubprocessASGIServer | None:
    """Start the temporary server in a session of its own, where Prefect would start one
    (no ``PREFECT_API_URL``); Prefect's own calls then find it.
    Call from the main thread (the death signal follows the thread that started it).
    Returns the server, or None when a configured server is used; raises
    ``TemporaryServerError`` when it does not answer within ``STARTUP_TIMEOUT_S``."""
    if PREFECT_API_URL.value() or threading.current_thread() is not threading.main_thread():
        return None
    timeout = (PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()
               if os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS")
               else STARTUP_TIMEOUT_S)
    server = SessionASGIServer()  # registered as the server every SubprocessASGIServer() is
    try:
        server.start(timeout=int(timeout))
    except RuntimeError:  # timed out, or the process died: stopped at exit by Prefect
        raise TemporaryServerError(timeout, _log_path()) from None
    return server
