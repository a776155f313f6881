"""Fictional meetings written by the team (invented people and bodies), as table rows.

Three meetings of a committee, 2021-2023. The same people come back under other spellings:
an accent dropped, a middle initial, a particle's case, a given name dropped, a surname only
in a turn; two people share a surname in different delegations; two people with one name sit
in one meeting for two delegations.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.records import Attendee, Decision, Extraction, Intervention, Meeting
from pipeline.batch.store import ParquetStore

MEETINGS = {
    "a" * 16: (dt.date(2021, 3, 10), [
        ("Hélène Dufresne", "FRA"), ("Tomas R. Ekdahl", "SWE"), ("Chidi Okafor", "NGA"),
        ("Pieter van den Berghe", "BEL"), ("Ana Lucía Ferreira Duarte", "URY"),
        ("Ingrid Halvorsen", "NOR"), ("Erik Halvorsen", "DNK"), ("Marta Quiroga", "CHL")]),
    "b" * 16: (dt.date(2022, 4, 12), [
        ("Helene Dufresne", "FRA"), ("Tomas Ekdahl", "SWE"), ("Chidi Okafor", "NGA"),
        ("Pieter Van Den Berghe", "BEL"), ("Lucía Ferreira", "URY"),
        ("Ingrid Halvorsen", "NOR"), ("Erik Halvorsen", "DNK")]),
    "c" * 16: (dt.date(2023, 5, 2), [
        ("I. Halvorsen", "NOR"), ("E. Halvorsen", "DNK"), ("Sam Ortiz", "MEX"),
        ("Sam Ortiz", "PER"), ("H. Dufresne-Laval", "FRA")]),
}
NAMES = {"FRA": "France", "SWE": "Sweden", "NGA": "Nigeria", "BEL": "Belgium", "URY": "Uruguay",
         "NOR": "Norway", "DNK": "Denmark", "CHL": "Chile", "MEX": "Mexico", "PER": "Peru"}
TURNS = {
    "a" * 16: [("President", "CHL", "President", "The President opened the meeting."),
               ("Nigeria", "NGA", None, "Ambassador Okafor said that the plan was sound."),
               ("Denmark", "DNK", None, "Mr. Halvorsen (Denmark) proposed a second reading."),
               ("Norway", "NOR", None, "Norway agreed with the proposal."),
               ("President", "CHL", "President", "The President closed the item.")],
    "b" * 16: [("Sweden", "SWE", None, "Mr. Ekdahl presented the budget.")],
}
ACTIONS = {"a" * 16: [("action", "SWE", "Mr. Ekdahl to circulate the draft by 1 May 2021."),
                      ("decision", None, "The Committee elected Ms. Quiroga as President.")]}


def extraction(doc_id: str) -> Extraction:
    """One fictional meeting as records."""
    date, people = MEETINGS[doc_id]
    meeting = Meeting(doc_id=doc_id, source_path=f"/minutes/{doc_id}.txt", source_format="txt",
                      meeting_type="coordination_committee", meeting_date=date,
                      presidency_code="CHL", pipeline_version="test")
    attendees = [Attendee(doc_id=doc_id, delegation=NAMES[code], delegation_code=code,
                          delegation_kind="state", person=name,
                          role="President" if name == "Marta Quiroga" else None)
                 for name, code in people]
    turns = [Intervention(doc_id=doc_id, seq=i, speaker=s, speaker_code=c, speaker_role=r,
                          text=t) for i, (s, c, r, t) in enumerate(TURNS.get(doc_id, []), 1)]
    actions = [Decision(doc_id=doc_id, seq=i, kind=k, actor_code=c, text=t)
               for i, (k, c, t) in enumerate(ACTIONS.get(doc_id, []), 1)]
    return Extraction(meeting=meeting, attendees=attendees, interventions=turns,
                      decisions=actions)


def write_tables(out: Path, order: list[str]) -> Path:
    """Write the meetings into a store at ``out`` in ``order``."""
    with ParquetStore(out) as store:
        for doc_id in order:
            store.write_document(extraction(doc_id))
    return out


@pytest.fixture
def tables(tmp_path: Path) -> Path:
    """The three fictional meetings, written oldest first."""
    return write_tables(tmp_path / "tables", sorted(MEETINGS))
