"""Offices that speak in minutes (President, Chair, Executive Coordinator, ISU Director).

Patterns come from ``resources/offices.jsonl``; each line gives the role, the speaker name used
in the output, and how to find the delegation holding the office: a fixed ``code``, the
meeting's presidency (``presidency``), or an attendee whose role matches ``holder_role``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import srsly
from spacy.matcher import Matcher
from spacy.tokens import Doc

from extractors.context import Context
from extractors.entities import Entities
from extractors.gazetteer import RESOURCES

OFFICES = RESOURCES / "offices.jsonl"


@dataclass(frozen=True)
class Speaker:
    """Who takes the floor: a delegation, or an office (with its holder's code where known)."""

    name: str
    code: str | None
    role: str | None = None
    person: str | None = None  # the attendee speaking, where the text names a person

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        """Identity used to tell speakers apart (a person is told apart by ``same``)."""
        return (self.code, self.role, self.name if self.code is None else "")

    def same(self, other: Speaker) -> bool:
        """The same speaker: same key, and the same person where both name one."""
        return self.key == other.key and (
            self.person is None or other.person is None or self.person == other.person)


@dataclass(frozen=True)
class Office:
    """One office definition from the data file."""

    role: str
    speaker: str
    code: str | None = None
    presidency: bool = False
    holder_role: str | None = None


@cache
def _office_rows() -> tuple[dict[str, Any], ...]:
    return tuple(srsly.read_jsonl(OFFICES))


@cache
def offices() -> tuple[Office, ...]:
    """Distinct offices (one per role), in data-file order."""
    seen: dict[str, Office] = {}
    for row in _office_rows():
        seen.setdefault(row["role"], Office(row["role"], row["speaker"], row.get("code"),
                                            bool(row.get("presidency")), row.get("holder_role")))
    return tuple(seen.values())


@cache
def _not_followed_by(role: str) -> frozenset[str]:
    """Words that, right after a mention, make it another title ("Secretary-General")."""
    return frozenset(w for row in _office_rows() if row["role"] == role
                     for w in row.get("not_followed_by", []))


ENTITY_TEST = "ENT_TYPE"
"""A pattern token's test of the entity label, checked after matching (``_entity_tests``)."""


@cache
def _entity_tests() -> tuple[dict[int, Any], ...]:
    """Per data-file row, its pattern's entity-label tests by pattern token index.

    The entity recogniser runs only where a rule asks (``extractors/entities.py``), so the
    Matcher cannot test labels itself: they are taken out of the patterns
    (``office_matcher``) and tested on each match's tokens (``office_spans``)."""
    return tuple({k: token[ENTITY_TEST] for k, token in enumerate(row["pattern"])
                  if ENTITY_TEST in token} for row in _office_rows())


def _label_passes(test: Any, label: str) -> bool:
    """An ENT_TYPE test of a Matcher pattern (a label, or ``{"IN": [...]}`` /
    ``{"NOT_IN": [...]}``) applied to one token's entity label."""
    if isinstance(test, str):
        return label == test
    if set(test) - {"IN", "NOT_IN"}:
        raise ValueError(f"{OFFICES}: ENT_TYPE test {test!r}: only a label, IN or NOT_IN")
    return label in test.get("IN", [label]) and label not in test.get("NOT_IN", [])


def office_matcher(vocab: Any) -> Matcher:
    """A Matcher whose match ids are data-file row numbers ("0", "1" ...), with the patterns'
    entity-label tests left out (``_entity_tests`` holds them)."""
    matcher = Matcher(vocab)
    for n, row in enumerate(_office_rows()):
        matcher.add(str(n), [[{k: v for k, v in token.items() if k != ENTITY_TEST}
                              for token in row["pattern"]]])
    return matcher


def office_spans(sdoc: Doc, entities: Entities) -> list[tuple[int, int, str]]:
    """(start token, end token, role) of office mentions, longest first where they overlap.
    ``entities`` gives the labels the patterns' ENT_TYPE tests read."""
    rows, tests = _office_rows(), _entity_tests()
    matched = []
    for m, s, e, alignment in office_matcher(sdoc.vocab)(sdoc, with_alignments=True):
        n = int(sdoc.vocab.strings[m])
        if all(_label_passes(tests[n][k], entities.label(s + i))
               for i, k in enumerate(alignment) if k in tests[n]):
            matched.append((s, e, rows[n]["role"]))
    found = [(s, e, role) for s, e, role in matched
             if not _qualified(sdoc, s, e)
             and not (e < len(sdoc) and sdoc[e].lower_ in _not_followed_by(role))]
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for s, e, role in found:
        if s >= last_end:
            out.append((s, e, role))
            last_end = e
    return out


_QUALIFIERS = {"vice", "former", "past", "incoming", "outgoing", "designate", "elect", "deputy"}


def _qualified(sdoc: Doc, start: int, end: int) -> bool:
    """"Vice-President", "President-designate", "former Chair": not the office holder."""
    before = [t.lower_ for t in sdoc[max(start - 2, 0):start]]
    after = [t.lower_ for t in sdoc[end:end + 2]]
    return bool(_QUALIFIERS & set(before[-1:])) or (
        before[-1:] == ["-"] and bool(_QUALIFIERS & set(before))) or (
        after[:1] == ["-"] and bool(_QUALIFIERS & set(after)))


_ROLE_QUALIFIER = re.compile(r"\b(vice|deputy|former|past|designate|elect|assistant|acting)\b",
                             re.I)


def office_for_role(role: str | None) -> Office | None:
    """The office a role written beside a person names ("SC Chair", "Clerk"), unless the role
    is qualified ("Vice-Chair", "President-designate")."""
    if not role or _ROLE_QUALIFIER.search(role):
        return None
    for office in offices():
        if office.holder_role and re.search(office.holder_role, role, re.I):
            return office
    return None


def _presidency_from_text(ctx: Context) -> str | None:
    """Code of a delegation written right before 'chairmanship'/'presidency' in the body."""
    for span in ctx.delegation_spans():
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.lower_ in {"chairmanship", "presidency"} \
                and span.label_ == "state":
            return span.id_
    return None


def holder_code(ctx: Context, office: Office) -> str | None:
    """Code of the delegation holding ``office`` where the document says so, else None."""
    if office.code:
        return office.code
    if office.presidency and ctx.meeting is not None and ctx.meeting.presidency_code:
        return ctx.meeting.presidency_code
    if office.holder_role:
        pattern = re.compile(office.holder_role, re.I)
        for att in ctx.attendees:
            if att.role and att.delegation_code and pattern.search(att.role):
                return att.delegation_code
    if office.presidency:
        return _presidency_from_text(ctx)
    return None


def fixed_code(role: str) -> str | None:
    """The organization an office always belongs to (e.g. the ISU Director), or None."""
    return next((o.code for o in offices() if o.role == role), None)


def office_speaker(ctx: Context, role: str) -> Speaker:
    """The speaker for an office role in this document."""
    office = next(o for o in offices() if o.role == role)
    return Speaker(office.speaker, holder_code(ctx, office), office.role)
