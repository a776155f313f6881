"""``minutes export``: DuckDB, Excel and CSV exports, each read back."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook

from models.records import DERIVED_TABLES, TABLES
from pipeline.analyst.export import EXCEL_MAX_CHARS, sheet_name
from pipeline.analyst.query import ALL_MEETINGS, connect
from pipeline.cli import main
from tests.pipeline.analyst.conftest import COPY, FIRST

VIEWS = [*TABLES, ALL_MEETINGS, *DERIVED_TABLES]
TURNS_PER_PERSON = ("SELECT person_id, count(*) AS n FROM interventions "
                    "WHERE person_id IS NOT NULL GROUP BY 1 ORDER BY 1")


def _query_counts(tables: Path) -> dict[str, int]:
    con = connect(tables)
    return {v: con.sql(f"SELECT count(*) FROM {v}").fetchall()[0][0] for v in VIEWS}


def test_duckdb_file_holds_the_views_as_tables(fictional_tables: Path, tmp_path: Path,
                                              capsys) -> None:
    target = tmp_path / "minutes.duckdb"
    assert main(["export", "--tables", str(fictional_tables), str(target)]) == 0
    assert "exported 12 tables" in capsys.readouterr().out
    moved = tmp_path / "elsewhere" / "copy.duckdb"  # tables, not views: works once moved
    moved.parent.mkdir()
    shutil.move(target, moved)
    shutil.rmtree(fictional_tables / "interventions")
    con = duckdb.connect(str(moved), read_only=True)
    kinds = dict(con.sql("SELECT table_name, table_type FROM information_schema.tables"
                         ).fetchall())
    assert kinds == {v: "BASE TABLE" for v in VIEWS}
    counts = {v: con.sql(f"SELECT count(*) FROM {v}").fetchall()[0][0] for v in VIEWS}
    assert counts["meetings"] == 3 and counts[ALL_MEETINGS] == 4
    assert con.sql(f"SELECT count(*) FROM attendees WHERE doc_id = '{COPY}'"
                   ).fetchall() == [(0,)]
    assert con.sql(TURNS_PER_PERSON).fetchall()


def test_duckdb_counts_and_a_query_equal_minutes_query(fictional_tables: Path,
                                                       tmp_path: Path, capsys) -> None:
    target = tmp_path / "m.db"
    assert main(["export", "--out", str(fictional_tables), str(target)]) == 0
    con = duckdb.connect(str(target), read_only=True)
    assert {v: con.sql(f"SELECT count(*) FROM {v}").fetchall()[0][0] for v in VIEWS} \
        == _query_counts(fictional_tables)
    exported = con.sql(TURNS_PER_PERSON).fetchall()
    capsys.readouterr()
    assert main(["query", "--out", str(fictional_tables), "--json", TURNS_PER_PERSON]) == 0
    queried = json.loads(capsys.readouterr().out)
    assert [tuple(r.values()) for r in queried] == exported and exported


def test_xlsx_sheets_frozen_header_dates_and_notes(fictional_tables: Path,
                                                   tmp_path: Path) -> None:
    target = tmp_path / "minutes.xlsx"
    assert main(["export", "--tables", str(fictional_tables), str(target)]) == 0
    book = load_workbook(target)
    assert book.sheetnames == [*VIEWS, "notes"]
    counts = _query_counts(fictional_tables)
    for name in VIEWS:
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        assert sheet.max_row == counts[name] + 1, name
    meetings = book["meetings"]
    header = [c.value for c in meetings[1]]
    dates = [row[header.index("meeting_date")] for row in meetings.iter_rows(min_row=2)]
    assert all(cell.is_date for cell in dates)
    assert dt.datetime(2021, 3, 10) in [cell.value for cell in dates]
    agenda = book["agenda_items"]
    titles = [row[3] for row in agenda.iter_rows(min_row=2)]
    assert "=Budget" in [c.value for c in titles] and all(c.data_type == "s" for c in titles)
    people = book["people"]
    assert any("; " in str(c.value) for c in people["D"][1:])  # variants joined
    notes = [[c.value for c in row] for row in book["notes"].iter_rows(min_row=2)]
    assert any(n[0] == "interventions" and "cut" in n[2] for n in notes)
    assert any(n[0] == "decisions" and "control characters" in n[2] for n in notes)
    longest = max(len(str(c.value or "")) for c in book["interventions"]["H"])
    assert longest == EXCEL_MAX_CHARS


def test_csv_files_read_back_by_pandas(fictional_tables: Path, tmp_path: Path) -> None:
    target = tmp_path / "csv"
    assert main(["export", "--to", "csv", "--tables", str(fictional_tables),
                 str(target)]) == 0
    counts = _query_counts(fictional_tables)
    assert sorted(p.stem for p in target.iterdir()) == sorted(VIEWS)
    for name in VIEWS:
        frame = pd.read_csv(target / f"{name}.csv", encoding="utf-8")
        assert len(frame) == counts[name], name
    meetings = pd.read_csv(target / "meetings.csv", parse_dates=["meeting_date"])
    assert meetings["meeting_date"].min() == pd.Timestamp(2021, 3, 10)
    assert FIRST in set(meetings["doc_id"]) and COPY not in set(meetings["doc_id"])
    people = pd.read_csv(target / "people.csv")
    assert all(isinstance(json.loads(v), list) for v in people["variants"])


def test_derived_tables_left_out_of_files_until_built(empty_tables: Path,
                                                      tmp_path: Path) -> None:
    assert main(["export", "--tables", str(empty_tables), str(tmp_path / "c")]) == 0
    assert sorted(p.stem for p in (tmp_path / "c").iterdir()) == sorted([*TABLES,
                                                                         ALL_MEETINGS])
    header = pd.read_csv(tmp_path / "c" / "failures.csv")
    assert len(header) == 0 and "stage" in header.columns
    assert main(["export", "--tables", str(empty_tables), str(tmp_path / "e.duckdb")]) == 0
    con = duckdb.connect(str(tmp_path / "e.duckdb"), read_only=True)
    assert con.sql("SELECT count(*) FROM people").fetchall() == [(0,)]


def test_no_overwrite_without_force_and_clear_errors(fictional_tables: Path,
                                                     tmp_path: Path, capsys) -> None:
    target = tmp_path / "m.xlsx"
    target.write_text("keep me")
    assert main(["export", "--tables", str(fictional_tables), str(target)]) == 2
    err = capsys.readouterr().err
    assert "already exists; pass --force" in err and len(err.strip().splitlines()) == 1
    assert target.read_text() == "keep me"
    assert main(["export", "--tables", str(fictional_tables), "--force", str(target)]) == 0
    assert load_workbook(target).sheetnames[0] == "meetings"
    assert main(["export", "--tables", str(tmp_path / "none"), str(tmp_path / "x.xlsx")]) == 2
    assert "no tables at" in capsys.readouterr().err
    assert main(["export", "--tables", str(fictional_tables),
                 str(tmp_path / "no" / "x.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not list(tmp_path.glob(".*.tmp"))


def test_sheet_names_fit_excel() -> None:
    taken: set[str] = set()
    long = "a_table_name_far_longer_than_excel_allows"
    first, second = sheet_name(long, taken), sheet_name(long, taken)
    assert len(first) == 31 and len(second) <= 31 and first != second
    assert sheet_name("a/b:c", taken) == "a_b_c"


@pytest.mark.parametrize("suffix, fmt", [(".duckdb", "duckdb"), (".xlsx", "xlsx"),
                                         ("", "csv")])
def test_format_from_the_suffix(suffix: str, fmt: str) -> None:
    from pipeline.analyst.export import guess_format
    assert guess_format(Path(f"out{suffix}")) == fmt
