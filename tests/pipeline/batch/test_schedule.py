"""The schedule fires: `minutes serve --detach` starts a real Prefect server on a free loopback
port and the deployment; the server's own scheduler (not a hand-made run) creates a flow run
that completes and writes the tables; the Prefect CLI lists the deployment and the run;
`minutes status` shows the next and last runs; `minutes serve --stop` leaves no process."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pipeline.analyst.query import connect
from pipeline.batch.serve import stop_groups
from pipeline.batch.table_files import document_files

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
RUN_WAIT_S = 150  # server start, registration, first tick of a 15 s interval, the run
# how fast the scheduler and the deployment's runner look for work (defaults 60 s and 10 s)
FAST = {"PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5",
        "PREFECT_SERVER_SERVICES_SCHEDULER_RECENT_DEPLOYMENTS_LOOP_SECONDS": "2",
        "PREFECT_RUNNER_POLL_FREQUENCY": "2"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(url: str, body: dict | None = None) -> object:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def _group_members(pgids: set[int]) -> set[int]:
    """Pids of every process in these process groups (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) in pgids:
                    found.add(int(entry.name))
            except (ProcessLookupError, PermissionError):
                pass
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] != "Z"
    except OSError:
        return False


@pytest.fixture
def served(tmp_path: Path, minutes_folder: Path) -> Iterator[dict[str, object]]:
    port = _free_port()
    home = tmp_path / "prefect"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(FAST, PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", COLUMNS="200")
    out = tmp_path / "out"
    started = time.monotonic()
    result = subprocess.run([str(BIN / "minutes"), "serve", str(minutes_folder), "--out",
                             str(out), "--interval", "15", "--name", "test", "--port",
                             str(port), "--detach"], env=env, capture_output=True, text=True,
                            timeout=240)
    state_file = home / "minutes-serve.json"
    state = json.loads(state_file.read_text()) if state_file.exists() else {}
    try:
        assert result.returncode == 0, result.stdout + result.stderr
        yield {"api": f"http://127.0.0.1:{port}/api", "env": env, "out": out, "home": home,
               "port": port, "state": state, "started": started}
    finally:  # whatever the test did, nothing it started outlives it
        stop_groups([p for p in (state.get("pid"), state.get("server_pid")) if p], grace=5)


def _scheduled_run(api: str, deployment_id: str) -> dict | None:
    runs = _api(f"{api}/flow_runs/filter",
                {"deployments": {"id": {"any_": [deployment_id]}}, "limit": 50, "offset": 0,
                 "sort": "EXPECTED_START_TIME_ASC"})
    assert isinstance(runs, list)
    for run in runs:
        if run["state_type"] in {"FAILED", "CRASHED"}:
            raise AssertionError(f"run {run['name']} ended {run['state_type']}")
    done = [r for r in runs if r["state_type"] == "COMPLETED"]
    return done[0] if done else None


def test_the_scheduler_runs_the_deployment_and_stop_leaves_nothing(served: dict) -> None:
    api, env, out, home = served["api"], served["env"], served["out"], served["home"]
    deployment = _api(f"{api}/deployments/name/ingest-minutes/test")
    assert deployment["schedules"][0]["schedule"]["interval"] == 15

    deadline = served["started"] + RUN_WAIT_S
    run = None
    while run is None and time.monotonic() < deadline:
        run = _scheduled_run(api, deployment["id"])
        time.sleep(1)
    assert run is not None, f"no scheduled run completed within {RUN_WAIT_S} s"
    print(f"scheduled run completed {time.monotonic() - served['started']:.0f} s after start")
    assert run["auto_scheduled"], "the run was not created by the scheduler"
    assert len(document_files(out / "meetings")) == 2
    assert connect(out).sql("SELECT count(*) FROM meetings").fetchall()[0][0] == 2

    cli = {"env": env, "capture_output": True, "text": True, "timeout": 120}
    commands = {"deployments": ["prefect", "deployment", "ls"],
                "runs": ["prefect", "flow-run", "ls", "--state", "COMPLETED"],
                "status": ["minutes", "status", "--out", str(out)]}
    with ThreadPoolExecutor(len(commands)) as pool:  # three interpreters start at once
        futures = {k: pool.submit(subprocess.run, [str(BIN / c[0]), *c[1:]], **cli)
                   for k, c in commands.items()}
        listed, runs, status = (futures[k].result() for k in commands)
    assert listed.returncode == 0 and "ingest-minutes/test" in listed.stdout, listed.stderr
    assert runs.returncode == 0 and run["name"] in runs.stdout, runs.stderr
    assert status.returncode == 0, status.stderr
    assert "next run" in status.stdout and "none scheduled" not in status.stdout
    assert f"COMPLETED  {run['name']} (scheduler)" in status.stdout

    with urllib.request.urlopen(f"http://127.0.0.1:{served['port']}/", timeout=30) as page:
        assert "<title>Prefect Server</title>" in page.read().decode()
    assert _api(f"http://127.0.0.1:{served['port']}/ui-settings")["api_url"] == api
    log = (home / "server.log").read_text()
    assert "ERROR" not in log and "Traceback" not in log, log[-3000:]

    state = served["state"]
    members = _group_members({state["pid"], state["server_pid"]})
    assert state["pid"] in members and state["server_pid"] in members
    print(f"checks done {time.monotonic() - served['started']:.0f} s after start")
    stopped = subprocess.run([str(BIN / "minutes"), "serve", "--stop"], **cli)
    print(f"stopped {time.monotonic() - served['started']:.0f} s after start")
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert not [pid for pid in members if _alive(pid)]
    assert not _group_members({state["pid"], state["server_pid"]})
    assert not (home / "minutes-serve.json").exists()
    with pytest.raises(ConnectionRefusedError):  # nothing listens on the port any more
        socket.create_connection(("127.0.0.1", served["port"]), timeout=5).close()


def test_serve_refuses_a_port_in_use(tmp_path: Path, minutes_folder: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = subprocess.run([str(BIN / "minutes"), "serve", str(minutes_folder), "--port",
                                 str(busy.getsockname()[1])], env=env, capture_output=True,
                                text=True, timeout=120)
    assert result.returncode == 1 and "in use" in result.stderr


def test_serve_stop_with_nothing_served(tmp_path: Path) -> None:
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect"))
    result = subprocess.run([str(BIN / "minutes"), "serve", "--stop"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "nothing is being served" in result.stdout


def test_ctrl_c_stops_the_server_too(tmp_path: Path, minutes_folder: Path) -> None:
    """`minutes serve` in the foreground: SIGINT (Ctrl-C) stops the deployment and the
    server it started."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    home = tmp_path / "prefect"
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    log = tmp_path / "serve.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen([str(BIN / "minutes"), "serve", str(minutes_folder), "--out",
                                 str(tmp_path / "out"), "--port", str(_free_port())], env=env,
                                stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    state_file = home / "minutes-serve.json"
    try:
        deadline = time.monotonic() + 180
        state: dict = {}
        while time.monotonic() < deadline and not state.get("server_pid"):
            if state_file.exists():
                state = json.loads(state_file.read_text())
            time.sleep(0.5)
        assert state.get("server_pid"), f"the server did not start: {log.read_text()[-3000:]}"
        while time.monotonic() < deadline:  # served: the deployment is registered
            try:
                _api(f"{state['api_url']}/deployments/name/ingest-minutes/scheduled")
                break
            except OSError:
                time.sleep(0.5)
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=60) == 0, log.read_text()[-3000:]
        assert not _group_members({state["server_pid"]})
        assert not state_file.exists()
    finally:
        stop_groups([proc.pid], grace=5)
