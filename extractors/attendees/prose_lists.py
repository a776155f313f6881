"""Prose lists: delegations named in a running sentence.

"The following States participated in the session: A, B, C and D." Each comma or "and"
separated chunk that starts with a known delegation is a record; roles written in the opening
text ("in collaboration with President-designate, X") are added where the list gives none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.attendees.lines import cue_re, delegation_matches
from extractors.context import Context
from extractors.gazetteer import Delegation
from models.records import Attendee

_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def from_sentences(ctx: Context) -> list[Attendee]:
    """Delegations named in a running sentence ("The following States participated: ...")."""
    text = ctx.doc.text
    limit = min((a.char_start for a in ctx.agenda), default=min(len(text), 4000))
    if limit < 200:
        limit = min(len(text), 4000)
    region = text[:limit]
    leads = cue_re("list_lead")
    out: list[Attendee] = []
    seen: set[tuple[str, str]] = set()
    pos = 0
    for sent in _SENT_SPLIT.split(region):
        s_start = region.find(sent, pos)
        pos = s_start + len(sent)
        for cue, status in cue_re("sentence"):
            if not cue.search(sent):
                continue
            body_off = sent.index(":") + 1 if ":" in sent else 0
            for raw in re.split(r"[,;]|\band\b", sent[body_off:]):
                chunk = raw.strip()
                changed = True
                while changed:
                    changed = False
                    for lead, _ in leads:
                        new = lead.sub("", chunk, count=1).strip()
                        if new != chunk:
                            chunk, changed = new, True
                chunk = " ".join(chunk.split())
                hits = delegation_matches(chunk, ctx.gaz)
                if not hits or hits[0][0] != 0:
                    continue
                d = hits[0][2]
                if (d.code, status) in seen:
                    continue
                seen.add((d.code, status))
                a = s_start + max(sent.find(raw.strip()[:20], body_off), 0)
                out.append(Attendee(doc_id=ctx.doc_id, delegation=d.name,
                                    delegation_code=d.code, delegation_kind=d.kind,
                                    person=None, honorific=None, role=None, status=status,
                                    **ctx.provenance(a, a + len(raw.strip()))))
            break
    return out


def _resolve_tail(ctx: Context, text: str) -> Delegation | None:
    """Resolve the longest trailing run of words of ``text`` that names a delegation."""
    words = text.split()
    for k in range(len(words)):
        d = ctx.resolve(" ".join(words[k:]))
        if d:
            return d
    return None


def sentence_roles(ctx: Context, attendees: list[Attendee]) -> list[Attendee]:
    """Roles given in the opening text ("in collaboration with President-designate, X")."""
    if not attendees or any(a.role for a in attendees):
        return attendees
    end = min((a.char_start for a in ctx.agenda), default=4000)
    text = " ".join(ctx.doc.text[:max(end, 200)].split())
    roles: dict[str, str] = {}
    for pattern, _ in cue_re("sentence_role"):
        for m in pattern.finditer(text):
            d = _resolve_tail(ctx, m.group("deleg")) or ctx.resolve(m.group("deleg"))
            if d and d.code not in roles:
                roles[d.code] = m.group("role").strip()
    return [replace(a, role=roles[a.delegation_code])
            if a.delegation_code in roles and not a.role else a for a in attendees]
