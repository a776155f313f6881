"""Which files of a table folder are documents: not the schema file, old or new."""

from __future__ import annotations

from pathlib import Path

from pipeline.batch.table_files import (
    LEGACY_SCHEMA_FILE,
    SCHEMA_FILE,
    document_files,
    is_document_file,
)


def test_document_files_leave_out_schema_hidden_and_other_files(tmp_path: Path) -> None:
    names = ["0123456789abcdef.parquet", "fedcba9876543210.parquet", SCHEMA_FILE,
             LEGACY_SCHEMA_FILE, ".0123456789abcdef.parquet.77.tmp", ".hidden.parquet",
             "_stray.parquet", "notes.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in document_files(tmp_path)] == [
        "0123456789abcdef.parquet", "fedcba9876543210.parquet"]


def test_a_missing_folder_has_no_document_files(tmp_path: Path) -> None:
    assert document_files(tmp_path / "nowhere") == []


def test_the_schema_file_is_read_by_pyarrow_and_never_a_document_key() -> None:
    assert not SCHEMA_FILE.startswith(("_", "."))  # pyarrow and pandas skip those names
    assert not all(c in "0123456789abcdef" for c in Path(SCHEMA_FILE).stem)
    assert not is_document_file(Path(SCHEMA_FILE))
    assert is_document_file(Path("people.parquet"))  # a derived table's one file
