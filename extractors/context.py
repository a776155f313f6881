"""What every extractor sees: the document, its spaCy parse, and what earlier steps found."""

from __future__ import annotations

import bisect
from dataclasses import InitVar, dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, SpanGroup

from extractors.entities import Entities, Recogniser
from extractors.gazetteer import Delegation, Gazetteer, gazetteer
from extractors.intervals import IntervalIndex
from extractors.nlp import DELEGATIONS_KEY
from models.document import Document
from models.records import AgendaItem, Attendee, Meeting


@dataclass
class Context:
    """Shared, read-mostly state for one document's extraction."""

    doc: Document
    sdoc: Doc
    gaz: Gazetteer = field(default_factory=gazetteer)
    recognise: InitVar[Recogniser | None] = None
    """The entity recogniser to run where a rule asks (``extractors/entities.py``), when
    ``sdoc`` was parsed without it; None: ``sdoc``'s own entities."""
    entities: Entities = field(init=False, repr=False)
    agenda: list[AgendaItem] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    # alias written beside a listed person ("Jane Roe (JR)") -> that attendee; set by attendees
    attendee_aliases: dict[str, Attendee] = field(default_factory=dict)
    meeting: Meeting | None = None
    _agenda_starts: list[int] = field(default_factory=list, repr=False)
    _agenda_index: IntervalIndex[AgendaItem] | None = field(default=None, repr=False)
    _agenda_indexed: list[AgendaItem] | None = field(default=None, repr=False)
    # token spans of generic labels ("the Secretariat"), which stand for the document's body
    _generic_spans: dict[tuple[int, int], str] = field(default_factory=dict, repr=False)

    def __post_init__(self, recognise: Recogniser | None) -> None:
        self.entities = Entities(self.sdoc, recognise)
        if DELEGATIONS_KEY in self.sdoc.spans:
            self._generic_spans = {(s.start, s.end): s.id_
                                   for s in self.sdoc.spans[DELEGATIONS_KEY]
                                   if s.id_ in self.gaz.generic}
        self.set_generic({})

    def set_generic(self, targets: dict[str, Delegation | None]) -> None:
        """Make each generic label ("the Secretariat", "the ISU") stand for its delegation in
        ``targets`` (the secretariat of the body these minutes are about); a label missing or
        None stands for the gazetteer's home secretariat."""
        home = {code: self.gaz.by_code[h] for code, h in self.gaz.generic.items()
                if h in self.gaz.by_code}
        chosen = {code: targets.get(code) or home[code] for code in home}
        self.gaz = self.gaz.with_generic(chosen)
        if not self._generic_spans:
            return
        spans = []
        for s in self.sdoc.spans[DELEGATIONS_KEY]:
            label = self._generic_spans.get((s.start, s.end))
            target = chosen.get(label) if label else None
            spans.append(Span(self.sdoc, s.start, s.end, label=target.kind,
                              span_id=target.code) if target else s)
        self.sdoc.spans[DELEGATIONS_KEY] = SpanGroup(self.sdoc, name=DELEGATIONS_KEY,
                                                     spans=spans)

    @property
    def doc_id(self) -> str:
        """The document id."""
        return self.doc.doc_id

    def provenance(self, start: int, end: int) -> dict[str, Any]:
        """``char_start``, ``char_end`` and ``page`` keyword arguments for a record."""
        return {"char_start": start, "char_end": end, "page": self.doc.page_at(start)}

    def set_agenda(self, items: list[AgendaItem]) -> None:
        """Record the agenda (in document order) for ``agenda_item_at``."""
        self.agenda = sorted(items, key=lambda a: a.char_start)
        self._agenda_starts = [a.char_start for a in self.agenda]

    def agenda_near(self, start: int, end: int | None = None) -> list[AgendaItem]:
        """The agenda items whose headings overlap, cover or touch ``start`` .. ``end`` (and
        maybe a few more nearby), in document order: what a test against every item needs to
        look at (``extractors/intervals.py``)."""
        if self._agenda_index is None or self._agenda_indexed is not self.agenda:
            self._agenda_index = IntervalIndex(lambda a: (a.char_start, a.char_end), self.agenda)
            self._agenda_indexed = self.agenda
        return self._agenda_index.near(start, end)

    def agenda_item_at(self, offset: int) -> str | None:
        """Number of the innermost agenda item whose heading precedes ``offset``."""
        i = bisect.bisect_right(self._agenda_starts, offset) - 1
        return self.agenda[i].number if i >= 0 else None

    def delegation_spans(self, start: int = 0, end: int | None = None) -> list[Span]:
        """Delegation spans (label = kind, ``id_`` = code) between two character offsets."""
        end = len(self.doc.text) if end is None else end
        return [s for s in self.sdoc.spans[DELEGATIONS_KEY]
                if s.start_char >= start and s.end_char <= end]

    def resolve(self, text: str) -> Delegation | None:
        """Resolve a delegation name as written."""
        return self.gaz.resolve(text)
