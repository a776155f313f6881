"""Chooses and merges what the turn shapes found into turns.

A turn starts where a named delegation or office takes the floor (a speaker label, or the
subject or agent of a reporting verb) and runs on through sentences that continue it until
another named speaker takes the floor, the floor is handed over, a party the text does not
name reports, or a new agenda heading (numbered or not) starts. Text run in after an item
heading on its line ("b) Roads - Cllr Doe said ...") is read like a sentence of its own; a
person an item heading names in parentheses opens the item with their report.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from extractors.context import Context
from extractors.intervals import IntervalIndex
from extractors.interventions.labelled import (
    action_block,
    label_speakers,
    sentence_label,
    unknown_speaker_label,
)
from extractors.interventions.listed import listed_speakers
from extractors.interventions.offices import Speaker
from extractors.interventions.reported import Analysis, Event, speaker_finder
from extractors.interventions.segments import Segment, is_annex, segments
from extractors.lexicon import speech_verbs, verb_lemma
from models.records import AgendaItem, Intervention

_BY = re.compile(r"\bby\b", re.I)
# the separator between an item heading and the text run in after it on its line
_RUN_IN = re.compile(r"\s*(?:[-–—:.]\s+|:|(?=[A-Z]))")
_MIN_RUN_IN = 12
_PAREN = re.compile(r"\(([^()]+)\)\s*$")
_ATTENDANCE_SHARE = 0.5
_ORDER = itertools.count()


@dataclass
class Turn:
    """An open or finished turn."""

    speaker: Speaker
    start: int
    end: int
    agenda_item: str | None
    on_behalf_of: str | None = None
    order: int = field(default_factory=lambda: next(_ORDER))


@dataclass
class _State:
    """The turn-taking state while walking through the segments."""

    open: list[Turn] = field(default_factory=list)
    done: list[Turn] = field(default_factory=list)
    last_speaker: Speaker | None = None
    agenda: str | None = None
    handover: Speaker | None = None
    absent: tuple[list[Speaker], str, int] | None = None  # speakers, text, segment start
    absent_codes: set[str] = field(default_factory=set)
    heard: set[str] = field(default_factory=set)
    heading_speaker: Speaker | None = None
    presenter: Speaker | None = None  # a person the item heading names in parentheses
    item_has_turn: bool = False
    reader_behalf: str | None = None

    def close(self) -> None:
        self.done.extend(self.open)
        if self.open:
            self.last_speaker = self.open[0].speaker
        self.open = []

    def extend(self, end: int) -> None:
        for t in self.open:
            t.end = max(t.end, end)

    def start(self, speakers: list[Speaker], start: int, end: int,
              behalf: str | None = None) -> None:
        cur = [t.speaker for t in self.open]
        if self.open and all(any(s.same(c) for c in cur) for s in speakers):
            # the same speaker(s) again, or some of those already speaking
            keep = [t for t in self.open if any(s.same(t.speaker) for s in speakers)]
            self.done.extend(t for t in self.open if t not in keep)
            self.open = keep
            self.extend(end)
            return
        self.close()
        self.open = [Turn(s, start, end, self.agenda, behalf) for s in speakers]
        self.item_has_turn = True
        for s in speakers:
            if s.code:
                self.heard.add(s.code)


def _absent_codes(ctx: Context) -> set[str]:
    """Delegations listed as absent and with no one present (a body's members share a code)."""
    present = {a.delegation_code for a in ctx.attendees if a.status == "present"}
    return {a.delegation_code for a in ctx.attendees
            if a.delegation_code and a.status in {"apologies", "absent"}} - present


def _listed_codes(ctx: Context) -> set[str]:
    return {a.delegation_code for a in ctx.attendees
            if a.delegation_code and a.status == "present"}


def _attendee_ranges(ctx: Context) -> list[tuple[int, int]]:
    return [(a.char_start, a.char_end) for a in ctx.attendees if a.char_end > a.char_start]


class _Walker:
    """Walks the segments and builds the turns."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.finder = speaker_finder(ctx)
        self.st = _State(absent_codes=_absent_codes(ctx))
        self.listed = _listed_codes(ctx)
        self.att_ranges = IntervalIndex(lambda r: r, _attendee_ranges(ctx))
        self.presidency = ctx.meeting.presidency_code if ctx.meeting else None
        self.heading_starts = [a.char_start for a in ctx.agenda]
        self.items_numbered: dict[str | None, list[AgendaItem]] = {}
        for a in ctx.agenda:
            self.items_numbered.setdefault(a.number, []).append(a)
        self.skip_until = 0  # end of a list of speakers already read with its lead-in

    def _in_attendees(self, seg: Segment) -> bool:
        """A segment of the attendance list: attendance rows start it and cover a good part
        of it (a sentence of the body that opens with a speaker's name is read)."""
        ranges = self.att_ranges.near(seg.start, seg.end)
        if not any(s <= seg.start < e for s, e in ranges):
            return False
        covered = sum(max(0, min(e, seg.end) - max(s, seg.start)) for s, e in ranges)
        return covered >= _ATTENDANCE_SHARE * (seg.end - seg.start)

    def _keep(self, spk: Speaker, seg: Segment) -> bool:
        """Drop absent delegations and States that are not listed and only reported on."""
        if spk.role or spk.code is None or spk.person:
            return True
        if spk.code in self.st.absent_codes:
            return False
        dele = self.ctx.gaz.by_code.get(spk.code)
        unlisted = (len(self.listed) >= 5 and dele is not None and dele.kind == "state"
                    and spk.code not in self.listed and spk.code != self.presidency)
        return not (unlisted and spk.code not in self.st.heard and not seg.block_start)

    def _new_item(self, item: str | None, seg: Segment) -> None:
        self.st.close()
        self.st.agenda = item
        self.st.item_has_turn = False
        self.st.heading_speaker = None
        for a in self.items_numbered.get(item, []):
            if a.char_start <= seg.start:
                title_end = a.char_end
                m = _BY.search(self.ctx.doc.text[a.char_start:title_end])
                if m:
                    spk = self.finder.mentions_in(a.char_start + m.end(), title_end)
                    if spk:
                        self.st.heading_speaker = spk[0]
                self.st.presenter = self._presenter(a.char_start, title_end)

    def _presenter(self, start: int, end: int) -> Speaker | None:
        """A listed person named in parentheses in an item heading ("Update from the Panel
        (Jane Doe, Chair of the Panel)"): the item opens with their report."""
        text = self.ctx.doc.text[start:end]
        m = _PAREN.search(text)
        span = self.ctx.sdoc.char_span(start + m.start(1), start + m.end(1),
                                       alignment_mode="contract") if m else None
        for tok in span or []:
            spk = self.finder.person(tok)
            if spk is not None:
                return spk
        return None

    def run(self) -> list[Turn]:
        st = self.st
        started = False
        current = -1  # the agenda heading the walk is under (unnumbered ones too)
        for seg in segments(self.ctx):
            if seg.block_start and is_annex(self.ctx, seg.block):
                break
            if self._in_attendees(seg) or seg.start < self.skip_until:
                continue
            item = self.ctx.agenda_item_at(seg.start)
            heading = self._heading_index(seg.start)
            if not started or item != st.agenda or heading != current:
                started = True
                current = heading
                self._new_item(item, seg)
            if self._is_heading(seg):
                body = self._run_in_body(seg)
                if body is None:
                    continue
                seg = body
            self._segment(seg)
        st.close()
        return st.done

    def _heading_index(self, offset: int) -> int:
        """Index of the last agenda heading starting at or before ``offset`` (-1 for none)."""
        return bisect.bisect_right(self.heading_starts, offset) - 1

    def _is_heading(self, seg: Segment) -> bool:
        if seg.block.kind == "heading":
            return True
        return any(a.char_start <= seg.start < max(a.char_end, a.char_start + 1)
                   for a in self.ctx.agenda_near(seg.start))

    def _run_in_body(self, seg: Segment) -> Segment | None:
        """The text run in after an item heading on its line ("b) Roads - Cllr Doe said ..."),
        as a segment of its own; None where the segment is only the heading."""
        if seg.block.kind == "heading":
            return None
        ends = [a.char_end for a in self.ctx.agenda_near(seg.start)
                if a.char_start <= seg.start < max(a.char_end, a.char_start + 1)]
        text = self.ctx.doc.text
        m = _RUN_IN.match(text, max(ends), seg.end) if ends else None
        if m is None or seg.end - m.end() < _MIN_RUN_IN:
            return None
        span = self.ctx.sdoc.char_span(m.end(), seg.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return Segment(m.end(), seg.end, seg.block, span, True)

    def _segment(self, seg: Segment) -> None:
        st = self.st
        if seg.block_start:
            lab = label_speakers(self.finder, seg.block)
            if lab is not None:
                spk = [s for s in lab[0] if self._keep(s, seg)]
                if spk:
                    st.start(spk, seg.start, seg.end)
                    st.handover = None
                    return
            elif unknown_speaker_label(self.ctx.doc, seg.block):
                st.close()  # someone the text does not name takes the floor
                st.handover = None
                return
        if not seg.block_start:
            person = sentence_label(self.finder, self.ctx.doc.text[seg.start:seg.end])
            if person is not None and self._keep(person, seg):
                st.start([person], seg.start, seg.end)
                st.handover = None
                return
        listed = listed_speakers(self.finder, seg)
        if listed is not None:
            st.start(listed[0], seg.start, listed[1])
            st.close()
            self.skip_until = listed[1]
            return
        if action_block(self.ctx.doc, seg.block):  # "ACTION - X to ...": inside the turn
            st.extend(seg.end)
            return
        res = self.finder.analyse(seg)
        events = [Event(e.start, [s for s in e.speakers if self._keep(s, seg)], e.on_behalf_of)
                  for e in res.events]
        events = [e for e in events if e.speakers]
        if res.absent is not None:
            spk, text = res.absent
            st.absent = (spk, text, seg.start)
            for s in spk:
                if s.code:
                    st.absent_codes.add(s.code)
        if res.reader is not None:
            self._readout(seg, res)
            return
        if events:
            for i, ev in enumerate(events):
                end = events[i + 1].start if i + 1 < len(events) else seg.end
                st.start(ev.speakers, ev.start, end, ev.on_behalf_of)
        elif res.national and st.open and all(t.speaker.role for t in st.open):
            # an office holder speaking for their delegation ("She then spoke on behalf of X")
            st.start([s for s in res.national if self._keep(s, seg)] or
                     [t.speaker for t in st.open], seg.start, seg.end)
        elif res.continuation and st.handover is not None:
            st.start([st.handover], seg.start, seg.end)
        elif st.open:
            st.extend(seg.end)
        elif not st.item_has_turn and st.presenter is not None:
            st.start([st.presenter], seg.start, seg.end)
        elif not st.item_has_turn and (res.continuation or _subjectless(seg)):
            spk = st.last_speaker if res.continuation else st.heading_speaker
            if spk is None:
                spk = st.heading_speaker or st.last_speaker
            if spk is not None:
                st.start([spk], seg.start, seg.end)
        st.handover = res.handover
        if res.yields_floor or res.unnamed_report:
            st.close()

    def _readout(self, seg: Segment, res: Analysis) -> None:
        st = self.st
        reader = res.reader
        assert reader is not None
        start = seg.start
        behalf = None
        if st.absent is not None:
            _, behalf, astart = st.absent
            if astart < seg.start:
                # the absence sentence just before belongs to the read-out turn
                for t in st.open:
                    if t.start >= astart:
                        t.start = seg.start
                    t.end = min(t.end, astart)
                start = astart
        st.close()
        st.open = [Turn(reader, start, seg.end, st.agenda, behalf)]
        st.item_has_turn = True
        st.absent = None


def _subjectless(seg: Segment) -> bool:
    """A clause with a reporting verb first and no subject ("Thanked participants ...");
    not a bare participle that reports an event ("Deferred to the next meeting")."""
    for tok in seg.span:
        if tok.is_punct or tok.is_space or tok.lower_ in {"-", "*", "•"}:
            continue
        reporting = verb_lemma(tok.lower_, speech_verbs()) is not None
        if tok.lower_ in {"further", "also"} or (
                tok.tag_ in {"VBD", "VBZ", "VBN", "VBP"} and reporting):
            return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.head.children)
        return False
    return False


_CACHE: dict[int, tuple[Context, list[Turn]]] = {}


def turns_for(ctx: Context) -> list[Turn]:
    """The turns of ``ctx``'s document in order (computed once per context)."""
    hit = _CACHE.get(id(ctx))
    if hit is not None and hit[0] is ctx:
        return hit[1]
    turns = [t for t in _Walker(ctx).run() if t.end > t.start]
    turns.sort(key=lambda t: (t.start, t.order))
    _CACHE.clear()
    _CACHE[id(ctx)] = (ctx, turns)
    return turns


def extract_interventions(ctx: Context) -> list[Intervention]:
    """Return the speaker turns in document order."""
    turns = turns_for(ctx)
    out = []
    for seq, t in enumerate(turns, 1):
        text = ctx.doc.text[t.start:t.end]
        out.append(Intervention(
            doc_id=ctx.doc_id, seq=seq, speaker=t.speaker.name, speaker_code=t.speaker.code,
            speaker_role=t.speaker.role, on_behalf_of=t.on_behalf_of,
            agenda_item=ctx.agenda_item_at(t.start), text=text,
            **ctx.provenance(t.start, t.end)))
    return out
