"""Processing one file: records or a specific failure, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch.process import (
    Outcome,
    ReadDocument,
    extract_read,
    process_file,
    read_file,
)


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


def test_read_step_then_extract_step_is_process_file(minutes_folder: Path) -> None:
    path = minutes_folder / "good_one.txt"
    read = read_file(path)
    assert isinstance(read, ReadDocument)
    whole = process_file(path)
    assert read.doc_id == whole.doc_id and set(read.timings) == {"read"}
    outcome = extract_read(read)
    assert outcome.extraction == whole.extraction and outcome.text == whole.text
    assert set(outcome.timings) == {"read", "nlp", "rules"}


def test_a_bad_file_stops_at_the_read_step(minutes_folder: Path) -> None:
    for name in ("empty.txt", "renamed.docx"):
        read = read_file(minutes_folder / name)
        assert isinstance(read, Outcome) and read.failure is not None
        assert read.failure == process_file(minutes_folder / name).failure


def test_an_error_in_the_extract_step_is_an_internal_error_at_extract(
        minutes_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extractors.extract

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("no rule foresaw this")

    monkeypatch.setattr(extractors.extract, "extract", broken)
    read = read_file(minutes_folder / "good_one.txt")
    assert isinstance(read, ReadDocument)
    failure = extract_read(read).failure
    assert failure is not None and (failure.stage, failure.error_type) == ("extract",
                                                                           "internal_error")
    assert failure.message.startswith("ValueError: no rule foresaw this (at ")
    assert failure.doc_id == read.doc_id
