"""Planning a batch without Prefect: new, changed and unchanged files, and the no-op rerun."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pipeline.batch.plan import nothing_to_do
from pipeline.batch.process import process_file
from pipeline.batch.store import ParquetStore
from tests.pipeline.conftest import MINUTES


def _ingest_without_prefect(folder: Path, out: Path) -> None:
    with ParquetStore(out) as store:
        for path in sorted(folder.iterdir()):
            outcome = process_file(path)
            if outcome.extraction is not None:
                store.write_document(outcome.extraction)
            else:
                assert outcome.failure is not None
                store.write_failure(outcome.failure)


def test_nothing_to_do_only_when_every_file_is_current(minutes_folder: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert nothing_to_do(str(minutes_folder), str(out)) is None  # never ingested
    _ingest_without_prefect(minutes_folder, out)
    idle = nothing_to_do(str(minutes_folder), str(out))
    assert idle is not None and idle.unchanged == 4 and not idle.flow_run

    (minutes_folder / "new.txt").write_text(MINUTES.replace("3rd", "9th"), encoding="utf-8")
    assert nothing_to_do(str(minutes_folder), str(out)) is None
    (minutes_folder / "new.txt").unlink()

    changed = minutes_folder / "good_one.txt"
    changed.write_text(changed.read_text() + "\nClosing.\n", encoding="utf-8")
    assert nothing_to_do(str(minutes_folder), str(out)) is None


def test_pending_commit_means_work(minutes_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _ingest_without_prefect(minutes_folder, out)
    (out / "_state" / "journal" / "interrupted.json").write_text("{}", encoding="utf-8")
    assert nothing_to_do(str(minutes_folder), str(out)) is None


def test_unchanged_rerun_does_not_import_prefect(minutes_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _ingest_without_prefect(minutes_folder, out)
    code = ("import sys, json; from pipeline.cli import main; "
            f"rc = main(['ingest', {str(minutes_folder)!r}, '--out', {str(out)!r}, '--json']); "
            "print(json.dumps({'rc': rc, 'prefect': 'prefect' in sys.modules}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, timeout=120)
    lines = result.stdout.strip().splitlines()
    summary = json.loads("\n".join(lines[:-1]))
    assert summary["unchanged"] == 4 and summary["flow_run"] is False
    assert json.loads(lines[-1]) == {"rc": 0, "prefect": False}


def test_a_new_pipeline_version_re_extracts_everything(minutes_folder: Path, tmp_path: Path,
                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pipeline.batch.plan
    from pipeline.batch.discover import discover
    from pipeline.batch.plan import IngestSummary, plan

    out = tmp_path / "out"
    _ingest_without_prefect(minutes_folder, out)
    assert nothing_to_do(str(minutes_folder), str(out)) is not None
    monkeypatch.setattr(pipeline.batch.plan, "PIPELINE_VERSION", "999.0.0")
    assert nothing_to_do(str(minutes_folder), str(out)) is None
    summary = IngestSummary(out=str(out))
    with ParquetStore(out) as store:
        todo, refused = plan(discover(minutes_folder), minutes_folder, store, False, summary)
    assert len(todo) == 4 and not refused and summary.unchanged == 0
    assert (summary.new, summary.changed) == (0, 4)
