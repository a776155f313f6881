"""Word (.docx) reader built on python-docx.

Paragraphs and tables are read in body order; heading levels come from paragraph styles
("Heading N", "Title", outline levels), list items from list styles or numbering properties,
tables give one table_row per row (merged cells once). Running headers and footers are kept
out of the body and returned in ``metadata["header"]`` / ``metadata["footer"]``. Pages are
counted from explicit page breaks (or Word's rendered page breaks when present).

The text is what Word displays with every tracked change accepted: insertions and moved-to
text in, deletions, moved-from text and deleted table rows out, a paragraph whose mark was
deleted joined to the next; content controls (``w:sdt``) and custom XML (``w:customXml``)
are looked into at every level (body, table row, cell, run), fields show their result (not
their code), smart tags their text, and hidden runs (``w:vanish``) nothing. Macro-enabled
files, templates and Strict Open XML are read too (``docx_package.py``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from extractors.errors import ReadError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import ReadResult
from extractors.readers.body import BodyBuilder
from extractors.readers.docx_package import as_transitional_docx, describe
from extractors.readers.markup import (
    Pending,
    emit,
    normalize_text,
    plain_kind,
    reflow,
    strip_bullet,
    word_vocabulary,
)
from extractors.readers.sniff import is_encrypted_office
from extractors.readers.zip_checks import open_zip, read_member, refuse_bombs

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP = {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback", f"{_W}del",
         f"{_W}moveFrom", f"{_W}instrText", f"{_W}delText", f"{_W}sdtPr", f"{_W}sdtEndPr"}
# Elements that only wrap content: content controls and custom XML, looked into everywhere.
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"}
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
_LIST_STYLE = re.compile(r"^list(?:\s+(?:bullet|number|continue|paragraph))?(?:\s*(\d))?$", re.I)


def check_zip(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse non-zip data, password-protected files, zips without ``word/document.xml``,
    zip bombs and XML parts that declare a DTD (entity attacks)."""
    if is_encrypted_office(data):
        raise ReadError("encrypted", "Word document is password-protected (encrypted); "
                                     "remove the password in Word and save it again")
    archive = open_zip(data, "Word .docx", "corrupt_docx")
    with archive:
        infos = archive.infolist()
        if "word/document.xml" not in {i.filename for i in infos}:
            raise ReadError("not_docx",
                            "zip archive has no word/document.xml; not a Word .docx file")
        refuse_bombs(infos, limits, "docx")
        for i in infos:
            if i.filename.lower().endswith((".xml", ".rels")):
                _refuse_dtd(i.filename, _member(archive, i))


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One member's bytes (at most its declared size); ReadError when it cannot be read."""
    return read_member(archive, info, "Word .docx", "corrupt_docx")


def _refuse_dtd(name: str, content: bytes) -> None:
    """Refuse an XML part that declares a DTD. Word never writes one; a DTD is how external
    entities (reading local files or URLs) and exponential entity expansion are declared."""
    for enc in ("utf-8", "utf-16-le", "utf-16-be"):
        at = content.find("<!DOCTYPE".encode(enc))
        if at < 0:
            continue
        dtd = content[at:at + 65536].decode(enc, errors="replace")
        if "SYSTEM" in dtd or "PUBLIC" in dtd:
            why = "external entities, which would read local files or URLs"
        elif "<!ENTITY" in dtd:
            why = "entities, which can expand exponentially (a 'billion laughs' attack)"
        else:
            why = "a DTD"
        raise ReadError("unsafe_docx", f"Word document part {name} declares {why}; Word never "
                                       "writes a DTD, so the file is refused unread")


class _Pages:
    """Tracks the current page from page breaks met while walking the body."""

    def __init__(self, use_rendered: bool) -> None:
        self.page = 1
        self.use_rendered = use_rendered

    def see(self, el: Any) -> None:
        tag = el.tag
        if self.use_rendered:
            if tag == f"{_W}lastRenderedPageBreak":
                self.page += 1
            return
        explicit = tag == f"{_W}br" and el.get(f"{_W}type") == "page"
        before = tag == f"{_W}pageBreakBefore" and el.get(f"{_W}val", "true") not in ("0", "false")
        if explicit or before:
            self.page += 1


def _walk(el: Any) -> Iterator[Any]:
    """``el`` and its descendants in document order, skipping ``mc:Fallback`` copies (a
    text box is stored twice: as DrawingML and as a VML fallback), deleted and moved-from
    revisions, content-control properties and hidden runs."""
    yield el
    for child in el.iterchildren():
        if child.tag not in _SKIP and not _hidden(child):
            yield from _walk(child)


def _on(flag: Any) -> bool:
    """Whether a Word on/off property element is on (present, and not ``val="false"``)."""
    return flag is not None and flag.get(f"{_W}val", "true") not in ("0", "false", "off")


def _hidden(el: Any) -> bool:
    """A run formatted as hidden text (Word does not display it)."""
    return el.tag == f"{_W}r" and _on(el.find(f"{_W}rPr/{_W}vanish"))


def _mark_removed(p: Any) -> bool:
    """Whether a paragraph's mark is a tracked deletion or move (accepted, the paragraph
    runs on into the next one)."""
    rpr = p.find(f"{_W}pPr/{_W}rPr")
    return rpr is not None and (rpr.find(f"{_W}del") is not None
                                or rpr.find(f"{_W}moveFrom") is not None)


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """Children of ``parent`` with ``tag``, looking through content controls and custom
    XML wrapped around them (a table row or cell inside a ``w:sdt``)."""
    for child in parent.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _runs_text(el: Any, pages: _Pages | None = None) -> tuple[str, int]:
    """Text of a paragraph (or any element) in document order, and the page its text starts
    on. Line breaks and tabs become spaces."""
    parts: list[str] = []
    start_page = pages.page if pages is not None else 1
    seen_text = False
    for node in _walk(el):
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
            if not seen_text and (node.text or "").strip() and pages is not None:
                seen_text, start_page = True, pages.page
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            parts.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        if pages is not None:
            pages.see(node)
    return normalize_text("".join(parts)).replace("\n", " "), start_page


class _Styles:
    """Resolves paragraph style ids to (heading level, list level)."""

    def __init__(self, document: Any) -> None:
        self._by_id: dict[str, Any] = {}
        try:
            for style in document.styles:
                if style.style_id:
                    self._by_id[style.style_id] = style
        except Exception:  # malformed styles part: treat every paragraph as plain
            self._by_id = {}
        self._cache: dict[str, tuple[int, int | None]] = {}

    def classify(self, style_id: str | None) -> tuple[int, int | None]:
        """Return (heading level or 0, list level or None) for a style id."""
        if not style_id:
            return 0, None
        if style_id not in self._cache:
            self._cache[style_id] = self._resolve(style_id)
        return self._cache[style_id]

    def _resolve(self, style_id: str) -> tuple[int, int | None]:
        """The style's own name decides first, then the styles it is based on."""
        style, depth = self._by_id.get(style_id), 0
        names = [style_id]
        while style is not None and depth < 5:
            names.append(style.name or "")
            style, depth = style.base_style, depth + 1
        for name in names:
            if name.lower() == "title":
                return 1, None
            if name.lower() == "subtitle":
                return 2, None
            m = _HEADING_STYLE.match(name.replace("Heading", "Heading "))
            if m:
                return int(m.group(1)), None
            m = _LIST_STYLE.match(re.sub(r"(?<=[a-z])(?=[A-Z\d])", " ", name))
            if m:
                return 0, int(m.group(1)) - 1 if m.group(1) else 0
        return 0, None


def _para_props(p: Any) -> tuple[str | None, int | None, int | None]:
    """(style id, numbering level or None, outline level or None) of a w:p element."""
    ppr = p.find(f"{_W}pPr")
    if ppr is None:
        return None, None, None
    style = ppr.find(f"{_W}pStyle")
    style_id = style.get(f"{_W}val") if style is not None else None
    num_level = None
    numpr = ppr.find(f"{_W}numPr")
    if numpr is not None:
        num_id = numpr.find(f"{_W}numId")
        if num_id is None or num_id.get(f"{_W}val") != "0":
            ilvl = numpr.find(f"{_W}ilvl")
            num_level = _level(ilvl.get(f"{_W}val"), 0) if ilvl is not None else 0
    outline = ppr.find(f"{_W}outlineLvl")
    out_level = _level(outline.get(f"{_W}val"), 9) if outline is not None else None
    return style_id, num_level, out_level if out_level is not None and out_level < 9 else None


def _level(value: str | None, default: int) -> int:
    """A list or outline level attribute (0-9); ``default`` when absent or damaged."""
    try:
        return min(max(int(value), 0), 9) if value is not None else default
    except ValueError:
        return default


def _body_elements(parent: Any) -> Iterator[Any]:
    """w:p and w:tbl children in body order, looking inside content controls (w:sdt) and
    custom XML (w:customXml)."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _body_elements(child)


def _add_paragraph(items: list[Pending], p: Any, styles: _Styles, pages: _Pages,
                   carried: tuple[str, int] | None = None) -> None:
    text, page = _runs_text(p, pages)
    if carried is not None:  # the text of paragraphs whose mark was deleted
        text, page = (carried[0] + text, carried[1]) if carried[0].strip() else (text, page)
    if not text.strip():
        return
    style_id, num_level, outline = _para_props(p)
    heading, list_level = styles.classify(style_id)
    if heading:
        items.append(Pending("heading", text, page, heading))
    elif outline is not None:
        items.append(Pending("heading", text, page, outline + 1))
    elif list_level is not None or num_level is not None:
        level = num_level if num_level is not None else list_level or 0
        items.append(Pending("list_item", strip_bullet(text)[0], page, level))
    else:
        kind, clean, _ = plain_kind(text)
        items.append(Pending(kind, clean, page))


def _add_table(items: list[Pending], tbl: Any, pages: _Pages) -> None:
    for tr in _children(tbl, f"{_W}tr"):
        if _on(tr.find(f"{_W}trPr/{_W}del")):
            continue  # a tracked deletion of the row
        page = pages.page
        cells: list[str] = []
        for tc in _children(tr, f"{_W}tc"):
            if tc.find(f"{_W}tcPr/{_W}cellDel") is not None:
                continue
            vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if vmerge is not None and vmerge.get(f"{_W}val", "continue") == "continue":
                continue  # continuation of a vertically merged cell: already read
            paras = [strip_bullet(_runs_text(p, pages)[0])[0] for p in tc.iter(f"{_W}p")]
            cells.append(" ".join(t for t in paras if t.strip()))
        items.append(Pending("table_row", "\t".join(cells), page, cells=cells))


def _running_text(parts: list[Any]) -> str:
    seen: list[str] = []
    for part in parts:
        try:
            el = part._element
        except Exception:
            continue
        for p in el.iter(f"{_W}p"):
            text = " ".join(_runs_text(p)[0].split())
            if text and text not in seen:
                seen.append(text)
    return "\n".join(seen)


def _headers_footers(document: Any) -> dict[str, str]:
    headers, footers = [], []
    for section in document.sections:
        for attr in ("header", "first_page_header", "even_page_header"):
            hdr = getattr(section, attr)
            if not hdr.is_linked_to_previous or attr == "header":
                headers.append(hdr)
        for attr in ("footer", "first_page_footer", "even_page_footer"):
            ftr = getattr(section, attr)
            if not ftr.is_linked_to_previous or attr == "footer":
                footers.append(ftr)
    meta = {}
    if text := _running_text(headers):
        meta["header"] = text
    if text := _running_text(footers):
        meta["footer"] = text
    return meta


def read(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read a .docx file: body in order, structure from styles, headers/footers to metadata."""
    check_zip(data, limits)
    import docx  # local import: python-docx is only needed for Word files

    data = as_transitional_docx(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except MemoryError:
        raise
    except Exception as exc:
        raise ReadError("corrupt_docx", f"cannot open Word document: {describe(exc)}") from exc
    root = document.element.find(f"{_W}body")
    if document.element.tag != f"{_W}document" or root is None:
        raise ReadError("corrupt_docx", "Word document is damaged: word/document.xml has no "
                                        "document body")
    rendered = next(root.iter(f"{_W}lastRenderedPageBreak"), None) is not None
    pages, styles, items = _Pages(rendered), _Styles(document), []
    carried: tuple[str, int] | None = None
    for el in _body_elements(root):
        if el.tag == f"{_W}p" and _mark_removed(el):
            text, page = _runs_text(el, pages)
            carried = (carried[0] + text, carried[1]) if carried else (text, page)
            continue
        if el.tag == f"{_W}p":
            _add_paragraph(items, el, styles, pages, carried)
        else:
            if carried and carried[0].strip():
                items.append(Pending("paragraph", carried[0], carried[1]))
            _add_table(items, el, pages)
        carried = None
    if carried and carried[0].strip():
        items.append(Pending("paragraph", carried[0], carried[1]))
    body = BodyBuilder()
    emit(body, reflow(items, word_vocabulary([i.text for i in items])))
    try:
        metadata = _headers_footers(document)
    except Exception:  # a broken header part must not lose the body
        metadata = {}
    return ReadResult(body, n_pages=pages.page, metadata=metadata)
