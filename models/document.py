"""The normalized document every reader produces and every extractor consumes."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]


@dataclass(frozen=True)
class Block:
    """One structural unit of the body text.

    ``start``/``end`` are character offsets into ``Document.text``; ``text[start:end]`` is the
    block's text with markup removed. A table row's cells are separated by a tab in the body
    text and listed as (start, end) spans in ``cells``. ``page`` is 1-based.
    """

    kind: BlockKind
    start: int
    end: int
    page: int = 1
    level: int = 0  # heading level (1 = top) or list nesting depth (0 = top)
    cells: tuple[tuple[int, int], ...] = ()
    ocr_confidence: float | None = None
    furniture: str | None = None  # text that is not the minutes: "front_matter", "web_chrome",
    # "doc_header", "page_marker" (see extractors/readers/furniture.py); kept in the body text so
    # offsets stay valid, but no record is taken from it


@dataclass
class Document:
    """A parsed minutes file: body text, its blocks, and where it came from."""

    doc_id: str
    source_path: str
    source_format: str  # "txt", "md", "docx", "pdf"
    text: str
    blocks: list[Block]
    n_pages: int = 1
    metadata: dict[str, str] = field(default_factory=dict)  # e.g. running header/footer text
    _block_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._block_starts = [b.start for b in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        """Return the block containing character ``offset`` (or the nearest one before it)."""
        if not self.blocks:
            return None
        i = bisect.bisect_right(self._block_starts, offset) - 1
        return self.blocks[max(i, 0)]

    def index_of(self, block: Block) -> int:
        """Position of ``block`` in ``blocks`` (as ``blocks.index``, found by its start)."""
        i = bisect.bisect_left(self._block_starts, block.start)
        if i < len(self.blocks) and self.blocks[i] == block:
            return i
        return self.blocks.index(block)

    def page_at(self, offset: int) -> int:
        """Return the 1-based page of character ``offset``."""
        block = self.block_at(offset)
        return block.page if block else 1

    def is_furniture(self, offset: int) -> bool:
        """True where character ``offset`` lies in a furniture block (not part of the minutes)."""
        block = self.block_at(offset)
        return block is not None and block.furniture is not None and block.start <= offset

    def block_text(self, block: Block) -> str:
        """Return the text of ``block``."""
        return self.text[block.start : block.end]
