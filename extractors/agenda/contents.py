"""Lists of items at the top of the record (an agenda or contents list).

- A listed item that the body repeats as an unnumbered heading is placed at that heading.
- Titles of a numbered list run together in one block give the last item still missing.
- An unnumbered list of short title lines is the agenda where it follows an 'Agenda:' or
  'Contents' label, or where the body repeats at least one of its titles as the start of a
  block (a summary record's contents list, whose label may be lost).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from difflib import SequenceMatcher

from extractors.agenda.candidates import Cand
from extractors.agenda.headed import body_blocks
from extractors.agenda.numbering import Number
from extractors.agenda.spec import spec
from extractors.agenda.titles import clean_heading, clean_title, is_sentence, is_title
from extractors.context import Context
from models.document import Block

RELOCATE = 0.85  # title similarity for finding a listed item's unnumbered body heading
MAX_LISTED_WORDS = 15
MAX_SYMBOL_CHARS = 160  # document symbols after a body heading's title
_LABEL_RE = re.compile(r"^[^\W\d_]+:")  # 'Chairperson: ...', a field, not a title


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def _same_heading(text: str, title: str) -> bool:
    """Whether a body block is the heading of a listed title: the same title, or the title
    followed by document symbols or an item reference ('... (CERD/C/80/R.1)')."""
    if is_title(text) and _similar(text, title) >= RELOCATE:
        return True
    head = text.casefold()
    return (len(title.split()) >= 2 and head.startswith(title.casefold())
            and head[len(title):len(title) + 2].strip() in ("", "(", "-", ":", "–")
            and len(text) <= 2 * len(title) + MAX_SYMBOL_CHARS)


def relocate(items: list[Cand], ctx: Context) -> list[Cand]:
    """Move listed-only items to an unnumbered body heading with the same title, if any
    (the listed title is kept)."""
    last_listed = max((c.end for c in items if c.listed), default=-1)
    out = []
    for c in items:
        if c.listed:
            for b in ctx.doc.blocks:
                if b.start <= last_listed or b.kind == "table_row":
                    continue
                text = clean_title(clean_heading(ctx.doc.block_text(b)))
                if _same_heading(text, c.title):
                    c = replace(c, start=b.start, end=b.end, listed=False)
                    break
        out.append(c)
    return out


def salvage(items: list[Cand], joined: list[tuple[list[Number], Block]],
            ctx: Context) -> list[Cand]:
    """Recover the last item of a numbered list whose titles were run together in one block.

    The titles of the items found elsewhere are located in the block; the text after the last
    of them is the title of the one number still missing after it.
    """
    known = {c.parts: c for c in items}
    for nums, block in joined:
        text = ctx.doc.block_text(block)
        found = [n for n in nums if n in known]
        missing = [n for n in nums if n not in known]
        if not found or len(missing) != 1 or missing[0][0].value < found[-1][0].value:
            continue
        at = text.casefold().rfind(known[found[-1]].title.casefold())
        if at < 0:
            continue
        rest_at = at + len(known[found[-1]].title)
        rest = text[rest_at:]
        title = clean_title(clean_heading(rest))
        if title and is_title(title):
            lead = len(rest) - len(rest.lstrip())
            start = block.start + rest_at + lead
            items.append(Cand([missing[0]], title, start, block.end, listed=True))
    return items


def _listed_titles(ctx: Context, blocks: list[Block], first: int,
                   cleaned: list[str]) -> list[Cand]:
    """The run of short title lines starting at block ``first`` (``cleaned``: each block's
    text through ``clean_heading``)."""
    out: list[Cand] = []
    for i in range(first, len(blocks)):  # not a slice: a copy of the rest per call
        b = blocks[i]
        title = clean_title(cleaned[i])
        if (b.kind == "heading" or not is_title(title) or len(title.split()) > MAX_LISTED_WORDS
                or _LABEL_RE.match(title) or is_sentence(ctx, b.start, b.end)
                or any(_similar(title, c.title) >= RELOCATE for c in out)):
            break  # the list ends where the text, or the body's first heading, starts
        out.append(Cand([], title, b.start, b.end, listed=True))
    return out


class _Openings:
    """The blocks' cleaned, case-folded texts filed by their first two words, so that "does a
    block after this offset start with this title" looks only at blocks that could."""

    def __init__(self, blocks: list[Block], cleaned: list[str]) -> None:
        self.starts = [b.start for b in blocks]
        self.folded = [text.casefold() for text in cleaned]
        self.by_words: dict[tuple[str, ...], list[int]] = {}
        for i, text in enumerate(self.folded):
            words = tuple(text.split(" ", 2)[:2])
            if len(words) == 2:
                self.by_words.setdefault(words, []).append(i)

    def later_starts_with(self, end: int, title: str) -> bool:
        """Whether a block starting after ``end`` starts with ``title`` (of 3 words or more,
        single-spaced like the cleaned texts, so its first two words are the block's)."""
        found = self.by_words.get(tuple(title.split(" ", 2)[:2]), [])
        first = bisect.bisect_right(found, bisect.bisect_right(self.starts, end) - 1)
        return any(self.folded[i].startswith(title) for i in found[first:])


def _repeated_later(openings: _Openings, listed: list[Cand]) -> bool:
    """Whether the body, after the list, starts a block with one of the listed titles."""
    end = listed[-1].end
    titles = [c.title.casefold() for c in listed if len(c.title.split()) >= 3]
    return any(openings.later_starts_with(end, t) for t in titles)


def unnumbered_list(ctx: Context) -> list[Cand]:
    """Items of an unnumbered agenda or contents list (see the module docstring)."""
    s = spec()
    blocks = body_blocks(ctx)
    cleaned = [clean_heading(ctx.doc.block_text(b)) for b in blocks]
    for i, text in enumerate(cleaned):
        if not any(rx.match(text) for rx in s.list_intro):
            continue
        out = _listed_titles(ctx, blocks, i + 1, cleaned)
        if len(out) >= 2:
            return out
    openings = _Openings(blocks, cleaned)
    i = 0
    while i < len(blocks):
        out = _listed_titles(ctx, blocks, i, cleaned)
        if len(out) >= 2 and _repeated_later(openings, out):
            return out
        i += max(1, len(out))
    return []
