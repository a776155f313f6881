"""A run killed with SIGKILL mid-batch leaves whole documents only; a rerun converges."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch.store import DOC_TABLES, ParquetStore
from pipeline.batch.table_files import document_files
from tests.pipeline.conftest import MINUTES, snapshot

pytestmark = pytest.mark.slow
MINUTES_BIN = Path(sys.executable).parent / "minutes"


def _folder(root: Path, n: int) -> Path:
    folder = root / "in"
    folder.mkdir()
    for i in range(n):
        text = MINUTES.replace("14 May 2019", f"{i + 1} May 2019") + f"\nDocument {i}.\n"
        (folder / f"minutes_{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _ingest(folder: Path, out: Path, **popen: object) -> subprocess.Popen:
    env = dict(os.environ, PREFECT_HOME=str(out.parent / f"prefect-{out.name}"))
    return subprocess.Popen([str(MINUTES_BIN), "ingest", str(folder), "--out", str(out),
                             "--workers", "1"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True, **popen)


def _committed(out: Path) -> list[Path]:
    return document_files(out / "meetings")



def test_sigkill_mid_batch_then_rerun_equals_uninterrupted_run(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 8)
    killed_out = tmp_path / "killed"
    proc = _ingest(folder, killed_out)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not (killed_out.exists() and _committed(killed_out)):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(_committed(killed_out))
    assert 0 < done < 8, f"kill landed outside the batch ({done} documents committed)"

    with ParquetStore(killed_out) as store:  # opening recovers: roll forward or discard
        doc_ids = {e["doc_id"] for e in store.manifest.values()}
    for table in DOC_TABLES:  # every committed document has every table, nothing else
        present = {p.stem for p in document_files(killed_out / table)}
        assert present == doc_ids, table
    assert not list(killed_out.rglob(".*.tmp"))

    assert _ingest(folder, killed_out).wait(timeout=300) == 0
    clean_out = tmp_path / "clean"
    assert _ingest(folder, clean_out).wait(timeout=300) == 0
    assert snapshot(killed_out) == snapshot(clean_out)
