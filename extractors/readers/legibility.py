"""Whether a page's text layer is language or glyph garbage.

A PDF font without a Unicode map (or with a wrong one) gives text that is not language:
codes read as punctuation and digits (``!"#$%&'``), letters shifted to other letters
(``Wkh Frxqflo``), private-use or control characters. Three measures, none tied to a
language's words, tell it from minutes in any Latin, Cyrillic, Greek or other alphabetic
script:

* the share of visible characters inside word-shaped tokens, with the punctuation written
  around words: each part of the token (split at slashes and dashes) is letters only (with
  inner apostrophes and dots) in one of the cases words are written in (``council``,
  ``Council``, ``COUNCIL``, ``McDonald``), a number (dates, amounts, ordinals, times) or a
  document-symbol code (``CN.9``, ``WG.III``);
* the share of characters that are neither letters, digits, spaces nor usual punctuation
  (private-use glyphs, symbols, controls, U+FFFD);
* for Latin-script text, the share of vowels among letters (38-45 % in European languages,
  and over 30 % even in lists of names; shifted letters give 15-25 %).

Thresholds live in ``LegibilityLimits``; ``MIN_CHARS`` is the least text judged at all.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

MIN_CHARS = 60  # a page with less visible text is not judged (a title page, a stamp)

_TOKEN = re.compile(r"\S+")
_TOKEN_EDGE = "\"'“”‘’«»()[]{}<>.,;:!?*•·–—-/"
_WORD = re.compile(r"^(?:[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?)$")
_NUMBER = re.compile(r"^[#№$€£¥]?\d[\d.,:]*(?:st|nd|rd|th|er|e|º|°|%|h)?$", re.I)
_CODE = re.compile(r"^[A-Z\d]{1,6}(?:\.[A-Z\d]{1,6})*$")  # document symbols: CN.9, WG.III
_PART_SEPARATOR = re.compile(r"[/–—\-]")
_CASE_OK = re.compile(r"^(?:[^\W\d_]|['’.\-])+$")
_VOWELS = set("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ")
_USUAL_PUNCT = set(".,;:!?'\"()[]{}-–—/\\&%#*+=<>@$€£§°|_~`^’‘“”«»…•·")


@dataclass(frozen=True)
class Legibility:
    """The measures of one text: visible characters, share in word-shaped tokens, share of
    odd characters, vowel share of Latin letters (None when the text is not mostly Latin)."""

    chars: int
    wordlike: float
    odd: float
    vowels: float | None

    @property
    def judged(self) -> bool:
        """Whether there is enough text to judge."""
        return self.chars >= MIN_CHARS

    @property
    def garbage(self) -> bool:
        """Whether the text is glyph garbage rather than language."""
        if not self.judged:
            return False
        return (self.wordlike < 0.5 or self.odd > 0.15
                or (self.vowels is not None and self.vowels < 0.28))

    def describe(self) -> str:
        """The measures in words, for a message."""
        parts = [f"{self.wordlike:.0%} of its characters in word-shaped tokens",
                 f"{self.odd:.0%} unusual characters"]
        if self.vowels is not None:
            parts.append(f"{self.vowels:.0%} vowels among its letters")
        return ", ".join(parts)


def _case_shaped(word: str) -> bool:
    """lower, Capitalised, UPPER, or a capital inside (McDonald, deVries) but no more than
    two case changes."""
    letters = [c for c in word if c.isalpha()]
    if not letters or word.islower() or word.isupper():
        return True
    changes = sum(1 for a, b in itertools.pairwise(letters)
                  if a.isupper() != b.isupper())
    return changes <= 2


def _shaped(part: str) -> bool:
    """A word, a number (date part, amount, ordinal, time) or a document-symbol code."""
    return bool((_WORD.match(part) and _case_shaped(part)) or _NUMBER.match(part)
                or _CODE.match(part))


def measure(text: str) -> Legibility:
    """Legibility measures of ``text``. Characters and tokens are counted once each (a
    Counter), so a long text costs memory in its distinct characters and words only."""
    chars = Counter(text)
    visible = {c: k for c, k in chars.items() if not c.isspace()}
    n = sum(visible.values())
    if not n:
        return Legibility(0, 0.0, 0.0, None)
    in_words = 0
    for token, count in Counter(m.group() for m in _TOKEN.finditer(text)).items():
        core = token.strip(_TOKEN_EDGE)
        if not core:
            in_words += count * len(token) if all(c in _USUAL_PUNCT for c in token) else 0
            continue
        if all(_shaped(part) for part in _PART_SEPARATOR.split(core) if part):
            in_words += count * len(token)
    odd = sum(k for c, k in visible.items() if not (c.isalnum() or c in _USUAL_PUNCT)
              or unicodedata.category(c) in ("Co", "Cc", "Cs", "Cn"))
    latin = {c: k for c, k in visible.items()
             if c.isalpha() and "LATIN" in unicodedata.name(c, "")}
    n_latin = sum(latin.values())
    letters = sum(k for c, k in visible.items() if c.isalpha())
    vowels = (sum(k for c, k in latin.items() if c.lower() in _VOWELS) / n_latin
              if n_latin and n_latin >= 0.8 * letters else None)
    return Legibility(n, in_words / n, odd / n, vowels)
