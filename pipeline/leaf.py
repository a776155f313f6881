"""The constants of a module that imports nothing of its own package (``models.version``,
``extractors.limits``), read without importing that package.

The ``models`` and ``extractors`` packages import the record schemas (pyarrow) and the readers
when they are imported; ``minutes --version``, ``--help`` and argument parsing need only a
version string and the default limits, so the CLI reads those here."""

from __future__ import annotations

import importlib.util
import runpy
import sys
from functools import cache
from pathlib import Path
from typing import Any


@cache
def leaf_constants(module: str) -> dict[str, Any]:
    """The globals of ``module`` (``package.name``, a top-level package's module): the
    module's own when it is imported already, else those of its file run alone, without the
    package's ``__init__``. Only for modules that import nothing from their package."""
    loaded = sys.modules.get(module)
    if loaded is not None:
        return vars(loaded)
    package, _, name = module.partition(".")
    spec = importlib.util.find_spec(package)  # a top-level package is found, not imported
    if spec is None or not spec.submodule_search_locations or "." in name:
        raise ModuleNotFoundError(f"{module} is not a module of a top-level package")
    path = Path(next(iter(spec.submodule_search_locations))) / f"{name}.py"
    return runpy.run_path(str(path), run_name=f"_leaf_{package}_{name}")
