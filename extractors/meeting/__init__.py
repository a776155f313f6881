"""Meeting facts from headers of every kind: one module per fact family.

* ``header.py``: the document head cut into typed lines (furniture, datelines, chair lines);
* ``title.py``: the meeting's own title (front-matter ``title:`` as a last resort);
* ``kind.py``: meeting type and sequence number;
* ``dateline.py``: meeting date and start/end times;
* ``venue.py``: where it was held, as written;
* ``presidency.py``: the chair's State (or affiliation for non-State bodies);
* ``assemble.py``: the row.
"""

from extractors.meeting.assemble import extract_meeting
from extractors.meeting.dateline import find_meeting_date, find_times

__all__ = ["extract_meeting", "find_meeting_date", "find_times"]
