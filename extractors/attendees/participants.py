"""Persons the text shows taking part ("Ambassador X of <State> opened the meeting").

Such a person becomes an attendee of their delegation where the list names only the
delegation (FORMAT convention); a person already listed is not added twice.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from extractors.attendees.lines import delegation_matches
from extractors.attendees.persons import find_persons
from extractors.context import Context
from models.records import Attendee

_LINK = re.compile(r"\s*,?\s+(?:from|of)\s+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def _known(name: str, listed: list[str]) -> bool:
    key = _fold(name)
    words = set(key.split())
    return any(key == n or words <= set(n.split()) or set(n.split()) <= words for n in listed)


def add_participating_persons(ctx: Context, attendees: list[Attendee]) -> list[Attendee]:
    """Fill a person-less delegation record with a person shown acting for that delegation."""
    if not attendees:
        return attendees
    text = ctx.doc.text
    listed = [_fold(a.person) for a in attendees if a.person]
    out = list(attendees)
    for p in find_persons(text):
        link = _LINK.match(text, p.end)
        if not link or "\n\n" in text[p.start:link.end()]:
            continue
        after = text[link.end():link.end() + 80]
        hits = delegation_matches(after, ctx.gaz)
        if not hits or hits[0][0] > 4:
            continue
        code = hits[0][2].code
        if _known(p.name, listed):
            continue
        idx = [i for i, a in enumerate(out) if a.delegation_code == code
               and a.status == "present"]
        if len(idx) == 1 and out[idx[0]].person is None:
            out[idx[0]] = replace(out[idx[0]], person=p.name, honorific=p.honorific)
            listed.append(_fold(p.name))
    return out
