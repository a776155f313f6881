"""Agenda items: numbered headings and sub-items.

Candidates are blocks whose text (markup removed) matches a heading pattern from
``resources/agenda_patterns.jsonl``. They are kept only where their numbers continue one series
(1, 2, 2.1, 2.2, 3 ...), so numbered paragraphs inside an item's body are left out. An agenda
listed at the top and again in the body gives one record per item, placed at its body heading.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import srsly

from extractors.context import Context
from extractors.date_parsing import strip_markup
from models.document import Block, Document
from models.records import AgendaItem

PATTERNS_FILE = Path(__file__).parent / "resources" / "agenda_patterns.jsonl"
SIMILAR = 0.6  # title similarity for "the same item listed twice"
RELOCATE = 0.85  # title similarity for finding a listed item's unnumbered body heading


@dataclass(frozen=True)
class _Pattern:
    name: str
    regex: re.Pattern[str]
    block_kinds: frozenset[str] | None


@dataclass(frozen=True)
class _Spec:
    headings: list[_Pattern]
    list_intro: list[re.Pattern[str]]
    max_words: int
    max_chars: int
    max_words_if_period: int
    furniture: list[re.Pattern[str]]
    trailing: re.Pattern[str] | None
    open_end: re.Pattern[str] | None
    cited: frozenset[str]


@cache
def _spec(path: Path = PATTERNS_FILE) -> _Spec:
    headings, intros, furniture = [], [], []
    trailing = open_end = None
    cited: frozenset[str] = frozenset()
    limits = {"max_words": 30, "max_chars": 250, "max_words_if_period": 8}
    for rec in srsly.read_jsonl(path):
        flags = re.IGNORECASE if "i" in rec.get("flags", "") else 0
        if rec["kind"] == "heading":
            kinds = rec.get("block_kinds")
            headings.append(_Pattern(rec["name"], re.compile(rec["regex"], flags),
                                     frozenset(kinds) if kinds else None))
        elif rec["kind"] == "list_intro":
            intros.append(re.compile(rec["regex"], flags))
        elif rec["kind"] == "furniture":
            furniture.append(re.compile(rec["regex"], flags))
        elif rec["kind"] == "trailing_number":
            trailing = re.compile(rec["regex"], flags)
        elif rec["kind"] == "trailing_blocklist":
            cited = frozenset(w.casefold() for w in rec["words"])
        elif rec["kind"] == "open_end":
            open_end = re.compile(rec["regex"], flags)
        elif rec["kind"] == "title_limit":
            limits.update({k: v for k, v in rec.items() if k in limits})
    return _Spec(headings, intros, furniture=furniture, trailing=trailing, open_end=open_end,
                 cited=cited, **limits)


@dataclass
class _Cand:
    parts: tuple[int, ...]
    title: str
    start: int
    end: int
    listed: bool = False  # from an agenda list rather than a body heading

    @property
    def number(self) -> str:
        return ".".join(str(p) for p in self.parts)


def clean_heading(text: str) -> str:
    """Heading text with markup, leading '#' marks and surplus spaces removed."""
    text = strip_markup(text)
    text = re.sub(r"^\s*#+\s*", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _clean_title(title: str) -> str:
    return title.strip().rstrip(":").strip(" -–—").strip()


def is_title(text: str) -> bool:
    """True where ``text`` reads like a heading title rather than a sentence or paragraph."""
    spec = _spec()
    words = text.split()
    if not words or len(words) > spec.max_words or len(text) > spec.max_chars:
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘("):
        return False
    if text.endswith((",", ";")):
        return False
    if text.endswith(".") and len(words) > spec.max_words_if_period:
        return False
    return not (len(words) > spec.max_words_if_period and re.search(r"[.;!?]\s+[A-Z]", text))


def _match(text: str, block: Block) -> tuple[str, re.Match[str]] | None:
    for pat in _spec().headings:
        if pat.block_kinds is not None and block.kind not in pat.block_kinds:
            continue
        m = pat.regex.match(text)
        if m:
            return pat.name, m
    return None


def _parts(num: str) -> tuple[int, ...]:
    return tuple(int(p) for p in num.split(".") if p)


def _trailing_number(text: str) -> re.Match[str] | None:
    """A heading number left at the end of a paragraph ("... last sentence. 3."), if any.

    Numbers cited in the sentence ("... in paragraph 3.") are not taken.
    """
    spec = _spec()
    tail = spec.trailing.search(text) if spec.trailing else None
    if tail is None:
        return None
    before = text[:tail.start()].split()
    if before and before[-1].strip("()[],;:").casefold() in spec.cited:
        return None
    return tail


def _furniture(ctx: Context, blocks: list[Block], texts: list[str]) -> set[int]:
    """Indices of page furniture: page numbers, running headers/footers, repeated short lines."""
    spec = _spec()
    counts = Counter(t.casefold() for t in texts if t)
    meta = {str(v).strip().casefold() for v in ctx.doc.metadata.values()}
    many = max(3, ctx.doc.n_pages // 2)
    out = set()
    for i, t in enumerate(texts):
        key = t.casefold()
        if (any(p.match(t) for p in spec.furniture) or key in meta
                or (ctx.doc.n_pages > 1 and counts[key] >= many and len(t.split()) <= 8)):
            out.add(i)
    return out


def _candidates(ctx: Context) -> tuple[list[_Cand], list[tuple[list[tuple[int, ...]], Block]]]:
    """Numbered heading candidates in document order (titles of bare numbers filled in).

    Also returns lists of bare numbers whose titles were run together into one block.
    """
    joined: list[tuple[list[tuple[int, ...]], Block]] = []
    spec = _spec()
    blocks = [b for b in ctx.doc.blocks if b.kind != "table_row"]
    texts = [clean_heading(ctx.doc.block_text(b)) for b in blocks]
    skip = _furniture(ctx, blocks, texts)
    matches = [None if i in skip else _match(t, b)
               for i, (t, b) in enumerate(zip(texts, blocks, strict=True))]

    def bare(i: int) -> bool:
        m = matches[i]
        return m is not None and not m[1].group("title").strip()

    def after(i: int) -> int:
        """Index of the next block that is not page furniture."""
        i += 1
        while i in skip:
            i += 1
        return i

    def title_at(i: int) -> str | None:
        if i >= len(blocks) or matches[i] is not None:
            return None
        title = _clean_title(texts[i])
        return title if is_title(title) else None

    def extend(title: str, i: int) -> tuple[str, int]:
        """Join wrapped title lines that follow block ``i``; return the title and last block."""
        while True:
            j = after(i)
            if j >= len(blocks) or matches[j] is not None:
                return title, i
            nxt = _clean_title(texts[j])
            if not nxt:
                return title, i
            opened = title.count("(") > title.count(")")
            unfinished = opened or (spec.open_end is not None and spec.open_end.search(title))
            lower = nxt[0].islower() and len(nxt.split()) <= 12 and not nxt.endswith(".")
            joined = f"{title} {nxt}"
            if not (unfinished or lower) or not is_title(joined):
                return title, i
            title, i = joined, j

    out: list[_Cand] = []
    i = 0
    while i < len(blocks):
        if matches[i] is None:
            tail = _trailing_number(ctx.doc.block_text(blocks[i]))
            j = after(i)
            if tail and i not in skip and len(texts[i].split()) > 3 and title_at(j):
                title, last = extend(title_at(j) or "", j)
                out.append(_Cand(_parts(tail.group("num")), title,
                                 blocks[i].start + tail.start(), blocks[last].end))
                i = last + 1
            else:
                i += 1
            continue
        if not bare(i):
            title, last = extend(_clean_title(matches[i][1].group("title")), i)
            if is_title(title):
                out.append(_Cand(_parts(matches[i][1].group("num")), title,
                                 blocks[i].start, blocks[last].end))
            i = last + 1
            continue
        run = [i]
        while after(run[-1]) < len(blocks) and bare(after(run[-1])):
            run.append(after(run[-1]))
        nums = [_parts(matches[k][1].group("num")) for k in run]
        j = after(run[-1])
        if len(nums) == 1:
            first = title_at(j)
            if first:
                title, last = extend(first, j)
                out.append(_Cand(nums[0], title, blocks[i].start, blocks[last].end))
                i = last + 1
            else:
                i = j
            continue
        limit = max(len(nums), max(n[0] for n in nums) - min(n[0] for n in nums) + 1)
        titles: list[int] = []
        while len(titles) < limit and title_at(j):
            titles.append(j)
            j = after(j)
        if len(titles) <= 1 < len(nums):
            k = titles[0] if titles else j
            if k < len(blocks) and matches[k] is None:
                joined.append((_repair(nums, limit), blocks[k]))
                i = k + 1
                continue
        out.extend(_pair_list(nums, titles, blocks, texts))
        i = titles[-1] + 1 if titles else run[-1] + 1
    return out, joined


def _repair(nums: list[tuple[int, ...]], n_titles: int) -> list[tuple[int, ...]]:
    """Top-level numbers with one skipped (1, 3, 4) filled in where there are titles for all."""
    tops = [n[0] for n in nums if len(n) == 1]
    if len(tops) == len(nums) and tops == sorted(tops):
        span = tops[-1] - tops[0] + 1
        if n_titles >= span > len(nums):
            return [(n,) for n in range(tops[0], tops[-1] + 1)]
    return nums


def _pair_list(nums: list[tuple[int, ...]], titles: list[int], blocks: list[Block],
               texts: list[str]) -> list[_Cand]:
    """Pair a run of bare numbers with the run of titles after it, repairing skipped numbers."""
    if not titles:
        return []
    nums = _repair(nums, len(titles))
    out = []
    for num, k in zip(nums, titles, strict=False):
        out.append(_Cand(num, _clean_title(texts[k]), blocks[k].start, blocks[k].end, listed=True))
    return out


@dataclass
class _Run:
    items: list[_Cand] = field(default_factory=list)
    last_top: int = 0
    children: dict[tuple[int, ...], int] = field(default_factory=dict)
    seen: set[tuple[int, ...]] = field(default_factory=set)

    def fits(self, c: _Cand, skip: int = 1) -> bool:
        """Whether ``c``'s number continues this series (``skip`` missing numbers allowed)."""
        if len(c.parts) == 1:
            n = c.parts[0]
            if not self.items:
                return 0 <= n <= 3
            return self.last_top < n <= self.last_top + 1 + skip
        parent, k = c.parts[:-1], c.parts[-1]
        if parent in self.seen:
            if parent[0] != self.last_top:
                return False
        elif not (len(parent) == 1 and parent[0] == self.last_top + 1):
            return False
        last = self.children.get(parent, 0)
        return last < k <= last + 1 + skip

    def add(self, c: _Cand) -> None:
        self.items.append(c)
        self.seen.add(c.parts)
        self.last_top = c.parts[0]
        if len(c.parts) > 1:
            self.children[c.parts[:-1]] = c.parts[-1]


def _runs(cands: list[_Cand], doc: Document) -> list[_Run]:
    """Group candidates into numbering series.

    A sub-item joins the series of the latest item numbered as its parent; any other candidate
    joins the most recently extended series it continues exactly, else the most recent one it
    continues with one number skipped; among those, one whose last item has the same block
    kind (heading, list item ...) is preferred. A top-level number that continues none opens a
    new series (an agenda listed again in the body, or a numbered list inside an item).
    """

    def style(c: _Cand) -> str:
        block = doc.block_at(c.start)
        return block.kind if block else "paragraph"

    runs: list[_Run] = []
    owner: dict[tuple[int, ...], _Run] = {}  # run of the latest item with each number
    for c in cands:
        target = None
        parent_run = owner.get(c.parts[:-1]) if len(c.parts) > 1 else None
        if parent_run is not None and parent_run.fits(c):
            target = parent_run
        recent = sorted(runs, key=lambda r: (style(r.items[-1]) == style(c), r.items[-1].start),
                        reverse=True)
        target = target or next((r for r in recent if r.fits(c, skip=0)), None)
        target = target or next((r for r in recent if r.fits(c)), None)
        if target is None and len(c.parts) == 1 and c.parts[0] <= 3:
            target = _Run()
            runs.append(target)
        if target is not None:
            target.add(c)
            owner[c.parts] = target
    return runs


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def _sections(run: _Run) -> int:
    """How many of the run's items have text of their own before the next item (sections)."""
    ends = [c.end for c in run.items]
    starts = [c.start for c in run.items[1:]] + [None]
    return sum(1 for e, s in zip(ends, starts, strict=True) if s is None or s - e > 3)


def _merge(runs: list[_Run]) -> list[_Cand]:
    """One record per number, from the main series plus the series that repeat it.

    The main series is the one whose items most often head a section of text (a numbered list
    of names or points has its items back to back), then the longest.

    A series repeating the numbers of the longest one with similar titles (an agenda listed at
    the top and again in the body) adds its other numbers; where both hold a number, the later
    occurrence (the body heading) wins. Series with different titles are dropped.
    """
    if not runs:
        return []
    base = max(runs, key=lambda r: (_sections(r), len(r.items)))
    merged: dict[tuple[int, ...], _Cand] = {c.parts: c for c in base.items}
    for run in runs:
        if run is base:
            continue
        overlap = [c for c in run.items if c.parts in merged]
        alike = [c for c in overlap if _similar(c.title, merged[c.parts].title) >= SIMILAR]
        if len(alike) < max(1, len(overlap) / 2):
            continue
        for c in run.items:
            old = merged.get(c.parts)
            if old is None or c.start > old.start:
                merged[c.parts] = c
    return list(merged.values())


def _relocate(items: list[_Cand], ctx: Context) -> list[_Cand]:
    """Move listed-only items to an unnumbered body heading with the same title, if any."""
    last_listed = max((c.end for c in items if c.listed), default=-1)
    out = []
    for c in items:
        if c.listed:
            for b in ctx.doc.blocks:
                if b.start <= last_listed or b.kind == "table_row":
                    continue
                text = _clean_title(clean_heading(ctx.doc.block_text(b)))
                if is_title(text) and _similar(text, c.title) >= RELOCATE:
                    c = replace(c, title=text, start=b.start, end=b.end, listed=False)
                    break
        out.append(c)
    return out


def _salvage(items: list[_Cand], joined: list[tuple[list[tuple[int, ...]], Block]],
             ctx: Context) -> list[_Cand]:
    """Recover the last item of a numbered list whose titles were run together in one block.

    The titles of the items found elsewhere are located in the block; the text after the last
    of them is the title of the one number still missing after it.
    """
    known = {c.parts: c for c in items}
    for nums, block in joined:
        text = ctx.doc.block_text(block)
        found = [n for n in nums if n in known]
        missing = [n for n in nums if n not in known]
        if not found or len(missing) != 1 or missing[0] < found[-1]:
            continue
        at = text.casefold().rfind(known[found[-1]].title.casefold())
        if at < 0:
            continue
        rest_at = at + len(known[found[-1]].title)
        rest = text[rest_at:]
        title = _clean_title(clean_heading(rest))
        if title and is_title(title):
            lead = len(rest) - len(rest.lstrip())
            start = block.start + rest_at + lead
            items.append(_Cand(missing[0], title, start, block.end, listed=True))
    return items


def _unnumbered_list(ctx: Context) -> list[_Cand]:
    """Items of an unnumbered agenda list (an 'Agenda:' line followed by short title lines)."""
    spec = _spec()
    blocks = [b for b in ctx.doc.blocks if b.kind != "table_row"]
    for i, b in enumerate(blocks):
        if not any(rx.match(clean_heading(ctx.doc.block_text(b))) for rx in spec.list_intro):
            continue
        out = []
        for nb in blocks[i + 1:]:
            title = _clean_title(clean_heading(ctx.doc.block_text(nb)))
            if nb.kind == "heading" or not is_title(title) or len(title.split()) > 15:
                break
            out.append(_Cand((), title, nb.start, nb.end, listed=True))
        if len(out) >= 2:
            return out
    return []


def extract_agenda(ctx: Context) -> list[AgendaItem]:
    """Return the agenda items in document order."""
    cands, joined = _candidates(ctx)
    items = _salvage(_merge(_runs(cands, ctx.doc)), joined, ctx) or _unnumbered_list(ctx)
    items = _relocate(items, ctx)
    items.sort(key=lambda c: c.start)
    out = []
    for seq, c in enumerate(items, 1):
        out.append(AgendaItem(
            doc_id=ctx.doc_id, seq=seq, number=c.number or None, title=c.title,
            level=max(len(c.parts), 1),
            parent_number=".".join(str(p) for p in c.parts[:-1]) or None,
            **ctx.provenance(c.start, c.end),
        ))
    return out
