"""Where the derived tables live, and whether they are older than what they derive from
(light: the ``minutes ingest`` fast path asks it without importing the rebuild)."""

from __future__ import annotations

from pathlib import Path

from pipeline.registry.aliases import ALIAS_FILE

JOURNAL = Path("_state") / "registry-commit.json"


def table_path(out: str | Path, table: str) -> Path:
    """Where a derived table's one file lives: ``<out>/<table>/<table>.parquet``."""
    return Path(out) / table / f"{table}.parquet"


def is_stale(out: str | Path) -> bool:
    """True when ``people`` is missing or older than the document tables' last commit or the
    alias file (an analyst edited it): the next ingest rebuilds even with no file changed."""
    out = Path(out)
    people = table_path(out, "people")
    if not people.exists():
        return True
    built = people.stat().st_mtime
    newer = [out / "_state" / "manifest.json", out / ALIAS_FILE]
    return any(p.exists() and p.stat().st_mtime > built for p in newer)
