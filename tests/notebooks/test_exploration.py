"""The exploration notebook runs top to bottom on tables built from the shared corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import nbformat
import pytest

from tests.pipeline.conftest import require_corpus
from tests.script_modules import load_script

REPO = Path(__file__).resolve().parents[2]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _load_script() -> ModuleType:
    """``scripts/`` is a plain folder: load run_notebook.py as a module."""
    return load_script("run_notebook")


@pytest.fixture(scope="module")
def run_notebook() -> ModuleType:
    return _load_script()


@pytest.fixture(scope="module")
def executed(run_notebook: ModuleType, tmp_path_factory) -> tuple[nbformat.NotebookNode, Path]:
    """The notebook executed (not saved) on the five .txt minutes of the corpus."""
    corpus = require_corpus()
    tables = tmp_path_factory.mktemp("tables")
    assert run_notebook.build_tables(corpus, tables, "*.txt") == []
    return run_notebook.execute(run_notebook.NOTEBOOK, tables), tables


def _outputs(nb: nbformat.NotebookNode) -> list[dict]:
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


def test_no_cell_errored_and_every_cell_ran(executed) -> None:
    nb, _ = executed
    assert not [o for o in _outputs(nb) if o.output_type == "error"]
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))


def test_plots_are_drawn(executed, run_notebook: ModuleType) -> None:
    nb, _ = executed
    attendance = run_notebook.images(nb, "attendance")
    assert len(attendance) == 1 and attendance[0].startswith(PNG_MAGIC)
    # attendance, per speaker, per topic, decisions per meeting, due dates
    assert len(run_notebook.images(nb)) >= 5


def test_rows_are_traced_back_to_their_source_passage(executed) -> None:
    nb, _ = executed
    printed = "".join(o.get("text", "") for o in _outputs(nb) if o.output_type == "stream")
    # file name (never a full path), page and character span of each passage shown
    assert len(re.findall(r"^  \d{3}_[0-9a-f]{16}\.txt, page 1, characters \d+–\d+$",
                          printed, flags=re.MULTILINE)) >= 3


def test_outputs_hold_no_temporary_paths(executed) -> None:
    nb, tables = executed
    dumped = json.dumps(_outputs(nb))
    assert str(tables) not in dumped
    assert str(REPO) not in dumped


def test_committed_notebook_holds_its_outputs(run_notebook: ModuleType) -> None:
    nb = nbformat.read(run_notebook.NOTEBOOK, as_version=4)
    assert len(run_notebook.images(nb)) >= 5, "run `make notebook` and commit the outputs"
    assert run_notebook.images(nb, "attendance")[0] == \
        run_notebook.FIGURES["attendance"].read_bytes()
