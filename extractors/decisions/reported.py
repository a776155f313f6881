"""Reported decisions and action points in running prose (CCM-style minutes).

Decisions come from DependencyMatcher patterns (``resources/decision_patterns.jsonl``): a
decision verb in the passive ("the Agenda was adopted", "It was agreed that ..."), a deciding
body as subject ("The Committee approved ..."), an office agreeing with a proposal, or "the
decision was taken". Action points are clauses stating a future step (will/would + a dynamic
verb, "intended to ...", "asked X to ..."), minus wishes, questions, conditions and views.
Also read here: steps to come in the present tense ("is to be published", "the next meeting
is scheduled for", "an outstanding action to send", "there was a point to be checked"), "It
was so agreed." (standing for the proposal before it, OCR-damaged verb tolerated), and parse
repairs (a subject, head or modifier the parse found outside the sentence does not count).
Word lists live in ``resources/decision_cues.tsv``. The text of a record is its sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.matcher import DependencyMatcher
from spacy.tokens import Token

from extractors.context import Context
from extractors.decisions.candidates import Candidate
from extractors.decisions.cues import damaged_form, forms, lemma, patterns, words
from extractors.decisions.deadlines import due_date
from extractors.intervals import IntervalIndex
from extractors.interventions import turns_for
from extractors.interventions.reported import speaker_finder
from extractors.interventions.segments import Segment, is_annex, segments
from extractors.lexicon import cue

if TYPE_CHECKING:
    from extractors.decisions.tools import Tools

_PAST_PERFECT = {"had", "'d"}
# "It was so agreed.": a bare agreement standing for the proposal before it
_SO_DECIDED = re.compile(r"^(?:It|This)\s+(?:was|is)\s+so\s+(?P<word>[a-z]\S*?[a-z])\s*[.;]?\s*$")
_WISH_WINDOW = 8
_words = words
_lemma = lemma


@dataclass
class _Found:
    kind: str
    verb: Token
    actor: str | None
    due: dt.date | None = None


class ReportedFinder:
    """Applies the decision patterns and the action rules to one document."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.speakers = speaker_finder(ctx)
        self.matcher = DependencyMatcher(ctx.sdoc.vocab)
        for label, pattern in patterns():
            self.matcher.add(label, [pattern])
        self.decision_hits: dict[int, str] = {}
        for match_id, tokens in self.matcher(ctx.sdoc):
            label = ctx.sdoc.vocab.strings[match_id]
            self.decision_hits.setdefault(tokens[0], label)
        for tok in ctx.sdoc[1:]:
            if tok.i not in self.decision_hits and _unparsed_body_decision(tok) \
                    and not any(c.dep_ in {"nsubj", "nsubjpass"} and "\n" not in
                                ctx.doc.text[min(c.idx, tok.idx):max(c.idx, tok.idx)]
                                for c in tok.children):
                self.decision_hits[tok.i] = "body_decision"  # a subject across a line break
                # is a heading the parse joined to the sentence
        self.turns = turns_for(ctx)
        self.turns_near = IntervalIndex(lambda t: (t.start, t.end), self.turns)
        self.reference = ctx.meeting.meeting_date if ctx.meeting else None
        self._lo, self._hi = 0, len(ctx.sdoc)

    # -- helpers ----------------------------------------------------------------------------
    def turn_code(self, offset: int) -> str | None:
        """Code of the speaker whose turn covers ``offset``."""
        for t in self.turns_near.near(offset):
            if t.start <= offset < max(t.end, t.start + 1):
                return t.speaker.code
        return None

    def subject_code(self, verb: Token, offset: int) -> str | None:
        """Actor: the named subject of the clause, else the speaker of the turn."""
        v: Token | None = verb
        while v is not None:
            for c in v.children:
                if c.dep_ == "nsubj":
                    spk = self.speakers.speakers_of(c)
                    if len(spk) == 1:
                        return spk[0].code
                    if spk:
                        return None
                    return self.turn_code(offset)
            v = v.head if v.dep_ in {"conj", "xcomp"} and v.head.i != v.i else None
        return self.turn_code(offset)

    @staticmethod
    def _aux(verb: Token) -> set[str]:
        return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}

    def _blocked(self, verb: Token, stop: Token | None = None) -> bool:
        """A wish, question, condition, hedge or negation governs the clause."""
        blockers = _words("blocker")
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in {"possibly", "perhaps", "maybe", "probably"}
               for c in verb.children):
            return True
        inquiry = _lemma(verb, "inquiry_verb") is not None  # "investigate if": whether
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                         for m in c.children)
               and not (inquiry and c.i > verb.i) for c in verb.children):
            return True
        own_that = verb.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that"
                                               for c in verb.children)
        scope = [verb] if own_that else [verb, *self._up(verb)]  # "... and that X would"
        if any(a.dep_ == "relcl" and self._lo <= a.head.i < self._hi and _true_relative(a)
               for a in scope):
            return True
        if any(c.tag_ in {"WRB", "WP"} and c.dep_ in {"advmod", "dobj", "nsubj", "attr"}
               and c.i < verb.i for c in verb.subtree if c.head.i == verb.i):
            return True
        for tok in [verb, *self._up(verb)]:
            if tok.i != verb.i and tok.lower_ in blockers:
                return True
            if any(c.dep_ == "mark" and c.lower_ in blockers for c in tok.children):
                return True
            if stop is not None and tok.i == stop.i:
                break
        return False

    def _up(self, tok: Token) -> list[Token]:
        """Ancestors of ``tok`` inside the current segment (the parse may join a heading)."""
        return [a for a in tok.ancestors if self._lo <= a.i < self._hi]

    def _background(self, verb: Token) -> bool:
        """Recalled or earlier decisions: past perfect, modifiers, content of "recalled"."""
        if self._aux(verb) & _PAST_PERFECT:
            return True
        head = verb.head if verb.dep_ == "conj" else None
        if head is not None and self._aux(head) & _PAST_PERFECT:
            return True
        if verb.dep_ in {"acl", "relcl", "amod", "pcomp"} and self._lo <= verb.head.i < self._hi:
            return True  # a modifier; one of a word outside the sentence is a parse error
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return True
        bg = forms("background")
        return any(a.lower_ in bg for a in self._up(verb))

    # -- decisions --------------------------------------------------------------------------
    def decision(self, verb: Token, label: str, seg: Segment) -> _Found | None:
        """A decision, or an action where an agreed text assigns a task."""
        if self._background(verb) or self._blocked(verb):
            return None
        if any(c.lower_ in _words("future_aux") | {"should", "could", "might", "may", "must",
                                                   "can"} for c in verb.children
               if c.dep_ == "aux"):
            return None
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        if any(c.dep_ == "advmod" and c.lower_ in _words("state_adverb")
               for c in verb.children):
            return None  # "HTML5 is already widely adopted": a state of the world
        if label == "agree_with":
            subj = next(c for c in verb.children if c.dep_ == "nsubj")
            spk = self.speakers.speakers_of(subj)
            if not spk or not spk[0].role:
                return None
            return _Found("decision", verb, spk[0].code)
        if label == "body_decision" and any(c.dep_ == "xcomp" for c in verb.children):
            return None  # "agreed to participate" is a commitment (see actions)
        if label == "body_decision":
            task = self._agreed_task(verb, seg)
            if task is not None:
                return task
        if label == "passive_decision":
            subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if subj and self.speakers.speakers_of(subj[0]) and not any(
                    t.lower_ in _words("this_meeting_vote") for t in verb.subtree):
                return None  # "X was elected / appointed" is reported, not this meeting's
            task = self._agreed_task(verb, seg)
            if task is not None:
                return task
        return _Found("decision", verb, None)

    def _agreed_task(self, verb: Token, seg: Segment) -> _Found | None:
        """An agreed task is an action point: "It was agreed that the Director would publish
        ...", "It was agreed to write to ...", "agreed that members should ask around"; an
        agreed meeting ("would take place", "should be held") stays a decision."""
        clauses = [(c, c.dep_) for c in verb.children]
        if any(c.dep_ == "nsubj" for c in verb.children):  # "The Board agreed X and Y should"
            clauses += [(k, "ccomp") for c in verb.children if c.dep_ == "ccomp"
                        for k in c.children if k.dep_ == "conj" and k.pos_ in {"VERB", "AUX"}]
        for c, c_dep in clauses:
            if c_dep == "xcomp" and c.tag_ == "VB" and _lemma(c, "task_verb") \
                    and not any(k.dep_ == "neg" for k in c.children):
                return _Found("action", c, None)
            if c_dep != "ccomp":
                continue
            aux = self._aux(c)
            modal = aux & (_words("future_aux") | {"should", "must"})
            subj_nouns = [s for s in c.children if s.dep_ == "nsubj" and s.tag_ in {"NN", "NNP"}]
            subjunctive = not aux and (c.tag_ == "VB" or (c.tag_ == "VBP" and bool(subj_nouns)))
            if not (modal or subjunctive) or self._event(c):
                continue
            if "should" in modal and not _lemma(c, "task_verb"):
                continue
            subj = [s for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
            spk = self.speakers.speakers_of(subj[0]) if subj else []
            return _Found("action", c, spk[0].code if len(spk) == 1 else None)
        return None

    @staticmethod
    def _event(verb: Token) -> bool:
        """A meeting event: "take place", "be held", "meet", or a plain "be"."""
        lem = _lemma(verb, "event_verb")
        if lem == "take":
            return any(c.lower_ == "place" for c in verb.children)
        if lem == "be":
            return not any(c.dep_ == "auxpass" for c in verb.children)
        return lem is not None

    # -- actions ----------------------------------------------------------------------------
    def action(self, tok: Token, seg: Segment) -> _Found | None:
        """An action point headed by ``tok``, or None."""
        aux = self._aux(tok)
        if tok.dep_ in {"acl", "advcl"} and _lemma(tok, "request_verb") \
                and due_date(self.ctx.doc.text[seg.start:seg.end], self.reference) is not None:
            return self._request(tok, seg)  # "a letter ... requesting contributions by 13 April"
        pending = self._pending(tok)
        if pending is not None:
            return None if self._blocked(pending) else _Found("action", tok, None)
        if self._hi > tok.head.i >= self._lo and (tok.dep_ in {"acl", "amod", "advcl", "csubj"} or (
                tok.dep_ == "relcl" and _true_relative(tok))):
            return None  # a dependent clause (a head outside the sentence is a parse that
            # ran across a sentence or heading boundary: the clause is the sentence's own)
        if aux & _words("future_aux"):
            return self._future(tok, seg)
        planned = self._planned(tok)
        if planned is not None:
            return None if self._blocked(tok) else _Found("action", planned, None)
        if tok.lower_ == "going":
            x = [c for c in tok.children if c.dep_ == "xcomp"]
            if x and not self._blocked(tok):
                return _Found("action", x[0], self.subject_code(tok, seg.start))
            return None
        if "being" in aux and aux & {"is", "are"} and not self._stative(tok):
            return None if self._blocked(tok) else _Found(
                "action", tok, self.turn_code(seg.start))
        if aux & _PAST_PERFECT:
            return None
        if _lemma(tok, "obligation") or "must" in aux:
            return self._obligation(tok, seg)
        if _lemma(tok, "commit_verb") and "auxpass" not in {c.dep_ for c in tok.children}:
            x = [c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VB"]
            decides = _lemma(tok, "decision_verb") == "decide" or (
                _lemma(tok, "decision_verb") and not _lemma(x[0], "task_verb")) if x else False
            adopts = bool(x) and _lemma(tok, "decision_verb") is not None \
                and _lemma(x[0], "decision_verb") is not None  # "agreed to adopt the text"
            if (adopts or (decides and self._deciding_subject(tok))) and not self._blocked(tok):
                return _Found("decision", tok, self.subject_code(tok, seg.start))
            if x and not self._blocked(tok) and self._own_commitment(tok, seg):
                return _Found("action", x[0], self.subject_code(tok, seg.start))
        if _lemma(tok, "request_verb") and not any(c.dep_ == "auxpass" for c in tok.children):
            return self._request(tok, seg)
        if _lemma(tok, "request_verb") and tok.dep_ == "ROOT" and not self._blocked(tok):
            return _Found("action", tok, None)  # "Additional advice was requested on ..."
        if tok.lower_ in _words("intention_noun") and not self._closed_action(tok):
            x = [c for c in tok.children if c.dep_ in {"acl", "xcomp"} and c.tag_ == "VB"]
            if not x and tok.i + 2 < self._hi and tok.nbor(1).lower_ == "to" \
                    and tok.nbor(2).tag_ == "VB":
                x = [tok.nbor(2)]  # "note this action to update ...": the parse hung it higher
            if x:
                return _Found("action", x[0], self.subject_code(tok.head, seg.start))
        return None

    @staticmethod
    def _closed_action(noun: Token) -> bool:
        """"The action to move funds was closed", "took action to ...": an action already
        dealt with or taken, not one still open."""
        return noun.lower_ == "action" and (noun.dep_ in {"nsubj", "nsubjpass"}
                                            or noun.head.lemma_ == "take")

    @staticmethod
    def _pending(verb: Token) -> Token | None:
        """"there was one more figure to be verified": a thing the meeting still has to do;
        the existential verb is returned ("there is no partner to be named" is none)."""
        noun, there = verb.head, verb.head.head
        if verb.tag_ != "VBN" or verb.dep_ not in {"relcl", "acl"} \
                or not {"to", "be"} <= {c.lower_ for c in verb.children
                                        if c.dep_ in {"aux", "auxpass"}} \
                or verb.lower_ in _words("deferral_verb") or noun.dep_ != "attr":
            return None
        if any(c.lower_ in {"no", "nothing"} or c.dep_ == "neg" for c in noun.children) \
                or noun.lower_ in {"nothing", "none"}:
            return None
        return there if any(c.dep_ == "expl" for c in there.children) else None

    def _planned(self, verb: Token) -> Token | None:
        """A step still to come in the present tense: "a new supplement is to be published"
        (be + to-passive), "the next meeting is scheduled for ..." (an event being planned)."""
        if _lemma(verb, "stative") == "be" and verb.tag_ in {"VBZ", "VBP"}:
            for x in verb.children:
                if x.dep_ == "xcomp" and x.tag_ == "VBN" and {"to", "be"} <= self._aux(x) \
                        and x.lower_ not in _words("deferral_verb"):
                    return x
            return None
        if _lemma(verb, "schedule_verb") and verb.tag_ == "VBN" \
                and self._aux(verb) & {"is", "are"} \
                and any(c.dep_ == "nsubjpass" and c.lower_ in _words("event_noun")
                        for c in verb.children):
            return verb
        return None

    def _obligation(self, verb: Token, seg: Segment) -> _Found | None:
        """"had to provide its forecast before March": a duty counts only with a deadline."""
        target = verb
        if "must" not in self._aux(verb):
            xs = [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"]
            if not xs or "auxpass" in {c.dep_ for c in xs[0].children}:
                return None
            target = xs[0]
        if self._blocked(verb):
            return None
        text = self.ctx.doc.text[seg.start:seg.end]
        if due_date(text, self.reference) is None:
            return None
        return _Found("action", target, self.subject_code(verb, seg.start))

    def _own_subject(self, verb: Token) -> bool:
        """A task with its own named subject ("Romain will investigate"), not the content of
        the decision beside it."""
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        return bool(subj) and subj[0].pos_ == "PROPN"

    @staticmethod
    def _purpose_subject(verb: Token) -> bool:
        """"The purpose of the meeting would be to ...": a statement of purpose."""
        return any(c.dep_ == "nsubj" and c.lower_ in _words("purpose_noun")
                   for c in verb.children)

    def _wish_before(self, verb: Token) -> bool:
        """A wish word shortly before the clause ("he hoped X would come forward"), where the
        parse did not hang the clause under it."""
        for tok in verb.doc[max(self._lo, verb.i - _WISH_WINDOW):verb.i]:
            if tok.is_sent_start and tok.i > verb.i - _WISH_WINDOW:
                continue
            if tok.lower_ in _words("wish_word"):
                return True
        return False

    @staticmethod
    def _inquiry(verb: Token) -> bool:
        """"would see if it could be shared": finding out is a task."""
        return _lemma(verb, "inquiry_verb") is not None and any(
            c.dep_ in {"ccomp", "advcl"} and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ in {"if", "whether"} for m in c.children)
            for c in verb.children)

    def _actor_subject(self, verb: Token) -> bool:
        """The subject is an office or group noun ("Clerk", "the Secretariat")."""
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        return bool(subj) and subj[0].lower_ in _words("task_actor")

    @staticmethod
    def _thing_subject(verb: Token) -> bool:
        """The active clause's subject is "this" or "that" (climbing conjuncts)."""
        v: Token | None = verb
        while v is not None:
            subj = [c for c in v.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
            if subj:
                return subj[0].dep_ != "nsubjpass" and subj[0].lower_ in {"this", "that"} \
                    and not any(c.dep_ == "auxpass" for c in verb.children)
            v = v.head if v.dep_ == "conj" and v.head.i != v.i else None
        return False

    def _deciding_subject(self, verb: Token) -> bool:
        """The subject is a deciding body or an office ("The Board", "The Chair"), or a
        lettered paragraph of a record of decisions has none ("(b) decided to ..."); a subject
        the parse found outside the sentence (in a heading) is none."""
        subj = [c for c in verb.children if c.dep_ == "nsubj" and self._lo <= c.i < self._hi]
        if not subj:
            bare = verb.tag_ == "VBD" or (verb.dep_ == "ROOT" and not self._aux(verb)) \
                or self._opens_item(verb)
            return _lemma(verb, "decision_verb") == "decide" and bare
        if subj[0].lower_ in _words("body"):
            return True
        spk = self.speakers.speakers_of(subj[0])
        return len(spk) == 1 and spk[0].role is not None

    def _opens_item(self, verb: Token) -> bool:
        """The verb is the first word of its sentence after an enumerator ("(a) decided, ...
        to ..."), however the parse tagged it."""
        before = verb.doc[self._lo:verb.i]
        return all(t.is_punct or t.tag_ == "LS" or (len(t.text) <= 4 and t.text.isalnum()
                                                    and t.i - self._lo <= 2
                                                    and t.nbor(1).text in {")", "."})
                   for t in before)

    def _own_commitment(self, verb: Token, seg: Segment) -> bool:
        """A commitment counts when the speaker (or an unnamed 'they') makes it."""
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj:
            return True
        spk = self.speakers.speakers_of(subj[0])
        if not spk:
            return True
        turn = self.turn_code(seg.start)
        return turn is None or any(s.code == turn for s in spk)

    def _stative(self, verb: Token) -> bool:
        return _lemma(verb, "stative") is not None

    def _future(self, verb: Token, seg: Segment) -> _Found | None:
        target = verb
        if self._thing_subject(verb) or self._purpose_subject(verb):
            return None  # "this will work", "the purpose would be to ...": no one is tasked
        if _lemma(verb, "ongoing") and any(
                c.dep_ == "xcomp" and any(k.dep_ == "auxpass" for k in c.children)
                for c in verb.children):
            return None  # "will continue to be monitored": ongoing, not a new task
        if _lemma(verb, "stative") == "be" and not any(c.dep_ == "auxpass"
                                                        for c in verb.children):
            acomp = [c for c in verb.children if c.dep_ in {"acomp", "attr", "oprd"}]
            xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"]
            if acomp and acomp[0].lower_ in _words("task_adjective"):
                target = verb
            elif acomp and acomp[0].lower_ in _words("commit_adjective"):
                xs = [c for c in acomp[0].children if c.dep_ == "xcomp"] + xcomp
                if not xs or self._stative(xs[0]):
                    return None
                target = xs[0]
            elif xcomp and not acomp:
                target = xcomp[0]
            else:
                return None
        elif _lemma(verb, "stative") == "like" or verb.lower_ == "wish":
            xs = [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"]
            if not xs or self.speakers.is_reporting(xs[0]) or (
                    self._stative(xs[0]) and not _lemma(xs[0], "effect_verb")):
                return None  # "would like to facilitate" is meant; "would like to be" is not
            target = xs[0]
        elif self._stative(verb) and not (_lemma(verb, "task_verb")
                                          and self._actor_subject(verb)) \
                and not self._inquiry(verb):
            return None  # a view ("would provide credibility"), unless an actor is tasked
        elif _lemma(verb, "causative") and any(c.dep_ in {"ccomp", "oprd", "xcomp"}
                                               for c in verb.children):
            return None  # "would make the office led by its members": a view
        if self._blocked(verb) or self._wish_before(verb):
            return None
        return _Found("action", target, self.subject_code(verb, seg.start))

    def _request(self, verb: Token, seg: Segment) -> _Found | None:
        if self._blocked(verb):
            return None
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        comps = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
        if any(m.dep_ == "mark" and m.lower_ in {"if", "whether"}
               for c in comps for m in c.children):
            return None
        chain = list(comps)
        for c in comps:  # "asked X to be prepared to present": xcomp / acomp links only
            if c.dep_ == "xcomp":
                chain += [k for k in c.subtree if k.dep_ == "xcomp" and k.tag_ == "VB"
                          and k.head.dep_ in {"xcomp", "acomp"} and k.i - c.i < 5]
        if any(self.speakers.is_reporting(c) for c in chain):
            return None  # "asked X to give an update / be prepared to present": to speak
        if any(c.tag_ in {"WRB", "WP", "WDT"} and c.i < comp.i
               for comp in comps for c in comp.subtree):
            return None  # "asked where ...", "asked which region ...": a question
        if not objs and not comps:
            return None
        if not comps and any(self.speakers.speakers_of(o) or o.lower_ in cue("person")
                             for o in objs):
            return None
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and not self.speakers.speakers_of(subj[0]) and subj[0].pos_ != "PROPN" \
                and subj[0].lower_ not in cue("continuation"):
            return None  # "some states requested": no named requester
        actor = None
        for o in objs:
            spk = self.speakers.speakers_of(o)
            if spk:
                actor = spk[0].code
        target = comps[0] if comps else verb
        return _Found("action", target, actor)

    # -- walk -------------------------------------------------------------------------------
    def skipped(self, seg: Segment) -> bool:
        """Headings, attendance lines and agenda headings hold no decisions."""
        if seg.block.kind == "heading":
            return True
        if any(a.char_start <= seg.start < a.char_end for a in self.ctx.attendees
               if a.char_end > a.char_start) and not self._decided(seg) \
                and not self._reported(seg):
            return True  # an attendance line; a sentence naming a person who was elected or
            # who reported something is not
        # a sentence inside an agenda heading (one glued to its heading still counts)
        return any(a.char_start <= seg.start and seg.end <= a.char_end + 1
                   for a in self.ctx.agenda_near(seg.start))

    def _reported(self, seg: Segment) -> bool:
        """The sentence reports what a person said ("Ms. X (Rapporteur) reported that ...")."""
        return any(t.dep_ == "ROOT" and t.tag_ == "VBD" and self.speakers.is_reporting(t)
                   and any(c.dep_ == "ccomp" for c in t.children) for t in seg.span)

    def _decided(self, seg: Segment) -> bool:
        """The sentence has a verb of deciding in a decision pattern ("was elected")."""
        return any(tok.i in self.decision_hits and tok.pos_ == "VERB" for tok in seg.span)

    def run(self) -> list[Candidate]:
        """Candidates of every sentence of the body, up to an annex."""
        out: list[Candidate] = []
        for seg in segments(self.ctx):
            if seg.block_start and is_annex(self.ctx, seg.block):
                break
            if not self.skipped(seg):
                out.extend(self.candidates(seg))
        return out

    def candidates(self, seg: Segment) -> list[Candidate]:
        """The decisions and action points one sentence states."""
        found: list[_Found] = []
        self._lo, self._hi = seg.span.start, seg.span.end
        for tok in seg.span:
            label = self.decision_hits.get(tok.i)
            hit = self.decision(tok, label, seg) if label else None
            if hit is None and tok.pos_ in {"VERB", "AUX", "NOUN"}:
                hit = self.action(tok, seg)
            if hit is not None:
                found.append(hit)
        if not found and self._so_decided(seg):
            found.append(_Found("decision", seg.span[0], None))
        return self._records(seg, found)

    def _so_decided(self, seg: Segment) -> bool:
        """"It was so agreed.", also where OCR damaged the verb of deciding with one odd
        character ("It was so a~eed."): the parse reads neither as a passive."""
        m = _SO_DECIDED.match(self.ctx.doc.text[seg.start:seg.end])
        if m is None:
            return False
        word = m.group("word").lower()
        return word in forms("decision_verb") or damaged_form(word, "decision_verb") is not None

    def _records(self, seg: Segment, found: list[_Found]) -> list[Candidate]:
        """One record per kind and actor in a sentence (conjoined steps are one point)."""
        recs: list[Candidate] = []
        seen: set[tuple[str, str | None]] = set()
        text = self.ctx.doc.text[seg.start:seg.end]
        decided = {f.actor for f in found if f.kind == "decision" and f.actor}
        delivery = any(forms("delivery").get(t.lower_) is not None for t in seg.span)
        for f in found:
            key = (f.kind, f.actor)
            if key in seen or (f.kind == "action" and ("decision", None) in seen
                               and f.actor is None and not self._own_subject(f.verb)):
                continue
            if f.kind == "action" and f.actor in decided:
                continue  # "agreed with the request and said he would ...": the decision
            seen.add(key)
            due = due_date(text, self.reference, delivery) if f.kind == "action" else None
            recs.append(Candidate(f.kind, seg.start, seg.end, f.actor, due, family="reported"))
        return recs


def _unparsed_body_decision(verb: Token) -> bool:
    """"..., the Permanent Council adopted the order": a verb of deciding in the past tense
    right after a deciding body (the caller checks that the parse gave the verb no subject of
    its own sentence)."""
    return verb.tag_ == "VBD" and _lemma(verb, "decision_verb") is not None \
        and verb.doc[verb.i - 1].lower_ in _words("body")


def _true_relative(clause: Token) -> bool:
    """A relative clause, not a "that"-complement the parser hung on a noun ("informed the
    meeting that it would meet ...")."""
    kids = list(clause.children)
    has_that = any(c.lower_ == "that" for c in kids)
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WDT", "WP"}
                      for c in kids)
    return not (has_that and own_subject)


def reported_candidates(tools: Tools) -> list[Candidate]:
    """Decisions and action points reported in the sentences of the body; "It was so
    agreed." stands for the proposal before it, so its record starts at that sentence."""
    finder = tools.finder
    out: list[Candidate] = []
    prev: Segment | None = None
    for seg in tools.segs:
        if not finder.skipped(seg):
            found = finder.candidates(seg)
            if found and prev is not None and prev.block is seg.block \
                    and _SO_DECIDED.match(tools.ctx.doc.text[seg.start:seg.end]):
                out = [c for c in out if c.start < prev.start]  # the proposal is now agreed
                for cand in found:
                    cand.start = prev.start
            out.extend(found)
        prev = seg
    return out
