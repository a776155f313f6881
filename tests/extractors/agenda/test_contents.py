"""Contents and agenda lists at the top of the record."""

from __future__ import annotations

from extractors.readers import parse_bytes
from tests.extractors.agenda.conftest import agenda_of, pairs


def test_unnumbered_contents_list_repeated_in_the_body() -> None:
    text = ("Summary record of the 512th meeting\n\nHeld at the Lakeside Centre, Tarnby\n\n"
            "Chairperson: Ms. Ardent\n\nConsideration of the draft annual report\n\n"
            "Organizational matters\n\nClosure of the session\n\n"
            "The meeting was called to order at 10.05 a.m.\n\n"
            "Consideration of the draft annual report (TC/R.4 and Add.1)\n\n"
            "The Chairperson invited the Rapporteur to introduce the draft report.\n")
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    items = agenda_of(doc)
    # the first item is placed at its body heading; the others stay in the list
    assert pairs(items) == [(None, "Organizational matters"), (None, "Closure of the session"),
                            (None, "Consideration of the draft annual report")]
    assert items[2].char_start == doc.text.index("Consideration of the draft annual report (")


def test_numbered_agenda_after_a_contents_label_placed_at_body_headings() -> None:
    text = ("Minutes\n\nContents\n\n1. Opening\n2. Road safety scheme\n3. Close\n\n"
            "OPENING\n\nThe chair opened the meeting.\n\n"
            "ROAD SAFETY SCHEME (item 2)\n\nThe engineer presented the plans.\n\n"
            "Close\n\nThe meeting closed at nine.\n")
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    items = agenda_of(doc)
    assert pairs(items) == [("1", "Opening"), ("2", "Road safety scheme"), ("3", "Close")]
    assert items[1].char_start == doc.text.index("ROAD SAFETY SCHEME")
