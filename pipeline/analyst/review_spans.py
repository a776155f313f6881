"""Lay possibly nested or crossing character spans out as a well-formed tree of fragments.

The review page highlights every record at its ``char_start``/``char_end``. Records nest (a date
inside a decision inside a turn) and may cross (a quality flag that starts inside one turn and
ends in the next). HTML elements can only nest, so :func:`layout` sweeps the text once, keeps a
stack of open spans and, where a span ends below others still open, closes those others and
reopens them after it: a crossing span becomes several fragments, each tagged with its span, so
the record stays findable. Zero-length spans become empty fragments; spans reaching outside the
text are clamped to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """One record's highlight: ``[start, end)`` in the text; lower ``rank`` nests further out."""

    start: int
    end: int
    key: str
    rank: int = 0


@dataclass(frozen=True)
class Open:
    """Start of fragment ``part`` (0-based) of ``span``."""

    span: Span
    part: int


@dataclass(frozen=True)
class Close:
    """End of the innermost open fragment, which belongs to ``span``."""

    span: Span


@dataclass(frozen=True)
class Text:
    """A run of text between two boundaries."""

    text: str


@dataclass(frozen=True)
class Marker:
    """A point of interest in the text (e.g. a page start) given by the caller."""

    offset: int
    value: object


Token = Open | Close | Text | Marker


def clamp(span: Span, length: int) -> Span:
    """``span`` limited to ``[0, length]`` with ``start <= end``."""
    start = min(max(span.start, 0), length)
    end = min(max(span.end, start), length)
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, span.key, span.rank)


def _outer_first(span: Span) -> tuple[int, int, str]:
    """Order of spans opening at one offset: the one ending last (the outer one) first."""
    return (-span.end, span.rank, span.key)


def layout(text: str, spans: Iterable[Span], markers: Iterable[Marker] = ()) -> Iterator[Token]:
    """Tokens that rebuild ``text`` with every span as properly nested fragments.

    Concatenating the ``Text`` tokens gives ``text``; the text inside the fragments of a span,
    joined, is ``text[span.start:span.end]`` (after :func:`clamp`). Every ``Open`` is matched by
    a ``Close`` of the same span, in nesting order.
    """
    length = len(text)
    spans = sorted((clamp(s, length) for s in spans), key=lambda s: (s.start, *_outer_first(s)))
    starting: dict[int, list[Span]] = {}
    for s in spans:
        starting.setdefault(s.start, []).append(s)
    at: dict[int, list[Marker]] = {}
    for m in markers:
        at.setdefault(min(max(m.offset, 0), length), []).append(m)
    bounds = sorted({0, length, *starting, *(s.end for s in spans), *at})
    parts: dict[Span, int] = {}
    stack: list[Span] = []

    def open_(span: Span) -> Open:
        part = parts.get(span, 0)
        parts[span] = part + 1
        stack.append(span)
        return Open(span, part)

    pos = 0
    for p in bounds:
        if p > pos:
            yield Text(text[pos:p])
            pos = p
        ending = [i for i, s in enumerate(stack) if s.end == p]
        reopen: list[Span] = []
        if ending:
            cut = ending[0]
            for s in reversed(stack[cut:]):
                yield Close(s)
            reopen = [s for s in stack[cut:] if s.end != p]
            del stack[cut:]
        yield from at.get(p, ())
        new = starting.get(p, [])
        for s in new:
            if s.end == p:  # zero-length: an empty fragment at the point
                yield open_(s)
                stack.pop()
                yield Close(s)
        for s in sorted(reopen + [s for s in new if s.end > p], key=_outer_first):
            yield open_(s)
    for s in reversed(stack):  # unreachable for clamped spans; kept so output stays balanced
        yield Close(s)


def fragment_counts(tokens: Iterable[Token]) -> dict[str, int]:
    """How many fragments each span (by key) was laid out in."""
    counts: dict[str, int] = {}
    for t in tokens:
        if isinstance(t, Open):
            counts[t.span.key] = counts.get(t.span.key, 0) + 1
    return counts
