"""Delegations listed as bullets under a sentence that introduces speakers.

"The following delegations made statements:" / "The Coordinator provided an update:" followed
by bullets "• Ruritania", "• Freedonia, Coordinator of the Working Group", "• Director of the
Harbour Trust". Each bullet naming a delegation (at its start, or after an office and "of") is
a delegation taking part, with the role written beside it; other bullets (document titles)
are skipped.
"""

from __future__ import annotations

import re

from extractors.attendees.affiliations import is_office, unknown_org
from extractors.attendees.lines import clean_line, cue_re, delegation_matches
from extractors.attendees.persons import clean_role
from extractors.context import Context
from extractors.gazetteer import Delegation
from models.records import Attendee

_OFFICE_OF = re.compile(r"^(?P<role>[A-Z][\w\- ]{1,40}?)\s+of\s+(?:the\s+)?(?P<org>.+)$")


def _bullet(ctx: Context, text: str) -> tuple[Delegation, str | None] | None:
    """(delegation, role) a bullet names, or None."""
    text = clean_line(text).rstrip(".;")
    hits = delegation_matches(text, ctx.gaz)
    if hits and hits[0][0] == 0:
        rest = text[hits[0][1]:]
        if not rest.strip() or re.match(r"\s*[,–—-]", rest):
            return hits[0][2], clean_role(rest) if rest.strip() else None
        return None
    if re.fullmatch(r"[A-Z][A-Z&\-]{1,10}", text):
        return unknown_org(text, ctx=ctx), None
    m = _OFFICE_OF.match(text)
    if m and is_office(m.group("role")):
        org = ctx.resolve(m.group("org"))
        if org:
            return org, m.group("role")
    return None


def from_speaker_bullets(ctx: Context) -> list[Attendee]:
    """Delegations in bullet lists introduced by a speaker lead sentence."""
    blocks = ctx.doc.blocks
    leads = [p for p, _ in cue_re("speaker_lead")]
    out: list[Attendee] = []
    seen: set[str] = set()
    for i, block in enumerate(blocks[:-1]):
        lead = ctx.doc.block_text(block).strip()
        if block.kind == "list_item" or not any(p.search(lead) for p in leads):
            continue
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "list_item":
            found = _bullet(ctx, ctx.doc.block_text(blocks[j]))
            if found and found[0].code and found[0].code not in seen:
                d, role = found
                seen.add(d.code)
                out.append(Attendee(doc_id=ctx.doc_id, delegation=d.name, delegation_code=d.code,
                                    delegation_kind=d.kind, person=None, honorific=None,
                                    role=role, status="present",
                                    **ctx.provenance(blocks[j].start, blocks[j].end)))
            j += 1
    return out
