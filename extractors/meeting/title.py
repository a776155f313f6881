"""The meeting's own title: its name line(s) in the head, never furniture or a dateline.

The title is the first head line that names a meeting or a record of one ("Summary record of
the 2165th meeting", "Open-ended consultations on ...") and says which one (a capitalised word
or an ordinal besides its first word; a generic lead-in such as "Minutes of the meeting held on
<date>" gives way to a line that names the body). A line directly above it that also names a
meeting joins it; a masthead session line ("Eightieth session"), a body name or a dateline does
not. A line ending in a comma runs on into the next. A trailing ", <date>" and a "held in/at
<place>" clause are left out. With no title line in the text, a YAML front-matter ``title:`` is
the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.context import Context
from extractors.date_parsing import find_mentions
from extractors.meeting.header import (
    HeaderLine,
    front_matter_title,
    has_meeting_noun,
    is_chair_line,
    is_dateline,
    is_masthead_session,
)
from extractors.meeting.vocab import ordinal_regex, ordinal_values, patterns, words

MAX_WORDS = 30
_LABEL = re.compile(r"^[A-Z][\w ]{0,20}:\s*\S")
_HELD_CLAUSE = re.compile(r"\s+held\s+(?:in|at)\s+.*$")


@dataclass(frozen=True)
class Title:
    """The title as joined, and the head lines it came from (empty for front matter)."""

    text: str
    lines: tuple[HeaderLine, ...] = ()


def _date_placement_ok(text: str) -> bool:
    """A title may hold a date only at its end (", 8-9 May", "(25 March 2014)", "held on
    <date>") or before a colon subtitle; a date followed by other words is a dateline."""
    for m in find_mentions(text):
        after = text[m.end:].strip()
        if after and not after.startswith((":", ")")) and after not in (".", ","):
            return False
    return True


def _is_label(text: str) -> bool:
    """A "Label: value" line whose value names no meeting ("Venue: Harbour House")."""
    if not _LABEL.match(text):
        return False
    label, value = text.split(":", 1)
    return len(label.split()) <= 3 and not has_meeting_noun(value)


def is_candidate(line: HeaderLine) -> bool:
    """Whether a head line can be (part of) a title."""
    text = line.text
    if line.furniture or not text or len(text.split()) > MAX_WORDS:
        return False
    if is_dateline(text) or is_chair_line(text) or is_masthead_session(text):
        return False
    if _is_label(text) or any(p.search(text) for p in patterns("title_stop")):
        return False
    if not _date_placement_ok(text):
        return False
    return bool(re.match(r"[\w\"'“‘]", text)) and (text[0].isupper() or text[0].isdigit())


def is_informative(text: str) -> bool:
    """The line names its meeting: a capitalised word (not a month or weekday) or an ordinal
    after its first word, outside any date."""
    for m in reversed(find_mentions(text)):
        text = text[:m.start] + text[m.end:]
    rest = text.split()[1:]
    if re.search(ordinal_regex(), " ".join(rest), re.I):
        return True
    return any(w[:1].isupper() or any(c.isdigit() for c in w) for w in rest)


def _clean(text: str, anchor: bool) -> str:
    """Strip a trailing period, a "held in/at" clause and (on the anchor line) a ", <date>"
    tail."""
    text = _HELD_CLAUSE.sub("", text).strip()
    if anchor:
        found = find_mentions(text)
        if found and not text[found[-1].end:].strip(" .") and re.search(
                r"\s*,\s*$", text[:found[-1].start]):
            text = text[:found[-1].start].rstrip(" ,")
    return text.rstrip(" .;") if not text.endswith(",") else text


def find_title(ctx: Context, lines: list[HeaderLine]) -> Title | None:
    """The title of the document (see the module docstring)."""
    candidates = [i for i, ln in enumerate(lines)
                  if is_candidate(ln) and has_meeting_noun(ln.text)]
    informative = [i for i in candidates if is_informative(lines[i].text)]
    chosen = (informative or candidates or [None])[0]
    if chosen is None:
        fm = front_matter_title(ctx)
        return Title(fm) if fm else None
    first = chosen
    while first > 0 and is_candidate(lines[first - 1]) and has_meeting_noun(
            lines[first - 1].text) and not lines[first - 1].text.endswith((".", ":")):
        first -= 1
    last = chosen
    while last + 1 < len(lines) and (
            lines[last].text.endswith(",")
            or (is_candidate(lines[last + 1]) and has_meeting_noun(lines[last + 1].text)
                and last == chosen and _ends_open(lines[last].text))):
        last += 1
    parts = [_clean(ln.text, i == chosen) for i, ln in enumerate(lines[first:last + 1], first)]
    text = " ".join(p for p in parts if p)
    return Title(text, tuple(lines[first:last + 1])) if text else None


def _ends_open(text: str) -> bool:
    """A title line that does not close the title (no date, period or bracket at its end)."""
    return not (find_mentions(text) or text.endswith((".", ")")))


def body_name(text: str | None) -> str | None:
    """The body a title or masthead line names: the capitalised words that end in a body noun
    ("Minutes of the X Parish Council meeting" -> "X Parish Council")."""
    if not text:
        return None
    nouns = {w.lower() for w in words("body_noun")}
    stop = set(words("acronym_stopword")) | set(words("meeting_noun")) | set(ordinal_values())
    tokens = re.findall(r"[\w'’&-]+", text)
    for i, tok in enumerate(tokens):
        if tok.lower() not in nouns or not tok[0].isupper():
            continue
        j = i
        while j > 0 and tokens[j - 1][0].isupper() and tokens[j - 1].lower() not in stop:
            j -= 1
        if j < i:
            return " ".join(tokens[j:i + 1])
    return None


def acronym(name: str) -> str:
    """Initials of a name's capitalised words ("Government Digital Service" -> "GDS")."""
    stop = set(words("acronym_stopword"))
    return "".join(w[0].upper() for w in re.findall(r"[\w'’]+", name)
                   if w.lower() not in stop and w[0].isalpha())
