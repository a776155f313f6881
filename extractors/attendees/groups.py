"""What the layout readers build: delegation groups with their persons, and their records."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.attendees.affiliations import unknown_org
from extractors.attendees.lines import Segment, org_like
from extractors.context import Context
from extractors.gazetteer import Delegation
from models.records import Attendee


@dataclass
class Group:
    """A delegation heading with the persons listed under it."""

    delegation: Delegation | None
    role: str | None
    status: str
    start: int
    end: int
    persons: list[tuple[Segment, int, int]] = field(default_factory=list)
    unknown: str | None = None  # heading text of an organization the gazetteer lacks


@dataclass
class Line:
    """A line of the attendance section: its segments and, for table rows, per-cell segments."""

    start: int
    end: int
    segs: list[Segment]
    cells: list[list[Segment]] | None = None
    inline: bool = False  # a list written on one line ("Present: A, B and C")
    text: str = ""  # the line as written (segment offsets are relative to its cleaned form)


class Column:
    """State of one column while walking an attendance section."""

    def __init__(self, status: str) -> None:
        self.status = status
        self.groups: list[Group] = []
        self.last = -1

    def feed(self, seg: Segment, start: int, end: int) -> None:
        if seg.kind == "S":
            self.status = seg.status or self.status
        elif seg.kind == "H":
            deleg = seg.delegation or unknown_org(seg.text)
            self.groups.append(Group(deleg, seg.role, self.status, start, end,
                                     unknown=None if seg.delegation else seg.text))
        elif self.groups:
            self.groups[-1].persons.append((seg, start, end))

    def open_slot(self, start: int, end: int) -> None:
        self.groups.append(Group(None, None, self.status, start, end))


def group_records(ctx: Context, groups: list[Group]) -> list[Attendee]:
    """Attendee records of delegation groups (one per person, or per delegation)."""
    out: list[Attendee] = []
    for g in groups:
        d = g.delegation
        assert d is not None
        base = {"doc_id": ctx.doc_id, "delegation": d.name, "delegation_code": d.code,
                "delegation_kind": d.kind, "status": g.status}
        if (not g.persons and g.unknown and not org_like(g.unknown)) or not d.code:
            continue  # a stray line, not a delegation
        if not g.persons:
            out.append(Attendee(**base, person=None, honorific=None, role=g.role,
                                **ctx.provenance(g.start, g.end)))
        for seg, start, end in g.persons:
            out.append(Attendee(**base, person=seg.text, honorific=seg.honorific,
                                role=seg.role or g.role, **ctx.provenance(start, end)))
    return out
