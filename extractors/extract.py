"""Pure extraction: a parsed document in, records out."""

from __future__ import annotations

import time
from typing import TypeVar

from spacy.language import Language

from extractors.agenda import extract_agenda
from extractors.attendees import extract_attendees
from extractors.context import Context
from extractors.dates import extract_dates
from extractors.decisions import extract_decisions
from extractors.entities import NER
from extractors.interventions import extract_interventions
from extractors.meeting import extract_meeting
from extractors.nlp import get_nlp
from extractors.parse import parse
from extractors.pieces import PIECE_CHARS
from extractors.quality_flags import extract_quality_flags, nothing_recognised
from models.document import Document
from models.records import Extraction
from models.version import PIPELINE_VERSION

_R = TypeVar("_R")


def minutes_only(doc: Document, records: list[_R]) -> list[_R]:
    """Records that do not start in document furniture (front matter, site chrome, page
    markers): those lines are kept in the text for their offsets but are not the minutes."""
    return [r for r in records if not doc.is_furniture(getattr(r, "char_start", -1))]


def extract(doc: Document, nlp: Language | None = None,
            timings: dict[str, float] | None = None,
            piece_chars: int = PIECE_CHARS) -> Extraction:
    """Run every extractor over ``doc`` and return all its records. When ``timings`` is
    given, the seconds spent in the spaCy pipeline (``nlp``) and in the rules (``rules``)
    are added to it. A body text longer than ``piece_chars`` is parsed in pieces of about
    that size (``extractors/parse.py``), with the same records."""
    nlp = nlp or get_nlp()
    started = time.perf_counter()
    # the entity recogniser runs only where a rule reads entities (``extractors/entities.py``)
    lazy = (NER,) if NER in nlp.pipe_names else ()
    sdoc = parse(nlp, doc.text, [b.start for b in doc.blocks], piece_chars, skip=lazy)
    ctx = Context(doc=doc, sdoc=sdoc, recognise=nlp.get_pipe(NER) if lazy else None)
    parsed = time.perf_counter()
    extraction = extract_rules(ctx)
    if timings is not None:  # the recogniser's runs for the rules count as NLP
        recognised = ctx.entities.seconds
        timings["nlp"] = timings.get("nlp", 0.0) + parsed - started + recognised
        timings["rules"] = (timings.get("rules", 0.0) + time.perf_counter() - parsed
                            - recognised)
    return extraction


def extract_rules(ctx: Context) -> Extraction:
    """Run every extractor, in order, over a parsed document's ``ctx``."""
    doc = ctx.doc
    ctx.set_agenda(minutes_only(doc, extract_agenda(ctx)))
    ctx.attendees = minutes_only(doc, extract_attendees(ctx))
    meeting = extract_meeting(ctx)
    meeting.source_path = doc.source_path
    meeting.source_format = doc.source_format
    meeting.n_pages = doc.n_pages
    confidence = doc.metadata.get("ocr_confidence")
    meeting.ocr_confidence = float(confidence) if confidence else None
    meeting.pipeline_version = PIPELINE_VERSION
    ctx.meeting = meeting
    dates = extract_dates(ctx)
    extraction = Extraction(
        meeting=meeting,
        attendees=ctx.attendees,
        agenda_items=ctx.agenda,
        interventions=minutes_only(doc, extract_interventions(ctx)),
        decisions=minutes_only(doc, extract_decisions(ctx)),
        dates=dates,
        quality_flags=extract_quality_flags(ctx, dates),
    )
    extraction.quality_flags += nothing_recognised(ctx, extraction)
    return extraction
