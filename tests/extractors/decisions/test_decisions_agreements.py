"""Collective agreement lines in transcript-style minutes."""

from __future__ import annotations

from collections.abc import Callable

from models.records import Decision

Extract = Callable[[str], list[Decision]]

STEERING = """# Corvid Mapping Alliance Steering Committee, 14 February 2032

Attendance:
- Ilse Marrow (IM), Northfold Survey (NFS) - Chair
- Dov Achterberg (DA), Coastal Charts Agency (CCA)

**1. Budget**
- IM - We should keep the reserve at 5,000 euros for next year.
- DA - agreed.
- ALL – agreed
- DA - Can we also publish the accounts?
- All – agreed to publish the accounts on the website.
- IM - Any other points?
- All - no.
- SC agreed that the next review should wait until the audit is done.
"""

BOARD = """Minutes of the Larchmont Cycling Club Board, 5 May 2031

Membership fees
- Everyone agreed to freeze the junior fee.
- TR – Should we print new cards?
- KB - No.
"""


def test_bare_agreement_stands_for_the_proposal(decisions_of: Extract) -> None:
    recs = decisions_of(STEERING)
    first = recs[0]
    assert first.kind == "decision"
    assert first.text.startswith("IM - We should keep the reserve at 5,000 euros")
    assert first.text.rstrip().endswith("ALL – agreed")


def test_agreements_with_content_and_body_acronym(decisions_of: Extract) -> None:
    recs = decisions_of(STEERING)
    texts = [r.text for r in recs if r.kind == "decision"]
    assert "All – agreed to publish the accounts on the website." in texts
    assert "SC agreed that the next review should wait until the audit is done." in texts
    assert not any(t.startswith("All - no") for t in texts)
    assert len(texts) == 3


def test_one_member_agreeing_is_not_the_meeting(decisions_of: Extract) -> None:
    recs = decisions_of(BOARD)
    assert [(r.kind, r.text) for r in recs] == [
        ("decision", "Everyone agreed to freeze the junior fee.")]
