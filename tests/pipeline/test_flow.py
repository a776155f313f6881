"""The ingestion flow under Prefect's test harness."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from prefect.testing.utilities import prefect_test_harness

from pipeline.flows.ingest import ingest_flow


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
