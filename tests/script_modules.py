"""Loading the files of ``scripts/`` (a plain folder, not a package) as modules in tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load_module(path: Path, name: str) -> ModuleType:
    """The Python file ``path`` as module ``name``, registered in ``sys.modules`` (dataclasses
    resolve their annotations through it); loaded once per test session."""
    loaded = sys.modules.get(name)
    if loaded is not None and Path(getattr(loaded, "__file__", "")) == path:
        return loaded
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def load_script(name: str) -> ModuleType:
    """``scripts/<name>.py`` as module ``name``."""
    return load_module(SCRIPTS / f"{name}.py", name)
