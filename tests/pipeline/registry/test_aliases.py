"""``people_aliases.tsv``: an analyst merges, splits and renames; the rebuild applies it."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.registry.aliases import ALIAS_FILE, AliasFileError
from pipeline.registry.paths import table_path
from pipeline.registry.rebuild import rebuild


def _ids(out: Path) -> dict[str, str]:
    rows = pq.read_table(table_path(out, "people")).to_pylist()
    return {variant: p["person_id"] for p in rows for variant in p["variants"]}


def _aliases(out: Path, *lines: str) -> None:
    (out / ALIAS_FILE).write_text("# action\tperson\tother\n" + "\n".join(lines) + "\n",
                                  encoding="utf-8")


def test_merge_two_people(tables: Path) -> None:
    rebuild(tables)
    assert _ids(tables)["H. Dufresne-Laval"] != _ids(tables)["Hélène Dufresne"]
    _aliases(tables, "merge\tH. Dufresne-Laval\thelene dufresne")
    summary = rebuild(tables)
    ids = _ids(tables)
    assert ids["H. Dufresne-Laval"] == ids["Hélène Dufresne"] == ids["Helene Dufresne"]
    assert summary.warnings == []
    person = next(p for p in pq.read_table(table_path(tables, "people")).to_pylist()
                  if p["person_id"] == ids["Hélène Dufresne"])
    assert f"merged by {ALIAS_FILE} line 2" in person["merge_reason"]


def test_split_one_name_off_and_set_the_display_name(tables: Path) -> None:
    rebuild(tables)
    assert _ids(tables)["Lucía Ferreira"] == _ids(tables)["Ana Lucía Ferreira Duarte"]
    _aliases(tables, "split\tLucía Ferreira\tURY",
             "display\tTomas Ekdahl\tTomas Ragnar Ekdahl")
    assert main(["people", "--out", str(tables), "--rebuild", "Ekdahl"]) == 0
    ids = _ids(tables)
    assert ids["Lucía Ferreira"] != ids["Ana Lucía Ferreira Duarte"]
    people = {p["person_id"]: p for p in pq.read_table(table_path(tables, "people")).to_pylist()}
    assert people[ids["Tomas Ekdahl"]]["display_name"] == "Tomas Ragnar Ekdahl"
    assert "split off" in people[ids["Lucía Ferreira"]]["merge_reason"]


def test_a_bad_line_is_refused_with_its_line_number(tables: Path, capsys) -> None:
    _aliases(tables, "join\tA\tB")
    with pytest.raises(AliasFileError, match="line 2"):
        rebuild(tables)
    assert main(["people", "--out", str(tables), "--rebuild"]) == 2
    assert "line 2" in capsys.readouterr().err


def test_a_name_that_matches_nobody_is_a_warning(tables: Path) -> None:
    _aliases(tables, "merge\tNobody Known\tChidi Okafor")
    assert rebuild(tables).warnings == [f"{ALIAS_FILE} line 2: nothing to merge for "
                                        "'Nobody Known'"]


def test_an_edited_alias_file_makes_the_people_stale(tables: Path) -> None:
    import os

    from pipeline.registry.paths import is_stale
    from pipeline.registry.rebuild import rebuild_if_stale

    assert is_stale(tables)  # never built
    rebuild(tables)
    assert not is_stale(tables)
    assert rebuild_if_stale(tables) is None
    _aliases(tables, "display\tChidi Okafor\tChidi E. Okafor")
    built = table_path(tables, "people").stat().st_mtime
    os.utime(tables / ALIAS_FILE, (built + 5, built + 5))
    assert is_stale(tables)
    assert rebuild_if_stale(tables) is not None
    names = {p["display_name"] for p in pq.read_table(table_path(tables, "people")).to_pylist()}
    assert "Chidi E. Okafor" in names
