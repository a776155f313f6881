"""``from pipeline import tables``: typed DataFrames, each meeting once, empty tables whole."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from models.records import DERIVED_TABLES, TABLES
from models.schemas import schema_for
from pipeline import tables
from pipeline.analyst.query import connect
from tests.pipeline.analyst.conftest import COPY, FIRST


def test_dates_are_datetimes_and_nullable_ints_are_int64(fictional_tables: Path) -> None:
    meetings = tables.load("meetings", root=fictional_tables)
    assert str(meetings["meeting_date"].dtype) == "datetime64[ns]"
    assert (meetings["meeting_date"].max() - meetings["meeting_date"].min()).days == 783
    assert str(meetings["sequence"].dtype) == "Int64" and meetings["sequence"].isna().all()
    assert str(meetings["n_pages"].dtype) == "int64"
    assert meetings["year_inferred"].dtype == bool
    assert meetings["source_format"].dtype == "category"
    assert meetings["title"].dtype == "string"
    decisions = tables.load("decisions", root=fictional_tables)
    voted = decisions[decisions["votes_for"].notna()].iloc[0]
    assert voted["votes_for"] == 9 and voted["due_date"] == pd.Timestamp(2021, 6, 30)
    assert decisions["due_date"].isna().sum() == len(decisions) - 1
    assert str(decisions["votes_against"].dtype) == "Int64"
    dates = tables.load("dates", root=fictional_tables)
    assert str(dates["date_start"].dtype) == "datetime64[ns]"
    assert dates["date_end"].iloc[0] == pd.Timestamp(2021, 5, 1)


def test_every_column_has_the_dtype_the_api_promises(fictional_tables: Path) -> None:
    for table, frame in tables.load_all(fictional_tables).items():
        assert {c: str(t) for c, t in frame.dtypes.items()} == tables.dtypes(table), table


def test_an_empty_table_keeps_its_columns_and_dtypes(empty_tables: Path) -> None:
    frames = tables.load_all(empty_tables)
    assert list(frames) == [*TABLES, *DERIVED_TABLES]
    for table, frame in frames.items():
        assert len(frame) == 0
        assert {c: str(t) for c, t in frame.dtypes.items()} == tables.dtypes(table), table
    assert list(frames["failures"].columns) == schema_for("failures").names


def test_each_meeting_once_unless_every_file(fictional_tables: Path) -> None:
    meetings = tables.load("meetings", root=fictional_tables)
    assert COPY not in set(meetings["doc_id"]) and len(meetings) == 3
    every = tables.load("meetings", root=fictional_tables, every_file=True)
    assert set(every["doc_id"]) == set(meetings["doc_id"]) | {COPY}
    assert every.set_index("doc_id").loc[COPY, "duplicate_of"] == FIRST
    attendees = tables.load("attendees", root=fictional_tables)
    assert COPY not in set(attendees["doc_id"])
    all_attendees = tables.load("attendees", root=fictional_tables, every_file=True)
    assert (all_attendees["doc_id"] == COPY).sum() == (attendees["doc_id"] == FIRST).sum()


def test_person_columns_and_derived_tables(fictional_tables: Path) -> None:
    attendees = tables.load("attendees", root=fictional_tables)
    assert attendees["person_id"].notna().all()
    people = tables.load("people", root=fictional_tables)
    assert set(attendees["person_id"]) <= set(people["person_id"])
    assert all(isinstance(v, list) for v in people["variants"])
    assert people["first_meeting"].dtype == "datetime64[ns]"
    turns = tables.load("interventions", root=fictional_tables)
    assert {"speaker_person", "person_id"} <= set(turns.columns)
    assert tables.load("delegations", root=fictional_tables)["kind"].dtype == "category"


def test_same_rows_as_minutes_query(fictional_tables: Path) -> None:
    con = connect(fictional_tables)
    for table in [*TABLES, *DERIVED_TABLES]:
        (count,) = con.sql(f"SELECT count(*) FROM {table}").fetchall()[0]
        assert len(tables.load(table, root=fictional_tables)) == count, table


def test_unknown_table_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="attendees"):
        tables.load("attendee", root=tmp_path)
    with pytest.raises(tables.TablesNotFoundError, match="no tables at"):
        tables.load("attendees", root=tmp_path / "nowhere")


def test_parquet_folders_read_by_pandas_pyarrow_and_duckdb(fictional_tables: Path,
                                                           empty_tables: Path) -> None:
    folder = fictional_tables / "attendees"
    every_file = tables.load("attendees", root=fictional_tables, every_file=True)
    assert len(pd.read_parquet(folder)) == len(every_file)  # schema.parquet adds no rows
    glob = str(folder / "*.parquet")
    assert duckdb.sql(f"SELECT count(*) FROM '{glob}'").fetchall() == [(len(every_file),)]
    empty = empty_tables / "failures"  # schema.parquet alone gives the columns
    assert list(pd.read_parquet(empty).columns) == schema_for("failures").names
    assert pq.read_table(empty).schema.names == schema_for("failures").names
    described = duckdb.sql(f"DESCRIBE SELECT * FROM '{empty / '*.parquet'}'").fetchall()
    assert [row[0] for row in described] == schema_for("failures").names
