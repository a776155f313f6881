"""Finding a batch's files: names of any bytes stored losslessly, output folders never input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.batch.discover import discover, original_bytes, original_path, stored_path
from pipeline.batch.store import ParquetStore
from tests.pipeline.conftest import MINUTES

LATIN1_NAME = "minutes-été.txt".encode("latin-1")  # as unzipping a Windows archive leaves it


def _write_raw(folder: Path, name: bytes, data: bytes) -> Path:
    """A file whose name is ``name`` as bytes (not necessarily UTF-8)."""
    path = os.fsencode(folder) + b"/" + name
    with open(path, "wb") as fh:
        fh.write(data)
    return Path(os.fsdecode(path))


# -- names of any bytes ------------------------------------------------------------------------

_NAME_BYTES = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b
                                                         and b"\0" not in b)


@given(_NAME_BYTES)
def test_every_name_is_stored_as_utf8_and_comes_back_byte_for_byte(name: bytes) -> None:
    stored = stored_path(os.fsdecode(b"/in/" + name))
    stored.encode("utf-8")  # Parquet and JSON take it: no lone surrogates
    assert original_bytes(stored) == b"/in/" + name
    assert os.fsencode(original_path(stored)) == b"/in/" + name


@given(st.text(alphabet=st.sampled_from("ab\\x9éc"), max_size=12))
def test_backslashes_and_x_never_make_two_names_one(text: str) -> None:
    assert original_bytes(stored_path(text)) == text.encode("utf-8")


@pytest.mark.parametrize("name", ["minutes.txt", "Genève – 3rd meeting (draft).docx",
                                  "a\\b.txt", "100% final.pdf"])
def test_utf8_names_without_an_escape_are_stored_as_they_are(name: str) -> None:
    assert stored_path(name) == name


def test_a_latin1_name_reads_as_an_escape() -> None:
    assert stored_path(os.fsdecode(b"in/" + LATIN1_NAME)) == "in/minutes-\\xe9t\\xe9.txt"
    assert stored_path("in/a\\xe9.txt") == "in/a\\\\xe9.txt"  # a real backslash stays one


def test_a_latin1_name_goes_into_parquet_and_json(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = _write_raw(folder, LATIN1_NAME, MINUTES.encode())
    stored = stored_path(path)
    pa.table({"source_path": [stored]})  # would raise "surrogates not allowed"
    json.dumps({stored: 1}, ensure_ascii=False).encode("utf-8")
    assert original_path(stored).read_bytes() == MINUTES.encode()


# -- output folders are never input --------------------------------------------------------------

def test_the_output_folder_inside_the_input_folder_is_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    out = folder / "processed"
    out.mkdir()
    (out / "anything.parquet").write_bytes(b"PAR1")  # before any marker: skipped as --out
    assert discover(folder, out) == [folder / "minutes.txt"]
    monkeypatch.chdir(tmp_path)
    assert discover("data", "data/processed") == [Path("data/minutes.txt")]
    assert discover(folder, "data/processed/") == [folder / "minutes.txt"]


def test_any_folder_holding_a_store_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "2019").mkdir(parents=True)
    (folder / "2019" / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    with ParquetStore(folder / "2019" / "tables-of-last-year"):
        pass
    assert discover(folder) == [folder / "2019" / "minutes.txt"]


def test_a_folder_named_like_a_store_but_without_its_state_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "processed" / "_state").mkdir(parents=True)
    (folder / "processed" / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    assert discover(folder) == [folder / "processed" / "minutes.txt"]


def test_an_output_folder_outside_the_input_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    assert discover(folder, tmp_path) == [folder / "minutes.txt"]  # --out above the input
