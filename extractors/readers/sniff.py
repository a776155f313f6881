"""Recognising a file's real type from its first bytes, to name it in read errors (a PDF
saved as ``.txt``, an old ``.doc`` renamed ``.docx``, a password-protected Word file)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SIGNATURES = Path(__file__).resolve().parents[1] / "resources" / "file_signatures.tsv"
# A password-protected .docx is an OLE2 file holding this stream (its name in UTF-16LE).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")
_OLE2 = OLE2
# Stream names (UTF-16LE in the OLE2 directory) that say what an old-format Office file is.
_OLE_STREAMS = (("encrypted", "EncryptedPackage"), ("word", "WordDocument"),
                ("an Excel workbook (.xls)", "Workbook"), ("an Excel workbook (.xls)", "Book"),
                ("a PowerPoint presentation (.ppt)", "PowerPoint Document"),
                ("an Outlook message (.msg)", "__substg1.0_"))
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@cache
def _signatures() -> tuple[tuple[bytes, str], ...]:
    rows = []
    for line in SIGNATURES.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            magic, what = line.split("\t", 1)
            rows.append((bytes.fromhex(magic), what.strip()))
    return tuple(rows)


def sniff(data: bytes) -> str | None:
    """What ``data`` is by its magic bytes ("a PDF document"), or None when not recognised."""
    for magic, what in _signatures():
        if data.startswith(magic):
            return what
    return None


def is_encrypted_office(data: bytes) -> bool:
    """True for a password-protected Office file (OLE2 container with an EncryptedPackage)."""
    return data.startswith(_OLE2) and _ENCRYPTED_PACKAGE in data


def ole_kind(data: bytes) -> str:
    """What an OLE2 file holds, from its stream names: "encrypted", "word", or a description
    ("an Excel workbook (.xls)", "an unknown kind of OLE2 file")."""
    for kind, stream in _OLE_STREAMS:
        if stream.encode("utf-16-le") in data:
            return kind
    return "an unknown kind of OLE2 file (no WordDocument stream)"


def _zip_kind(data: bytes) -> str | None:
    """"docx" for a zip holding word/document.xml, "odt" for an OpenDocument text zip (by its
    stored ``mimetype`` member or its content), else None. Reads only the local headers'
    names, so a damaged zip is still recognised."""
    if data[30:38] == b"mimetype" and ODT_MIMETYPE in data[38:120]:
        return "odt"
    if b"word/document.xml" in data or b"word/_rels/" in data:
        return "docx"
    if ODT_MIMETYPE in data[:4096]:
        return "odt"
    return None


def content_format(data: bytes) -> str | None:
    """The reader format ``data`` is by its content: "doc" (OLE2), "docx", "odt", "rtf",
    "html" or "pdf", or None when the content does not say (plain text)."""
    from extractors.readers.html_reader import looks_like_html

    head = data[:8]
    if head.startswith(OLE2):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if looks_like_html(data):
        return "html"
    return None
