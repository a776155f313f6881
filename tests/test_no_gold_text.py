"""No code, data file, comment or test carries text of the gold: no 8-word run of a gold anchor
and no gold person name of two words or more (the team's rule: comments and tests use examples
the team writes). Uses the check that ships beside the corpora, ``../shared/hooks/
leak_check.py``, over every tracked file but the team's own held-out corpus and the notebook
(which shows extracted records by design)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.script_modules import load_module

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HOOK = SHARED / "hooks" / "leak_check.py"
GOLD_DIRS = [SHARED / "gold", SHARED / "corpus-wide" / "gold"]
NOT_SCANNED = ("tests/corpus/", "notebooks/")


@pytest.mark.skipif(not HOOK.exists(), reason="no leak_check.py in ../shared/hooks")
def test_no_tracked_file_carries_gold_text() -> None:
    check = load_module(HOOK, "leak_check")
    runs, names = check.needles([str(d) for d in GOLD_DIRS if d.is_dir()])
    assert runs and names  # the gold was found, so the scan below can fail
    files = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True,
                           text=True, check=True).stdout.split()
    hits = []
    for name in files:
        path = ROOT / name
        if name.startswith(NOT_SCANNED) or not path.is_file():
            continue
        text = check.fold(path.read_text(encoding="utf-8", errors="ignore"))
        hits += [f"{name}: person name {n!r}" for n in names
                 if re.search(rf"\b{re.escape(n)}\b", text)]
        hits += [f"{name}: anchor words {r!r}" for r in runs if r in text]
    assert not hits, "\n".join(sorted(hits)[:40])
