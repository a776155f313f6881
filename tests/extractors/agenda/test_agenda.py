"""Agenda items: numbering series, sub-items, repeated agendas, repaired lists."""

from __future__ import annotations

from extractors.agenda import extract_agenda, is_title
from extractors.context import Context
from extractors.nlp import get_nlp
from extractors.readers import parse_bytes
from models.document import Document
from models.records import AgendaItem


def _agenda(text: str) -> list[AgendaItem]:
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    return _agenda_doc(doc)


def _agenda_doc(doc: Document) -> list[AgendaItem]:
    ctx = Context(doc=doc, sdoc=get_nlp()(doc.text))
    return extract_agenda(ctx)


def _pairs(items: list[AgendaItem]) -> list[tuple[str | None, str]]:
    return [(a.number, a.title) for a in items]


def test_numbered_items_and_sub_items() -> None:
    text = ("Record of the meeting\n\n1. ATTENDANCE:\n\nFinland\n\n"
            "2. Welcome by the Chair\n\nThe Chair welcomed all.\n\n"
            "3. Budget matters\n\n3.1 Income\n\nText.\n\n3.1.1 Arrears\n\nText.\n\n"
            "3.1.2 Advances\n\nText.\n\n3.2 <u>Expenditure</u>\n\nText.\n\n"
            "4. **Any other business**\n\nNone.")
    items = _agenda(text)
    assert _pairs(items) == [("1", "ATTENDANCE"), ("2", "Welcome by the Chair"),
                             ("3", "Budget matters"), ("3.1", "Income"), ("3.1.1", "Arrears"),
                             ("3.1.2", "Advances"), ("3.2", "Expenditure"),
                             ("4", "Any other business")]
    assert [a.level for a in items] == [1, 1, 1, 2, 3, 3, 2, 1]
    assert items[4].parent_number == "3.1" and items[0].parent_number is None
    assert [a.seq for a in items] == list(range(1, 9))


def test_agenda_item_word_headings() -> None:
    text = ("Minutes\n\n**Agenda Item 1** – Opening of the session\n\nThe Chair opened it.\n\n"
            "Agenda item 2: Reports of the working groups\n\nReports were heard.")
    assert _pairs(_agenda(text)) == [("1", "Opening of the session"),
                                     ("2", "Reports of the working groups")]


def test_numbered_paragraphs_inside_an_item_are_not_items() -> None:
    text = ("Minutes\n\n1. Opening\n\nThe chair opened it.\n\n2. Proposals\n\n"
            "1. States should report by the end of the year on their progress in detail.\n\n"
            "2. Short list entry\n\n3. Another entry\n\n3. Closing\n\nThe chair closed it.")
    assert _pairs(_agenda(text)) == [("1", "Opening"), ("2", "Proposals"), ("3", "Closing")]


def test_agenda_listed_twice_gives_one_record_at_the_body_heading() -> None:
    text = ("Minutes\n\nAgenda:\n\n1. Opening\n\n2. Financial report\n\n3. Closing\n\n"
            "1. Opening\n\nText.\n\n2. Financial report of the unit\n\nText.\n\n"
            "3. Closing\n\nText.")
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    items = _agenda_doc(doc)
    assert _pairs(items) == [("1", "Opening"), ("2", "Financial report of the unit"),
                             ("3", "Closing")]
    body = doc.text.index("1. Opening", doc.text.index("3. Closing"))
    assert items[0].char_start == body


def test_list_of_numbers_then_titles_is_repaired() -> None:
    from extractors.readers.body import BodyBuilder
    body = BodyBuilder()
    for line in ["Agenda:", "1.", "3.", "4.", "Opening", "Financing", "Outreach",
                 "Closing remarks", "1.", "Opening", "Text of the first item.",
                 "2.", "Financing", "Text.", "3.", "Outreach", "Text."]:
        body.add("paragraph", line)
    doc = Document("d", "x", "pdf", body.text, body.blocks)
    items = _agenda_doc(doc)
    assert _pairs(items) == [("4", "Closing remarks"), ("1", "Opening"), ("2", "Financing"),
                             ("3", "Outreach")]


def test_wrapped_title_lines_are_joined() -> None:
    from extractors.readers.body import BodyBuilder
    body = BodyBuilder()
    for line in ["1. Opening", "Text.", "2. Presentation by the coordinators on",
                 "their plans for the coming year", "The coordinators presented."]:
        body.add("paragraph", line)
    doc = Document("d", "x", "pdf", body.text, body.blocks)
    assert _pairs(_agenda_doc(doc))[1] == (
        "2", "Presentation by the coordinators on their plans for the coming year")


def test_is_title() -> None:
    assert is_title("Update on the search for a new President")
    assert not is_title("the chair said that the work was done.")
    assert not is_title("The meeting was opened. The chair then thanked the States for their "
                        "attendance and their contributions.")


def test_numbered_name_list_does_not_displace_the_agenda() -> None:
    names = "\n\n".join(f"{i}. Delegate Number{i}" for i in range(1, 9))
    text = (f"Minutes\n\nParticipants:\n\n{names}\n\n1. Opening\n\nThe chair opened it.\n\n"
            "2. Reports\n\nReports were heard.\n\n3. Closing\n\nThe chair closed it.")
    assert _pairs(_agenda(text)) == [("1", "Opening"), ("2", "Reports"), ("3", "Closing")]


def test_run_together_list_titles_give_the_missing_last_item() -> None:
    from extractors.readers.body import BodyBuilder
    body = BodyBuilder()
    for line in ["Agenda:", "1.", "2.", "3.", "Opening Financing Closing remarks",
                 "1.", "Opening", "Text of the first item.", "2.", "Financing", "Text."]:
        body.add("paragraph", line)
    doc = Document("d", "x", "pdf", body.text, body.blocks)
    assert _pairs(_agenda_doc(doc)) == [("3", "Closing remarks"), ("1", "Opening"),
                                        ("2", "Financing")]


def test_unnumbered_agenda_list_is_placed_at_body_headings() -> None:
    text = ("Minutes\n\nAgenda:\n\n- Opening of the meeting\n- Financial matters\n\n"
            "# Opening of the meeting\n\nThe chair opened it.\n\n# Financial matters\n\n"
            "The treasurer reported.")
    doc = parse_bytes(text.encode(), "txt", "x.txt")
    items = _agenda_doc(doc)
    assert _pairs(items) == [(None, "Opening of the meeting"), (None, "Financial matters")]
    assert items[0].char_start == doc.text.index("Opening of the meeting\nThe chair")


def test_number_cited_at_paragraph_end_is_not_a_heading() -> None:
    from extractors.readers.body import BodyBuilder
    body = BodyBuilder()
    for line in ["1. Opening", "The chair referred to the text adopted under item 2.",
                 "Discussions", "Several States spoke.", "2. Reports",
                 "The reports were heard on the web site www.example.org 3.", "Closing",
                 "The chair closed the meeting."]:
        body.add("paragraph", line)
    doc = Document("d", "x", "pdf", body.text, body.blocks)
    assert _pairs(_agenda_doc(doc)) == [("1", "Opening"), ("2", "Reports"), ("3", "Closing")]


def test_short_numbered_list_inside_an_item_does_not_take_over() -> None:
    text = ("Minutes\n\n# 1. Adoption of the Agenda\n\nPoints raised:\n\n1. A first point\n"
            "2. A second point\n\n# 2. Updates\n\n## 2.1 Universalization\n\nText.\n\n"
            "## 2.2 Finances\n\nText.\n\n# 3. Date of the next meeting\n\nText.")
    assert _pairs(_agenda(text)) == [("1", "Adoption of the Agenda"), ("2", "Updates"),
                                     ("2.1", "Universalization"), ("2.2", "Finances"),
                                     ("3", "Date of the next meeting")]


def test_heading_series_wins_over_a_list_ending_on_the_same_number() -> None:
    text = ("Minutes\n\n# 1. Opening\n\nText.\n\n# 2. Proposals\n\nThe proposals were:\n\n"
            "1. More outreach\n2. Better reporting\n\n# 3. Closing\n\nText.")
    assert _pairs(_agenda(text)) == [("1", "Opening"), ("2", "Proposals"), ("3", "Closing")]
