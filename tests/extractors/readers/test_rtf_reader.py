"""The RTF reader: headings from outline levels and heading styles, list levels, table rows,
code pages, Unicode with fallbacks, and destinations that are not body text."""

from __future__ import annotations

import pytest

from extractors.errors import ReadError
from extractors.readers import parse_bytes
from tests.extractors.readers.conftest import check_offsets

HEAD = (rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}"
        rb"{\colortbl;\red0\green0\blue0;}"
        rb"{\stylesheet{\s0 Normal;}{\s1\b heading 1;}{\s2\b heading 2;}{\s15 Title;}}"
        rb"{\info{\title Draft minutes}{\author Clerk}}"
        rb"{\header\pard Running header of the Orchard Council\par}"
        rb"{\footer\pard Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}")


def read(body: bytes) -> list[tuple[str, int, str]]:
    doc = parse_bytes(HEAD + body + b"}", "rtf", "m.rtf")
    check_offsets(doc)
    return [(b.kind, b.level, doc.text[b.start:b.end]) for b in doc.blocks]


@pytest.mark.parametrize("heading", [rb"\pard\outlinelevel0 ", rb"\pard\s1 "])
def test_headings_by_outline_level_or_style(heading: bytes) -> None:
    got = read(heading + rb"Minutes of the Orchard Council\par\pard\s2 1. Opening\par"
               rb"\pard The Chair opened the meeting.\par")
    assert got == [("heading", 1, "Minutes of the Orchard Council"),
                   ("heading", 2, "1. Opening"),
                   ("paragraph", 0, "The Chair opened the meeting.")]


def test_header_footer_fields_and_info_are_not_body() -> None:
    got = read(rb"\pard Body text only.\par")
    assert got == [("paragraph", 0, "Body text only.")]


@pytest.mark.parametrize("marker", [rb"{\listtext\'95\tab}\pard\ls1\ilvl",
                                    rb"{\pntext\'b7\tab}\pard\pnlvlblt\ilvl"])
def test_list_items_with_levels(marker: bytes) -> None:
    got = read(marker + rb"0 Apples\par" + marker + rb"1 Late apples\par"
               + marker + rb"0 Pears\par\pard After the list.\par")
    assert got == [("list_item", 0, "Apples"), ("list_item", 1, "Late apples"),
                   ("list_item", 0, "Pears"), ("paragraph", 0, "After the list.")]


def test_table_rows_with_multi_paragraph_cells() -> None:
    got = read(rb"\trowd\cellx3000\cellx6000\pard\intbl Member\cell Office\cell\row"
               rb"\trowd\cellx3000\cellx6000\pard\intbl Ms. Ida Holm\cell Chair\par"
               rb" until May\cell\row\pard After the table.\par")
    assert got == [("table_row", 0, "Member\tOffice"),
                   ("table_row", 0, "Ms. Ida Holm\tChair until May"),
                   ("paragraph", 0, "After the table.")]


def test_code_page_unicode_and_symbols() -> None:
    got = read(rb"\pard Gen\'e8ve \endash  {\uc1\u8217?s} caf\u233\'e9 \u-3913? "
               rb"\{braces\} back\\slash\par")
    assert got[0][2] == "Genève – ’s café \uf0b7 {braces} back\\slash"


def test_unclosed_document_is_a_named_failure() -> None:
    with pytest.raises(ReadError) as err:
        parse_bytes(HEAD + rb"\pard Text\par", "rtf", "m.rtf")
    assert err.value.error_type == "corrupt_rtf"
    assert "closing brace" in err.value.message


def test_rtf_saved_as_text_is_read_as_rtf() -> None:
    doc = parse_bytes(HEAD + rb"\pard\s1 Minutes of the Orchard Council\par}", "txt", "m.txt")
    assert doc.source_format == "rtf" and doc.text == "Minutes of the Orchard Council"


def test_backslash_line_end_ends_a_paragraph() -> None:
    assert read(b"\\pard First paragraph.\\\nSecond paragraph.\\par") == [
        ("paragraph", 0, "First paragraph."), ("paragraph", 0, "Second paragraph.")]
