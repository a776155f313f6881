"""``scripts/update_docs.py`` writes the data dictionary and the eval tables into docs/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from models.schemas import data_dictionary
from tests.script_modules import load_script

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def update_docs():  # type: ignore[no-untyped-def]
    return load_script("update_docs")


def _copy_pages(update_docs, root: Path) -> None:  # type: ignore[no-untyped-def]
    for page in (update_docs.TABLES_PAGE, update_docs.EVAL_PAGE):
        (root / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / page, root / page)


def test_the_pages_carry_the_markers_and_the_readme_does_not(update_docs) -> None:  # type: ignore[no-untyped-def]
    for page, name in ((update_docs.TABLES_PAGE, "tables"), (update_docs.EVAL_PAGE, "eval")):
        text = (ROOT / page).read_text("utf-8")
        assert f"<!-- {name}:start -->" in text and f"<!-- {name}:end -->" in text, page
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "<!-- tables:start -->" not in readme and "<!-- eval:start -->" not in readme


def test_a_stale_data_dictionary_is_rewritten(update_docs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _copy_pages(update_docs, tmp_path)
    page = tmp_path / update_docs.TABLES_PAGE
    intro = page.read_text("utf-8").split("<!-- tables:start -->")[0]
    page.write_text(intro + "<!-- tables:start -->\nno-longer-a-column\n<!-- tables:end -->\n"
                    "after\n", "utf-8")
    assert update_docs.main([], root=tmp_path) == 0
    text = page.read_text("utf-8")
    assert data_dictionary() in text and "no-longer-a-column" not in text
    assert text.startswith(intro) and text.endswith("<!-- tables:end -->\nafter\n")
    assert not (tmp_path / "README.md").exists()  # the README is not written


def test_eval_tables_go_into_docs_evaluation(update_docs, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _copy_pages(update_docs, tmp_path)
    monkeypatch.setattr(update_docs, "eval_section", lambda: "| table | F1 |\n|---|---|")
    page = tmp_path / update_docs.EVAL_PAGE
    before = page.read_text("utf-8")
    assert update_docs.main(["--eval"], root=tmp_path) == 0
    text = page.read_text("utf-8")
    assert "<!-- eval:start -->\n| table | F1 |\n|---|---|\n<!-- eval:end -->" in text
    assert text.split("<!-- eval:start -->")[0] == before.split("<!-- eval:start -->")[0]
    assert text.split("<!-- eval:end -->")[1] == before.split("<!-- eval:end -->")[1]


def test_a_page_without_markers_is_refused(update_docs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir()
    (tmp_path / update_docs.TABLES_PAGE).write_text("# Data dictionary\n", "utf-8")
    with pytest.raises(SystemExit, match="no tables markers"):
        update_docs.main([], root=tmp_path)
