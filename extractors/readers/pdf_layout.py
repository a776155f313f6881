"""Geometry for the PDF reader: characters -> words -> lines (with table cells), and running
header/footer detection. Works on pdfplumber character dicts (``text``, ``x0``, ``x1``,
``top``, ``bottom``, ``size``, ``fontname``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from extractors.readers.markup import normalize_text

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/|de|sur)\s*\d{1,4})?$", re.I)
_CLOSING_PUNCT = re.compile(r"^[,.;:!?)\]}’”%]+$")
CELL_GAP = 1.8  # a gap wider than this x the font size separates two table cells


@dataclass
class Word:
    """A run of characters without a space or gap."""

    text: str
    x0: float
    x1: float


@dataclass
class Line:
    """One visual line of a page; ``cells`` are word groups separated by wide gaps."""

    page: int
    top: float
    bottom: float
    size: float
    bold: bool
    cells: list[list[Word]] = field(default_factory=list)

    @property
    def x0(self) -> float:
        return self.cells[0][0].x0

    @property
    def x1(self) -> float:
        return self.cells[-1][-1].x1

    def cell_texts(self) -> list[str]:
        """Text of each cell (words joined by spaces, closing punctuation attached)."""
        return [_join_words(cell) for cell in self.cells]

    @property
    def text(self) -> str:
        return " ".join(self.cell_texts())


def _join_words(words: Sequence[Word]) -> str:
    out = ""
    for w in words:
        if out and not _CLOSING_PUNCT.match(w.text):
            out += " "
        out += w.text
    return out


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or "black" in name or "heavy" in name or "semibold" in name


def page_lines(chars: list[dict[str, Any]], page: int,
               cell_gap: float = CELL_GAP) -> list[Line]:
    """Group a page's characters into lines sorted top to bottom.

    A character joins the current line when its vertical centre lies within the line's extent
    (so superscripts stay on their line and attach to the word before them). Words split at
    spaces or gaps; a gap wider than ``cell_gap`` x font size starts a new cell.
    """
    chars = [c for c in chars if c.get("upright", True) and c["text"]]
    chars.sort(key=lambda c: (c["top"], c["x0"]))
    groups: list[list[dict[str, Any]]] = []
    bottom = -1e9
    for c in chars:
        centre = (c["top"] + c["bottom"]) / 2
        if groups and centre <= bottom + 0.5:
            groups[-1].append(c)
            bottom = max(bottom, c["bottom"])
        else:
            groups.append([c])
            bottom = c["bottom"]
    lines = [line for g in groups if (line := _make_line(g, page, cell_gap)) is not None]
    return lines


def _make_line(group: list[dict[str, Any]], page: int, cell_gap: float) -> Line | None:
    group.sort(key=lambda c: c["x0"])
    visible = [c for c in group if not c["text"].isspace()]
    if not visible:
        return None
    sizes = Counter(round(c["size"], 1) for c in visible)
    size = sizes.most_common(1)[0][0]
    main = [c for c in visible if abs(c["size"] - size) < 0.6] or visible
    top = min(c["top"] for c in main)
    bottom = max(c["bottom"] for c in main)
    bold = sum(_is_bold(c["fontname"]) for c in visible) >= 0.9 * len(visible)
    cells: list[list[Word]] = []
    word: Word | None = None
    after_space = True
    last: dict[str, Any] | None = None
    for c in group:
        if last is not None and c["text"] == last["text"] and abs(c["x0"] - last["x0"]) < 1 \
                and abs(c["top"] - last["top"]) < 1:
            continue  # the same glyph drawn twice (fake bold / shadow)
        last = c
        if c["text"].isspace():
            after_space = True
            continue
        gap = c["x0"] - word.x1 if word is not None else 0.0
        if word is not None and gap > cell_gap * size:
            cells.append([])
            word = None
        elif word is not None and (after_space or gap > 0.2 * size):
            word = None
        if word is None:
            word = Word(c["text"], c["x0"], c["x1"])
            if not cells:
                cells.append([])
            cells[-1].append(word)
        else:
            word.text += c["text"]
            word.x1 = max(word.x1, c["x1"])
        after_space = False
    for cell in cells:
        for w in cell:
            w.text = normalize_text(w.text)
    return Line(page, top, bottom, size, bold, [c for c in cells if c])


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def is_page_number(text: str) -> bool:
    """A lone page number: ``7``, ``- 7 -``, ``Page 7``, ``Page 7 of 12``, ``7/12``."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def strip_running(pages: list[list[Line]], heights: list[float],
                  zone: float = 0.12) -> tuple[list[list[Line]], dict[str, str]]:
    """Remove running headers/footers and page numbers; return kept lines and their texts.

    A line in the top or bottom ``zone`` of its page is running text when its digit-folded
    text recurs in that zone on at least half the pages (and two or more), or when it is a
    lone page number.
    """
    candidates: list[list[tuple[str, Line]]] = []
    counts: Counter[tuple[str, str]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        found = []
        for line in lines[:2]:
            if line.bottom <= zone * height:
                found.append(("header", line))
        for line in lines[-2:]:
            if line.top >= (1 - zone) * height and all(line is not f[1] for f in found):
                found.append(("footer", line))
        candidates.append(found)
        for where, key in {(w, _key(ln.text)) for w, ln in found}:
            counts[(where, key)] += 1
    need = max(2, (len(pages) + 1) // 2)
    meta: dict[str, str] = {}
    kept: list[list[Line]] = []
    for lines, found in zip(pages, candidates, strict=True):
        drop = set()
        for where, line in found:
            outermost = line is lines[0] or line is lines[-1]
            if counts[(where, _key(line.text))] >= need or (
                    outermost and is_page_number(line.text)):
                drop.add(id(line))
                meta.setdefault(where, line.text)
        kept.append([ln for ln in lines if id(ln) not in drop])
    return kept, meta
