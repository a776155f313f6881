"""Shared text helpers for the readers: decoding, inline-markup stripping, line classification
and de-hyphenation, so txt/md, docx and pdf renderings of one document give the same body."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from extractors.errors import ReadError
from extractors.readers.decoding import Decoded, decode
from extractors.readers.sniff import sniff

# Characters used as bullet glyphs in Word/PDF output (incl. Symbol/Wingdings private-use ones).
BULLET_CHARS = "-*+•●○◦▪▫■□‣⁃∙·–—\u2043\ue000-\uf8ff"
_BULLET_RE = re.compile(rf"^(\s*)([{BULLET_CHARS}])\s+(.*)$")
# Numbered markers: "1.", "2)", "4.1.", "a)", "(iii)" -- the number stays in the body text.
_NUMBER_RE = re.compile(r"^(\s*)((?:\d{1,3}(?:\.\d{1,3})*[.)])|(?:\(?[a-zA-Z][.)])"
                        r"|(?:\([ivxIVX]{1,5}\)))\s+(\S.*)$")
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ASCIIDOC_HEADING_RE = re.compile(r"^(={1,6})\s+(\S.*?)\s*=*\s*$")  # "= Title", "== Section"
_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")

_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
# Tags that end a cell, row, paragraph or list item: they stand for a space, so the cells of an
# HTML table kept in Markdown do not run together ("31/05/2015</td><td>DD" -> "31/05/2015 DD").
_BLOCK_TAG_RE = re.compile(r"</?(?:td|th|tr|table|tbody|thead|tfoot|p|div|li|ul|ol|h[1-6]|"
                           r"caption|section|article|header|footer)\b[^<>]*>", re.I)
_BR_RE = re.compile(r"<br\s*/?>", re.I)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR_RE = re.compile(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDER_RE = re.compile(r"(?<![\w\\])_(?=\S)(.+?)(?<=\S)_(?!\w)")
_STRIKE_RE = re.compile(r"~~(.+?)~~")
_CODE_RE = re.compile(r"`([^`]*)`")
_LEFTOVER_RE = re.compile(r"(?<!\\)(\*\*+|__+)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff\u00ad]")

_WORD_HYPHEN_RE = re.compile(r"([A-Za-zÀ-ÿ]+)-$")
_WORD_START_RE = re.compile(r"^([A-Za-zÀ-ÿ]+)")
# Prefixes usually written with a hyphen before a whole word (co-chair, non-state, self-help).
_PREFIXES = {"co", "non", "self", "ex", "vice", "anti", "semi", "multi", "cross", "post", "pre",
             "re", "in", "on", "out", "well", "follow", "full", "half", "all", "long", "high"}
_VOCAB_RE = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*")

# Characters no text file has many of: C0/C1 control codes (not tab, newlines, form feed)
# and the replacement character left by undecodable bytes.
_BINARY_CHAR_RE = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
BINARY_SHARE = 0.02
"""Largest share of control codes and undecodable bytes a text file may have."""


def decode_bytes(data: bytes) -> str:
    """The text of ``data`` (see ``decode_text``)."""
    return decode_text(data).text


def decode_text(data: bytes) -> Decoded:
    """Decode text bytes run by run (``decoding.py``: BOMs, UTF-8 with legacy runs, BOM-less
    UTF-16/32, a legacy encoding).

    NUL bytes and other control characters are removed (a few stray NULs, or NUL padding
    left by a crash, should not cost the analyst the text); newlines are normalised to ``\\n``;
    form feeds (page breaks, as pdftotext writes them) are kept. Raises ReadError
    ``binary_file`` for data that is not text: a recognised binary format (a PDF, zip or
    image saved under a text extension) or more than ``BINARY_SHARE`` of control codes and
    undecodable bytes once NULs are dropped.
    """
    what = sniff(data)
    if what:
        raise ReadError("binary_file", f"file is {what}, not text; check its file extension")
    decoded = decode(data)
    text = decoded.text.replace("\x00", "")
    bad = len(_BINARY_CHAR_RE.findall(text))
    if bad > max(BINARY_SHARE * len(text), 2):
        raise ReadError("binary_file", f"file looks like binary data, not text: "
                                       f"{bad / len(text):.0%} of its characters are control "
                                       "codes or undecodable bytes")
    decoded.text = normalize_text(text, keep_form_feed=True)
    return decoded


def normalize_text(text: str, keep_form_feed: bool = False) -> str:
    """NFC-normalise, unify newlines, expand ligatures and drop control characters (keeps
    tabs, newlines and, if asked, form feeds)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n")
    if not keep_form_feed:
        text = text.replace("\f", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    if any("\ufb00" <= c <= "\ufb06" for c in text):
        text = text.translate(_LIGATURES)
    return unicodedata.normalize("NFC", _CONTROL_RE.sub("", text))


def strip_inline(text: str) -> str:
    """Remove inline Markdown/HTML markup, keeping its text (``29<sup>th</sup>`` -> ``29th``)."""
    if any(c in text for c in "<*_[`~&\\"):
        text = _COMMENT_RE.sub("", text)
        text = _BR_RE.sub(" ", text)
        text = _BLOCK_TAG_RE.sub(" ", text)
        text = _TAG_RE.sub("", text)
        text = _IMAGE_RE.sub(r"\1", text)
        text = _LINK_RE.sub(r"\1", text)
        text = _CODE_RE.sub(r"\1", text)
        for _ in range(2):  # nested **_x_**
            text = _STRONG_RE.sub(r"\2", text)
            text = _EM_STAR_RE.sub(r"\1", text)
            text = _EM_UNDER_RE.sub(r"\1", text)
        text = _STRIKE_RE.sub(r"\1", text)
        text = _LEFTOVER_RE.sub("", text)
        text = _ESCAPE_RE.sub(r"\1", text)
        text = html.unescape(text)
    return text


@dataclass(frozen=True)
class LineInfo:
    """A classified source line."""

    kind: str  # "blank", "heading", "table_row", "separator", "list_item", "paragraph", "setext"
    text: str
    indent: int = 0
    level: int = 0
    numbered: bool = False


def strip_bullet(text: str) -> tuple[str, bool]:
    """Drop a leading bullet glyph (``- ``, ``• ``...); return the rest and whether it had one."""
    m = _BULLET_RE.match(text)
    if m and m.group(3).strip():
        return m.group(3), True
    return text, False


def classify_line(line: str) -> LineInfo:
    """Classify one Markdown/plain-text line."""
    if not line.strip():
        return LineInfo("blank", "")
    indent = len(line) - len(line.lstrip(" \t"))
    if _SEPARATOR_RE.match(line) and "|" in line:
        return LineInfo("separator", "")
    m = _HEADING_RE.match(line) or _ASCIIDOC_HEADING_RE.match(line)
    if m:
        return LineInfo("heading", m.group(2), indent, len(m.group(1)))
    rest, bulleted = strip_bullet(line)
    if rest.lstrip().startswith("|") or (bulleted and rest.strip() == "|"):
        return LineInfo("table_row", rest.strip(), indent)
    if line.lstrip().startswith("|"):
        return LineInfo("table_row", line.strip(), indent)
    if _SETEXT_RE.match(line):
        return LineInfo("setext", line.strip(), indent)
    if bulleted:
        return LineInfo("list_item", rest.strip(), indent)
    m = _NUMBER_RE.match(line)
    if m:
        return LineInfo("list_item", f"{m.group(2)} {m.group(3)}".strip(), indent, numbered=True)
    return LineInfo("paragraph", line.strip(), indent)


def split_cells(row: str) -> list[str]:
    """Split a ``| a | b |`` row into cleaned cell texts (bullets and markup removed)."""
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    cells = re.split(r"(?<!\\)\|", row)
    out = []
    for cell in cells:
        cell = strip_bullet(cell.strip())[0]
        out.append(strip_inline(cell.replace("\\|", "|")).strip())
    return out


def join_hyphenated(left: str, right: str, vocabulary: set[str] | None = None) -> str | None:
    """Join ``left`` (ending in ``-``) with ``right`` across a line break, or None if no hyphen.

    The hyphen is dropped for a word split by hyphenation (``imple-`` + ``mentation`` ->
    ``implementation``) and kept for a real compound: a capitalised or numeric right part
    (``President-Designate``), a hyphenated form seen elsewhere in the document, or two halves
    that are both words of the document (``co-coordinator``) while the joined form is not.
    """
    lm = _WORD_HYPHEN_RE.search(left)
    rm = _WORD_START_RE.match(right)
    if not lm or not rm or left.endswith("--"):
        return None
    a, b = lm.group(1), rm.group(1)
    keep = b[0].isupper()
    if not keep and vocabulary is not None:
        joined, hyph = (a + b).lower(), f"{a}-{b}".lower()
        if joined in vocabulary:
            keep = False
        elif hyph in vocabulary:
            keep = True
        else:
            keep = b.lower() in vocabulary and (a.lower() in vocabulary or a.lower() in _PREFIXES)
    return (left if keep else left[:-1]) + right


def join_lines(lines: list[str], vocabulary: set[str] | None = None) -> str:
    """Join wrapped lines into one paragraph, mending words hyphenated at a line end."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        joined = join_hyphenated(out, line, vocabulary)
        out = joined if joined is not None else f"{out} {line}"
    return out


def word_vocabulary(lines: list[str]) -> set[str]:
    """Lower-cased words and hyphenated compounds of ``lines``, leaving out the two halves of
    any word hyphenated across a line end (they are what the vocabulary is asked about)."""
    vocab: set[str] = set()
    broken = False
    for line in lines:
        tokens = line.split()
        if broken and tokens:
            tokens = tokens[1:]
        broken = bool(tokens) and _WORD_HYPHEN_RE.search(tokens[-1]) is not None
        if broken:
            tokens = tokens[:-1]
        for tok in tokens:
            for w in _VOCAB_RE.findall(tok):
                vocab.add(w.lower())
                if "-" in w:
                    vocab.update(p.lower() for p in w.split("-"))
    return vocab


def plain_kind(text: str) -> tuple[str, str, bool]:
    """Kind of an unstyled paragraph from its text: ``(kind, text, numbered)``.

    A leading bullet glyph makes a list_item and is dropped; a leading number ("1.", "a)")
    makes a list_item and is kept.
    """
    rest, bulleted = strip_bullet(text)
    if bulleted:
        return "list_item", rest.strip(), False
    if _NUMBER_RE.match(text):
        return "list_item", text.strip(), True
    return "paragraph", text.strip(), False


def wrap_width(lines: list[str]) -> int | None:
    """The hard-wrap width (in characters) of ``lines``, or None if they are not hard-wrapped.

    Hard-wrapped text has (almost) no very long lines and many lines close to one common
    maximum.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.95)]
    too_long = sum(1 for n in lengths if n > 160)
    if too_long > max(1, len(lengths) // 50) or width > 160 or width < 40:
        return None
    near = sum(1 for n in lengths if n >= 0.8 * width)
    return width if near >= 0.3 * len(lengths) else None


def ends_paragraph(line: str, next_line: str, width: int | None) -> bool:
    """Whether ``line`` of hard-wrapped text ends its paragraph before ``next_line``.

    With no wrap width every line is its own paragraph. Otherwise a line ends its paragraph
    when the next line's first word would have fitted on it (the wrapper did not need to
    break), or when it is a short line ending a sentence.
    """
    if width is None:
        return True
    stripped = line.rstrip()
    words = next_line.split(maxsplit=1)
    first = words[0] if words else ""
    if len(stripped) + 1 + len(first) < 0.85 * width:
        return True
    return len(stripped) < 0.75 * width and stripped.endswith((".", ":", "!", "?", ";"))


@dataclass
class Pending:
    """A block collected by a reader before it is added to the body."""

    kind: str
    text: str
    page: int = 1
    level: int = 0
    cells: list[str] | None = None
    last_line: str = field(default="", repr=False)


def reflow(items: list[Pending], vocabulary: set[str] | None = None) -> list[Pending]:
    """Join paragraphs that are really the lines of a hard-wrapped paragraph.

    Word and PDF files converted from hard-wrapped text carry one paragraph per line; when
    the plain paragraphs look hard-wrapped (see ``wrap_width``) consecutive ones are joined
    exactly as the text reader joins wrapped lines, so all renderings get the same blocks.
    """
    width = wrap_width([i.text for i in items if i.kind == "paragraph"])
    if width is None:
        return items
    out: list[Pending] = []
    for item in items:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == item.kind == "paragraph"
                and not ends_paragraph(prev.last_line, item.text, width)):
            prev.text = join_lines([prev.text, item.text], vocabulary)
            prev.last_line = item.text
        else:
            item.last_line = item.text
            out.append(item)
    return out


def emit(body: Any, items: list[Pending]) -> None:
    """Add collected blocks to a ``BodyBuilder``."""
    for item in items:
        if item.kind == "table_row":
            body.add_row(item.cells or [item.text], page=item.page)
        else:
            body.add(item.kind, item.text, page=item.page, level=item.level)
