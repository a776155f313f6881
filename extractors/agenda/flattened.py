"""Item headings inside a block whose line breaks were lost (web transcriptions, OCR):
'... from 10:00 - 11:30 hours 1. Present: Germany ...', '... attached as an annex. (a) Opening
Ceremony 3. The Chairperson welcomed ...'.

A number inside a long block (``inline_marker`` in the data file; not one cited in the
sentence, as in 'paragraph 3.', nor one after a colon or comma that lists points) starts a
segment running to the next such number. The segment gives a heading where it is a title
followed by a sentence, or where a title is glued to its text (see ``glued``).
"""

from __future__ import annotations

from extractors.agenda.candidates import Cand
from extractors.agenda.glued import glued_title
from extractors.agenda.numbering import readings
from extractors.agenda.spec import spec
from extractors.agenda.titles import clean_title, is_sentence, is_title
from extractors.context import Context
from models.document import Block

MIN_BLOCK_CHARS = 150


def _markers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the numbers inside ``text`` that may start a heading."""
    s = spec()
    if s.inline_marker is None:
        return []
    out = []
    for m in s.inline_marker.finditer(text):
        if m.start() == 0:
            continue
        before = text[:m.start()].rstrip()
        words = before.split()
        if not words or before.endswith((":", ";", ",")):
            continue
        if words[-1].strip("()[],;:").casefold() in s.cited:
            continue
        out.append((m.start(), m.end(), m.group("num")))
    return out


def _segment_heading(ctx: Context, text: str, start: int, end: int,
                     followed_by_text: bool) -> tuple[str, int] | None:
    """The title of one segment and where it ends, or None."""
    segment = text[start:end].rstrip()
    title = clean_title(segment)
    if (title and is_title(title) and followed_by_text
            and not is_sentence(ctx, start, start + len(segment))):
        return title, start + len(segment)
    glued = glued_title(ctx, segment, start)
    return (glued, start + len(glued)) if glued else None


def inline_headings(ctx: Context, blocks: list[Block]) -> list[Cand]:
    """Headings found inside long blocks, in document order."""
    out = []
    for block in blocks:
        if (block.kind not in ("paragraph", "list_item")
                or block.end - block.start < MIN_BLOCK_CHARS):
            continue
        text = ctx.doc.block_text(block)
        marks = _markers(text)
        for k, (m_start, m_end, label) in enumerate(marks):
            options = readings(label)
            if not options:
                continue
            seg_end = marks[k + 1][0] if k + 1 < len(marks) else len(text)
            nxt_end = marks[k + 2][0] if k + 2 < len(marks) else len(text)
            followed = k + 1 < len(marks) and is_sentence(
                ctx, block.start + seg_end, block.start + nxt_end)
            found = _segment_heading(ctx, ctx.doc.text, block.start + m_end,
                                     block.start + seg_end, followed)
            if found:
                title, end = found
                out.append(Cand(options, title, block.start + m_start, end))
    return out
