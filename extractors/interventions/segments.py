"""Segments: sentences of the body clipped to one block (the unit every turn shape reads).

A heading or a list item never shares a segment with the paragraph next to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span

from extractors.context import Context
from extractors.lexicon import cue
from models.document import Block

_ANNEX = re.compile(r"^\W*(\w+)\b")
_ABBREV = re.compile(r"(?:^|[\s(])[A-Z][a-z]{0,3}\.$")
_CONTINUES = re.compile(r"^[\d(a-z]")


@dataclass
class Segment:
    """A sentence clipped to one block."""

    start: int
    end: int
    block: Block
    span: Span
    block_start: bool


def segments(ctx: Context) -> Iterator[Segment]:
    """Sentences of the body clipped to blocks, in order (table rows are skipped).

    A sentence the tagger split after an abbreviation ("Art. 7", "No. 3") is joined again.
    """
    sents = list(ctx.sdoc.sents)
    si = 0
    for block in ctx.doc.blocks:
        if block.kind == "table_row":
            continue
        while si < len(sents) and sents[si].end_char <= block.start:
            si += 1
        pieces: list[tuple[int, int]] = []
        j = si
        while j < len(sents) and sents[j].start_char < block.end:
            s = sents[j]
            start, end = max(s.start_char, block.start), min(s.end_char, block.end)
            text = ctx.doc.text[start:end]
            start += len(text) - len(text.lstrip())
            end = start + len(text.strip())
            if end > start:
                if pieces and _ABBREV.search(ctx.doc.text[pieces[-1][0]:pieces[-1][1]]) \
                        and _CONTINUES.match(ctx.doc.text[start:end]):
                    pieces[-1] = (pieces[-1][0], end)
                else:
                    pieces.append((start, end))
            j += 1
        for k, (start, end) in enumerate(pieces):
            span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                yield Segment(start, end, block, span, k == 0)


def is_annex(ctx: Context, block: Block) -> bool:
    """A short block opening appended material ("Annex I", "Appendix")."""
    text = ctx.doc.block_text(block)
    m = _ANNEX.match(text)
    return bool(m) and len(text) < 120 and m.group(1).lower() in cue("annex")
