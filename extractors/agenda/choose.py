"""Which layout gives a document's agenda, and the records it becomes."""

from __future__ import annotations

from extractors.agenda.candidates import Cand
from extractors.agenda.contents import relocate, salvage, unnumbered_list
from extractors.agenda.headed import numbered_headings
from extractors.agenda.series import explicit_items, merge, runs
from extractors.context import Context
from models.records import AgendaItem


def _numbered(ctx: Context) -> list[Cand]:
    cands, joined = numbered_headings(ctx)
    explicit = [c for c in cands if c.explicit]
    if len(explicit) >= 2 or (explicit and len(explicit) * 2 >= len(cands)):
        return explicit_items(explicit)
    plain = [c for c in cands if not c.explicit]
    return salvage(merge(runs(plain, ctx.doc)), joined, ctx)


def extract_agenda(ctx: Context) -> list[AgendaItem]:
    """Return the agenda items in document order."""
    items = _numbered(ctx) or unnumbered_list(ctx)
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
