"""What "the Secretariat" and "the ISU" stand for: the secretariat of the body these minutes
are about.

The gazetteer marks such words as generic labels (``resources/generic_labels.tsv``); this
module finds what each stands for and ``Context.set_generic`` maps it there, so every table
(attendees, speakers, actors) codes the word the same way:

- the secretariat the gazetteer knows for the body's name, an acronym in it, or the words
  before its kind ("Minutes of the XYZ Coordination Committee" -> the entry written "XYZ
  Secretariat" or "XYZ ISU"); where the title names no body, for the acronym the document
  writes most often;
- for labels of scope "body" ("Secretariat") only: the parent body a leading acronym names
  ("XYZ Standing Committee" -> XYZ), else the body itself ("Minutes of the Orchard Growers
  Council" -> OGC), kind ``secretariat``;
- else the gazetteer's home secretariat stands.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from extractors.attendees.affiliations import body_delegation, body_name, body_qualifier
from extractors.context import Context
from extractors.gazetteer import RESOURCES, Delegation, Gazetteer, gazetteer, normalize_key

_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,9}\b")
_FORMS = ("{} Secretariat", "{} ISU", "ISU-{}", "{} Implementation Support Unit")


def _known(gaz: Gazetteer, name: str) -> Delegation | None:
    """The secretariat the gazetteer knows for the body written ``name``, else None."""
    for form in _FORMS:
        code = gaz.lookup.get(normalize_key(form.format(name)))
        found = gaz.by_code.get(code) if code and code not in gaz.generic else None
        if found and found.kind != "state":
            return replace(found, kind="secretariat")
    return None


def generic_targets(ctx: Context) -> dict[str, Delegation | None]:
    """Generic label code -> what it stands for in this document: the body's known
    secretariat, else (labels of scope "body") the body's own one (module docstring)."""
    gaz = gazetteer()
    known = known_secretariat(ctx, gaz)
    own = known or body_secretariat(ctx)
    return {code: known if scope == "known" else own for code, scope in _scopes().items()}


@cache
def _scopes() -> dict[str, str]:
    with open(RESOURCES / "generic_labels.tsv", encoding="utf-8") as fh:
        rows = [ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and ln[0] != "#"]
    return {row[0]: row[3] for row in rows}


def known_secretariat(ctx: Context, gaz: Gazetteer) -> Delegation | None:
    """The secretariat the gazetteer knows for the body these minutes are about: for its
    name or an acronym in it, else for the acronym the document writes most often."""
    name = body_name(ctx)
    if name:
        qualifier = body_qualifier(name)
        acronyms = [w for w in name.split() if _ACRONYM.fullmatch(w)]
        for candidate in [*acronyms, name, *([qualifier] if qualifier else [])]:
            known = _known(gaz, candidate)
            if known:
                return known
        return None
    for acronym, _ in Counter(_ACRONYM.findall(ctx.doc.text)).most_common():
        known = _known(gaz, acronym)
        if known:
            return known
    return None


def body_secretariat(ctx: Context) -> Delegation | None:
    """The body's own staff where the gazetteer knows no secretariat for it: the parent body
    a leading acronym names, else the body itself; None where the title names no body."""
    name = body_name(ctx)
    if name:
        words = name.split()
        acronyms = [w for w in words if _ACRONYM.fullmatch(w)]
        if len(words) > 1 and acronyms and words[0] == acronyms[0] \
                and not any(_ACRONYM.fullmatch(w) for w in words[1:]):
            return Delegation(words[0], words[0], "secretariat")
        body = body_delegation(ctx)
        if body is not None:
            return Delegation(body.name, body.code, "secretariat")
    return None


def body_staff(ctx: Context) -> Delegation | None:
    """What the body's own staff (an "Executive Secretary", a "Clerk") belong to: its own
    secretariat, else the body itself as kind ``secretariat``; None where no body is told."""
    own = own_secretariat(ctx)
    if own is not None:
        return own
    body = body_delegation(ctx)
    return Delegation(body.name, body.code, "secretariat") if body else None


def own_secretariat(ctx: Context) -> Delegation | None:
    """The body's own secretariat (what a bare "Secretariat" stands for), or None where the
    minutes tell no body."""
    return next((d for code, d in generic_targets(ctx).items()
                 if _scopes().get(code) == "body" and d is not None), None)
