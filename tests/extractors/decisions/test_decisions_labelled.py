"""Labelled decision and action lines, action sections and introduced decision lists."""

from __future__ import annotations

from collections.abc import Callable

from models.records import Decision

Extract = Callable[[str], list[Decision]]

ORCHARD = """# Orchard Valley Water Board - March 2031

Present: Wilma Tarrant (WT), Lakeside Utility (LKU); Osric Penhallow (OP), Fenmoor Water (FMW)

**1. Tariffs for 2032**
- WT - The tariff review is finished.

RES-OVWB – The Board approved the tariff schedule for 2032

ACTION – OP to circulate the tariff schedule to members

**2. Reservoir works**
- OP - The survey has been received.

RESOLVED that the reservoir survey be published on the website.

Action-07 Ask the contractor for a revised quote
"""

HARBOUR = """Minutes of the Harbour Lane Residents Forum, 4 May 2030

1. Parking

Decision 4.1: The Forum adopted the parking charter. The Chair asked the Secretary to \
write to the council about the new signs.

Agreed: the summer fair will be held on the green.

2. Any other business

### Actions
- Nadia Quist will book the hall for the autumn meeting
- The Secretary will send the charter to the printers; Tobin Ashgrove will check the proofs
"""


def test_resolution_and_action_lines_of_a_board(decisions_of: Extract) -> None:
    recs = decisions_of(ORCHARD)
    kinds = [(r.kind, r.text) for r in recs]
    assert ("decision", "RES-OVWB – The Board approved the tariff schedule for 2032") in kinds
    assert ("action", "ACTION – OP to circulate the tariff schedule to members") in kinds
    assert ("decision", "RESOLVED that the reservoir survey be published on the website.") \
        in kinds
    assert ("action", "Action-07 Ask the contractor for a revised quote") in kinds
    assert len(recs) == 4


def test_labelled_paragraph_gives_one_record_per_sentence(decisions_of: Extract) -> None:
    recs = decisions_of(HARBOUR)
    texts = {r.text: r.kind for r in recs}
    assert texts["Decision 4.1: The Forum adopted the parking charter."] == "decision"
    assert any(k == "action" and t.startswith("The Chair asked the Secretary")
               for t, k in texts.items())
    assert texts["Agreed: the summer fair will be held on the green."] == "decision"


def test_action_section_items_are_actions_split_by_actor(decisions_of: Extract) -> None:
    recs = decisions_of(HARBOUR)
    actions = [r.text for r in recs if r.kind == "action"]
    assert "Nadia Quist will book the hall for the autumn meeting" in actions
    assert "The Secretary will send the charter to the printers" in actions
    assert "Tobin Ashgrove will check the proofs" in actions


def test_items_after_a_decided_introduction_are_decisions(decisions_of: Extract) -> None:
    recs = decisions_of(
        "# Report of the Kestrel Dunes Trust, 2 June 2029\n\n"
        "## Summary\n"
        "The Trustees agreed:\n\n"
        "1. To close the north car park during the nesting season.\n"
        "2. To fund two new rangers from the reserve account.\n\n"
        "## Finance\n"
        "The accounts were presented by the treasurer.\n")
    assert [(r.kind, r.text) for r in recs] == [
        ("decision", "To close the north car park during the nesting season."),
        ("decision", "To fund two new rangers from the reserve account.")]


def test_introduction_without_a_decision_cue_gives_no_items(decisions_of: Extract) -> None:
    recs = decisions_of(
        "# Notes of the Kestrel Dunes Trust, 2 June 2029\n\n"
        "The following members were welcomed:\n\n"
        "1. Marta Ellingham.\n"
        "2. Quentin Ravell.\n")
    assert recs == []
