"""Hypothesis strategies that damage real files: byte flips, truncation, junk insertion,
deletion, duplication, number rewrites and splices from other files of the same format;
for .docx, damage inside one zip member (XML or relationships) so the zip stays valid and
the parser meets broken XML."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from hypothesis import strategies as st

# Byte strings that upset parsers when dropped anywhere: big and negative numbers, PDF and
# XML syntax, odd encodings.
INTERESTING = [b"\x00", b"\xff", b"0", b"-1", b"999999999999", b"4294967296", b"1e308", b"NaN",
               b"/", b" R ", b" obj", b"endobj", b"stream", b"<<", b">>", b"[", b"]", b"(",
               b"<", b">", b"</w:p>", b"<w:p>", b'"', b"&amp;", b"&#0;", b"\xef\xbb\xbf",
               b"\xfe\xff", b"\r", b"\n", b"\f", b"%%EOF", b"xref", b"trailer", b"\xc3", b"\x80"]


_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?")
_ATTRIBUTE = re.compile(rb'="[^"<>]*"')
_EMPTY_ELEMENT = re.compile(rb"<[A-Za-z][^<>]*/>")
OPS = ["flip", "truncate", "insert", "delete", "duplicate", "interesting", "splice", "number"]
XML_OPS = [*OPS, "attribute", "drop_element"]


@dataclass(frozen=True)
class Seed:
    """A file to damage: a label, its format (file extension) and its bytes."""

    label: str
    ext: str
    data: bytes


def _nth_match(draw: st.DrawFn, pattern: re.Pattern[bytes],
               data: bytearray) -> re.Match[bytes] | None:
    """One match of ``pattern`` in ``data``, chosen by index (None when there is none)."""
    matches = list(pattern.finditer(data))
    return matches[draw(st.integers(0, len(matches) - 1))] if matches else None


@st.composite
def _mutate(draw: st.DrawFn, data: bytes, donors: list[bytes], xml: bool = False) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.sampled_from([1, 1, 1, 2, 2, 3, 5, 8]), label="mutations")):
        if not out:
            out += draw(st.binary(min_size=1, max_size=64))
            continue
        at = draw(st.integers(0, len(out) - 1), label="position")
        op = draw(st.sampled_from(XML_OPS if xml else OPS), label="op")
        if op in ("number", "attribute", "drop_element"):
            pattern = {"number": _NUMBER, "attribute": _ATTRIBUTE,
                       "drop_element": _EMPTY_ELEMENT}[op]
            found = _nth_match(draw, pattern, out)
            if found is None:
                continue
            if op == "drop_element":
                new = b""
            else:
                new = draw(st.sampled_from(INTERESTING) | st.binary(max_size=8))
                new = b'="' + new.replace(b'"', b"") + b'"' if op == "attribute" else new
            out[found.start():found.end()] = new
        elif op == "flip":
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del out[at:]
        elif op == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del out[at:at + draw(st.integers(1, 512))]
        elif op == "duplicate":
            out[at:at] = out[at:at + draw(st.integers(1, 512))]
        elif op == "interesting":
            value = draw(st.sampled_from(INTERESTING))
            out[at:at + draw(st.integers(0, len(value)))] = value
        else:
            donor = draw(st.sampled_from(donors))
            start = draw(st.integers(0, max(len(donor) - 1, 0)))
            out[at:at + draw(st.integers(0, 256))] = donor[start:start + draw(
                st.integers(1, 1024))]
    return bytes(out)


@st.composite
def _mutate_docx_member(draw: st.DrawFn, data: bytes, donors: list[bytes]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    infos = src.infolist()
    xml = [i.filename for i in infos if i.filename.endswith((".xml", ".rels"))]
    target = draw(st.sampled_from(sorted(xml, key=lambda n: n != "word/document.xml")),
                  label="member")
    drop = draw(st.booleans(), label="drop member") and target != "word/document.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            content = src.read(info.filename)
            if info.filename == target:
                if drop:
                    continue
                content = draw(_mutate(content, donors, xml=True))
            dst.writestr(info.filename, content)
    return out.getvalue()


@st.composite
def damaged(draw: st.DrawFn, seeds: list[Seed]) -> tuple[Seed, bytes]:
    """A seed and a damaged copy of its bytes."""
    seed = draw(st.sampled_from(seeds), label="seed")
    donors = [s.data for s in seeds if s.ext == seed.ext]
    if seed.ext == "docx" and draw(st.booleans(), label="inside the zip"):
        return seed, draw(_mutate_docx_member(seed.data, donors))
    return seed, draw(_mutate(seed.data, donors))
