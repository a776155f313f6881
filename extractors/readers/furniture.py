"""Document furniture: lines that are not the minutes (web-capture chrome, UN document headers,
page markers, YAML front matter).

Readers keep furniture in the body text, so every offset still points into ``Document.text``,
but mark its blocks (``Block.furniture`` = the role), so no record is taken from it. Line
patterns and the front-matter shape live in ``resources/furniture.jsonl``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

import srsly

from extractors.gazetteer import RESOURCES
from extractors.readers.markup import strip_inline
from models.document import Block

FRONT_MATTER = "front_matter"


@dataclass(frozen=True)
class _Spec:
    lines: list[tuple[str, re.Pattern[str]]]
    chrome: re.Pattern[str]
    fm_open: str
    fm_close: tuple[str, ...]
    fm_max: int
    fm_line: re.Pattern[str]


@cache
def _spec() -> _Spec:
    lines: list[tuple[str, re.Pattern[str]]] = []
    fm: dict = {}
    chrome = re.compile("(?!)")
    for rec in srsly.read_jsonl(RESOURCES / "furniture.jsonl"):
        flags = re.I if "i" in rec.get("flags", "") else 0
        if rec["kind"] == "line":
            lines.append((rec["role"], re.compile(rec["pattern"], flags)))
        elif rec["kind"] == "chrome_phrase":
            chrome = re.compile(rf"\b(?:{rec['pattern']})(?!\w)|[>»›|/•·-]", flags)
        elif rec["kind"] == FRONT_MATTER:
            fm = rec
    return _Spec(lines, chrome, fm["open"], tuple(fm["close"]), int(fm["max_lines"]),
                 re.compile(fm["line"]))


def line_role(line: str) -> str | None:
    """The furniture role of one whole line (``web_chrome``, ``doc_header``, ``page_marker``),
    or None for a line of the minutes."""
    text = " ".join(strip_inline(line).strip(" \t#*_|").split())
    if not text or len(text) > 120:
        return None
    spec = _spec()
    for role, pattern in spec.lines:
        if pattern.fullmatch(text):
            return role
    rest = spec.chrome.sub(" ", text)
    widgets = [w for w in spec.chrome.findall(text) if re.search(r"[^\W\d]", w)]
    if len(widgets) >= 2 and not re.search(r"\w", rest):
        return "web_chrome"  # several chrome widgets run together on one line
    return None


def front_matter_end(lines: list[str]) -> int:
    """Number of leading lines that form a YAML front-matter block (``---`` ... ``---``), or 0.

    Every line between the fences must look like YAML (``key: value``, an indented or ``- ``
    continuation, a comment, or blank)."""
    spec = _spec()
    if not lines or lines[0].strip() != spec.fm_open:
        return 0
    for i in range(1, min(len(lines), spec.fm_max + 1)):
        line = lines[i].rstrip()
        if line.strip() in spec.fm_close:
            return i + 1 if i > 1 else 0
        if line.strip() and not spec.fm_line.fullmatch(line):
            return 0
    return 0


def front_matter_value(line: str, key: str) -> str | None:
    """The value of ``key: value`` in a front-matter line (quotes removed), else None."""
    m = re.match(rf"\s*{re.escape(key)}\s*:\s*(.*?)\s*$", line, re.I)
    if not m or not m.group(1):
        return None
    value = m.group(1)
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip() or None


def mark_blocks(text: str, blocks: list[Block]) -> list[Block]:
    """``blocks`` with whole-block furniture marked (blocks already marked are kept)."""
    out = []
    for b in blocks:
        if b.furniture is None and b.kind != "table_row":
            role = line_role(text[b.start:b.end])
            if role:
                b = dataclasses.replace(b, furniture=role)
        out.append(b)
    return out
