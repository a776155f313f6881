"""Meeting type and sequence number.

Type: the first type in ``meeting_types.jsonl`` whose pattern fits the title; without a title,
the head and opening text; ``other`` where none fits. Sequence: the type's own patterns ("the
third Coordination Committee meeting of 2017") in the title, then the text; else an ordinal
with a meeting noun in the title ("Summary Record of the Thirty-first Meeting", "Meeting 3"),
then in a masthead line ("273rd Session").
"""

from __future__ import annotations

import re

from extractors.meeting.header import HeaderLine
from extractors.meeting.vocab import expand, ordinal_regex, ordinal_value, types, words


def find_type(title: str | None, zone: str) -> str:
    """Meeting type from the title (else the opening text), first listed type that fits."""
    for t in types():
        if re.search(t["pattern"], title or zone, re.I):
            return t["type"]
    return "other"


def _ordinal_in(rx: re.Pattern[str], text: str) -> int | None:
    m = rx.search(text)
    if not m:
        return None
    value = m.groupdict().get("num") or m.groupdict().get("ord")
    return ordinal_value(value) if value else None


def _generic_patterns() -> list[re.Pattern[str]]:
    nouns = "(?:" + "|".join(map(re.escape, words("sequence_noun"))) + ")"
    ordinal = rf"(?P<ord>{ordinal_regex()})"
    return [re.compile(expand(rf"{ordinal}(?:\s+[\w-]+){{0,2}}?\s+{nouns}\b"), re.I),
            re.compile(rf"\b{nouns}\s+(?:no\.?\s*|number\s+|#\s*)?(?P<num>(?!(?:19|20)\d\d\b)\d{{1,4}})\b(?![./])",
                       re.I)]


def find_sequence(kind: str, title: str | None, lines: list[HeaderLine],
                  text: str) -> int | None:
    """The meeting's own ordinal, or None."""
    for t in types():
        if t["type"] != kind:
            continue
        for source in (title or "", text):
            best = None
            for pat in t.get("sequence", []):
                rx = re.compile(pat.replace("{ORD}", f"(?P<ord>{ordinal_regex()})"), re.I)
                m = rx.search(source)
                if m and (best is None or m.start() < best.start()):
                    best = m
            if best:
                return ordinal_value(best.group("ord"))
    generic = _generic_patterns()
    sources = [title or ""] + [ln.text for ln in lines if not ln.furniture
                               and len(ln.text.split()) <= 4]
    for source in sources:
        for rx in generic:
            value = _ordinal_in(rx, source)
            if value:
                return value
    return None
