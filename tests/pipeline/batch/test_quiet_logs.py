"""A folder batch shows its bar and summary; Prefect's log lines go to a file (#17)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch.quiet_logs import LOG_NAME


@pytest.mark.timeout(300)
def test_prefect_log_lines_go_to_the_log_file_not_the_terminal(minutes_folder: Path,
                                                                tmp_path: Path) -> None:
    home = tmp_path / "prefect-home"
    env = {**os.environ, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", None)
    run = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(minutes_folder),
                          "--out", str(tmp_path / "tables"), "--workers", "1"],
                         capture_output=True, text=True, env=env, timeout=280)
    terminal = run.stdout + run.stderr
    assert "written" in run.stdout, terminal  # the summary
    assert "| INFO" not in terminal and "| WARNING" not in terminal, terminal
    assert "Flow run" not in terminal, terminal
    log = (home / LOG_NAME).read_text(encoding="utf-8")
    assert "Beginning flow run" in log
    assert "failed at" in log  # the bad file's warning is kept there (and in the summary)
