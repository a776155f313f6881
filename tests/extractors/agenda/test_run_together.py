"""Contents and agenda lists whose line breaks were lost."""

from __future__ import annotations

from tests.extractors.agenda.conftest import agenda_of_lines, pairs


def test_contents_run_together_after_a_capitals_label() -> None:
    lines = ["SUMMARY RECORD OF THE THIRD MEETING Hotel Marisol, Vell CHAIRMAN: Dr Anwen Price "
             "CONTENTS 1. Consideration of draft resolutions Water supply in rural districts "
             "Malaria control in the Region Report of the Sub-Committee on Programmes "
             "Membership of the Advisory Panel on Nursing Review of the budget for the biennium",
             "The CHAIRMAN opened the meeting and invited comments on the first draft."]
    assert pairs(agenda_of_lines(lines)) == [
        ("1", "Consideration of draft resolutions"), (None, "Water supply in rural districts"),
        (None, "Malaria control in the Region"),
        (None, "Report of the Sub-Committee on Programmes"),
        (None, "Membership of the Advisory Panel on Nursing"),
        (None, "Review of the budget for the biennium")]


def test_agenda_run_together_after_a_label_with_a_colon() -> None:
    lines = ["Harbour users' group, notes of the spring meeting. Agenda: Moorings fees for "
             "visitors Dredging of the inner basin Election of the secretary for next year "
             "Date of the next meeting",
             "The chair welcomed the members and the harbour master."]
    assert pairs(agenda_of_lines(lines)) == [
        (None, "Moorings fees for visitors"), (None, "Dredging of the inner basin"),
        (None, "Election of the secretary for next year"), (None, "Date of the next meeting")]


def test_a_sentence_naming_an_agenda_item_is_no_list() -> None:
    lines = ["The meeting went back to Agenda Item 4 to allow for a short statement by "
             "the delegation of Vessaland on the reports submitted under Article 7 of the "
             "Convention and on other information concerning the Convention",
             "Vessaland made a statement."]
    assert agenda_of_lines(lines) == []
