"""Web page (.html, .htm, or HTML saved as .txt) reader built on lxml.html.

The page's minutes are found by structure, never by a site's class names or ids: the main
content is ``<main>`` (or ``role="main"``), else the ``<article>`` holding most text, else the
body; site chrome is left out wherever it stands: ``nav``, ``aside``, page-level ``header`` and
``footer`` (not those inside an article or section, which carry its title and notes), form
controls, dialogs (cookie banners), scripts and styles, elements with the ARIA roles of chrome
(navigation, banner, contentinfo, complementary, search, dialog, menu...) and hidden ones.

Headings ``h1``-``h6`` give heading blocks with their level, ``li`` list items nested by their
lists (an ordered list's numbers are written into the text, as a browser shows them), each
table row one table_row (cells from ``td``/``th``; a table that lays out the page, with
headings, lists or tables in its cells or ``role="presentation"``, is read as the blocks in its
cells), paragraphs and ``<br>``-separated lines paragraphs, ``<pre>`` as the text reader reads
a text file. The minutes' own title (an ``h1``, or the first lines) opens the body as in the
other formats; the page's ``<title>``, often "Page | Site", goes to ``metadata["title"]`` and
not into the body, where it would run into the minutes' title.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

from extractors.errors import ReadError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import ReadResult
from extractors.readers.body import BodyBuilder
from extractors.readers.decoding import decode
from extractors.readers.markup import (
    Pending,
    emit,
    normalize_text,
    plain_kind,
    reflow,
    word_vocabulary,
)

# Elements that are never minutes text.
# (Not ``form``: ASP.NET and SharePoint pages wrap the whole page, minutes and all, in one.)
_DROP_TAGS = {"script", "style", "noscript", "template", "nav", "aside", "iframe",
              "object", "embed", "svg", "canvas", "button", "select", "textarea", "input",
              "dialog", "menu", "head", "title", "meta", "link", "video", "audio", "map"}
# ARIA landmark and widget roles of site chrome (WAI-ARIA 1.2).
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
               "alertdialog", "menu", "menubar", "toolbar", "tablist", "tooltip", "alert",
               "status"}
# Sectioning elements inside which header/footer belong to the content, not to the site.
_SECTIONING = {"article", "section", "main"}
_HEADING = re.compile(r"^h([1-6])$")
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "blockquote", "ul",
           "ol", "dl", "dt", "dd", "li", "table", "tr", "td", "th", "thead", "tbody", "tfoot",
           "caption", "pre", "address", "figure", "figcaption", "center", "body", "hr",
           "h1", "h2", "h3", "h4", "h5", "h6", "fieldset", "details", "summary", "hgroup"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HTML_START = re.compile(rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])",
                         re.I | re.S)


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` is a whole HTML page (starts with a doctype or ``<html>``, after a
    BOM, blanks, comments or an XML declaration), in UTF-8/ASCII or UTF-16."""
    head = data[:4096]
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):].decode(enc, errors="ignore").encode("ascii", "ignore")
    return _HTML_START.match(head.removeprefix(codecs.BOM_UTF8)) is not None


def _charset(data: bytes) -> str | None:
    """The encoding a BOM or a ``<meta charset>`` declares, if Python knows it."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return enc
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return codecs.lookup(m.group(1).decode("ascii")).name
        except LookupError:
            return None
    return None


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding it was read in: a BOM first, then ``<meta charset>``,
    else the text decoder's guess (UTF-8 with legacy runs)."""
    enc = _charset(data)
    if enc is not None and enc.startswith(("utf-16", "utf-32")) and not enc.endswith("sig") \
            and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = None  # a <meta> declaring UTF-16 in a page of single bytes: ignored (WHATWG)
    if enc is not None:
        if enc in ("ascii", "iso8859-1", "latin-1"):
            enc = "cp1252"  # what browsers read a page declared Latin-1 or ASCII in (WHATWG)
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass  # the declaration is wrong: decode as any text file
    decoded = decode(data)
    return decoded.text, decoded.encoding


def _role(el: Any) -> str:
    return (el.get("role") or "").strip().lower()


def _is_chrome(el: Any) -> bool:
    """Whether ``el`` is site chrome or hidden, by its element, ARIA role or visibility."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP_TAGS or _role(el) in _DROP_ROLES:
        return True
    if tag in ("header", "footer") and not any(
            a.tag in _SECTIONING or _role(a) in ("main", "article") for a in el.iterancestors()):
        return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    if (el.get("aria-modal") or "").lower() == "true":
        return True
    return bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _text_len(el: Any) -> int:
    return len("".join(el.itertext()).split())


def main_content(root: Any) -> Any:
    """The element holding the minutes: ``<main>``/``role=main``, else the article with most
    words, else ``<body>`` (chrome is removed from it wherever it stands); an empty ``<main>``
    or article is passed over."""
    mains = [el for el in root.iter() if isinstance(el.tag, str)
             and (el.tag == "main" or _role(el) == "main")]
    if mains and _text_len(best := max(mains, key=_text_len)) > 0:
        return best
    articles = [el for el in root.iter() if isinstance(el.tag, str)
                and (el.tag == "article" or _role(el) == "article")]
    if articles and _text_len(best := max(articles, key=_text_len)) > 0:
        return best
    body = root.find(".//body")
    return body if body is not None else root


class _Walker:
    """Walks the content element in document order, collecting blocks."""

    def __init__(self) -> None:
        self.items: list[Pending] = []
        self._line: list[str] = []
        self._list_depth = -1

    def _flush(self) -> None:
        text = " ".join("".join(self._line).split())
        self._line = []
        if text:
            kind, clean, _ = plain_kind(text)
            self.items.append(Pending(kind, clean, 1, 0))

    def inline(self, el: Any) -> str:
        """Text of ``el`` with chrome left out; ``<br>`` becomes a newline."""
        parts: list[str] = []
        self._inline_into(el, parts)
        return normalize_text("".join(parts))

    def _inline_into(self, el: Any, parts: list[str]) -> None:
        if el.text:
            parts.append(_spaces(el.text))
        for child in el.iterchildren():
            if isinstance(child.tag, str) and not _is_chrome(child):
                if child.tag == "br":
                    parts.append("\n")
                elif child.tag in _BLOCKS:
                    parts.append("\n")
                    self._inline_into(child, parts)
                    parts.append("\n")
                else:
                    self._inline_into(child, parts)
            if child.tail:
                parts.append(_spaces(child.tail))

    def walk(self, el: Any) -> None:
        """Collect the blocks of ``el``'s children (and the loose text between them)."""
        if el.text:
            self._line.append(el.text)
        for child in el.iterchildren():
            if isinstance(child.tag, str) and not _is_chrome(child):
                self._element(child)
            if child.tail:
                self._line.append(child.tail)
        self._flush()

    def _element(self, el: Any) -> None:
        tag = el.tag
        m = _HEADING.match(tag)
        if tag == "br":
            self._flush()
        elif tag not in _BLOCKS and not m:
            self._line.append(self.inline(el).replace("\n", " "))
        elif m:
            self._flush()
            text = " ".join(self.inline(el).split())
            if text:
                self.items.append(Pending("heading", text, 1, int(m.group(1))))
        elif tag in ("ul", "ol"):
            self._flush()
            self._list(el)
        elif tag == "table":
            self._flush()
            self._table(el)
        elif tag == "li":  # a list item outside a list
            self._flush()
            self._list_item(el, None)
        elif tag == "pre":
            self._flush()
            self._preformatted(el.text_content())
        elif tag in ("p", "dt", "dd", "address", "figcaption", "caption", "summary"):
            self._flush()
            for line in self.inline(el).split("\n"):
                self._line.append(line)
                self._flush()
        else:  # div, section, blockquote...: their children are blocks of their own
            self._flush()
            self.walk(el)

    def _preformatted(self, text: str) -> None:
        """A ``<pre>`` block (a plain-text capture) read as the text reader reads text."""
        from extractors.readers import text_reader

        if not text.strip():
            return
        result = text_reader.read(text.encode("utf-8"))
        for b in result.body.blocks:
            block_text = result.body.text[b.start:b.end]
            if b.kind == "table_row":
                cells = [block_text[s:e] for s, e in
                         ((s - b.start, e - b.start) for s, e in b.cells)]
                self.items.append(Pending("table_row", block_text, 1, cells=cells))
            else:
                self.items.append(Pending(b.kind, block_text, 1, b.level))

    def _list(self, lst: Any) -> None:
        self._list_depth += 1
        number = _start(lst)
        style = (lst.get("type") or "1") if lst.tag == "ol" else None
        for li in lst.iterchildren():
            if not isinstance(li.tag, str) or _is_chrome(li):
                continue
            if li.tag != "li":
                self._element(li)
                continue
            if li.get("value", "").strip().isdigit():
                number = int(li.get("value").strip())
            self._list_item(li, _marker(number, style) if style else None)
            number += 1
        self._list_depth -= 1

    def _list_item(self, li: Any, marker: str | None) -> None:
        """One list item: its own text, then its nested lists and blocks."""
        own: list[str] = [li.text or ""]
        rest: list[Any] = []
        for child in li.iterchildren():
            if rest or (isinstance(child.tag, str) and child.tag in _BLOCKS - {"p", "div"}):
                rest.append(child)
            elif isinstance(child.tag, str) and not _is_chrome(child):
                own.append(self.inline(child) if child.tag != "br" else "\n")
                own.append(child.tail or "")
            else:
                own.append(child.tail or "")
        text = " ".join("".join(own).split())
        if text:
            if marker and not plain_kind(text)[2]:
                text = f"{marker} {text}"
            self.items.append(Pending("list_item", text, 1, max(self._list_depth, 0)))
        for child in rest:
            if isinstance(child.tag, str) and not _is_chrome(child):
                self._element(child)
            if child.tail and child.tail.strip():
                self._line.append(child.tail)
                self._flush()

    def _table(self, table: Any) -> None:
        if _is_layout(table):  # a table that lays out the page: its cells are containers
            for tr in _rows(table):
                for cell in tr.iterchildren():
                    if isinstance(cell.tag, str) and not _is_chrome(cell):
                        self.walk(cell)
            return
        for tr in _rows(table):
            cells = [" ".join(self.inline(c).split()) for c in tr.iterchildren()
                     if isinstance(c.tag, str) and c.tag in ("td", "th") and not _is_chrome(c)]
            if any(cells):
                self.items.append(Pending("table_row", "\t".join(cells), 1, cells=cells))


def _is_layout(table: Any) -> bool:
    """A table used for page layout, not data: marked ``role="presentation"``/``"none"``, or
    with headings, tables or lists inside its cells."""
    if _role(table) in ("presentation", "none"):
        return True
    for tr in _rows(table):
        for cell in tr.iterchildren():
            if isinstance(cell.tag, str) and any(
                    isinstance(el.tag, str) and (_HEADING.match(el.tag) or el.tag in (
                        "table", "ul", "ol", "main", "article")) for el in cell.iterdescendants()):
                return True
    return False


def _spaces(text: str) -> str:
    """Source text with its line breaks as spaces (HTML collapses white space)."""
    return re.sub(r"[\r\n\t\f]+", " ", text)


def _rows(table: Any) -> Iterator[Any]:
    """The table's own rows (not those of tables nested in its cells), in order."""
    for child in table.iterchildren():
        if not isinstance(child.tag, str) or _is_chrome(child):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from _rows(child)


def _start(lst: Any) -> int:
    start = (lst.get("start") or "").strip()
    return int(start) if start.isdigit() else 1


def _marker(number: int, style: str) -> str:
    """What a browser shows before item ``number`` of an ``<ol type=style>``."""
    if style in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return f"{letter.upper() if style == 'A' else letter}."
    if style in ("i", "I") and 1 <= number <= 39:
        roman = _roman(number)
        return f"{roman.upper() if style == 'I' else roman}."
    return f"{number}."


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def parse_page(data: bytes) -> tuple[Any, str]:
    """The parsed page (an lxml element) and the encoding it was read in; ReadError
    ``corrupt_html`` when lxml finds no document in it."""
    import lxml.html
    from lxml import etree

    text, encoding = decode_html(data)
    text = _XML_DECL.sub("", text.replace("\x00", ""), count=1)
    if not text.strip():
        raise ReadError("no_text", "file contains no text")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError("corrupt_html", f"web page cannot be parsed: {exc}") from exc
    return root, encoding


def read(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read a web page: the main content's headings, lists, tables and paragraphs."""
    root, encoding = parse_page(data)
    title_el = root.find(".//head/title")
    if title_el is None:
        title_el = root.find(".//title")
    title = " ".join((title_el.text_content() if title_el is not None else "").split())
    walker = _Walker()
    walker.walk(main_content(root))
    items = walker.items
    if not items:
        raise ReadError("no_content", "web page has no text once its site navigation, header, "
                                      "footer, scripts and styles are left out")
    body = BodyBuilder()
    emit(body, reflow(items, word_vocabulary([i.text for i in items])))
    metadata = {"title": title} if title else {}
    if encoding not in ("utf-8", "utf-8-sig"):
        metadata["encoding"] = encoding
    return ReadResult(body, n_pages=1, metadata=metadata)
