"""Proposers, seconders and supporters of a motion: one turn each, sharing the sentence.

Shapes: "X proposed acceptance, seconded by Y"; "X proposed; Y seconded"; "was proposed by X;
seconded by Y"; "On the motion of X, seconded by Y"; "X, supported by Y and Z, said".
Verb and noun lists are ``motion_verb`` and ``motion_noun`` in ``speaker_cues.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from extractors.interventions.offices import Speaker
from extractors.interventions.segments import Segment
from extractors.lexicon import cue, speech_verbs

_MOVE = {"move", "moved", "moves"}


def _agent_objects(tok: Token, hi: int) -> list[Token]:
    """Objects of the verb's "by" phrase; where the parse hung them on a word past the
    segment, the proper nouns written right after "by"."""
    out: list[Token] = []
    for by in (c for c in tok.children
               if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")):
        objs = [p for p in by.children if p.dep_ == "pobj"]
        i = by.i + 1
        while not objs and i < hi and tok.doc[i].tag_ == "NNP":
            out.append(tok.doc[i])
            i += 1
        out.extend(objs)
    return out


def _names_before(verb: Token, lo: int) -> list[Token]:
    """The proper nouns written right before a verb the parse gave no subject ("Doe proposed
    approval" read as a noun phrase)."""
    out: list[Token] = []
    i = verb.i - 1
    while i >= lo and verb.doc[i].tag_ == "NNP":
        out.append(verb.doc[i])
        i -= 1
    return out


SpeakersOf = Callable[[Token, int, int], list[Speaker]]


def motion_speakers(speakers_of: SpeakersOf, seg: Segment) -> list[Speaker]:
    """Everyone the segment reports as moving, seconding or supporting a motion
    (``speakers_of`` names the speakers of a noun phrase's head within tokens lo..hi)."""
    lo, hi = seg.span.start, seg.span.end
    found: list[Speaker] = []

    def add(head: Token) -> None:
        heads = [head]
        if not lo <= head.i < hi:
            # the parse hung the name on a word past the segment: read the part inside it
            heads = [t for t in head.subtree if lo <= t.i < hi and t.head.i == head.i]
        for spk in (s for h in heads for s in speakers_of(h, lo, hi)):
            if not any(spk.same(f) for f in found):
                found.append(spk)

    for tok in seg.span:
        low = tok.lower_
        if any(t.dep_ == "ccomp" and t.head.lower_ not in cue("motion_verb")
               and t.head.lower_ in speech_verbs() and lo <= t.head.i < hi
               for t in (tok, *tok.ancestors)):
            continue  # reported inside someone's statement ("recalled that X had proposed")
        if low in cue("motion_verb") and tok.pos_ in {"VERB", "AUX"}:
            if low in _MOVE and not any(c.dep_ in {"dobj", "agent", "ccomp"} for c in tok.children):
                continue  # "moved to the next item"
            for obj in _agent_objects(tok, hi):
                add(obj)
            subjects = [c for c in tok.children if c.dep_ == "nsubj" and lo <= c.i < hi]
            for subj in subjects or _names_before(tok, lo):
                add(subj)
        elif low in cue("motion_verb") and tok.dep_ == "ROOT" and tok.tag_ == "NNS":
            # "Doe seconds." parsed as a plural noun with the name as its compound
            for name in (c for c in tok.children if c.dep_ == "compound"):
                add(name)
        elif low in cue("motion_noun") and tok.pos_ == "NOUN":
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "by"}):
                for obj in (p for p in prep.children if p.dep_ == "pobj"):
                    add(obj)
    return found
