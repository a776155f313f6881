"""Which layout gives a document's agenda, and the records it becomes."""

from __future__ import annotations

from difflib import SequenceMatcher

from extractors.agenda.candidates import Cand
from extractors.agenda.contents import relocate, salvage, unnumbered_list
from extractors.agenda.headed import numbered_headings
from extractors.agenda.numbering import key
from extractors.agenda.run_together import run_together_contents
from extractors.agenda.series import Run, merge, runs, sections
from extractors.agenda.spec import spec
from extractors.agenda.subject_headings import heading_level, record_part, subject_headings
from extractors.agenda.tables import table_agenda
from extractors.agenda.titles import clean_heading
from extractors.context import Context
from models.records import AgendaItem

LEAD_IN_WORDS = 4
SAME_TITLE = 0.8


def _numbered(ctx: Context) -> list[Cand]:
    cands, joined = numbered_headings(ctx)
    found = runs(cands, ctx.doc)
    named = [r for r in found if any(c.explicit for c in r.items)]
    if named:
        return merge(found, lambda r: r is named[0])
    return salvage(merge(found, lambda r: _agenda_like(ctx, r)), joined, ctx)


def _agenda_like(ctx: Context, run: Run) -> bool:
    """A series can be the agenda where it follows an 'Agenda' label or a sentence leading
    into the agenda, or where most of its items (and two at least) head text of their own
    and no other sentence ('... able to:') nor a part of the record ('Actions:') leads into
    it; a numbered list of names or points has its items back to back. A lone item must be
    the first."""
    before = [b for b in ctx.doc.blocks if b.end <= run.items[0].start][-2:]
    texts = [clean_heading(ctx.doc.block_text(b)) for b in before]
    if any(rx.match(t) for t in texts for rx in spec().list_intro):
        return True
    lead_in = spec().agenda_lead_in
    if texts and texts[-1].endswith(":") and len(texts[-1].split()) >= LEAD_IN_WORDS:
        # a list led in by a sentence: the agenda ('... the following agenda:') or points
        return lead_in is not None and lead_in.search(texts[-1]) is not None
    if texts and texts[-1].endswith(":") and record_part(texts[-1]):
        return False  # 'Actions:', 'Decisions taken:'
    if len(run.items) == 1 and run.items[0].parts[0].value != 1:
        return False
    heads = sections(run)
    return heads * 2 >= len(run.items) and heads >= min(2, len(run.items))


def _cut_like_siblings(items: list[Cand]) -> list[Cand]:
    """Cut the titles of items that could run on into their text ('Furlong Road - condition
    of the roadway ...') where most of their siblings' titles were cut that way."""
    by_parent: dict[tuple[object, ...], list[Cand]] = {}
    for c in items:
        by_parent.setdefault(key(c.parts[:-1]) if c.parts else ("none",), []).append(c)
    for siblings in by_parent.values():
        cut = sum(1 for c in siblings if c.cut)
        if cut >= 2 and cut * 2 >= len(siblings):
            for c in siblings:
                if c.run_in is not None:
                    c.title, c.end = c.run_in
                    c.cut, c.run_in = True, None
    return items


def _with_subject_headings(ctx: Context, numbered: list[Cand]) -> list[Cand]:
    """Add unnumbered subject headings to a numbered agenda where they stand at the same
    level as its items: Markdown headings of the level of its numbered headings, or any
    headings where the only numbers are letters (sub-items of unnumbered headings)."""
    if all(len(c.parts) == 1 and c.parts[0].style in ("alpha", "ALPHA") for c in numbered):
        return numbered + subject_headings(ctx)
    levels = {heading_level(ctx, c) for c in numbered}
    levels = {lv for lv in levels if lv is not None and lv[0] == "heading"}
    if not levels:
        return numbered
    extra = [c for c in subject_headings(ctx, markdown_only=True)
             if heading_level(ctx, c) in levels]
    return numbered + extra


def _with_run_together(numbered: list[Cand], listed: list[Cand]) -> list[Cand]:
    """A run-together contents list with the numbered body headings: a listed title that a
    body heading repeats gives way to it."""
    def repeated(c: Cand) -> bool:
        return any(SequenceMatcher(None, c.title.casefold(), n.title.casefold()).ratio()
                   >= SAME_TITLE for n in numbered)
    return numbered + [c for c in listed if not repeated(c)]


def choose(ctx: Context) -> list[Cand]:
    """The agenda's candidates from the layout that fits the document.

    A contents list run together in one block comes first, with the numbered headings of the
    body; then a numbered agenda (with any subject headings at its level); else an agenda
    table; else an unnumbered agenda or contents list; else unnumbered subject headings.
    """
    numbered = _cut_like_siblings(_numbered(ctx))
    run_together = run_together_contents(ctx)
    if run_together:
        return _with_run_together(numbered, run_together)
    if numbered:
        return _with_subject_headings(ctx, numbered)
    for layout in (table_agenda, unnumbered_list, subject_headings):
        items = layout(ctx)
        if len(items) >= 2:
            return items
    return []


def extract_agenda(ctx: Context) -> list[AgendaItem]:
    """Return the agenda items in document order."""
    items = choose(ctx)
    items = relocate(items, ctx)
    items.sort(key=lambda c: c.start)
    out = []
    for seq, c in enumerate(items, 1):
        out.append(AgendaItem(
            doc_id=ctx.doc_id, seq=seq, number=c.number or None, title=c.title,
            level=max(len(c.parts), 1),
            parent_number=".".join(p.text for p in c.parts[:-1]) or None,
            **ctx.provenance(c.start, c.end),
        ))
    return out
