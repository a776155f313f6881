"""Where the tables are when no ``--tables`` is given, and what to say when there are none.

A module of its own, importing nothing heavy, so that the CLI can build its parser without
importing the query module (which imports the record types and their Arrow schemas)."""

from __future__ import annotations

import os
from pathlib import Path

TABLES_ENV = "MINUTES_TABLES"  # the tables folder when no --tables is given
DEFAULT_TABLES = "data/processed"


def default_tables() -> str:
    """The tables folder a command reads by default: ``$MINUTES_TABLES`` or data/processed."""
    return os.environ.get(TABLES_ENV) or DEFAULT_TABLES


def no_tables_message(root: str | Path) -> str:
    """Why there are no tables at ``root``: where it looked, and how to point elsewhere."""
    root = Path(root)
    where = str(root) if root.is_absolute() else f"{root} (looked in {root.absolute()})"
    return (f"no tables at {where}; run `minutes ingest` first, or pass --tables DIR "
            f"(or set {TABLES_ENV}) to read another folder")
