"""Decisions the parse would lose: an agenda heading that runs into its first sentence on
one line, and a deciding body the parse hangs on the phrase before it (fictional minutes)."""

from __future__ import annotations

from collections.abc import Callable

from models.records import Decision

Run = Callable[[str], list[Decision]]

RUN_IN = ("MINUTES OF THE FENWICK VALLEY TRANSPORT COMMITTEE MEETING\n\n"
          "1.\n\nOpening by the Chair The Chair opened the meeting at 10:00 and welcomed the "
          "members.\n\n2.\n\n{item}\n\n3.\n\nUpdate from the Secretariat The Secretary "
          "reported on the timetable consultation.\n")


def test_run_in_heading_then_approval_is_a_decision(decisions_of: Run) -> None:
    recs = decisions_of(RUN_IN.format(
        item="Approval of the Minutes of 3 March 2021 The Committee approved without "
             "amendment the draft Minutes of the meeting held on 3 March 2021 as a true "
             "record of the discussion."))
    assert [(r.kind, r.agenda_item) for r in recs] == [("decision", "2")]
    assert recs[0].text.startswith("The Committee approved")


def test_run_in_heading_then_adoption_is_a_decision(decisions_of: Run) -> None:
    recs = decisions_of(RUN_IN.format(
        item="Work Plan for 2022 The Committee adopted the work plan for 2022 as presented "
             "by the Secretary."))
    assert [(r.kind, r.agenda_item) for r in recs] == [("decision", "2")]


PROSE = ("Minutes of the regular meeting of the Permanent Board of the Orlen Basin Compact\n\n"
         "Held on 12 May 2021\n\n1. Order of business\n\n{body}\n")


def test_body_after_a_long_phrase_adopting_is_a_decision(decisions_of: Run) -> None:
    recs = decisions_of(PROSE.format(
        body="Following a request by the delegation of Peru, the Permanent Board "
             "adopted the order of business, amended so that item 3 was taken first."))
    assert [r.kind for r in recs] == ["decision"]


def test_body_after_an_introductory_phrase_approving_is_a_decision(decisions_of: Run) -> None:
    recs = decisions_of(PROSE.format(
        body="Following a proposal by the delegation of Ghana, the Standing Committee "
             "approved the order of business without changes."))
    assert [r.kind for r in recs] == ["decision"]
