"""Over the five CCM minutes (txt): the spelling pairs issue #16 reports are one person each,
and the people table does not depend on the order the minutes were ingested.

The pairs are the issue's acceptance check. They are real names of the corpus, which no tracked
file may carry (``tests/test_no_gold_text.py``), so each spelling is given by the first 16 hex
digits of the SHA-256 of its UTF-8 text; no rule reads them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.batch.process import process_file
from pipeline.batch.store import ParquetStore
from pipeline.registry.paths import table_path
from pipeline.registry.rebuild import rebuild
from tests.pipeline.conftest import CORPUS
from tests.pipeline.registry.test_delegations import unjoined

# the six pairs the issue names: an accent, a middle initial, accents, an accent, a given name
# and a second surname, a particle's case
ISSUE_PAIRS = [("390aabb76d0d6ae8", "209750a7deed3f24"), ("4f25b3b4d4427309", "b1fe30b8b206f00d"),
               ("6fa1557133311273", "67ddc79e6d938d2b"), ("22cfd2b78d868171", "2a0b1164ad1a42ff"),
               ("53ed857d1a020df5", "cbb51892b2005471"), ("a337dec22e4cf9b6", "290995aed9292fc2")]


def _digest(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")


@pytest.fixture(scope="module")
def outcomes() -> list:
    return [process_file(p.resolve()) for p in sorted(CORPUS.glob("*.txt"))]


def _build(out: Path, outcomes: list) -> list[dict]:
    with ParquetStore(out) as store:
        for outcome in outcomes:
            store.write_document(outcome.extraction, text=outcome.text)
    rebuild(out)
    return pq.read_table(table_path(out, "people")).to_pylist()


def test_issue_pairs_get_one_id_each_in_any_order(tmp_path: Path, outcomes: list) -> None:
    people = _build(tmp_path / "forward", outcomes)
    ids = {_digest(variant): p["person_id"] for p in people for variant in p["variants"]}
    for left, right in ISSUE_PAIRS:
        assert ids[left] == ids[right], (left, right)
    assert len({p["person_id"] for p in people}) == len(people)
    assert unjoined(tmp_path / "forward") == {}  # every code column joins to delegations
    assert _build(tmp_path / "backward", outcomes[::-1]) == people
