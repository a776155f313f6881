"""Hypothesis strategies that damage real files: byte flips, truncation, junk insertion,
deletion, duplication, number rewrites and splices from other files of the same format;
for .docx, damage inside one zip member (XML or relationships) so the zip stays valid and
the parser meets broken XML. ``reshaped`` first turns a seed into a valid file of a kind the
readers once lost text on (rotated PDF pages, wrong font Unicode maps, other text encodings,
Word content controls, custom XML, tracked changes, macro-enabled and Strict packages)."""

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
    main = "content.xml" if "content.xml" in xml else "word/document.xml"  # odt, docx
    target = draw(st.sampled_from(sorted(xml, key=lambda n: n != main)), label="member")
    drop = draw(st.booleans(), label="drop member") and target != main
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
    if seed.ext in ("docx", "odt") and draw(st.booleans(), label="inside the zip"):
        return seed, draw(_mutate_docx_member(seed.data, donors))
    return seed, draw(_mutate(seed.data, donors))


# -- reshaping: valid files of the kinds readers once lost text on (issue #14) ---------------
# Each takes a seed's bytes and returns a still-valid file of the same format: rotated PDF
# pages and fonts with wrong Unicode maps, text in other encodings, Word content controls,
# custom XML, tracked changes, macro-enabled and Strict packages. Byte damage may follow.

ROTATIONS = [90, 180, 270]
_REV = 'w:id="9{}" w:author="Fuzz" w:date="2024-01-01T00:00:00Z"'
_SDT = ('<w:sdt><w:sdtPr><w:tag w:val="fuzz"/></w:sdtPr><w:sdtContent>{}</w:sdtContent>'
        '</w:sdt>')
_CUSTOM = '<w:customXml w:uri="urn:fuzz" w:element="part">{}</w:customXml>'
_RUN = re.compile(rb"<w:r>.*?</w:r>|<w:r [^>]*>.*?</w:r>", re.S)
_PARA = re.compile(rb"<w:p>.*?</w:p>|<w:p [^>]*>.*?</w:p>", re.S)
_ROW = re.compile(rb"<w:tr>.*?</w:tr>|<w:tr [^>]*>.*?</w:tr>", re.S)
_CELL = re.compile(rb"<w:tc>.*?</w:tc>|<w:tc [^>]*>.*?</w:tc>", re.S)
_TABLE = re.compile(rb"<w:tbl>.*?</w:tbl>", re.S)


def _pdf_pages(draw: st.DrawFn, data: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    """``data`` with ``change(page)`` applied to some of its pages (pypdf)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        if draw(st.booleans(), label="this page"):
            change(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@st.composite
def _reshape_pdf(draw: st.DrawFn, data: bytes) -> bytes:
    from tests.extractors.readers.bad_files import caesar, private_use, rot47, with_unicode_map

    kind = draw(st.sampled_from(["rotate", "turn_content", "font_map"]), label="reshape")
    if kind == "rotate":
        degrees = draw(st.sampled_from(ROTATIONS), label="degrees")
        return _pdf_pages(draw, data, lambda page: page.rotate(degrees))
    if kind == "turn_content":
        from pypdf import Transformation

        def turn(page) -> None:  # type: ignore[no-untyped-def]
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            page.add_transformation(Transformation().rotate(90).translate(height, 0))
            page.mediabox.upper_right = (page.mediabox.left + height,
                                         page.mediabox.bottom + width)
        return _pdf_pages(draw, data, turn)
    mapping = draw(st.sampled_from([caesar, rot47, private_use]), label="unicode map")
    return with_unicode_map(data, mapping)


@st.composite
def _reshape_txt(draw: st.DrawFn, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    kind = draw(st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "cp1252", "koi8-r",
                                 "pasted_cp1252"]), label="encoding")
    if kind == "pasted_cp1252":  # one stretch of the UTF-8 file in Windows-1252
        start = draw(st.integers(0, max(len(text) - 1, 0)), label="from")
        end = start + draw(st.integers(1, 2000), label="length")
        return (text[:start].encode() + text[start:end].encode("cp1252", errors="replace")
                + text[end:].encode())
    return text.encode(kind, errors="replace")


def _wrap_nth(draw: st.DrawFn, xml: bytes, pattern: re.Pattern[bytes], template: str) -> bytes:
    """``xml`` with one match of ``pattern`` put into ``template`` (its ``{}``)."""
    found = _nth_match(draw, pattern, bytearray(xml))
    if found is None:
        return xml
    before, after = template.encode().split(b"{}")
    return xml[:found.start()] + before + found.group(0) + after + xml[found.end():]


def _deleted(run: bytes) -> bytes:
    return run.replace(b"<w:t>", b"<w:delText>").replace(b"<w:t ", b"<w:delText ").replace(
        b"</w:t>", b"</w:delText>")


@st.composite
def _reshape_docx_xml(draw: st.DrawFn, xml: bytes) -> bytes:
    for _ in range(draw(st.integers(1, 6), label="changes")):
        kind = draw(st.sampled_from(["sdt_row", "sdt_cell", "sdt_para", "custom_para",
                                     "custom_table", "custom_run", "ins", "del", "move"]),
                    label="wrap")
        if kind in ("sdt_row", "sdt_cell", "sdt_para"):
            pattern = {"sdt_row": _ROW, "sdt_cell": _CELL, "sdt_para": _PARA}[kind]
            xml = _wrap_nth(draw, xml, pattern, _SDT)
        elif kind.startswith("custom"):
            pattern = {"custom_para": _PARA, "custom_table": _TABLE, "custom_run": _RUN}[kind]
            xml = _wrap_nth(draw, xml, pattern, _CUSTOM)
        elif kind == "ins":
            xml = _wrap_nth(draw, xml, _RUN, f"<w:ins {_REV.format(1)}>{{}}</w:ins>")
        else:
            found = _nth_match(draw, _RUN, bytearray(xml))
            if found is not None:
                tag = b"w:del" if kind == "del" else b"w:moveFrom"
                run = _deleted(found.group(0)) if kind == "del" else found.group(0)
                xml = (xml[:found.start()] + b"<" + tag + b" " + _REV.format(2).encode() + b">"
                       + run + b"</" + tag + b">" + xml[found.end():])
    return xml


@st.composite
def _reshape_docx(draw: st.DrawFn, data: bytes) -> bytes:
    from tests.extractors.readers.bad_files import rewrite_docx

    kind = draw(st.sampled_from(["body", "macro", "strict"]), label="reshape")
    if kind == "body":
        xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
        new = draw(_reshape_docx_xml(xml))
        return rewrite_docx(data, "word/document.xml", lambda _: new)
    if kind == "macro":
        return rewrite_docx(data, "[Content_Types].xml", lambda xml: xml.replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml"))
    out = data
    for member in zipfile.ZipFile(io.BytesIO(data)).namelist():
        if member.endswith((".xml", ".rels")):
            out = rewrite_docx(out, member, lambda xml: xml.replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main").replace(
                b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                b"http://purl.oclc.org/ooxml/officeDocument/relationships"))
    return out


RESHAPERS = {"pdf": _reshape_pdf, "txt": _reshape_txt, "docx": _reshape_docx}


@st.composite
def reshaped(draw: st.DrawFn, seeds: list[Seed]) -> tuple[Seed, bytes, bool]:
    """A seed reshaped into a kind of file readers once lost text on, then sometimes also
    damaged byte by byte; the flag says whether it was damaged."""
    seed = draw(st.sampled_from(seeds), label="seed")
    data = draw(RESHAPERS[seed.ext](seed.data))
    damage = draw(st.booleans(), label="also damaged")
    if damage:
        donors = [s.data for s in seeds if s.ext == seed.ext]
        data = draw(_mutate_docx_member(data, donors) if seed.ext == "docx"
                    else _mutate(data, donors))
    return seed, data, damage
