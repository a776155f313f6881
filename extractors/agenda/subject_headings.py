"""Unnumbered subject headings: the items of records that number nothing (a parish council's
'Allotments:' over its paragraphs, a Markdown '## Declarations of interest' section, a
summary record's subject heading).

A heading is a Markdown heading block, or a short title line (no sentence; Title Case where
it has more than a few words) with
text of its own after it (a paragraph or list, not another short line), or a short title run
in before a colon ('Minutes of the last Meeting: Cllr X proposed ...'). Parts of the record
(attendance, apologies, context, summary of outcomes, actions: ``record_parts`` in the data
file), 'key: value' fields, and the title block before the first text (but for the heading
right over it, unless it is the document's first line) are not items. Where
the record has Markdown headings, only they are read.
"""

from __future__ import annotations

import re

from extractors.agenda.candidates import Cand
from extractors.agenda.headed import body_blocks, furniture, match_heading
from extractors.agenda.spec import spec
from extractors.agenda.titles import (
    clean_heading,
    clean_title,
    is_sentence,
    is_title,
    title_case_share,
)
from extractors.context import Context
from models.document import Block

MAX_WORDS = 12
MAX_RUN_IN_WORDS = 6
MIN_TITLE_CASE = 0.6
ANY_CASE_WORDS = 5  # a line this short may be in sentence case ('Matters arising')
_FIELD_RE = re.compile(r"^[^\W\d_][\w ]{0,20}:\s*\S")  # 'Venue: CASD', 'title: ...'
_MONEY_RE = re.compile(r"[£$€¥]\s?\d")
_RUN_IN_RE = re.compile(r"^(?P<title>[^:]{3,60}):\s+(?P<rest>\S.*)$")


def record_part(title: str) -> bool:
    """Whether an unnumbered heading names a part of the record rather than business."""
    rx = spec().record_parts
    return rx is not None and rx.match(title) is not None


def known_title(title: str) -> bool:
    """Whether a title is one that agendas use everywhere ('Any other business')."""
    rx = spec().known_titles
    return rx is not None and rx.match(title) is not None


class _Lines:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.blocks = body_blocks(ctx)
        self.texts = [clean_heading(ctx.doc.block_text(b)) for b in self.blocks]
        self.skip = furniture(ctx, self.texts)

    def short_title(self, i: int) -> bool:
        """A short title line: no sentence, in Title Case unless very short."""
        text = clean_title(self.texts[i])
        n_words = len(text.split())
        return (bool(text) and is_title(text) and n_words <= MAX_WORDS
                and (n_words <= ANY_CASE_WORDS or title_case_share(text) >= MIN_TITLE_CASE)
                and not is_sentence(self.ctx, self.blocks[i].start, self.blocks[i].end))

    def next_text(self, i: int) -> int | None:
        j = i + 1
        while j in self.skip:
            j += 1
        return j if j < len(self.blocks) else None

    def has_text_after(self, i: int) -> bool:
        j = self.next_text(i)
        return j is not None and self.blocks[j].kind != "heading" and not self.short_title(j)

    def usable(self, title: str) -> bool:
        return (bool(title) and not record_part(title) and not _FIELD_RE.match(title)
                and not _MONEY_RE.search(title))

    def numbered(self, i: int) -> bool:
        return match_heading(self.texts[i], self.blocks[i]) is not None


def _ends_title_block(label: str) -> bool:
    rx = spec().title_block_end
    return rx is not None and rx.match(label.strip()) is not None


def _first_text(lines: _Lines) -> tuple[int, bool]:
    """Index of the block that ends the title block: the first running text (a sentence of
    some length) or a label of attendance or meeting facts ('Present: ...', 'Date: ...',
    'Apologies': ``title_block_end`` in the data file); and
    whether it is running text (the heading right over it may be the first item's)."""
    for i, b in enumerate(lines.blocks):
        text = lines.texts[i]
        run_in = _RUN_IN_RE.match(text)
        if text[:1].isupper() and (_ends_title_block(clean_title(text)) or (
                run_in and _ends_title_block(run_in.group("title")))):
            return i, False
        if b.kind != "heading" and len(text.split()) >= 8 and is_sentence(
                lines.ctx, b.start, b.end):
            return i, True
    return len(lines.blocks), False


def _markdown(lines: _Lines) -> list[Cand]:
    heads = [i for i, b in enumerate(lines.blocks) if b.kind == "heading"]
    if not heads:
        return []
    top = min(lines.blocks[i].level for i in heads)
    out = []
    for i in heads:
        block = lines.blocks[i]
        title = clean_title(lines.texts[i])
        if (block.level == top and top == 1 and i == heads[0]) or lines.numbered(i):
            continue  # the document's title, or a numbered heading
        if lines.usable(title) and is_title(title) and (lines.has_text_after(i)
                                                        or known_title(title)):
            out.append(Cand([], title, block.start, block.end))
    return out


def _plain(lines: _Lines) -> list[Cand]:
    first, is_text = _first_text(lines)
    out = []
    for i, block in enumerate(lines.blocks):
        if i in lines.skip or block.kind == "heading" or lines.numbered(i):
            continue
        text = lines.texts[i]
        title = clean_title(text)
        if lines.short_title(i) and lines.usable(title):
            if (text.endswith(":") or lines.has_text_after(i) or known_title(title)) and (
                    i >= first or (is_text and 0 < i == first - 1)):
                out.append(Cand([], title, block.start, block.end))
            continue
        m = _RUN_IN_RE.match(text)
        if m and i >= first and block.kind == "paragraph":
            head = clean_title(m.group("title"))
            if (len(head.split()) <= MAX_RUN_IN_WORDS and is_title(head) and lines.usable(head)
                    and title_case_share(head) >= MIN_TITLE_CASE):
                out.append(Cand([], head, block.start, block.start + len(m.group("title"))))
    return out


def subject_headings(ctx: Context, markdown_only: bool = False) -> list[Cand]:
    """Unnumbered subject headings in document order (see the module docstring)."""
    lines = _Lines(ctx)
    marked = _markdown(lines)
    if marked or markdown_only:
        return marked
    return _plain(lines)


def heading_level(ctx: Context, c: Cand) -> tuple[str, int] | None:
    """The block kind and level of a candidate's heading block."""
    block: Block | None = ctx.doc.block_at(c.start)
    return (block.kind, block.level) if block else None
