"""``minutes serve``: a local Prefect server and the scheduled ingest deployment, started
and stopped as one.

``minutes serve`` starts ``prefect server start`` on loopback (in a session of its own, log
in ``$PREFECT_HOME/server.log``), waits for it, and serves the ``ingest-minutes`` deployment
in this process; Ctrl-C or SIGTERM stops the deployment and then the server. With
``PREFECT_API_URL`` set it uses that server instead of starting one. ``--detach`` runs the
same in the background and returns once the deployment is registered; ``minutes serve
--stop`` stops what is running (the serving process group and the server's). What is running
is written to ``$PREFECT_HOME/minutes-serve.json``; ``minutes status`` reads it to show the
next scheduled run and the last ones.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FLOW_NAME = "ingest-minutes"
STOP_GRACE_S = 20.0


class ServeError(RuntimeError):
    """The server could not be started, or something is already serving."""


def prefect_home() -> Path:
    """Prefect's home folder (``PREFECT_HOME``, default ``~/.prefect``)."""
    return Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")


def state_path() -> Path:
    """Where ``minutes serve`` records what it started."""
    return prefect_home() / "minutes-serve.json"


def read_state() -> dict[str, Any] | None:
    """What a running ``minutes serve`` recorded, or None."""
    try:
        return json.loads(state_path().read_text("utf-8"))
    except (OSError, ValueError):
        return None


def _write_state(state: dict[str, Any]) -> None:
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state, indent=1), "utf-8")
    os.replace(tmp, path)


def alive(pid: int | None) -> bool:
    """True when a process with this id exists."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _runs(pid: int | None, word: str) -> bool:
    """True when process ``pid`` exists and its command line mentions ``word`` (a recorded
    pid may have been reused by another program since)."""
    if not alive(pid):
        return False
    try:
        return word in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return True  # no /proc: trust the recorded pid


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def api_get(url: str, body: dict[str, Any] | None = None, timeout: float = 10) -> Any:
    """One JSON call to the Prefect REST API (POST when there is a body)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


def healthy(api_url: str) -> bool:
    """True when the server at ``api_url`` answers its health check."""
    try:
        return bool(api_get(f"{api_url}/health", timeout=5))
    except (OSError, ValueError):
        return False


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_server(port: int, timeout: float = 120) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``prefect server start`` on 127.0.0.1:``port`` in its own session; wait until
    it answers. Returns the process and the API URL."""
    if not _port_free(port):
        raise ServeError(f"port {port} on 127.0.0.1 is in use (a server already running? "
                         f"`minutes serve --stop`, or choose --port)")
    home = prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    prefect = Path(sys.executable).parent / "prefect"
    api_url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_UI_API_URL"] = api_url  # else the UI calls the default port, 4200
    with open(home / "server.log", "ab") as log:
        proc = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port)], env=env, stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    deadline = time.monotonic() + timeout
    try:
        while not healthy(api_url):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise ServeError(f"the Prefect server did not start "
                                 f"(see {home / 'server.log'})")
            time.sleep(0.5)
    except BaseException:  # not started, or stopped while starting: leave nothing behind
        stop_groups([proc.pid])
        raise
    return proc, api_url


def _leader_alive(pid: int) -> bool:
    """True while process ``pid`` runs (reaping it first when it is our exited child)."""
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    return alive(pid)


def stop_groups(leaders: Iterable[int], grace: float = STOP_GRACE_S) -> None:
    """Stop process groups led by these pids: SIGTERM to every member, then, once the
    leaders have exited (or after ``grace`` seconds), SIGKILL to what is left of the groups
    (helpers that ignore SIGTERM, such as multiprocessing's resource tracker); return when
    no member is left."""
    groups = [g for g in leaders if g and g != os.getpgid(0)]
    for pgid in groups:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while any(_leader_alive(g) for g in groups) and time.monotonic() < deadline:
        time.sleep(0.2)
    for pgid in groups:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
            _leader_alive(g) or _group_alive(g) for g in groups):
        time.sleep(0.1)


def _raise_exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def serve(folder: str, out: str, name: str, cron: str | None, interval: float | None,
          port: int, prune: bool = False) -> None:
    """Start a server (unless ``PREFECT_API_URL`` names one) and serve the deployment until
    interrupted; then stop the deployment and the server."""
    running = read_state()
    if running and alive(running.get("pid")):
        raise ServeError(f"already serving (pid {running['pid']}, {running.get('api_url')}); "
                         "stop it with `minutes serve --stop`")
    api_url = os.environ.get("PREFECT_API_URL")
    server = None
    signal.signal(signal.SIGTERM, _raise_exit)
    try:
        if not api_url:
            server, api_url = start_server(port)
            os.environ["PREFECT_API_URL"] = api_url
        _write_state({"pid": os.getpid(), "pgid": os.getpgid(0),
                      "server_pid": server.pid if server else None, "api_url": api_url,
                      "deployment": f"{FLOW_NAME}/{name}", "folder": folder, "out": out,
                      "schedule": f"every {interval:g} s" if interval else cron,
                      "log": str(prefect_home() / "server.log")})
        print(f"serving {FLOW_NAME}/{name} on {api_url} "
              f"(UI {api_url.removesuffix('/api')}); Ctrl-C or `minutes serve --stop` stops "
              f"{'both' if server else 'it'}", flush=True)
        from pipeline.batch.flows.ingest import serve_ingest
        serve_ingest(folder, out, name=name, cron=cron, interval=interval, prune=prune)
    finally:
        if server is not None:
            stop_groups([server.pid])
        state = read_state()
        if state and state.get("pid") == os.getpid():
            state_path().unlink(missing_ok=True)


def served_api_url() -> str | None:
    """The API of the server a running ``minutes serve`` started, when it answers and no
    ``PREFECT_API_URL`` is set: a batch then uses it instead of starting a temporary one."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    api_url = (read_state() or {}).get("api_url")
    return api_url if api_url and healthy(api_url) else None


def detach(argv: list[str], api_url: str, deployment: str, timeout: float = 180) -> int:
    """Run ``minutes serve`` (``argv`` without ``--detach``) in the background in a session of
    its own; return its pid once the deployment is registered."""
    running = read_state()
    if running and alive(running.get("pid")):
        raise ServeError(f"already serving (pid {running['pid']}, {running.get('api_url')}); "
                         "stop it with `minutes serve --stop`")
    home = prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "minutes-serve.log", "ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", *argv], stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    deadline = time.monotonic() + timeout
    flow, name = deployment.split("/", 1)
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise ServeError(f"minutes serve stopped (exit {proc.returncode}); "
                             f"see {home / 'minutes-serve.log'}")
        try:
            api_get(f"{api_url}/deployments/name/{flow}/{name}")
            return proc.pid
        except (OSError, ValueError):
            time.sleep(1)
    stop_groups([proc.pid])
    raise ServeError(f"the deployment was not registered within {timeout:g} s; "
                     f"see {home / 'minutes-serve.log'}")


def stop(grace: float = STOP_GRACE_S) -> bool:
    """Stop what ``minutes serve`` started (serving process, its flow runs, the server);
    False when nothing was recorded as running."""
    state = read_state()
    if not state:
        return False
    pid, pgid, server = state.get("pid"), state.get("pgid"), state.get("server_pid")
    groups = [server] if _runs(server, "prefect") else []
    if not (_runs(pid, "pipeline") or _runs(pid, "minutes")):
        pass  # gone already; its server, if left, is stopped below
    elif pgid == pid:  # detached: its own session, flow runs included
        groups.insert(0, pid)
    else:  # in a terminal's job: stop the process, which stops its server
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    stop_groups([g for g in groups if g], grace)
    state_path().unlink(missing_ok=True)
    return True


def schedule_lines(api_url: str, deployment: str, last: int = 5) -> list[str]:
    """The deployment's schedule, next scheduled run and last runs, as lines to print."""
    flow, name = deployment.split("/", 1)
    found = api_get(f"{api_url}/deployments/name/{flow}/{name}")
    runs = api_get(f"{api_url}/flow_runs/filter",
                   {"deployments": {"id": {"any_": [found["id"]]}},
                    "sort": "EXPECTED_START_TIME_DESC", "limit": 200, "offset": 0})
    schedules = [s.get("schedule", {}) for s in found.get("schedules", []) if s.get("active")]
    described = ", ".join(s.get("cron") or f"every {s.get('interval'):g} s"
                          for s in schedules) or "none active"
    lines = [f"deployment {deployment} on {api_url}: schedule {described}"]
    upcoming = sorted((r for r in runs if r["state_type"] == "SCHEDULED"),
                      key=lambda r: r["expected_start_time"] or "")
    if upcoming:
        lines.append(f"  next run   {upcoming[0]['expected_start_time']}  "
                     f"({len(upcoming)} scheduled)")
    else:
        lines.append("  next run   none scheduled")
    done = [r for r in runs if r["state_type"] != "SCHEDULED"][:last]
    for run in done:
        when = run.get("start_time") or run.get("expected_start_time") or ""
        how = "scheduler" if run.get("auto_scheduled") else "by hand"
        lines.append(f"  last run   {when}  {run['state_type']:<10} {run['name']} ({how})")
    if not done:
        lines.append("  last run   none yet")
    return lines
