"""Attendance lists in every layout, on short minutes written for these tests."""

from __future__ import annotations

import pytest

from extractors.agenda import extract_agenda
from extractors.attendees import extract_attendees
from extractors.context import Context
from extractors.nlp import get_nlp
from extractors.readers import parse_bytes
from models.document import Block, Document


def _ctx_from_doc(doc: Document) -> Context:
    ctx = Context(doc=doc, sdoc=get_nlp()(doc.text))
    ctx.set_agenda(extract_agenda(ctx))
    return ctx


def _ctx(text: str) -> Context:
    return _ctx_from_doc(parse_bytes(text.encode(), "txt", "x.txt"))


def _rows(text: str) -> list[tuple[str | None, str, str | None, str | None, str | None]]:
    return [(a.delegation_code, a.status, a.person, a.honorific, a.role)
            for a in extract_attendees(_ctx(text))]


ONE_COLUMN = """SUMMARY RECORD OF THE COORDINATION COMMITTEE MEETING

Held on Monday, 3 June 2019

1. Present:

Chile - 9MSP President

H.E. Ana Torres
Mr. Pablo Reyes - Intern

Sweden

Ms. Karin Berg

Peace Builders Forum

Dr. Omar Haddad

APOLOGIES RECEIVED

Peru
Ghana

APOLOGIES NOT RECEIVED

Fiji

2. Opening remarks

The President opened the meeting.
"""


def test_one_column_headings_with_persons_and_statuses() -> None:
    rows = _rows(ONE_COLUMN)
    assert rows == [
        ("CHL", "present", "Ana Torres", "H.E.", "9MSP President"),
        ("CHL", "present", "Pablo Reyes", "Mr.", "Intern"),
        ("SWE", "present", "Karin Berg", "Ms.", None),
        ("PBF", "present", "Omar Haddad", "Dr.", None),
        ("PER", "apologies", None, None, None),
        ("GHA", "apologies", None, None, None),
        ("FJI", "absent", None, None, None),
    ]


TABLE = """Informal meeting on reporting

List of Attendees

| Kenya | Chile |
|---|---|
| Mr. Tom Otieno | Ms. Rosa Diaz |
| Austria | ICRC |
| Ms. Eva Gruber | Mr. Luc Martin |

Agenda Item 1 – Opening

Text of the item.
"""


def test_table_is_read_column_by_column() -> None:
    rows = {(c, p) for c, _, p, _, _ in _rows(TABLE)}
    assert rows == {("KEN", "Tom Otieno"), ("AUT", "Eva Gruber"), ("CHL", "Rosa Diaz"),
                    ("ICRC", "Luc Martin")}


ACROSS = """SUMMARY RECORD OF THE COORDINATION COMMITTEE MEETING

Present:

Kenya - 9MSP President Peru
Mr. Tom Otieno Ms. Rosa Diaz
Ms. Ann Wanjiru
Austria Sweden Mr. Lars Holm
Ms. Eva Gruber
Cluster Munition Coalition
Chile Ms. Jane Doe
Mr. Juan Soto
Ghana Apologies received
Mr. Kofi Mensah Fiji
Ms. Ama Owusu Ms. Mere Vula

2. Opening remarks

The President opened the meeting.
"""


def test_two_columns_read_across() -> None:
    rows = {(c, s, p, r) for c, s, p, _, r in _rows(ACROSS)}
    assert rows == {
        ("KEN", "present", "Tom Otieno", "9MSP President"),
        ("KEN", "present", "Ann Wanjiru", "9MSP President"),
        ("PER", "present", "Rosa Diaz", None),
        ("AUT", "present", "Eva Gruber", None),
        ("SWE", "present", "Lars Holm", None),
        ("CMC", "present", "Jane Doe", None),
        ("CHL", "present", "Juan Soto", None),
        ("GHA", "present", "Kofi Mensah", None),
        ("GHA", "present", "Ama Owusu", None),
        ("FJI", "apologies", "Mere Vula", None),
    }


BULLETS = """*2nd Meeting of the Coordination Committee*

**List of Attendees:**

- Ghana (President),
- Peru (President-Designate),
- Chile (Clearance coordinator, 2021)
- Mines Advisory Group
- Demining Alliance (DA)
- UNICEF in the capacity of focal point

**Agenda Item 1** – Welcome

The President welcomed participants.
"""


def test_bullets_with_roles_in_brackets_and_unknown_organization() -> None:
    assert _rows(BULLETS) == [
        ("GHA", "present", None, None, "President"),
        ("PER", "present", None, None, "President-Designate"),
        ("CHL", "present", None, None, "Clearance coordinator, 2021"),
        ("MAG", "present", None, None, None),
        ("DA", "present", None, None, None),
        ("UNICEF", "present", None, None, "focal point"),
    ]


SENTENCE = """The informal consultation took place on Friday 4 March 2016 at the Palais des Nations.
Delegations from Chile, Ghana, Peru and the United Kingdom participated in the
consultation, and the ICRC and UNMAS also attended.

1. Reporting

Chile presented the paper. Ambassador Rosa Vega from Ghana closed the meeting.
"""


def test_running_sentence_and_person_taking_part() -> None:
    rows = _rows(SENTENCE)
    assert [r[0] for r in rows] == ["CHL", "GHA", "PER", "GBR", "ICRC", "UNMAS"]
    assert all(r[1] == "present" for r in rows)
    assert rows[1][2:4] == ("Rosa Vega", "Ambassador")
    assert rows[0][2] is None


def test_person_first_lines_and_inline_apologies() -> None:
    text = """Meeting of the working group

Participants:

Mr. Tom Otieno, Kenya
Ms. Rosa Diaz (Peru)

Apologies: Ghana and Fiji

1. Opening

Text.
"""
    assert _rows(text) == [
        ("KEN", "present", "Tom Otieno", "Mr.", None),
        ("PER", "present", "Rosa Diaz", "Ms.", None),
        ("GHA", "apologies", None, None, None),
        ("FJI", "apologies", None, None, None),
    ]


def test_table_rows_built_directly() -> None:
    """Tables from Word/PDF readers arrive as table_row blocks with tab-separated cells."""
    lines = ["Present", "Kenya\tChile", "Mr. Tom Otieno\tMs. Rosa Diaz", "1. Opening"]
    text = "\n".join(lines)
    blocks, pos = [], 0
    for n, line in enumerate(lines):
        if "\t" in line:
            cut = pos + line.index("\t")
            blocks.append(Block("table_row", pos, pos + len(line),
                                cells=((pos, cut), (cut + 1, pos + len(line)))))
        else:
            blocks.append(Block("heading" if n == 0 else "paragraph", pos, pos + len(line)))
        pos += len(line) + 1
    doc = Document("d", "x.docx", "docx", text, blocks)
    rows = {(a.delegation_code, a.person) for a in extract_attendees(_ctx_from_doc(doc))}
    assert rows == {("KEN", "Tom Otieno"), ("CHL", "Rosa Diaz")}


@pytest.mark.parametrize("text", ["", "Just a paragraph of minutes with Chile in it.\n"])
def test_no_attendance_list_gives_no_rows(text: str) -> None:
    if not text:
        return
    assert _rows(text) == []


def test_names_without_honorific_subheadings_and_stray_lines() -> None:
    text = """Meeting of the working group

Attendance:

States Parties

Kenya
Tom Otieno
Ann Wanjiru - Adviser

Observers

Peace Builders Forum
Ms. Rosa Diaz

Discussion

The meeting was opened by the chair at ten in the morning.
"""
    assert _rows(text) == [
        ("KEN", "present", "Tom Otieno", None, None),
        ("KEN", "present", "Ann Wanjiru", None, "Adviser"),
        ("PBF", "present", "Rosa Diaz", "Ms.", None),
    ]


def test_roles_from_the_opening_sentence() -> None:
    text = """The informal consultation took place on Friday 4 March 2016 under the Ghana \
chairmanship in its capacity as President of the 2nd Meeting of States Parties, in \
collaboration with President-designate, Peru. Representatives of Chile, Ghana and Peru \
took part.

1. Reporting

Chile presented the paper.
"""
    roles = {a[0]: a[4] for a in _rows(text)}
    assert roles == {"CHL": None, "GHA": "President of the 2nd Meeting of States Parties",
                     "PER": "President-designate"}


def test_delegation_name_table_rows_and_colon_lines() -> None:
    text = """Meeting of the working group

Present:

| Delegation | Name |
|---|---|
| Kenya | Mr. Tom Otieno |
| Chile | Ms. Rosa Diaz, Counsellor |

Participants:
Peru: Mr. Juan Soto, Ms. Ana Ruiz
Ghana – Mr. Kofi Mensah
Fiji, Samoa, Tonga

1. Opening

Text.
"""
    assert _rows(text) == [
        ("KEN", "present", "Tom Otieno", "Mr.", None),
        ("CHL", "present", "Rosa Diaz", "Ms.", "Counsellor"),
        ("PER", "present", "Juan Soto", "Mr.", None),
        ("PER", "present", "Ana Ruiz", "Ms.", None),
        ("GHA", "present", "Kofi Mensah", "Mr.", None),
        ("FJI", "present", None, None, None),
        ("WSM", "present", None, None, None),
        ("TON", "present", None, None, None),
    ]


def test_heading_word_over_running_text_is_not_a_list() -> None:
    text = """Meeting of the working group

Delegations

Kenya said that it would circulate a paper on the work of the group before the next session.

Chile agreed with the proposal made by the Chair and asked for more time to consult capital.
"""
    assert _rows(text) == []
