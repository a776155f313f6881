"""The ingestion flow under Prefect's test harness."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from prefect.testing.utilities import prefect_test_harness

from pipeline.analyst.query import connect
from pipeline.batch.flows.ingest import ingest_flow
from pipeline.batch.plan import nothing_to_do
from tests.pipeline.conftest import snapshot


@pytest.fixture(scope="module", autouse=True)
def prefect_harness() -> Iterator[None]:
    with prefect_test_harness(server_startup_timeout=120):
        yield


def _rows(out: Path, table: str) -> int:
    glob = str(out / table / "*.parquet")
    return duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}')").fetchall()[0][0]


def test_flow_writes_tables_and_isolates_failures(minutes_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = ingest_flow(folder=str(minutes_folder), out=str(out))
    assert summary["files"] == 4
    assert summary["written"] == 2
    assert summary["failed"] == 2
    assert {f["error_type"] for f in summary["failures"]} == {"empty_file", "not_a_zip"}
    assert _rows(out, "meetings") == 2
    assert _rows(out, "failures") == 2
    assert summary["people_s"] > 0  # the derived tables' time, apart from the documents'
    assert (out / "people").is_dir()


def test_rerun_skips_unchanged_and_replaces_changed(minutes_folder: Path,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "out"
    ingest_flow(folder=str(minutes_folder), out=str(out))
    before = _rows(out, "meetings")
    again = ingest_flow(folder=str(minutes_folder), out=str(out))
    assert again["unchanged"] == 4 and again["written"] == 0
    changed = minutes_folder / "good_one.txt"
    changed.write_text(changed.read_text() + "\nThe meeting closed at noon.\n")
    third = ingest_flow(folder=str(minutes_folder), out=str(out))
    assert third["changed"] == 1 and third["written"] == 1
    assert _rows(out, "meetings") == before  # replaced, not duplicated


def test_forced_reingest_does_not_duplicate(minutes_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ingest_flow(folder=str(minutes_folder), out=str(out))
    counts = {t: _rows(out, t) for t in ("meetings", "attendees", "dates", "failures")}
    ingest_flow(folder=str(minutes_folder), out=str(out), force=True)
    assert {t: _rows(out, t) for t in counts} == counts


def test_symlink_outside_the_folder_is_refused(minutes_folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("outside")
    (minutes_folder / "link.txt").symlink_to(secret)
    summary = ingest_flow(folder=str(minutes_folder), out=str(tmp_path / "out"))
    kinds = {f["source_path"].rsplit("/", 1)[-1]: f["error_type"] for f in summary["failures"]}
    assert kinds["link.txt"] == "symlink_outside_input"


def _doc_of(out: Path, name: str) -> str:
    rows = duckdb.sql(f"SELECT doc_id, source_path FROM read_parquet('{out}/meetings/*.parquet')"
                      ).fetchall()
    return next(doc for doc, source in rows if source and Path(source).name == name)


def test_one_meeting_in_three_formats_counts_once(copies_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = ingest_flow(folder=str(copies_folder), out=str(out))
    assert summary["written"] == 4 and summary["duplicates"] == 2
    kept = _doc_of(out, "third.txt")
    marks = dict(duckdb.sql(f"SELECT doc_id, duplicate_of FROM "
                            f"read_parquet('{out}/meetings/*.parquet')").fetchall())
    assert marks == {kept: None, _doc_of(out, "third.docx"): kept,
                     _doc_of(out, "third.pdf"): kept, _doc_of(out, "fourth.txt"): None}
    con = connect(out)
    assert con.sql("SELECT count(*) FROM meetings").fetchall()[0][0] == 2
    assert con.sql("SELECT count(*) FROM meetings_all").fetchall()[0][0] == 4
    per_meeting = con.sql("SELECT count(*) FROM attendees GROUP BY doc_id").fetchall()
    assert len(per_meeting) == 2 and _rows(out, "attendees") == 2 * sum(n for (n,) in per_meeting)

    (copies_folder / "third.txt").unlink()  # the kept copy goes: the .docx stands instead
    again = ingest_flow(folder=str(copies_folder), out=str(out), prune=True)
    assert again["pruned"] == 1 and again["written"] == 0 and again["duplicates"] == 1
    assert connect(out).sql("SELECT count(*) FROM meetings").fetchall()[0][0] == 2
    assert _doc_of(out, "third.docx") in {d for (d,) in connect(out).sql(
        "SELECT doc_id FROM meetings").fetchall()}


def test_prune_removes_exactly_the_rows_of_removed_files(minutes_folder: Path,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "out"
    ingest_flow(folder=str(minutes_folder), out=str(out))
    before = snapshot(out)
    gone = _doc_of(out, "good_two.md")
    (minutes_folder / "good_two.md").unlink()
    (minutes_folder / "empty.txt").unlink()

    kept = ingest_flow(folder=str(minutes_folder), out=str(out))
    assert kept["missing"] == 2 and kept["pruned"] == 0 and snapshot(out) == before
    pruned = ingest_flow(folder=str(minutes_folder), out=str(out), prune=True)
    assert pruned["pruned"] == 2 and pruned["missing"] == 0 and pruned["written"] == 0
    after = snapshot(out)
    for table, rows in before.items():
        expected = [r for r in rows if r.get("doc_id") != gone
                    and not str(r.get("source_path", "")).endswith("empty.txt")]
        assert after[table] == expected, table
    assert ingest_flow(folder=str(minutes_folder), out=str(out), prune=True)["pruned"] == 0


def test_relative_and_absolute_spellings_are_one_folder(minutes_folder: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(minutes_folder.parent)
    first = ingest_flow(folder=minutes_folder.name, out="out")  # as `make run` does
    assert first["new"] == 4
    idle = nothing_to_do(str(minutes_folder), str(tmp_path / "out"))
    assert idle is not None and idle.unchanged == 4
    again = ingest_flow(folder=str(minutes_folder), out=str(tmp_path / "out"))
    assert again["unchanged"] == 4 and again["new"] == again["written"] == 0
    manifest = json.loads((tmp_path / "out" / "_state" / "manifest.json").read_text())
    assert sorted(manifest) == sorted(str(p.resolve()) for p in minutes_folder.iterdir())
