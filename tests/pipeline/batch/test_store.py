"""The Parquet store: atomic commits, replacement, recovery, locking."""

from __future__ import annotations

import itertools
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from models.records import DERIVED_TABLES, TABLES, Attendee, Extraction, Failure, Meeting
from models.schemas import schema_for
from pipeline.batch import store as store_mod
from pipeline.batch.identity import TextPrint, text_print
from pipeline.batch.store import ParquetStore, StoreLockedError
from pipeline.batch.table_files import LEGACY_SCHEMA_FILE, SCHEMA_FILE, document_files
from tests.pipeline.conftest import MINUTES, snapshot


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


# -- the table folders, read by pandas, pyarrow and DuckDB ------------------------------------

def test_schema_files_follow_the_current_schema(tmp_path: Path) -> None:
    with ParquetStore(tmp_path):
        pass
    path = tmp_path / "meetings" / SCHEMA_FILE
    old = pa.schema([pa.field("doc_id", pa.string())], metadata={"schema_version": "0"})
    pq.write_table(old.empty_table(), path)  # left by an older pipeline
    with ParquetStore(tmp_path):
        pass
    assert pq.read_schema(path).equals(schema_for("meetings"), check_metadata=True)


def _read_three_ways(folder: Path) -> dict[str, tuple[int, list[str]]]:
    """(rows, column names) of a table folder as pandas, pyarrow and DuckDB read it."""
    frame = pd.read_parquet(folder)
    arrow = pq.read_table(folder)
    relation = duckdb.sql(f"SELECT * FROM read_parquet('{folder / '*.parquet'}')")
    return {"pandas": (len(frame), list(frame.columns)),
            "pyarrow": (arrow.num_rows, arrow.schema.names),
            "duckdb": (len(relation.fetchall()), relation.columns)}


def test_empty_table_folders_read_with_their_columns(tmp_path: Path) -> None:
    """Document tables by their schema file; the derived tables (one file each, written
    whole by ``pipeline.registry``) by their own file, zero rows or more."""
    from pipeline.registry.rebuild import rebuild

    with ParquetStore(tmp_path):
        rebuild(tmp_path)
    for table in [*TABLES, *DERIVED_TABLES]:
        names = schema_for(table).names
        assert _read_three_ways(tmp_path / table) == {
            "pandas": (0, names), "pyarrow": (0, names), "duckdb": (0, names)}, table


def test_a_document_reads_once_beside_the_schema_file(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))
        store.write_failure(Failure("y.txt", "read", "empty_file", "empty", None, "t"))
    assert len(document_files(tmp_path / "attendees")) == 1
    for table in TABLES:
        names = schema_for(table).names
        files = document_files(tmp_path / table)
        rows = sum(pq.read_metadata(f).num_rows for f in files)
        assert _read_three_ways(tmp_path / table) == {
            "pandas": (rows, names), "pyarrow": (rows, names), "duckdb": (rows, names)}, table
        assert pq.read_table(tmp_path / table).to_pylist() == [
            row for f in files for row in pq.read_table(f).to_pylist()], table
    assert _count(tmp_path, "attendees") == 3 and _count(tmp_path, "failures") == 1


def _old_layout(out: Path) -> dict[str, list[dict]]:
    """A store as older pipelines left it: ``_schema.parquet`` in every table folder (the
    meetings one of an older schema); returns its rows."""
    with ParquetStore(out) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))
    for table in TABLES:
        (out / table / SCHEMA_FILE).rename(out / table / LEGACY_SCHEMA_FILE)
    old = pa.schema([pa.field("doc_id", pa.string())], metadata={"schema_version": "0"})
    pq.write_table(old.empty_table(), out / "meetings" / LEGACY_SCHEMA_FILE)
    return snapshot(out)


def test_an_old_schema_file_is_replaced_when_the_store_opens(tmp_path: Path) -> None:
    rows = _old_layout(tmp_path)
    assert ParquetStore(tmp_path).read_table("attendees").num_rows == 3  # readable as it is
    with ParquetStore(tmp_path) as store:
        assert list(store.manifest_from_tables()) == ["x.txt"]
    for table in TABLES:
        folder = tmp_path / table
        assert not (folder / LEGACY_SCHEMA_FILE).exists(), table
        assert pq.read_schema(folder / SCHEMA_FILE).equals(schema_for(table),
                                                           check_metadata=True), table
        assert not list(folder.glob(".*")), table  # nothing staged is left behind
    assert snapshot(tmp_path) == rows
    assert _read_three_ways(tmp_path / "failures") == {
        way: (0, schema_for("failures").names) for way in ("pandas", "pyarrow", "duckdb")}


def test_a_schema_file_left_by_a_killed_migration_goes_on_the_next_open(tmp_path: Path) -> None:
    _old_layout(tmp_path)
    for table in TABLES:  # killed after the new file was renamed in, before the old went
        pq.write_table(schema_for(table).empty_table(), tmp_path / table / SCHEMA_FILE)
    assert ParquetStore(tmp_path).read_table("meetings").num_rows == 1
    with ParquetStore(tmp_path):
        pass
    assert not list(tmp_path.glob(f"*/{LEGACY_SCHEMA_FILE}"))


def test_every_reader_counts_document_files_only(tmp_path: Path) -> None:
    """``minutes query``, ``minutes export``, ``tables.load``, the people rebuild and the
    manifest rebuilt from the tables see one document, not its schema files."""
    from pipeline import tables
    from pipeline.analyst.query import connect
    from pipeline.cli import main
    from pipeline.registry.rebuild import rebuild

    with ParquetStore(tmp_path) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))
        assert list(store.manifest_from_tables()) == ["x.txt"]
        summary = rebuild(tmp_path)
    assert (summary.links, summary.delegations) == (3, 1)
    counts = {"meetings": 1, "attendees": 3, "failures": 0, "person_links": 3}
    con = connect(tmp_path)
    for table, n in counts.items():
        assert con.sql(f"SELECT count(*) FROM {table}").fetchall() == [(n,)], table
        assert len(tables.load(table, root=tmp_path)) == n, table
    assert main(["export", "--to", "csv", "--tables", str(tmp_path), str(tmp_path / "csv")]) == 0
    for table, n in counts.items():
        assert len(pd.read_csv(tmp_path / "csv" / f"{table}.csv")) == n, table
    for table in DERIVED_TABLES:  # one file each, zero rows or more: columns either way
        assert list(pd.read_parquet(tmp_path / table).columns) == schema_for(table).names


# -- copies of one meeting, and pruning ---------------------------------------------------

def _copy(doc_id: str, source: str, fmt: str, people: int = 2) -> tuple[Extraction, TextPrint]:
    extraction = _extraction(doc_id, source, people)
    extraction.meeting.source_format = fmt
    return extraction, text_print(MINUTES)


def _marks(out: Path) -> dict[str, str | None]:
    return {r["doc_id"]: r["duplicate_of"]
            for r in ParquetStore(out).read_table("meetings").to_pylist()}


def test_copies_are_marked_the_same_whatever_the_order(tmp_path: Path) -> None:
    copies = [("t" * 16, "m.txt", "txt"), ("d" * 16, "m.docx", "docx"), ("p" * 16, "m.pdf", "pdf")]
    expected = {"t" * 16: None, "d" * 16: "t" * 16, "p" * 16: "t" * 16}
    for n, order in enumerate(itertools.permutations(copies)):
        out = tmp_path / f"o{n}"
        with ParquetStore(out) as store:
            for doc_id, source, fmt in order:
                store.write_document(*_copy(doc_id, source, fmt))
            assert {e["doc_id"]: e["duplicate_of"] for e in store.manifest.values()} == expected
        assert _marks(out) == expected


def test_removing_the_kept_copy_promotes_the_next(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        for doc_id, source, fmt in [("t" * 16, "m.txt", "txt"), ("d" * 16, "m.docx", "docx"),
                                    ("p" * 16, "m.pdf", "pdf")]:
            store.write_document(*_copy(doc_id, source, fmt))
        assert store.prune(["m.txt", "not-known.txt"]) == 1
    assert _marks(tmp_path) == {"d" * 16: None, "p" * 16: "d" * 16}
    assert _count(tmp_path, "attendees") == 4


def test_a_document_written_without_its_text_print_is_never_a_copy(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(*_copy("t" * 16, "m.txt", "txt"))
        store.write_document(_copy("d" * 16, "m.docx", "docx")[0])
    assert _marks(tmp_path) == {"t" * 16: None, "d" * 16: None}


def test_prune_keeps_a_document_another_path_still_points_to(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(_extraction("a" * 16, "x.txt", 3))
        store.write_document(_extraction("a" * 16, "copy-of-x.txt", 3))
        store.write_failure(Failure("bad.txt", "read", "empty_file", "empty", None, "t"))
        assert store.prune(["x.txt", "bad.txt"]) == 2
        assert set(store.manifest) == {"copy-of-x.txt"}
    assert _count(tmp_path, "attendees") == 3
    assert _count(tmp_path, "failures") == 0


PRUNE_AND_DIE = """
import os, signal, sys
from pathlib import Path
from pipeline.batch import store as store_mod
from pipeline.batch.store import ParquetStore

where, out = sys.argv[1], Path(sys.argv[2])
die = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
if where == "before-journal":
    store_mod._write_atomic_bytes = die
elif where == "after-journal":
    ParquetStore._apply = die
else:  # part-way through applying: after the first file is deleted
    unlink = Path.unlink
    def unlink_then_die(self, *a, **k):
        unlink(self, *a, **k)
        die()
    Path.unlink = unlink_then_die
with ParquetStore(out) as store:
    store.prune(["m.txt", "x.txt", "bad.txt"])
"""


@pytest.mark.parametrize("where", ["before-journal", "after-journal", "while-applying"])
def test_prune_killed_with_sigkill_is_all_or_nothing(tmp_path: Path, where: str) -> None:
    out = tmp_path / "out"
    with ParquetStore(out) as store:
        for doc_id, source, fmt in [("t" * 16, "m.txt", "txt"), ("d" * 16, "m.docx", "docx"),
                                    ("p" * 16, "m.pdf", "pdf")]:
            store.write_document(*_copy(doc_id, source, fmt))
        store.write_document(_extraction("x" * 16, "x.txt", 3))
        store.write_document(_extraction("y" * 16, "y.txt", 1))
        store.write_failure(Failure("bad.txt", "read", "empty_file", "empty", None, "t"))
    before = snapshot(out)
    expected_out = tmp_path / "expected"
    shutil.copytree(out, expected_out)
    with ParquetStore(expected_out) as store:
        store.prune(["m.txt", "x.txt", "bad.txt"])
    expected = snapshot(expected_out)

    result = subprocess.run([sys.executable, "-c", PRUNE_AND_DIE, where, str(out)],
                            timeout=120)
    assert result.returncode == -signal.SIGKILL
    with ParquetStore(out):  # opening recovers: roll forward or discard
        pass
    assert snapshot(out) == (before if where == "before-journal" else expected)
    assert not list(out.rglob(".*.tmp")) and not list((out / "_state" / "journal").iterdir())
    if where != "before-journal":
        assert _marks(out)["d" * 16] is None  # the .docx copy now stands for the meeting


def test_relative_keys_of_older_tables_become_absolute(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    with ParquetStore(out) as store:  # as pipeline 0.2 recorded `minutes ingest in`
        store.write_document(_extraction("a" * 16, "in/x.txt", 3))
        store.write_failure(Failure("in/bad.txt", "read", "empty_file", "empty", None, "t"))
        store.write_document(_extraction("b" * 16, str(tmp_path / "in" / "y.txt"), 1))
        assert store.absolute_keys(tmp_path) == 2
        assert store.absolute_keys(tmp_path) == 0
        assert sorted(store.manifest) == [str(tmp_path / "in" / n)
                                          for n in ("bad.txt", "x.txt", "y.txt")]
        assert store.manifest[str(tmp_path / "in" / "x.txt")]["doc_id"] == "a" * 16
    assert _count(out, "attendees") == 4 and _count(out, "failures") == 0


# -- one content under several names ---------------------------------------------------------

def _claims(out: Path) -> list[tuple[str, str, str | None]]:
    """(source_path, doc_id, duplicate_of) of every meetings row, sorted."""
    rows = ParquetStore(out).read_table("meetings").to_pylist()
    return sorted((r["source_path"], r["doc_id"], r["duplicate_of"]) for r in rows)


@pytest.mark.parametrize("order", [("a.txt", "b.txt"), ("b.txt", "a.txt")])
def test_identical_files_each_get_a_row_or_the_copy_mark(tmp_path: Path,
                                                         order: tuple[str, str]) -> None:
    same = "s" * 16
    with ParquetStore(tmp_path) as store:
        for source in order:
            store.write_document(*_copy(same, source, "txt"))
    # the first name in (format, path) order stands for the content; the other is marked
    # as a copy of that same document (duplicate_of = its own doc_id)
    assert _claims(tmp_path) == [("a.txt", same, None), ("b.txt", same, same)]
    assert _count(tmp_path, "attendees") == 2  # the records are not doubled


def test_editing_one_of_two_identical_files_leaves_one_row_per_name(tmp_path: Path) -> None:
    same, edited = "s" * 16, "e" * 16
    with ParquetStore(tmp_path) as store:
        store.write_document(_copy(same, "a.txt", "txt")[0])
        store.write_document(_copy(same, "b.txt", "txt")[0])
        store.write_document(_copy(edited, "b.txt", "txt", people=1)[0])
    assert _claims(tmp_path) == [("a.txt", same, None), ("b.txt", edited, None)]
    with ParquetStore(tmp_path) as store:
        store.write_document(_copy(same, "b.txt", "txt")[0])  # edited back
        assert store.prune(["a.txt"]) == 1
    assert _claims(tmp_path) == [("b.txt", same, None)]
    assert _count(tmp_path, "attendees") == 2


def test_copies_of_a_copy_follow_the_kept_document(tmp_path: Path) -> None:
    with ParquetStore(tmp_path) as store:
        store.write_document(*_copy("d" * 16, "m.docx", "docx"))
        store.write_document(*_copy("d" * 16, "again.docx", "docx"))
        store.write_document(*_copy("t" * 16, "m.txt", "txt"))
    # both names of the Word file's bytes are copies of the text file's meeting
    assert _claims(tmp_path) == [("again.docx", "d" * 16, "t" * 16),
                                 ("m.docx", "d" * 16, "t" * 16), ("m.txt", "t" * 16, None)]
