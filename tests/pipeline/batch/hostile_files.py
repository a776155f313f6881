"""Hostile variants of real minutes, built at test time from the files given: each is read as
the same meeting (and so marked as a copy), or refused with a specific failure.

They reuse the builders of ``tests.extractors.readers.bad_files`` and the Word reshapes of
``tests.extractors.mutations``, applied to whole documents rather than the sample minutes.
"""

from __future__ import annotations

import io
import re
import zipfile

from tests.extractors.mutations import _CUSTOM, _PARA, _REV, _SDT, _TABLE, _deleted
from tests.extractors.readers.bad_files import caesar, rewrite_docx, with_unicode_map

_RUN = re.compile(rb"<w:r>(?:(?!</w:r>).)*?<w:t(?: [^>]*)?>[^<]*[A-Za-z][^<]*</w:t></w:r>", re.S)


def glyph_garbage_pdf(pdf: bytes) -> bytes:
    """``pdf`` whose fonts map their codes to the wrong letters (the text layer reads as
    nonsense while the pages look right)."""
    return with_unicode_map(pdf, caesar)


def with_a_windows1252_paragraph(text: bytes) -> bytes:
    """UTF-8 ``text`` with its first line holding a non-ASCII character re-encoded as
    Windows-1252 (a paragraph pasted from an older file)."""
    lines = text.split(b"\n")
    for n, line in enumerate(lines):
        decoded = line.decode("utf-8")
        if not decoded.isascii():
            try:
                lines[n] = decoded.encode("cp1252")
            except UnicodeEncodeError:
                continue
            return b"\n".join(lines)
    raise ValueError("no line with a Windows-1252 character")


def utf16_without_bom(text: bytes) -> bytes:
    """UTF-8 ``text`` as UTF-16 little-endian with no byte order mark."""
    return text.decode("utf-8").encode("utf-16-le")


def windows_line_ends(text: bytes) -> bytes:
    """``text`` with CR LF line ends (other bytes, the same text)."""
    return text.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def controls_and_revisions_docx(docx: bytes) -> bytes:
    """``docx`` as an editor with content controls and tracked changes saves it: every
    paragraph in a content control (``w:sdt``), every table in custom XML, one run an
    insertion, and a deleted run and a moved-away run added (neither is displayed)."""
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
    first = _RUN.search(xml)
    assert first is not None
    run = first.group(0)
    xml = (xml[:first.start()]
           + f"<w:ins {_REV.format(1)}>".encode() + run + b"</w:ins>"
           + f"<w:del {_REV.format(2)}>".encode() + _deleted(run) + b"</w:del>"
           + f"<w:moveFrom {_REV.format(3)}>".encode() + run + b"</w:moveFrom>"
           + xml[first.end():])
    sdt_before, sdt_after = _SDT.encode().split(b"{}")
    xml = _PARA.sub(lambda m: sdt_before + m.group(0) + sdt_after, xml)
    custom_before, custom_after = _CUSTOM.encode().split(b"{}")
    xml = _TABLE.sub(lambda m: custom_before + m.group(0) + custom_after, xml)
    return rewrite_docx(docx, "word/document.xml", lambda _: xml)
