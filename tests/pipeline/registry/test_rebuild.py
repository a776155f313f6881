"""``people``: one stable id per person across meetings, variants merged, others kept apart."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from pipeline.analyst.query import connect
from pipeline.registry.paths import table_path
from pipeline.registry.rebuild import rebuild
from tests.pipeline.registry.conftest import MEETINGS, write_tables


def _people(out: Path) -> list[dict]:
    return pq.read_table(table_path(out, "people")).to_pylist()


def _id_of(out: Path) -> dict[tuple[str, str], str]:
    """(name as written, delegation) -> person_id, from the attendees view."""
    con = connect(out)
    return {(p, c): pid for p, c, pid in con.sql(
        "SELECT person, delegation_code, person_id FROM attendees").fetchall()}


def test_variant_pairs_are_one_person_and_namesakes_are_not(tables: Path) -> None:
    rebuild(tables)
    ids = _id_of(tables)
    pairs = [(("Hélène Dufresne", "FRA"), ("Helene Dufresne", "FRA")),  # accent
             (("Tomas R. Ekdahl", "SWE"), ("Tomas Ekdahl", "SWE")),  # middle initial
             (("Pieter van den Berghe", "BEL"), ("Pieter Van Den Berghe", "BEL")),  # particle
             (("Ana Lucía Ferreira Duarte", "URY"), ("Lucía Ferreira", "URY")),  # given dropped
             (("Ingrid Halvorsen", "NOR"), ("I. Halvorsen", "NOR")),
             (("Erik Halvorsen", "DNK"), ("E. Halvorsen", "DNK"))]
    for left, right in pairs:
        assert ids[left] == ids[right], (left, right)
    assert ids[("Ingrid Halvorsen", "NOR")] != ids[("Erik Halvorsen", "DNK")]
    assert ids[("Sam Ortiz", "MEX")] != ids[("Sam Ortiz", "PER")]  # one meeting, two people
    assert ids[("H. Dufresne-Laval", "FRA")] != ids[("Hélène Dufresne", "FRA")]
    people = _people(tables)
    assert len(people) == 11
    helene = next(p for p in people if p["person_id"] == ids[("Hélène Dufresne", "FRA")])
    assert helene["display_name"] == "Hélène Dufresne"
    assert helene["meetings"] == 2
    assert helene["delegation_history"] == "FRA 2021-03-10..2022-04-12"
    assert "accents" in helene["merge_reason"]
    ana = next(p for p in people if p["person_id"] == ids[("Lucía Ferreira", "URY")])
    assert "drops Ana, Duarte" in ana["merge_reason"]


def test_turns_and_actions_name_their_person(tables: Path) -> None:
    rebuild(tables)
    ids = _id_of(tables)
    con = connect(tables)
    turns = dict(((d[:1], s), (p, pid)) for d, s, p, pid in con.sql(
        "SELECT doc_id, seq, speaker_person, person_id FROM interventions").fetchall())
    assert turns[("a", 1)] == ("Marta Quiroga", ids[("Marta Quiroga", "CHL")])  # office
    assert turns[("a", 2)] == ("Chidi Okafor", ids[("Chidi Okafor", "NGA")])  # surname
    assert turns[("a", 3)] == ("Erik Halvorsen", ids[("Erik Halvorsen", "DNK")])  # namesake
    assert turns[("a", 4)] == (None, None)  # only the delegation speaks
    assert turns[("b", 1)][1] == ids[("Tomas R. Ekdahl", "SWE")]
    actions = con.sql("SELECT actor_person, actor_person_id FROM decisions ORDER BY seq"
                      ).fetchall()
    # the action names its actor; a decision of the meeting names no actor, only whom it elects
    assert actions == [("Tomas R. Ekdahl", ids[("Tomas R. Ekdahl", "SWE")]), (None, None)]
    okafor = next(p for p in _people(tables) if p["person_id"] == ids[("Chidi Okafor", "NGA")])
    assert okafor["turns"] == 1


def test_ids_do_not_depend_on_the_order_of_ingestion(tmp_path: Path) -> None:
    first = write_tables(tmp_path / "one", sorted(MEETINGS))
    second = write_tables(tmp_path / "two", sorted(MEETINGS, reverse=True))
    rebuild(first)
    rebuild(second)
    assert _people(first) == _people(second)
    assert _id_of(first) == _id_of(second)


def test_ids_stay_when_a_meeting_is_added(tmp_path: Path) -> None:
    out = write_tables(tmp_path / "t", ["a" * 16, "b" * 16])
    rebuild(out)
    before = _id_of(out)
    write_tables(out, ["c" * 16])
    rebuild(out)
    after = _id_of(out)
    assert all(after[key] == pid for key, pid in before.items())
