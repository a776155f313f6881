"""Numbered headings: item words, nested Markdown lists, sentences that are not headings,
run-in titles."""

from __future__ import annotations

from tests.extractors.agenda.conftest import agenda, pairs


def test_agenda_item_words_with_mixed_sub_numbers() -> None:
    text = ("Agenda Item #6: General debate (continued)\n\n"
            "The meeting returned to Agenda Item #6 to hear one more delegation.\n\n"
            "Agenda Item #7.c.ii: Review of national reports: Victim support\n\n"
            "Ostrava made a statement.\n\n"
            "Agenda Item #9: Any other business\n\nNo delegation took the floor.")
    assert pairs(agenda(text)) == [("6", "General debate (continued)"),
                                   ("7.c.ii", "Review of national reports: Victim support"),
                                   ("9", "Any other business")]


def test_discussion_topic_headings_with_plain_sub_items() -> None:
    text = ("# Lakeside Trust - meeting 5\n\n## Discussion topic 1: Boathouse repairs\n\n"
            "The trustees looked at the quotes.\n\n### 1.1 Roof\n\nThe roof leaks.\n\n"
            "### 1.2 Slipway\n\nThe slipway is sound.\n\n"
            "## Discussion topic 2: Summer regatta\n\nPlanning has begun.")
    assert pairs(agenda(text)) == [("1", "Boathouse repairs"), ("1.1", "Roof"),
                                   ("1.2", "Slipway"), ("2", "Summer regatta")]


def test_nested_markdown_list_numbered_one_at_each_level() -> None:
    text = ("# Board meeting\n\n1. Welcome\n    1. The chair welcomed the members present.\n"
            "2. Membership\n    1. Status of current members\n"
            "        1. Westport - A reply is still awaited from Westport.\n"
            "        2. Eastvale - The agreement was signed by Eastvale.\n"
            "        3. Northby - No update.\n"
            "    2. It was noted that two applications are pending.\n"
            "    3. Fees for new members\n        * Fees stay as they are.\n"
            "3. Close\n")
    assert pairs(agenda(text)) == [("1", "Welcome"), ("2", "Membership"),
                                   ("2.1", "Status of current members"),
                                   ("2.1.1", "Westport"), ("2.1.2", "Eastvale"),
                                   ("2.1.3", "Northby"), ("2.3", "Fees for new members"),
                                   ("3", "Close")]


def test_numbered_declarations_are_sentences_not_items() -> None:
    text = ("# Grants Panel - Meeting 2\n\n## Declarations of interest\n\n"
            "Members were asked to declare any interests.\n\n"
            "1. Petra Lindqvist declared that she chairs a local youth club\n"
            "2. Omar Haddad advised that he had worked for one applicant\n"
            "3. Jun Watanabe declared no interest\n\n"
            "## Discussion topic 1: Spring round of grants\n\nTwelve bids were read.\n\n"
            "## Discussion topic 2: Review of the scoring guide\n\nThe guide was updated.")
    assert pairs(agenda(text)) == [(None, "Declarations of interest"),
                                   ("1", "Spring round of grants"),
                                   ("2", "Review of the scoring guide")]


def test_run_in_titles_cut_like_their_siblings() -> None:
    text = ("Minutes of the Fernhill Village Council\n\nMatters Arising:\n\n"
            "a) Bus shelter - The shelter has now been repaired by the contractor.\n"
            "b) Pond railings - The railings will be painted in the spring.\n"
            "c) Verge cutting - cutting of the verges along Mill Lane by the county\n"
            "d) Street lights - Two lights were reported as faulty to the supplier.\n\n"
            "Allotments:\n\nThe waiting list now has four names on it and is growing.")
    assert pairs(agenda(text)) == [(None, "Matters Arising"), ("a", "Bus shelter"),
                                   ("b", "Pond railings"), ("c", "Verge cutting"),
                                   ("d", "Street lights"), (None, "Allotments")]


def test_bold_headings_glued_to_their_numbers() -> None:
    text = ("Steering Committee call\n\n**1.Notes of the last call**\n\nAgreed.\n\n"
            "**2.Budget for next year:**\n\nThe treasurer presented a draft.\n\n"
            "_2.1 Travel costs_\n\nTravel is cut by half.\n\n**3.Any other business**\n\nNone.")
    assert pairs(agenda(text)) == [("1", "Notes of the last call"), ("2", "Budget for next year"),
                                   ("2.1", "Travel costs"), ("3", "Any other business")]


def test_deferred_item_heading_repeated_later_is_one_item() -> None:
    text = ("Minutes of the Elmstead Parish Meeting\n\n**1. Apologies**\n\nNone.\n\n"
            "**2. Presentation from the Scout group**\n\nDeferred to the end of the meeting.\n\n"
            "**3. Village green**\n\nThe grass will be cut monthly.\n\n"
            "**4. Payments**\n\nThe payments were approved.\n\n"
            "**2. Presentation from the Scout group**\n\nThe leader described the new hut.\n\n"
            "**5. Date of next meeting**\n\n9 May.")
    items = agenda(text)
    assert pairs(items) == [("1", "Apologies"), ("2", "Presentation from the Scout group"),
                            ("3", "Village green"), ("4", "Payments"),
                            ("5", "Date of next meeting")]
