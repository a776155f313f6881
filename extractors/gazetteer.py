"""Delegations (States and organizations): canonical names, codes and aliases from data files."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import pycountry

RESOURCES = Path(__file__).parent / "resources"


@dataclass(frozen=True)
class Delegation:
    """A resolved delegation."""

    name: str  # canonical name
    code: str  # ISO alpha-3 or organization acronym
    kind: str  # state, organization, secretariat


def _rows(name: str) -> Iterator[list[str]]:
    with open(RESOURCES / name, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#"):
                yield [c.strip() for c in row]


def normalize_key(text: str) -> str:
    """Lookup key: accents and case folded, punctuation and a leading 'the' dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("&", " and ").casefold()
    text = re.sub(r"[^\w' ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass
class Gazetteer:
    """Every known delegation with every name it goes by."""

    by_code: dict[str, Delegation]
    names: dict[str, list[str]]  # code -> surface names (for patterns)
    # generic label code ("SECRETARIAT": "the Secretariat", "the ISU") -> home secretariat code
    generic: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Gazetteer:
        """Build from pycountry plus the TSV files in ``extractors/resources``."""
        canonical = {code: name for code, name in _rows("state_names.tsv")}
        by_code: dict[str, Delegation] = {}
        names: dict[str, list[str]] = {}
        for country in pycountry.countries:
            code = country.alpha_3
            name = canonical.get(code, country.name)
            by_code[code] = Delegation(name, code, "state")
            surface = [name, country.name]
            for attr in ("common_name", "official_name"):
                if getattr(country, attr, None):
                    surface.append(getattr(country, attr))
            names[code] = surface
        for alias, code in _rows("state_aliases.tsv"):
            names.setdefault(code, []).append(alias)
        for code, name, kind, aliases in _rows("organizations.tsv"):
            by_code[code] = Delegation(name, code, kind)
            names[code] = [name, *aliases.split("|")]
        generic: dict[str, str] = {}
        for code, words, home, _scope in _rows("generic_labels.tsv"):
            generic[code] = home
            names[code] = words.split("|")
            by_code[code] = by_code[home]  # until a document says whose staff they are
        for code in names:
            # keep order, drop duplicates and names that are a pycountry "X, Y of" inversion
            names[code] = [n for n in dict.fromkeys(names[code]) if ", " not in n]
        return cls(by_code, names, generic)

    def with_generic(self, targets: dict[str, Delegation]) -> Gazetteer:
        """A copy where each generic label stands for its delegation in ``targets``."""
        return replace(self, by_code={**self.by_code, **targets})

    @property
    def lookup(self) -> dict[str, str]:
        """Normalized name -> code."""
        return _lookup(self)

    def resolve(self, text: str) -> Delegation | None:
        """Resolve a delegation name as written ("the UK", "Laos") to its record."""
        code = self.lookup.get(normalize_key(text))
        return self.by_code.get(code) if code else None

    def patterns(self) -> Iterator[dict[str, str]]:
        """SpanRuler phrase patterns: every surface name (and its upper-case form)."""
        for code, surface in sorted(self.names.items()):
            kind = "secretariat" if code in self.generic else self.by_code[code].kind
            for name in surface:
                variants = {name, name.upper()} if len(name) > 3 else {name}
                for variant in sorted(variants):
                    yield {"label": kind, "pattern": variant, "id": code}


_LOOKUPS: dict[int, dict[str, str]] = {}


def _lookup(gaz: Gazetteer) -> dict[str, str]:
    key = id(gaz.names)  # copies made by ``with_generic`` share their names
    if key not in _LOOKUPS:
        table: dict[str, str] = {}
        for code, surface in gaz.names.items():
            for name in surface:
                table.setdefault(normalize_key(name), code)
        _LOOKUPS[key] = table
    return _LOOKUPS[key]


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer."""
    return Gazetteer.load()
