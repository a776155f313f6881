"""Write the derived tables as one commit, and finish or drop an interrupted one.

Each file is staged under a hidden temporary name, a journal entry lists the renames (the
commit point), then the files are renamed into place. A process killed before the journal
leaves the previous tables whole; killed after, ``recover`` (run by the next write) finishes
the renames.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from models.records import DERIVED_TABLES
from models.schemas import schema_for
from pipeline.batch.store import _fsync_dir, _write_atomic_bytes
from pipeline.registry.paths import JOURNAL, table_path


def _rename(tmp: str, final: str) -> None:
    """One rename of a commit (a seam for the crash tests)."""
    os.replace(tmp, final)


def recover(out: str | Path) -> bool:
    """Finish a commit whose journal was written, drop staged files of one that was not;
    True when a commit was finished."""
    out = Path(out)
    journal = out / JOURNAL
    finished = False
    if journal.exists():
        for tmp, final in json.loads(journal.read_text("utf-8"))["renames"]:
            if os.path.exists(tmp):
                _rename(tmp, final)
        journal.unlink()
        finished = True
    for table in DERIVED_TABLES:
        for tmp in (out / table).glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
    return finished


def write(out: str | Path, tables: dict[str, list[Any]]) -> None:
    """Write the derived tables (name -> rows) as one commit (see the module docstring)."""
    out = Path(out)
    recover(out)
    renames: list[tuple[str, str]] = []
    for table, rows in tables.items():
        final = table_path(out, table)
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        arrow = pa.Table.from_pylist([asdict(r) for r in rows], schema=schema_for(table))
        pq.write_table(arrow, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        renames.append((str(tmp), str(final)))
    journal = out / JOURNAL
    journal.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic_bytes(journal, json.dumps({"renames": renames}).encode("utf-8"))  # commit
    _fsync_dir(journal.parent)
    for tmp, final in renames:
        _rename(tmp, final)
    for folder in {Path(final).parent for _, final in renames}:
        _fsync_dir(folder)
    journal.unlink()
