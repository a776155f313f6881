"""Task lines in the "X to do Y" shape: "Clerk to write.", "SH to send the budget to the
Board", "the Secretariat to circulate the draft by 15 March".

A clause that opens with an actor (an office or group noun, initials the attendance defines,
an attendee's name or a delegation) followed by "to" and a bare verb is an action of that
actor. "X to be <participle>" is an action without actor, or a decision where the participle
is a verb of deciding ("idea to be rejected"); placing a matter on an agenda ("to be
discussed at Item 8") is neither.
"""

from __future__ import annotations

import re

from extractors.decisions.candidates import Candidate
from extractors.decisions.cues import forms, words
from extractors.decisions.deadlines import due_date
from extractors.decisions.tools import Tools
from extractors.interventions.segments import Segment

_CLAUSE_START = r"(?:^|(?<=[:;–—.])\s+|(?<=,)\s+|(?<=\s[-–—])\s+)"
_TASK = re.compile(
    _CLAUSE_START
    + r"(?P<actor>(?:[Tt]he\s+)?[A-Z][\w'’.-]*(?:\s+(?:and|&)?\s*[A-Z][\w'’.-]*){0,3})"
    r"\s+to\s+(?P<be>be\s+)?(?P<verb>[a-z]+)\b")
# "idea to be rejected", "the owner to be asked to trim the hedge": a short subject, passive task
_PASSIVE = re.compile(_CLAUSE_START + r"(?P<np>(?:[A-Za-z][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*)"
                      r"\s+to\s+be\s+(?P<verb>[a-z]+)\b")
# "JT – Need to check with the legal team": a speaker's own next step
_OWN_NEED = re.compile(r"^(?:[o•·*▪]\s+)?(?P<who>[A-Z][A-Za-z]{0,3})\s*[-–—:]\s*"
                       r"(?:[Ww]e\s+|I\s+)?[Nn]eed\s+to\s+(?P<verb>[a-z]+)\b")
_LINKERS = {"and", "or", "but", "with", "of", "for", "in", "on", "by", "from", "as", "than"}
_REJECT = {"due", "subject", "according", "prior", "in", "as", "similar", "next", "back",
           "up", "thanks", "welcome", "with", "contrary", "further"}


def _is_actor(tools: Tools, seg: Segment, start: int, end: int, actor: str) -> bool:
    words_ = [w.strip(".,").lower() for w in actor.split()]
    if not words_ or words_[0] in _REJECT:
        return False
    span = tools.ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or span[-1].pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(w in words("task_actor") for w in words_):
        return True
    if any(w in tools.actors.defined_initials for w in actor.split()):
        return True
    if tools.actors.code_of_words(actor.split()) or tools.actors.resolve(start, end):
        return True
    return bool(tools.ctx.entities.labels(span) & {"PERSON", "ORG", "GPE"})


def _verb_ok(tools: Tools, offset: int) -> bool:
    span = tools.ctx.sdoc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and span[0].tag_ in {"VB", "VBP"}


def task_candidates(tools: Tools) -> list[Candidate]:
    """Actions written as "X to do Y"."""
    out: list[Candidate] = []
    reference = tools.ctx.meeting.meeting_date if tools.ctx.meeting else None
    deciding = forms("decision_verb")
    for seg in tools.segs:
        if tools.finder.skipped(seg):
            continue
        text = tools.ctx.doc.text[seg.start:seg.end]
        if text.rstrip().endswith("?"):
            continue  # a question
        own = _OWN_NEED.match(text)
        if own and own.group("verb") in forms("task_verb"):
            who = seg.start + own.start("who"), seg.start + own.end("who")
            out.append(Candidate("action", seg.start, seg.end, tools.actors.resolve(*who),
                                 family="tasks"))
            continue
        passive = _PASSIVE.search(text)
        if passive and passive.group("np").split()[0].lower() in _LINKERS:
            passive = None  # "and a text to be inserted": a noun's modifier, not a clause
        if passive and tools.ctx.sdoc.char_span(
                seg.start + passive.start("verb"), seg.start + passive.end("verb"),
                alignment_mode="expand")[0].tag_ == "VBN":
            verb = passive.group("verb")
            if verb not in words("deferral_verb"):
                kind = "decision" if verb in deciding or verb in words("decision_passive") \
                    else "action"
                out.append(Candidate(kind, seg.start, seg.end, family="tasks"))
                continue
        for m in _TASK.finditer(text):
            a0, a1 = seg.start + m.start("actor"), seg.start + m.end("actor")
            verb = m.group("verb")
            if m.group("be"):
                continue  # passive forms are read above
            if not _verb_ok(tools, seg.start + m.start("verb")):
                continue
            if not _is_actor(tools, seg, a0, a1, m.group("actor")):
                continue
            out.append(Candidate("action", seg.start, seg.end,
                                 tools.actors.resolve(a0, a1),
                                 due_date(text, reference), family="tasks"))
            break
    return out
