"""Prefect's log lines of a batch go to a log file, not the terminal, unless asked for.

A person running ``minutes ingest`` on a folder sees the progress bar and the summary; the
flow's and tasks' INFO and WARNING lines (every document's failure is also in the summary)
would redraw over the bar. ``quiet_prefect_console`` must run before Prefect is imported: it
raises the level of Prefect's console handler through Prefect's own setting
(``PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL``), so errors still reach the terminal.
``log_to_file`` then sends everything Prefect logs to ``$PREFECT_HOME/minutes-ingest.log``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

CONSOLE_LEVEL_SETTING = "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"
LOG_NAME = "minutes-ingest.log"


def quiet_prefect_console() -> None:
    """Only errors on the terminal from Prefect's console handler (unless the user set the
    level already). Call before importing Prefect."""
    os.environ.setdefault(CONSOLE_LEVEL_SETTING, "ERROR")


def log_to_file(home: Path) -> Path:
    """Append Prefect's log records (flows, tasks, client) to ``home / LOG_NAME``."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / LOG_NAME
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s | %(levelname)-7s | %(name)s - "
                                           "%(message)s"))
    handler.setLevel(logging.INFO)
    logger = logging.getLogger("prefect")
    if not any(isinstance(h, logging.FileHandler) and Path(h.baseFilename) == path
               for h in logger.handlers):
        logger.addHandler(handler)
    return path
