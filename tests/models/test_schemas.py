"""Arrow schemas follow the record types; the data dictionary in docs/tables.md is current."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyarrow as pa
import pytest

from models import SCHEMA_VERSION, TABLES, schema_for
from models.schemas import data_dictionary

REQUIRED = {
    "meetings": "doc_id source_path source_format title meeting_type sequence meeting_date "
                "year_inferred start_time end_time venue presidency_code n_pages "
                "pipeline_version",
    "attendees": "doc_id delegation delegation_code delegation_kind person honorific role "
                 "status",
    "agenda_items": "doc_id seq number title level parent_number",
    "interventions": "doc_id seq speaker speaker_code speaker_role on_behalf_of agenda_item text",
    "decisions": "doc_id seq kind actor_code agenda_item text due_date votes_for votes_against "
                 "votes_abstain",
    "dates": "doc_id text date_start date_end granularity year_inferred agenda_item",
    "quality_flags": "doc_id kind message",
    "failures": "source_path stage error_type message",
}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_schema_has_required_columns_and_provenance(table: str) -> None:
    names = set(schema_for(table).names)
    assert set(REQUIRED[table].split()) <= names
    if table not in ("meetings", "failures"):
        assert {"char_start", "char_end", "page"} <= names
    assert schema_for(table).metadata[b"schema_version"] == SCHEMA_VERSION.encode()


@pytest.mark.parametrize("table", sorted(TABLES))
def test_default_record_round_trips_through_arrow(table: str) -> None:
    record_type = TABLES[table]
    kwargs = {f.name: "x" for f in dataclasses.fields(record_type)
              if f.default is dataclasses.MISSING}
    row = dataclasses.asdict(record_type(**kwargs))
    arrow = pa.Table.from_pylist([row], schema=schema_for(table))
    assert arrow.to_pylist() == [row]


def test_dates_are_date_columns() -> None:
    assert schema_for("dates").field("date_start").type == pa.date32()
    assert schema_for("meetings").field("meeting_date").type == pa.date32()


def test_docs_data_dictionary_is_generated_from_the_schemas() -> None:
    page = Path(__file__).resolve().parents[2] / "docs" / "tables.md"
    assert data_dictionary() in page.read_text(encoding="utf-8"), \
        "docs/tables.md is stale: run `python scripts/update_docs.py`"
