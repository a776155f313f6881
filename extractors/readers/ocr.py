"""OCR of PDF pages without a text layer, with Tesseract (through pytesseract).

A page is rendered to a grayscale image (300 dpi) and read by Tesseract as one uniform block
of text (``--psm 6``, LSTM engine). Its hOCR output -- lines with baselines and font heights,
words and character boxes with confidences -- becomes the same ``Line`` objects the text-layer
path builds (``pdf_layout.page_lines``), in PDF points and corrected for the page's skew, so
the reader's block assembly (paragraphs, headings by size and boldness, bullets, tables by
wide gaps) works on scanned pages too. Boldness is measured from the image (stroke width).

Turning hOCR into lines, with the glyph fix-ups, is ``hocr.py``. Nothing is fetched:
Tesseract and its ``eng`` data must be installed locally.
"""

from __future__ import annotations

import os
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from extractors.readers.hocr import OcrPage, hocr_page, snap_sizes
from extractors.readers.legibility import measure
from extractors.readers.orientation import read_upright
from extractors.readers.pdf_layout import Line

RESOLUTION = 300  # dpi; measured best on the corpus scan (see README, section OCR)
MAX_PIXELS = 40_000_000  # a page image larger than this is rendered at a lower resolution
ENGINE = "--oem 1 --psm 6"  # LSTM engine; the page is one uniform block of text
CONFIG = f"{ENGINE} -c hocr_char_boxes=1"
LANGUAGE = "eng"
TIMEOUT = 120  # seconds per page
STAMP_CHARS = 40  # a scanned page may carry this much text (a stamp, a page number) and no more
POOR_CONFIDENCE = 0.6  # a reading below this mean word confidence is tried in other turns
INSTALL_HINT = "install the Debian packages tesseract-ocr and tesseract-ocr-eng"


class OcrUnavailable(Exception):
    """Tesseract (or its English data) is not installed, so pages cannot be OCR'd."""


class OcrFailed(Exception):
    """Tesseract ran but could not read a page (crash, timeout)."""



def tesseract_version() -> str | None:
    """The installed Tesseract's version, or None when it is absent."""
    import pytesseract

    try:
        return str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError):
        return None


def render(page: Any, resolution: int = RESOLUTION) -> Any:
    """Render a pdfplumber page to a grayscale PIL image, at most ``MAX_PIXELS`` large."""
    area = float(page.width) * float(page.height) / 72 / 72  # square inches
    if area > 0 and area * resolution**2 > MAX_PIXELS:
        resolution = max(36, int((MAX_PIXELS / area) ** 0.5))
    return page.to_image(resolution=resolution).original.convert("L")


def run_tesseract(image: Any, page: int, dpi: int) -> bytes:
    """Tesseract's hOCR for one page image; raises OcrUnavailable or OcrFailed."""
    import pytesseract

    # One thread per Tesseract: OpenMP threads fight for the cores when documents are read
    # in parallel and make OCR several times slower.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return pytesseract.image_to_pdf_or_hocr(image, lang=LANGUAGE, extension="hocr",
                                                config=f"{CONFIG} --dpi {dpi}", timeout=TIMEOUT)
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable(f"Tesseract OCR is not installed ({INSTALL_HINT})") from exc
    except pytesseract.TesseractError as exc:
        message = str(exc.message)
        if "language" in message.lower() or "traineddata" in message:
            raise OcrUnavailable(f"Tesseract has no {LANGUAGE!r} language data "
                                 f"({INSTALL_HINT})") from exc
        raise OcrFailed(f"Tesseract failed on page {page}: {message.strip()}") from exc
    except RuntimeError as exc:  # pytesseract's timeout
        raise OcrFailed(f"Tesseract took more than {TIMEOUT}s on page {page}") from exc


def ocr_image(image: Any, page: int, scale: float) -> OcrPage:
    """OCR one grayscale page image; ``scale`` converts pixels to PDF points. Raises
    OcrUnavailable or OcrFailed."""
    start = time.perf_counter()
    hocr = run_tesseract(image, page, round(72 / scale))
    seconds = time.perf_counter() - start
    try:
        return hocr_page(hocr, page, scale, image, seconds)
    except (ET.ParseError, KeyError, ValueError) as exc:
        raise OcrFailed(f"Tesseract's output for page {page} is unreadable: {exc}") from exc


@dataclass
class ScanResult:
    """What OCR did for a PDF: pages read (1-based) with their confidence and time, and why
    some could not be read."""

    pages: list[int] = field(default_factory=list)  # pages that needed OCR
    confidence: dict[int, float] = field(default_factory=dict)  # page -> mean word conf, 0-1
    seconds: dict[int, float] = field(default_factory=dict)
    words: dict[int, int] = field(default_factory=dict)
    turns: dict[int, int] = field(default_factory=dict)  # page -> degrees turned clockwise
    illegible: list[int] = field(default_factory=list)  # pages whose reading is not language
    problem: str | None = None
    engine: str = ""

    @property
    def attempted(self) -> bool:
        """Whether any page went through Tesseract."""
        return bool(self.seconds)

    def pages_label(self, pages: list[int] | None = None) -> str:
        """``1-4`` or ``2, 5-6``: the pages that needed OCR (or ``pages``), as ranges."""
        out: list[list[int]] = []
        for p in sorted(self.pages if pages is None else pages):
            if out and out[-1][1] == p - 1:
                out[-1][1] = p
            else:
                out.append([p, p])
        return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in out)

    def metadata(self) -> dict[str, str]:
        """Document metadata: OCR'd pages, their confidences, the engine, any problem."""
        meta: dict[str, str] = {}
        if self.confidence:
            total = sum(self.words.values()) or 1
            mean = sum(self.confidence[p] * self.words.get(p, 0) for p in self.confidence)
            meta["ocr_pages"] = self.pages_label(list(self.confidence))
            meta["ocr_confidence"] = f"{mean / total:.3f}"
            meta["ocr_page_confidence"] = " ".join(
                f"{p}:{c:.3f}" for p, c in sorted(self.confidence.items()))
            meta["ocr_engine"] = self.engine
        if self.turns:
            meta["ocr_pages_turned"] = " ".join(f"{p}:{d}" for p, d in sorted(self.turns.items()))
        if self.problem:
            meta["ocr_problem"] = self.problem
        return meta


def needs_ocr(page: Any, lines: list[Line], unmapped: int) -> bool:
    """Whether a pdfplumber ``page`` must be OCR'd: it has no readable text but glyphs without
    a Unicode mapping or an image, or its only text is a short stamp over an image covering
    most of the page (a scan with a page number added)."""
    if lines and sum(len(ln.text) for ln in lines) >= STAMP_CHARS:
        return False
    if not lines and unmapped:
        return True
    area = float(page.width) * float(page.height)
    covered = sum(max(0.0, float(im["x1"]) - float(im["x0"]))
                  * max(0.0, float(im["bottom"]) - float(im["top"])) for im in page.images)
    return covered >= 0.5 * area if lines else bool(page.images)


def _text(lines: list[Line]) -> str:
    return "\n".join(ln.text for ln in lines)


def poor(read: OcrPage) -> bool:
    """A reading worth trying in another orientation: low confidence or not language."""
    return read.confidence < POOR_CONFIDENCE or measure(_text(read.lines)).garbage


def read_scanned(pdf: Any, pages: list[list[Line]], indices: list[int]) -> ScanResult:
    """OCR the pages of an open pdfplumber ``pdf`` at 0-based ``indices`` (pages without a
    usable text layer), replacing their entries in ``pages`` in place.

    Tesseract missing stops OCR (``problem`` says so); a page Tesseract fails on is named
    in ``problem``. A page that needed OCR but was not read is left empty (a stamp alone is
    not its text).
    """
    result = ScanResult(pages=[i + 1 for i in indices])
    if not indices:
        return result
    reference = sorted({ln.size for lines in pages for ln in lines})
    failed: list[str] = []
    ocr_lines: list[Line] = []
    for i in indices:
        page = pdf.pages[i]
        image = render(page)
        scale = float(page.width) / image.width
        try:
            read, turn = read_upright(image, lambda im, n=i + 1, s=scale: ocr_image(im, n, s), poor)
        except OcrUnavailable as exc:
            result.problem = str(exc)
            for j in indices:
                if j + 1 not in result.seconds:
                    pages[j] = []
            return result
        except OcrFailed as exc:
            failed.append(str(exc))
            pages[i] = []
            continue
        result.seconds[i + 1] = read.seconds
        if turn:
            result.turns[i + 1] = turn
        if measure(_text(read.lines)).garbage:  # noise, not language: not the page's text
            result.illegible.append(i + 1)
            pages[i] = []
            continue
        pages[i] = read.lines
        ocr_lines += read.lines
        if read.lines:
            result.confidence[i + 1] = read.confidence
            result.words[i + 1] = read.words
    if failed:
        result.problem = "; ".join(failed)
    snap_sizes(ocr_lines, reference)
    result.engine = f"Tesseract {tesseract_version()} ({LANGUAGE}, {ENGINE}, {RESOLUTION} dpi)"
    return result
