"""The analyst's corrections: ``people_aliases.tsv`` in the tables folder.

One correction per line, tab-separated; ``#`` starts a comment::

    merge	Ana Ruiz	A. Ruiz-Ortega      these two names are one person
    split	Ana Ruiz	ESP                 this name (in this delegation) is a person of its own
    display	Ana Ruiz	Ana Ruiz Ortega     the name the person is shown by

A person is referred to by a name as written anywhere in the tables (compared folded: accents,
case and honorifics do not count) or by its ``person_id``. ``split`` takes an optional
delegation code (the name in that delegation only). The next rebuild (``minutes people
--rebuild``, or the next ingest) applies the file (``apply_aliases``); no document is
extracted again.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.registry.match import Clusters, Unit, assign_ids, cluster
from pipeline.registry.names import parse_name

ALIAS_FILE = "people_aliases.tsv"
ACTIONS = ("merge", "split", "display")
_PERSON_ID = re.compile(r"p[0-9a-f]{12}")


class AliasFileError(ValueError):
    """A line of the alias file that cannot be applied."""


@dataclass(frozen=True)
class Alias:
    """One correction."""

    action: str
    subject: str
    other: str | None
    line: int

    @property
    def where(self) -> str:
        """Where the correction stands, for the reasons shown to the analyst."""
        return f"{ALIAS_FILE} line {self.line}"


def read_aliases(out: str | Path) -> list[Alias]:
    """The corrections in ``<out>/people_aliases.tsv`` (none when there is no file)."""
    path = Path(out) / ALIAS_FILE
    if not path.exists():
        return []
    aliases = []
    with open(path, encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
            cells = [c.strip() for c in row]
            if not cells or not cells[0] or cells[0].startswith("#"):
                continue
            action = cells[0].lower()
            if action not in ACTIONS:
                raise AliasFileError(f"{path} line {number}: unknown action {cells[0]!r} "
                                     f"(expected one of {', '.join(ACTIONS)})")
            if len(cells) < 2 or not cells[1] or (action != "split" and
                                                   (len(cells) < 3 or not cells[2])):
                raise AliasFileError(f"{path} line {number}: {action} needs "
                                     + ("a name" if action == "split" else "two values"))
            other = cells[2] if len(cells) > 2 and cells[2] else None
            aliases.append(Alias(action, cells[1], other, number))
    return aliases


def _refs(ref: str, clusters: Clusters, ids: dict[int, str]) -> list[int]:
    """Unit indices a name or person_id of the alias file refers to."""
    if _PERSON_ID.fullmatch(ref):
        roots = {root for root, pid in ids.items() if pid == ref}
        return [i for i in range(len(clusters.units)) if clusters.find(i) in roots]
    name = parse_name(ref)
    if name is None:
        return []
    return [i for i, u in enumerate(clusters.units) if u.name.key == name.key]


def apply_aliases(aliases: list[Alias], units: dict[tuple[str, str], Unit],
                  warnings: list[str]) -> tuple[Clusters, dict[int, str], dict[int, str]]:
    """Cluster ``units`` with the corrections applied: ``split`` names never merge by rule,
    ``merge`` joins two people after the rules, ``display`` names a person. Returns the
    clusters, notes on names kept apart (by cluster member) and display names (by root);
    lines that match nothing add to ``warnings``."""
    for alias in aliases:
        if alias.action == "split":
            name = parse_name(alias.subject)
            hit = [u for u in units.values() if name and u.name.key == name.key
                   and (alias.other is None or u.code == alias.other)]
            for unit in hit:
                unit.standalone = True
            if not hit:
                warnings.append(f"{alias.where}: no name {alias.subject!r} to split")
    clusters, notes = cluster(list(units.values()))
    for i, unit in enumerate(clusters.units):
        if unit.standalone:
            notes[i] = "split off by people_aliases.tsv"
    ids = assign_ids(clusters)
    display: dict[int, str] = {}
    for alias in aliases:
        if alias.action == "merge":
            left = _refs(alias.subject, clusters, ids)
            right = _refs(alias.other or "", clusters, ids)
            if not left or not right:
                missing = alias.subject if not left else alias.other
                warnings.append(f"{alias.where}: nothing to merge for {missing!r}")
                continue
            for i in left:
                clusters.union(i, right[0], f"merged by {alias.where}")
            for i in right[1:]:
                clusters.union(i, left[0], f"merged by {alias.where}")
    for alias in aliases:
        if alias.action == "display":
            hit = _refs(alias.subject, clusters, ids)
            if hit:
                display[clusters.find(hit[0])] = alias.other or alias.subject
            else:
                warnings.append(f"{alias.where}: no person {alias.subject!r}")
    return clusters, notes, display
