"""Attendance given as a count, with the absentees named in prose.

"Delegates attended from 15 of the 17 member governments, Ruritania and Freedonia being
absent." / "All members were present except Ruritania." / "Ruritania was not represented."
The present members cannot be listed from a count; the named absentees (delegations, or
persons: "15 of the 17 members attended, Mr. A and Ms. B being absent") are records with
status ``absent``.
"""

from __future__ import annotations

import re

from extractors.attendees.lines import cue_re, delegation_matches
from extractors.attendees.person_items import line_items
from extractors.attendees.person_records import item_records
from extractors.context import Context
from models.records import Attendee

# a sentence ends after a word of two or more lower-case letters (not after "Mr." or "K.")
_SENT_SPLIT = re.compile(r"(?<=[a-z0-9)]{2}[.!?])(?<!Mrs\.)(?<!Prof\.)(?<!Cllr\.)\s+(?=[A-Z])")
# a clause ends at ",;:" or a full stop that closes a word (not "Mr." or "K.")
_CLAUSE_END = re.compile(r"[,;:]|(?<=[a-z0-9)]{2})(?<!Mrs)(?<!Prof)(?<!Cllr)\.")


def absent_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of the clauses of ``sentence`` that name absentees."""
    out = []
    for cue, _ in cue_re("absent_after"):
        for m in cue.finditer(sentence):
            ends = [e.end() for e in _CLAUSE_END.finditer(sentence, 0, m.start())]
            out.append((ends[-1] if ends else 0, m.start()))
    for cue, _ in cue_re("absent_before"):
        for m in cue.finditer(sentence):
            nxt = _CLAUSE_END.search(sentence, m.end())
            out.append((m.end(), nxt.start() if nxt else len(sentence)))
    return out


def _persons(ctx: Context, start: int, clause: str) -> list:
    """Person items of an absentee clause ("Mr. A and Ms. B being absent"), offsets absolute."""
    lead = len(clause) - len(clause.lstrip())
    body = clause.strip().rstrip(".")
    if not re.search(r"[A-Z]", body):
        return []
    return line_items(ctx, start + lead, body) or []


def _counts_attendance(sentence: str) -> bool:
    attendance = any(c.search(sentence) for c, _ in cue_re("sentence"))
    counted = any(c.search(sentence) for c, _ in cue_re("count_cue"))
    return attendance or counted


def from_counts(ctx: Context) -> list[Attendee]:
    """Absent records for delegations named as absent in an attendance sentence."""
    text = ctx.doc.text
    out: list[Attendee] = []
    seen: set[str] = set()
    pos = 0
    for sent in _SENT_SPLIT.split(text[:6000]):
        start = text.find(sent, pos)
        pos = start + len(sent)
        spans = absent_spans(sent)
        if not spans or not _counts_attendance(sent):
            continue
        for a, b in spans:
            persons = _persons(ctx, start + a, sent[a:b])
            if persons:
                out.extend(item_records(ctx, persons, "absent"))
                continue
            for x, y, d in delegation_matches(sent[a:b], ctx.gaz):
                if d.code in seen:
                    continue
                seen.add(d.code)
                out.append(Attendee(doc_id=ctx.doc_id, delegation=d.name, delegation_code=d.code,
                                    delegation_kind=d.kind, person=None, honorific=None,
                                    role=None, status="absent",
                                    **ctx.provenance(start + a + x, start + a + y)))
    return out
