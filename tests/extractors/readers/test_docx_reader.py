"""Tests for the Word (.docx) reader."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.limits import Limits
from extractors.readers import parse_bytes, read_document
from tests.extractors.readers.conftest import STEMS, check_offsets


def test_fixture_structure_order_and_pages(fixture_docx: bytes) -> None:
    doc = parse_bytes(fixture_docx, "docx", "x.docx")
    check_offsets(doc)
    got = [(b.kind, b.level, b.page, doc.block_text(b)) for b in doc.blocks]
    assert got == [
        ("heading", 1, 1, "Minutes of the Fixture Meeting"),
        ("heading", 1, 1, "1. Opening"),
        ("paragraph", 0, 1, "The Chair opened the meeting."),
        ("list_item", 0, 1, "Top level point"),
        ("list_item", 1, 1, "Nested point"),
        ("table_row", 0, 1, "Attendance"),  # merged cell read once
        ("table_row", 0, 1, "Austria\tNorway"),
        ("table_row", 0, 1, "Brazil\tPeru"),
        ("paragraph", 0, 1, "Text after the table."),
        ("heading", 2, 1, "2. Closing"),
        ("paragraph", 0, 2, "The Chair closed the meeting on page two."),
    ]
    assert doc.n_pages == 2


def test_headers_and_footers_go_to_metadata(fixture_docx: bytes) -> None:
    doc = parse_bytes(fixture_docx, "docx", "x.docx")
    assert doc.metadata == {"header": "Fixture Running Header",
                            "footer": "Fixture Running Footer"}
    assert "Running" not in doc.text


def test_text_file_renamed_docx() -> None:
    with pytest.raises(ReadError) as err:
        parse_bytes(b"Minutes of the meeting\nNot a zip at all\n", "docx", "x.docx")
    assert err.value.error_type == "not_a_zip"
    assert "not a Word .docx file" in err.value.message


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_without_document_xml() -> None:
    with pytest.raises(ReadError) as err:
        parse_bytes(_zip({"hello.txt": b"hi"}), "docx", "x.docx")
    assert err.value.error_type == "not_docx"


def test_zip_bomb_is_refused() -> None:
    bomb = _zip({"word/document.xml": b"<w:document/>", "word/media/x.bin": b"\0" * 4_000_000})
    with pytest.raises(ReadError) as err:
        parse_bytes(bomb, "docx", "x.docx")
    assert err.value.error_type == "too_large"
    with pytest.raises(ReadError) as err:
        parse_bytes(_zip({"word/document.xml": b"x" * 2000}), "docx", "x.docx",
                    Limits(max_docx_uncompressed=1000))
    assert err.value.error_type == "too_large"


def test_corrupt_docx() -> None:
    with pytest.raises(ReadError) as err:
        parse_bytes(_zip({"word/document.xml": b"<not xml"}), "docx", "x.docx")
    assert err.value.error_type == "corrupt_docx"


def test_empty_file() -> None:
    with pytest.raises(ReadError) as err:
        parse_bytes(b"", "docx", "x.docx")
    assert err.value.error_type == "empty_file"


@pytest.mark.parametrize("stem", STEMS)
def test_corpus_docx(corpus: Path, stem: str) -> None:
    doc = read_document(corpus / f"{stem}.docx")
    check_offsets(doc)
    assert doc.metadata.get("header") == "Convention on Cluster Munitions"
    first = doc.block_text(doc.blocks[0])
    assert first != doc.metadata["header"]
    assert not any(doc.block_text(b).startswith("Page") for b in doc.blocks)


def test_corpus_docx_structure(corpus: Path) -> None:
    doc = read_document(corpus / "003_34366c72912eb010.docx")
    headings = {doc.block_text(b): b.level for b in doc.blocks if b.kind == "heading"}
    assert headings["MINUTES OF THE CCM COORDINATION COMMITTEE MEETING"] == 1
    assert headings["2. Opening Remarks by the President"] == 2
    assert headings["1. Present:"] == 4
    doc = read_document(corpus / "000_098669f974b0b876.docx")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert len(rows) == 18 and doc.block_text(rows[0]) == "Australia\tNew Zealand"
    assert {b.level for b in doc.blocks if b.kind == "list_item"} == {0, 1}


def test_custom_styles_and_numbering() -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    custom = d.styles.add_style("Minutes Section", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = d.styles["Heading 2"]
    d.add_paragraph("Agenda item", style="Minutes Section")
    item = d.add_paragraph("Numbered by Word, second level")
    item._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'))
    d.add_paragraph("\u2022 Typed bullet")
    buf = io.BytesIO()
    d.save(buf)
    doc = parse_bytes(buf.getvalue(), "docx", "x.docx")
    assert [(b.kind, b.level, doc.block_text(b)) for b in doc.blocks] == [
        ("heading", 2, "Agenda item"),
        ("list_item", 1, "Numbered by Word, second level"),
        ("list_item", 0, "Typed bullet"),
    ]
