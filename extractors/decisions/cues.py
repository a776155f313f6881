"""Cue words of decisions and action points (``resources/decision_cues.tsv``)."""

from __future__ import annotations

from functools import cache
from typing import Any

import srsly
from spacy.tokens import Token

from extractors.gazetteer import RESOURCES
from extractors.lexicon import cue_of, verb_forms

CUES = "decision_cues.tsv"
PATTERNS = RESOURCES / "decision_patterns.jsonl"


def words(kind: str) -> frozenset[str]:
    """The cue words of ``kind`` as written in the cue file."""
    return cue_of(CUES, kind)


def forms(kind: str) -> dict[str, str]:
    """Every inflected form of the verbs of ``kind`` -> lemma."""
    return verb_forms(CUES, kind)


def lemma(tok: Token, kind: str) -> str | None:
    """The lemma of ``tok`` when it is a verb of ``kind``, else None."""
    return forms(kind).get(tok.lower_)


@cache
def patterns() -> tuple[tuple[str, list[dict[str, Any]]], ...]:
    """DependencyMatcher patterns with "@kind" placeholders replaced by the cue words."""
    def expand(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("@"):
            kind = value[1:]
            return sorted(set(forms(kind)) | set(words(kind)))
        if isinstance(value, dict):
            return {k: expand(v) for k, v in value.items()}
        if isinstance(value, list):
            return [expand(v) for v in value]
        return value
    return tuple((row["label"], expand(row["pattern"])) for row in srsly.read_jsonl(PATTERNS))
