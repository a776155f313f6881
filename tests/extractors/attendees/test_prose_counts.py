"""Attendance given as a count, with the absentees named."""

from __future__ import annotations

COUNT = """Chairman's Report of the Annual Meeting

3. REPRESENTATION

Delegates attended from 12 of the 14 member governments, Fiji and Malta being absent.
"""

EXCEPT = """Summary of the Council session

All members of the Council were present except Uruguay and Nepal. The Chair opened the session.
"""

MENTION = """Summary of the Council session

The Council noted that Fiji had been absent from the last regional workshop. The report was
adopted.
"""


def test_count_with_absentees_named(rows) -> None:
    assert rows(COUNT) == [("FJI", "absent", None), ("MLT", "absent", None)]


def test_all_present_except(rows) -> None:
    assert rows(EXCEPT) == [("URY", "absent", None), ("NPL", "absent", None)]


def test_an_absence_outside_an_attendance_sentence_is_not_a_record(rows) -> None:
    assert rows(MENTION) == []
