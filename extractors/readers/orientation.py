"""Turning a scanned page upright before OCR.

A page scanned sideways or upside down reads as noise. Tesseract's orientation and script
detection (OSD, ``--psm 0``, the ``osd`` data installed with ``tesseract-ocr``) says how far
the page image is turned; the image is turned back before it is read. OSD is unsure on
pages with little text, so its answer is checked: when the page read in the orientation it
gave is poor (low confidence, or text that is not language), the other quarter turns are
read too and the best reading (highest confidence) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

OSD_CONFIG = "--psm 0 -c min_characters_to_try=5"
OSD_SCALE = 0.5  # OSD reads a half-size image: orientation needs no fine detail
_ROTATE = re.compile(r"Rotate:\s*(\d+)")


def detect_turn(image: Any) -> int:
    """Degrees (0, 90, 180, 270) to turn ``image`` clockwise to stand its text upright;
    0 when OSD is unavailable or finds too little text."""
    import pytesseract

    small = image.resize((max(1, int(image.width * OSD_SCALE)),
                          max(1, int(image.height * OSD_SCALE))))
    try:
        found = _ROTATE.search(pytesseract.image_to_osd(small, config=OSD_CONFIG, timeout=60))
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError, RuntimeError,
            OSError):
        return 0
    return int(found.group(1)) % 360 if found else 0


def turned(image: Any, degrees: int) -> Any:
    """``image`` turned ``degrees`` clockwise (0, 90, 180, 270)."""
    return image if degrees == 0 else image.rotate(-degrees, expand=True, fillcolor=255)


def read_upright(image: Any, read: Callable[[Any], Any], poor: Callable[[Any], bool],
                 detect: Callable[[Any], int] = detect_turn) -> tuple[Any, int]:
    """``read`` (an OCR of one image) applied to ``image`` turned upright, and the turn.

    The turn OSD gives is tried first; while the reading is ``poor``, the other quarter
    turns are tried, and the reading with the highest ``confidence`` wins.
    """
    first = detect(image)
    order = [first] + [d for d in (0, 90, 180, 270) if d != first]
    best, best_turn = None, 0
    for degrees in order:
        result = read(turned(image, degrees))
        if best is None or result.confidence > best.confidence:
            best, best_turn = result, degrees
        if not poor(result):
            break
    return best, best_turn
