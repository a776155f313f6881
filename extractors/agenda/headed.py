"""Numbered headings in the body: '4. Title', '4.3.1 Title', 'III. Title', '(a) Title',
'Agenda item 4: Title', 'Second item on the agenda' over its title, a number alone on its line
over its title, a title glued to its number ('4.Title'), a number left at the end of the
previous paragraph, nested Markdown lists numbered '1.' at each level (6 > 1 > 1 = '6.1.1'), and
headings that run on into their text ('IMD - The query ...').

Candidates whose title is a sentence ('Mr X declared that ...') are left out, as are numbered
lists nested under a numbered paragraph that is not itself a heading.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.agenda.candidates import Cand
from extractors.agenda.flattened import inline_headings
from extractors.agenda.glued import glued_title
from extractors.agenda.numbering import Number, Part, from_ordinal, readings
from extractors.agenda.spec import HeadingPattern, spec
from extractors.agenda.titles import (
    clean_heading,
    clean_title,
    is_sentence,
    is_title,
    run_in_title,
)
from extractors.context import Context
from models.document import Block

Match = tuple[HeadingPattern, re.Match[str], list[Number]]


def match_heading(text: str, block: Block) -> Match | None:
    """The first heading pattern matching a block's text, with the readings of its number."""
    s = spec()
    for pat in s.headings:
        if pat.block_kinds is not None and block.kind not in pat.block_kinds:
            continue
        m = pat.regex.match(text)
        if m is None:
            continue
        groups = m.groupdict()
        if groups.get("ord"):
            number = from_ordinal(groups["ord"], s.ordinals)
            options = [number] if number else []
        else:
            options = readings(groups.get("num") or "")
        if options:
            return pat, m, options
    return None


def trailing_number(text: str) -> re.Match[str] | None:
    """A heading number left at the end of a paragraph ("... last sentence. 3."), if any.

    Numbers cited in the sentence ("... in paragraph 3.") are not taken.
    """
    s = spec()
    tail = s.trailing.search(text) if s.trailing else None
    if tail is None:
        return None
    before = text[:tail.start()].split()
    if before and before[-1].strip("()[],;:").casefold() in s.cited:
        return None
    return tail


def furniture(ctx: Context, texts: list[str]) -> set[int]:
    """Indices of page furniture: page numbers, running headers/footers, repeated short lines."""
    s = spec()
    counts = Counter(t.casefold() for t in texts if t)
    meta = {str(v).strip().casefold() for v in ctx.doc.metadata.values()}
    many = max(3, ctx.doc.n_pages // 2)
    out = set()
    for i, t in enumerate(texts):
        key = t.casefold()
        if (any(p.match(t) for p in s.furniture) or key in meta
                or (ctx.doc.n_pages > 1 and counts[key] >= many and len(t.split()) <= 8)):
            out.add(i)
    return out


def body_blocks(ctx: Context) -> list[Block]:
    """The blocks agenda headings can stand in (all but table rows)."""
    return [b for b in ctx.doc.blocks if b.kind != "table_row"]


class _Reader:
    """One pass over the blocks, collecting numbered heading candidates."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.blocks = body_blocks(ctx)
        self.texts = [clean_heading(ctx.doc.block_text(b)) for b in self.blocks]
        self.skip = furniture(ctx, self.texts)
        self.matches = [None if i in self.skip else match_heading(t, b)
                        for i, (t, b) in enumerate(zip(self.texts, self.blocks, strict=True))]
        self.out: list[Cand] = []
        self.joined: list[tuple[list[Number], Block]] = []
        self.lists: list[tuple[int, Number | None]] = []  # open numbered list items

    def bare(self, i: int) -> bool:
        m = self.matches[i]
        return m is not None and not m[1].group("title").strip()

    def after(self, i: int) -> int:
        """Index of the next block that is not page furniture."""
        i += 1
        while i in self.skip:
            i += 1
        return i

    def title_at(self, i: int) -> str | None:
        if i >= len(self.blocks) or self.matches[i] is not None:
            return None
        title = clean_title(self.texts[i])
        block = self.blocks[i]
        if not is_title(title) or is_sentence(self.ctx, block.start, block.end):
            return None
        return title

    def glued_at(self, i: int) -> str | None:
        """The title of block ``i`` where it runs on into its text."""
        if i >= len(self.blocks) or self.matches[i] is not None:
            return None
        block = self.blocks[i]
        return glued_title(self.ctx, self.ctx.doc.block_text(block), block.start)

    def extend(self, title: str, i: int) -> tuple[str, int]:
        """Join wrapped title lines that follow block ``i``; return the title and last block."""
        s = spec()
        while True:
            j = self.after(i)
            if j >= len(self.blocks) or self.matches[j] is not None:
                return title, i
            nxt = clean_title(self.texts[j])
            if not nxt:
                return title, i
            opened = title.count("(") > title.count(")")
            unfinished = opened or (s.open_end is not None and s.open_end.search(title))
            lower = nxt[0].islower() and len(nxt.split()) <= 12 and not nxt.endswith(".")
            joined = f"{title} {nxt}"
            if not (unfinished or lower) or not is_title(joined):
                return title, i
            title, i = joined, j

    def continues_as_text(self, i: int) -> bool:
        """Whether the block after ``i`` carries on the same sentence (starts in lower case;
        a wrapped title line would have been joined to it)."""
        j = self.after(i)
        if j >= len(self.blocks) or self.matches[j] is not None:
            return False
        nxt = self.texts[j]
        return bool(nxt) and nxt[0].islower()

    def enumerated(self, i: int) -> bool:
        """Whether block ``i`` goes on an enumeration inside a sentence: the numbered block
        before it ends with a semicolon or comma ('(a) Opening of the session;')."""
        k = i - 1
        while k in self.skip:
            k -= 1
        if k < 0 or self.matches[k] is None:
            return False
        return self.texts[k].rstrip().endswith((";", ",", "; and", "; or"))

    def nest(self, i: int, options: list[Number]) -> list[Number] | None:
        """Readings of a list item's number with its enclosing items' numbers put before it
        (a Markdown list numbered '1.' at each level); None where the enclosing numbered item
        is a paragraph of text, not a heading (its sub-list is text too)."""
        block = self.blocks[i]
        if block.kind != "list_item":
            self.lists = []
            return options
        while self.lists and self.lists[-1][0] >= block.level:
            self.lists.pop()
        parent = self.lists[-1] if self.lists else None
        if parent is None or len(options[0]) > 1:
            return options
        if parent[1] is None:
            return None
        return [parent[1] + o for o in options]

    def add(self, i: int, cand: Cand | None, options: list[Number] | None) -> None:
        block = self.blocks[i]
        if block.kind == "list_item" and options is not None:
            self.lists.append((block.level, cand.options[0] if cand else None))
        if cand is not None:
            self.out.append(cand)

    def headed(self, i: int) -> int:
        """Read a heading with its title on the same block; return the next index."""
        pat, m, options = self.matches[i]
        nested = self.nest(i, options)
        title, last = self.extend(clean_title(m.group("title")), i)
        block = self.blocks[i]
        title_start = _offset_in(self.ctx.doc.block_text(block), m.group("title"),
                                 m.start("title")) + block.start
        end = self.blocks[last].end
        ok = (is_title(title) and not self.continues_as_text(last)
              and not self.enumerated(i))
        if ok and is_sentence(self.ctx, title_start, end):
            ok = False
        run_in = run_in_title(title) if last == i else None
        if run_in and is_sentence(self.ctx, title_start, title_start + len(run_in)):
            run_in = None
        cut = False
        if not ok and last == i:
            glued = glued_title(self.ctx, self.ctx.doc.text[title_start:end], title_start)
            if glued:
                title, end, ok, cut = glued, title_start + len(glued), True, True
        cand = None
        if ok and nested is not None:
            cand = Cand(nested, title, block.start, end, explicit=pat.explicit, cut=cut,
                        run_in=None if cut or not run_in else (run_in, title_start + len(run_in)))
        self.add(i, cand, nested)
        return last + 1

    def trailing(self, i: int) -> int:
        """A number left at the end of paragraph ``i`` over a title; return the next index."""
        tail = trailing_number(self.ctx.doc.block_text(self.blocks[i]))
        j = self.after(i)
        if (tail and i not in self.skip and len(self.texts[i].split()) > 3
                and self.title_at(j)):
            title, last = self.extend(self.title_at(j) or "", j)
            self.out.append(Cand(readings(tail.group("num"))[:1], title,
                                 self.blocks[i].start + tail.start(), self.blocks[last].end))
            return last + 1
        if self.blocks[i].kind != "list_item" and self.blocks[i].level == 0:
            self.lists = []
        return i + 1

    def bare_run(self, i: int) -> int:
        """Numbers alone on their lines, over their titles; return the next index."""
        run = [i]
        while self.after(run[-1]) < len(self.blocks) and self.bare(self.after(run[-1])):
            run.append(self.after(run[-1]))
        first = self.matches[i]
        nums = [self.matches[k][2] for k in run]
        j = self.after(run[-1])
        if len(nums) == 1:
            title = self.title_at(j)
            if title:
                title, last = self.extend(title, j)
                self.out.append(Cand(nums[0], title, self.blocks[i].start,
                                     self.blocks[last].end, explicit=first[0].explicit))
                return last + 1
            glued = self.glued_at(j)
            if glued:
                self.out.append(Cand(nums[0], glued, self.blocks[i].start,
                                     self.blocks[j].start + len(glued),
                                     explicit=first[0].explicit, cut=True))
                return j + 1
            return j
        firsts = [n[0] for n in nums]
        limit = max(len(nums), _span(firsts))
        titles: list[int] = []
        while len(titles) < limit and self.title_at(j):
            titles.append(j)
            j = self.after(j)
        if len(titles) <= 1 < len(nums):
            k = titles[0] if titles else j
            if k < len(self.blocks) and self.matches[k] is None:
                self.joined.append((repair(firsts, limit), self.blocks[k]))
                return k + 1
        self.out.extend(self.pair_list(firsts, titles))
        return titles[-1] + 1 if titles else run[-1] + 1

    def pair_list(self, nums: list[Number], titles: list[int]) -> list[Cand]:
        """Pair a run of bare numbers with the run of titles after it."""
        if not titles:
            return []
        nums = repair(nums, len(titles))
        return [Cand([num], clean_title(self.texts[k]), self.blocks[k].start,
                     self.blocks[k].end, listed=True)
                for num, k in zip(nums, titles, strict=False)]

    def read(self) -> tuple[list[Cand], list[tuple[list[Number], Block]]]:
        i = 0
        while i < len(self.blocks):
            if self.matches[i] is None:
                i = self.trailing(i)
            elif not self.bare(i):
                i = self.headed(i)
            else:
                i = self.bare_run(i)
        found = inline_headings(self.ctx, [b for k, b in enumerate(self.blocks)
                                           if k not in self.skip])
        taken = {c.start for c in self.out}
        self.out.extend(c for c in found if c.start not in taken)
        self.out.sort(key=lambda c: c.start)
        return self.out, self.joined


def _offset_in(raw: str, found: str, guess: int) -> int:
    """Offset in a block's raw text of text found in its cleaned form (spaces may differ)."""
    head = found.strip()[:20]
    at = raw.find(head, max(0, guess - 5)) if head else -1
    return at if at >= 0 else min(guess, len(raw))


def _span(nums: list[Number]) -> int:
    tops = [n[0].value for n in nums]
    return max(tops) - min(tops) + 1


def repair(nums: list[Number], n_titles: int) -> list[Number]:
    """Top-level numbers with one skipped (1, 3, 4) filled in where there are titles for all."""
    tops = [n[0].value for n in nums if len(n) == 1 and n[0].style == "arabic"]
    if len(tops) == len(nums) and tops == sorted(tops):
        span = tops[-1] - tops[0] + 1
        if n_titles >= span > len(nums):
            return [(Part(str(n), "arabic", n),) for n in range(tops[0], tops[-1] + 1)]
    return nums


def numbered_headings(ctx: Context) -> tuple[list[Cand], list[tuple[list[Number], Block]]]:
    """Numbered heading candidates in document order (titles of bare numbers filled in).

    Also returns lists of bare numbers whose titles were run together into one block.
    """
    return _Reader(ctx).read()
