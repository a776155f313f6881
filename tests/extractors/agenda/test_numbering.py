"""Item numbers in any style, read into parts and written as FORMAT's dotted strings."""

from __future__ import annotations

from extractors.agenda.numbering import dotted, from_ordinal, readings, roman_value
from tests.extractors.agenda.conftest import agenda, pairs


def test_labels_are_written_dotted_from_the_outermost_level() -> None:
    assert dotted(readings("7(d)")[0]) == "7.d"
    assert dotted(readings("#11.e.iv")[0]) == "11.e.iv"
    assert dotted(readings("(a)")[0]) == "a"
    assert dotted(readings("III")[0]) == "III"
    assert readings("ab") == []


def test_roman_numerals_and_ambiguous_letters() -> None:
    assert roman_value("xiv") == 14 and roman_value("XL") == 40 and roman_value("iiii") is None
    i_readings = [(p[0].style, p[0].value) for p in readings("i")]
    assert i_readings == [("roman", 1), ("alpha", 9)]
    first = readings("c")[0][0]
    assert (first.style, first.value) == ("alpha", 3)


def test_ordinal_words_become_digits() -> None:
    ordinals = {"first": 1, "second": 2}
    assert dotted(from_ordinal("Second", ordinals)) == "2"
    assert from_ordinal("Last", ordinals) == ()


def test_roman_sections_with_lettered_sub_sections() -> None:
    text = ("Report of the Harbour Commission\n\nI. PRELIMINARY MATTERS\n\n"
            "1. The Commission met at Port Ellery on two days.\n\n"
            "(a) Opening of the session\n\n2. The Chair opened the session and greeted all.\n\n"
            "(b) Election of officers\n\n3. Ms. Quillan was elected by acclamation.\n\n"
            "II. WORK OF THE COMMISSION\n\n4. The Commission reviewed the tide tables.")
    assert pairs(agenda(text)) == [("I", "PRELIMINARY MATTERS"),
                                   ("I.a", "Opening of the session"),
                                   ("I.b", "Election of officers"),
                                   ("II", "WORK OF THE COMMISSION")]


def test_roman_sub_item_under_a_numbered_item() -> None:
    text = ("Summary record of the fourth meeting\n\n"
            "1. REVIEW OF THE DRAFT CHARTER (continued)\n\n"
            "(i) Report of the drafting group on article 4\n\n"
            "The CHAIRMAN invited comments on the report of the drafting group.\n\n"
            "(ii) Proposal of the delegation of Norland\n\n"
            "Mr. VESK (Norland) said that his proposal was a short one.")
    assert pairs(agenda(text)) == [("1", "REVIEW OF THE DRAFT CHARTER (continued)"),
                                   ("1.i", "Report of the drafting group on article 4"),
                                   ("1.ii", "Proposal of the delegation of Norland")]


def test_ordinal_item_headings_over_their_titles() -> None:
    text = ("Executive Board\n\nRecord of Decisions\n\nFirst item on the agenda\n\n"
            "Approval of the record of the previous session\n\n"
            "1. The Board approved the record as circulated. (First sitting)\n\n"
            "Second item on the agenda\n\nProgramme of work for the coming biennium\n\n"
            "2. The Board requested proposals on the following subjects:\n\n"
            "   1. Coastal protection.\n   2. Rural transport.\n\n"
            "Third item on the agenda\n\nDate of the next session\n\n"
            "3. The Board decided to meet again in the spring.")
    assert pairs(agenda(text)) == [
        ("1", "Approval of the record of the previous session"),
        ("2", "Programme of work for the coming biennium"),
        ("3", "Date of the next session")]


def test_point_zero_items_lower_roman_and_glued_letters() -> None:
    text = ("Minutes of the Orchard Lane School Governors\n\n1.0 Apologies\n\nNone.\n\n"
            "2.0 Finance\n\nThe bursar reported.\n\n2.1 Budget monitoring\n\nOn track.\n\n"
            "2.1a Staffing costs\n\nWithin budget.\n\n3.0 Close\n\nThe meeting closed.")
    assert pairs(agenda(text)) == [("1.0", "Apologies"), ("2.0", "Finance"),
                                   ("2.1", "Budget monitoring"), ("2.1.a", "Staffing costs"),
                                   ("3.0", "Close")]


def test_lower_roman_items_with_letters_below() -> None:
    text = ("Notes of the Library Friends\n\ni. Welcome\n\nThe chair welcomed all.\n\n"
            "ii. Book sale\n\nThe sale raised a good sum.\n\na) Pricing\n\nPrices stay.\n\n"
            "b) Volunteers\n\nSix signed up.\n\niii. Close\n\nThe meeting closed.")
    assert pairs(agenda(text)) == [("i", "Welcome"), ("ii", "Book sale"), ("ii.a", "Pricing"),
                                   ("ii.b", "Volunteers"), ("iii", "Close")]
