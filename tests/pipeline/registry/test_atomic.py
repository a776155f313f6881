"""The derived tables are written as one commit: a process killed mid-rebuild leaves the
previous tables whole, or (killed after the commit point) the next rebuild finishes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq

from models.records import DERIVED_TABLES
from pipeline.registry.commit import recover
from pipeline.registry.paths import JOURNAL, table_path
from pipeline.registry.rebuild import rebuild
from tests.pipeline.registry.conftest import write_tables

ROOT = Path(__file__).resolve().parents[3]
# Rebuild in a child process that SIGKILLs itself at a chosen seam of the commit.
CHILD = """
import os, signal, sys
from pipeline.registry import commit as c
from pipeline.registry.rebuild import rebuild
seam, out = sys.argv[1], sys.argv[2]
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if seam == "journal":  # staged files written, journal not yet
    c._write_atomic_bytes = die
else:  # journal written, killed after the first rename
    real, calls = c._rename, []
    def rename(tmp, final):
        calls.append(tmp)
        if len(calls) == 2:
            die()
        real(tmp, final)
    c._rename = rename
rebuild(out)
"""


def _kill_mid_rebuild(out: Path, seam: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD, seam, str(out)], env=env,
                          cwd=ROOT, timeout=120, check=False)
    assert done.returncode == -9


def _snapshot(out: Path) -> dict[str, bytes]:
    return {t: table_path(out, t).read_bytes() for t in DERIVED_TABLES}


def test_killed_before_the_commit_point_leaves_the_previous_tables(tmp_path: Path) -> None:
    out = write_tables(tmp_path / "t", ["a" * 16, "b" * 16])
    rebuild(out)
    before = _snapshot(out)
    write_tables(out, ["c" * 16])
    _kill_mid_rebuild(out, "journal")
    assert _snapshot(out) == before
    assert any((out / "people").glob(".*.tmp"))  # staged, never renamed
    assert not recover(out)
    assert not any((out / "people").glob(".*.tmp"))
    assert _snapshot(out) == before


def test_killed_after_the_commit_point_is_finished_by_the_next_open(tmp_path: Path) -> None:
    out = write_tables(tmp_path / "t", ["a" * 16, "b" * 16])
    rebuild(out)
    before = _snapshot(out)
    write_tables(out, ["c" * 16])
    _kill_mid_rebuild(out, "renames")
    assert (out / JOURNAL).exists()
    assert recover(out)
    after = _snapshot(out)
    assert all(after[t] != before[t] for t in ("people", "person_links"))
    ids = {p["person_id"] for p in pq.read_table(table_path(out, "people")).to_pylist()}
    linked = {r["person_id"] for r in pq.read_table(table_path(out, "person_links")).to_pylist()}
    assert linked - {None} <= ids
