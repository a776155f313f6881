"""Cue words of decisions and action points (``resources/decision_cues.tsv``)."""

from __future__ import annotations

import re
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


_ODD = re.compile(r"^(?P<a>[a-z]+)(?P<odd>[^\sA-Za-z0-9'’.,;:()-])(?P<b>[a-z]+)$")


def damaged_form(word: str, kind: str) -> str | None:
    """The one inflected form of a verb of ``kind`` that an OCR-damaged word stands for: a
    single odd character inside the word in place of one or two letters ("a~eed" = agreed)."""
    m = _ODD.match(word.lower())
    if m is None:
        return None
    shape = re.compile(re.escape(m.group("a")) + "[a-z]{1,2}" + re.escape(m.group("b")))
    found = {form for form in forms(kind) if shape.fullmatch(form)}
    return found.pop() if len(found) == 1 else None

