"""`minutes serve` against a real Prefect server on loopback (PREFECT_API_URL names it, so no
server of its own is started): trigger a run by hand, check tables. The scheduler firing is
tested in ``test_schedule.py``."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.batch.table_files import document_files

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(url: str, body: dict | None = None, attempts: int = 6) -> dict:
    """One REST call. Like Prefect's own client, retry a 503: the server answers it while its
    SQLite database is busy (e.g. with the deployment's registration)."""
    data = json.dumps(body).encode() if body is not None else None
    for attempt in range(attempts):
        req = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as exc:
            if exc.code != 503 or attempt == attempts - 1:
                raise
            time.sleep(2**attempt * 0.5)
    raise AssertionError("unreachable")


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    port = _free_port()
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        _wait(lambda: _api(f"{api}/health"), 120, "the Prefect server")
        yield api, dict(env, PREFECT_API_URL=api)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_served_deployment_runs_through_the_api(server: tuple[str, dict[str, str]],
                                                minutes_folder: Path, tmp_path: Path) -> None:
    api, env = server
    out = tmp_path / "out"
    serving = subprocess.Popen([str(BIN / "minutes"), "serve", str(minutes_folder), "--out",
                                str(out), "--cron", "0 6 * * *", "--name", "test"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    try:
        deployment = _wait(lambda: _api(f"{api}/deployments/name/ingest-minutes/test"), 120,
                           "the deployment")
        assert deployment["schedules"][0]["schedule"]["cron"] == "0 6 * * *"
        run = _api(f"{api}/deployments/{deployment['id']}/create_flow_run", {})
        state = _wait(lambda: (_api(f"{api}/flow_runs/{run['id']}")["state"]["type"]
                               in {"COMPLETED", "FAILED", "CRASHED"})
                      and _api(f"{api}/flow_runs/{run['id']}")["state"]["type"], 240,
                      "the flow run")
        assert state == "COMPLETED"
        assert len(document_files(out / "meetings")) == 2
        assert len(document_files(out / "failures")) == 2
    finally:
        os.killpg(serving.pid, signal.SIGTERM)
        serving.wait(timeout=30)



def test_ingest_uses_the_server_minutes_serve_started(server: tuple[str, dict[str, str]],
                                                      minutes_folder: Path,
                                                      tmp_path: Path) -> None:
    """With a served server recorded (the state file `minutes serve` writes) and no
    PREFECT_API_URL, a batch runs on that server and starts no temporary one."""
    api, env = server
    env = {k: v for k, v in env.items() if k != "PREFECT_API_URL"}
    state = Path(env["PREFECT_HOME"]) / "minutes-serve.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"api_url": api, "deployment": "ingest-minutes/scheduled"}),
                     encoding="utf-8")
    run = subprocess.run([str(BIN / "minutes"), "ingest", str(minutes_folder), "--out",
                          str(tmp_path / "out"), "--workers", "1"], env=env,
                         capture_output=True, text=True, timeout=240)
    assert "written 2" in run.stdout, run.stdout + run.stderr
    runs = _api(f"{api}/flow_runs/filter", {"limit": 10})
    assert [r["state"]["type"] for r in runs] == ["COMPLETED"]
    log = (Path(env["PREFECT_HOME"]) / "minutes-ingest.log").read_text(encoding="utf-8")
    assert "Starting temporary server" not in log
    assert not (Path(env["PREFECT_HOME"]) / "temporary-server.log").exists()
