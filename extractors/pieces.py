"""Where to cut a long body text into pieces for the NLP, so memory stays flat as length grows.

A piece ends where the next one starts, always at a character that follows whitespace and is
not itself whitespace: spaCy's tokenizer splits at every such place, so the pieces' tokens are
exactly the whole text's tokens. Among those places a piece prefers, in order, the start of a
block, the start of a line, the start of a sentence (after ``.``, ``!``, ``?``, ``;`` or
``:``) and any other word. Each piece is parsed with some text of its neighbours around it
(``Piece.lo`` .. ``Piece.hi``), so the parse near its edges sees the context it would see in
the whole text; ``extractors/parse.py`` joins the pieces where their parses agree.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

PIECE_CHARS = 50_000
"""Default size of a piece, in characters (about 20 pages): small enough that the parser's
memory for one piece is a few tens of MB, large enough that the context around each cut
costs a few per cent of the NLP time."""

CONTEXT_CHARS = 1000
"""Text of each neighbour parsed with a piece (at least this many characters per side)."""

_LINE_START = re.compile(r"\n+(?=\S)")
_SENTENCE_START = re.compile(r"[.!?;:][\"'\u2019\u201d)\]]*\s+(?=\S)")
_WORD_START = re.compile(r"\s+(?=\S)")
_PREFERENCES = (_LINE_START, _SENTENCE_START, _WORD_START)


@dataclass(frozen=True)
class Piece:
    """One piece of the body text: the characters it stands for (``start`` .. ``end``) and
    the wider window parsed for them (``lo`` .. ``hi``)."""

    start: int
    end: int
    lo: int
    hi: int


def _splits_tokens(text: str, offset: int) -> bool:
    """Whether spaCy's tokenizer starts a token at ``offset`` in any text around it: a
    visible character after whitespace."""
    return 0 < offset < len(text) and text[offset - 1].isspace() and not text[offset].isspace()


def _last_cut(text: str, block_starts: list[int], lo: int, hi: int) -> int | None:
    """The last preferred cut in ``lo`` < cut <= ``hi``: a block start, else a line start,
    a sentence start or a word start; None when the span is one unbroken word."""
    i = bisect.bisect_right(block_starts, hi) - 1
    while i >= 0 and block_starts[i] > lo:
        if _splits_tokens(text, block_starts[i]):
            return block_starts[i]
        i -= 1
    for pattern in _PREFERENCES:
        last = None
        for match in pattern.finditer(text, lo, hi + 1):
            last = match.end()
        if last is not None and last > lo:
            return last
    return None


def _context_start(text: str, start: int, context: int) -> int:
    """The last word start at least ``context`` characters before ``start``, looked for
    within ``4 * context``; 0 near the beginning, ``start`` inside a very long word."""
    if start <= context:
        return 0
    floor = max(0, start - 4 * context)
    last = None
    for match in _WORD_START.finditer(text, floor, start - context + 1):
        last = match.end()
    return last if last is not None else (0 if floor == 0 else start)


def _context_end(text: str, end: int, context: int) -> int:
    """The first word start at least ``context`` characters after ``end``, looked for within
    ``4 * context``; the end of the text near it, ``end`` inside a very long word."""
    if end + context >= len(text):
        return len(text)
    match = _WORD_START.search(text, end + context, end + 4 * context + 1)
    if match:
        return match.end()
    return len(text) if end + 4 * context >= len(text) else end


def cut_points(text: str, block_starts: list[int], size: int = PIECE_CHARS) -> list[int]:
    """Offsets where pieces of at most about ``size`` characters start, the first 0 and the
    last ``len(text)``. A cut falls in the second half of a piece, so pieces are at least
    half ``size`` long (but the last); a word longer than half ``size`` is cut inside."""
    cuts = [0]
    while len(text) - cuts[-1] > size:
        start = cuts[-1]
        cut = _last_cut(text, block_starts, start + size // 2, start + size)
        cuts.append(cut if cut is not None else start + size)
    return [*cuts, len(text)]


def pieces(text: str, block_starts: list[int], size: int = PIECE_CHARS,
           context: int = CONTEXT_CHARS) -> list[Piece]:
    """The pieces of ``text`` (see ``cut_points``), each with ``context`` characters of its
    neighbours, widened to word starts, on either side."""
    cuts = cut_points(text, block_starts, size)
    found = []
    for start, end in itertools.pairwise(cuts):
        lo = _context_start(text, start, context) if start else 0
        hi = _context_end(text, end, context) if end < len(text) else end
        found.append(Piece(start, end, lo, hi))
    return found
