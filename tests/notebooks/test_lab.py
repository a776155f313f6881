"""``make lab``: JupyterLab (from the lock) serves the exploration notebook. Drives the real
server on a free loopback port and asks its contents API for the notebook."""

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
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = "notebooks/1.0-ccm-exploration.ipynb"
TOKEN = "test-token-of-the-team"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as answer:
        return json.loads(answer.read())


@pytest.mark.timeout(180)
def test_jupyterlab_serves_the_exploration_notebook(tmp_path: Path) -> None:
    jupyter = Path(sys.executable).with_name("jupyter")
    if not jupyter.exists():
        pytest.skip("jupyter is not installed in this environment")
    port = _free_port()
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    log = (tmp_path / "lab.log").open("wb")  # a pipe nobody reads would fill and block it
    server = subprocess.Popen(
        [str(jupyter), "lab", NOTEBOOK, "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={TOKEN}", "--ServerApp.port_retries=0",
         *(["--allow-root"] if os.geteuid() == 0 else [])],  # as make lab does
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True)
    # given a notebook, JupyterLab serves the notebook's folder and opens it
    name = Path(NOTEBOOK).name
    url = f"http://127.0.0.1:{port}/api/contents/{name}?token={TOKEN}&content=0"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                found = _get(url)
                break
            except urllib.error.HTTPError:
                raise  # the server answered: no retry
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                assert server.poll() is None, (tmp_path / "lab.log").read_text()[-2000:]
                assert time.monotonic() < deadline, "JupyterLab did not answer in 120 s"
                time.sleep(0.5)
        assert found["type"] == "notebook"
        assert found["path"] == name
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={TOKEN}",
                                    timeout=10) as page:
            assert page.status == 200
            assert b"JupyterLab" in page.read()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        log.close()
