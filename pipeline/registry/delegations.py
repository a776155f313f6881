"""The ``delegations`` table: every code used in a code column of any table, with its name.

Names and kinds come from the gazetteer (``extractors/gazetteer.py``: pycountry plus
``extractors/resources/organizations.tsv``); ISO codes from pycountry; UN M49 region and
sub-region and the UN regional group of a State from ``resources/un_regions.tsv``. A code the
gazetteer does not know (an acronym a document defines for itself) takes the name and kind the
tables give it most often.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pycountry

from extractors.gazetteer import gazetteer
from models.records import DelegationEntry

UN_REGIONS = Path(__file__).parent / "resources" / "un_regions.tsv"

CODE_COLUMNS: dict[str, tuple[str, ...]] = {
    "meetings": ("presidency_code",),
    "attendees": ("delegation_code",),
    "interventions": ("speaker_code",),
    "decisions": ("actor_code",),
    "person_links": ("delegation_code",),
}
"""Every column holding a delegation code, by table (a test checks each joins to delegations)."""


@cache
def un_regions() -> dict[str, tuple[str, str, str | None]]:
    """ISO alpha-3 -> (UN region, sub-region, regional group or None)."""
    out: dict[str, tuple[str, str, str | None]] = {}
    with open(UN_REGIONS, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#"):
                out[row[0]] = (row[1], row[2], row[3] or None)
    return out


def delegation_entries(uses: Counter[str], seen_names: dict[str, Counter[str]],
                       seen_kinds: dict[str, Counter[str]]) -> list[DelegationEntry]:
    """One row per code in ``uses`` (code -> rows using it), sorted by code.

    ``seen_names``/``seen_kinds``: the names and kinds the tables give each code."""
    gaz = gazetteer()
    rows = []
    for code in sorted(uses):
        known = gaz.by_code.get(code)
        names = seen_names.get(code, Counter())
        kinds = seen_kinds.get(code, Counter())
        name = known.name if known else (_most(names) or code)
        kind = known.kind if known else _most(kinds)
        entry = DelegationEntry(code=code, name=name, kind=kind, rows=uses[code])
        country = pycountry.countries.get(alpha_3=code) if kind == "state" else None
        if country is not None:
            entry.iso_alpha2, entry.iso_alpha3 = country.alpha_2, country.alpha_3
            region = un_regions().get(code)
            if region:
                entry.un_region, entry.un_subregion, entry.un_group = region
        rows.append(entry)
    return rows


def _most(counter: Counter[str]) -> str | None:
    """The most frequent value (ties: alphabetical), or None."""
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counter else None


def count_codes(values: Iterable[str | None], uses: Counter[str]) -> None:
    """Add each non-null code of ``values`` to ``uses``."""
    uses.update(v for v in values if v)
