""""It was so agreed." stands for the proposal before it, also where OCR damaged the verb of
deciding with one odd character (fictional summary record)."""

from __future__ import annotations

from collections.abc import Callable

from models.records import Decision

Run = Callable[[str], list[Decision]]

HEAD = ("SUMMARY RECORD OF THE FOURTH MEETING\n\nRegional Health Board, Portvale, 8 May 1990\n\n"
        "1. CONSIDERATION OF DRAFT RESOLUTIONS\n\n")


def _one(decisions_of: Run, body: str) -> Decision:
    recs = decisions_of(HEAD + body + "\n")
    assert [r.kind for r in recs] == ["decision"]
    return recs[0]


def test_so_agreed_covers_the_proposal(decisions_of: Run) -> None:
    rec = _one(decisions_of, "The delegate of Norvia said the text on clinics should be "
                             "revised before adoption. It was so agreed.")
    assert rec.text.startswith("The delegate of Norvia said")
    assert rec.text.endswith("It was so agreed.")


def test_ocr_damaged_so_agreed_is_a_decision(decisions_of: Run) -> None:
    rec = _one(decisions_of, "The Chairman proposed that the resolution be sent back to "
                             "the drafting group. It was so a~eed.")
    assert rec.text.endswith("It was so a~eed.")
    assert "drafting group" in rec.text


def test_ocr_damaged_so_decided_is_a_decision(decisions_of: Run) -> None:
    rec = _one(decisions_of, "The Chairman proposed to defer the item to the next "
                             "session. It was so dec!ded.")
    assert "defer the item" in rec.text


def test_odd_character_in_another_word_is_no_decision(decisions_of: Run) -> None:
    recs = decisions_of(HEAD + "The report was discussed at length. It was so "
                               "im~ortant.\n")
    assert recs == []
