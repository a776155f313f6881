"""Recognising a file's real type from its first bytes, to name it in read errors (a PDF
saved as ``.txt``, an old ``.doc`` renamed ``.docx``, a password-protected Word file)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SIGNATURES = Path(__file__).resolve().parents[1] / "resources" / "file_signatures.tsv"
# A password-protected .docx is an OLE2 file holding this stream (its name in UTF-16LE).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_OLE2 = bytes.fromhex("d0cf11e0a1b11ae1")


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
