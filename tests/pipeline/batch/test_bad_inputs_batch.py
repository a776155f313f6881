"""A batch folder holding every known-bad input plus good files: each bad file becomes its
specific failure row, each good one its records, and nothing is written outside the output
folder or named after an input file.

The batch is run as the flow runs it (discover, the flow's planning step that refuses
symlinks leaving the input folder, ``process_file`` per document, the store), without
starting a Prefect server.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from pipeline.batch.discover import discover
from pipeline.batch.plan import IngestSummary, plan
from pipeline.batch.process import process_file
from pipeline.batch.store import ParquetStore
from tests.extractors.readers.bad_files import (
    BAD_FILES,
    SECRET,
    TEXT,
    external_entity_docx,
    minutes_docx,
)
from tests.pipeline.conftest import snapshot

ODD_NAME = "in_Minutes 3 \"CCM\" 'draft' – Genève, Côte d’Ivoire ü.docx"
# Names the store may write: tables and state, files named by content hash or source hash.
_ALLOWED = re.compile(r"^(?:[0-9a-f]{16}\.parquet|schema\.parquet|manifest\.json|lock)$")


def _tree(root: Path, skip: Path) -> dict[str, int]:
    """Every file under ``root`` but ``skip``, with its size (symlinks not followed)."""
    found = {}
    for dirpath, _, names in os.walk(root):
        if Path(dirpath).is_relative_to(skip):
            continue
        for name in names:
            path = Path(dirpath) / name
            found[str(path)] = path.lstat().st_size
    return found


def _run_batch(folder: Path, out: Path) -> None:
    with ParquetStore(out) as store:
        todo, refused = plan(discover(folder), folder, store, False,
                             IngestSummary(out=str(out)))
        for failure in refused:
            store.write_failure(failure)
        for path in todo:
            outcome = process_file(path)
            if outcome.extraction is not None:
                store.write_document(outcome.extraction)
            else:
                store.write_failure(outcome.failure)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, list]]:
    """The input folder, the output folder and every row of every table after one run."""
    root = tmp_path_factory.mktemp("batch")
    folder, outside, out = root / "input", root / "outside", root / "out"
    folder.mkdir()
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(TEXT + f"\n{SECRET}\n", encoding="utf-8")
    for case in BAD_FILES:
        (folder / f"in_{case.name}").write_bytes(case.build())
    (folder / "in_good.txt").write_text(TEXT, encoding="utf-8")
    (folder / ODD_NAME).write_bytes(minutes_docx())
    (folder / "in_xxe.docx").write_bytes(external_entity_docx(str(secret)))
    (folder / "in_link_outside.txt").symlink_to(secret)
    (folder / "in_link_inside.txt").symlink_to(folder / "in_good.txt")
    (folder / "in_broken_link.txt").symlink_to(folder / "in_missing.txt")
    before = _tree(root, out)
    _run_batch(folder, out)
    assert _tree(root, out) == before, "the batch wrote or changed files outside --out"
    return folder, out, _rows(out)


def _rows(out: Path) -> dict[str, list]:
    """Every table's rows, plus ``ok``: the sources the manifest records as extracted (files
    with the same bytes share one document's rows)."""
    rows = snapshot(out)
    manifest = json.loads((out / "_state" / "manifest.json").read_text("utf-8"))
    rows["ok"] = sorted(s for s, entry in manifest.items() if entry["status"] == "ok")
    return rows


def _failures(rows: dict[str, list]) -> dict[str, tuple[str, str]]:
    return {Path(r["source_path"]).name: (r["error_type"], r["message"])
            for r in rows["failures"]}


def _read(rows: dict[str, list]) -> set[str]:
    return {Path(source).name for source in rows["ok"]}


@pytest.mark.parametrize("case", BAD_FILES, ids=lambda c: c.name)
def test_each_known_bad_file_gets_its_outcome(batch, case) -> None:  # type: ignore[no-untyped-def]
    _, _, rows = batch
    name = f"in_{case.name}"
    if case.error_type is None:
        assert name in _read(rows)
        assert name not in _failures(rows)
    else:
        error_type, message = _failures(rows)[name]
        assert error_type == case.error_type
        assert case.phrase in message
        assert name not in _read(rows)


def test_good_files_and_odd_names_give_records(batch) -> None:  # type: ignore[no-untyped-def]
    folder, _, rows = batch
    assert {"in_good.txt", ODD_NAME, "in_link_inside.txt"} <= _read(rows)
    assert str(folder / ODD_NAME) in {r["source_path"] for r in rows["meetings"]}
    assert len(rows["meetings"]) >= 5  # the text, the Word file and the readable PDFs


def test_symlinks_and_entities_never_reach_outside_files(batch) -> None:  # type: ignore[no-untyped-def]
    _, _, rows = batch
    failures = _failures(rows)
    assert failures["in_link_outside.txt"][0] == "symlink_outside_input"
    assert failures["in_broken_link.txt"][0] == "broken_symlink"
    assert failures["in_xxe.docx"][0] == "unsafe_docx"
    assert SECRET not in repr(rows)


def test_no_unforeseen_errors(batch) -> None:  # type: ignore[no-untyped-def]
    _, _, rows = batch
    assert not [r for r in rows["failures"] if r["error_type"] == "internal_error"]


def test_output_paths_never_derive_from_input_names(batch) -> None:  # type: ignore[no-untyped-def]
    folder, out, _ = batch
    stems = {p.name.split(".")[0] for p in folder.iterdir()} | {"in_", "Genève", "CCM"}
    written = [p.relative_to(out) for p in out.rglob("*") if p.is_file()]
    assert written
    for rel in written:
        assert _ALLOWED.match(rel.name), rel
        assert not any(stem in str(rel) for stem in stems), rel


def test_symlink_loop_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    _run_batch(folder, out)
    rows = _rows(out)
    assert _read(rows) == {"good.txt"}
    assert {n: t for n, (t, _) in _failures(rows).items()} == {"loop_a.txt": "symlink_loop",
                                                              "loop_b.txt": "symlink_loop"}


def test_symlink_to_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    import os

    from pipeline.batch.plan import IngestSummary, plan
    from pipeline.batch.store import ParquetStore

    folder = tmp_path / "input"
    folder.mkdir()
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    (folder / "minutes.txt").symlink_to(fifo)
    with ParquetStore(tmp_path / "out") as store:
        todo, refused = plan([folder / "minutes.txt"], folder, store, False,
                             IngestSummary(out=str(tmp_path / "out")))
    assert not todo
    assert [(f.error_type, f.message) for f in refused] == [
        ("not_a_file", "symbolic link points to something that is not a regular file")]
