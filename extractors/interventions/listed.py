"""Speakers listed under a lead-in: "X provided an update:" followed by bullets that each
name one delegation ("• Ruritania", "• Freedonia, Coordinator of ...").

Each listed delegation is a turn that shares the lead-in sentence and runs through its bullet
(as daily summaries of conferences list who made statements under an item).
"""

from __future__ import annotations

import re

from extractors.interventions.offices import Speaker
from extractors.interventions.reported import SpeakerFinder
from extractors.interventions.segments import Segment
from extractors.lexicon import cue, light_verbs

_HEAD = re.compile(r"^[^,;:(\n–—]+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&\-]{1,11}")


def _reporting_lead_in(finder: SpeakerFinder, seg: Segment) -> bool:
    """The sentence announces statements: a reporting verb or a statement noun."""
    objects = set().union(*light_verbs().values()) | cue("readout_object")
    return any((t.pos_ in {"VERB", "AUX"} and finder.is_reporting(t))
               or (t.pos_ == "NOUN" and (t.lower_ in objects or t.lower_.rstrip("s") in objects))
               for t in seg.span)


def listed_speakers(finder: SpeakerFinder, seg: Segment) -> tuple[list[Speaker], int] | None:
    """Speakers bulleted under a lead-in segment ending with a colon, and where the list ends;
    None unless every bullet names exactly one delegation."""
    doc = finder.ctx.doc
    if not doc.text[seg.start:seg.end].rstrip().endswith(":") or seg.end < seg.block.end - 1:
        return None
    if not _reporting_lead_in(finder, seg):
        return None
    idx = doc.index_of(seg.block)
    speakers: list[Speaker] = []
    end = seg.end
    for i in range(idx + 1, len(doc.blocks)):  # not a slice: a copy of the rest per list
        block = doc.blocks[i]
        if block.kind != "list_item":
            break
        head = _HEAD.match(doc.block_text(block))
        if head is None:
            return None
        found = finder.mentions_in(block.start + head.start(), block.start + head.end())
        bare = head.group().strip()
        if not found and _ACRONYM.fullmatch(bare):
            found = [Speaker(bare, bare)]  # an organization written only by its acronym
        if len(found) != 1 or found[0].role:
            return None
        speakers.append(found[0])
        end = block.end
    return (speakers, end) if speakers else None
