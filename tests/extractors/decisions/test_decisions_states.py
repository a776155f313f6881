"""A verb of deciding that describes a state of the world is no decision (fictional
minutes): "the format is already widely adopted"."""

from __future__ import annotations

from collections.abc import Callable

from models.records import Decision

Run = Callable[[str], list[Decision]]

HEAD = ("Minutes of the Marrow Data Standards Board\n\nHeld on 9 June 2020\n\n"
        "1. File formats\n\nThe Chair opened the item. ")


def test_widely_adopted_format_is_a_state(decisions_of: Run) -> None:
    recs = decisions_of(HEAD + "The Board recognised that the open calendar format is "
                               "already widely adopted by local councils.\n")
    assert [r.kind for r in recs] == []


def test_commonly_accepted_practice_is_a_state(decisions_of: Run) -> None:
    recs = decisions_of(HEAD + "Members observed that plain text exports are commonly "
                               "accepted by archives.\n")
    assert [r.kind for r in recs] == []


def test_adoption_by_the_board_stays_a_decision(decisions_of: Run) -> None:
    recs = decisions_of(HEAD + "The open calendar format was adopted by the Board.\n")
    assert [r.kind for r in recs] == ["decision"]
