"""From minutes text to one person per person: two fictional meetings of one committee, read
by the extractors, written to the store, then ``people`` rebuilt.

Variants across the two attendance lists: an accent dropped and the surname in capitals, a
middle initial dropped, a particle's case, given names cut to initials; two people with one
surname in two delegations; surnames in capitals in the turns (a particle too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.analyst.query import connect
from pipeline.batch.process import process_file
from pipeline.batch.store import ParquetStore
from pipeline.registry.rebuild import rebuild

FIRST = """Coordination Committee

Minutes of the 5th meeting, held on Tuesday 14 May 2019

Present:
Ms. Hélène Dufresne (France)
Mr. Tomas R. Ekdahl (Sweden)
Mr. Pieter de Vries (Belgium)
Ms. Ingrid Halvorsen (Norway)
Mr. Erik Halvorsen (Denmark)

1. Opening

2. Mr. EKDAHL (Sweden) said that the plan was sound.

3. Mr. HALVORSEN (Denmark) proposed a second reading.
"""

SECOND = """Coordination Committee

Minutes of the 6th meeting, held on Wednesday 12 February 2020

Present:
Ms. Helene DUFRESNE (France)
Mr. Tomas Ekdahl (Sweden)
Mr. Pieter De Vries (Belgium)
Ms. I. Halvorsen (Norway)
Mr. E. Halvorsen (Denmark)

1. Opening

2. Ms. HALVORSEN (Norway) welcomed the report.

3. Ms. DUFRESNE (France) said that her delegation would abstain.
Mr. DE VRIES (Belgium) said that his delegation agreed.
"""


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("minutes")
    out = folder / "tables"
    with ParquetStore(out) as store:
        for name, text in (("first.txt", FIRST), ("second.txt", SECOND)):
            (folder / name).write_text(text, encoding="utf-8")
            outcome = process_file(folder / name)
            assert outcome.extraction is not None, outcome.failure
            store.write_document(outcome.extraction, text=outcome.text)
    rebuild(out)
    return out


def test_each_person_has_one_id_across_the_two_meetings(tables: Path) -> None:
    con = connect(tables)
    ids = dict(((p, c), pid) for p, c, pid in con.sql(
        "SELECT person, delegation_code, person_id FROM attendees").fetchall())
    for left, right in [("Hélène Dufresne", "Helene DUFRESNE"),
                        ("Tomas R. Ekdahl", "Tomas Ekdahl"),
                        ("Pieter de Vries", "Pieter De Vries"),
                        ("Ingrid Halvorsen", "I. Halvorsen"),
                        ("Erik Halvorsen", "E. Halvorsen")]:
        assert len({pid for (p, _), pid in ids.items() if p in (left, right)}) == 1, left
    assert ids[("Ingrid Halvorsen", "NOR")] != ids[("Erik Halvorsen", "DNK")]
    assert con.sql("SELECT count(*) FROM people").fetchall() == [(5,)]


def test_turns_name_the_attendee_in_capitals(tables: Path) -> None:
    con = connect(tables)
    spoke = con.sql("""
        SELECT p.display_name, count(*) FROM interventions i JOIN people p USING (person_id)
        GROUP BY 1 ORDER BY 1""").fetchall()
    assert spoke == [("Erik Halvorsen", 1), ("Hélène Dufresne", 1), ("Ingrid Halvorsen", 1),
                     ("Pieter De Vries", 1), ("Tomas R. Ekdahl", 1)]
