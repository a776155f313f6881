"""Tesseract's hOCR output turned into the ``Line`` objects a PDF text layer gives.

hOCR lines carry baselines and font heights, words and character boxes with confidences.
They become ``pdf_layout`` lines in PDF points, corrected for the page's skew; boldness is
measured on the page image (stroke width). Layout glyphs Tesseract misreads are mended from
their geometry, not their spelling: a small raised blob followed by a wide gap at the start of
a line is a bullet, a raised small glyph after a number is an ordinal suffix, a dash's width
tells an en dash from an em dash. The glyph lists are data (``resources/ocr_glyphs.tsv``).
"""

from __future__ import annotations

import csv
import re
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from extractors.gazetteer import RESOURCES
from extractors.readers.markup import normalize_text
from extractors.readers.pdf_layout import Line, Word, is_page_number

BOLD_STROKE = 1.2  # a word whose strokes are this much wider than the page's is bold
# A gap between words wider than this x the font height, and than COLUMN_SPACES x the page's
# usual word gap, separates two table cells (a scanned table's columns are often closer
# than the CELL_GAP a text layer's cells need).
COLUMN_GAP = 1.0
COLUMN_SPACES = 3.0

_TITLE_FIELD = re.compile(r"(\w+)\s+([^;]+)")
_NUMBER_END = re.compile(r"\d+$")
_DOUBLE_QUOTES = set('"“”″')

Box = tuple[float, float, float, float]


@dataclass
class _Char:
    text: str
    box: Box


@dataclass
class _Word:
    text: str
    box: Box
    conf: float
    chars: list[_Char] = field(default_factory=list)


@dataclass
class _Row:
    box: Box
    baseline: tuple[float, float]  # slope, offset from the box's bottom-left corner
    x_size: float  # font height (ascender to descender), pixels
    descenders: float
    words: list[_Word] = field(default_factory=list)

    def baseline_at(self, x: float) -> float:
        """Baseline y (pixels) at abscissa ``x``."""
        slope, offset = self.baseline
        return self.box[3] + offset + slope * (x - self.box[0])


@dataclass
class OcrPage:
    """One OCR'd page: its lines (PDF points), mean word confidence (0-1), OCR time and the
    number of words the confidence is averaged over."""

    lines: list[Line]
    confidence: float
    seconds: float
    words: int = 0


@cache
def _glyphs() -> dict[str, frozenset[str]]:
    """Glyph kind -> strings (see ``ocr_glyphs.tsv``)."""
    table: dict[str, set[str]] = {}
    with open(RESOURCES / "ocr_glyphs.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2 and row[0].strip() and not row[0].startswith("#"):
                table.setdefault(row[0].strip(), set()).update(row[1].split(" "))
    return {k: frozenset(v - {""}) for k, v in table.items()}


def hocr_page(hocr: bytes, page: int, scale: float, image: Any = None,
              seconds: float = 0.0) -> OcrPage:
    """Lines (PDF points, sorted top to bottom) and mean word confidence of a page's hOCR.
    Boldness is measured on ``image`` when given (else no line is bold)."""
    rows = parse_hocr(hocr)
    words = [w for r in rows for w in r.words]
    strokes = {id(w): 0.0 for w in words}
    if image is not None:
        ink = _Ink(image)
        strokes = {id(w): ink.stroke(w.box, r.x_size) for r in rows for w in r.words}
    typical = [s for w in words if sum(c.isalnum() for c in w.text) > 1
               and (s := strokes[id(w)]) > 0]
    body_stroke = statistics.median(typical) if typical else 0.0
    bold = {id(w) for w in words if body_stroke and strokes[id(w)] >= BOLD_STROKE * body_stroke}
    gaps = [(b.box[0] - a.box[2]) / r.x_size for r in rows
            for a, b in zip(r.words, r.words[1:], strict=False)]
    cell_gap = max(COLUMN_GAP, COLUMN_SPACES * statistics.median(gaps)) if gaps else COLUMN_GAP
    layout = (_skew(rows), cell_gap)
    confs: list[float] = []
    lines = [_row_line(row, page, scale, layout, bold, confs) for row in rows]
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    confidence = round(statistics.fmean(confs) / 100, 3) if confs else 0.0
    return OcrPage(lines, confidence, seconds, len(confs))


def _title(el: ET.Element) -> dict[str, str]:
    return {m.group(1): m.group(2).strip()
            for m in _TITLE_FIELD.finditer(el.get("title", ""))}


def _box(text: str) -> Box:
    x0, y0, x1, y1 = (float(v) for v in text.split()[:4])
    return x0, y0, x1, y1


def parse_hocr(hocr: bytes) -> list[_Row]:
    """Lines of Tesseract's hOCR output, with their words and character boxes (pixels)."""
    root = ET.fromstring(hocr)
    rows: list[_Row] = []
    for el in root.iter():
        cls = el.get("class", "")
        if cls in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"):
            info = _title(el)
            slope, offset = (float(v) for v in info.get("baseline", "0 0").split()[:2])
            rows.append(_Row(_box(info["bbox"]), (slope, offset),
                             float(info.get("x_size", 0)), float(info.get("x_descenders", 0))))
        elif cls == "ocrx_word" and rows:
            info = _title(el)
            chars = [_Char(normalize_text("".join(c.itertext())), _box(_title(c)["x_bboxes"]))
                     for c in el.iter() if c.get("class") == "ocrx_cinfo"]
            text = "".join(c.text for c in chars) if chars else "".join(el.itertext())
            text = normalize_text(text).strip()
            if text:
                rows[-1].words.append(_Word(text, _box(info["bbox"]),
                                            float(info.get("x_wconf", 0)), chars))
    for row in rows:
        if not row.x_size and row.words:
            row.x_size = statistics.median(w.box[3] - w.box[1] for w in row.words)
    return [r for r in rows if r.words and r.x_size > 0]


def _skew(rows: list[_Row]) -> float:
    """The page's skew: median baseline slope of its longer lines (dy/dx, image axes)."""
    slopes = [r.baseline[0] for r in rows if r.box[2] - r.box[0] > 10 * r.x_size]
    return statistics.median(slopes) if slopes else 0.0


class _Ink:
    """Dark pixels of a page image, for measuring stroke widths (boldness)."""

    def __init__(self, image: Any) -> None:
        import numpy as np

        gray = np.asarray(image)
        light, dark = float(np.median(gray)), float(np.percentile(gray, 1))
        self.mask = gray < (light + dark) / 2 if light - dark > 40 else np.zeros_like(gray, bool)

    def stroke(self, box: Box, size: float) -> float:
        """Mean width of the vertical strokes inside ``box``: horizontal runs of dark pixels
        no longer than a third of the font height (longer ones are bars and dashes)."""
        import numpy as np

        x0, y0, x1, y1 = (int(v) for v in box)
        sub = self.mask[max(y0, 0):y1 + 1, max(x0, 0):x1 + 1].astype(np.int8)
        if sub.size == 0:
            return 0.0
        edges = np.diff(sub, axis=1, prepend=0, append=0).ravel()
        runs = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
        runs = runs[runs <= size / 3]
        return float(runs.mean()) if runs.size else 0.0


def _is_bullet(row: _Row, words: list[_Word]) -> bool:
    """A bullet glyph (Tesseract reads one as ``e``, ``*``, ``¢``, ``©``...): a small raised
    blob, or a listed bullet look-alike, at the start of a line and followed by a wide gap."""
    if len(words) < 2:
        return False
    first, nxt = words[0], words[1]
    x0, y0, x1, y1 = first.box
    size = row.x_size
    gap = nxt.box[0] - x1
    if first.text in _glyphs()["bullet"]:
        return gap > 0.5 * size
    small = (y1 - y0) <= 0.5 * size and (x1 - x0) <= 0.6 * size
    raised = (y0 + y1) / 2 < row.baseline_at(x0) - 0.15 * size  # a dot or dash, not a comma
    return small and raised and gap > 0.6 * size and not first.text.isalnum()


def _ordinal(number: str) -> str:
    n = int(number) % 100
    if 10 < n < 14:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _word_text(row: _Row, word: _Word, quoting: bool = False) -> str:
    """A word's text with its dashes and superscript ordinal suffix mended. ``quoting``: a
    double quote opened earlier on the line is still open, so a raised ``"`` after a number
    closes it rather than standing for a superscript."""
    if not word.chars:
        return word.text
    size = row.x_size
    chars = []
    for c in word.chars:
        text = c.text
        width = c.box[2] - c.box[0]
        if text == "—" and width < 0.75 * size:  # an en dash is half an em wide
            text = "–"
        elif text == "–" and width > 1.0 * size:
            text = "—"
        chars.append(text)
    base = row.baseline_at(word.box[0])
    digits = [c for c in word.chars if c.text.isdigit()]
    height = max((c.box[3] - c.box[1] for c in digits), default=0.0)
    for i in range(1, len(chars)):
        c = word.chars[i]
        raised = c.box[3] < base - 0.25 * size and c.box[3] - c.box[1] < 0.8 * height
        head = "".join(chars[:i])
        number = _NUMBER_END.search(head)
        if raised and number is not None and not chars[i].isdigit():
            if quoting and chars[i] in _DOUBLE_QUOTES:
                break
            tail = "".join(chars[i:]).lower()
            if tail not in _glyphs()["ordinal_suffix"]:
                tail = _ordinal(number.group())
            return head + tail
    return "".join(chars)


def _mend_page_number(words: list[Word]) -> None:
    """Mend digit look-alikes in a short line that then reads as a page number, in place."""
    text = " ".join(w.text for w in words)
    if len(words) > 4 or not (any(c.isdigit() for c in text) or text.lower().startswith("page")):
        return
    table = str.maketrans(dict(pair.split(":", 1) for pair in _glyphs()["digit"]))
    mended = [w.text if w.text.lower() == "page" else w.text.translate(table) for w in words]
    if mended != [w.text for w in words] and is_page_number(" ".join(mended)):
        for w, text in zip(words, mended, strict=True):
            w.text = text


def _row_line(row: _Row, page: int, scale: float, layout: tuple[float, float], bold: set[int],
              confs: list[float]) -> Line:
    """One hOCR line as a ``Line`` in PDF points, skew removed, split into cells at gaps
    wider than ``cell_gap`` x its font height (``layout`` is (skew, cell_gap)); its word
    confidences are added to ``confs`` (a mended bullet is layout, not a word: left out)."""
    skew, cell_gap = layout
    words = row.words
    bullet = _is_bullet(row, words)
    size = row.x_size * scale
    out: list[Word] = []
    for i, w in enumerate(words):
        middle = (w.box[1] + w.box[3]) / 2
        x0, x1 = (w.box[0] + skew * middle) * scale, (w.box[2] + skew * middle) * scale
        if i == 0 and bullet:
            out.append(Word("•", x0, x1))
            continue
        confs.append(w.conf)
        quoting = sum(c in _DOUBLE_QUOTES for o in out for c in o.text) % 2 == 1
        out.append(Word(_word_text(row, w, quoting), x0, x1))
    cells: list[list[Word]] = [[]]
    for i, w in enumerate(out):
        if cells[-1] and not (i == 1 and bullet) and w.x0 - cells[-1][-1].x1 > cell_gap * size:
            cells.append([])
        cells[-1].append(w)
    _mend_page_number(out)
    left = words[0].box[0]
    bottom = (row.baseline_at(left) - skew * left + row.descenders) * scale
    text_words = words[1:] if bullet else words
    chars = sum(len(w.text) for w in text_words)
    is_bold = sum(len(w.text) for w in text_words if id(w) in bold) >= 0.9 * chars
    return Line(page, bottom - size, bottom, size, is_bold, cells)


def snap_sizes(lines: list[Line], reference: list[float] | None = None,
               tolerance: float = 0.1) -> None:
    """Give OCR'd lines of about the same height one common size, in place.

    Tesseract's font heights vary by a few percent from line to line. The size around which
    most text lies (within ``tolerance``) takes all lines near it, then the next among the
    rest, and so on; each group gets its text-weighted median size, or the nearest
    ``reference`` size (from the document's text-layer pages) within ``tolerance``.
    """
    def weight(size: float, among: list[Line]) -> int:
        return sum(len(ln.text) for ln in among if abs(ln.size - size) <= tolerance * size)

    rest = list(lines)
    while rest:
        centre = max(sorted({ln.size for ln in rest}), key=lambda s: weight(s, rest))
        group = [ln for ln in rest if abs(ln.size - centre) <= tolerance * centre]
        rest = [ln for ln in rest if abs(ln.size - centre) > tolerance * centre]
        weighted = sorted((ln.size, len(ln.text)) for ln in group)
        half, acc, size = sum(n for _, n in weighted) / 2, 0, weighted[-1][0]
        for s, n in weighted:
            acc += n
            if acc >= half:
                size = s
                break
        near = [r for r in reference or [] if abs(r - size) <= tolerance * r]
        size = min(near, key=lambda r: abs(r - size)) if near else round(size, 1)
        for ln in group:
            ln.size = size
