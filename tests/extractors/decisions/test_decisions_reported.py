"""Decisions and action points, on short minutes written for these tests."""

from __future__ import annotations

import datetime as dt

from extractors.decisions.deadlines import due_date
from extractors.extract import extract
from extractors.readers import parse_bytes
from models.records import Decision

HEAD = ("Minutes of the 3rd Meeting of the Coordination Committee\n\n"
        "Held on Tuesday, 7 March 2023\n\n"
        "1. Attendance\n\nFinland - President\n\nKenya\n\nChile\n\nGhana\n\nPeru\n\n")


def _decisions(body: str) -> list[Decision]:
    doc = parse_bytes((HEAD + body).encode(), "txt", "x.txt")
    return extract(doc).decisions


def _kinds(recs: list[Decision]) -> list[tuple[str, str]]:
    return [(r.kind, r.text) for r in recs]


def test_adopted_approved_and_agreed_are_decisions() -> None:
    recs = _decisions(
        "2. Agenda\n\nThe provisional agenda was adopted without changes.\n\n"
        "3. Minutes\n\nThe Committee approved the draft minutes of the last meeting.\n\n"
        "4. Next meeting\n\nIt was agreed that the next meeting would take place in May.\n")
    assert [r.kind for r in recs] == ["decision", "decision", "decision"]
    assert [r.agenda_item for r in recs] == ["2", "3", "4"]
    assert recs[0].text == "The provisional agenda was adopted without changes."


def test_proceeding_with_the_agenda_is_not_a_decision() -> None:
    recs = _decisions(
        "2. Agenda\n\nThere being no comments, the Chair proceeded with the agenda as "
        "circulated.\n")
    assert recs == []


def test_recalled_decisions_are_background() -> None:
    recs = _decisions(
        "2. Finances\n\nKenya recalled that the budget had been approved by the last "
        "Meeting of States Parties.\n")
    assert [r.kind for r in recs] == []


def test_future_tasks_are_action_points_with_actor() -> None:
    recs = _decisions(
        "2. Outreach\n\nChile announced that it would circulate a questionnaire to all "
        "States Parties. Letters will be sent out by the Presidency.\n")
    assert [(r.kind, r.actor_code) for r in recs][:1] == [("action", "CHL")]
    assert len(recs) == 2
    assert all(r.kind == "action" for r in recs)


def test_agreed_task_is_an_action() -> None:
    recs = _decisions(
        "2. Staffing\n\nIt was agreed that the ISU Director would publish the vacancy "
        "notice in April.\n")
    assert [(r.kind, r.actor_code) for r in recs] == [("action", "ISU-CCM")]


def test_deadline_gives_due_date_with_meeting_year() -> None:
    recs = _decisions(
        "2. Reports\n\nPeru requested all Coordinators to submit their inputs "
        "by 23rd June at the latest.\n")
    assert [(r.kind, r.due_date) for r in recs] == [("action", dt.date(2023, 6, 23))]


def test_wishes_invitations_and_questions_are_not_actions() -> None:
    recs = _decisions(
        "2. Discussion\n\nGhana hoped that more States would join soon. "
        "The President invited delegations to share their views. "
        "Kenya asked when the report would be published. "
        "Chile said that a common template would be useful.\n")
    assert recs == []


def test_due_date_parsing() -> None:
    ref = dt.date(2016, 5, 26)
    assert due_date("ready for issue by end of June", ref) == dt.date(2016, 6, 30)
    assert due_date("forecast to the UN before March", ref) == dt.date(2016, 2, 29)
    assert due_date("invitations will go out on 3 April", ref, delivery=True) == \
        dt.date(2016, 4, 3)
    assert due_date("the seminar will be held on 3 April", ref) is None


def test_agreed_tasks_are_actions_and_agreed_meetings_decisions() -> None:
    recs = _decisions(
        "2. Outreach\n\nIt was agreed to write to the regional office about the survey. "
        "It was agreed that the leaflet will be circulated to all members. "
        "It was agreed that a workshop should be held in the autumn. "
        "It was agreed not to extend the deadline.\n")
    assert [r.kind for r in recs] == ["action", "action", "decision", "decision"]


def test_a_body_agreeing_to_decide_is_a_decision() -> None:
    recs = _decisions(
        "2. Budget\n\nThe Committee agreed to adopt the revised budget. "
        "The Committee took note of the auditors' report. "
        "The Chair declared the amendment adopted.\n")
    assert [r.kind for r in recs] == ["decision", "decision", "decision"]


def test_things_and_ongoing_work_are_not_tasks() -> None:
    recs = _decisions(
        "2. Website\n\nChile said that this will work for the time being. "
        "The situation will continue to be monitored. "
        "Kenya will investigate if the server can be moved.\n")
    assert [(r.kind, r.actor_code) for r in recs] == [("action", "KEN")]


def test_named_person_asking_someone_sets_a_task() -> None:
    recs = _decisions(
        "2. Tools\n\nMarisol asked Dagny to draft a note on the new template. "
        "Some delegations asked for more time.\n")
    assert [r.kind for r in recs] == ["action"]
    assert recs[0].text.startswith("Marisol asked Dagny")


def test_sentence_cut_by_a_hard_line_break_is_kept_whole() -> None:
    recs = _decisions(
        "2. Engines\n\nKenya will update the validation engine before the end of June and\n"
        "publish the release notes on the website.\n")
    assert len(recs) == 1
    assert recs[0].text.endswith("publish the release notes on the website.")


def test_questions_and_wishes_however_parsed_are_not_tasks() -> None:
    recs = _decisions(
        "2. Regions\n\nPeru asked the President which district should be surveyed first. "
        "The President concluded by saying he hoped affected States would come forward.\n")
    assert recs == []


def test_request_with_a_deadline_counts_inside_a_participle() -> None:
    recs = _decisions(
        "2. Reports\n\nPeru recalled a letter sent to all Parties on 2 February requesting "
        "short contributions by 14 April.\n")
    assert [(r.kind, r.due_date) for r in recs] == [("action", dt.date(2023, 4, 14))]


def test_wanting_to_facilitate_is_a_task_but_a_thing_facilitating_is_not() -> None:
    recs = _decisions(
        "2. Outreach\n\nGhana said they would like to facilitate regional talks in June. "
        "Kenya said the new template would facilitate reporting.\n")
    assert [(r.kind, r.actor_code) for r in recs] == [("action", "GHA")]


def test_election_by_acclamation_is_this_meetings_decision() -> None:
    recs = _decisions(
        "2. Officers\n\nKenya was elected Vice-Chair by acclamation. "
        "Ghana recalled that Peru had been elected at the last session.\n")
    assert [r.kind for r in recs] == ["decision"]
    assert recs[0].text.startswith("Kenya was elected")
