"""The rules' work grows with the document, not with its square: the Python lines the
extractors execute are counted (a deterministic measure of work, no timing) on synthetic
minutes of N and 4N agenda items, and the count may grow no faster than the blocks do.

A rule that, for every sentence, scans every agenda heading, turn or kept record makes the
count grow with the square of the length, and the failure names the functions to look at.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

from extractors.context import Context
from extractors.extract import extract_rules
from extractors.nlp import get_nlp
from extractors.parse import parse
from extractors.readers import parse_bytes
from models.document import Document
from tests.extractors.long_minutes import long_minutes

EXTRACTORS = str(Path(__file__).resolve().parents[2] / "extractors") + "/"
SLACK = 1.15  # work per block may vary this much between the two sizes


def _lines_run(doc: Document) -> Counter[str]:
    """Lines of ``extractors/`` executed by the rules on ``doc``, per function."""
    sdoc = parse(get_nlp(), doc.text, [b.start for b in doc.blocks])
    extract_rules(Context(doc=doc, sdoc=sdoc))  # caches filled, as in a long batch
    counts: Counter[Any] = Counter()

    def local(frame: FrameType, event: str, arg: object) -> Any:
        if event == "line":
            counts[frame.f_code] += 1
        return local

    def calls(frame: FrameType, event: str, arg: object) -> Any:
        return local if frame.f_code.co_filename.startswith(EXTRACTORS) else None

    context = Context(doc=doc, sdoc=sdoc)
    sys.settrace(calls)
    try:
        extract_rules(context)
    finally:
        sys.settrace(None)
    return Counter({f"{c.co_filename[len(EXTRACTORS):]}:{c.co_firstlineno} {c.co_name}": n
                    for c, n in counts.items()})


def test_rule_work_per_block_does_not_grow_with_the_document() -> None:
    small = parse_bytes(long_minutes(12).encode(), "txt", "small.txt")
    large = parse_bytes(long_minutes(48).encode(), "txt", "large.txt")
    growth = len(large.blocks) / len(small.blocks)
    work_small, work_large = _lines_run(small), _lines_run(large)
    worst = sorted(((work_large[f] - growth * work_small.get(f, 0), f) for f in work_large),
                   reverse=True)[:5]
    total_growth = sum(work_large.values()) / sum(work_small.values())
    assert total_growth <= growth * SLACK, (
        f"work grew {total_growth:.2f}x for {growth:.2f}x the blocks; most excess: {worst}")
