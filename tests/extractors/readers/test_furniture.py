"""Document furniture: marked on its own blocks, kept in the text, never a record."""

from __future__ import annotations

import pytest

from extractors.extract import minutes_only
from extractors.readers import parse_bytes
from extractors.readers.furniture import front_matter_end, line_role
from models.document import Document


def _doc(text: str) -> Document:
    return parse_bytes(text.encode(), "txt", "x.txt")


def _furniture(doc: Document) -> list[tuple[str, str]]:
    return [(b.furniture, doc.block_text(b)) for b in doc.blocks if b.furniture]


@pytest.mark.parametrize(("line", "role"), [
    ("Navigate Up", "web_chrome"),
    ("Sign In", "web_chrome"),
    ("Size: px", "web_chrome"),
    ("Transcription", "web_chrome"),
    ("Download | Print | Share", "web_chrome"),
    ("3 downloads 27 Views 88KB Size Report", "web_chrome"),
    ("Home > Boards > Harbour Board > 2031", "web_chrome"),
    ("Distr. GENERAL", "doc_header"),
    ("Distr.: Limited", "doc_header"),
    ("ORIGINAL: ENGLISH", "doc_header"),
    ("XB/CONF.7/SR.12", "doc_header"),
    ("DRAFT", "doc_header"),
    ("7|P a g e", "page_marker"),
    ("- 12 -", "page_marker"),
    ("Page 3 of 9", "page_marker"),
    (":revdate: 2031-04-02", "markup"),
])
def test_furniture_lines(line: str, role: str) -> None:
    assert line_role(line) == role


@pytest.mark.parametrize("line", [
    "Minutes of the Harbour Board",
    "Present: Ms. Ada Quillfeather, Mr. Tomas Brenning",
    "1. Opening of the meeting",
    "The Board agreed to download the survey data.",
    "Report",
    "Home - Meeting notes",
])
def test_minutes_lines_are_not_furniture(line: str) -> None:
    assert line_role(line) is None


def test_yaml_front_matter_is_kept_but_marked() -> None:
    doc = _doc('---\ntitle: "Kellingford Harbour Board minutes"\ndate: "2031-05-02"\n'
               'tags:\n  - "harbour"\n  - "boards"\n---\n\n# Minutes of the Harbour Board\n\n'
               "1. Opening\n")
    marked = _furniture(doc)
    assert marked[0] == ("front_matter", 'title: "Kellingford Harbour Board minutes"')
    assert ("front_matter", 'date: "2031-05-02"') in marked
    heading = next(b for b in doc.blocks if b.kind == "heading")
    assert doc.block_text(heading) == "Minutes of the Harbour Board"
    assert heading.furniture is None


def test_unquoted_front_matter_and_no_front_matter() -> None:
    lines = ["---", "layout: page", "title: Board Meeting 2031 May", "---", "", "Text"]
    assert front_matter_end(lines) == 4
    assert front_matter_end(["---", "Not yaml at all here", "---"]) == 0
    assert front_matter_end(["Minutes", "---"]) == 0


def test_chrome_before_the_title_and_offsets_point_into_the_text() -> None:
    doc = _doc("Navigate Up\nSign In\nHome > Boards > Minutes\n\nMinutes of the Ninth Meeting "
               "of the Harbour Board\n\n- 2 -\n\n1. Opening\n\nThe Chair opened the meeting.\n")
    roles = [r for r, _ in _furniture(doc)]
    assert roles == ["web_chrome", "web_chrome", "web_chrome", "page_marker"]
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == doc.block_text(b)
    assert doc.is_furniture(doc.text.index("Sign In"))
    assert not doc.is_furniture(doc.text.index("Minutes of the Ninth"))


def test_records_starting_in_furniture_are_dropped() -> None:
    doc = _doc("Download\n\nMinutes of the Board\n")

    class Rec:
        def __init__(self, start: int) -> None:
            self.char_start = start

    kept = minutes_only(doc, [Rec(0), Rec(doc.text.index("Minutes"))])
    assert [r.char_start for r in kept] == [doc.text.index("Minutes")]


def test_asciidoc_title_and_attributes() -> None:
    doc = _doc("= Minutes of the Lighthouse Committee\n:author: Secretariat\n:toc:\n\n"
               "== Attendance\n\nMs. Ada Quillfeather\n")
    heads = [(b.level, doc.block_text(b)) for b in doc.blocks if b.kind == "heading"]
    assert heads == [(1, "Minutes of the Lighthouse Committee"), (2, "Attendance")]
    assert [r for r, _ in _furniture(doc)] == ["markup", "markup"]
