"""Builds the body text and its blocks; every reader uses it so offsets agree across formats."""

from __future__ import annotations

import re

from models.document import Block, BlockKind

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean_inline(text: str) -> str:
    """Fold runs of spaces (not newlines) and strip the ends."""
    return _SPACES.sub(" ", text).strip()


class BodyBuilder:
    """Accumulates blocks; blocks are separated by one newline, table cells by a tab."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []

    def _append(self, text: str) -> int:
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start

    def add(self, kind: BlockKind, text: str, page: int = 1, level: int = 0,
            ocr_confidence: float | None = None, furniture: str | None = None) -> Block | None:
        """Add a heading, paragraph or list item; empty text is skipped. ``furniture`` marks a
        block that is not part of the minutes (front matter, site chrome, page furniture)."""
        text = clean_inline(text)
        if not text:
            return None
        start = self._append(text)
        block = Block(kind, start, start + len(text), page, level, (), ocr_confidence, furniture)
        self.blocks.append(block)
        return block

    def add_row(self, cells: list[str], page: int = 1,
                ocr_confidence: float | None = None) -> Block | None:
        """Add a table row; empty cells are dropped, an all-empty row is skipped."""
        cleaned = [c for c in (clean_inline(c) for c in cells) if c]
        if not cleaned:
            return None
        start = self._append("\t".join(cleaned))
        spans, pos = [], start
        for c in cleaned:
            spans.append((pos, pos + len(c)))
            pos += len(c) + 1
        block = Block("table_row", start, spans[-1][1], page, 0, tuple(spans), ocr_confidence)
        self.blocks.append(block)
        return block

    @property
    def text(self) -> str:
        """The body text built so far."""
        return "".join(self._parts)
