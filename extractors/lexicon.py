"""Word lists for speaker and decision extraction, loaded from ``extractors/resources``.

The spaCy pipeline runs without a lemmatizer, so verb lists are stored as lemmas and expanded
here to their inflected forms (regular English morphology plus the irregular forms the data
file lists).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache

from extractors.gazetteer import RESOURCES

_VOWELS = set("aeiou")


def _rows(name: str) -> Iterator[list[str]]:
    with open(RESOURCES / name, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and row[0].strip() and not row[0].startswith("#"):
                yield [c.strip() for c in row]


def inflections(lemma: str) -> set[str]:
    """Regular inflected forms of an English verb (3rd person, past, -ing)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


def verb_table(name: str) -> dict[str, str]:
    """Form -> lemma for the verbs of a TSV file (lemma, optional irregular forms)."""
    table: dict[str, str] = {}
    for row in _rows(name):
        lemma = row[0].lower()
        forms = inflections(lemma)
        if len(row) > 1 and row[1]:
            forms |= {f.lower() for f in row[1].split("|")}
        for form in forms:
            table.setdefault(form, lemma)
    return table


@cache
def speech_verbs() -> dict[str, str]:
    """Inflected form -> lemma of reporting verbs."""
    return verb_table("speech_verbs.tsv")


@cache
def light_verbs() -> dict[str, frozenset[str]]:
    """Lemma -> objects that make the verb a reporting act ("give an update")."""
    return {row[0].lower(): frozenset(w.lower() for w in row[1].split("|"))
            for row in _rows("speech_light_verbs.tsv")}


@cache
def cues() -> dict[str, frozenset[str]]:
    """Cue kind -> words (see ``speaker_cues.tsv``)."""
    table: dict[str, set[str]] = {}
    for row in _rows("speaker_cues.tsv"):
        table.setdefault(row[0], set()).update(w.lower() for w in row[1].split("|"))
    return {k: frozenset(v) for k, v in table.items()}


def cue(kind: str) -> frozenset[str]:
    """Words of one cue kind (empty when the kind is not in the data file)."""
    return cues().get(kind, frozenset())


def verb_lemma(form: str, table: dict[str, str]) -> str | None:
    """Lemma of ``form`` if the table knows it."""
    return table.get(form.lower())


@cache
def cue_table(name: str) -> dict[str, frozenset[str]]:
    """Kind -> words of a two-column cue file (words separated by |)."""
    table: dict[str, set[str]] = {}
    for row in _rows(name):
        if len(row) > 1:
            table.setdefault(row[0], set()).update(w.lower() for w in row[1].split("|"))
    return {k: frozenset(v) for k, v in table.items()}


def cue_of(name: str, kind: str) -> frozenset[str]:
    """Words of one kind in a cue file."""
    return cue_table(name).get(kind, frozenset())


@cache
def verb_forms(name: str, kind: str) -> dict[str, str]:
    """Inflected form -> lemma for the verbs of one kind in a cue file."""
    table: dict[str, str] = {}
    lemmas = cue_of(name, kind)
    for lemma in lemmas:
        for form in inflections(lemma):
            table.setdefault(form, lemma)
    for pair in cue_of(name, "irregular"):
        form, _, lemma = pair.partition("=")
        if lemma in lemmas:
            table[form] = lemma
    return table
