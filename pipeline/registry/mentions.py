"""Who a turn or an action names, within one meeting.

A turn is linked to a person of that meeting's attendance when its opening names them (their
surname, or a given name no other attendee has, in a capitalised word), keeping only attendees
of the speaking delegation; else, for an office (President, Chair ...), the attendee whose role
in the attendance is that office, or the person an earlier turn of the same office named. A
full name led by an honorific at the start of a turn ("Ambassador Ana Ruiz said") names a
person even when the attendance does not list them. An action is linked the same way from its
opening words (a name, or an office such as "Clerk to write ..."). Nothing is guessed from a
delegation having one attendee: the minutes must name the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from extractors.attendees.persons import find_persons
from extractors.interventions.offices import office_for_role
from pipeline.registry.names import NameKey, fold, parse_name

OPENING_CHARS = 200  # how much of a turn is read for the speaker's name
ACTION_CHARS = 80  # how much of an action is read for the person it is assigned to
# a run of capitalised words, with short lower-case words (particles) inside or before it
_CAPITALISED = re.compile(r"(?:(?:[a-z]{1,3}|[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?)[ \t]+)*"
                          r"[A-ZÀ-ÖØ-Þ][\w'’\-]*")


@dataclass(frozen=True)
class Listed:
    """A named attendee of the meeting."""

    row: int
    name: NameKey
    code: str | None
    office: str | None  # the office their role names, e.g. "President"


@dataclass(frozen=True)
class Named:
    """Who a turn or action names: an attendee, or a name the attendance does not hold."""

    written: str
    name: NameKey | None
    code: str | None
    method: str
    attendee: Listed | None = None
    as_written: str | None = None  # the spelling in the turn or action, where it differs


def listed(rows: Iterable[tuple[int, dict[str, object]]]) -> list[Listed]:
    """The attendees of one meeting that name a person."""
    out = []
    for row, att in rows:
        name = parse_name(str(att["person"])) if att.get("person") else None
        if name is None or not name.full:
            continue
        office = office_for_role(att.get("role"))  # type: ignore[arg-type]
        out.append(Listed(row, name, att.get("delegation_code"),  # type: ignore[arg-type]
                          office.role if office else None))
    return out


def _tokens(text: str) -> set[str]:
    """Folded capitalised words of ``text``, each run read as a name (particles joined on:
    "DE VRIES" and "de Vries" give ``devries``)."""
    out: set[str] = set()
    for m in _CAPITALISED.finditer(text):
        name = parse_name(m.group())
        if name is not None:
            out.update(name.tokens)
            out.update(fold(w).replace("-", "") for w in m.group().split())
    return out


def _unique_given(attendees: list[Listed]) -> dict[str, Listed]:
    """First given names that only one attendee of the meeting has."""
    seen: dict[str, list[Listed]] = {}
    for att in attendees:
        if len(att.name.full) >= 2:
            seen.setdefault(att.name.full[0], []).append(att)
    return {given: atts[0] for given, atts in seen.items() if len(atts) == 1}


def _spelling(text: str, attendee: Listed) -> str | None:
    """How ``text`` writes the attendee's name: an honorific-led name ending in the surname."""
    for person in find_persons(text):
        name = parse_name(person.name)
        if name is not None and name.surname == attendee.name.surname:
            return person.name
    return None


class Meeting:
    """The attendance of one meeting, and the offices its turns have named."""

    def __init__(self, attendees: list[Listed]) -> None:
        self.attendees = attendees
        self.given = _unique_given(attendees)
        self.office_named: dict[tuple[str, str | None], set[Listed]] = {}

    def _in_text(self, text: str, code: str | None) -> list[Listed]:
        words = _tokens(text)
        found = {a for a in self.attendees if a.name.surname in words}
        found |= {a for given, a in self.given.items() if given in words}
        if code:
            found = {a for a in found if a.code == code}
        return sorted(found, key=lambda a: a.row)

    def _holders(self, office: str, code: str | None) -> list[Listed]:
        return [a for a in self.attendees if a.office == office and (not code or a.code == code)]

    def _one(self, people: list[Listed]) -> Listed | None:
        keys = {(a.name.key, a.code) for a in people}
        return people[0] if len(keys) == 1 else None

    def speaker(self, text: str, code: str | None, office: str | None) -> Named | None:
        """The person a turn names as its speaker, or None."""
        opening = text[:OPENING_CHARS]
        hit = self._one(self._in_text(opening, code))
        if hit is not None:
            if office:
                self.office_named.setdefault((office, code), set()).add(hit)
            return Named(hit.name.written, hit.name, hit.code, "named in the turn", hit,
                         _spelling(opening, hit))
        if office:
            hit = self._one(self._holders(office, code))
            if hit is not None:
                return Named(hit.name.written, hit.name, hit.code,
                             f"{office} in the attendance list", hit)
            named = self.office_named.get((office, code), set())
            if len(named) == 1:
                hit = next(iter(named))
                return Named(hit.name.written, hit.name, hit.code,
                             f"{office}, named in an earlier turn", hit)
        return self._written(opening, code)

    def _written(self, opening: str, code: str | None) -> Named | None:
        """A name led by an honorific in the first words of the turn, not in the attendance."""
        persons = find_persons(opening)
        if len(persons) != 1 or len(opening[:persons[0].start].split()) > 12:
            return None
        name = parse_name(persons[0].name)
        if name is None or len(name.full) < 2:
            return None
        return Named(persons[0].name, name, code, "named in the turn (not in the attendance)")

    def actor(self, text: str, code: str | None) -> Named | None:
        """The person an action is assigned to, or None."""
        opening = text[:ACTION_CHARS]
        hit = self._one(self._in_text(opening, code))
        if hit is not None:
            return Named(hit.name.written, hit.name, hit.code, "named in the action", hit,
                         _spelling(opening, hit))
        first = re.match(r"\W*(?:action\W+)?(?:the\s+)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)",
                         text, re.I)
        office = office_for_role(first.group(1)) if first else None
        if office is not None:
            hit = self._one(self._holders(office.role, code))
            if hit is not None:
                return Named(hit.name.written, hit.name, hit.code,
                             f"{office.role} in the attendance list", hit)
        return None
