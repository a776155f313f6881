"""The review page: one self-contained HTML file showing a document's text with every record
highlighted at its source span.

Own renderer rather than spaCy's displaCy. displaCy's ``ent`` style cannot show overlapping
spans at all; its ``span`` style draws overlapping spans as stacked underlines per *token*, so a
record whose offsets do not fall on spaCy token boundaries cannot be placed, the markup carries
no record id or fields, and multi-paragraph spans (a whole speaker's turn) turn into hundreds of
per-token boxes. Here :mod:`pipeline.analyst.review_spans` nests the spans as ``<mark>`` elements at
character precision, splitting only where spans really cross, and every fragment carries
``data-kind`` and ``data-record`` (``table:seq``, or ``table:N`` with N the 1-based row position
for tables without a ``seq``). The page uses no external resource: CSS, JS and the records (a JSON
block, escaped for ``<script>``) are inline, and a Content-Security-Policy forbids fetching.
All document text goes through :func:`html.escape`; control characters the HTML parser would
alter are replaced one-for-one by U+FFFD so offsets still line up.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from models.document import Document
from models.records import Extraction, Meeting
from pipeline.analyst.review_spans import (
    Close,
    Marker,
    Open,
    Span,
    Text,
    Token,
    fragment_counts,
    layout,
)

_RESOURCES = "pipeline.analyst.resources"
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_COLOR = re.compile(r"^#[0-9a-fA-F]{3,8}$")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_EXCERPT = 90
_HEADER_FIRST = ("meeting_date", "start_time", "end_time", "venue", "meeting_type", "sequence",
                 "source_path", "source_format", "n_pages", "doc_id")


@dataclass(frozen=True)
class KindSpec:
    """A kind of highlight: which table (and which rows of it), its label and colours."""

    kind: str
    table: str
    label: str
    color: str
    edge: str
    where: dict[str, Any] = field(default_factory=dict)
    caption: tuple[str, ...] = ()

    def matches(self, row: Any) -> bool:
        """True when ``row`` (of ``self.table``) belongs to this kind."""
        return all(getattr(row, k, None) == v for k, v in self.where.items())


@dataclass(frozen=True)
class ReviewRecord:
    """One extracted record as the page shows it."""

    key: str  # table:seq or table:position
    kind: str
    label: str
    start: int
    end: int
    fields: dict[str, Any]
    caption: str | None = None


def _resource(name: str) -> str:
    return resources.files(_RESOURCES).joinpath(name).read_text(encoding="utf-8")


@cache
def kinds() -> tuple[KindSpec, ...]:
    """The highlight kinds, outermost first (``resources/review_kinds.json``)."""
    specs = []
    for raw in json.loads(_resource("review_kinds.json")):
        spec = KindSpec(kind=raw["kind"], table=raw["table"], label=raw["label"],
                        color=raw["color"], edge=raw["edge"], where=raw.get("where", {}),
                        caption=tuple(raw.get("caption", ())))
        if not (_COLOR.match(spec.color) and _COLOR.match(spec.edge)):
            raise ValueError(f"review_kinds.json: bad colour for {spec.kind}")
        specs.append(spec)
    return tuple(specs)


def _plain(value: Any) -> Any:
    """A JSON-ready value (dates as ISO strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _keys(table: str, rows: list[Any]) -> list[str]:
    """Record ids: ``table:seq`` where the seqs are unique, else ``table:<1-based position>``."""
    seqs = [getattr(r, "seq", None) for r in rows]
    if None not in seqs and len(set(seqs)) == len(seqs):
        return [f"{table}:{s}" for s in seqs]
    return [f"{table}:{i}" for i in range(1, len(rows) + 1)]


def collect_records(extraction: Extraction) -> list[ReviewRecord]:
    """Every record of ``extraction`` that has a source span, tagged with its kind."""
    by_table: dict[str, list[KindSpec]] = {}
    for spec in kinds():
        by_table.setdefault(spec.table, []).append(spec)
    out = []
    for table, specs in by_table.items():
        rows = extraction.tables()[table]
        for key, row in zip(_keys(table, rows), rows, strict=True):
            spec = next((s for s in specs if s.matches(row)), specs[0])
            values = dict.fromkeys(str(v) for f in spec.caption if (v := getattr(row, f, None)))
            caption = " · ".join(values) or None
            out.append(ReviewRecord(key=key, kind=spec.kind, label=spec.label,
                                    start=row.char_start, end=row.char_end,
                                    fields={k: _plain(v) for k, v in asdict(row).items()},
                                    caption=caption))
    return out


def kind_counts(records: Iterable[ReviewRecord]) -> dict[str, int]:
    """Records per kind, every kind listed (in legend order)."""
    counts = {spec.kind: 0 for spec in kinds()}
    for rec in records:
        counts[rec.kind] += 1
    return counts


def _esc(value: Any) -> str:
    return html.escape(_UNSAFE.sub("\ufffd", str(value)), quote=True)


def _kind_css() -> str:
    lines = []
    for s in kinds():
        lines.append(f'[data-kind="{s.kind}"] {{ --kc: {s.color}; --ke: {s.edge}; }}')
        lines.append(f'.hide-{s.kind} mark.rv[data-kind="{s.kind}"] '
                     "{ background: none; box-shadow: none; outline: none; }")
        lines.append(f'.hide-{s.kind} mark.rv[data-kind="{s.kind}"]::before {{ content: none; }}')
    return "\n".join(lines)


def _shown(value: Any) -> str:
    """A header value as text: ISO dates, lower-case booleans, a dash for null."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    return str(_plain(value))


def _header(meeting: Meeting) -> str:
    facts = asdict(meeting)
    title = facts.pop("title") or Path(meeting.source_path).name
    order = [name for name in _HEADER_FIRST if name in facts]
    order += [name for name in facts if name not in order]
    rows = [f'<dt>{_esc(name.replace("_", " "))}</dt>'
            f'<dd data-field="{_esc(name)}">{_esc(_shown(facts[name]))}</dd>' for name in order]
    return f"<h1>{_esc(title)}</h1>\n<dl>{''.join(rows)}</dl>"


def _legend(counts: dict[str, int]) -> str:
    items = [f'<label data-kind="{s.kind}"><input type="checkbox" checked data-kind="{s.kind}">'
             f'<span class="swatch"></span>{_esc(s.label)} '
             f'<span class="count" data-count="{counts[s.kind]}">{counts[s.kind]}</span></label>'
             for s in kinds()]
    items.append('<span class="hint">hover a highlight for its fields '
                 "(enclosing records listed below it); untick a kind to hide it</span>")
    return "\n".join(items)


def _page_markers(document: Document) -> list[Marker]:
    if document.n_pages <= 1 and all(b.page == 1 for b in document.blocks):
        return []
    first: dict[int, int] = {}
    for block in document.blocks:
        first.setdefault(block.page, block.start)
    return [Marker(offset, page) for page, offset in sorted(first.items())]


def _anchor(key: str) -> str:
    return "rec-" + re.sub(r"[^\w-]", "-", key)


def _body(tokens: list[Token], records: dict[str, ReviewRecord],
          parts: dict[str, int]) -> str:
    out = []
    for t in tokens:
        if isinstance(t, Text):
            out.append(_esc(t.text))
        elif isinstance(t, Open):
            rec = records[t.span.key]
            attrs = [f'class="rv" data-kind="{rec.kind}" data-record="{_esc(rec.key)}"',
                     f'data-part="{t.part + 1}" data-parts="{parts[rec.key]}"']
            if t.part == 0:
                attrs.append(f'id="{_anchor(rec.key)}"')
            if rec.caption:
                attrs.append(f'data-label="{_esc(rec.caption)}"')
            out.append(f"<mark {' '.join(attrs)}>")
        elif isinstance(t, Close):
            out.append("</mark>")
        elif isinstance(t, Marker):
            out.append(f'<span class="pg" id="page-{t.value}" data-page="{t.value}"></span>')
    return "".join(out)


def _index(text: str, records: list[ReviewRecord], page_of: Any) -> str:
    sections = []
    for spec in kinds():
        mine = [r for r in records if r.kind == spec.kind]
        items = []
        for r in mine:
            excerpt = " ".join(text[r.start:r.end].split())
            if len(excerpt) > _EXCERPT:
                excerpt = excerpt[:_EXCERPT] + "…"
            excerpt = excerpt or f"(empty span at offset {r.start})"
            items.append(f'<li><a href="#{_anchor(r.key)}" data-record="{_esc(r.key)}">'
                         f'<span class="where">p.{page_of(r.start)} {_esc(r.key)}</span>'
                         f"{_esc(excerpt)}</a></li>")
        sections.append(f'<details data-kind="{spec.kind}"><summary><span class="swatch">'
                        f"</span>{_esc(spec.label)} ({len(mine)})</summary>"
                        f"<ol>{''.join(items)}</ol></details>")
    return "\n".join(sections)


def _records_json(records: list[ReviewRecord], parts: dict[str, int],
                  clamped: dict[str, tuple[int, int]]) -> str:
    data = {}
    for r in records:
        entry: dict[str, Any] = {"kind": r.kind, "label": r.label, "parts": parts.get(r.key, 0),
                                 "fields": r.fields}
        if r.key in clamped:
            entry["clamped_to"] = clamped[r.key]
        data[r.key] = entry
    raw = json.dumps(data, ensure_ascii=True, default=str)
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace ``{{name}}`` placeholders in one pass (inserted text is never re-scanned)."""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def render_review(document: Document, extraction: Extraction) -> str:
    """The review page of ``document`` and the records extracted from it, as one HTML string."""
    text = document.text
    records = collect_records(extraction)
    rank = {spec.kind: i for i, spec in enumerate(kinds())}
    spans = [Span(r.start, r.end, r.key, rank[r.kind]) for r in records]
    tokens = list(layout(text, spans, _page_markers(document)))
    parts = fragment_counts(tokens)
    by_key = {r.key: r for r in records}
    opened = {t.span.key: t.span for t in tokens if isinstance(t, Open)}
    clamped = {k: (s.start, s.end) for k, s in opened.items()
               if (s.start, s.end) != (by_key[k].start, by_key[k].end)}
    meeting = extraction.meeting
    values = {
        "page_title": _esc(f"Review: {meeting.title or Path(meeting.source_path).name}"),
        "css": _resource("review.css"),
        "kind_css": _kind_css(),
        "header": _header(meeting),
        "legend": _legend(kind_counts(records)),
        "body": _body(tokens, by_key, parts),
        "index": _index(text, records, document.page_at),
        "records": _records_json(records, parts, clamped),
        "js": _resource("review.js"),
    }
    return _fill(_resource("review.html"), values)
