"""Plain text and Markdown reader.

Markup becomes structure: ``#`` headings -> heading blocks with their level, ``|`` tables ->
table_row blocks (separator rows dropped), ``-``/``*``/numbered lines -> list_item blocks with a
nesting level, inline ``**``/``*``/``_``/HTML tags removed. Bullet glyphs are kept out of the
body; numbers of numbered items stay in it (as they do in Word and PDF renderings). Hard-wrapped
lines are joined into one paragraph. Document furniture (YAML front matter, site chrome, page
markers, document-header lines; see ``furniture.py``) becomes blocks of its own, marked with
their role, so its text keeps its offsets but never runs into the minutes.
"""

from __future__ import annotations

from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import ReadResult
from extractors.readers.body import BodyBuilder
from extractors.readers.decoding import Decoded, encoding_name
from extractors.readers.furniture import FRONT_MATTER, front_matter_end, line_role
from extractors.readers.markup import (
    LineInfo,
    classify_line,
    decode_text,
    ends_paragraph,
    join_lines,
    split_cells,
    strip_inline,
    word_vocabulary,
    wrap_width,
)


class _ListLevels:
    """Maps list-item indentation to nesting depth (0 = top)."""

    def __init__(self) -> None:
        self._indents: list[int] = []

    def reset(self) -> None:
        self._indents = []

    def level(self, indent: int) -> int:
        while self._indents and indent < self._indents[-1]:
            self._indents.pop()
        if not self._indents or indent > self._indents[-1]:
            self._indents.append(indent)
        return len(self._indents) - 1


def read(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Decode ``data`` (UTF-8 with fallbacks) and build the body from its Markdown structure;
    raises ReadError ``binary_file`` for data that is not text."""
    decoded = decode_text(data)
    text = decoded.text
    body = BodyBuilder()
    sources: list[tuple[int, int]] = []  # per block: first and last line it was built from
    first_line = line_no = 0  # lines of the open paragraph, and the line being read
    levels = _ListLevels()
    pending: list[str] = []  # lines of the open paragraph / list item
    pending_kind: LineInfo | None = None
    lines = text.split("\n")
    width = wrap_width(lines)
    vocab = word_vocabulary(lines)
    previous = ""
    page = pending_page = 1  # form feeds separate pages

    def note(block: object, first: int, last: int) -> None:
        if block is not None:
            sources.append((first, last))

    def flush() -> None:
        nonlocal pending, pending_kind
        if pending_kind is not None and pending:
            joined = strip_inline(join_lines(pending, vocab))
            kind = "list_item" if pending_kind.kind == "list_item" else "paragraph"
            note(body.add(kind, joined, page=pending_page, level=pending_kind.level),
                 first_line, line_no - 1)  # the lines before the one that ended it
        pending, pending_kind = [], None

    fm_end = front_matter_end(lines)
    for line_no, line in enumerate(lines[1:max(fm_end - 1, 1)], start=1):  # fences dropped
        note(body.add("paragraph", line.strip(), page=page, furniture=FRONT_MATTER), line_no,
             line_no)
    for line_no, line in enumerate(lines[fm_end:], start=fm_end):
        if "\f" in line:
            page += line.count("\f")
            line = line.replace("\f", "")
        if pending_kind is None:
            pending_page = page
        role = line_role(line)
        if role is not None:
            flush()
            previous = ""
            note(body.add("paragraph", strip_inline(line.strip()), page=page, furniture=role),
                 line_no, line_no)
            continue
        info = classify_line(line)
        if (pending_kind is not None and info.kind == "paragraph"
                and ends_paragraph(previous, info.text, width)):
            flush()
        previous = line
        if info.kind == "blank":
            flush()
            continue
        if info.kind == "setext" and pending_kind is None:
            continue  # thematic break (-----, ***)
        if info.kind == "setext" and pending_kind is not None and pending_kind.kind == "paragraph":
            heading = strip_inline(join_lines(pending, vocab))
            pending, pending_kind = [], None
            note(body.add("heading", heading, page=pending_page,
                          level=1 if info.text.startswith("=") else 2), first_line, line_no)
            continue
        if info.kind in ("paragraph", "setext") and pending_kind is not None:
            pending.append(info.text)  # wrapped line (or lazy list continuation)
            continue
        flush()
        pending_page = page
        if info.kind == "heading":
            levels.reset()
            note(body.add("heading", strip_inline(info.text), page=page, level=info.level),
                 line_no, line_no)
        elif info.kind == "table_row":
            note(body.add_row(split_cells(info.text), page=page), line_no, line_no)
        elif info.kind == "separator":
            continue
        elif info.kind == "list_item":
            lvl = levels.level(info.indent)
            pending, pending_kind = [info.text], LineInfo("list_item", info.text, info.indent, lvl)
            first_line = line_no
        else:
            if info.indent == 0:
                levels.reset()
            pending, pending_kind = [info.text], info
            first_line = line_no
    line_no = len(lines)
    flush()
    return ReadResult(body, n_pages=page, metadata=_decoding_metadata(decoded, body, sources))


def _decoding_metadata(decoded: Decoded, body: BodyBuilder,
                       sources: list[tuple[int, int]]) -> dict[str, str]:
    """``encoding`` when the file is not plain UTF-8; for a UTF-8 file with runs in another
    encoding, that encoding, the 1-based lines and the body spans (``start-end``) of the
    blocks built from them (the quality flag ``decoding_fallback`` reports them)."""
    meta: dict[str, str] = {}
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        meta["encoding"] = encoding_name(decoded.encoding)
    if decoded.fallback is None:
        return meta
    meta["encoding"] = "UTF-8"
    meta["decoding_fallback"] = encoding_name(decoded.fallback)
    meta["decoding_fallback_lines"] = " ".join(str(n + 1) for n in decoded.fallback_lines)
    bad = set(decoded.fallback_lines)
    spans = [f"{block.start}-{block.end}" for block, (first, last) in
             zip(body.blocks, sources, strict=True) if bad.intersection(range(first, last + 1))]
    meta["decoding_fallback_spans"] = " ".join(spans)
    return meta
