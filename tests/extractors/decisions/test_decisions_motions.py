"""Motions (proposed / seconded / carried) and the vote counts they state."""

from __future__ import annotations

from collections.abc import Callable

from extractors.decisions.motions import parse_votes
from models.records import Decision

Extract = Callable[[str], list[Decision]]

PARISH = """Minutes of Brackenhurst Parish Council meeting held on 9 October 2030

Attendance: P Olway (Chair); R Dunmore; T Feldspar (Clerk).

1. **Minutes of the last meeting**

Cllr Dunmore proposed acceptance; Cllr Olway seconded; **Carried.**

2. **Allotment rents**

A rise of five per cent was proposed by Cllr Feldspar, seconded by Cllr Dunmore; \
6 for, 2 against, 1 abstention; Carried.
"""

TRUST = """Minutes of the Gorsebrook Allotment Trust, 3 March 2031

4. Election of treasurer

HV proposes LM as treasurer of the Trust. KP seconds. 5 votes, i.e. unanimous.
"""


def test_seconded_motions_are_decisions_with_votes(decisions_of: Extract) -> None:
    recs = decisions_of(PARISH)
    assert [r.kind for r in recs] == ["decision", "decision"]
    assert recs[0].text.startswith("Cllr Dunmore proposed acceptance; Cllr Olway seconded")
    assert (recs[0].votes_for, recs[0].votes_against) == (None, None)
    assert (recs[1].votes_for, recs[1].votes_against, recs[1].votes_abstain) == (6, 2, 1)


def test_motion_spans_proposal_and_outcome_sentences(decisions_of: Extract) -> None:
    recs = decisions_of(TRUST)
    assert len(recs) == 1
    rec = recs[0]
    assert rec.kind == "decision"
    assert rec.text == ("HV proposes LM as treasurer of the Trust. KP seconds. "
                        "5 votes, i.e. unanimous.")
    assert (rec.votes_for, rec.votes_against) == (5, 0)


def test_vote_shapes() -> None:
    by_votes = parse_votes("The draft resolution was adopted by 18 votes to none, "
                           "with 2 abstentions.")
    assert by_votes is not None
    assert (by_votes.for_, by_votes.against, by_votes.abstain) == (18, 0, 2)
    dashed = parse_votes("The motion was carried 7-1.")
    assert dashed is not None and (dashed.for_, dashed.against) == (7, 1)
    assert parse_votes("The motion was carried.") is None
