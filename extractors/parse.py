"""The spaCy parse of a document's body text, run in pieces so memory stays flat with length.

The parser's and tagger's working memory grows with the text they are given (about 2 GB per
MB of text in one call), the finished annotations do not (a few hundred bytes per token). So a
long text is cut into pieces (``extractors/pieces.py``), each piece is parsed with some of its
neighbours' text around it, and the annotations are joined into one ``Doc`` of the whole text:
offsets, token indices and spans are those of the whole text, and the extractors see no
difference.

Two neighbouring pieces are joined at a token where both parses start a sentence and agree on
every token around it (tags, dependencies, entities): before that token the annotations come
from the first piece, from it on from the second. Both parses had the same text on either side
of that token, so they are what the whole text's parse gives there; the tests compare the
records of documents parsed whole and in small pieces. The delegation ruler, which matches
token texts only, runs once over the joined ``Doc``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import (
    ENT_ID,
    ENT_KB_ID,
    HEAD,
    LENGTH,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.language import Language
from spacy.tokens import Doc

from extractors.pieces import CONTEXT_CHARS, PIECE_CHARS, Piece, pieces

JOINED_LAST = ("delegation_ruler",)
"""Components run once over the joined ``Doc`` (they read token texts, not the parse)."""

AGREEMENT_TOKENS = 6
"""Tokens on each side of a join on which the two pieces' parses must agree."""



@dataclass
class _Parsed:
    """One piece's parse: its tokens' texts, trailing spaces, annotation rows and offsets."""

    piece: Piece
    words: list[str]
    spaces: list[bool]
    rows: numpy.ndarray
    starts: numpy.ndarray  # character offset of each token in the whole text


def _attrs() -> list[int]:
    """The attributes ``Doc.from_docs`` carries over, but those the joined ``Doc`` gets
    from its words (ORTH, LENGTH, SPACY) and the knowledge-base ids no component sets."""
    return [a for a in Doc._get_array_attrs()
            if a not in {ORTH, LENGTH, SPACY, ENT_KB_ID, ENT_ID}]


def _stacked(blocks: list[numpy.ndarray], width: int) -> numpy.ndarray:
    """``numpy.concatenate(blocks)``, freeing each block once copied (half the peak)."""
    out = numpy.empty((sum(len(b) for b in blocks), width), dtype=numpy.uint64)
    at = 0
    blocks.reverse()
    while blocks:
        block = blocks.pop()
        out[at:at + len(block)] = block
        at += len(block)
    return out


def _parse_pieces(nlp: Language, text: str, found: list[Piece], attrs: list[int],
                  batch_size: int, skip: list[str]) -> Iterator[_Parsed]:
    windows = (text[p.lo:p.hi] for p in found)
    disabled = [name for name in JOINED_LAST if name in nlp.pipe_names] + skip
    parsed = nlp.pipe(windows, batch_size=batch_size, disable=disabled)
    for piece, sdoc in zip(found, parsed, strict=True):
        starts = numpy.fromiter((t.idx for t in sdoc), dtype=numpy.int64,
                                count=len(sdoc)) + piece.lo
        yield _Parsed(piece, [sys.intern(t.text) for t in sdoc],
                      [bool(t.whitespace_) for t in sdoc],
                      sdoc.to_array(attrs), starts)


def _sentence_starts(parsed: _Parsed, attrs: list[int]) -> numpy.ndarray:
    return parsed.rows[:, attrs.index(SENT_START)] == 1


def _join_token(left: _Parsed, right: _Parsed, attrs: list[int], target: int) -> tuple[int, int]:
    """The token where ``left`` hands over to ``right``: (index in left, index in right).

    The token is a sentence start in both parses, with ``AGREEMENT_TOKENS`` tokens on either
    side annotated alike, nearest ``target``; failing that, the sentence start of ``left``
    nearest ``target`` that ``right`` also holds."""
    lo, hi = right.piece.lo, left.piece.hi
    in_left = numpy.flatnonzero((left.starts >= lo) & (left.starts < hi))
    in_right = numpy.flatnonzero((right.starts >= lo) & (right.starts < hi))
    shared = numpy.intersect1d(left.starts[in_left], right.starts[in_right])
    li = numpy.searchsorted(left.starts, shared)
    ri = numpy.searchsorted(right.starts, shared)
    columns = [attrs.index(a) for a in attrs if a != HEAD] + [attrs.index(HEAD)]
    alike = numpy.all(left.rows[li][:, columns] == right.rows[ri][:, columns], axis=1)
    both_start = _sentence_starts(left, attrs)[li] & _sentence_starts(right, attrs)[ri]
    k = AGREEMENT_TOKENS
    order = numpy.argsort(numpy.abs(shared - target), kind="stable")
    for j in order:
        if both_start[j] and k <= j < len(shared) - k and alike[j - k:j + k].all():
            return int(li[j]), int(ri[j])
    for j in order:
        if both_start[j]:
            return int(li[j]), int(ri[j])
    j = int(order[0]) if len(order) else None
    if j is None:
        raise ValueError("pieces share no token")  # cannot happen: pieces overlap
    return int(li[j]), int(ri[j])


def _detach_heads(rows: numpy.ndarray, attrs: list[int]) -> numpy.ndarray:
    """Rows whose heads (relative offsets) leave the rows made their own heads."""
    head = attrs.index(HEAD)
    targets = numpy.arange(len(rows)) + rows[:, head].astype(numpy.int64)  # uint64 offsets
    outside = (targets < 0) | (targets >= len(rows))
    if outside.any():
        rows = rows.copy()
        rows[outside, head] = 0
    return rows


def _joined(nlp: Language, parsed: Iterable[_Parsed], attrs: list[int]) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    blocks: list[numpy.ndarray] = []
    previous: _Parsed | None = None
    begin = 0  # first token of ``previous`` still to keep
    for current in parsed:
        if previous is None:
            previous = current
            continue
        stop, begin_next = _join_token(previous, current, attrs, current.piece.start)
        words += previous.words[begin:stop]
        spaces += previous.spaces[begin:stop]
        blocks.append(_detach_heads(previous.rows[begin:stop], attrs))
        previous, begin = current, begin_next
    if previous is not None:
        words += previous.words[begin:]
        spaces += previous.spaces[begin:]
        blocks.append(_detach_heads(previous.rows[begin:], attrs))
    joined = Doc(nlp.vocab, words=words, spaces=spaces)
    del words, spaces
    if blocks:
        joined.from_array(attrs, _stacked(blocks, len(attrs)))
    return joined


def parse(nlp: Language, text: str, block_starts: list[int] | None = None,
          piece_chars: int = PIECE_CHARS, context_chars: int = CONTEXT_CHARS,
          batch_size: int = 1, skip: Sequence[str] = ()) -> Doc:
    """The parse of ``text``: one ``nlp`` call when it fits in one piece, else a ``Doc``
    joined from pieces of about ``piece_chars`` characters (cut preferably at
    ``block_starts``), each parsed with ``context_chars`` of its neighbours. The components
    named in ``skip`` are not run."""
    skipped = [name for name in skip if name in nlp.pipe_names]
    found = pieces(text, block_starts or [], piece_chars, context_chars)
    if len(found) <= 1:
        return nlp(text, disable=skipped)
    attrs = _attrs()
    joined = _joined(nlp, _parse_pieces(nlp, text, found, attrs, batch_size, skipped), attrs)
    for name in JOINED_LAST:
        if name in nlp.pipe_names:
            joined = nlp.get_pipe(name)(joined)
    return joined
