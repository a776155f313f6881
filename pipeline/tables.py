"""``from pipeline import tables``: the tables as typed pandas DataFrames (``tables.load``,
``tables.load_all``); see ``pipeline.analyst.tables``."""

from pipeline.analyst.tables import (
    CATEGORIES,
    TablesNotFoundError,
    dtypes,
    load,
    load_all,
    table_names,
)

__all__ = ["CATEGORIES", "TablesNotFoundError", "dtypes", "load", "load_all", "table_names"]
