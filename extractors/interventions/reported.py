"""Reported speech (the CCM style): who a sentence reports as saying, asking, presenting.

The speaker is the subject or agent of a reporting verb ("Kenya stated", "was presented by the
Chair", "Mr. DOE (Ruritania) said"), read off the dependency parse of ``ctx.sdoc`` (parsed
once); floor hand-overs, read-out statements and requests are read here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from extractors.context import Context
from extractors.interventions.motions import motion_speakers
from extractors.interventions.offices import Speaker, fixed_code, office_spans, office_speaker
from extractors.interventions.resolver import PersonIndex
from extractors.interventions.segments import Segment
from extractors.lexicon import cue, light_verbs, speech_verbs, verb_lemma

_LINK_DEPS = {"conj", "appos", "compound", "flat", "nmod", "amod", "poss", "npadvmod"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_LABEL_MARKS = {"-", "–", "—", ":"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


@dataclass
class Event:
    """A named speaker taking the floor at ``start`` (a character offset)."""

    start: int
    speakers: list[Speaker]
    on_behalf_of: str | None = None


@dataclass
class Analysis:
    """What one segment says about speakers."""

    events: list[Event] = field(default_factory=list)
    continuation: bool = False  # subject is a pronoun or role noun ("He added", "The Coordinator")
    yields_floor: bool = False  # "opened the floor", "gave the floor to X"
    handover: Speaker | None = None  # "asked X to provide a summary" -> X speaks next
    absent: tuple[list[Speaker], str] | None = None  # an absent delegation and its NP text
    reader: Speaker | None = None  # "read out the following statement"
    national: list[Speaker] = field(default_factory=list)  # "She spoke on behalf of X"
    unnamed_report: bool = False  # "welcomed the officers, who reported that ..."


class SpeakerFinder:
    """Finds delegation and office mentions and reads speakers off the parse."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.sdoc = ctx.sdoc
        self.by_token: dict[int, Speaker] = {}
        self.office_tokens: set[int] = set()
        spans = ctx.delegation_spans()
        mentioned = {span.id_ for span in spans  # "the Secretariat" names no organization
                     if span.text.lower() not in cue("generic_body")}
        for s, e, role in office_spans(self.sdoc, ctx.entities):
            spk = office_speaker(ctx, role)
            if fixed_code(role) and fixed_code(role) not in mentioned:
                continue  # an office of an organization the document never names
            for i in range(s, e):
                self.by_token[i] = spk
                self.office_tokens.add(i)
        for span in spans:
            dele = ctx.gaz.by_code.get(span.id_)
            if dele is None or span.id_ not in mentioned:
                continue  # "the Secretariat" of a document that never names its organization
            spk = Speaker(dele.name, dele.code, None)
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, spk)
        self.persons = PersonIndex(ctx, ctx.meeting.presidency_code if ctx.meeting else None)
        self._office_holders_from_text()

    def _office_holders_from_text(self) -> None:
        """An office written with one delegation beside it ("Jane Doe (Chair, Ruritania)",
        "the Chair, Ruritania,") tells who holds it where nothing else does."""
        codes: dict[str, set[str]] = {}
        for i in sorted(self.office_tokens):
            spk = self.by_token[i]
            if spk.code is not None or spk.role is None:
                continue
            tok = self.sdoc[i]
            if tok.tag_ in {"NNS", "NNPS"} or tok.lower_.endswith("s"):
                continue  # "the Co-Chairs, X and Y": several holders
            near = [tok.head, *tok.children]
            near += [c for c in tok.head.children if c.dep_ == "appos"]
            found = {x.code for t in near if t.i not in self.office_tokens
                     for x in [self.by_token.get(t.i) or self.person(t)] if x and x.code}
            if len(found) == 1:
                codes.setdefault(spk.role, set()).update(found)
        for i in self.office_tokens:
            spk = self.by_token[i]
            held = codes.get(spk.role or "", set())
            if spk.code is None and len(held) == 1:
                self.by_token[i] = Speaker(spk.name, next(iter(held)), spk.role)

    def person(self, tok: Token) -> Speaker | None:
        """The attendee a capitalised name token refers to (surname, first name, initials
        written beside the name in the list)."""
        if not tok.text[:1].isupper() or tok.i in self.office_tokens:
            return None
        return self.persons.by_alias(tok.text) or self.persons.by_name(tok.text)

    # -- mentions ---------------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[Speaker]:
        """Distinct speakers mentioned between two character offsets."""
        span = self.sdoc.char_span(start, end, alignment_mode="contract")
        out: list[Speaker] = []
        if span is None:
            return out
        for tok in span:
            spk = self.by_token.get(tok.i)
            if spk is not None and spk not in out:
                out.append(spk)
        return _merge(out)

    def chain(self, head: Token, lo: int = 0, hi: int | None = None) -> list[Token]:
        """The subject's head plus what names the same party (conjuncts, appositions ...)."""
        hi = len(head.doc) if hi is None else hi
        out: list[Token] = []
        todo = [head]
        while todo:
            tok = todo.pop()
            if tok in out or not lo <= tok.i < hi:
                continue
            out.append(tok)
            for child in tok.children:
                if child.dep_ in _LINK_DEPS:
                    todo.append(child)
                elif child.dep_ == "prep" and child.lower_ in {"of", "from", "for"} \
                        and self._person_like(tok):
                    todo.extend(c for c in child.children if c.dep_ == "pobj")
        return out

    def _person_like(self, tok: Token) -> bool:
        """A word for a person ("delegate"), an office, or part of a PERSON entity."""
        return (tok.lower_ in cue("person") or tok.i in self.office_tokens
                or self.ctx.entities.label(tok.i) == "PERSON")

    def speakers_of(self, head: Token, lo: int = 0, hi: int | None = None) -> list[Speaker]:
        """Speakers named by the noun phrase headed by ``head`` (within tokens lo..hi)."""
        chain = sorted(self.chain(head, lo, hi), key=lambda t: t.i)
        found = self._speakers_in(head, chain, lo, hi)
        offices = {s.role for s in found if s.role}
        dels = list({s.code: s for s in found if not s.role and s.code}.values())
        plural = any(self._plural_office(t) for t in chain)
        if len(offices) == 1 and len(dels) < 2 and plural:
            dels = self._listed_holders(chain, lo, hi) or dels
        if len(offices) == 1 and len(dels) > 1 and plural:
            # "its Co-Chairs, X of Ruritania and Y of Freedonia": one office holder each
            off = next(s for s in found if s.role)
            return [Speaker(off.name, d.code, off.role, d.person) for d in dels]
        return _merge(found)

    def _plural_office(self, tok: Token) -> bool:
        """``tok`` starts or is an office mention written in the plural ("Co-Chairs")."""
        i = tok.i
        while i in self.office_tokens:
            t = tok.doc[i]
            if t.tag_ in {"NNS", "NNPS"} or (
                    t.lower_.endswith("s") and t.lower_ not in cue("person")):
                return True
            if i + 1 >= len(tok.doc) or self.by_token.get(i + 1) != self.by_token.get(i):
                return False
            i += 1
        return False

    def _listed_holders(self, chain: list[Token], lo: int, hi: int | None) -> list[Speaker]:
        """Delegations listed after a comma following a plural office ("its Co-Chairs, Doe of
        Ruritania and Roe of Freedonia", "the Co-Chairs of the Committee on X, Ruritania and
        Freedonia, presented"): one holder each, read along the text up to the next verb."""
        offices = [t for t in chain if self._plural_office(t)]
        if not offices:
            return []
        doc = offices[0].doc
        hi = len(doc) if hi is None else hi
        out: list[Speaker] = []
        comma = False
        for tok in doc[offices[0].i:hi]:
            if tok.tag_ in _FINITE or tok.text in {";", ":"}:
                break
            comma = comma or tok.text == ","
            spk = self.by_token.get(tok.i) or self.person(tok)
            if comma and spk is not None and spk.code and not _under_behalf(tok) \
                    and not any(spk.code == o.code for o in out):
                out.append(spk)
        return out if len(out) > 1 else []

    def _speakers_in(self, head: Token, chain: list[Token], lo: int,
                     hi: int | None) -> list[Speaker]:
        found: list[Speaker] = []
        for tok in chain:
            spk = self.by_token.get(tok.i) or self.person(tok)
            if spk is not None and spk not in found:
                found.append(spk)
        nxt = head.doc[head.i + 1] if head.i + 1 < min(hi or len(head.doc), len(head.doc)) else None
        if not found and nxt is not None and head.tag_ == "NNP" and nxt.tag_ == "NNP" \
                and nxt.dep_ not in _LINK_DEPS:
            found = [s for s in [self.by_token.get(nxt.i) or self.person(nxt)] if s]  # "Cllr Doe"
        if not found and head.lower_ in cue("person"):
            # "The Coordinator on X, New Zealand," -> look inside the whole subject phrase
            for tok in head.subtree:
                if _under_behalf(tok) or not lo <= tok.i < (hi or len(head.doc)):
                    continue
                spk = self.by_token.get(tok.i)
                if spk is not None and spk not in found:
                    found.append(spk)
        return found

    # -- verbs ------------------------------------------------------------------------------
    def is_reporting(self, verb: Token) -> bool:
        """A reporting verb ("stated", "gave an update", "took the floor")."""
        lemma = verb_lemma(verb.lower_, speech_verbs())
        if lemma is None:
            return False
        objects = light_verbs().get(lemma)
        if objects is not None:
            dobj = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
            # the object word, or a modifier of it ("gave an update [on] efforts")
            words = [w for d in dobj for w in (d, *d.children)
                     if w is d or w.dep_ in {"amod", "compound"}]
            if dobj and not any(w.lower_ in objects or w.lower_.rstrip("s") in objects
                                for w in words):
                return False
        return True

    def analyse(self, seg: Segment) -> Analysis:
        """Speakers, continuation, floor handover and read-out statements in a segment."""
        res = Analysis()
        span = seg.span
        lo, hi = span.start, span.end
        verbs = _main_verbs(span)
        for verb in verbs:
            gives_floor = not res.yields_floor and self._floor(verb, res)
            subj = _subject(verb, lo, hi)
            if gives_floor and subj is not None and not self.is_reporting(verb):
                self._add_event(seg, subj, verb, res)  # "The Chair hands the floor to X"
            self._readout(verb, subj, res)
            if subj is not None and subj.tag_ == "VBG" \
                    and not any(c.dep_ == "nsubj" and lo <= c.i < hi for c in subj.children):
                subj = None
            if subj is None and _agent(verb) is None:
                subj = self._dangling(seg, verb)
            if subj is not None and res.absent is None and self._absence(span):
                spk = self.speakers_of(subj, lo, hi)
                if spk and not any(s.role for s in spk):
                    res.absent = (spk, _np_text(subj))
                    continue
            if subj is not None and subj.pos_ == "PRON" and not res.national:
                res.national = self._behalf_delegations(verb, subj)
            if not self.is_reporting(verb) or _modal(verb):
                if subj is not None and self._behalf_acl(subj):
                    self._add_event(seg, subj, verb, res)
                continue
            agent = _agent(verb)
            if agent is not None:
                self._add_event(seg, agent, verb, res)
            elif subj is not None and subj.dep_ != "nsubjpass":
                self._add_event(seg, subj, verb, res)
            elif subj is None:
                self._adjacent_event(seg, verb, res)
        self._requests(seg, verbs, res)
        self._motions(seg, res)
        self._speeches(seg, res)
        res.unnamed_report = self._unnamed_report(span)
        res.events.sort(key=lambda e: e.start)
        return res

    def _speeches(self, seg: Segment, res: Analysis) -> None:
        """A speech named by a noun with its speaker ("to hear an address by X"): X's turn."""
        lo, hi = seg.span.start, seg.span.end
        for tok in seg.span:
            if tok.lower_ not in cue("speech_noun") or tok.pos_ != "NOUN":
                continue
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    spk = self.speakers_of(pobj, lo, hi) or _merge(list(dict.fromkeys(
                        s for t in pobj.subtree if lo <= t.i < hi
                        for s in [self.by_token.get(t.i) or self.person(t)] if s)))
                    if spk and not any(s.same(x) for e in res.events for x in e.speakers
                                       for s in spk):
                        res.events.append(Event(seg.start, spk))

    def _unnamed_report(self, span: Span) -> bool:
        """A party the text does not name reports in a relative clause ("welcomed the two
        officers, who reported that ..."): someone else has had the floor."""
        for tok in span:
            if tok.dep_ != "relcl" or not self.is_reporting(tok) or _modal(tok):
                continue
            if not any(c.dep_ == "ccomp" for c in tok.children) or not any(
                    c.dep_ == "nsubj" and c.lower_ == "who" for c in tok.children):
                continue
            ante = tok.head
            if not span.start <= ante.i < span.end:
                continue
            if ante.pos_ in {"NOUN", "PROPN"} and ante.dep_ not in _SUBJECTS \
                    and not self.speakers_of(ante, span.start, span.end):
                return True
        return False

    def _motions(self, seg: Segment, res: Analysis) -> None:
        """Movers, seconders and supporters share the sentence with its first speaker."""
        backers = [s for s in motion_speakers(self.speakers_of, seg)
                   if not any(s.same(x) for e in res.events for x in e.speakers)]
        if not backers or res.absent is not None:
            return
        first = [e for e in res.events if e.start == seg.start]
        if first:
            first[0].speakers.extend(backers)
        else:
            res.events.append(Event(seg.start, backers))

    def _dangling(self, seg: Segment, verb: Token) -> Token | None:
        """A name before the verb whose parse head lies outside the segment (the parser
        joined the segment to the block before it)."""
        lo, hi = seg.span.start, seg.span.end
        for tok in seg.span:
            if tok.i >= verb.i:
                break
            if (not lo <= tok.head.i < hi) and not _under_behalf(tok) and (
                    tok.i in self.by_token or self.speakers_of(tok, lo, hi)):
                return tok
            if (not lo <= tok.head.i < hi) and tok.tag_ == "NNP" and self.person(tok):
                return tok
        return None

    def _adjacent_event(self, seg: Segment, verb: Token, res: Analysis) -> None:
        """No parsed subject: take the names written right before the verb ("Spain and
        Mexico pointed", "The President then asked") when the parse lost the subject."""
        lo = seg.span.start
        i = verb.i - 1
        while i >= lo and (verb.doc[i].tag_ in {"RB", "MD"} or verb.doc[i].text == ","):
            i -= 1
        found: list[Speaker] = []
        first = i + 1
        while i >= lo:
            tok = verb.doc[i]
            spk = self.by_token.get(tok.i)
            if spk is not None:
                if spk not in found:
                    found.insert(0, spk)
                first = i
            elif tok.lower_ in {"and", ",", "the"} and found:
                pass
            else:
                break
            i -= 1
        if found and verb.doc[first - 1].lower_ not in {"to", "with", "by", "from", "of"} \
                if first > 0 else found:
            found = _merge(found)
            if self._absence(seg.span):
                res.absent = (found, verb.doc[first:verb.i].text.strip(" ,"))
                return
            res.events.append(Event(seg.start, found, _behalf(verb, verb)))

    def _add_event(self, seg: Segment, subj: Token, verb: Token, res: Analysis) -> None:
        if subj.tag_ == "VBG":  # "X reporting on behalf of Y, informed": X is the gerund's subject
            inner = [c for c in subj.children if c.dep_ == "nsubj"
                     and seg.span.start <= c.i < seg.span.end]
            if inner:
                subj = inner[0]
        spk: list[Speaker] = []
        # "The delegations of X, Y, and Z referred": the parse may split one coordination
        for part in sorted([subj, *_co_subjects(verb, subj, seg.span.start, seg.span.end)]):
            spk += [s for s in self.speakers_of(part, seg.span.start, seg.span.end)
                    if not any(s.same(x) for x in spk)]
        spk = _merge(spk)
        if not spk:
            if subj.lower_ in cue("continuation"):
                res.continuation = True
            return
        if self._absence(seg.span) and not any(s.role for s in spk):
            # an office holder speaking about absences ("asked members to send apologies")
            res.absent = (spk, _np_text(subj))
            return
        if any(set(s.key) == set(sp.key) for e in res.events for s in e.speakers for sp in spk):
            return
        res.events.append(Event(_event_start(seg, subj, res), spk, _behalf(verb, subj)))

    def _behalf_delegations(self, verb: Token, subj: Token) -> list[Speaker]:
        """Delegations a pronoun subject speaks for ("She made a statement on behalf of X")."""
        text = _behalf(verb, subj)
        if not text:
            return []
        for tok in verb.sent:
            if tok.lower_ == "behalf":
                found = [self.by_token[t.i] for t in tok.subtree
                         if t.i in self.by_token and not self.by_token[t.i].role]
                return _merge(list(dict.fromkeys(found)))
        return []

    def _behalf_acl(self, subj: Token) -> bool:
        """"X, speaking on behalf of ...," makes X a speaker whatever the main verb."""
        for child in subj.head.children:
            if child.dep_ in {"advcl", "acl", "nsubj"} and child.tag_ == "VBG" \
                    and verb_lemma(child.lower_, speech_verbs()) \
                    and any(t.lower_ == "behalf" for t in child.subtree):
                return True
        return False

    def _absence(self, span: Span) -> bool:
        words = cue("absence")
        text = span.text.lower()
        return any(t.lower_ in words for t in span) or any(
            " " in w and w in text for w in words)

    def _floor(self, verb: Token, res: Analysis) -> bool:
        """Read a floor hand-over ("gave the floor to X"); True where the verb gives the floor."""
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if any(w.lower_ in cue("floor") for o in objs
               for w in (o, *(c for c in o.children if c.dep_ == "compound"))):
            res.yields_floor = True
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    spk = self.speakers_of(pobj)
                    if spk:
                        res.handover = spk[0]
            return True
        lemma = verb_lemma(verb.lower_, speech_verbs())
        if lemma in {"ask", "invite", "request"}:
            xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
            if any(self.is_reporting(x) for x in xcomps):
                for obj in objs:
                    spk = self.speakers_of(obj)
                    if spk:
                        res.handover = spk[0]
                        return False
        return False

    def _readout(self, verb: Token, subj: Token | None, res: Analysis) -> None:
        for tok in verb.subtree:
            if tok.lower_ not in cue("readout") or tok.pos_ not in {"VERB", "AUX"}:
                continue
            objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
            if tok.dep_ == "relcl":
                objs.append(tok.head)
            if not any(o.lower_ in cue("readout_object") for o in objs):
                continue
            agent = _agent(tok)
            reader = self.speakers_of(agent) if agent is not None else []
            if not reader:
                s = _subject(tok, 0, len(tok.doc))
                reader = self.speakers_of(s) if s is not None else []
            if reader:
                res.reader = reader[0]
                return

    def _requests(self, seg: Segment, verbs: list[Token], res: Analysis) -> None:
        """"In response to a request from Norway, the President ..." -> Norway spoke first."""
        if not verbs:
            return
        first_verb = min(v.i for v in verbs)
        for tok in seg.span:
            if tok.i >= first_verb or tok.lower_ not in cue("request"):
                continue
            for prep in (c for c in tok.children
                         if c.dep_ == "prep" and c.lower_ in {"from", "by"}):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    spk = self.speakers_of(pobj)
                    if spk:
                        res.events = [Event(ev.start if ev.start > seg.start else
                                            _subject_start(seg, verbs), ev.speakers,
                                            ev.on_behalf_of) for ev in res.events]
                        res.events.insert(0, Event(seg.start, spk))
                        return


def _merge(found: list[Speaker]) -> list[Speaker]:
    """A person and the delegation or office named with them are one speaker; so are an
    office and the delegation named with it."""
    people = [s for s in found if s.person]
    if people:
        rest = [s for s in found if not s.person and not any(
            s.code == p.code or (s.role and s.role == p.role) for p in people)]
        return people + _merge_offices(rest)
    return _merge_offices(found)


def _merge_offices(found: list[Speaker]) -> list[Speaker]:
    offices = [s for s in found if s.role]
    if offices:
        dels = [s for s in found if not s.role]
        merged = []
        for off in offices:
            code = dels[0].code if dels and len(dels) == 1 else off.code
            merged.append(Speaker(off.name, code, off.role))
        return merged
    return found


def _main_verbs(span: Span) -> list[Token]:
    """Clause heads of the segment: its root(s) and their verb conjuncts."""
    lo, hi = span.start, span.end
    heads = [t for t in span if t.dep_ == "ROOT" or not lo <= t.head.i < hi]
    out: list[Token] = []
    todo = [t for t in heads if t.pos_ in {"VERB", "AUX"} or t.tag_.startswith("VB")]
    for h in heads:
        if (h.dep_ == "ROOT" or not lo <= h.head.i < hi) and h.pos_ not in {"VERB", "AUX"}:
            # a label or noun root: look at its clausal children
            todo.extend(c for c in h.children if c.pos_ == "VERB" and lo <= c.i < hi
                        and c.dep_ in {"acl", "relcl", "appos", "parataxis"})
    while todo:
        v = todo.pop(0)
        if v in out:
            continue
        out.append(v)
        todo.extend(c for c in v.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
        todo.extend(_clause_before(v, lo))
    return sorted(out, key=lambda t: t.i)


def _clause_before(verb: Token, lo: int) -> list[Token]:
    """A clause with its own subject written wholly before the verb's subject and parsed as
    its complement ("The Chair asked ... - Doe agreed", "Doe stated ..., he agreed"): two
    clauses side by side, not speech reported inside the other."""
    subj = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not subj:
        return []
    first = min(t.i for t in subj[0].subtree)
    return [c for c in verb.children
            if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"} and lo <= c.i
            and c.right_edge.i < first
            and any(x.dep_ in _SUBJECTS and lo <= x.i for x in c.children)]


def _subject(verb: Token, lo: int, hi: int) -> Token | None:
    """The verb's subject (the one nearest before it where a topic label before a dash was
    parsed as a second subject: "Road signs - Clerk reported")."""
    v: Token | None = verb
    while v is not None:
        subj = [c for c in v.children if c.dep_ in _SUBJECTS and lo <= c.i < hi]
        if subj:
            label_end = max((t.i for t in verb.doc[lo:v.i] if t.text in _LABEL_MARKS), default=-1)
            after = [c for c in subj if label_end < c.i < v.i]
            return after[0] if after and label_end > subj[0].i else subj[0]
        v = v.head if v.dep_ == "conj" and v.head.i != v.i else None
    return None


def _co_subjects(verb: Token, subj: Token, lo: int, hi: int) -> list[Token]:
    """Other parts of one coordinated subject the parse split ("The delegations of X, Y, and Z
    referred"): further subjects of the verb, or a noun phrase before the subject that the
    parse hung outside the segment, joined to it by "and" with no label mark or verb between."""
    if subj.head.i != verb.i:
        return []
    doc = verb.doc

    def joined(a: int, b: int) -> bool:
        between = doc[max(lo, a):b]
        return any(t.lower_ in {"and", "or"} for t in between) and not any(
            t.text in _LABEL_MARKS or t.pos_ in {"VERB", "AUX"} for t in between)

    later = [c for c in verb.children
             if c.dep_ == "nsubj" and subj.i < c.i < verb.i and joined(subj.i, c.i)]
    dangling = [t for t in doc[lo:subj.i] if t.pos_ in {"NOUN", "PROPN"}
                and not lo <= t.head.i < hi and joined(t.i, subj.i)]
    return dangling + later


def _agent(verb: Token) -> Token | None:
    """The object of the verb's "by" phrase (the last one where the parse split a name)."""
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [p for p in c.children if p.dep_ == "pobj"]
            if objs:
                return objs[-1]
    return None


def _modal(verb: Token) -> bool:
    """A plan, not a turn: a reporting verb under a modal, or a bare "X to report on Y"."""
    if verb.dep_ == "ROOT" and verb.tag_ == "VB" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    lemma = verb_lemma(verb.lower_, speech_verbs())
    if lemma in cue("modal_ok") or verb.lower_ in cue("modal_ok"):
        return False
    return any(c.dep_ == "aux" and c.lower_ in cue("modal") for c in verb.children)


def _under_behalf(tok: Token) -> bool:
    return any(a.lower_ == "behalf" for a in tok.ancestors)


def _behalf(verb: Token, subj: Token) -> str | None:
    """The party after "on behalf of" attached to the verb or its subject, as written."""
    for tok in verb.sent:
        if tok.lower_ != "behalf":
            continue
        anc = list(tok.ancestors)
        if verb not in anc[:5] and subj not in anc[:5]:
            continue
        for of in (c for c in tok.children if c.lower_ == "of"):
            end = of.i + 1
            while end < len(tok.doc) and end < of.sent.end:
                nxt = tok.doc[end]
                if nxt.text in {",", ";", ":", ")"} or nxt.i == verb.i or (
                        nxt.tag_ in {"VBD", "VBZ", "VBP"} and nxt.dep_ != "amod"):
                    break
                end += 1
            if end > of.i + 1:
                return tok.doc[of.i + 1:end].text.strip(" ,")
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss and poss[0].pos_ != "PRON":
            return poss[0].text
    return None


def _event_start(seg: Segment, subj: Token, res: Analysis) -> int:
    """Where a speaker takes the floor: the segment start for its first speaker, the start of
    the subject phrase for a later one in the same sentence ("X asked ... - Y agreed")."""
    if not res.events:
        return seg.start
    left = subj.left_edge
    start = left.idx if seg.span.start <= left.i else seg.start
    return start if start > max(e.start for e in res.events) else seg.start


def _np_text(tok: Token) -> str:
    sub = [t for t in tok.subtree if not t.is_punct or t.i < max(x.i for x in tok.subtree)]
    text = tok.doc[sub[0].i: sub[-1].i + 1].text
    return text.strip(" ,;")


def _subject_start(seg: Segment, verbs: list[Token]) -> int:
    for v in verbs:
        s = _subject(v, seg.span.start, seg.span.end)
        if s is not None:
            return min(t.idx for t in s.subtree)
    return seg.start


_FINDERS: dict[int, tuple[Context, SpeakerFinder]] = {}


def speaker_finder(ctx: Context) -> SpeakerFinder:
    """The ``SpeakerFinder`` of ``ctx`` (built once per context: turns and decisions share
    it; it does not change after it is built)."""
    hit = _FINDERS.get(id(ctx))
    if hit is not None and hit[0] is ctx:
        return hit[1]
    finder = SpeakerFinder(ctx)
    _FINDERS.clear()
    _FINDERS[id(ctx)] = (ctx, finder)
    return finder
