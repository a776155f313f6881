"""Processing one file: records or a specific failure, never an exception."""

from __future__ import annotations

from pathlib import Path

from pipeline.batch.process import process_file


def test_good_file_gives_records(minutes_folder: Path) -> None:
    outcome = process_file(minutes_folder / "good_one.txt")
    assert outcome.ok and outcome.failure is None
    assert outcome.extraction.meeting.doc_id == outcome.doc_id


def test_same_bytes_same_doc_id(minutes_folder: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes((minutes_folder / "good_one.txt").read_bytes())
    assert process_file(copy).doc_id == process_file(minutes_folder / "good_one.txt").doc_id


def test_empty_file_is_a_read_failure(minutes_folder: Path) -> None:
    failure = process_file(minutes_folder / "empty.txt").failure
    assert (failure.stage, failure.error_type) == ("read", "empty_file")


def test_text_renamed_docx_is_a_read_failure(minutes_folder: Path) -> None:
    failure = process_file(minutes_folder / "renamed.docx").failure
    assert failure.stage == "read"
    assert failure.error_type == "not_a_zip"
    assert "zip" in failure.message


def test_unknown_type_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "notes.xyz").write_text("hello")
    assert process_file(tmp_path / "notes.xyz").failure.error_type == "unknown_type"
    assert process_file(tmp_path / "missing.txt").failure.error_type == "unreadable"
