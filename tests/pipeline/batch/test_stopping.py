"""Ctrl-C (SIGINT) and SIGTERM stop a real ``minutes ingest`` batch: finished documents stay
committed, nothing in flight is half-written, the summary says what was left, the exit code
is 128 + the signal, and no process of the run is left (temporary Prefect server, fork
server, document children)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from pipeline.batch.stopping import STOP, StopRequest, completed, stop_on_signals
from pipeline.batch.store import DOC_TABLES, ParquetStore
from pipeline.batch.table_files import document_files
from tests.pipeline.conftest import MINUTES

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[3]
HANG_GUARD_S = 60  # not a timing: only against a run that does not stop at all


def _folder(root: Path, n: int) -> Path:
    folder = root / "in"
    folder.mkdir()
    for i in range(n):
        text = (MINUTES.replace("14 May 2019", f"{i % 28 + 1} May 2019")
                .replace("3rd Meeting", f"{i + 3}th Meeting") + f"\nNote {i} of the clerk.\n")
        (folder / f"minutes_{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _tagged(tag: str) -> dict[int, str]:
    """Processes whose environment carries ``tag`` (every descendant of the run inherits
    it, whatever its session): pid -> command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if tag.encode() in (entry / "environ").read_bytes().split(b"\0"):
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(
                    b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
    return found


def _alive(found: dict[int, str]) -> dict[int, str]:
    """Those still running (a zombie has exited; only its parent has yet to reap it)."""
    alive = {}
    for pid, cmd in found.items():
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            alive[pid] = cmd
    return alive


def _committed(out: Path) -> int:
    return len(document_files(out / "meetings"))


def _ingest(folder: Path, out: Path, tag: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PREFECT_HOME=str(out.parent / "prefect"),
               MINUTES_STOP_TEST=tag.split("=", 1)[1])
    env.pop("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", None)  # the batch's 120 s
    env.pop("PREFECT_API_URL", None)  # the run starts its own temporary server
    return subprocess.Popen([sys.executable, "-m", "pipeline", "ingest", str(folder),
                             "--out", str(out), "--workers", "1"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


@pytest.mark.parametrize(("signum", "to_group"), [(signal.SIGINT, True),
                                                  (signal.SIGTERM, False)],
                         ids=["ctrl-c-to-the-terminal-group", "sigterm-to-the-process"])
def test_signal_stops_the_batch_keeps_finished_documents_and_leaves_nothing_running(
        tmp_path: Path, signum: int, to_group: bool) -> None:
    n = 40
    folder, out = _folder(tmp_path, n), tmp_path / "out"
    tag = f"MINUTES_STOP_TEST={uuid.uuid4().hex}"
    proc = _ingest(folder, out, tag)
    deadline = time.monotonic() + 300
    while _committed(out) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, f"the batch ended before the signal: {proc.communicate()}"
    running = _tagged(tag)
    assert any("uvicorn" in cmd for cmd in running.values()), running  # the server is seen
    (os.killpg if to_group else os.kill)(proc.pid, signum)
    try:
        stdout, stderr = proc.communicate(timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        for pid in _tagged(tag):
            os.kill(pid, signal.SIGKILL)
        pytest.fail(f"ingest did not stop within {HANG_GUARD_S} s of {signum!s}")

    assert proc.returncode == 128 + signum, stderr[-3000:]
    name = signal.Signals(signum).name
    assert f"interrupted by {name}" in stdout and "not processed" in stdout, stdout
    assert "Traceback" not in stderr and "Traceback" not in stdout, stderr[-3000:]
    assert "Error logging to API" not in stderr and "ConnectError" not in stderr

    leftover = {}
    until = time.monotonic() + 20  # the fork server and resource tracker exit on EOF
    while (leftover := _alive(_tagged(tag))) and time.monotonic() < until:
        time.sleep(0.2)
    assert not leftover, f"processes of the run left behind: {leftover}"

    with ParquetStore(out) as store:  # opening recovers; nothing may be pending
        manifest = dict(store.manifest)
        meetings = store.read_table("meetings").to_pylist()
    doc_ids = {e["doc_id"] for e in manifest.values()}
    assert 0 < len(doc_ids) < n
    for table in DOC_TABLES:  # every committed document whole, nothing else
        present = {p.stem for p in document_files(out / table)}
        assert present == doc_ids, table
    assert {m["doc_id"] for m in meetings} == doc_ids
    assert not list(out.rglob(".*.tmp")) and not list((out / "_state" / "journal").iterdir())
    summary_line = next(line for line in stdout.splitlines() if "interrupted by" in line)
    assert f"{n - len(doc_ids)} files not processed" in summary_line

    if signum == signal.SIGINT:  # the next run takes exactly the rest
        rerun = _ingest(folder, out, tag)
        stdout, stderr = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, stderr[-3000:]
        assert f"written {n - len(doc_ids)}, failed 0" in stdout
        assert _committed(out) == n


class _Done:
    """A finished future, as the flow's tasks hand them."""

    def __init__(self, value: int) -> None:
        self.value = value

    def add_done_callback(self, fn) -> None:
        fn(self)


def test_completed_yields_what_finished_and_stops_when_asked() -> None:
    stop = StopRequest()
    assert [f.value for f in completed([_Done(1), _Done(2)], stop)] == [1, 2]
    stop.request("SIGINT", signal.SIGINT)
    assert [f.value for f in completed([_Done(3)], stop)] == [3]  # finished: still taken
    pending = type("Pending", (), {"add_done_callback": lambda self, fn: None})()
    assert list(completed([pending], stop)) == []  # never waits once stopped


def test_signal_handlers_ask_and_are_restored() -> None:
    before = signal.getsignal(signal.SIGINT)
    with stop_on_signals() as stop:
        os.kill(os.getpid(), signal.SIGINT)  # no KeyboardInterrupt: the request is noted
        deadline = time.monotonic() + 5
        while not stop.is_set() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert stop.reason == "SIGINT"
    assert signal.getsignal(signal.SIGINT) is before
    STOP.clear()


def test_signal_while_the_server_starts_ends_at_once(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path, 3), tmp_path / "out"
    tag = f"MINUTES_STOP_TEST={uuid.uuid4().hex}"
    proc = _ingest(folder, out, tag)
    log = tmp_path / "prefect" / "temporary-server.log"  # opened as the server is spawned
    deadline = time.monotonic() + 120
    while not log.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, stderr = proc.communicate(timeout=HANG_GUARD_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("ingest did not stop while its server was starting")
    assert proc.returncode == 130, stderr[-3000:]
    assert "interrupted by SIGINT while starting; no document was processed" in stderr
    assert "Traceback" not in stderr, stderr[-3000:]
    until = time.monotonic() + 20
    while (leftover := _alive(_tagged(tag))) and time.monotonic() < until:
        time.sleep(0.2)
    assert not leftover, f"processes of the run left behind: {leftover}"
    assert _committed(out) == 0
