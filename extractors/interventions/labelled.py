"""Labelled turns: a block that opens with who speaks.

Shapes read here (the label must resolve to a delegation, an office or an attendee):
- "Label: text" ("Germany (Coord. X): ...", "(Exec. Coord): ...", "Chair: ...",
  "Mr Doe: ...", "Nicolas: ...");
- "XX - text" bullets led by initials, a first name or a surname the attendance list defines
  ("JD - agreed", "RGr- yes", "Maria – will check");
- transcript lines "[Name] text".
Labels that name no single speaker ("All:", "ACTION (Secretariat):", "Decision:") are not
turns (word list ``not_turn_label`` in ``speaker_cues.tsv``), nor is a furniture line whose
text is only a person ("President: Mr. DOE").
"""

from __future__ import annotations

import re

from extractors.attendees.persons import honorific_re, particles
from extractors.interventions.offices import Speaker
from extractors.interventions.reported import SpeakerFinder, _merge
from extractors.lexicon import cue
from models.document import Block, Document

# "Germany (Coord. Stock. Destruct.): ..." / "(Exec. Coord): ..." / "President: ..."
_LEAD = r"^\s*(?:[o•▪·*\-–]\s+)?[\[*_]*"  # a sub-bullet mark, link bracket or emphasis
COLON_LABEL = re.compile(_LEAD + r"(?P<label>\(?[^:()\n]{1,45}?\)?)\s*"
                         r"(?:\((?P<paren>[^)\n]{0,80})\))?\s*:\s*\S")
# "JD - text", "RGr- text", "Maria – text": a short capitalised label before a dash
DASH_LABEL = re.compile(_LEAD + r"(?P<label>[A-ZÀ-Þ][\w'’.]{0,20}(?:\s[A-ZÀ-Þ][\w'’.]{0,20}){0,2})"
                        r"\s*[-–—]+\s*(?=\S)")
BRACKET_LABEL = re.compile(r"^\s*\[(?P<label>[^\]\n]{1,45})\]\s*(?=\S)")
_NAME_ONLY = re.compile(r"^[\w'’.\-]+(?:\s+[\w'’.\-]+){0,4}\s*(?:\([^)\n]*\))?\.?$")


_ENUMERATED = re.compile(r"^\(?(?:\d+|[a-zA-Z]|[ivxIVX]+)[.)]")


def _named_subject(finder: SpeakerFinder, rest: str) -> bool:
    """The text after a colon opens with a named person ("Item: JD proposes ..."): the label
    is a sub-heading and the sentence names its own speaker."""
    first = re.match(r"\s*([A-ZÀ-Þ][\w'’]*)", rest)
    return bool(first) and finder.persons.by_label(first.group(1)) is not None


def _first_word(label: str) -> str:
    return re.split(r"[\s(\-–—]+", label.strip(" ([*_"), maxsplit=1)[0].lower()


def _not_turn(label: str) -> bool:
    return _first_word(label) in cue("not_turn_label")


def _text_follows(rest: str) -> bool:
    """Words follow the label (not figures, "£12.50", or a line of dots to sign on)."""
    rest = rest.strip()
    return bool(rest) and (rest[0].isalpha() or rest[0] in "\"'“‘([")


def action_block(doc: Document, block: Block) -> bool:
    """A block led by an action-point label ("ACTION - X to ...", "Actions: ...")."""
    text = doc.block_text(block)
    for pattern in (COLON_LABEL, DASH_LABEL):
        m = pattern.match(text)
        if m and _first_word(m.group("label")) in cue("action_label"):
            return True
    return False


def _furniture(rest: str) -> bool:
    """Text after a label that is only a person's name ("Mr. DOE", "Dr Jane Roe (Ruritania)")."""
    rest = rest.strip()
    m = honorific_re().match(rest)
    if not m:
        return False
    name = rest[m.end():].strip()
    words = [w for w in re.sub(r"\([^)]*\)", "", name).split() if w.lower() not in particles()]
    return bool(_NAME_ONLY.match(name)) and all(w[:1].isupper() for w in words)


def label_speakers(finder: SpeakerFinder, block: Block) -> tuple[list[Speaker], int] | None:
    """Speakers of a labelled block, and where the text after the label starts."""
    doc = finder.ctx.doc
    text = doc.block_text(block)
    m = COLON_LABEL.match(text)
    if m and not _not_turn(m.group("label")) and not _ENUMERATED.match(m.group("label")):
        rest = text[m.end() - 1:]
        if _furniture(rest) or not _text_follows(rest) or _named_subject(finder, rest):
            return None
        spk = _colon_speakers(finder, block.start, m)
        if spk:
            return spk, block.start + m.end() - 1
    m = BRACKET_LABEL.match(text)
    if m and not _not_turn(m.group("label")):
        spk = _named(finder, m.group("label"), block.start + m.start("label"),
                     block.start + m.end("label"))
        if spk:
            return spk, block.start + m.end()
    m = DASH_LABEL.match(text)
    if m and not _not_turn(m.group("label")):
        # only a person leads a dash bullet: "Germany - 7MSP President" is a list heading
        person = finder.persons.by_label(m.group("label"))
        if person is not None and _text_follows(text[m.end():]):
            return [person], block.start + m.end()
    return None


def _colon_speakers(finder: SpeakerFinder, start: int, m: re.Match[str]) -> list[Speaker]:
    spk = _named(finder, m.group("label"), start + m.start("label"), start + m.end("label"))
    if not spk and m.group("paren"):  # "Mr. Tan (Singapore): ..."
        spk = _named(finder, m.group("paren"), start + m.start("paren"), start + m.end("paren"))
    return spk


def _named(finder: SpeakerFinder, label: str, start: int, end: int) -> list[Speaker]:
    """Who a label names: an attendee by initials or name, else the delegations and offices
    mentioned in it."""
    person = finder.persons.by_label(label)
    if person is not None:
        return [person]
    return _merge(finder.mentions_in(start, end))


def sentence_label(finder: SpeakerFinder, text: str) -> Speaker | None:
    """A person's initials or name leading a sentence inside a paragraph ("... RGr - noted")."""
    m = DASH_LABEL.match(text)
    if not m or _not_turn(m.group("label")) or not _text_follows(text[m.end():]):
        return None
    return finder.persons.by_label(m.group("label"))


def unknown_speaker_label(doc: Document, block: Block) -> bool:
    """A label that shows someone else taking the floor without naming a known speaker:
    "Q: ...", "A: ...", "Mr Doe: ..." (a person the attendance list does not give)."""
    m = COLON_LABEL.match(doc.block_text(block))
    if not m or not _text_follows(doc.block_text(block)[m.end() - 1:]):
        return False
    label = m.group("label").strip(" ([*_")
    return _first_word(label) in cue("exchange_label") or (
        bool(honorific_re().match(label)) and len(label.split()) <= 4)
