"""Headings glued to their text; numbers inside blocks whose line breaks were lost."""

from __future__ import annotations

from tests.extractors.agenda.conftest import agenda_of_lines, pairs


def test_titles_run_into_their_text_without_a_break() -> None:
    lines = ["Record of the Canal Society meeting",
             "1. Opening of the meetingThe meeting was opened by the chair at six.",
             "2. Lock gate repairsThe engineer reported that the gates were rotting.",
             "3. Towpath surveyMs. Ibarra said the survey would finish in June."]
    assert pairs(agenda_of_lines(lines)) == [("1", "Opening of the meeting"),
                                             ("2", "Lock gate repairs"),
                                             ("3", "Towpath survey")]


def test_number_on_its_line_over_a_title_glued_with_a_space() -> None:
    lines = ["Minutes of the Rowan Trust Council",
             "2.", "Remarks by the Chair Chair of the Trust, Ms. Delacroix, opened the meeting.",
             "3.", "Approval of the Minutes The Council approved the minutes without change.",
             "4.", "Report of the Warden Dr. Kettleby gave his report on the woods."]
    assert pairs(agenda_of_lines(lines)) == [("2", "Remarks by the Chair"),
                                             ("3", "Approval of the Minutes"),
                                             ("4", "Report of the Warden")]


def test_headings_inside_a_block_whose_line_breaks_were_lost() -> None:
    lines = ["REPORT OF THE SECOND SESSION OF THE RIVER BASIN COUNCIL I. INTRODUCTION "
             "1. The Second Session of the Council was held at Vell from 3 to 5 May, "
             "chaired by the delegate of Oskara. 2. The following members attended: Brenn, "
             "Castel, Dunmar and Esk. (a) Opening Ceremony 3. The Chairperson welcomed "
             "all delegations and declared the session open."]
    assert pairs(agenda_of_lines(lines)) == [("I", "INTRODUCTION"),
                                             ("I.a", "Opening Ceremony")]


def test_numbers_listed_after_a_colon_inside_a_paragraph_are_no_headings() -> None:
    lines = ["Notes of the tenants' forum",
             "The forum agreed the priorities for the year, which were as follows: "
             "1. Repairs to the lifts in both blocks. 2. Better lighting on the stairs. "
             "3. A new notice board in the entrance hall near the post boxes."]
    assert agenda_of_lines(lines) == []


def test_number_glued_to_the_line_before_and_title_glued_to_its_text() -> None:
    lines = ["Tuesday 4 March & Friday 7 March1. Opening of the sessionThe session was opened "
             "by its two Co-Chairs, who welcomed the delegations and recalled the work plan.",
             "2. Review of the work planThe Co-Chairs presented the revised work plan."]
    assert pairs(agenda_of_lines(lines)) == [("1", "Opening of the session"),
                                             ("2", "Review of the work plan")]
