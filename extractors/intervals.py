"""Items with a character span, looked up by position at a cost that does not grow with their
number: what a rule needs when it asks, for every sentence of a long document, which agenda
heading, speaker turn or kept record lies at that place.

Items are filed in buckets of ``BUCKET`` characters (every bucket their span touches, its end
included); ``near(start, end)`` returns the items filed in the buckets ``start .. end``
touches, in the order they were added. That is a superset of every item that overlaps,
covers or touches the span, so a rule keeps its own exact test and only the list it tests
shrinks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")

BUCKET = 512


class IntervalIndex(Generic[T]):
    """Items found by the character span ``span(item)`` = (start, end) they cover."""

    def __init__(self, span: Callable[[T], tuple[int, int]], items: Iterable[T] = ()) -> None:
        self._span = span
        self._items: list[T] = []
        self._buckets: dict[int, list[int]] = {}
        for item in items:
            self.add(item)

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> list[T]:
        """Every item, in the order added."""
        return list(self._items)

    def add(self, item: T) -> None:
        """File ``item`` under every bucket from its start to its end (at least one char)."""
        start, end = self._span(item)
        index = len(self._items)
        self._items.append(item)
        for bucket in range(start // BUCKET, max(end, start + 1) // BUCKET + 1):
            self._buckets.setdefault(bucket, []).append(index)

    def near(self, start: int, end: int | None = None) -> list[T]:
        """Items filed where ``start`` .. ``end`` (default ``start``) lies, ends included, in
        the order they were added."""
        end = start if end is None else max(start, end)
        first, last = start // BUCKET, end // BUCKET
        if first == last:
            found = self._buckets.get(first, [])
        else:
            found = sorted({i for b in range(first, last + 1) for i in self._buckets.get(b, ())})
        return [self._items[i] for i in found]
