"""Where the meeting was held, as written.

In order: a labelled line ("Venue: X", continued on the next short unlabelled line); a
held-at / held-in phrase in the head or opening text ("Held at the Palais Wilson, Geneva, on
Friday ...", "held in the Community Centre", "at the Permanent Mission of X, from 10:00"); the
place of a place-and-date dateline ("Brisbane, Australia, 27 March 1996", "31 May - 1 June 2018
Helsinki, Finland.", "Grand Hotel Thursday. 10 September 1992 at 8.30 a.m.").
"""

from __future__ import annotations

import re

from extractors.attendees.persons import strip_markup
from extractors.context import Context
from extractors.meeting.header import HeaderLine, held_statements, place_of_dateline
from extractors.meeting.vocab import patterns

_LABEL = re.compile(r"^[A-Z][\w ]{0,20}:\s*\S")
MAX_CONTINUATION_WORDS = 14


def _labelled(ctx: Context, lines: list[HeaderLine]) -> str | None:
    label = [p for p in patterns("venue", 0) if p.pattern.startswith("^(?i:venue")]
    for i, ln in enumerate(lines):
        for p in label:
            m = p.match(ln.text)
            if not m:
                continue
            parts = [m.group("venue").strip()]
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            block = ctx.doc.block_at(ln.start)
            if (nxt is not None and not nxt.furniture and not _LABEL.match(nxt.text)
                    and len(nxt.text.split()) <= MAX_CONTINUATION_WORDS
                    and block is not None and block.end <= nxt.start
                    and (nb := ctx.doc.block_at(nxt.start)) is not None
                    and nb.kind == "paragraph"):
                parts.append(nxt.text)
            return " ".join(p for p in parts if p) or None
    return None


def find_venue(ctx: Context, lines: list[HeaderLine]) -> str | None:
    """The venue as written, or None where the text does not say."""
    found = _labelled(ctx, lines)
    if found:
        return found
    phrases = [p for p in patterns("venue", 0) if not p.pattern.startswith("^(?i:venue")]
    texts = [ln.text for ln in lines if not ln.furniture]
    texts += [" ".join(strip_markup(h.after_cue).split()) for h in held_statements(ctx)]
    for text in texts:
        for p in phrases:
            m = p.search(text)
            if m and m.group("venue").strip(" ,"):
                return m.group("venue").strip(" ,").rstrip(".")
    for ln in lines:
        if not ln.furniture:
            place = place_of_dateline(ln.text)
            if place:
                return place
    return None
