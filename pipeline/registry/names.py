"""A person's name as written, folded to tokens that can be compared across meetings.

Folding drops honorifics ("H.E.", "Ambassador", "Mr."), accents and case, reads "Surname,
Given" the other way round, joins particles to the word they belong to ("Van den Berghe" ->
``vandenberghe``), splits hyphenated names ("Asante-Mensah" = "Asante Mensah") and keeps
initials ("N.", "T. C.") as one-letter tokens.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from extractors.attendees.persons import honorific_re, particles

_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?\.?|[^\W\d_]\.", re.U)


def fold(text: str) -> str:
    """Accents and case folded (``"Víctor" -> "victor"``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def _particles() -> frozenset[str]:
    return frozenset(fold(p) for p in particles())


@dataclass(frozen=True)
class NameKey:
    """A folded name: full-word tokens and initials, in the order written."""

    written: str
    tokens: tuple[str, ...]

    @cached_property
    def key(self) -> str:
        """The comparable key: tokens joined by spaces (initials as single letters)."""
        return " ".join(self.tokens)

    @cached_property
    def full(self) -> tuple[str, ...]:
        """Tokens that are whole words (not initials)."""
        return tuple(t for t in self.tokens if len(t) > 1)

    @cached_property
    def initials(self) -> tuple[str, ...]:
        """One-letter tokens (initials)."""
        return tuple(t for t in self.tokens if len(t) == 1)

    @cached_property
    def surname(self) -> str | None:
        """The last whole word: the block a name is compared within."""
        return self.full[-1] if self.full else None

    def specificity(self) -> tuple[int, int, str]:
        """Sort key, most complete names first: more whole words, more tokens."""
        return (-len(self.full), -len(self.tokens), self.key)


def _strip_titles(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text)
    return honorific_re().sub(" ", text)


@lru_cache(maxsize=1 << 16)  # names come back meeting after meeting
def parse_name(written: str) -> NameKey | None:
    """Fold a name as written; None when nothing name-like is left."""
    text = re.sub(r"(?<=\w)[-‐](?=\w)", " ", _strip_titles(written))  # Asante-Mensah
    if text.count(",") == 1:  # "Ramirez Valenzuela, Sandra Paola"
        last, given = (part.strip() for part in text.split(","))
        if last and given and len(given.split()) <= 3:
            text = f"{given} {last}"
    words: list[str] = []
    for m in _WORD.finditer(text):
        word = m.group()
        if re.fullmatch(r"(?:[^\W\d_]\.){2,}", word):  # "T.C." -> two initials
            words += [c for c in word if c != "."]
            continue
        words.append(word.rstrip("."))
    tokens: list[str] = []
    pending = ""
    for word in words:
        folded = fold(word).replace("’", "'").replace("-", "").replace("'", "")
        if not folded:
            continue
        if folded in _particles() and len(folded) > 1:
            pending += folded
            continue
        tokens.append(pending + folded)
        pending = ""
    if pending and tokens:
        tokens[-1] += pending
    elif pending:
        tokens.append(pending)
    return NameKey(written.strip(), tuple(tokens)) if tokens else None


def containment(short: NameKey, long: NameKey) -> str | None:
    """Why ``short`` can be a shorter writing of ``long``, or None when it cannot.

    Every whole word of ``short`` is a word of ``long``; each initial of ``short`` is the
    first letter of a word (or an initial) of ``long`` not already used; ``long`` may carry
    more given names, middle names, initials or a second surname."""
    if not short.full or len(short.tokens) > len(long.tokens):
        return None
    remaining = list(long.tokens)
    for token in short.full:
        if token not in remaining:
            return None
        remaining.remove(token)
    matched = []
    for initial in short.initials:
        hit = next((t for t in remaining if t[0] == initial), None)
        if hit is None:
            return None
        remaining.remove(hit)
        if len(hit) > 1:
            matched.append(f"{initial.upper()}. for {hit.title()}")
    if short.key == long.key:
        return "same name once accents, case, honorifics and particles are folded"
    parts = []
    if matched:
        parts.append("initial " + ", ".join(matched))
    if remaining:
        parts.append("drops " + ", ".join(t.title() if len(t) > 1 else f"{t.upper()}."
                                          for t in remaining))
    return "shorter writing of the same name (" + "; ".join(parts) + ")"


def stable_id(*parts: str) -> str:
    """``p`` + 12 hex digits of the SHA-256 of the parts: the same for the same parts."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return "p" + digest[:12]
