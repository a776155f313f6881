"""Steps still to come written in the present tense: "is to be <participle>", "the next
meeting is scheduled for ...", "an outstanding action to <verb>" (fictional minutes)."""

from __future__ import annotations

from collections.abc import Callable

from models.records import Decision

Run = Callable[[str], list[Decision]]

HEAD = ("Minutes of the Harbour Trust Board\n\nHeld on 4 May 2022 at Lindqvist Quay\n\n"
        "Present: Mara Oduya (Chair), Tomas Welk, Ines Varga\n\n")


def _kinds(decisions_of: Run, body: str) -> list[tuple[str, str]]:
    """Records of one item; a first sentence keeps the parse off the item's heading."""
    heading, text = body.split("\n\n", 1)
    opened = f"{heading}\n\nThe Chair opened the item. {text}"
    return [(r.kind, r.text) for r in decisions_of(HEAD + opened)]


def test_be_to_passive_is_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "1. Moorings\n\nThe revised mooring tariff is to be "
                                 "published on the notice board.\n")
    assert [k for k, _ in found] == ["action"]


def test_be_to_passive_of_a_plural_subject_is_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "1. Slipway\n\nIt was noted that the old slipway signs are "
                                 "to be replaced before the summer.\n")
    assert [k for k, _ in found] == ["action"]


def test_to_be_discussed_places_a_matter_on_an_agenda(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "1. Slipway\n\nThe lighting question is to be discussed "
                                 "at a later meeting.\n")
    assert found == []


def test_scheduled_next_meeting_is_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "5. Next meeting\n\nThe next meeting is scheduled for "
                                 "early October 2022 by video call.\n")
    assert [k for k, _ in found] == ["action"]


def test_scheduled_workshop_is_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "5. Training\n\nA workshop is planned for 12 September "
                                 "2022 with the pilots and the ferry operators.\n")
    assert [k for k, _ in found] == ["action"]


def test_a_past_scheduling_is_not_a_step_to_come(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "5. Training\n\nThe tariff is scheduled in the annex of "
                                 "the harbour rules.\n")
    assert found == []


def test_outstanding_action_to_do_is_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "3. Leases\n\nThere is an outstanding action to send the "
                                 "tenants copies of the new lease terms.\n")
    assert [k for k, _ in found] == ["action"]


def test_noted_action_to_do_is_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "3. Leases\n\nThe audit is complete. Please note this "
                                 "action to update the lease register.\n")
    assert [k for k, _ in found] == ["action"]


def test_closed_action_is_not_open(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "3. Leases\n\nThe action to move the deposit account was "
                                 "closed last month.\n")
    assert [k for k, _ in found] != ["action"]


def test_point_still_to_be_checked_is_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "4. Standing orders\n\nThe draft was read through and "
                                 "there was one more figure to be verified with the auditors.\n")
    assert [k for k, _ in found] == ["action"]


def test_issues_still_to_be_settled_are_an_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "4. Standing orders\n\nThere are two questions to be "
                                 "settled with the harbour master.\n")
    assert [k for k, _ in found] == ["action"]


def test_nothing_to_be_done_is_no_action(decisions_of: Run) -> None:
    found = _kinds(decisions_of, "4. Standing orders\n\nThere is no new member to be "
                                 "proposed this year.\n")
    assert found == []
