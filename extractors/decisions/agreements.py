"""Collective agreement lines of transcript-style minutes: "All - agreed", "ALL SC agreed",
"SC - Approved this Charter", "All agreed that this should wait".

A line whose speaker is the whole meeting (a collective word, or the acronym of a body the
document names, e.g. "SC" for a "Steering Committee") and whose verb is a verb of deciding is
a decision. A bare agreement ("All - agreed") stands for the proposal it answers: its record
runs back over the short answers before it ("X - Yes.", "Y - agreed.") to the proposal line.
"""

from __future__ import annotations

import re
from functools import cache

from extractors.decisions.candidates import Candidate
from extractors.decisions.cues import forms, words
from extractors.decisions.tools import Tools
from models.document import Block

_CAP_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){1,3}$")
_BULLET = re.compile(r"^\s*(?:[o•·*▪-]\s+)?")
_WORD = re.compile(r"[A-Za-z]+")
_SEP = re.compile(r"^\s*[-–—:]?\s*$")
_MAX_WHO = 3
_MIN_ITEM_WORDS = 3
# "Complaints policy: one factual change: agreed.", "Donation requested - not agreed"
_TRAILING = re.compile(r"\S\s*[:–—-]\s*(?:(?:not|unanimously)\s+)?(?P<verb>[A-Za-z]+)\s*\.?\s*$")
_SPEAKER_DASH = re.compile(r"^\s*[A-Z][A-Za-z]{0,3}\s*[-–—:]\s*")
_BARE_WORDS = 3
_SHORT_ANSWER = 4
_LOOK_BACK = 4


@cache
def _body_nouns() -> frozenset[str]:
    return frozenset(w for w in words("body") | words("collective") if w.isalpha())


def body_acronyms(text: str) -> frozenset[str]:
    """Acronyms of the bodies the document names: the initials of a body noun and the one to
    three capitalised words before it ("Steering Committee" -> "SC", also "ASC", ...)."""
    out = set()
    for m in _CAP_WORD.finditer(text):
        if m.group().lower() not in _body_nouns():
            continue
        before = _NAME_BEFORE.search(text[max(0, m.start() - 60):m.start()])
        if not before:
            continue
        names = re.findall(r"[A-Z][\w'’-]*", before.group())[-3:]
        for k in range(1, len(names) + 1):
            out.add("".join(w[0] for w in names[-k:]) + m.group()[0])
    return frozenset(out)


def _collective(who: str, acronyms: frozenset[str]) -> bool:
    tokens = who.split()
    if not tokens:
        return False
    return all(t.lower() in words("collective") or t.lower() in {"the"} or t in acronyms
               for t in tokens)


def _words_after_label(text: str) -> int:
    return len(_SPEAKER_DASH.sub("", text).split())


def agreement_candidates(tools: Tools) -> list[Candidate]:
    """Decisions of the whole meeting written as agreement lines."""
    acronyms = body_acronyms(tools.ctx.doc.text)
    deciding = forms("decision_verb")
    blocks = [b for b in tools.blocks() if b.kind != "heading"]
    out: list[Candidate] = []
    for i, block in enumerate(blocks):
        text = tools.block_text(block)
        if len(text) > 400:
            continue
        rest = _agreement_rest(_BULLET.sub("", text, count=1), acronyms, deciding)
        if rest is None:
            out.extend(_trailing(tools, block, deciding))
            continue
        bare = len(re.sub(r"[\W_]+", " ", rest).split()) < _BARE_WORDS
        segs = tools.segs_in(block.start, block.end)
        if bare:
            start, end = _proposal_start(tools, blocks, i), block.start + len(text.rstrip())
        else:
            start, end = block.start, segs[0].end if segs else block.end
        out.append(Candidate("decision", start, end, family="agreements"))
    return out


def _trailing(tools: Tools, block: Block, deciding: dict[str, str]) -> list[Candidate]:
    """A sentence that ends in a bare outcome after a separator (": agreed.")."""
    out = []
    for seg in tools.segs_in(block.start, block.end):
        text = tools.ctx.doc.text[seg.start:seg.end]
        m = _TRAILING.search(text)
        if m and len(text[:m.start() + 1].split()) < _MIN_ITEM_WORDS:
            continue  # "JT - agreed.": one member's answer
        if m and (m.group("verb").lower() in deciding
                  or m.group("verb").lower() in words("motion_failed") | {"carried"}):
            out.append(Candidate("decision", seg.start, seg.end, family="agreements"))
    return out


def _agreement_rest(text: str, acronyms: frozenset[str], deciding: dict[str, str]) -> str | None:
    """What follows the verb when ``text`` opens with a collective speaker and a verb of
    deciding ("All attendees agreed that ...", "ALL SC agreed", "SC – Approved ..."), else None.
    """
    words_ = list(_WORD.finditer(text))
    for k in range(1, min(_MAX_WHO, len(words_) - 1) + 1):
        who = " ".join(w.group() for w in words_[:k])
        verb = words_[k]
        gap = text[words_[k - 1].end():verb.start()]
        if not _SEP.match(gap):
            return None
        if verb.group().lower() in deciding and _collective(who, acronyms):
            return text[verb.end():]
    return None


def _proposal_start(tools: Tools, blocks: list[Block], i: int) -> int:
    """Start of the proposal a bare agreement answers: back over short answers, one more."""
    j = i - 1
    while j >= 0 and i - j <= _LOOK_BACK:
        prev = blocks[j]
        if prev.end < blocks[j + 1].start - 3 and tools.ctx.doc.text[
                prev.end:blocks[j + 1].start].count("\n") > 2:
            break  # a gap: the proposal is not above
        if _words_after_label(tools.block_text(prev)) > _SHORT_ANSWER:
            return prev.start
        j -= 1
    return blocks[i].start
