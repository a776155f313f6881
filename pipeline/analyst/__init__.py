"""Analyst commands over the tables: ``minutes query`` (DuckDB views) and ``minutes review``
(one document's records highlighted in its text)."""
