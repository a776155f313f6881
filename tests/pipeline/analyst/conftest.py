"""Tables of team-written fictional meetings for the analyst API and the exports.

The three meetings of ``tests/pipeline/registry/conftest.py`` (people, turns, actions), the
first one with an agenda, dated mentions, a voted decision with a deadline and a quality flag;
a second file that is another copy of the first meeting (``duplicate_of`` set); one failure;
and the derived tables people, person_links and delegations.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from models.records import AgendaItem, DateMention, Decision, Failure, QualityFlag
from models.schemas import schema_for
from pipeline.batch.store import ParquetStore
from pipeline.registry.rebuild import rebuild
from tests.pipeline.registry.conftest import MEETINGS, extraction

FIRST, COPY = "a" * 16, "d" * 16
LONG_TEXT = "The Committee heard a long report. " * 1000  # over Excel's 32,767 characters


def _first_meeting():
    """The first meeting with every table filled."""
    first = extraction(FIRST)
    first.agenda_items = [AgendaItem(doc_id=FIRST, seq=1, number="1", title="Opening"),
                          AgendaItem(doc_id=FIRST, seq=2, number="2", title="=Budget")]
    first.dates = [DateMention(doc_id=FIRST, text="1 May 2021", date_start=dt.date(2021, 5, 1),
                               date_end=dt.date(2021, 5, 1), agenda_item="2")]
    first.decisions.append(Decision(doc_id=FIRST, seq=3, kind="decision", agenda_item="2",
                                    text="The budget was adopted\x07 by vote.",
                                    due_date=dt.date(2021, 6, 30), votes_for=9,
                                    votes_against=1, votes_abstain=0))
    first.interventions[0].text = LONG_TEXT
    first.quality_flags = [QualityFlag(doc_id=FIRST, kind="weekday_mismatch",
                                       message="the weekday does not match the date")]
    return first


@pytest.fixture
def fictional_tables(tmp_path: Path) -> Path:
    """A tables folder as described in the module docstring."""
    out = tmp_path / "tables"
    with ParquetStore(out) as store:
        store.write_document(_first_meeting())
        for doc_id in sorted(MEETINGS)[1:]:
            store.write_document(extraction(doc_id))
        copy = extraction(FIRST)
        copy.meeting = dataclasses.replace(copy.meeting, doc_id=COPY,
                                           source_path="/minutes/copy.docx",
                                           source_format="docx")
        for rows in (copy.attendees, copy.interventions, copy.decisions):
            for row in rows:
                row.doc_id = COPY
        store.write_document(copy)
        store.write_failure(Failure(source_path="/minutes/broken.pdf", stage="read",
                                    error_type="no_text_layer", message="no text",
                                    pipeline_version="test"))
    meetings = out / "meetings" / f"{COPY}.parquet"  # mark the copy, as identity would
    rows = pq.read_table(meetings).to_pylist()
    rows[0]["duplicate_of"] = FIRST
    pq.write_table(pa.Table.from_pylist(rows, schema=schema_for("meetings")), meetings)
    rebuild(out)
    return out


@pytest.fixture
def empty_tables(tmp_path: Path) -> Path:
    """A tables folder with no rows: only the ``schema.parquet`` files."""
    out = tmp_path / "empty"
    with ParquetStore(out):
        pass
    return out
