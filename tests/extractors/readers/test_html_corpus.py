"""The corpus's text minutes rendered as web pages (paragraphs as ``<p>``, headings as
``<h2>``..., list items in ``<ul>``, table rows in a ``<table>``, inside a page with a site
banner, navigation, cookie dialog and footer) give the same records as the text files."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from extractors.extract import extract
from extractors.readers import parse_bytes, read_document
from models.document import Document
from tests.extractors.readers.conftest import STEMS, check_offsets
from tests.extractors.readers.test_format_agreement import MIN_RATIO, differences, similarity
from tests.extractors.readers.test_format_records import comparable

CHROME_TOP = ('<header><a href="/">Treaty Support Unit</a><nav><ul><li><a href="/">Home</a>'
              '</li><li><a href="/meetings">Meetings</a></li><li><a href="/search">Search</a>'
              '</li></ul></nav></header>\n<div role="dialog"><p>This site uses cookies.</p>'
              "<button>Accept</button></div>\n")
CHROME_BOTTOM = ('<aside><h2>Related documents</h2><ul><li>Annual report</li></ul></aside>\n'
                 "<footer><p>Contact the secretariat</p><p>Privacy notice</p></footer>\n"
                 "<script>var tracking = true;</script>\n")


def as_web_page(doc: Document) -> bytes:
    """A web page holding ``doc``'s blocks, site chrome around them."""
    html: list[str] = []
    open_list = False
    rows: list[str] = []

    def close() -> None:
        nonlocal open_list, rows
        if open_list:
            html.append("</ul>")
        if rows:
            html.append("<table>" + "".join(rows) + "</table>")
        open_list, rows = False, []

    for block in doc.blocks:
        text = escape(doc.text[block.start:block.end])
        if block.kind == "table_row":
            if open_list:
                html.append("</ul>")
                open_list = False
            rows.append("<tr>" + "".join(f"<td>{escape(doc.text[s:e])}</td>"
                                         for s, e in block.cells) + "</tr>")
            continue
        if block.kind == "list_item":
            if rows:
                close()
            if not open_list:
                html.append("<ul>")
                open_list = True
            html.append(f"<li>{text}</li>")
            continue
        close()
        if block.kind == "heading":
            level = min(max(block.level, 1), 6)
            html.append(f"<h{level}>{text}</h{level}>")
        else:
            html.append(f"<p>{text}</p>")
    close()
    page = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Meeting minutes"
            "</title><style>nav { float: left; }</style></head>\n<body>\n" + CHROME_TOP
            + "<main>\n" + "\n".join(html) + "\n</main>\n" + CHROME_BOTTOM + "</body></html>\n")
    return page.encode("utf-8")


@pytest.mark.parametrize("stem", STEMS)
def test_corpus_minutes_as_web_page_give_the_same_records(corpus: Path, stem: str) -> None:
    text_doc = read_document(corpus / f"{stem}.txt")
    page = as_web_page(text_doc)
    web_doc = parse_bytes(page, "html", f"{stem}.html")
    check_offsets(web_doc)
    assert "cookies" not in web_doc.text and "Privacy notice" not in web_doc.text
    ratio = similarity(text_doc.text, web_doc.text)
    assert ratio >= MIN_RATIO, differences(text_doc.text, web_doc.text)
    expected, got = comparable(extract(text_doc)), comparable(extract(web_doc))
    for table in expected:
        assert got[table] == expected[table], table


@pytest.mark.parametrize("stem", STEMS[:2])
def test_web_page_saved_as_text_is_read_as_html(corpus: Path, stem: str) -> None:
    page = as_web_page(read_document(corpus / f"{stem}.txt"))
    doc = parse_bytes(page, "txt", f"{stem}.txt")
    assert doc.source_format == "html"
    assert "<p>" not in doc.text and "Accept" not in doc.text
