"""What every agenda layout produces: candidate items, before a series or a layout is chosen."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.agenda.numbering import Number, dotted


@dataclass
class Cand:
    """A candidate agenda item.

    ``options`` are the readings of its number (empty where it has none); ``parts`` is the one
    chosen when the item joins a series. ``explicit`` items name themselves as agenda items
    ('Agenda item 4'); ``listed`` ones come from a list of items rather than a body heading.
    """

    options: list[Number]
    title: str
    start: int
    end: int
    listed: bool = False
    explicit: bool = False
    parts: Number = field(default=())
    cut: bool = False  # the title was cut where the heading runs on into its text
    run_in: tuple[str, int] | None = None  # where it could be cut (title, end), if not cut

    def __post_init__(self) -> None:
        if not self.parts and len(self.options) == 1:
            self.parts = self.options[0]

    @property
    def number(self) -> str:
        """The dotted number ('' where there is none)."""
        return dotted(self.parts)
