"""Fixtures for the reader tests: the shared corpus and small generated Word/PDF files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from models.document import Document

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
STEMS = sorted({p.name.split(".")[0] for p in CORPUS.glob("*.txt")}) if CORPUS.is_dir() else []


@pytest.fixture
def corpus() -> Path:
    """The shared corpus directory; the test is skipped when it is absent."""
    if not STEMS:
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS


def check_offsets(doc: Document) -> None:
    """Every block has non-empty text, blocks increase, cells lie inside their row."""
    last_end = -1
    for b in doc.blocks:
        assert b.start > last_end
        assert doc.text[b.start:b.end].strip()
        assert doc.text[b.start:b.end] == doc.text[b.start:b.end].strip()
        assert "\n" not in doc.text[b.start:b.end]
        assert 1 <= b.page <= doc.n_pages
        for s, e in b.cells:
            assert b.start <= s < e <= b.end
        last_end = b.end
    assert len(doc.text) == (doc.blocks[-1].end if doc.blocks else 0)


@pytest.fixture
def fixture_docx() -> bytes:
    """A two-page Word file with title, headings, lists, a merged-cell table, header/footer."""
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Fixture Running Header"
    d.sections[0].footer.paragraphs[0].text = "Fixture Running Footer"
    d.add_heading("Minutes of the Fixture Meeting", 0)
    d.add_heading("1. Opening", 1)
    d.add_paragraph("The Chair opened the meeting.")
    d.add_paragraph("Top level point", style="List Bullet")
    d.add_paragraph("Nested point", style="List Bullet 2")
    table = d.add_table(rows=3, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Attendance"
    table.cell(1, 0).text, table.cell(1, 1).text = "Austria", "Norway"
    table.cell(2, 0).text, table.cell(2, 1).text = "Brazil", "Peru"
    d.add_paragraph("Text after the table.")
    d.add_heading("2. Closing", 2)
    d.add_page_break()
    d.add_paragraph("The Chair closed the meeting on page two.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _pdf_page(pdf, n: int) -> None:  # type: ignore[no-untyped-def]
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.text(20, 12, "Fixture Council - Running Header")
    pdf.text(95, 287, f"Page {n} of 2")


@pytest.fixture
def fixture_pdf() -> bytes:
    """A two-page PDF with running header/footer, headings, a hyphenated paragraph, bullets,
    a borderless two-column table and a superscript."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    _pdf_page(pdf, 1)
    pdf.set_font("Helvetica", "B", 16)
    pdf.text(20, 30, "Minutes of the Fixture Meeting")
    pdf.set_font("Helvetica", "B", 12)
    pdf.text(20, 42, "1. Opening")
    pdf.set_font("Helvetica", size=11)
    for i, line in enumerate(["The Chair welcomed the delegations and recalled that the imple-",
                              "mentation of the work plan was on track and that the President-",
                              "Designate would report on the 29"]):
        pdf.text(20, 52 + 5 * i, line)
    pdf.set_font("Helvetica", size=7)
    pdf.text(20 + pdf.get_string_width("Designate would report on the 29") * 11 / 7, 60.8, "th")
    pdf.set_font("Helvetica", size=11)
    pdf.text(20 + pdf.get_string_width("Designate would report on the 29th "), 62, "of May.")
    pdf.text(25, 75, "\u2022 First point on the agenda")
    pdf.text(35, 80, "\u2022 Nested point under the first")
    pdf.text(25, 85, "\u2022 Second point on the agenda")
    pdf.set_font("Helvetica", "B", 12)
    pdf.text(20, 100, "2. Attendance")
    pdf.set_font("Helvetica", size=11)
    for i, (a, b) in enumerate([("Austria", "Norway"), ("Brazil", "Peru"), ("Chile", "Spain")]):
        pdf.text(20, 110 + 8 * i, a)
        pdf.text(110, 110 + 8 * i, b)
    _pdf_page(pdf, 2)
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 40, "The Chair closed the meeting on the second page.")
    return bytes(pdf.output())
