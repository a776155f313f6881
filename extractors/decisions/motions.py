"""Motions: "Cllr X proposed acceptance; Cllr Y seconded; Carried", "Proposed by X, seconded
by Y, carried", "X proposes Y as President. Z seconds. 5 votes, i.e. unanimous".

A sentence with a verb of seconding is a decision; its record runs from the sentence that
proposes (when that is the one before) through the outcome lines after it ("Carried.",
"This was accepted unanimously."). Vote counts written there fill the vote columns.
"""

from __future__ import annotations

import re

from extractors.decisions.candidates import Candidate, Votes
from extractors.decisions.cues import forms, words
from extractors.decisions.tools import Tools
from extractors.interventions.segments import Segment

_NUM = r"(\d+|none|no|nil|one|two|three|four|five|six|seven|eight|nine|ten)"
_NUMBERS = {"none": 0, "no": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4,
            "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_BY_VOTES = re.compile(rf"\bby\s+{_NUM}\s+votes?\s+to\s+{_NUM}"
                       rf"(?:,?\s*with\s+{_NUM}\s+abstentions?)?", re.I)
_FOR_AGAINST = re.compile(rf"\b{_NUM}\s+(?:votes?\s+)?(?:in\s+)?favou?r|\b{_NUM}\s+for\b", re.I)
_AGAINST = re.compile(rf"\b{_NUM}\s+(?:votes?\s+)?against\b", re.I)
_ABSTAIN = re.compile(rf"\b{_NUM}\s+(?:abstentions?|abstained)\b|"
                      rf"\babstentions?\s*[:=]?\s*{_NUM}\b", re.I)
_UNANIMOUS_COUNT = re.compile(rf"\b{_NUM}\s+votes?\b[^;]{{0,20}}\bunanim|"
                              rf"\bunanim\w*\s*\(\s*{_NUM}\s+votes?\s*\)", re.I)
_DASHED = re.compile(r"\b(?:carried|passed|adopted|approved)\s*\(?\s*(\d+)\s*[-–:]\s*(\d+)"
                     r"(?:\s*[-–:]\s*(\d+))?", re.I)


def _num(value: str | None) -> int | None:
    if value is None:
        return None
    return int(value) if value.isdigit() else _NUMBERS.get(value.lower())


def _first(m: re.Match[str] | None) -> int | None:
    if m is None:
        return None
    return _num(next((g for g in m.groups() if g), None))


def parse_votes(text: str) -> Votes | None:
    """Vote counts a decision's text states, or None where it states none."""
    m = _BY_VOTES.search(text)
    if m:
        return Votes(_num(m.group(1)), _num(m.group(2)), _num(m.group(3)))
    m = _DASHED.search(text)
    if m:
        return Votes(int(m.group(1)), int(m.group(2)),
                     int(m.group(3)) if m.group(3) else None)
    votes = Votes(_first(_FOR_AGAINST.search(text)), _first(_AGAINST.search(text)),
                  _first(_ABSTAIN.search(text)))
    if votes.for_ is None:
        votes.for_ = _first(_UNANIMOUS_COUNT.search(text))
        if votes.for_ is not None and votes.against is None:
            votes.against = 0
    if votes.for_ is None and votes.against is None and votes.abstain is None:
        return None
    return votes


def _has(seg: Segment, kind: str) -> bool:
    table = forms(kind)
    return any(t.lower_ in table for t in seg.span)


def _outcome(seg: Segment) -> bool:
    """A short outcome line: "Carried.", "This was accepted unanimously.", "5 votes"."""
    tokens = [t for t in seg.span if not t.is_punct]
    return 0 < len(tokens) <= 8 and any(t.lower_ in words("motion_result") for t in tokens)


def motion_candidates(tools: Tools) -> list[Candidate]:
    """One decision per seconded motion."""
    out: list[Candidate] = []
    segs = [s for s in tools.segs if not tools.finder.skipped(s)]
    for k, seg in enumerate(segs):
        if not _has(seg, "motion_second"):
            continue
        if not any((t.lower_.startswith("second") and t.pos_ in {"VERB", "AUX", "ADP"})
                   or t.lower_ in {"seconded", "seconds", "seconder"} for t in seg.span):
            continue
        start, end = seg.start, seg.end
        if k and not _has(seg, "motion_propose") and segs[k - 1].block == seg.block \
                and _has(segs[k - 1], "motion_propose"):
            start = segs[k - 1].start
        j = k + 1
        while j < len(segs) and segs[j].block == seg.block and _outcome(segs[j]):
            end = segs[j].end
            j += 1
        text = tools.ctx.doc.text[start:end]
        if out and out[-1].end > start:
            continue
        out.append(Candidate("decision", start, end, votes=parse_votes(text),
                             family="motions"))
    return out
