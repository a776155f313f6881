"""Agendas laid out as tables."""

from __future__ import annotations

from extractors.readers import parse_bytes
from tests.extractors.agenda.conftest import agenda, agenda_of, pairs


def test_timed_agenda_table_without_breaks_and_sub_rows() -> None:
    text = ("# Data Standards Workshop\n\n## Agenda\n\n|TIME|TOPIC|LEAD\n|---|---|---|\n"
            "|09:00 - 09:30|Welcome coffee|\n|09:30 - 10:30|Review of the code list|Hana\n"
            "|10:30 - 11:30|Tooling updates\n||Team Aster|Piet/Mara\n||Team Birch|Olu\n"
            "|11:30 - 12:30|Lunch|\n|12:30 - 13:30|Open questions & wrap-up|Hana\n\n"
            "## Review of code lists\n\nHana presented the changes.\n")
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    items = agenda_of(doc)
    # the first item is placed at the body section that has its title
    assert pairs(items) == [(None, "Tooling updates"), (None, "Open questions & wrap-up"),
                            (None, "Review of the code list")]
    assert items[2].char_start == doc.text.index("Review of code lists")


def test_agenda_table_with_an_item_column_and_no_times() -> None:
    text = ("Steering group\n\n| Item | Owner |\n|---|---|\n| Budget outturn | Treasurer |\n"
            "| Risk register | Secretary |\n| Any other business | Chair |\n\n"
            "The group met online and all members joined.\n")
    assert pairs(agenda(text)) == [(None, "Budget outturn"), (None, "Risk register"),
                                   (None, "Any other business")]


def test_a_table_without_a_topic_column_is_no_agenda() -> None:
    text = ("Finance committee\n\n| Payee | Amount |\n|---|---|\n| Hall hire | 40.00 |\n"
            "| Printing | 12.50 |\n\nThe payments were approved by the committee.\n")
    assert agenda(text) == []


def test_an_action_log_is_no_agenda() -> None:
    text = ("Project board\n\n| Item | Action | Owner | Due |\n|---|---|---|---|\n"
            "| Website | Update the contact page | Rhea | May |\n"
            "| Budget | Send the forecast | Tomas | June |\n\nThe board met online.\n")
    assert agenda(text) == []


def test_agenda_table_with_a_number_column() -> None:
    text = ("Parish meeting\n\n| Item | Subject | Lead |\n|---|---|---|\n"
            "| 1 | Apologies | Clerk |\n| 2 | Footpath repairs | Cllr Moss |\n"
            "| 3 | Any other business | Chair |\n\nThe meeting opened at seven.\n")
    assert pairs(agenda(text)) == [("1", "Apologies"), ("2", "Footpath repairs"),
                                   ("3", "Any other business")]
