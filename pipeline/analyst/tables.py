"""The tables as pandas DataFrames with the right dtypes, for notebooks and scripts.

``load("attendees", root=...)`` reads a table through the views of ``minutes query``
(``pipeline.analyst.query.connect``), so each meeting counts once (rows of a file that is
another copy of a meeting are left out; ``every_file=True`` keeps them) and the attendees,
interventions and decisions carry the person columns of ``person_links``. The derived tables
(``people``, ``person_links``, ``delegations``) load the same way. Dtypes come from the
table's schema (``models.schemas.schema_for``), not from the rows, so an empty table has every
column with its dtype:

- dates (``meeting_date``, ``due_date``, ``date_start`` ...): ``datetime64[ns]`` (NaT for null)
- integers: ``int64``; integers that may be null (``sequence``, ``votes_for`` ...): ``Int64``
- booleans: ``bool``; booleans that may be null: ``boolean``
- short codes from a small vocabulary (``CATEGORIES``: ``source_format``, ``meeting_type``,
  ``delegation_kind``, ``status``, ``kind`` ...): ``category``
- other text: ``string`` (pandas' nullable string dtype, ``pd.NA`` for null)
- lists (``people.variants``, ``people.delegation_codes``): ``object`` holding Python lists

The Parquet files read without this module too. Each table folder holds ``schema.parquet``
(zero rows, the table's columns) and one file per document (``pipeline.batch.table_files``),
so ``pd.read_parquet(folder)``, ``pyarrow.parquet.read_table(folder)`` and DuckDB's
``read_parquet('<folder>/*.parquet')`` give every row of every file (copies of a meeting
included, no person columns) and an empty table with its columns; their dtypes are Arrow's
defaults (dates arrive as Python ``date`` objects), not the ones above.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from models.records import DERIVED_TABLES, TABLES
from models.schemas import schema_for
from pipeline.analyst.query import (
    ALL_MEETINGS,
    LINKED_COLUMNS,
    ROW_COLUMN,
    TablesNotFoundError,
    connect,
    linked_select,
)

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

__all__ = ["CATEGORIES", "TablesNotFoundError", "dtypes", "load", "load_all", "table_names"]

DEFAULT_ROOT = "data/processed"
# Columns holding a few distinct codes: categoricals (smaller, and they sort and group fast).
CATEGORIES: dict[str, tuple[str, ...]] = {
    "meetings": ("source_format", "meeting_type"),
    "attendees": ("delegation_kind", "status"),
    "decisions": ("kind",),
    "dates": ("granularity",),
    "quality_flags": ("kind",),
    "failures": ("stage", "error_type"),
    "person_links": ("source_table",),
    "delegations": ("kind", "un_region", "un_subregion", "un_group"),
}


def table_names() -> list[str]:
    """Every table ``load`` knows: the document tables, then the derived ones."""
    return [*TABLES, *DERIVED_TABLES]


def view_schema(table: str, linked: bool = True) -> pa.Schema:
    """The Arrow schema of the rows ``load`` reads: the table's columns, then the person
    columns the view adds (``linked``)."""
    schema = schema_for(table)
    for name in LINKED_COLUMNS.get(table, {}) if linked else ():
        schema = schema.append(pa.field(name, pa.string()))
    return schema


def dtypes(table: str, linked: bool = True) -> dict[str, str]:
    """Column -> pandas dtype name of ``load(table)`` (see the module docstring)."""
    result: dict[str, str] = {}
    for fld in view_schema(table, linked):
        if fld.name in CATEGORIES.get(table, ()):
            result[fld.name] = "category"
        elif pa.types.is_date(fld.type):
            result[fld.name] = "datetime64[ns]"
        elif pa.types.is_integer(fld.type):
            result[fld.name] = "Int64" if fld.nullable else "int64"
        elif pa.types.is_boolean(fld.type):
            result[fld.name] = "boolean" if fld.nullable else "bool"
        elif pa.types.is_floating(fld.type):
            result[fld.name] = "float64"
        elif pa.types.is_string(fld.type):
            result[fld.name] = "string"
        else:  # lists
            result[fld.name] = "object"
    return result


def _select(table: str, every_file: bool) -> str:
    """The SQL giving ``table``'s rows: the view of ``minutes query``, or with ``every_file``
    the rows of every file (copies of a meeting included), person columns still joined."""
    if not every_file or table in DERIVED_TABLES or table == "failures":
        return f'SELECT * FROM "{table}"'
    if table == "meetings":
        return f"SELECT * FROM {ALL_MEETINGS}"
    return linked_select(table)


def _frame(con: duckdb.DuckDBPyConnection, table: str, every_file: bool) -> pd.DataFrame:
    """One table read from ``con`` and given its dtypes."""
    import pandas as pd

    arrow = con.sql(_select(table, every_file)).to_arrow_table()
    if ROW_COLUMN in arrow.column_names:
        arrow = arrow.drop_columns([ROW_COLUMN])
    schema = view_schema(table)
    arrow = arrow.select(schema.names).cast(schema)
    mapper = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(),
              pa.string(): pd.StringDtype()}
    frame = arrow.to_pandas(types_mapper=mapper.get, date_as_object=False)
    for fld in schema:
        if pa.types.is_list(fld.type):  # pyarrow gives numpy arrays: Python lists read better
            frame[fld.name] = pd.Series([list(v) for v in frame[fld.name]], index=frame.index,
                                        dtype=object)
    return frame.astype(dtypes(table))


def load(table: str, root: str | Path = DEFAULT_ROOT, *,
         every_file: bool = False) -> pd.DataFrame:
    """Return ``table`` from the tables folder ``root`` as a DataFrame with typed columns.

    Each meeting once, as in ``minutes query``; ``every_file=True`` keeps the rows of every
    file, copies of a meeting included. Raises ``KeyError`` for an unknown table and
    ``TablesNotFoundError`` when ``root`` holds no tables.
    """
    if table not in table_names():
        raise KeyError(f"no table named {table!r}; tables: {', '.join(table_names())}")
    con = connect(root)
    try:
        return _frame(con, table, every_file)
    finally:
        con.close()


def load_all(root: str | Path = DEFAULT_ROOT, *,
             every_file: bool = False) -> dict[str, pd.DataFrame]:
    """Every table of ``root`` (the derived ones empty when not built yet), by name."""
    con = connect(root)
    try:
        return {table: _frame(con, table, every_file) for table in table_names()}
    finally:
        con.close()
