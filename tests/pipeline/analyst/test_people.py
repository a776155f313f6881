"""``minutes people [NAME]``: a person's attendance and turns across meetings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.pipeline.registry.conftest import MEETINGS, write_tables


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = write_tables(tmp_path / "tables", sorted(MEETINGS))
    assert main(["people", "--out", str(folder), "--rebuild"]) == 0
    return folder


def test_any_spelling_finds_the_person_and_their_history(out: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["people", "--out", str(out), "--json", "helene"]) == 0
    (person,) = json.loads(capsys.readouterr().out)
    assert person["display_name"] == "Hélène Dufresne"
    assert sorted(person["variants"]) == ["Helene Dufresne", "Hélène Dufresne"]
    assert [a["meeting_date"] for a in person["attendance"]] == ["2021-03-10", "2022-04-12"]


def test_turns_per_meeting_and_the_table_of_everyone(out: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["people", "--out", str(out), "--json", "Okafor"]) == 0
    (person,) = json.loads(capsys.readouterr().out)
    assert [a["turns"] for a in person["attendance"]] == [1, 0]
    assert main(["people", "--out", str(out), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 11


def test_nobody_and_no_table(out: Path, tmp_path: Path, capsys) -> None:
    assert main(["people", "--out", str(out), "Nobody"]) == 1
    assert "nobody named" in capsys.readouterr().err
    bare = write_tables(tmp_path / "bare", ["a" * 16])
    assert main(["people", "--out", str(bare)]) == 2
    assert "--rebuild" in capsys.readouterr().err
