"""Which name variants are one person: exact keys first, then shorter writings, blocked by
surname so the work grows with the number of variants, not with their pairs.

A *unit* is one folded name in one delegation, with the meetings it appears in. Units with the
same key are one person unless they sit in the same meeting (two rows, two people) or the name
is too short to tell (one whole word, or initials) and the delegations differ. A unit whose name
is a shorter writing of a more complete one (``names.containment``: initials, dropped middle or
given names, a second surname) joins it when they share a delegation, never sit in the same
meeting, and exactly one person qualifies; otherwise it stays apart and the reason says so.
The outcome depends only on the set of units, never on the order they were read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from pipeline.registry.names import NameKey, containment, parse_name, stable_id

MAX_BLOCK = 500  # a surname shared by more variants than this is compared by exact key only


@dataclass
class Unit:
    """One folded name in one delegation, with where and how it was written."""

    name: NameKey
    code: str | None
    docs: set[str] = field(default_factory=set)
    dates: set[dt.date] = field(default_factory=set)
    written: Counter[str] = field(default_factory=Counter)
    mentioned: Counter[str] = field(default_factory=Counter)  # other spellings in turns
    standalone: bool = False  # split off by the alias file: never merged automatically

    @property
    def ident(self) -> tuple[str, str]:
        """(name key, delegation code) - what the unit is looked up by."""
        return (self.name.key, self.code or "")

    def order(self) -> tuple[object, ...]:
        """Sort key: most complete name first, then key, then delegation."""
        return (*self.name.specificity(), self.code or "")


class Clusters:
    """Union-find over units; the root of a cluster is its most complete name."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = sorted(units, key=Unit.order)
        self.index = {u.ident: i for i, u in enumerate(self.units)}
        self.parent = list(range(len(self.units)))
        self.reason: dict[int, str] = {}
        self.docs = [set(u.docs) for u in self.units]
        self.codes = [{u.code} - {None} for u in self.units]

    def find(self, i: int) -> int:
        """The root of ``i``'s cluster."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, reason: str) -> None:
        """Join ``i``'s cluster into ``j``'s (the lower index, more complete, stays root)."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return
        root, child = min(ri, rj), max(ri, rj)
        self.parent[child] = root
        self.docs[root] |= self.docs[child]
        self.codes[root] |= self.codes[child]
        self.reason.setdefault(i, reason)

    def groups(self) -> list[list[int]]:
        """Member indices of each cluster, root first."""
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.units)):
            out[self.find(i)].append(i)
        return [sorted(members) for _, members in sorted(out.items())]


def _same_key(clusters: Clusters) -> None:
    """Units with one key are one person unless they share a meeting, or the name is short
    and the delegations differ."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(clusters.units):
        if not unit.standalone:
            by_key[unit.name.key].append(i)
    for members in by_key.values():
        if len(members) < 2 or len(clusters.units[members[0]].name.full) < 2:
            continue
        members.sort(key=lambda i: (min(clusters.units[i].dates, default=dt.date.max),
                                    clusters.units[i].code or ""))
        heads: list[int] = []
        for i in members:
            unit = clusters.units[i]
            home = next((h for h in heads if not clusters.docs[clusters.find(h)] & unit.docs),
                        None)
            if home is None:
                heads.append(i)
                continue
            home_unit = clusters.units[home]
            clusters.union(i, home, f"'{unit.name.written}' ({unit.code or 'no delegation'}) = "
                                    f"'{home_unit.name.written}' "
                                    f"({home_unit.code or 'no delegation'}): same name, never "
                                    "in the same meeting")


def _shorter_writings(clusters: Clusters) -> dict[int, str]:
    """Join each name to the one more complete name it is a shorter writing of; returns the
    notes of names left apart because several people qualify."""
    by_token: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(clusters.units):
        for token in set(unit.name.full):
            by_token[token].append(i)
    notes: dict[int, str] = {}
    for i, unit in enumerate(clusters.units):  # most complete first: candidates come before
        if unit.standalone or unit.name.surname is None:
            continue
        block = by_token[unit.name.surname]
        if len(block) > MAX_BLOCK:
            notes[i] = f"not compared: {len(block)} names share '{unit.name.surname}'"
            continue
        roots: dict[int, str] = {}
        for j in block:
            other = clusters.units[j]
            if j >= i or other.standalone or other.name.key == unit.name.key:
                continue
            why = containment(unit.name, other.name)
            if why is None:
                continue
            root = clusters.find(j)
            if root == clusters.find(i):
                continue
            if unit.code and unit.code not in clusters.codes[root]:
                continue
            if clusters.docs[root] & clusters.docs[clusters.find(i)]:
                continue
            roots.setdefault(root, f"'{unit.name.written}' ~ '{other.name.written}' "
                                   f"({unit.code or 'no delegation'}): {why}")
        if len(roots) == 1:
            (root, why), = roots.items()
            clusters.union(i, root, why)
        elif len(roots) > 1:
            names = " or ".join(sorted(f"'{clusters.units[r].name.written}'" for r in roots))
            notes[i] = f"kept apart: could be {names}"
    return notes


def folded_spellings(unit: Unit) -> list[str]:
    """Why the spellings of one unit are one name: those that differ only in accents, case,
    honorifics or particles; shorter ones a turn uses for an attendee of that meeting."""
    same = sorted({*unit.written, *(w for w in unit.mentioned
                                    if (n := parse_name(w)) and n.key == unit.name.key)})
    reasons = []
    if len(same) > 1:
        reasons.append(" = ".join(f"'{w}'" for w in same) + ": same name once accents, case, "
                       "honorifics and particles are folded")
    short = sorted(w for w in unit.mentioned if w not in same)
    if short:
        reasons.append(", ".join(f"'{w}'" for w in short) + f" in turns of meetings whose "
                       f"attendance lists '{unit.name.written}'")
    return reasons


def cluster(units: list[Unit]) -> tuple[Clusters, dict[int, str]]:
    """Cluster the units; returns the clusters and notes on names left apart."""
    clusters = Clusters(units)
    _same_key(clusters)
    notes = _shorter_writings(clusters)
    return clusters, notes


def assign_ids(clusters: Clusters) -> dict[int, str]:
    """root -> person_id: from the root's name key; people sharing a key also by their first
    delegation and date."""
    groups = clusters.groups()
    by_key: dict[str, list[list[int]]] = defaultdict(list)
    for members in groups:
        by_key[clusters.units[members[0]].name.key].append(members)
    ids: dict[int, str] = {}
    for key, same in by_key.items():
        for members in same:
            if len(same) == 1:
                ids[members[0]] = stable_id(key)
                continue
            first = min((min(clusters.units[i].dates, default=dt.date.max),
                          clusters.units[i].code or "") for i in members)
            ids[members[0]] = stable_id(key, first[1], first[0].isoformat())
    return ids
