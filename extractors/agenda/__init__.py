"""Agenda items: one module per layout family, and ``choose`` to pick among them.

- ``spec``: the vocabulary and patterns of ``resources/agenda_patterns.jsonl``.
- ``numbering``: reading item numbers in any style and writing them as dotted strings.
- ``titles``: cleaning titles, telling a title from a sentence, run-in headings.
- ``candidates``: the candidate item every layout produces.
- ``headed``: numbered headings in the body ('4.', 'III.', '(a)', 'Agenda item 4:' ...).
- ``glued``: headings glued to their text with no line break.
- ``flattened``: item numbers inside blocks whose line breaks were lost.
- ``series``: which numbered candidates continue one series (the agenda).
- ``contents``: agenda and contents lists at the top of the record.
- ``run_together``: contents lists whose line breaks were lost.
- ``subject_headings``: unnumbered subject headings.
- ``tables``: agendas laid out as tables.
- ``choose``: which layout gives the agenda; ``extract_agenda`` is the entry point.
"""

from extractors.agenda.choose import extract_agenda
from extractors.agenda.titles import clean_heading, is_title

__all__ = ["clean_heading", "extract_agenda", "is_title"]
