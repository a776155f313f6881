"""What the shape families share for one document: sentences, the prose finder, actors."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from extractors.context import Context
from extractors.decisions.actors import ActorResolver
from extractors.decisions.reported import ReportedFinder
from extractors.interventions.segments import Segment, is_annex, segments
from models.document import Block


@dataclass
class Tools:
    """Shared, read-only helpers of the decision families for one document."""

    ctx: Context
    finder: ReportedFinder
    actors: ActorResolver
    segs: list[Segment] = field(default_factory=list)
    body_end: int = 0
    _seg_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, ctx: Context) -> Tools:
        """Parse-derived helpers for ``ctx`` (sentences stop at an annex)."""
        finder = ReportedFinder(ctx)
        segs: list[Segment] = []
        body_end = len(ctx.doc.text)
        for seg in segments(ctx):
            if seg.block_start and is_annex(ctx, seg.block):
                body_end = seg.start
                break
            segs.append(seg)
        segs = _split_run_in_headings(ctx, _join_wrapped(ctx, segs))
        tools = cls(ctx, finder, ActorResolver(ctx, finder.speakers), segs, body_end)
        tools._seg_starts = [s.start for s in segs]
        return tools

    def segs_in(self, start: int, end: int) -> list[Segment]:
        """Sentences that start between two offsets."""
        i = bisect.bisect_left(self._seg_starts, start)
        out = []
        while i < len(self.segs) and self.segs[i].start < end:
            out.append(self.segs[i])
            i += 1
        return out

    def block_text(self, block: Block) -> str:
        """The text of a block."""
        return self.ctx.doc.text[block.start:block.end]

    def blocks(self) -> list[Block]:
        """Body blocks before any annex, table rows left out."""
        return [b for b in self.ctx.doc.blocks
                if b.start < self.body_end and b.kind != "table_row"]

    def in_attendance(self, offset: int) -> bool:
        """True inside an attendance record's source passage."""
        return any(a.char_start <= offset < a.char_end for a in self.ctx.attendees
                   if a.char_end > a.char_start)


def _join_wrapped(ctx: Context, segs: list[Segment]) -> list[Segment]:
    """Join a sentence a hard line break cut in two: a block that starts in lower case after a
    block that ends without a stop continues it ("will participate in" / "the work.")."""
    out: list[Segment] = []
    for seg in segs:
        prev = out[-1] if out else None
        text = ctx.doc.text
        if prev is not None and seg.block_start and prev.block is not seg.block \
                and prev.block.kind == seg.block.kind == "paragraph" \
                and re.match(r"[a-z]{2}", text[seg.start:seg.start + 2]) \
                and not re.search(r"[.;:!?)\]]\s*$", text[prev.start:prev.end]) \
                and text[prev.end:seg.start].count("\n") == 1:
            span = ctx.sdoc.char_span(prev.start, seg.end, alignment_mode="expand")
            if span is not None:
                out[-1] = Segment(prev.start, seg.end, prev.block, span, prev.block_start)
                continue
        out.append(seg)
    return out


def _split_run_in_headings(ctx: Context, segs: list[Segment]) -> list[Segment]:
    """Cut a sentence where an agenda heading that runs into its first sentence ends
    ("Approval of the Minutes The Committee approved ..."): the heading and the sentence
    become two segments, so the sentence is read on its own."""
    ends = sorted(a.char_end for a in ctx.agenda)
    out: list[Segment] = []
    for seg in segs:
        i = bisect.bisect_right(ends, seg.start)
        cut = ends[i] if i < len(ends) else None
        rest = ctx.doc.text[cut:seg.end] if cut is not None and cut < seg.end else ""
        if cut is None or not re.match(r"[ \t]+[A-Z][a-z]", rest):
            out.append(seg)
            continue
        body = cut + len(rest) - len(rest.lstrip())
        head_span = ctx.sdoc.char_span(seg.start, cut, alignment_mode="contract")
        body_span = ctx.sdoc.char_span(body, seg.end, alignment_mode="expand")
        if head_span is None or body_span is None or not len(head_span):
            out.append(seg)
            continue
        out.append(Segment(seg.start, cut, seg.block, head_span, seg.block_start))
        out.append(Segment(body, seg.end, seg.block, body_span, False))
    return out

