"""Tests for the plain text / Markdown reader."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.readers import parse_bytes, read_document
from tests.extractors.readers.conftest import STEMS, check_offsets


def _read(text: str | bytes, fmt: str = "md"):  # type: ignore[no-untyped-def]
    data = text.encode("utf-8") if isinstance(text, str) else text
    doc = parse_bytes(data, fmt, f"x.{fmt}")
    check_offsets(doc)
    return doc


def _blocks(doc):  # type: ignore[no-untyped-def]
    return [(b.kind, b.level, doc.block_text(b)) for b in doc.blocks]


def test_headings_and_inline_markup() -> None:
    doc = _read("# Title\n\n## **Discussions**\n\nHeld on the 29<sup>th</sup> of *May* in "
                "<u>Geneva</u>, __really__ _here_.\n")
    assert _blocks(doc) == [("heading", 1, "Title"), ("heading", 2, "Discussions"),
                            ("paragraph", 0, "Held on the 29th of May in Geneva, really here.")]


def test_markdown_table_becomes_rows_with_cells() -> None:
    doc = _read("Before\n\n| Country | Delegate |\n|---|:---:|\n| - Austria | Ms. A |\n"
                "| Peru | |\n\nAfter\n")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [doc.block_text(b) for b in rows] == ["Country\tDelegate", "Austria\tMs. A", "Peru"]
    assert [doc.text[s:e] for s, e in rows[1].cells] == ["Austria", "Ms. A"]
    assert "|" not in doc.text and "---" not in doc.text


def test_lists_nesting_and_markers() -> None:
    doc = _read("Intro:\n\n- first\n - nested one\n   - deeper\n- second\n* star item\n"
                "1. numbered stays numbered\n")
    items = [(b.level, doc.block_text(b)) for b in doc.blocks if b.kind == "list_item"]
    assert items == [(0, "first"), (1, "nested one"), (2, "deeper"), (0, "second"),
                     (0, "star item"), (0, "1. numbered stays numbered")]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = ("The delegation of Norway informed the meeting about the imple-\n"
            "mentation of the work plan and thanked the outgoing President-\n"
            "Designate for her leadership during the intersessional period and\n"
            "the preparations for the meeting in Geneva.\n"
            "A second paragraph begins here and continues for a while so that\n"
            "it wraps onto another line of roughly the same length as others\n"
            "and ends.\n")
    doc = _read(text, "txt")
    assert [doc.block_text(b) for b in doc.blocks] == [
        "The delegation of Norway informed the meeting about the implementation of the work "
        "plan and thanked the outgoing President-Designate for her leadership during the "
        "intersessional period and the preparations for the meeting in Geneva.",
        "A second paragraph begins here and continues for a while so that it wraps onto "
        "another line of roughly the same length as others and ends."]


def test_long_lines_are_one_paragraph_each() -> None:
    doc = _read("Open-ended consultations\nWednesday 29 February\n", "txt")
    assert [doc.block_text(b) for b in doc.blocks] == ["Open-ended consultations",
                                                       "Wednesday 29 February"]


def test_thematic_break_and_setext_heading() -> None:
    doc = _read("Title\n=====\n\nText\n\n-----\n\nMore\n")
    assert _blocks(doc) == [("heading", 1, "Title"), ("paragraph", 0, "Text"),
                            ("paragraph", 0, "More")]


@pytest.mark.parametrize("encode", [
    lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    lambda s: s.encode("utf-16-le"),
    lambda s: s.encode("cp1252"),
    lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    lambda s: s.encode("utf-8").replace(b" ", b" \x00"),
], ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "cp1252", "crlf", "nul"])
def test_encoding_fallbacks(encode) -> None:  # type: ignore[no-untyped-def]
    text = "Délégation “Côte d’Ivoire” – café\n\nSecond paragraph\n"
    doc = _read(encode(text), "txt")
    assert [doc.block_text(b) for b in doc.blocks] == ["Délégation “Côte d’Ivoire” – café",
                                                       "Second paragraph"]


def test_ligatures_and_entities_are_plain_text() -> None:
    doc = _read("The \ufb01nal text &amp; the\u00a0o\ufb03ce\n")
    assert doc.text == "The final text & the office"


def test_empty_and_blank_files() -> None:
    with pytest.raises(ReadError) as err:
        parse_bytes(b"", "txt", "x.txt")
    assert err.value.error_type == "empty_file"
    with pytest.raises(ReadError) as err:
        parse_bytes(b"  \n\n\x00 ", "txt", "x.txt")
    assert err.value.error_type == "no_text"


@pytest.mark.parametrize("stem", STEMS)
def test_corpus_text_files(corpus: Path, stem: str) -> None:
    doc = read_document(corpus / f"{stem}.txt")
    check_offsets(doc)
    assert len(doc.blocks) > 10
    for noise in ("**", "<u>", "<sup>", "|", "\n#"):
        assert noise not in doc.text


def test_corpus_structure(corpus: Path) -> None:
    doc = read_document(corpus / "003_34366c72912eb010.txt")
    headings = {doc.block_text(b): b.level for b in doc.blocks if b.kind == "heading"}
    assert headings["MINUTES OF THE CCM COORDINATION COMMITTEE MEETING"] == 1
    assert headings["1. Present:"] == 4
    assert "9.3 10th Oslo Process anniversary" in headings
    doc = read_document(corpus / "000_098669f974b0b876.txt")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert doc.block_text(rows[0]) == "Australia\tNew Zealand" and len(rows[0].cells) == 2
    levels = {b.level for b in doc.blocks if b.kind == "list_item"}
    assert levels == {0, 1}


def test_form_feeds_are_page_breaks() -> None:
    doc = _read("First page text\n\fSecond page heading\n\n\f\fFourth page\n", "txt")
    assert [(b.page, doc.block_text(b)) for b in doc.blocks] == [
        (1, "First page text"), (2, "Second page heading"), (4, "Fourth page")]
    assert doc.n_pages == 4
