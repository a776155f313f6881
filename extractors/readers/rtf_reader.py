"""Rich Text Format (.rtf) reader: the RTF tokens and tables of striprtf, read with the
paragraph properties that give the structure.

A paragraph (ended by ``\\par``) is a heading when its properties carry ``\\outlinelevelN``
or its style (``\\sN``) is named "heading N"/"title" in the stylesheet, a list item at
``\\ilvlN`` when it belongs to a list (``\\lsN``, or the old ``\\pnlvl`` numbering), a table
cell when it is ``\\intbl`` (``\\cell`` ends a cell, ``\\row`` a row: one table_row). Destinations
that are not body text (font and colour tables, headers, footers, footnotes, field codes,
pictures, the rendered list markers ``\\listtext``/``\\pntext``) are skipped, as striprtf
skips them. Characters: ``\\'hh`` in the document's code page (``\\ansicpg``), ``\\uN`` with its
``\\ucN`` fallback skipped, and striprtf's named specials (dashes, quotes, bullets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.errors import ReadError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import ReadResult
from extractors.readers.body import BodyBuilder
from extractors.readers.markup import (
    Pending,
    emit,
    normalize_text,
    plain_kind,
    reflow,
    strip_bullet,
    word_vocabulary,
)

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])"
                    rb"|[\r\n]+|([^\\{}\r\n]+)", re.S)
_HEADING_STYLE = re.compile(r"^\s*(?:heading|titre|überschrift|titulo|título)\s*(\d)\s*$", re.I)
_SKIP_EXTRA = frozenset({"listtext", "pntext", "fldinst", "themedata", "colorschememapping",
                         "datastore", "latentstyles", "xmlnstbl", "wgrffmtfilter", "mmathPr",
                         "generator", "rsidtbl", "listtable", "listoverridetable"})


def _tables() -> tuple[frozenset[str], dict[str, str]]:
    from striprtf.striprtf import destinations, specialchars

    return destinations | _SKIP_EXTRA, dict(specialchars)


@dataclass
class _Group:
    skip: bool = False
    uc: int = 1
    stylesheet: bool = False
    sheet_root: bool = False  # the stylesheet group itself (its children are the styles)


@dataclass
class _Para:
    """Properties and text of the paragraph being read."""

    text: list[str] = field(default_factory=list)
    outline: int | None = None
    style: int = 0
    list_level: int | None = None
    in_table: bool = False


class _Reader:
    def __init__(self) -> None:
        self.items: list[Pending] = []
        self.para = _Para()
        self.cells: list[str] = []
        self.cell_parts: list[str] = []
        self.styles: dict[int, str] = {}
        self._style_id = 0
        self._style_name: list[str] = []
        self.codepage = "cp1252"

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode(self.codepage, errors="replace")
        except LookupError:
            return raw.decode("cp1252", errors="replace")

    def end_paragraph(self, in_cell: bool = False) -> None:
        p = self.para
        text = " ".join(normalize_text("".join(p.text)).split())
        p.text = []
        if p.in_table or in_cell:
            if text:
                self.cell_parts.append(text)
            return
        if not text:
            return
        level = p.outline
        style = self.styles.get(p.style, "")
        m = _HEADING_STYLE.match(style)
        if level is None and m:
            level = int(m.group(1)) - 1
        elif level is None and style.strip().lower() == "title":
            level = 0
        if level is not None and level < 9:
            self.items.append(Pending("heading", text, 1, level + 1))
        elif p.list_level is not None:
            self.items.append(Pending("list_item", strip_bullet(text)[0].strip(), 1,
                                      p.list_level))
        else:
            kind, clean, _ = plain_kind(text)
            self.items.append(Pending(kind, clean, 1))

    def end_cell(self) -> None:
        self.end_paragraph(in_cell=True)
        self.cells.append(" ".join(strip_bullet(c)[0] for c in self.cell_parts))
        self.cell_parts = []

    def end_row(self) -> None:
        if self.cell_parts or "".join(self.para.text).strip():
            self.end_cell()
        cells = [" ".join(c.split()) for c in self.cells]
        self.cells = []
        if any(cells):
            self.items.append(Pending("table_row", "\t".join(cells), 1, cells=cells))

    def control(self, word: str, arg: int | None, group: _Group) -> None:
        p = self.para
        if word == "par":
            self.end_paragraph()
        elif word == "pard":
            self.para = _Para(text=p.text)
        elif word == "outlinelevel" and arg is not None:
            p.outline = arg if 0 <= arg < 9 else None
        elif word == "s" and arg is not None:
            p.style = arg
        elif word == "ilvl" and arg is not None:
            p.list_level = min(max(arg, 0), 8)
        elif word in ("ls", "pnlvl", "pnlvlblt", "pnlvlbody"):
            if p.list_level is None:
                p.list_level = max((arg or 1) - 1, 0) if word == "pnlvl" else 0
        elif word == "intbl":
            p.in_table = True
        elif word in ("cell", "nestcell"):
            self.end_cell()
        elif word in ("row", "nestrow"):
            self.end_row()
        elif word == "ansicpg" and arg is not None:
            self.codepage = f"cp{arg}"
        elif word == "uc" and arg is not None:
            group.uc = max(arg, 0)


def _parse(data: bytes) -> _Reader:
    skip_words, specials = _tables()
    reader = _Reader()
    stack: list[_Group] = [_Group()]
    pending_skip = 0  # fallback characters still to skip after \uN
    star = False  # the last token was \* (an ignorable destination follows)
    first_in_group = False
    pos, n = 0, len(data)
    while pos < n:
        m = _TOKEN.match(data, pos)
        if m is None:
            pos += 1
            continue
        pos = m.end()
        word, arg, hexcode, symbol, brace, text = m.groups()
        group = stack[-1]
        if brace == b"{":
            stack.append(_Group(group.skip, group.uc, group.stylesheet))
            if group.sheet_root:
                reader._style_id, reader._style_name = 0, []
            if len(stack) > 1000:
                raise ReadError("corrupt_rtf", "RTF document nests its groups more than 1000 "
                                               "deep; it is damaged or hostile")
            first_in_group = True
            continue
        if brace == b"}":
            if len(stack) > 1 and stack[-2].sheet_root and reader._style_name:
                reader.styles[reader._style_id] = "".join(reader._style_name).rstrip("; ")
                reader._style_name = []
            if len(stack) > 1:
                stack.pop()
            continue
        was_first, first_in_group = first_in_group, False
        if word is not None:
            name = word.decode("ascii")
            number = int(arg) if arg is not None else None
            if name == "bin" and number:
                pos += max(number, 0)
                continue
            if was_first or star:
                if name == "stylesheet":
                    group.stylesheet = group.skip = group.sheet_root = True
                elif star or name in skip_words:
                    group.skip = True
            star = False
            if group.stylesheet and name == "s" and number is not None:
                reader._style_id = number
            if name == "u" and number is not None:
                if not group.skip:
                    reader.para.text.append(chr(number % 65536 if number >= 0
                                                else number + 65536))
                pending_skip = group.uc
                continue
            if not group.skip:
                if name in specials and name not in ("par", "sect", "page", "row", "cell",
                                                     "nestcell"):
                    value = specials[name]
                    reader.para.text.append(" " if value in ("\n", "\t") else value)
                else:
                    reader.control(name, number, group)
            continue
        if symbol is not None:
            if symbol == b"*":
                star = True
                continue
            if pending_skip:
                pending_skip -= 1
                continue
            if symbol in (b"\n", b"\r") and not group.skip:
                reader.end_paragraph()  # a backslash before a line end is a \par
                continue
            if not group.skip:
                char = symbol.decode("latin-1")
                value = specials.get(char, char if char in "{}\\" else "")
                if char == "~":
                    value = " "
                reader.para.text.append(value)
            continue
        if hexcode is not None:
            if pending_skip:
                pending_skip -= 1
                continue
            if not group.skip:
                reader.para.text.append(reader._decode(bytes([int(hexcode, 16)])))
            elif group.stylesheet and len(stack) > 1 and stack[-2].sheet_root:
                reader._style_name.append(reader._decode(bytes([int(hexcode, 16)])))
            continue
        if text is not None:
            if pending_skip:
                skipped = min(pending_skip, len(text))
                text, pending_skip = text[skipped:], pending_skip - skipped
            if group.stylesheet and len(stack) > 1 and stack[-2].sheet_root:
                reader._style_name.append(reader._decode(text))
            elif not group.skip:
                reader.para.text.append(reader._decode(text))
    if len(stack) > 1:
        raise ReadError("corrupt_rtf", f"RTF document is truncated or damaged: {len(stack) - 1} "
                                       "group(s) are never closed (its closing brace '}' is "
                                       "missing)")
    reader.end_paragraph()
    if reader.cells:
        reader.end_row()
    return reader


def read(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read an .rtf file: headings, lists, tables and paragraphs in order."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ReadError("not_rtf", "file is not an RTF document: it does not start with "
                                   "'{\\rtf'")
    reader = _parse(data.lstrip())
    items = reader.items
    body = BodyBuilder()
    emit(body, reflow(items, word_vocabulary([i.text for i in items])))
    return ReadResult(body, n_pages=1)
