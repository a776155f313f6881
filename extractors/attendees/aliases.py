"""Aliases written beside a listed person ("Jane Roe (JR)"), for resolving speakers.

Minutes that report turns by initials ("JR - agreed") write each person's initials in brackets
beside the name in the attendance list. ``find_aliases`` maps every such alias to the attendee
record it stands for; ``extract_attendees`` stores the map in ``Context.attendee_aliases``.
"""

from __future__ import annotations

import re

from extractors.attendees.affiliations import capitals
from extractors.context import Context
from models.records import Attendee


def alias_fits(alias: str, name: str) -> bool:
    """True where the alias's capitals run through the name's capitals in order ("JR" for
    "Jane Roe", "RGr" for "Rosa Grey", "MDA" for "Marc Dell'Acqua")."""
    caps = capitals(name).upper()
    letters = [c for c in alias if c.isupper()]
    if not caps or not letters or letters[0] != caps[0] or len(alias) > 4:
        return False
    it = iter(caps)
    return all(c in it for c in letters)


def find_aliases(ctx: Context, attendees: list[Attendee]) -> dict[str, Attendee]:
    """Alias -> attendee for each "(AB)" written right after a listed person's name; an alias
    written for two different persons is left out (it does not tell them apart)."""
    text = ctx.doc.text
    found: dict[str, Attendee] = {}
    clashes: set[str] = set()
    for att in attendees:
        if not att.person:
            continue
        pattern = re.compile(re.escape(att.person) + r"\s*\(\s*([A-Z][A-Za-z]{0,3})\s*\)")
        for m in pattern.finditer(text):
            alias = m.group(1)
            if not alias_fits(alias, att.person):
                continue
            other = found.get(alias)
            if other is not None and other.person != att.person:
                clashes.add(alias)
            found.setdefault(alias, att)
    return {k: v for k, v in found.items() if k not in clashes}
