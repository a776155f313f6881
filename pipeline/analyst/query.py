"""``minutes query``: DuckDB SQL over the Parquet tables, one view per table.

``connect(out)`` is the reusable part (the exploration notebook uses it too): an in-memory
DuckDB connection where every table of ``models.records.TABLES`` is a view over
``<out>/<table>/*.parquet``, read the way ``ParquetStore.read_table`` reads it (the zero-row
``schema.parquet`` gives the columns, files starting with ``_`` are left out: see
``pipeline.batch.table_files``). The
views glob at query time, so documents written after ``connect`` show up in later queries.
The tables derived across meetings (``models.records.DERIVED_TABLES``: ``people``,
``person_links``, ``delegations``, see ``pipeline.registry``) are views too, and the views of
attendees, interventions and decisions carry the person columns ``person_links`` gives their
rows (``LINKED_COLUMNS``).

Read-only by default. ``connect`` limits DuckDB's file access to the table folders
(``allowed_directories`` with ``enable_external_access = false``: no other file, URL or
database can be read or attached), turns off extension installs and autoloading, and locks
the configuration so SQL cannot turn any of it back on. ``minutes query`` also runs only
statements that read (SELECT, its shorthands such as DESCRIBE or SUMMARIZE, EXPLAIN), so
``COPY ... TO`` cannot write into the table folders. ``--writable`` (``connect(...,
writable=True)``) opens an unrestricted session instead.

Each meeting counts once: the rows of a file that is another copy of a meeting
(``meetings.duplicate_of`` set, see ``pipeline.batch.identity``) are left out of every view but
``meetings_all``, which lists every file's meetings row. The Parquet files keep them all.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import decimal
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.records import DERIVED_TABLES, TABLES
from models.schemas import schema_for
from pipeline.analyst.tables_folder import (  # defined there for the CLI's sake; used from here
    DEFAULT_TABLES,
    TABLES_ENV,
    default_tables,
    no_tables_message,
)

if TYPE_CHECKING:  # duckdb is imported when a query runs, not when the CLI starts
    import duckdb

EXIT_OK, EXIT_USAGE = 0, 2
# Statement types a read-only session runs; everything else (COPY, EXPORT, ATTACH, INSTALL,
# LOAD, SET, CREATE, INSERT, PRAGMA ...) is refused before it runs.
READ_ONLY_STATEMENTS = ("SELECT", "EXPLAIN")
# Settings applied in this order: external access can only be limited after the allowed
# directories are set, and the lock comes last.
_LOCKDOWN = (("autoinstall_known_extensions", "false"), ("autoload_known_extensions", "false"),
             ("enable_external_access", "false"), ("lock_configuration", "true"))
FILE_COLUMN = "_source_file"  # never a table column
ALL_MEETINGS = "meetings_all"  # every file's meetings row, copies of a meeting included
ROW_COLUMN = "file_row_number"  # DuckDB's row number within a file (attendees rows have no seq)
# Columns the views add from ``person_links`` (pipeline/registry): view column -> link column,
# joined on the row's seq (attendees: its row number in its file).
LINKED_COLUMNS: dict[str, dict[str, str]] = {
    "attendees": {"person_id": "person_id"},
    "interventions": {"speaker_person": "name", "person_id": "person_id"},
    "decisions": {"actor_person": "name", "actor_person_id": "person_id"},
}


class TablesNotFoundError(FileNotFoundError):
    """The output folder does not exist or holds none of the tables."""


class WriteRefusedError(ValueError):
    """A statement that is not a read was given to a read-only session."""


def _sql_string(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def _create_view(con: duckdb.DuckDBPyConnection, table: str, folder: Path,
                 name: str | None = None, row_numbers: bool = False) -> None:
    """Create the view ``name`` (default ``table``) over ``folder``; columns come from the
    schema when empty.

    Every ``*.parquet`` file is read, so the zero-row ``schema.parquet`` always gives the
    columns (and the glob always matches); rows of files starting with ``_`` (an older
    store's ``_schema.parquet``, which has none) are dropped, as ``ParquetStore.read_table``
    does (``pipeline.batch.table_files.document_files``).
    """
    name = name or table
    if not any(folder.glob("*.parquet")):  # no folder or no files: the schema, no rows
        con.register(f"_empty_{table}", schema_for(table).empty_table())
        rows = f", NULL::BIGINT AS {ROW_COLUMN}" if row_numbers else ""
        con.execute(f'CREATE VIEW "{name}" AS SELECT *{rows} FROM "_empty_{table}"')
        return
    pattern = _sql_string(str(folder / "*.parquet"))
    rows = ", file_row_number = true" if row_numbers else ""
    con.execute(
        f'CREATE VIEW "{name}" AS SELECT * EXCLUDE ({FILE_COLUMN}) FROM read_parquet('
        f"{pattern}, union_by_name = true, filename = {_sql_string(FILE_COLUMN)}{rows}) "
        f"WHERE NOT starts_with(parse_filename({FILE_COLUMN}), '_')")


def connect(out: str | Path = "data/processed",
            writable: bool = False) -> duckdb.DuckDBPyConnection:
    """Return an in-memory DuckDB connection with one view per table of the folder ``out``.

    Unless ``writable``, the connection can open no file outside the table folders, install
    or load no extension, and not change its configuration. Raises ``TablesNotFoundError``
    when ``out`` is not a folder holding at least one table.
    """
    root = Path(out)
    if not root.is_dir() or not any((root / t).is_dir() for t in TABLES):
        raise TablesNotFoundError(no_tables_message(root))
    import duckdb

    con = duckdb.connect()
    for table in TABLES:
        _create_view(con, table, root / table,
                     table if table == "failures" else f"{table}_files",
                     row_numbers=table == "attendees")
    for table in DERIVED_TABLES:
        _create_view(con, table, root / table)
    con.execute(f"CREATE VIEW {ALL_MEETINGS} AS SELECT * FROM meetings_files")
    # a document another copy stands for (a second name of the same bytes marks only its
    # own meetings row: duplicate_of = its doc_id)
    copies = ("SELECT doc_id FROM meetings_files "
              "WHERE duplicate_of IS NOT NULL AND duplicate_of <> doc_id")
    for table in TABLES:
        if table == "failures":
            continue
        where = "t.duplicate_of IS NULL" if table == "meetings" \
            else f"t.doc_id NOT IN ({copies})"
        con.execute(f'CREATE VIEW "{table}" AS {linked_select(table)} WHERE {where}')
    if not writable:
        _lock_down(con, root)
    return con


def linked_select(table: str) -> str:
    """The rows of ``table`` with the person columns ``person_links`` gives them."""
    if table not in LINKED_COLUMNS:
        return f'SELECT t.* FROM "{table}_files" t'
    key = ROW_COLUMN if table == "attendees" else "seq"
    drop = f" EXCLUDE ({ROW_COLUMN})" if table == "attendees" else ""
    cols = ", ".join(f"l.{src} AS {name}" for name, src in LINKED_COLUMNS[table].items())
    return (f'SELECT t.*{drop}, {cols} FROM "{table}_files" t LEFT JOIN person_links l '
            f"ON l.source_table = '{table}' AND l.doc_id = t.doc_id AND l.row = t.{key}")


def _lock_down(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """Limit file access to the table folders, forbid extensions, lock the configuration."""
    folders = ", ".join(_sql_string(f"{(root / t).resolve()}/")
                        for t in [*TABLES, *DERIVED_TABLES])
    con.execute(f"SET allowed_directories = [{folders}]")
    for name, value in _LOCKDOWN:
        con.execute(f"SET {name} = {value}")


def check_read_only(sql: str) -> None:
    """Raise ``WriteRefusedError`` unless every statement of ``sql`` only reads."""
    import duckdb

    for statement in duckdb.extract_statements(sql):
        kind = str(statement.type).rsplit(".", 1)[-1]
        if kind not in READ_ONLY_STATEMENTS:
            raise WriteRefusedError(
                f"{kind} statements are refused: queries are read-only (SELECT, DESCRIBE, "
                "SUMMARIZE, EXPLAIN); pass --writable for a session that may write files")


# -- output ------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    """A JSON-friendly value: dates as ISO text, decimals as numbers."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _cell(value: Any, width: int) -> str:
    """One cell of the human table: whitespace collapsed, cut to ``width`` characters."""
    if value is None:
        return "NULL"
    text = " ".join(str(_plain(value)).split())
    return text if width <= 0 or len(text) <= width else text[: width - 1] + "…"


def print_table(columns: list[str], types: list[str], rows: list[tuple[Any, ...]],
                width: int = 60, vertical: bool = False) -> None:
    """Print every row for a person: a table when the rows fit the terminal's width, one
    field per line (record by record) when they do not or when ``vertical``; long text
    cells are cut to ``width`` characters; long output goes through the pager on a
    terminal."""
    from pipeline.analyst import terminal

    cells = [[_cell(v, width) for v in row] for row in rows]
    columns_wide = terminal.terminal_size().columns
    if vertical or not terminal.fits(columns, cells, columns_wide):
        text = terminal.render_vertical(columns, cells, columns_wide)
    else:
        nulls = [[v is None for v in row] for row in rows]
        text = terminal.render_table(columns, types, cells, nulls, columns_wide,
                                     color=sys.stdout.isatty())
    terminal.show(text)


def print_csv(columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Print a header line and every row as CSV (NULL as an empty field)."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else _plain(v) for v in row])


def print_json(columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Print the rows as a JSON array of objects keyed by column name."""
    records = [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows]
    print(json.dumps(records, indent=1, ensure_ascii=False))


# -- command -----------------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``minutes query``."""
    parser.add_argument("sql", help="the SQL; tables are views named "
                        + ", ".join([*TABLES, *DERIVED_TABLES])
                        + f" (each meeting once; {ALL_MEETINGS}: every file, copies included)")
    parser.add_argument("--tables", "--out", dest="out", default=default_tables(),
                        metavar="DIR", help=f"folder holding the tables (default "
                                            f"${TABLES_ENV} or {DEFAULT_TABLES})")
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="print CSV (every cell in full)")
    fmt.add_argument("--json", action="store_true",
                     help="print a JSON array of row objects (every cell in full)")
    fmt.add_argument("--vertical", "-x", action="store_true",
                     help="one field per line, record by record (chosen by itself when the "
                          "rows do not fit the terminal's width)")
    parser.add_argument("--max-width", type=int, default=60, metavar="N",
                        help="cut text cells of the terminal table to N characters "
                             "(default 60; 0 = never cut)")
    parser.add_argument("--writable", action="store_true",
                        help="an unrestricted DuckDB session: any statement (COPY, ATTACH, "
                             "INSTALL, SET ...) and any file; by default queries only read "
                             "the tables")


def _message(exc: Exception) -> str:
    """DuckDB's whole message (hints such as "Candidate bindings" included), blank lines
    dropped."""
    lines = [line.rstrip() for line in str(exc).splitlines() if line.strip()]
    return "\n".join(lines) if lines else type(exc).__name__


def run(args: argparse.Namespace) -> int:
    """Run ``minutes query``: 0 on success, 2 on bad SQL, a refused statement or a missing
    tables folder."""
    import duckdb

    writable = getattr(args, "writable", False)
    try:
        con = connect(args.out, writable=writable)
    except TablesNotFoundError as exc:
        print(f"minutes query: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if not writable:
            check_read_only(args.sql)
        relation = con.sql(args.sql)
        if relation is None:  # a statement without a result (CREATE, SET ...)
            return EXIT_OK
        columns, types = list(relation.columns), [str(t) for t in relation.types]
        rows = relation.fetchall()
    except (duckdb.Error, WriteRefusedError) as exc:
        print(f"minutes query: {_message(exc)}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        con.close()
    if args.csv:
        print_csv(columns, rows)
    elif args.json:
        print_json(columns, rows)
    else:
        print_table(columns, types, rows, args.max_width, getattr(args, "vertical", False))
    return EXIT_OK
