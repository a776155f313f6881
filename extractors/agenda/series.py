"""Numbering series: which numbered candidates are the agenda.

Candidates are grouped into series whose numbers continue one another (1, 2, 2.1, 2.2, 3 ...;
I, II, II.A; a, b, c); numbered paragraphs and lists inside an item's text start series of
their own and are left out. A single-level number in another style right after an item ('(i)'
after '1.', '(a)' after 'I.') is that item's sub-item ('1.i', 'I.a'). Items that name
themselves ('Agenda item 11.e.iv') are kept whatever their numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from extractors.agenda.candidates import Cand
from extractors.agenda.numbering import Number, Part, key
from models.document import Document

SIMILAR = 0.6  # title similarity for "the same item listed twice"
# Usual nesting of styles, outermost first: I. > A. > 1. > a. > i.
RANK = {"ROMAN": 0, "ALPHA": 1, "arabic": 2, "alpha": 3, "roman": 4}

Key = tuple[tuple[str, int], ...]


@dataclass
class Run:
    """One numbering series."""

    items: list[Cand] = field(default_factory=list)
    top_style: str = ""
    last_top: int = 0
    children: dict[Key, Part] = field(default_factory=dict)
    seen: set[Key] = field(default_factory=set)

    def fits(self, parts: Number, skip: int = 1) -> bool:
        """Whether ``parts`` continue this series (``skip`` missing numbers allowed)."""
        if len(parts) == 1:
            p = parts[0]
            if not self.items:
                return 0 <= p.value <= 3
            return p.style == self.top_style and self.last_top < p.value <= self.last_top + 1 + skip
        parent, k = parts[:-1], parts[-1]
        if parent[0].style != self.top_style:
            return False
        if key(parent) in self.seen:
            if parent[0].value != self.last_top:
                return False
        elif not (len(parent) == 1 and parent[0].value == self.last_top + 1):
            return False
        last = self.children.get(key(parent))
        if last is not None and last.style != k.style:
            return False
        before = last.value if last else 0
        return before < k.value <= before + 1 + skip

    def reading(self, c: Cand, skip: int = 1) -> Number | None:
        """The first reading of ``c``'s number that continues this series, if any."""
        return next((o for o in c.options if self.fits(o, skip)), None)

    def sub_item(self, c: Cand) -> Number | None:
        """``c``'s number read as a sub-item of the latest item, where it is a single level
        in another style ('(i)' after '1.')."""
        if not self.items or any(len(o) != 1 for o in c.options):
            return None
        parent = self.items[-1].parts
        for o in c.options:
            if o[0].style == parent[0].style or (
                    o[0].style.isupper() and RANK[o[0].style] <= RANK[parent[0].style]):
                continue  # 'I.' after '6.' opens a new series; it is no sub-item
            if len(parent) == 1 and self.fits(parent + o):
                return parent + o
            if len(parent) > 1 and o[0].style == parent[-1].style and self.fits(parent[:-1] + o):
                return parent[:-1] + o
        return None

    def holds_similar(self, c: Cand, parts: Number) -> bool:
        """Whether the series already holds ``parts`` under a similar title (a heading
        repeated further on)."""
        return any(key(o.parts) == key(parts) and _similar(o.title, c.title) >= SIMILAR
                   for o in self.items)

    def add(self, c: Cand, parts: Number) -> None:
        c.parts = parts
        self.items.append(c)
        self.seen.add(key(parts))
        if not self.top_style:
            self.top_style = parts[0].style
        self.last_top = parts[0].value
        if len(parts) > 1:
            self.children[key(parts[:-1])] = parts[-1]


def runs(cands: list[Cand], doc: Document) -> list[Run]:
    """Group numbered candidates into numbering series.

    A sub-item joins the series of the latest item numbered as its parent; any other candidate
    joins the most recently extended series it continues exactly, else the most recent one it
    continues with one number skipped; among those, one whose last item has the same block
    kind (heading, list item ...) is preferred. A top-level number that continues none opens a
    new series (an agenda listed again in the body, or a numbered list inside an item).
    Items that name themselves ('Agenda item 11.e.iv') form one series whatever their
    numbers; a heading repeated under the same number is kept once, where it first stands.
    """

    def style(c: Cand) -> str:
        block = doc.block_at(c.start)
        return block.kind if block else "paragraph"

    out: list[Run] = []
    owner: dict[Key, Run] = {}  # run of the latest item with each number
    named: Run | None = None  # the series of the items that name themselves
    for c in cands:
        if c.explicit:
            if named is None:
                named = Run()
                out.append(named)
            parts = named.reading(c) or c.options[0]
            if not named.holds_similar(c, parts):
                named.add(c, parts)
                owner[key(parts)] = named
            continue
        target, parts = None, None
        for o in c.options:
            parent_run = owner.get(key(o[:-1])) if len(o) > 1 else None
            if parent_run is not None and parent_run.fits(o):
                target, parts = parent_run, o
                break
        recent = sorted(out, key=lambda r: (style(r.items[-1]) == style(c), r.items[-1].start),
                        reverse=True)
        for skip in (0, 1):
            if target is None:
                for r in recent:
                    parts = r.reading(c, skip)
                    if parts is not None:
                        target = r
                        break
        if target is None and recent:
            parts = recent[0].sub_item(c)
            target = recent[0] if parts is not None else None
        if target is None:
            opening = next((o for o in c.options if len(o) == 1 and o[0].value <= 3), None)
            if opening is not None:
                target, parts = Run(), opening
                out.append(target)
        if target is not None and parts is not None:
            target.add(c, parts)
            owner[key(parts)] = target
    return out


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def section_heads(run: Run) -> list[Cand]:
    """The run's items that head a section: text of their own before the next item, or
    their first sub-item right after them."""
    out = []
    for c, nxt in zip(run.items, [*run.items[1:], None], strict=True):
        if nxt is None or nxt.start - c.end > 3 or (
                len(nxt.parts) > len(c.parts) and key(nxt.parts[:len(c.parts)]) == key(c.parts)):
            out.append(c)
    return out


def sections(run: Run) -> int:
    """How many of the run's items head a section."""
    return len(section_heads(run))


def merge(found: list[Run], can_lead: Callable[[Run], bool] = lambda r: True) -> list[Cand]:
    """One record per number, from the main series plus the series that repeat it.

    The main series is the one (among those that ``can_lead``) whose items most often head a
    section of text (a numbered list of names or points has its items back to back), then
    the longest.

    A series repeating the numbers of the main one with similar titles (an agenda listed at
    the top and again in the body) adds its other numbers; where both hold a number, the later
    occurrence (the body heading) wins, unless the earlier one heads a section of its own (an
    item taken up again later, its heading repeated). A series in another top-level style
    that repeats none of its numbers and heads sections (Roman parts after Arabic items) is
    kept too. Other series are dropped.
    """
    leaders = [r for r in found if can_lead(r)]
    if not leaders:
        return []
    base = max(leaders, key=lambda r: (sections(r), len(r.items)))
    if sections(base) * 2 < len(base.items):
        for c in base.items:
            c.listed = True  # a list of items, to be placed at their body headings if any
    merged: dict[Key, Cand] = {key(c.parts): c for c in base.items}
    heads = [h for r in found for h in section_heads(r)]
    for run in found:
        if run is base:
            continue
        overlap = [c for c in run.items if key(c.parts) in merged]
        if not overlap and run.top_style != base.top_style and sections(run) == len(run.items):
            merged.update({key(c.parts): c for c in run.items})
            continue
        alike = [c for c in overlap if _similar(c.title, merged[key(c.parts)].title) >= SIMILAR]
        if len(alike) < max(1, len(overlap) / 2):
            continue
        for c in run.items:
            old = merged.get(key(c.parts))
            if old is None or (c.start > old.start and not any(old is h for h in heads)):
                merged[key(c.parts)] = c
    return list(merged.values())
