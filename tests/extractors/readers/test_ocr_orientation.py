"""Scans placed sideways or upside down are turned upright before OCR (``orientation.py``):
Tesseract's orientation detection first, checked by the reading's confidence and legibility;
a scan that gives no legible text in any orientation is a specific failure."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from extractors.errors import ReadError
from extractors.readers import parse_bytes
from extractors.readers.hocr import OcrPage
from extractors.readers.orientation import read_upright
from extractors.readers.pdf_layout import Line, Word
from tests.extractors.readers.test_ocr import TESSERACT, _page_image, _text_pdf

needs_tesseract = pytest.mark.skipif(TESSERACT is None, reason="Tesseract OCR is not installed")


def _turned_scan(degrees: int) -> bytes:
    """The made-up minutes scanned at 150 dpi, the page image turned ``degrees``
    anticlockwise, on a page of the turned image's shape."""
    from fpdf import FPDF

    image = _page_image(_text_pdf(), 0).rotate(degrees, expand=True, fillcolor=255)
    pdf = FPDF(unit="pt", format=(image.width * 72 / 150, image.height * 72 / 150))
    pdf.add_page()
    png = io.BytesIO()
    image.save(png, format="PNG")
    pdf.image(png, x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


@needs_tesseract
@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_turned_scan_reads_like_its_text_layer(degrees: int) -> None:
    scanned = parse_bytes(_turned_scan(degrees), "pdf", "scan.pdf")
    assert scanned.text == parse_bytes(_text_pdf(), "pdf", "text.pdf").text
    assert scanned.metadata["ocr_pages_turned"] == f"1:{degrees}"
    assert float(scanned.metadata["ocr_confidence"]) > 0.8


@needs_tesseract
def test_upright_scan_is_not_turned() -> None:
    scanned = parse_bytes(_turned_scan(0), "pdf", "scan.pdf")
    assert "ocr_pages_turned" not in scanned.metadata


# -- the choice of orientation, with a fake OCR (no Tesseract needed) ------------------------
@dataclass
class _Reading:
    turn: int
    confidence: float


class _FakeImage:
    def __init__(self, turn: int = 0) -> None:
        self.turn = turn

    def rotate(self, angle: float, expand: bool, fillcolor: int) -> _FakeImage:
        return _FakeImage((self.turn - int(angle)) % 360)


def _reader(good_turn: int, tried: list[int]):  # type: ignore[no-untyped-def]
    def read(image: _FakeImage) -> _Reading:
        tried.append(image.turn)
        return _Reading(image.turn, 0.95 if image.turn == good_turn else 0.3 + image.turn / 1000)
    return read


def _poor(reading: _Reading) -> bool:
    return reading.confidence < 0.6


def test_detected_turn_is_read_first_and_alone_when_good() -> None:
    tried: list[int] = []
    best, turn = read_upright(_FakeImage(), _reader(90, tried), _poor, detect=lambda im: 90)
    assert (tried, turn, best.confidence) == ([90], 90, 0.95)


def test_wrong_detection_is_corrected_by_trying_the_other_turns() -> None:
    tried: list[int] = []
    _, turn = read_upright(_FakeImage(), _reader(180, tried), _poor, detect=lambda im: 0)
    assert (tried, turn) == ([0, 90, 180], 180)


def test_no_good_turn_keeps_the_most_confident_reading() -> None:
    tried: list[int] = []
    _, turn = read_upright(_FakeImage(), _reader(-1, tried), _poor, detect=lambda im: 0)
    assert (sorted(tried), turn) == ([0, 90, 180, 270], 270)


def test_scan_of_noise_is_a_specific_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every orientation reads as noise: the file fails as ``illegible_scan``, it does not
    become a meeting without records."""
    from extractors.readers import ocr

    noise = "".join("#%&@" [i % 4] + "j" * (i % 3) for i in range(30))
    line = Line(1, 100, 112, 12, False, [[Word(noise[k:k + 5], 20 + 30 * k, 45 + 30 * k)
                                          for k in range(0, 30, 5)]])

    def fake_ocr(image, page, scale):  # type: ignore[no-untyped-def]
        return OcrPage([line, line, line], 0.37, 0.1, 18)

    monkeypatch.setattr(ocr, "ocr_image", fake_ocr)
    monkeypatch.setattr("extractors.readers.orientation.detect_turn", lambda image: 0)
    monkeypatch.setattr(ocr, "read_upright", lambda image, read, poor: (read(image), 0))
    with pytest.raises(ReadError) as err:
        parse_bytes(_turned_scan(0), "pdf", "scan.pdf")
    assert err.value.error_type == "illegible_scan"
    assert "gave no legible text" in err.value.message
