"""Which layout gives the agenda: numbered series, lists led in by sentences, known titles."""

from __future__ import annotations

from tests.extractors.agenda.conftest import agenda, pairs


def test_a_list_led_in_by_a_sentence_is_text_not_the_agenda() -> None:
    text = ("# Tool Library Volunteers\n\n## Opening\n\nThe coordinator welcomed everyone.\n\n"
            "## Lending software\n\nThe new system should be able to:\n\n"
            "1. Record loans and returns of every tool\n\nIt must run on old laptops.\n\n"
            "2. Send reminders by text message\n\nVolunteers liked this idea.\n\n"
            "## Any other business\n")
    assert pairs(agenda(text)) == [(None, "Opening"), (None, "Lending software"),
                                   (None, "Any other business")]


def test_a_list_led_in_by_the_agenda_sentence_is_the_agenda() -> None:
    text = ("Notes of the allotment society meeting\n\n"
            "The chair proposed the following agenda for the evening:\n\n"
            "1. Water butts\n2. Plot inspections\n3. Any other business\n\n"
            "The chair opened the meeting at seven and welcomed two new members.\n")
    assert pairs(agenda(text)) == [("1", "Water butts"), ("2", "Plot inspections"),
                                   ("3", "Any other business")]


def test_known_titles_stand_as_headings_without_text_after() -> None:
    text = ("Minutes of the Quarry Lane Residents' Group\n\n"
            "The chair opened the meeting and thanked the hosts for the room.\n\n"
            "Parking Survey\n\nForty households answered the survey this spring.\n\n"
            "Any Other Business\n\nDate of Next Meeting\n\nThe next meeting is in May.\n")
    assert pairs(agenda(text)) == [(None, "Parking Survey"), (None, "Any Other Business"),
                                   (None, "Date of Next Meeting")]
