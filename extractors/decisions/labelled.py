"""Labelled decisions and actions: lines, paragraphs and sections that say what they are.

- a line opened by a label: "RESOLVED that ...", "Decision 18.1: ...", "Agreed: ...",
  "ACTION – SH to send ...", "Action-12 Check the invoice", "RES-XY The Board approved ...";
- a section whose heading is an action or decision label ("Actions", "Action items"): each
  of its list items;
- an introduction ending in a colon that announces decided items ("The Board agreed:",
  "it has been decided that:"): each item after it.

In a labelled decision paragraph each sentence is one record: a sentence the prose reader
finds a task in is an action, the others decisions.
"""

from __future__ import annotations

import re

from extractors.decisions.candidates import Candidate
from extractors.decisions.cues import words
from extractors.decisions.tools import Tools
from extractors.interventions.segments import Segment
from models.document import Block

_LABEL = re.compile(
    r"^[\s\[(]*(?P<label>[A-Za-z][A-Za-z-]*?(?:[ \t]+(?:items?|points?|agreed|steps))?)"
    r"(?P<id>[ \t]*(?:[-–][ \t]*)?[A-Z0-9][\w./-]*\d[\w./-]*|-[A-Z][A-Za-z]+)?"
    r"[ \t]*(?P<sep>[:–—-]|[ \t])[ \t]*(?P<body>\S.*)$", re.S)
# "; if not, Angelo will update ..." : a second task with its own actor
_SECOND_TASK = re.compile(r";\s*(?:if not,?\s*|and\s+|then\s+)?(?P<subj>[A-Z][\w'’]*"
                          r"(?:\s+[A-Z][\w'’]*)*)\s+(?:will|shall|would|to)\b")
_MAX_ITEMS = 12
_TAG = 15


def label_kind(text: str) -> tuple[str, int] | None:
    """(kind, offset of the body) when ``text`` opens with a decision or action label."""
    m = _LABEL.match(text)
    if m is None:
        return None
    label, sep, body = m.group("label"), m.group("sep"), m.group("body")
    low = label.lower()
    kind = "action" if low in words("action_label") else \
        "decision" if low in words("decision_label") else None
    if kind is None:
        return None
    marked = sep in ":–—-" or (label.isupper() and len(label) > 1) or bool(m.group("id"))
    if not marked and kind == "decision" and body.lower().startswith("that "):
        marked = True  # "Resolved that ...", "Agreed that ..."
    if not marked:
        return None
    return kind, m.start("body")


def _heading_label(text: str) -> str | None:
    """The kind of a section heading that is a bare label ("Actions", "Decisions:")."""
    low = re.sub(r"[\s:#*]+$", "", text.strip().lower())
    low = re.sub(r"^[\d.\s]+", "", low)
    if low in words("action_label"):
        return "action"
    if low in words("decision_label"):
        return "decision"
    return None


def _intro(text: str) -> bool:
    """An introduction of decided items ("these are the decisions that have been made:")."""
    if not text.rstrip().endswith(":"):
        return False
    last = re.split(r"(?<=[.;])\s+", text.rstrip()[:-1].strip())[-1]
    tokens = re.findall(r"[a-z]+", last.lower())
    if not tokens or tokens[-1] not in words("list_intro_end"):
        return False
    if any(t in words("list_intro_cue") for t in tokens):
        return True
    # "the following steps will be taken:": announced steps of the meeting
    return "following" in tokens and "will" in tokens and "be" in tokens


class LabelledReader:
    """Reads the labelled shapes of one document."""

    def __init__(self, tools: Tools) -> None:
        self.tools = tools
        self.out: list[Candidate] = []

    def first_seg(self, block: Block) -> Segment | None:
        """The first sentence of a block with words in it (not a bare "1.")."""
        segs = self.tools.segs_in(block.start, block.end)
        return next((s for s in segs
                     if len(re.findall(r"[A-Za-z]", self.tools.ctx.doc.text[s.start:s.end])) > 2),
                    None)

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor named at the head of a task (up to its verb)."""
        text = self.tools.ctx.doc.text[start:end]
        m = re.match(r"\s*(.{1,60}?)\s+(?:will|shall|would|to|is|are|should|must)\s", text)
        if m is None:
            return None
        return self.tools.actors.resolve(start, start + m.end(1))

    def action(self, start: int, end: int, body: int | None = None) -> None:
        """One action (two where a ';' clause names a second actor); the record keeps its
        label, the actor is read after it (at ``body``)."""
        body = start if body is None else body
        text = self.tools.ctx.doc.text[body:end]
        m = _SECOND_TASK.search(text)
        if m and self._party(body + m.start("subj"), body + m.end("subj")):
            cut = body + m.start()
            self.out.append(Candidate("action", start, cut, self.actor_at(body, cut),
                                      family="labelled"))
            start = body = cut + 1 + len(text[m.start() + 1:]) - len(text[m.start() + 1:].lstrip())
        self.out.append(Candidate("action", start, end, self.actor_at(body, end),
                                  family="labelled"))

    def _party(self, start: int, end: int) -> bool:
        """A named party: an actor the document defines, a person or an office."""
        if self.tools.actors.resolve(start, end):
            return True
        span = self.tools.ctx.sdoc.char_span(start, end, alignment_mode="expand")
        return span is not None and (
            bool(self.tools.ctx.entities.labels(span) & {"PERSON", "ORG"})
            or any(t.lower_ in words("task_actor") for t in span))

    def decision_paragraph(self, block: Block, body_start: int) -> None:
        """Each sentence of a labelled decision paragraph is a record."""
        segs = self.tools.segs_in(block.start, block.end)
        for k, seg in enumerate(segs):
            found = self.tools.finder.candidates(seg)
            kinds = {c.kind for c in found}
            if k and "action" in kinds and "decision" not in kinds:
                self.out.extend(c for c in found if c.kind == "action")
            elif k == 0 or "decision" in kinds or self._decides(seg):
                actor = next((c.actor for c in found if c.kind == "decision"), None)
                self.out.append(Candidate("decision", seg.start, seg.end, actor,
                                          family="labelled"))
        tail = self.tools.ctx.doc.text[self.out[-1].end:block.end] if self.out else ""
        if self.out and self.out[-1].start >= block.start and len(tail.strip()) <= _TAG:
            self.out[-1].end = block.end  # keep a closing tag ("... OWIS-RES")

    def _decides(self, seg: Segment) -> bool:
        """A sentence with a verb of deciding as its root or a conjunct of it."""
        verbs = words("decision_verb")
        return any(t.dep_ in {"ROOT", "conj"} and t.pos_ == "VERB"
                   and any(t.lower_.startswith(v[:-1] if v.endswith("e") else v)
                           for v in verbs) for t in seg.span)

    def run(self) -> list[Candidate]:
        blocks = self.tools.blocks()
        i = 0
        while i < len(blocks):
            block = blocks[i]
            text = self.tools.block_text(block)
            section = _heading_label(text) if len(text) < 40 else None
            if section:
                i = self._items(blocks, i + 1, section, until_heading=True)
                continue
            found = label_kind(text)
            if found and not self.tools.in_attendance(block.start):
                kind, offset = found
                if kind == "action":
                    self.action(block.start, block.end, block.start + offset)
                else:
                    self.decision_paragraph(block, block.start + offset)
                i += 1
                continue
            if block.kind != "heading" and _intro(text):
                seg = self.tools.segs_in(block.start, block.end)
                if seg:
                    self.out.append(Candidate("skip", seg[-1].start, seg[-1].end,
                                              family="labelled"))
                i = self._items(blocks, i + 1, "decision", until_heading=False)
                continue
            i += 1
        return self.out

    def _items(self, blocks: list[Block], i: int, kind: str, until_heading: bool) -> int:
        """Records for the items after a label heading or an introduction; next index."""
        first_kind = None
        n = 0
        while i < len(blocks) and n < _MAX_ITEMS:
            block = blocks[i]
            text = self.tools.block_text(block)
            if block.kind == "heading" or _heading_label(text) or text.rstrip().endswith(":"):
                break
            if first_kind is None:
                first_kind = block.kind
            elif block.kind != first_kind and block.kind != "list_item":
                break
            if until_heading and block.kind != "list_item":
                break
            seg = self.first_seg(block)
            if seg is not None:
                if kind == "action":
                    self.action(block.start, block.end)
                else:
                    self.out.append(Candidate("decision", seg.start, seg.end,
                                              family="labelled"))
            i += 1
            n += 1
        return i


def labelled_candidates(tools: Tools) -> list[Candidate]:
    """Decisions and actions the document labels as such."""
    return LabelledReader(tools).run()
