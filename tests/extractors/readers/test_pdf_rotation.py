"""Rotated PDF pages are read in their text's upright orientation (``pdf_chars.py``): a
``/Rotate`` entry over text laid out for the unrotated page, content drawn sideways by a
transformation, and every quarter turn, in a file of mixed pages."""

from __future__ import annotations

import io

import pytest

from extractors.readers import parse_bytes
from tests.extractors.readers.bad_files import rotated_pdf

SPEAKERS = ["Norland", "Ostavia", "Pellmark", "Quorvia"]


def _pages_pdf() -> bytes:
    """Four pages of invented minutes, one delegation speaking on each page."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for n, who in enumerate(SPEAKERS, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 13)
        pdf.text(20, 25, f"Agenda Item {n} - Report of the Working Group")
        pdf.set_font("Helvetica", size=11)
        pdf.text(20, 40, f"The delegation of {who} said that the report on item {n} was")
        pdf.text(20, 46, "welcome and asked for the draft to be circulated before the next")
        pdf.text(20, 52, "meeting of the Council.")
    return bytes(pdf.output())


def _turn(data: bytes, rotations: dict[int, int]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for index, degrees in rotations.items():
        writer.pages[index].rotate(degrees)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _text(data: bytes) -> str:
    return parse_bytes(data, "pdf", "x.pdf").text


def test_mixed_rotations_lose_no_page() -> None:
    upright = _pages_pdf()
    mixed = _turn(upright, {1: 90, 3: 270})
    document = parse_bytes(mixed, "pdf", "x.pdf")
    assert document.text == _text(upright)
    assert [s for s in SPEAKERS if f"delegation of {s} said" in document.text] == SPEAKERS
    assert [b.page for b in document.blocks if "delegation of" in document.block_text(b)] == [
        1, 2, 3, 4]
    assert document.metadata["pages_turned"] == "2:270 4:90"


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_fully_rotated_file_is_read_not_refused(degrees: int) -> None:
    upright = _pages_pdf()
    turned = _turn(upright, dict.fromkeys(range(4), degrees))
    assert _text(turned) == _text(upright)


def test_content_drawn_sideways_on_a_landscape_page() -> None:
    """A page whose text is drawn with a quarter-turn transformation (no /Rotate)."""
    data = rotated_pdf()
    document = parse_bytes(data, "pdf", "x.pdf")
    assert "3rd Meeting of the Coordination Committee" in document.text
    assert "It was agreed that the next meeting" in document.text
    assert document.metadata["pages_turned"] == "1:90"


def test_a_sideways_note_does_not_turn_an_upright_page() -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for i in range(6):
        pdf.text(20, 30 + 6 * i, f"Line {i + 1} of the minutes of the Council, read upright.")
    with pdf.rotation(90, x=10, y=200):
        pdf.text(10, 200, "Draft - not for circulation")
    document = parse_bytes(bytes(pdf.output()), "pdf", "x.pdf")
    assert "Line 6 of the minutes" in document.text
    assert "not for circulation" not in document.text
    assert "pages_turned" not in document.metadata
