"""Which files of a table folder hold rows: the one place that knows the folder's layout.

A table folder (``<out>/<table>/``) holds one ``<key>.parquet`` per document (``doc_id``, or
``source_key`` for ``failures``: 16 hex digits) and ``schema.parquet``, zero rows with the
table's columns, so that ``pd.read_parquet(folder)``, ``pyarrow.parquet.read_table(folder)``
and DuckDB's ``read_parquet('<folder>/*.parquet')`` give the columns even when the table is
empty. (pyarrow skips names starting with ``_`` or ``.``, so the schema file's name must not;
``schema`` holds letters that are not hex digits, so it is never a document's key.)

Older stores named the schema file ``_schema.parquet`` (``LEGACY_SCHEMA_FILE``);
``ParquetStore.open`` replaces it, and every reader still leaves names starting with ``_``
or ``.`` out, so a store not yet opened by a writer reads as before.
"""

from __future__ import annotations

from pathlib import Path

SCHEMA_FILE = "schema.parquet"
LEGACY_SCHEMA_FILE = "_schema.parquet"


def is_document_file(path: Path) -> bool:
    """True for a ``*.parquet`` file of a table folder that holds a document's rows."""
    return (path.suffix == ".parquet" and path.name != SCHEMA_FILE
            and not path.name.startswith(("_", ".")))


def document_files(folder: str | Path) -> list[Path]:
    """The document files of a table folder, sorted by name (none when it does not exist):
    every ``*.parquet`` but the schema file and names starting with ``_`` or ``.``."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.parquet") if is_document_file(p))
