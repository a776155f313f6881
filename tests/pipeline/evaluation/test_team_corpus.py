"""Regression floor for the team-written held-out corpus (``tests/corpus/team``).

The eight minutes there are fictional and held out from rule development: no rule may be
written from them. This test only guards against losing ground on layouts the extractors were
not tuned on. Each floor is the pooled F1 measured when the corpus was added, minus 0.05
(a regression floor, not a target). Raise a floor when the extractors improve; never edit the
corpus or its gold to make this test pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation.evaluate import evaluate

TEAM_CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "team"

MEASURED_F1 = {  # pooled txt F1 last measured (2026-11-30, after the attendance and turn rounds)
    "meetings": 0.903,
    "attendees": 0.552,
    "agenda_items": 0.958,
    "interventions": 0.671,
    "decisions": 0.835,
    "dates": 1.000,
}
MARGIN = 0.05  # regression floor = measured figure - MARGIN


@pytest.fixture(scope="module")
def pooled() -> dict:
    """Pooled scores per table over the team corpus, txt rendering."""
    result = evaluate(TEAM_CORPUS, formats=("txt",))
    assert not result["errors"], result["errors"]
    return result["pooled"]["txt"]


def test_every_team_document_is_scored(pooled: dict) -> None:
    gold_files = sorted((TEAM_CORPUS / "gold").glob("t*.json"))
    assert len(gold_files) == 8
    assert pooled["meetings"].gold == 9 * len(gold_files)  # nine meeting fields per document


@pytest.mark.parametrize("table", sorted(MEASURED_F1))
def test_pooled_f1_stays_above_regression_floor(pooled: dict, table: str) -> None:
    floor = MEASURED_F1[table] - MARGIN
    assert pooled[table].f1 >= floor, (
        f"{table}: pooled F1 {pooled[table].f1:.3f} fell below the regression floor "
        f"{floor:.3f} (measured {MEASURED_F1[table]:.3f} - {MARGIN})")
