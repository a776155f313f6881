"""``minutes export``: the tables to one DuckDB database file, one Excel workbook, or CSV files.

What is exported is what ``minutes query`` shows (``pipeline.analyst.query.connect``): each
document table with each meeting once and the person columns, ``failures``,
``meetings_all`` (every file's meetings row, copies of a meeting included) and the derived
tables ``people``, ``person_links`` and ``delegations``.

- ``duckdb``: one database file holding every view of ``minutes query`` as a *table* (the rows
  copied in, not views over the Parquet files), so the file answers the same SQL when it is
  moved, mailed or opened after the Parquet folder changed. Derived tables not built yet are
  empty tables, so a query written for ``minutes query`` runs unchanged.
- ``xlsx``: a workbook with a sheet per table (derived tables only when built), the header
  row frozen, dates as Excel dates, lists joined by ``"; "``. Cells Excel cannot hold are
  changed and listed on a ``notes`` sheet: control characters become U+FFFD, text over 32,767
  characters is cut, rows past Excel's last row are left out.
- ``csv``: a folder with ``<table>.csv`` per table (derived tables only when built), UTF-8,
  a header line, NULL as an empty field, dates as ISO text, lists as JSON arrays.

The output is written under a temporary name and renamed into place; an existing output is
replaced only with ``--force``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.records import DERIVED_TABLES, TABLES
from pipeline.analyst.query import ALL_MEETINGS, TablesNotFoundError, connect
from pipeline.registry.paths import table_path

if TYPE_CHECKING:
    import duckdb

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
FORMATS = {".duckdb": "duckdb", ".db": "duckdb", ".xlsx": "xlsx", ".csv": "csv"}
EXCEL_MAX_CHARS = 32_767
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_SHEET_NAME = 31
# Characters an .xlsx cell cannot hold (XML 1.0 forbids them), as openpyxl refuses them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CUT_MARK = "… [cut]"


class ExportError(Exception):
    """An export that cannot be done, said in one sentence for a person."""


def views(con: duckdb.DuckDBPyConnection, root: Path, built_only: bool) -> list[str]:
    """The views to export, in order; with ``built_only``, derived tables only when their
    file exists."""
    derived = [t for t in DERIVED_TABLES
               if not built_only or table_path(root, t).exists()]
    return [*TABLES, ALL_MEETINGS, *derived]


# -- formats -----------------------------------------------------------------------------

def to_duckdb(con: duckdb.DuckDBPyConnection, names: list[str], path: Path) -> dict[str, int]:
    """Copy every view into a new database file at ``path``; rows per table."""
    con.execute(f"ATTACH '{_sql_path(path)}' AS export")
    counts = {}
    try:
        for name in names:
            con.execute(f'CREATE TABLE export."{name}" AS SELECT * FROM "{name}"')
            counts[name] = con.execute(f'SELECT count(*) FROM export."{name}"').fetchall()[0][0]
    finally:
        con.execute("DETACH export")
    return counts


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _rows(con: duckdb.DuckDBPyConnection, name: str) -> tuple[list[str], Iterator[tuple]]:
    """The columns of a view and its rows, fetched in batches (read them before the next
    query on ``con``)."""
    cursor = con.execute(f'SELECT * FROM "{name}"')
    columns = [d[0] for d in cursor.description]

    def batches() -> Iterator[tuple]:
        while batch := cursor.fetchmany(2048):
            yield from batch
    return columns, batches()


def to_csv(con: duckdb.DuckDBPyConnection, names: list[str], folder: Path) -> dict[str, int]:
    """Write ``<name>.csv`` per view into ``folder``; rows per table."""
    folder.mkdir(parents=True)
    counts = {}
    for name in names:
        columns, rows = _rows(con, name)
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            counts[name] = 0
            for row in rows:
                writer.writerow([_csv_value(v) for v in row])
                counts[name] += 1
    return counts


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def sheet_name(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts: at most 31 characters, no ``[]:*?/\\``, unique."""
    base = re.sub(r"[\[\]:*?/\\]", "_", name)[:EXCEL_MAX_SHEET_NAME]
    candidate, n = base, 1
    while candidate.lower() in {t.lower() for t in taken}:
        n += 1
        candidate = f"{base[:EXCEL_MAX_SHEET_NAME - len(str(n)) - 1]}~{n}"
    taken.add(candidate)
    return candidate


def excel_value(value: Any) -> tuple[Any, str | None]:
    """A value an .xlsx cell can hold, and a note when it had to be changed."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if not isinstance(value, str):
        return value, None
    notes = []
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("\ufffd", value)
        notes.append("control characters replaced by U+FFFD")
    if len(value) > EXCEL_MAX_CHARS:
        notes.append(f"text of {len(value):,} characters cut to Excel's {EXCEL_MAX_CHARS:,}")
        value = value[:EXCEL_MAX_CHARS - len(_CUT_MARK)] + _CUT_MARK
    return value, "; ".join(notes) or None


def to_xlsx(con: duckdb.DuckDBPyConnection, names: list[str], path: Path) -> dict[str, int]:
    """Write a workbook with a sheet per view to ``path``; rows per table."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    taken: set[str] = {"notes"}
    notes: list[tuple[str, str, str]] = []
    counts = {}
    for name in names:
        sheet = book.create_sheet(sheet_name(name, taken))
        sheet.freeze_panes = "A2"
        columns, rows = _rows(con, name)
        sheet.append(columns)
        counts[name] = 0
        for r, row in enumerate(rows, start=2):
            if r > EXCEL_MAX_ROWS:
                notes.append((sheet.title, f"rows {r:,}+",
                              "rows past Excel's last row left out; use CSV or DuckDB"))
                break
            cells = []
            for c, value in enumerate(row, start=1):
                value, note = excel_value(value)
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text starting with "=" stays text, not a formula
                elif isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
                if note:
                    notes.append((sheet.title, f"{get_column_letter(c)}{r}", note))
                cells.append(cell)
            sheet.append(cells)
            counts[name] += 1
    if notes:
        sheet = book.create_sheet("notes")
        sheet.freeze_panes = "A2"
        sheet.append(["sheet", "cell", "what was changed"])
        for note in notes:
            sheet.append(list(note))
    book.save(path)
    return counts


WRITERS = {"duckdb": to_duckdb, "xlsx": to_xlsx, "csv": to_csv}


# -- the export --------------------------------------------------------------------------

def guess_format(path: Path) -> str:
    """The format a path's suffix names (a path without a known suffix: CSV files)."""
    return FORMATS.get(path.suffix.lower(), "csv")


def export(root: str | Path, path: str | Path, to: str | None = None,
           force: bool = False) -> dict[str, int]:
    """Export the tables of ``root`` to ``path`` as ``to`` (default: from the suffix); rows
    per table. Raises ``ExportError`` or ``TablesNotFoundError``."""
    root, path = Path(root), Path(path)
    to = to or guess_format(path)
    if to not in WRITERS:
        raise ExportError(f"unknown format {to!r}; choose one of {', '.join(WRITERS)}")
    if path.exists() or path.is_symlink():
        if not force:
            raise ExportError(f"{path} already exists; pass --force to replace it")
        if path.is_dir() and not path.is_symlink() and to != "csv":
            raise ExportError(f"{path} is a folder; give a file name for the {to} export")
    if not path.parent.is_dir():
        raise ExportError(f"the folder {path.parent} does not exist")
    con = connect(root)  # read-only: the views see only the table folders
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _remove(tmp)
    try:
        if to == "duckdb":  # ATTACH is refused by the locked session: a writable one
            con.close()
            con = connect(root, writable=True)
        counts = WRITERS[to](con, views(con, root, built_only=to != "duckdb"), tmp)
        con.close()
        if force:
            _remove(path)
        os.replace(tmp, path)
    except BaseException:
        con.close()
        _remove(tmp)
        raise
    return counts


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


# -- command -----------------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the arguments of ``minutes export``."""
    parser.add_argument("path", type=Path,
                        help="where to write: a .duckdb file, an .xlsx workbook, or a folder "
                             "for the CSV files")
    parser.add_argument("--to", choices=list(WRITERS),
                        help="the format (default: from the path's suffix; .duckdb/.db, "
                             ".xlsx, otherwise csv)")
    parser.add_argument("--tables", "--out", dest="tables",
                        default=os.environ.get("MINUTES_TABLES", "data/processed"),
                        metavar="DIR", help="folder holding the tables (default "
                                            "$MINUTES_TABLES or data/processed)")
    parser.add_argument("--force", action="store_true",
                        help="replace the output when it exists")


def run(args: argparse.Namespace) -> int:
    """Run ``minutes export``: 0 on success, 2 on a usage error, 1 when writing fails."""
    try:
        counts = export(args.tables, args.path, args.to, args.force)
    except (ExportError, TablesNotFoundError) as exc:
        print(f"minutes export: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"minutes export: could not write {args.path}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_ERROR
    total = sum(counts.values())
    print(f"exported {len(counts)} tables ({total:,} rows) to {args.path}")
    return EXIT_OK
