"""``minutes query`` and ``pipeline.analyst.query.connect``: one DuckDB view per table."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from models.records import DERIVED_TABLES, TABLES, Extraction, Failure, Intervention, Meeting
from models.schemas import schema_for
from pipeline.analyst.query import LINKED_COLUMNS, TablesNotFoundError, connect
from pipeline.batch.store import ParquetStore
from pipeline.batch.table_files import LEGACY_SCHEMA_FILE, SCHEMA_FILE
from pipeline.cli import main

LONG = "The delegation of Chile [speaking on behalf of the group] " + "stressed " * 30 + "end."


def _extraction(doc_id: str, speakers: list[str]) -> Extraction:
    meeting = Meeting(doc_id=doc_id, source_path=f"{doc_id}.txt", source_format="txt",
                      title=f"Meeting {doc_id}", pipeline_version="test")
    turns = [Intervention(doc_id=doc_id, seq=i + 1, speaker=s, text=LONG, char_start=10 * i,
                          char_end=10 * i + 5) for i, s in enumerate(speakers)]
    return Extraction(meeting=meeting, interventions=turns)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "tables"
    with ParquetStore(folder) as store:
        store.write_document(_extraction("a" * 16, ["Chile", "Chile", "Austria"]))
        store.write_document(_extraction("b" * 16, ["Chile"]))
    return folder


def _columns(con, table: str) -> list[str]:
    return [row[0] for row in con.sql(f"DESCRIBE {table}").fetchall()]


def _view_columns(table: str) -> list[str]:
    """The schema's columns, then those the view adds from person_links."""
    return schema_for(table).names + list(LINKED_COLUMNS.get(table, {}))


def test_every_table_is_a_view_with_its_schema_columns(out: Path) -> None:
    con = connect(out)
    for table in [*TABLES, *DERIVED_TABLES]:
        assert _columns(con, table) == _view_columns(table), table
    assert con.sql("SELECT count(*) FROM meetings").fetchall() == [(2,)]
    assert con.sql("SELECT speaker, count(*) FROM interventions GROUP BY 1 ORDER BY 1"
                   ).fetchall() == [("Austria", 1), ("Chile", 3)]
    assert con.sql("SELECT count(*) FROM failures").fetchall() == [(0,)]


def test_empty_store_and_missing_table_folder_still_have_columns(tmp_path: Path) -> None:
    with ParquetStore(tmp_path / "t"):
        pass  # writes only the schema.parquet files
    shutil.rmtree(tmp_path / "t" / "dates")
    con = connect(tmp_path / "t")
    for table in [*TABLES, *DERIVED_TABLES]:
        assert con.sql(f"SELECT count(*) FROM {table}").fetchall() == [(0,)]
        assert _columns(con, table) == _view_columns(table), table


def test_a_store_of_the_old_layout_still_has_columns(tmp_path: Path) -> None:
    """Before a writer opens it again, an older store's schema file is ``_schema.parquet``."""
    with ParquetStore(tmp_path / "t"):
        pass
    for table in TABLES:
        (tmp_path / "t" / table / SCHEMA_FILE).rename(tmp_path / "t" / table / LEGACY_SCHEMA_FILE)
    con = connect(tmp_path / "t")
    for table in TABLES:
        assert con.sql(f"SELECT count(*) FROM {table}").fetchall() == [(0,)]
        assert _columns(con, table) == _view_columns(table), table


def test_files_starting_with_an_underscore_are_left_out(out: Path) -> None:
    stray = pa.Table.from_pylist([{"doc_id": "z" * 16, "source_path": "stray"}])
    pq.write_table(stray, out / "meetings" / "_stray.parquet")
    con = connect(out)
    assert con.sql("SELECT count(*) FROM meetings").fetchall() == [(2,)]


def test_documents_written_after_connect_are_seen(out: Path) -> None:
    con = connect(out)
    with ParquetStore(out) as store:
        store.write_document(_extraction("c" * 16, ["Austria"]))
        store.write_failure(Failure(source_path="bad.pdf", stage="read",
                                    error_type="encrypted", message="locked"))
    assert con.sql("SELECT count(*) FROM meetings").fetchall() == [(3,)]
    assert con.sql("SELECT error_type FROM failures").fetchall() == [("encrypted",)]


def test_folder_name_with_a_quote(tmp_path: Path) -> None:
    folder = tmp_path / "it's here"
    with ParquetStore(folder) as store:
        store.write_document(_extraction("a" * 16, ["Chile"]))
    assert connect(folder).sql("SELECT count(*) FROM interventions").fetchall() == [(1,)]


def test_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(TablesNotFoundError):
        connect(tmp_path / "nowhere")
    with pytest.raises(TablesNotFoundError):
        connect(tmp_path)  # exists, but holds no table folder


def test_cli_table_cuts_long_cells_and_prints_every_row(out: Path, capsys) -> None:
    rc = main(["query", "--out", str(out), "--max-width", "30",
               "SELECT doc_id, seq, speaker, text FROM interventions ORDER BY doc_id, seq"])
    printed = capsys.readouterr().out
    assert rc == 0
    speakers = re.findall(r"│ (\w+)\s+│ The delegation", printed)
    assert speakers == ["Chile", "Chile", "Austria", "Chile"]
    assert "The delegation of Chile [spea…" in printed  # brackets are not rich markup
    assert "end." not in printed
    assert "4 rows" in printed


def test_cli_csv_and_json_keep_full_cells(out: Path, capsys) -> None:
    sql = "SELECT speaker, text, NULL AS nothing FROM interventions ORDER BY doc_id, seq"
    assert main(["query", "--out", str(out), "--csv", sql]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "speaker,text,nothing"
    assert lines[1] == f"Chile,{LONG},"
    assert len(lines) == 5
    assert main(["query", "--out", str(out), "--json",
                 "SELECT title, seq FROM meetings JOIN interventions USING (doc_id) "
                 "WHERE speaker = 'Austria'"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"title": f"Meeting {'a' * 16}", "seq": 3}]


def test_cli_dates_are_iso_in_json(out: Path, capsys) -> None:
    assert main(["query", "--out", str(out), "--json", "SELECT DATE '2019-05-14' AS d"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"d": "2019-05-14"}]


@pytest.mark.parametrize("sql", ["SELEC 1", "SELECT nope FROM meetings", "SELECT * FROM nothing"])
def test_cli_bad_sql_is_said_and_exit_2(out: Path, capsys, sql: str) -> None:
    assert main(["query", "--out", str(out), sql]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("minutes query: ")
    assert "\n\n" not in captured.err and "Traceback" not in captured.err


def test_cli_error_keeps_duckdbs_whole_message(out: Path, capsys) -> None:
    assert main(["query", "--tables", str(out), "SELECT titl FROM meetings"]) == 2
    err = capsys.readouterr().err
    assert "titl" in err and "Candidate bindings" in err and "title" in err.split("Candidate")[1]


def test_cli_missing_folder_exit_2(tmp_path: Path, capsys) -> None:
    assert main(["query", "--out", str(tmp_path / "nowhere"), "SELECT 1"]) == 2
    err = capsys.readouterr().err
    assert "no tables at" in err and "nowhere" in err


# -- read-only by default ------------------------------------------------------------------

def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("sql", [
    "COPY (SELECT 'zz' AS doc_id) TO '{out}/meetings/fake.parquet'",
    "COPY (SELECT 1 AS x) TO '{out}/manifest.json'",
    "EXPORT DATABASE '{out}/exported'",
    "ATTACH '{out}/new.duckdb' AS other",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "CREATE TABLE t AS SELECT 1",
    "SELECT 1; COPY (SELECT 1) TO '{out}/x.csv'",
])
def test_cli_refuses_statements_that_are_not_reads(out: Path, capsys, sql: str) -> None:
    before = _files(out)
    assert main(["query", "--out", str(out), sql.format(out=out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("minutes query: ") and "read-only" in err
    assert _files(out) == before


@pytest.mark.parametrize("sql", ["SELECT * FROM read_csv('{secret}')",
                                 "SELECT * FROM read_text('{secret}')",
                                 "SELECT * FROM glob('{parent}/*')",
                                 "SELECT * FROM read_parquet('https://example.com/x.parquet')",
                                 "SELECT * FROM read_csv('{out}/meetings/../../secret.txt')"])
def test_cli_reads_no_file_outside_the_tables(out: Path, capsys, sql: str) -> None:
    secret = out.parent / "secret.txt"
    secret.write_text("root:x:0:0\n")
    assert main(["query", "--out", str(out), "--csv",
                 sql.format(secret=secret, parent=out.parent, out=out)]) == 2
    captured = capsys.readouterr()
    assert "root:x" not in captured.out
    assert "disabled by configuration" in captured.err


def test_read_only_connection_cannot_be_unlocked(out: Path) -> None:
    import duckdb

    con = connect(out)
    with pytest.raises(duckdb.Error, match="locked"):
        con.execute("SET enable_external_access = true")
    with pytest.raises(duckdb.Error, match="disabled"):
        con.execute("ATTACH ':memory:' AS x; ATTACH '/tmp/x.duckdb' AS y")
    assert con.sql("SELECT count(*) FROM meetings").fetchall() == [(2,)]


def test_reads_and_their_shorthands_still_run(out: Path, capsys) -> None:
    for sql in ["DESCRIBE meetings", "SUMMARIZE meetings", "EXPLAIN SELECT * FROM meetings",
                "FROM meetings SELECT count(*)", "WITH m AS (SELECT * FROM meetings) "
                "SELECT count(*) FROM m", "SHOW TABLES"]:
        assert main(["query", "--out", str(out), "--csv", sql]) == 0, sql
    capsys.readouterr()


def test_writable_session_may_write(out: Path, capsys, tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    assert main(["query", "--out", str(out), "--writable",
                 f"COPY (SELECT speaker FROM interventions) TO '{target}'"]) == 0
    assert target.read_text().splitlines()[0] == "speaker"
    capsys.readouterr()


# -- the tables folder flag ------------------------------------------------------------------

def test_tables_flag_out_alias_and_environment(out: Path, capsys, monkeypatch) -> None:
    sql = "SELECT count(*) AS n FROM meetings"
    assert main(["query", "--tables", str(out), "--json", sql]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 2}]
    monkeypatch.setenv("MINUTES_TABLES", str(out))
    assert main(["query", "--json", sql]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 2}]


def test_missing_relative_default_says_where_it_looked(tmp_path: Path, capsys,
                                                        monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MINUTES_TABLES", raising=False)
    assert main(["query", "SELECT 1"]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "data" / "processed") in err
    assert "--tables" in err and "MINUTES_TABLES" in err


# -- layout on a terminal ----------------------------------------------------------------------

def test_vertical_prints_one_field_per_line(out: Path, capsys) -> None:
    assert main(["query", "--tables", str(out), "--vertical",
                 "SELECT doc_id, title FROM meetings ORDER BY doc_id"]) == 0
    text = capsys.readouterr().out
    assert "-[ RECORD 1 ]" in text and "-[ RECORD 2 ]" in text
    assert re.search(r"^title\s+\| Meeting a{16}$", text, re.M)


def test_narrow_rows_stay_a_table(out: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["query", "--tables", str(out), "SELECT speaker, seq FROM interventions"]) == 0
    text = capsys.readouterr().out
    assert "RECORD" not in text and "Austria" in text and "4 rows" in text


def _pty_run(argv: list[str], columns: int, env: dict[str, str]) -> str:
    """Run ``argv`` in a pseudo-terminal ``columns`` wide; its output."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 200, columns, 0, 0))
    process = subprocess.Popen(argv, stdin=follower, stdout=follower, stderr=follower,
                               env=env, close_fds=True)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_wide_rows_on_an_80_column_terminal_go_vertical_words_whole(out: Path) -> None:
    import os
    import sys

    pytest.importorskip("pty")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(PAGER="cat", PYTHONPATH=os.getcwd(), TERM="xterm")
    text = _pty_run([sys.executable, "-m", "pipeline", "query", "--tables", str(out),
                     "--max-width", "0", "SELECT doc_id, speaker, text, seq FROM interventions "
                     "ORDER BY doc_id, seq"], 80, env)
    assert "-[ RECORD 1 ]" in text, text
    words = set(LONG.split())
    for line in text.splitlines():
        assert len(line) <= 80 or " " not in line.split("| ", 1)[-1], line
        value = line.split("| ", 1)[-1] if "| " in line else ""
        if value.startswith(("The ", "stressed")):
            assert set(value.split()) <= words, line  # no word cut in two


def test_piped_output_is_never_paged(out: Path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, PAGER="echo PAGED", PYTHONPATH=os.getcwd(), LINES="5")
    result = subprocess.run([sys.executable, "-m", "pipeline", "query", "--tables", str(out),
                             "SELECT * FROM range(50)"], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0 and "PAGED" not in result.stdout
    assert "49" in result.stdout


def test_tall_output_on_a_terminal_goes_through_the_pager(out: Path) -> None:
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(PAGER="sh -c 'echo PAGED'", PYTHONPATH=os.getcwd(), TERM="xterm")
    text = _pty_run([sys.executable, "-m", "pipeline", "query", "--tables", str(out),
                     "SELECT * FROM range(400)"], 80, env)
    assert "PAGED" in text and "399" not in text
