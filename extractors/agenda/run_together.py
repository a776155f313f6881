"""A contents or agenda list whose line breaks were lost (OCR, web transcriptions):
'CONTENTS 1. Consideration of draft reports Water supply in rural areas Report of the
Working Group on ...' in one block.

The text after a 'Contents'/'Agenda' label inside a block is a run-together list where it has
no sentence in it. It is split into titles where a capital follows a lower-case word that is
no function word ('reports Water'), where a capitalised word that opens titles ('Report',
'Review', or a noun ending in -tion, -ment, -ship ...) follows a capital and is followed by a
lower-case word ('Areas Report of'), and where a capital follows a run of punctuation. A
number before the first title is its number; the others have none.
"""

from __future__ import annotations

import re

from extractors.agenda.candidates import Cand
from extractors.agenda.numbering import readings
from extractors.agenda.spec import spec
from extractors.agenda.titles import clean_title, is_sentence
from extractors.context import Context
from models.document import Block

# a label standing as one: in capitals, or followed by a colon or a dash
_LABEL_RE = re.compile(r"\b(?:CONTENTS|AGENDA)\b[\W_]*|\b(?:Contents|Agenda)\s*[:~\-–—][\W_]*")
_NUMBER_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+")
_WORD_RE = re.compile(r"\S+")
_JUNK_END_RE = re.compile(r"[\W_]+$")
MIN_WORDS = 12
MIN_TITLES = 3


def _is_opener(word: str, following: str) -> bool:
    s = spec()
    bare = word.strip("\"'“‘(")
    if not bare[:1].isupper() or not following[:1].islower():
        return False
    return bare in s.title_openers or bare.lower().endswith(s.opener_endings)


def split_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of each title in a run-together list of titles."""
    function = spec().function_words
    words = list(_WORD_RE.finditer(text))
    starts = [0]
    for k in range(1, len(words)):
        word, prev = words[k].group(), words[k - 1].group()
        following = words[k + 1].group() if k + 1 < len(words) else ""
        junk_before = not re.search(r"[^\W\d_]", prev)
        if not word[:1].isupper() or (prev.endswith((":", ";", ",")) and not junk_before):
            continue
        lower_before = prev[:1].islower() and prev.lower() not in function
        if lower_before or junk_before or (prev[:1].isupper() and _is_opener(word, following)):
            starts.append(words[k].start())
    bounds = [*starts[1:], len(text)]
    return [(a, b) for a, b in zip(starts, bounds, strict=True)]


def _list_text(ctx: Context, block: Block) -> tuple[int, str] | None:
    """Offset and text of a run-together list after a label inside ``block``."""
    text = ctx.doc.block_text(block)
    m = _LABEL_RE.search(text)
    if m is None:
        return None
    rest = text[m.end():]
    if len(rest.split()) < MIN_WORDS:
        return None
    start = block.start + m.end()
    if is_sentence(ctx, start, start + len(rest)):
        return None
    return start, rest


def run_together_contents(ctx: Context) -> list[Cand]:
    """Items of a contents or agenda list run together in one block ([] where none)."""
    for block in ctx.doc.blocks:
        found = _list_text(ctx, block)
        if found is None:
            continue
        start, text = found
        number = _NUMBER_RE.match(text)
        options = readings(number.group("num")) if number else []
        offset = number.end() if number else 0
        out = []
        for a, b in split_titles(text[offset:]):
            title = clean_title(_JUNK_END_RE.sub("", text[offset + a:offset + b]) or "")
            if len(title.split()) < 2:
                break
            out.append(Cand(options if not out else [], title, start + offset + a,
                            start + offset + b, listed=True))
        if len(out) >= MIN_TITLES:
            return out
    return []
