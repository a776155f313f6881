"""Headings glued to their text, with no line break between them.

'Budget - The treasurer reported ...' and 'Budget: the treasurer ...' are cut at the
separator; 'Opening of the meetingThe meeting was opened ...' where a lower-case letter runs
into a capital; 'Approval of the Minutes The Committee approved ...' and 'Update from the
Presidency Ambassador X provided ...' where a sentence starter (``sentence_starters`` in the
data file) or an honorific begins a sentence; 'Remarks by the President President of the
Meeting opened ...' where a word is repeated. The title before the cut must read as a title
and the text after it as a clause (or, after a lower-case letter run into a capital, open
with a sentence starter or an honorific).
"""

from __future__ import annotations

import re

from extractors.agenda.spec import spec
from extractors.agenda.titles import (
    clean_title,
    has_clause,
    is_sentence,
    is_title,
    run_in_title,
)
from extractors.attendees.persons import honorific_re
from extractors.context import Context

_CAMEL_RE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_WORD_RE = re.compile(r"\S+")
MIN_TITLE_WORDS = 2
MAX_TITLE_WORDS = 20


def _opens_sentence(text: str) -> bool:
    """Whether ``text`` starts with a sentence starter or an honorific."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return first in spec().sentence_starters or honorific_re().match(first) is not None


def _cuts(text: str) -> list[int]:
    """Offsets in ``text`` where the text after a glued heading may start, in order."""
    starters = spec().sentence_starters
    cuts = [m.start() for m in _CAMEL_RE.finditer(text)]
    words = list(_WORD_RE.finditer(text))
    for k in range(MIN_TITLE_WORDS, min(len(words), MAX_TITLE_WORDS + 1)):
        word, previous = words[k].group(), words[k - 1].group()
        if not word[0].isupper():
            continue
        if (word in starters or word == previous or honorific_re().match(word)):
            cuts.append(words[k].start())
    return sorted(set(cuts))


def glued_title(ctx: Context, text: str, start: int) -> str | None:
    """The title at the start of ``text`` (which starts at offset ``start`` of the body)
    where a heading runs on into its text, or None."""
    run_in = run_in_title(text)
    if run_in and not is_sentence(ctx, start, start + len(run_in)):
        return run_in
    for cut in _cuts(text):
        title = clean_title(text[:cut])
        if (len(title.split()) < MIN_TITLE_WORDS or not is_title(title)
                or is_sentence(ctx, start, start + cut)):
            continue
        camel = text[cut - 1].islower()
        if (camel and _opens_sentence(text[cut:])) or has_clause(ctx, start + cut,
                                                                start + len(text)):
            return title
    return None
