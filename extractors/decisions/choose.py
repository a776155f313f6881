"""Chooses among the shape families and writes the decision records.

Families are asked in order of how much structure they rely on: labelled lines ("RESOLVED",
"Decision 18.1:", "ACTION:"), motions (proposed / seconded / carried), collective agreement
lines ("All - agreed"), task lines ("Clerk to write"), then sentences of running prose. A
candidate of a later family is dropped where it overlaps one already kept, so one sentence
gives one record per shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from extractors.context import Context
from extractors.decisions.agreements import agreement_candidates
from extractors.decisions.candidates import Candidate
from extractors.decisions.cues import forms
from extractors.decisions.deadlines import due_date, next_meeting_date, relative_due
from extractors.decisions.labelled import labelled_candidates
from extractors.decisions.motions import motion_candidates, parse_votes
from extractors.decisions.reported import reported_candidates
from extractors.decisions.tasks import task_candidates
from extractors.decisions.tools import Tools
from extractors.intervals import IntervalIndex
from models.records import Decision

Family = Callable[[Tools], list[Candidate]]


def families() -> list[Family]:
    """The shape families, most structured first."""
    return [labelled_candidates, motion_candidates, agreement_candidates, task_candidates,
            reported_candidates]


def choose(groups: list[list[Candidate]]) -> list[Candidate]:
    """Keep each group's candidates that do not overlap a candidate of an earlier group."""
    kept: IntervalIndex[Candidate] = IntervalIndex(lambda c: (c.start, c.end))
    for group in groups:
        fresh = [c for c in group if not any(c.overlaps(k) for k in kept.near(c.start, c.end))]
        for c in fresh:
            kept.add(c)
    return sorted(kept.items(), key=lambda c: (c.start, c.end))


def wrapped_end(tools: Tools, end: int) -> int:
    """End of a sentence a hard line break cut ("... will participate in" / "the TCK work.")."""
    text = tools.ctx.doc.text
    if re.search(r"[.;:!?)\]]\s*$", text[max(0, end - 2):end]):
        return end
    nxt = re.match(r"[ \t]*\n[ \t]*(?=[a-z])", text[end:end + 20])
    if nxt is None:
        return end
    following = tools.segs_in(end + nxt.end(), end + nxt.end() + 1)
    return following[0].end if following else end


def to_record(ctx: Context, seq: int, cand: Candidate) -> Decision:
    """The output row of one candidate; a decision's vote counts are read off its text."""
    text = ctx.doc.text[cand.start:cand.end]
    votes = cand.votes or (parse_votes(text) if cand.kind == "decision" else None)
    return Decision(
        doc_id=ctx.doc_id, seq=seq, kind=cand.kind, actor_code=cand.actor,
        agenda_item=ctx.agenda_item_at(cand.start), text=text, due_date=cand.due,
        votes_for=votes.for_ if votes else None,
        votes_against=votes.against if votes else None,
        votes_abstain=votes.abstain if votes else None,
        **ctx.provenance(cand.start, cand.end))


def extract_decisions(ctx: Context) -> list[Decision]:
    """Return decisions and action points in document order."""
    tools = Tools.build(ctx)
    chosen = [c for c in choose([family(tools) for family in families()]) if c.kind != "skip"]
    for cand in chosen:
        cand.end = wrapped_end(tools, cand.end)
    reference = ctx.meeting.meeting_date if ctx.meeting else None
    next_meeting = next_meeting_date(ctx.doc.text[:tools.body_end], reference)
    for cand in chosen:
        if cand.kind == "action" and cand.due is None:
            text = ctx.doc.text[cand.start:cand.end]
            delivery = any(w.lower() in forms("delivery") for w in re.findall(r"[A-Za-z]+", text))
            cand.due = due_date(text, reference, delivery) or relative_due(text, next_meeting)
    return [to_record(ctx, seq, c) for seq, c in enumerate(chosen, 1)]
