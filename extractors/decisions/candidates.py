"""What every shape family proposes: a decision or action over a span of the body text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class Votes:
    """Votes cast on a decision, as stated (a missing count stays None)."""

    for_: int | None = None
    against: int | None = None
    abstain: int | None = None


@dataclass
class Candidate:
    """A decision or action point found by one shape family.

    ``start``/``end`` are character offsets of the text the record stands for (its sentence, or
    the lines of a motion); ``family`` names the module that found it.
    """

    kind: str
    start: int
    end: int
    actor: str | None = None
    due: dt.date | None = None
    votes: Votes | None = None
    family: str = ""

    def overlaps(self, other: Candidate) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end
