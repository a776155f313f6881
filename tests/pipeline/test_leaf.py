"""Constants of a leaf module read without importing its package (``pipeline.leaf``)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.leaf import leaf_constants

_FRESH = """
import dataclasses, sys
from pipeline.leaf import leaf_constants

limits = leaf_constants("extractors.limits")["DEFAULT_LIMITS"]
version = leaf_constants("models.version")["PIPELINE_VERSION"]
assert not {"extractors", "models"} & set(sys.modules), "a package was imported"
from extractors.limits import DEFAULT_LIMITS
from models.version import PIPELINE_VERSION
assert dataclasses.asdict(limits) == dataclasses.asdict(DEFAULT_LIMITS)
assert version == PIPELINE_VERSION
print("ok")
"""


def test_constants_equal_the_modules_own_and_no_package_is_imported() -> None:
    result = subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_an_imported_module_gives_its_own_globals() -> None:
    import extractors.limits

    assert leaf_constants("extractors.limits")["DEFAULT_LIMITS"] is \
        extractors.limits.DEFAULT_LIMITS


def test_only_a_module_of_a_top_level_package() -> None:
    with pytest.raises(ModuleNotFoundError):
        leaf_constants("extractors.readers.not_imported")
    with pytest.raises(ModuleNotFoundError):
        leaf_constants("no_such_package.version")
