"""Item numbers: reading a label as written ('4.3.1', 'III', '(a)', '7(d)', '#11.e.iv', an
ordinal word) into parts, and writing it back as FORMAT's dotted string ('III.A', '7.d').

A part has a style (arabic, upper or lower Roman, upper or lower letter) and a value (its rank
in its style: 'c' = 3, 'iv' = 4), so that series of any style can be followed. A single letter
that is also a Roman numeral ('i', 'v', 'x') has two readings; the series it stands in picks one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

_ROMAN_RE = re.compile(r"^(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_TOKEN_RE = re.compile(r"\d+|[A-Za-z]+")


@dataclass(frozen=True)
class Part:
    """One level of an item number."""

    text: str
    style: str  # "arabic", "roman", "ROMAN", "alpha", "ALPHA"
    value: int


Number = tuple[Part, ...]


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral (either case), or None."""
    low = text.lower()
    if not low or not _ROMAN_RE.match(low):
        return None
    total = 0
    for a, b in zip(low, low[1:] + " ", strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


def part_readings(token: str) -> list[Part]:
    """The readings of one label token, most likely first ([] where it is no number)."""
    if token.isdigit():
        return [Part(str(int(token)), "arabic", int(token))]
    upper = token.isupper()
    out = []
    roman = roman_value(token)
    if roman is not None and (token.isupper() or token.islower()):
        out.append(Part(token, "ROMAN" if upper else "roman", roman))
    if len(token) == 1 and token.isalpha():
        letter = Part(token, "ALPHA" if upper else "alpha", ord(token.lower()) - 96)
        out.insert(0 if roman is not None and roman > 10 else len(out), letter)
    return out


def readings(label: str) -> list[Number]:
    """The readings of a label as written ('4.3.1', '(a)', '7(d)', '#11.e.iv'), most likely
    first; [] where some token is no number. 'N.0' is item N, written as it stands."""
    tokens = _TOKEN_RE.findall(label)
    if len(tokens) == 2 and tokens[0].isdigit() and tokens[1] == "0":
        value = int(tokens[0])  # '3.0' numbers item 3 itself, its sub-items being 3.1 ...
        return [(Part(f"{value}.0", "arabic", value),)]
    options = [part_readings(t) for t in tokens]
    if not tokens or any(not o for o in options):
        return []
    return [tuple(p) for p in product(*options)][:4]


def from_ordinal(word: str, ordinals: dict[str, int]) -> Number:
    """The number of an ordinal word ('Second' = 2), or () where it is not one."""
    value = ordinals.get(word.casefold())
    return (Part(str(value), "arabic", value),) if value else ()


def key(number: Number) -> tuple[tuple[str, int], ...]:
    """A number's identity for series bookkeeping (style and value of each part)."""
    return tuple((p.style, p.value) for p in number)


def dotted(number: Number) -> str:
    """The number as FORMAT writes it: parts joined by dots from the outermost level."""
    return ".".join(p.text for p in number)
