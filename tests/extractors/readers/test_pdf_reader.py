"""Tests for the PDF reader."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.readers import parse_bytes, read_document
from extractors.readers.markup import join_hyphenated
from extractors.readers.pdf_layout import is_page_number
from tests.extractors.readers.conftest import STEMS, check_offsets


def test_fixture_pdf_structure(fixture_pdf: bytes) -> None:
    doc = parse_bytes(fixture_pdf, "pdf", "x.pdf")
    check_offsets(doc)
    got = [(b.kind, b.level, b.page, doc.block_text(b)) for b in doc.blocks]
    assert got == [
        ("heading", 1, 1, "Minutes of the Fixture Meeting"),
        ("heading", 2, 1, "1. Opening"),
        ("paragraph", 0, 1, "The Chair welcomed the delegations and recalled that the "
         "implementation of the work plan was on track and that the President-Designate "
         "would report on the 29th of May."),
        ("list_item", 0, 1, "First point on the agenda"),
        ("list_item", 1, 1, "Nested point under the first"),
        ("list_item", 0, 1, "Second point on the agenda"),
        ("heading", 2, 1, "2. Attendance"),
        ("table_row", 0, 1, "Austria\tNorway"),
        ("table_row", 0, 1, "Brazil\tPeru"),
        ("table_row", 0, 1, "Chile\tSpain"),
        ("paragraph", 0, 2, "The Chair closed the meeting on the second page."),
    ]
    assert doc.n_pages == 2
    assert doc.metadata["header"] == "Fixture Council - Running Header"
    assert doc.metadata["footer"] == "Page 1 of 2"
    row = doc.blocks[7]
    assert [doc.text[s:e] for s, e in row.cells] == ["Austria", "Norway"]


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("the imple-", "mentation of", "the implementation of"),
    ("the President-", "Designate said", "the President-Designate said"),
    ("a co-", "coordinator", "a co-coordinator"),
    ("in 2016-", "2018", None),
    ("no hyphen", "here", None),
])
def test_join_hyphenated(left: str, right: str, joined: str | None) -> None:
    vocab = {"coordinator", "co"} if "co-" in left else set()
    assert join_hyphenated(left, right, vocab) == joined


def test_hyphen_kept_when_document_uses_the_compound() -> None:
    assert join_hyphenated("an on-", "going process", {"on-going", "on", "going"}) == \
        "an on-going process"
    assert join_hyphenated("the partici-", "pants", {"participants"}) == "the participants"


@pytest.mark.parametrize("text", ["7", "- 7 -", "Page 7", "Page 7 of 12", "7/12", "(3)"])
def test_page_number_lines(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["1. Present:", "7MSP", "Page two of the minutes"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_truncated_pdf(corpus: Path) -> None:
    data = (corpus / "003_34366c72912eb010.pdf").read_bytes()
    for cut in (data[: len(data) // 2], data[:1000], data[:-200]):
        with pytest.raises(ReadError) as err:
            parse_bytes(cut, "pdf", "x.pdf")
        assert err.value.error_type == "corrupt_pdf"
        assert err.value.message.startswith("PDF is damaged or truncated: ")


def test_not_a_pdf() -> None:
    with pytest.raises(ReadError) as err:
        parse_bytes(b"just some text, renamed .pdf", "pdf", "x.pdf")
    assert err.value.error_type == "corrupt_pdf"


def test_encrypted_pdf() -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 20, "Secret minutes")
    pdf.set_encryption(owner_password="owner", user_password="user")
    with pytest.raises(ReadError) as err:
        parse_bytes(bytes(pdf.output()), "pdf", "x.pdf")
    assert err.value.error_type == "encrypted"


def _simple_pdf(draw) -> bytes:  # type: ignore[no-untyped-def]
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    draw(pdf)
    return bytes(pdf.output())


def test_blank_page_is_reported() -> None:
    def draw(pdf) -> None:  # type: ignore[no-untyped-def]
        pdf.text(20, 20, "Only the first page has text.")
        pdf.add_page()

    doc = parse_bytes(_simple_pdf(draw), "pdf", "x.pdf")
    assert doc.n_pages == 2
    assert doc.metadata["pages_without_text"] == "2"


def test_overprinted_text_is_read_once() -> None:
    def draw(pdf) -> None:  # type: ignore[no-untyped-def]
        pdf.text(20, 20, "Bold by overprinting")
        pdf.text(20.1, 20, "Bold by overprinting")

    doc = parse_bytes(_simple_pdf(draw), "pdf", "x.pdf")
    assert doc.text == "Bold by overprinting"


def test_image_only_scan_without_tesseract(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    """Where Tesseract is absent, an image-only PDF is a clear failure (OCR of scans is
    tested in test_ocr.py)."""
    import pdfplumber
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "missing"))
    path = corpus / "001_c29c3796f9e283ff.scan.pdf"
    with pdfplumber.open(path) as pdf:
        n = len(pdf.pages)
    with pytest.raises(ReadError) as err:
        read_document(path)
    assert err.value.error_type == "no_text_layer"
    assert f"any of its {n} pages" in err.value.message
    assert f"OCR is needed for pages 1-{n} but Tesseract OCR is not installed" in \
        err.value.message


@pytest.mark.parametrize("stem", STEMS)
def test_corpus_pdf(corpus: Path, stem: str) -> None:
    start, cpu = time.perf_counter(), time.process_time()
    doc = read_document(corpus / f"{stem}.pdf")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{stem}.pdf: {doc.n_pages} pages read in {elapsed:.2f}s ({cpu:.2f}s CPU)")
    check_offsets(doc)
    assert doc.n_pages > 1
    assert doc.metadata.get("header") == "Convention on Cluster Munitions"
    assert "Convention on Cluster Munitions\n" not in doc.text[:40]
    assert not re.search(r"(^|\n)Page \d+(\n|$)", doc.text)
    pages = [b.page for b in doc.blocks]
    assert pages == sorted(pages) and pages[-1] == doc.n_pages
    assert cpu < 2.0  # CPU time: wall time depends on what else the machine runs


def test_corpus_pdf_structure(corpus: Path) -> None:
    doc = read_document(corpus / "003_34366c72912eb010.pdf")
    headings = {doc.block_text(b): b.level for b in doc.blocks if b.kind == "heading"}
    assert headings["MINUTES OF THE CCM COORDINATION COMMITTEE MEETING"] == 1
    assert headings["2. Opening Remarks by the President"] == 2
    assert "the 20th December 2016" in doc.text  # superscript joined to its number
    doc = read_document(corpus / "000_098669f974b0b876.pdf")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert len(rows) == 18 and doc.block_text(rows[0]) == "Australia\tNew Zealand"
    assert {b.level for b in doc.blocks if b.kind == "list_item"} == {0, 1}
    assert doc.blocks[-1].page == 7
