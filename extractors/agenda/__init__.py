"""Agenda items: one module per layout family, and ``choose`` to pick among them.

- ``numbering``: reading item numbers in any style and writing them as dotted strings.
- ``titles``: cleaning titles, telling a title from a sentence, run-in headings.
- ``headed``: numbered headings in the body ('4.', 'III.', '(a)', 'Agenda item 4:' ...).
- ``series``: which numbered candidates continue one series (the agenda).
- ``contents``: agenda and contents lists at the top of the record.
- ``choose``: which layout gives the agenda; ``extract_agenda`` is the entry point.
"""

from extractors.agenda.choose import extract_agenda
from extractors.agenda.titles import clean_heading, is_title

__all__ = ["clean_heading", "extract_agenda", "is_title"]
