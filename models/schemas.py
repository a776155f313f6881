"""Arrow schemas derived from the record dataclasses, and the data dictionary."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from functools import cache
from typing import Any

import pyarrow as pa

from models.records import DERIVED_TABLES, TABLES

SCHEMA_VERSION = "3"




def _arrow_type(hint: Any) -> tuple[pa.DataType, bool]:
    """Map a type hint to (arrow type, nullable)."""
    if typing.get_origin(hint) is list:  # list[str]: a list column, never null
        return pa.list_(_arrow_type(typing.get_args(hint)[0])[0]), False
    args = typing.get_args(hint)
    nullable = type(None) in args
    base = next((a for a in args if a is not type(None)), hint) if args else hint
    mapping = {str: pa.string(), int: pa.int64(), bool: pa.bool_(), float: pa.float64(),
               dt.date: pa.date32()}
    return mapping[base], nullable


@cache
def schema_for(table: str) -> pa.Schema:
    """Return the Arrow schema of ``table`` (field docs kept as field metadata)."""
    record_type = TABLES.get(table) or DERIVED_TABLES[table]
    hints = typing.get_type_hints(record_type)
    fields = []
    for f in dataclasses.fields(record_type):
        arrow_type, nullable = _arrow_type(hints[f.name])
        fields.append(pa.field(f.name, arrow_type, nullable=nullable,
                               metadata={"doc": f.metadata.get("doc", "")}))
    return pa.schema(fields, metadata={"table": table, "schema_version": SCHEMA_VERSION,
                                       "doc": (record_type.__doc__ or "").strip()})


def data_dictionary() -> str:
    """Return the data dictionary as Markdown: every table, column, type and meaning."""
    lines: list[str] = []
    for table in [*TABLES, *DERIVED_TABLES]:
        schema = schema_for(table)
        lines += [f"### `{table}`", "", schema.metadata[b"doc"].decode(), "",
                  "| column | type | null | meaning |", "|---|---|---|---|"]
        for fld in schema:
            lines.append(f"| `{fld.name}` | {fld.type} | {'yes' if fld.nullable else 'no'} | "
                         f"{fld.metadata[b'doc'].decode()} |")
        lines.append("")
    return "\n".join(lines)
