"""Titles from headers of every kind (fictional minutes)."""

from __future__ import annotations

import pytest

from extractors.meeting.header import header_lines, split_line
from extractors.meeting.title import acronym, body_name, find_title
from tests.extractors.meeting.conftest import context_of


def _title(text: str) -> str | None:
    ctx = context_of(text)
    found = find_title(ctx, header_lines(ctx))
    return found.text if found else None


UN_MASTHEAD = """UNITED NATIONS

Distr. GENERAL

XB/LHS/SR.26
3 March 2031

ORIGINAL: ENGLISH

COMMISSION ON LIGHTHOUSE STANDARDS

Fifth Session

SUMMARY RECORD OF THE TWENTY-SIXTH MEETING

Held at Port Elstow, on Friday, 28 February 2031, at 2.15 p.m.

Chairman: Mr. Tomas Brenning (Canada)

CONSIDERATION OF THE DRAFT CODE
"""

UN_MASTHEAD_LOWER = """Lighthouse Standards Commission

Distr.: General
12 May 2032

Original: French

Committee on Coastal Signals

Eightieth session

Summary record of the 1204th meeting

Held at the Harbour House, Kellingford, on Monday, 3 May 2032, at 10 a.m.

Chairperson: Ms. Ada Quillfeather

Adoption of the agenda
"""


@pytest.mark.parametrize(("text", "title"), [
    (UN_MASTHEAD, "SUMMARY RECORD OF THE TWENTY-SIXTH MEETING"),
    (UN_MASTHEAD_LOWER, "Summary record of the 1204th meeting"),
])
def test_masthead_lines_are_not_the_title(text: str, title: str) -> None:
    assert _title(text) == title


@pytest.mark.parametrize(("text", "title"), [
    ("Navigate Up\nSign In\nDownload\nSize: px\n\nMinutes of the Ninth Meeting of the Harbour "
     "Board\n\nHeld on Tuesday 4 March 2031\n\n1. Opening\n",
     "Minutes of the Ninth Meeting of the Harbour Board"),
    ("3 downloads 27 Views 88KB Size Report\nTranscription\n\nRECORD OF THE FOURTH SITTING OF "
     "THE DOCK COUNCIL\n\nPresent: Ms. Ada Quillfeather\n",
     "RECORD OF THE FOURTH SITTING OF THE DOCK COUNCIL"),
])
def test_web_chrome_is_not_the_title(text: str, title: str) -> None:
    assert _title(text) == title


@pytest.mark.parametrize(("text", "title"), [
    ("MINUTES OF THE DOCK COUNCIL MEETING Held on Thursday 6 March 2031 at the Harbour House, "
     "from 10:00 – 11:30 hours 1. Present: Ms. Ada Quillfeather\n",
     "MINUTES OF THE DOCK COUNCIL MEETING"),
    ("SUMMARY RECORD OF THE THIRD MEETING. Harbour House Kellingford Thursday. 6 March 2031 at "
     "8.30 a.m. CHAIRMAN: Dr Tomas Brenning (Chile)\n",
     "SUMMARY RECORD OF THE THIRD MEETING"),
])
def test_run_together_header_is_cut(text: str, title: str) -> None:
    assert _title(text) == title


@pytest.mark.parametrize(("text", "title"), [
    ("---\nlayout: page\ntitle: Harbour Board Meeting 2031 May\n---\n\n#### 2 May 2031 "
     "Kellingford, Northland.\n\n1.\t**Welcome**\n", "Harbour Board Meeting 2031 May"),
    ('---\ntitle: "Dock Council teleconference 2032 June"\nowner: council\n---\n\n'
     "#### 9th June 2032 - via teleconference\n\n**Attendance**\n- Ada Quillfeather\n",
     "Dock Council teleconference 2032 June"),
])
def test_front_matter_title_when_the_body_has_none(text: str, title: str) -> None:
    assert _title(text) == title


def test_body_title_wins_over_front_matter_and_generic_lead_in() -> None:
    text = ('---\ntitle: "Northmoor council minutes"\ndate: "2031-09-01"\n---\n\n'
            "Minutes of the meeting held on 5 August 2031\n\nDRAFT\n\n"
            "Minutes of Northmoor Parish Council Meeting held in the Village Hall\n\n"
            "At 7.30pm on Tuesday 5 August 2031\n\nThose Attending: Cllr A Quill (Chairman)\n")
    assert _title(text) == "Minutes of Northmoor Parish Council Meeting"


@pytest.mark.parametrize(("text", "title"), [
    ("Report of the 14th Meeting of the Dock Council, 27 March 2031\n\nAgenda Item 1: Opening\n",
     "Report of the 14th Meeting of the Dock Council"),
    ("Chairman's Report of the Special Meeting,\nKellingford, December 2031\n\n"
     '(from "HARBOUR BULLETIN 4")\n\n1. DATE AND PLACE\n',
     "Chairman's Report of the Special Meeting, Kellingford, December 2031"),
    ("Harbour Board - Meeting 7 (25 March 2031)\n\n## Context\nThis was the seventh meeting.\n",
     "Harbour Board - Meeting 7 (25 March 2031)"),
])
def test_date_tail_and_comma_continuation(text: str, title: str) -> None:
    assert _title(text) == title


@pytest.mark.parametrize("text", [
    "Agenda Item #3: Exchange of views\n\nThe meeting reverted to the item to hear a statement:\n",
    "Monday 8 May & Friday 12 May1. Opening of the meetingThe meeting was opened by the chair.\n",
    "1. The Final Report of the Second Dock Conference contained the following decision.\n",
])
def test_no_title_line(text: str) -> None:
    assert _title(text) is None


def test_split_line_keeps_offsets() -> None:
    text = "TITLE OF THE MEETING Held on 3 May 2031 CHAIRMAN: Mr. X (Chile)"
    lines = split_line(10, text)
    assert [ln.text for ln in lines] == ["TITLE OF THE MEETING", "Held on 3 May 2031",
                                         "CHAIRMAN: Mr. X (Chile)"]
    assert all(text[ln.start - 10:ln.end - 10] == ln.text for ln in lines)


def test_body_name_and_acronym() -> None:
    assert body_name("Minutes of the Northmoor Parish Council meeting held on 8 July") == \
        "Northmoor Parish Council"
    assert acronym("Office of Harbour Services") == "OHS"


def test_long_site_chrome_does_not_use_up_the_head() -> None:
    chrome = "".join(f"Home > Boards > Page {i}\nDownload\n" for i in range(12))
    text = chrome + "\nMinutes of the Sixth Meeting of the Dock Council\n\n1. Opening\n"
    assert _title(text) == "Minutes of the Sixth Meeting of the Dock Council"


@pytest.mark.parametrize(("text", "title"), [
    ("DRAFT MINUTES OF THE 5TH MEETING OF THE DOCK COUNCIL\n\nHeld on 3 May 2031\n",
     "DRAFT MINUTES OF THE 5TH MEETING OF THE DOCK COUNCIL"),
    ("DRAFT\n\nMinutes of the 5th Meeting of the Dock Council\n\nHeld on 3 May 2031\n",
     "Minutes of the 5th Meeting of the Dock Council"),
])
def test_draft_stamp(text: str, title: str) -> None:
    assert _title(text) == title
