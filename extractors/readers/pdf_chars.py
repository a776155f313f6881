"""The characters of each PDF page, as the reader needs them, in the page's reading orientation.

A minimal pdfminer device records each character's text, font and box (pdfplumber builds a
rich object per character, which costs about half the reading time). Every character is
classed by the direction its baseline runs on the displayed page (0, 90, 180 or 270 degrees
anticlockwise); the direction most of a page's characters share is the page's reading
orientation, and the page is read turned so that this text stands upright. So a page with a
``/Rotate`` entry whose text was laid out for the unrotated page, a landscape page drawn
sideways on a portrait sheet and an upside-down page are all read as their text was written.
Characters running in another direction (a sideways margin note) are left out, as before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.utils import apply_matrix_rect, mult_matrix

# Turns that bring text whose baseline runs at 0, 90, 180, 270 degrees back to horizontal.
_TURNS = ((1, 0, 0, 1, 0, 0), (0, -1, 1, 0, 0, 0), (-1, 0, 0, -1, 0, 0), (0, 1, -1, 0, 0, 0))


@dataclass
class PageChars:
    """One page's characters in its reading orientation: dicts with ``text``, ``fontname``,
    ``size``, ``x0``, ``x1``, ``top``, ``bottom``, ``upright``; the page height in that
    orientation; the glyphs without a Unicode mapping; the turn applied (degrees
    anticlockwise the text ran on the displayed page, 0 for upright text)."""

    chars: list[dict[str, Any]] = field(default_factory=list)
    height: float = 0.0
    unmapped: int = 0
    turn: int = 0


def _direction(matrix: Any) -> int:
    """0-3: the quarter turn the baseline of a character drawn with ``matrix`` runs at."""
    a, b = matrix[0], matrix[1]
    if abs(a) >= abs(b):
        return 0 if a >= 0 else 2
    return 1 if b > 0 else 3


class _CharCollector(PDFTextDevice):
    """Records each horizontal-writing character, in the frame where its baseline is
    horizontal (coordinates with y up, before the page box is applied)."""

    def __init__(self, rsrcmgr: PDFResourceManager) -> None:
        super().__init__(rsrcmgr)
        self.chars: list[tuple[int, dict[str, Any]]] = []
        self.unmapped = 0  # glyphs without a Unicode mapping

    def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float,
                    rise: float, cid: int, ncs: Any, graphicstate: Any) -> float:
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = ""
            self.unmapped += 1
        adv = font.char_width(cid) * fontsize * scaling
        if font.is_vertical() or not isinstance(text, str):
            return adv
        direction = _direction((matrix[0] * scaling, matrix[1] * scaling))
        turned = mult_matrix(matrix, _TURNS[direction])
        descent = font.get_descent() * fontsize
        x0, y0, x1, y1 = apply_matrix_rect(turned, (0, descent + rise, adv,
                                                     descent + rise + fontsize))
        a, b, c, d = turned[:4]
        self.chars.append((direction, {
            "text": text, "fontname": font.fontname, "size": abs(y1 - y0),
            "x0": min(x0, x1), "x1": max(x0, x1), "y0": min(y0, y1), "y1": max(y0, y1),
            "upright": a * d * scaling > 0 and b * c <= 0}))
        return adv


def _display_size(page: Any) -> tuple[float, float]:
    """Width and height of the page as displayed (its /Rotate applied)."""
    x_0, y_0, x_1, y_1 = page.page_obj.mediabox
    width, height = abs(x_1 - x_0), abs(y_1 - y_0)
    return (height, width) if page.page_obj.rotate in (90, 270) else (width, height)


def _reading_direction(chars: list[tuple[int, dict[str, Any]]]) -> int:
    """The direction most of the page's visible characters run in (0 when none)."""
    counts = Counter(d for d, c in chars if c["text"].strip())
    return max(counts, key=lambda d: (counts[d], d == 0)) if counts else 0


def pdf_chars(pdf: Any) -> Iterator[PageChars]:
    """Yield each page of an open pdfplumber ``PDF`` as ``PageChars``, turned upright."""
    device = _CharCollector(pdf.rsrcmgr)
    interpreter = PDFPageInterpreter(pdf.rsrcmgr, device)
    for page in pdf.pages:
        device.chars, device.unmapped = [], 0
        interpreter.process_page(page.page_obj)
        direction = _reading_direction(device.chars)
        width, height = _display_size(page)
        # pdfminer draws the displayed page in [0, width] x [0, height]; turned with the text
        corners = [(x * tw[0] + y * tw[2], x * tw[1] + y * tw[3])
                   for tw in [_TURNS[direction]] for x in (0, width) for y in (0, height)]
        left = min(x for x, _ in corners)
        top = max(y for _, y in corners)
        chars = []
        for d, c in device.chars:
            if d != direction:
                continue
            y0, y1 = c.pop("y0"), c.pop("y1")
            c["x0"], c["x1"] = c["x0"] - left, c["x1"] - left
            c["top"], c["bottom"] = top - y1, top - y0
            chars.append(c)
        frame_height = width if direction in (1, 3) else height
        yield PageChars(chars, frame_height, device.unmapped, 90 * direction)
