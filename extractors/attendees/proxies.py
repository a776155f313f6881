"""Proxy lines: a person attending for an organization, the organization written first.

"KMA - Jo Roe (JR) representing with authority from ...", "Harbour Trust (HT) – Mr. Jo Roe,
representing the Chair": a line (or bullet) that opens with an acronym or a name (with its
acronym in brackets), then a dash, then a person's capitalised name (an honorific before it,
initials in brackets after it), then "representing". The part before the dash is the person's
affiliation; the person is present. A bullet with initials and a dash but no "representing"
("- JR - Fees are paid annually.") is a speaker's remark, not a proxy line.
"""

from __future__ import annotations

import re

from extractors.attendees.affiliations import unknown_org
from extractors.attendees.persons import honorific_re
from extractors.context import Context
from models.records import Attendee

_NAME_WORD = r"[A-ZÀ-Þ][\w'’\-]+"
_PROXY = re.compile(
    rf"^[ \t]*(?:[-*•+][ \t]+)?(?P<org>[A-ZÀ-Þ][\w'’&.\- ]{{0,60}}?"
    rf"(?:[ \t]*[(\[][A-Z][A-Za-z&\-]{{1,10}}[)\]])?)[ \t]+[-–—][ \t]+"
    rf"(?P<hon>\S+[ \t]+)?(?P<person>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})"
    r"(?:[ \t]*\([A-Za-z]{1,5}\))?[ \t]*,?[ \t]+representing\b", re.M)


def from_proxy_lines(ctx: Context) -> list[Attendee]:
    """One present attendee per proxy line, coded by the organization before the dash."""
    out: list[Attendee] = []
    for m in _PROXY.finditer(ctx.doc.text):
        hon = (m.group("hon") or "").strip()
        if hon and not honorific_re().fullmatch(hon):
            continue
        org_text = m.group("org").strip()
        deleg = ctx.resolve(org_text) or unknown_org(org_text, ctx=ctx)
        if deleg.kind == "state" or not deleg.code:
            continue
        out.append(Attendee(doc_id=ctx.doc_id, delegation=deleg.name,
                            delegation_code=deleg.code, delegation_kind=deleg.kind,
                            person=m.group("person"), honorific=hon or None, role=None,
                            status="present", **ctx.provenance(m.start("org"), m.end())))
    return out
