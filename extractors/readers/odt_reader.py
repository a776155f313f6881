"""OpenDocument text (.odt) reader built on odfpy.

The body (``office:text``) is walked in order: ``text:h`` gives a heading at its
``text:outline-level``, ``text:list``/``text:list-item`` list items nested by their lists,
``table:table`` one table_row per ``table:table-row`` (cells from ``table:table-cell``,
covered cells of a merge skipped), ``text:p`` paragraphs; sections, soft page breaks and
index bodies are looked into. Spaces (``text:s``), tabs and line breaks become spaces; tracked
deletions (``text:tracked-changes``), notes' citations and bodies, and frames' anchors are left
out. As in Word files, list numbering is a style's rendering and is not written into the text.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

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
from extractors.readers.sniff import ODT_MIMETYPE
from extractors.readers.zip_checks import open_zip, read_member, refuse_bombs

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
# Elements whose text is not the body's: deleted text, notes, annotations, fields' declarations.
_SKIP = {(_TEXT, "tracked-changes"), (_TEXT, "note"), (_OFFICE, "annotation"),
         (_TEXT, "variable-decls"), (_TEXT, "sequence-decls"), (_TEXT, "user-field-decls"),
         (_TEXT, "index-title-template"), (_TABLE, "table-header-columns"),
         (_TEXT, "bookmark-ref-decls")}
_CONTAINERS = {(_TEXT, "section"), (_TEXT, "index-body"), (_TEXT, "table-of-content"),
               (_TEXT, "alphabetical-index"), (_TEXT, "illustration-index"),
               (_TEXT, "user-index"), (_TEXT, "bibliography"), (_OFFICE, "forms"),
               (_TABLE, "table-header-rows"), (_TABLE, "table-rows"),
               (_TABLE, "table-row-group"), (_TEXT, "list-header")}


def check_odt(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse non-zip data, zips that are not OpenDocument text, zip bombs, damaged members
    and XML parts that declare a DTD (entity attacks)."""
    archive = open_zip(data, "OpenDocument .odt", "corrupt_odt")
    with archive:
        infos = {i.filename: i for i in archive.infolist()}
        mimetype = _read(archive, infos["mimetype"]).strip() if "mimetype" in infos else b""
        if mimetype != ODT_MIMETYPE or "content.xml" not in infos:
            kind = mimetype.decode("ascii", "replace")[:100] or "no mimetype member"
            if mimetype == ODT_MIMETYPE:
                kind = "no content.xml"
            raise ReadError("not_odt", f"zip archive is not an OpenDocument text document ({kind})")
        refuse_bombs(list(infos.values()), limits, "odt")
        for name, info in infos.items():
            if name.lower().endswith(".xml") and b"<!DOCTYPE" in _read(archive, info):
                raise ReadError("unsafe_odt", f"OpenDocument part {name} declares a DTD "
                                              "(entities can read local files or expand "
                                              "exponentially); the file is refused unread")


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    return read_member(archive, info, "OpenDocument .odt", "corrupt_odt")


def _qname(node: Any) -> tuple[str, str] | None:
    return getattr(node, "qname", None)


def _attr(node: Any, ns: str, name: str) -> str | None:
    return node.attributes.get((ns, name))


def _inline(node: Any) -> str:
    """Text of a paragraph or heading: spans and links looked into, ``text:s`` as its count
    of spaces, tabs and line breaks as spaces, notes and deletions left out."""
    parts: list[str] = []
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            parts.append(str(child.data))
            continue
        q = _qname(child)
        if q in _SKIP or q is None:
            continue
        if q == (_TEXT, "s"):
            count = _attr(child, _TEXT, "c") or "1"
            parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif q in ((_TEXT, "tab"), (_TEXT, "line-break")):
            parts.append(" ")
        else:
            parts.append(_inline(child))
    return normalize_text("".join(parts)).replace("\n", " ")


def _level(value: str | None, default: int) -> int:
    try:
        return min(max(int(value), 1), 10) if value is not None else default
    except ValueError:
        return default


class _Collector:
    """Collects blocks from the body in document order."""

    def __init__(self) -> None:
        self.items: list[Pending] = []

    def blocks(self, parent: Any, list_depth: int = -1) -> None:
        for node in parent.childNodes:
            q = _qname(node)
            if q is None or q in _SKIP:
                continue
            if q == (_TEXT, "h"):
                text = _inline(node)
                if text.strip():
                    level = _level(_attr(node, _TEXT, "outline-level"), 1)
                    self.items.append(Pending("heading", text, 1, level))
            elif q == (_TEXT, "p"):
                text = _inline(node)
                if text.strip():
                    if list_depth >= 0:
                        self.items.append(Pending("list_item", strip_bullet(text)[0].strip(),
                                                  1, list_depth))
                    else:
                        kind, clean, _ = plain_kind(text)
                        self.items.append(Pending(kind, clean, 1))
            elif q == (_TEXT, "list"):
                self._list(node, list_depth + 1)
            elif q == (_TABLE, "table"):
                self._table(node)
            elif q in _CONTAINERS:
                self.blocks(node, list_depth)

    def _list(self, lst: Any, depth: int) -> None:
        for item in lst.childNodes:
            if _qname(item) in ((_TEXT, "list-item"), (_TEXT, "list-header")):
                first = True
                for child in item.childNodes:
                    q = _qname(child)
                    if q == (_TEXT, "p") and not first:  # a list item's second paragraph
                        text = _inline(child)
                        if text.strip() and self.items and self.items[-1].kind == "list_item":
                            self.items[-1].text = f"{self.items[-1].text} {text.strip()}"
                            continue
                    wrapper = _Wrapper(child)
                    self.blocks(wrapper, depth)
                    first = first and q not in ((_TEXT, "p"), (_TEXT, "h"))

    def _table(self, table: Any) -> None:
        for row in _rows(table):
            cells = []
            for cell in row.childNodes:
                if _qname(cell) != (_TABLE, "table-cell"):
                    continue  # covered cells of a merge are table:covered-table-cell
                paras = [_inline(p) for p in _descendants(cell, (_TEXT, "p"), (_TEXT, "h"))]
                cells.append(" ".join(strip_bullet(t)[0] for t in paras if t.strip()))
            if any(c.strip() for c in cells):
                self.items.append(Pending("table_row", "\t".join(cells), 1, cells=cells))


class _Wrapper:
    """Presents one node as a parent with that single child (to reuse ``blocks``)."""

    def __init__(self, node: Any) -> None:
        self.childNodes = [node]


def _rows(table: Any) -> list[Any]:
    rows: list[Any] = []
    for node in table.childNodes:
        q = _qname(node)
        if q == (_TABLE, "table-row"):
            rows.append(node)
        elif q in _CONTAINERS:
            rows.extend(_rows(node))
    return rows


def _descendants(node: Any, *names: tuple[str, str]) -> list[Any]:
    found: list[Any] = []
    for child in node.childNodes:
        q = _qname(child)
        if q in _SKIP or q is None:
            continue
        if q in names:
            found.append(child)
        else:
            found.extend(_descendants(child, *names))
    return found


def read(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read an .odt file: headings, lists, tables and paragraphs of its body, in order."""
    check_odt(data, limits)
    from odf.opendocument import load  # local import: odfpy is only needed for .odt files

    try:
        document = load(io.BytesIO(data))
        body = document.text
    except MemoryError:
        raise
    except Exception as exc:
        raise ReadError("corrupt_odt", f"cannot open OpenDocument file: "
                                       f"{type(exc).__name__}: {str(exc)[:200]}") from exc
    if body is None:
        raise ReadError("corrupt_odt", "OpenDocument file is damaged: content.xml has no text "
                                       "body (office:text)")
    collector = _Collector()
    collector.blocks(body)
    items = collector.items
    out = BodyBuilder()
    emit(out, reflow(items, word_vocabulary([i.text for i in items])))
    metadata: dict[str, str] = {}
    try:
        from odf import dc
        titles = document.meta.getElementsByType(dc.Title)
        if titles and str(titles[0]).strip():
            metadata["title"] = " ".join(str(titles[0]).split())
    except Exception:  # damaged meta.xml must not lose the body
        pass
    return ReadResult(out, n_pages=1, metadata=metadata)
