"""The Parquet store: atomic commits, replacement, recovery, locking."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from models.records import Attendee, Extraction, Failure, Meeting
from pipeline import store as store_mod
from pipeline.store import ParquetStore, StoreLockedError


def _extraction(doc_id: str, source: str, people: int) -> Extraction:
    meeting = Meeting(doc_id=doc_id, source_path=source, source_format="txt", title="T",
                      pipeline_version="test")
    attendees = [Attendee(doc_id=doc_id, delegation="Chile", delegation_code="CHL",
                          delegation_kind="state", person=f"Person {i}") for i in range(people)]
    return Extraction(meeting=meeting, attendees=attendees)


def _count(out: Path, table: str) -> int:
    glob = str(out / table / "**" / "*.parquet")
    return duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}')").fetchall()[0][0]


def test_write_then_duckdb_reads_every_table(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))
    assert _count(tmp_path, "meetings") == 1
    assert _count(tmp_path, "attendees") == 3
    assert _count(tmp_path, "failures") == 0  # empty but queryable


def test_rewriting_a_document_replaces_its_rows(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))
        store.write_document(_extraction("a" * 16, "x.txt", 2))
    assert _count(tmp_path, "attendees") == 2


def test_changed_content_at_same_path_replaces_old_document(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))
        store.write_document(_extraction("b" * 16, "x.txt", 1))
    assert _count(tmp_path, "meetings") == 1
    assert _count(tmp_path, "attendees") == 1
    assert not (tmp_path / "meetings" / f"{'a' * 16}.parquet").exists()


def test_success_clears_an_earlier_failure_of_the_same_path(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_failure(Failure("x.txt", "read", "empty_file", "file is empty", None, "t"))
        assert _count(tmp_path, "failures") == 1
        store.write_document(_extraction("a" * 16, "x.txt", 1))
    assert _count(tmp_path, "failures") == 0


def test_crash_before_journal_leaves_tables_as_before(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))

    def die(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt("killed")

    with ParquetStore(tmp_path) as store:
        monkeypatch.setattr(store_mod, "_write_atomic_bytes", die)
        with pytest.raises(KeyboardInterrupt):
            store.write_document(_extraction("a" * 16, "x.txt", 5))
    monkeypatch.undo()
    assert list(tmp_path.glob("*/.*.tmp"))  # staged files were left behind by the "crash"
    with ParquetStore(tmp_path):
        pass
    assert not list(tmp_path.glob("*/.*.tmp"))
    assert _count(tmp_path, "attendees") == 3


def test_crash_after_journal_is_rolled_forward(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))

    def die(self: ParquetStore, *args: object) -> None:
        raise KeyboardInterrupt("killed")

    with ParquetStore(tmp_path) as store:
        monkeypatch.setattr(ParquetStore, "_apply", die)
        with pytest.raises(KeyboardInterrupt):
            store.write_document(_extraction("a" * 16, "x.txt", 5))
    monkeypatch.undo()
    assert _count(tmp_path, "attendees") == 3  # not yet applied
    with ParquetStore(tmp_path) as store:
        assert store.manifest["x.txt"]["doc_id"] == "a" * 16
    assert _count(tmp_path, "attendees") == 5


def test_second_writer_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with ParquetStore(tmp_path), pytest.raises(StoreLockedError, match="another run"):
        ParquetStore(tmp_path).open()


def test_output_names_do_not_derive_from_input_names(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_failure(Failure("../../etc/passwd", "read", "x", "y", None, "t"))
    names = [p.name for p in (tmp_path / "failures").glob("*.parquet")]
    assert all("passwd" not in n for n in names)


def test_half_written_manifest_and_journal_files_are_removed(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))
    manifest_before = (tmp_path / "_state" / "manifest.json").read_text("utf-8")
    leftovers = [tmp_path / "_state" / ".manifest.json.123.tmp",  # killed mid-write
                 tmp_path / "_state" / "journal" / ".doc-x.json.123.tmp"]
    for path in leftovers:
        path.write_text('{"half', encoding="utf-8")
    with ParquetStore(tmp_path):
        pass
    assert not [p for p in leftovers if p.exists()]
    assert (tmp_path / "_state" / "manifest.json").read_text("utf-8") == manifest_before
    assert _count(tmp_path, "attendees") == 3


def test_schema_files_follow_the_current_schema(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from models.schemas import schema_for

    with ParquetStore(tmp_path):
        pass
    path = tmp_path / "meetings" / "_schema.parquet"
    old = pa.schema([pa.field("doc_id", pa.string())], metadata={"schema_version": "0"})
    pq.write_table(old.empty_table(), path)  # left by an older pipeline
    with ParquetStore(tmp_path):
        pass
    assert pq.read_schema(path).equals(schema_for("meetings"), check_metadata=True)
