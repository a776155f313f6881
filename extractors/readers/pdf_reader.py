"""PDF reader built on pdfplumber.

Running headers/footers and page numbers are removed (kept in metadata), wrapped lines are
joined into paragraphs (line spacing, indentation, font changes), words hyphenated at a line
end are mended, headings come from font size/boldness, bullets become list items and
borderless tables are read row by row (cells split at wide horizontal gaps). Every block
keeps its 1-based page. Pages without a usable text layer are OCR'd (``ocr.py``) into the
same lines; their blocks carry the page's OCR confidence and the document becomes a "scan".
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass, field

from extractors.errors import ReadError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers import ReadResult
from extractors.readers.body import BodyBuilder
from extractors.readers.legibility import Legibility, measure
from extractors.readers.markup import (
    Pending,
    join_lines,
    plain_kind,
    reflow,
    word_vocabulary,
)
from extractors.readers.ocr import ScanResult, needs_ocr, read_scanned
from extractors.readers.pdf_chars import pdf_chars
from extractors.readers.pdf_layout import Line, page_lines, strip_running
from extractors.readers.pdf_open import open_pdf, translate_error

_BULLETS = set("•●○◦▪▫■□‣⁃∙·➢➤►▶✓✔-–") | {chr(c) for c in range(0xE000, 0xF900)}
_WEAK_BULLETS = set("-–·")  # also ordinary punctuation: a bullet only where a line could break


@dataclass
class _Block:
    kind: str
    lines: list[Line] = field(default_factory=list)
    level: int = 0


def _bullet_of(line: Line, strong: bool = False) -> bool:
    """Whether the line starts with a bullet glyph (``strong``: not a dash-like one)."""
    first = line.cells[0][0].text
    if strong and first[0] in _WEAK_BULLETS:
        return False
    return first[0] in _BULLETS and (len(first) == 1 or first[1] == " ")


def _strip_bullet(line: Line) -> str:
    text = line.text
    if _bullet_of(line):
        text = text[1:].lstrip()
    return text


def _mark_tables(lines: list[Line]) -> list[bool]:
    """Lines that are table rows: multi-cell lines in runs of two or more, plus single-cell
    lines sandwiched between such rows on the same page."""
    multi = [len(ln.cells) > 1 for ln in lines]
    table = [False] * len(lines)
    for i, m in enumerate(multi):
        if not m:
            continue
        near = (i > 0 and multi[i - 1] and lines[i - 1].page == lines[i].page) or (
            i + 1 < len(lines) and multi[i + 1] and lines[i + 1].page == lines[i].page)
        table[i] = near
    for i in range(1, len(lines) - 1):
        if not table[i] and lines[i].page == lines[i - 1].page == lines[i + 1].page:
            prev = next((j for j in range(i - 1, -1, -1) if table[j] or j < i - 3), None)
            nxt = next((j for j in range(i + 1, len(lines)) if table[j] or j > i + 3), None)
            if prev is not None and nxt is not None and table[prev] and table[nxt]:
                table[i] = not _bullet_of(lines[i]) and len(lines[i].text) < 80
    return table


def _assemble(lines: list[Line]) -> list[_Block]:
    """Group lines into blocks using spacing, indentation, fonts, bullets and tables."""
    if not lines:
        return []
    weights = Counter()
    for ln in lines:
        weights[ln.size] += len(ln.text)
    body_size = weights.most_common(1)[0][0]
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines)
            if a.page == b.page and a.size == b.size == body_size and 0 <= b.top - a.bottom
            < body_size]
    line_gap = statistics.median(gaps) if gaps else 0.3 * body_size
    right = max((ln.x1 for ln in lines if ln.size == body_size), default=0.0)
    margins = _text_margins(lines, body_size)
    is_table = _mark_tables(lines)

    def heading_style(ln: Line) -> tuple[float, bool] | None:
        if ln.size > body_size + 0.8 or (ln.bold and ln.size >= body_size - 0.2):
            return (ln.size, ln.bold)
        return None

    blocks: list[_Block] = []
    prev: Line | None = None
    for i, ln in enumerate(lines):
        style = heading_style(ln)
        if is_table[i]:
            blocks.append(_Block("table_row", [ln]))
            prev = None
            continue
        cur = blocks[-1] if blocks else None
        start = cur is None or prev is None or cur.kind == "table_row"
        if not start and cur is not None and prev is not None:
            pstyle = heading_style(prev)
            full = prev.x1 >= 0.85 * right and not prev.text.rstrip().endswith((".", ":", ";"))
            if style != pstyle or _bullet_of(ln, strong=True) or (_bullet_of(ln) and not full):
                start = True
            elif ln.page == prev.page:
                gap = ln.top - prev.bottom
                start = gap > max(1.8 * line_gap, line_gap + 0.3 * ln.size) or (
                    pstyle is None and _broken_short(prev, ln, margins[ln.page]))
            else:  # page turn: continue only a paragraph whose last line ran full width
                start = not full
            if not start and ln.x0 < cur.lines[0].x0 - 2 and cur.kind == "list_item":
                start = True  # back at or left of the bullet: a new paragraph
        if start:
            kind = "heading" if style else ("list_item" if _bullet_of(ln) else "paragraph")
            blocks.append(_Block(kind, [ln]))
        else:
            blocks[-1].lines.append(ln)
        prev = ln
    _set_levels(blocks)
    return blocks


def _text_margins(lines: list[Line], body_size: float) -> dict[int, tuple[float, float]]:
    """Each page's text column (left, right) from its body-size lines: the leftmost start and
    the right edge most wrapped lines reach (95th percentile of line ends)."""
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, [])
        if ln.size == body_size and len(ln.cells) == 1:
            by_page[ln.page].append(ln)
    everywhere = [ln for page in by_page.values() for ln in page]
    margins = {}
    for page, page_lines_ in by_page.items():
        body = page_lines_ if len(page_lines_) >= 5 else everywhere
        ends = sorted(ln.x1 for ln in body)
        left = min((ln.x0 for ln in body), default=0.0)
        margins[page] = (left, ends[int(0.95 * (len(ends) - 1))] if ends else 0.0)
    return margins


def _broken_short(prev: Line, ln: Line, margin: tuple[float, float]) -> bool:
    """Whether ``prev`` ends its paragraph before ``ln`` although they are set close: it
    stops well short of the text column while ``ln``'s first word would have fitted on it
    (a hard line break, as in a list of short lines typed without blank lines)."""
    left, right = margin
    if right <= left or prev.text.endswith("-"):
        return False
    first = ln.cells[0][0]
    needed = prev.x1 - left + 0.3 * ln.size + (first.x1 - first.x0)
    return needed < 0.85 * (right - left)


def _set_levels(blocks: list[_Block]) -> None:
    styles = sorted({(b.lines[0].size, b.lines[0].bold) for b in blocks if b.kind == "heading"},
                    key=lambda s: (-s[0], not s[1]))
    rank = {s: min(i + 1, 6) for i, s in enumerate(styles)}
    indents = sorted({round(b.lines[0].x0 / 4) for b in blocks if b.kind == "list_item"})
    for b in blocks:
        if b.kind == "heading":
            b.level = rank[(b.lines[0].size, b.lines[0].bold)]
        elif b.kind == "list_item":
            b.level = indents.index(round(b.lines[0].x0 / 4))
    # A bold "heading" longer than a sentence or two is emphasised body text.
    for b in blocks:
        if b.kind == "heading" and sum(len(ln.text) for ln in b.lines) > 200:
            b.kind, b.level = "paragraph", 0


def _collect(blocks: list[_Block], vocab: set[str]) -> list[Pending]:
    items = []
    for b in blocks:
        page = b.lines[0].page
        if b.kind == "table_row":
            cells = b.lines[0].cell_texts()
            items.append(Pending("table_row", "\t".join(cells), page, cells=cells))
            continue
        texts = [b.lines[0].text if b.kind != "list_item" else _strip_bullet(b.lines[0])]
        texts += [ln.text for ln in b.lines[1:]]
        text = join_lines(texts, vocab)
        if b.kind == "paragraph":
            kind, text, _ = plain_kind(text)
            items.append(Pending(kind, text, page))
        else:
            items.append(Pending(b.kind, text, page, b.level))
    return items


def read(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Read a PDF into blocks: its text layer, and Tesseract OCR for pages without one.

    Raises ReadError for encrypted or broken files, and for image-only files that cannot be
    OCR'd (Tesseract absent) or yield no text.
    """
    pdf = open_pdf(data)
    with pdf:
        try:
            n_pages = len(pdf.pages)
            if n_pages > limits.max_pages:
                raise ReadError("too_large", f"PDF has {n_pages} pages (limit {limits.max_pages})")
            pages, heights, unmapped, turned = [], [], [], []
            for number, page in enumerate(pdf_chars(pdf), start=1):
                pages.append(page_lines(page.chars, number))
                heights.append(page.height)
                unmapped.append(page.unmapped)
                if page.turn and pages[-1]:
                    turned.append(f"{number}:{page.turn}")
            scanned = [i for i, lines in enumerate(pages)
                       if needs_ocr(pdf.pages[i], lines, unmapped[i])]
            garbled = _garbled_pages(pages, scanned)
            ocr = read_scanned(pdf, pages, sorted(set(scanned) | set(garbled)))
            for number, degrees in ocr.turns.items():
                if degrees in (90, 270):  # read upright, the page is as tall as it was wide
                    heights[number - 1] = float(pdf.pages[number - 1].width)
        except (ReadError, MemoryError):  # a MemoryError is the memory limit, not damage
            raise
        except Exception as exc:
            raise translate_error(exc) from exc
    not_read = _not_read(pages, garbled, ocr)
    if not any(pages):
        if garbled:
            raise ReadError("garbled_text_layer", _garbled_message(garbled, ocr))
        if ocr.illegible:
            raise ReadError("illegible_scan", _illegible_message(ocr))
        raise ReadError("no_text_layer", _no_text_message(n_pages, sum(unmapped) > 0, ocr))
    kept, metadata = strip_running(pages, heights)
    metadata.update(not_read)
    if garbled:  # pages whose text layer was glyph garbage (OCR'd instead, where it could be)
        metadata["pages_garbled"] = ocr.pages_label([i + 1 for i in garbled])
    empty = [str(i) for i, lines in enumerate(pages, start=1) if not lines]
    if empty:
        metadata["pages_without_text"] = ",".join(empty)
    if turned:  # page: degrees its text ran anticlockwise on the displayed page
        metadata["pages_turned"] = " ".join(turned)
    metadata.update(ocr.metadata())
    lines = [ln for page_lines_ in kept for ln in page_lines_]
    vocab = word_vocabulary([ln.text for ln in lines])
    body = BodyBuilder()
    for item in reflow(_collect(_assemble(lines), vocab), vocab):
        confidence = ocr.confidence.get(item.page)
        if item.kind == "table_row":
            body.add_row(item.cells or [item.text], page=item.page, ocr_confidence=confidence)
        else:
            body.add(item.kind, item.text, page=item.page, level=item.level,  # type: ignore[arg-type]
                     ocr_confidence=confidence)
    return ReadResult(body, n_pages=n_pages, metadata=metadata,
                      source_format="scan" if ocr.confidence else None)


def _garbled_pages(pages: list[list[Line]], scanned: list[int]) -> dict[int, Legibility]:
    """0-based pages (not already to be OCR'd) whose text layer is not language, with its
    measures: glyph garbage from fonts without a correct Unicode map."""
    out = {}
    for i, lines in enumerate(pages):
        if i not in scanned and lines:
            found = measure("\n".join(ln.text for ln in lines))
            if found.garbage:
                out[i] = found
    return out


def _not_read(pages: list[list[Line]], garbled: dict[int, Legibility],
              ocr: ScanResult) -> dict[str, str]:
    """``pages_not_read`` (1-based) and ``pages_not_read_reason``: pages whose text is lost
    because their text layer is garbage or their scan could not be read (the quality flag
    ``pages_not_read`` reports them)."""
    lost = sorted({p for p in ocr.pages if not pages[p - 1]} | {i + 1 for i in garbled
                                                                 if not pages[i]})
    if not lost:
        return {}
    reasons = []
    bad_layer = [i + 1 for i in garbled if not pages[i]]
    if bad_layer:
        reasons.append(f"the text layer of page(s) {ocr.pages_label(bad_layer)} is not language "
                       "(fonts without a correct Unicode map)")
    if ocr.illegible:
        reasons.append(f"OCR of page(s) {ocr.pages_label(ocr.illegible)} gave no legible text")
    if ocr.problem:
        reasons.append(f"OCR could not run: {ocr.problem}")
    elif not ocr.attempted and ocr.pages:
        reasons.append("OCR was not attempted")
    return {"pages_not_read": ocr.pages_label(lost),
            "pages_not_read_reason": "; ".join(reasons) or "OCR found no text"}


def _garbled_message(garbled: dict[int, Legibility], ocr: ScanResult) -> str:
    first = next(iter(garbled.values()))
    pages = ocr.pages_label([i + 1 for i in garbled])
    what = (f"PDF text layer on page(s) {pages} is not language but glyph garbage (fonts "
            f"without a correct Unicode map: {first.describe()})")
    if ocr.problem:
        return f"{what}; OCR is needed but {ocr.problem}"
    if ocr.illegible:
        return f"{what}, and OCR of it gave no legible text either"
    return f"{what}, and OCR found no text"


def _illegible_message(ocr: ScanResult) -> str:
    pages = ocr.pages_label(ocr.illegible)
    return (f"OCR of the scanned page(s) {pages} gave no legible text (noise, not language, "
            "in every orientation); the scan may be too faint, too small or not text")


def _no_text_message(n_pages: int, unmapped: bool, ocr: ScanResult) -> str:
    what = (f"PDF text on its {n_pages} pages uses fonts without a Unicode mapping (no "
            "ToUnicode)" if unmapped else
            f"PDF has no text layer on any of its {n_pages} pages (image-only scan)")
    pages = f"page{'s' if len(ocr.pages) > 1 else ''} {ocr.pages_label()}"
    if ocr.problem:
        return f"{what}; OCR is needed for {pages} but {ocr.problem}"
    if ocr.attempted:
        return f"{what} and OCR found no text on {pages}"
    return f"{what}; OCR is needed"
