"""Readers: a minutes file (text, Markdown, Word, PDF, web page, legacy Word, RTF, OpenDocument)
in, one normalized ``Document`` out. The file's name chooses the reader unless its content says
otherwise (``sniff.content_format``): a Word file is read as what it is whatever it is named,
and a web page or RTF document saved as text is read as HTML or RTF."""

from __future__ import annotations

import hashlib
import importlib
from dataclasses import dataclass, field
from pathlib import Path

from extractors.errors import ReadError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.readers.body import BodyBuilder
from extractors.readers.furniture import mark_blocks
from extractors.readers.legibility import measure
from extractors.readers.sniff import content_format
from models.document import Document

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
           ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".dotm": "docx", ".pdf": "pdf",
           ".html": "html", ".htm": "html", ".xhtml": "html", ".doc": "doc", ".dot": "doc",
           ".rtf": "rtf", ".odt": "odt"}

_MODULES = {"txt": "text_reader", "md": "text_reader", "docx": "docx_reader", "pdf": "pdf_reader",
            "html": "html_reader", "doc": "doc_reader", "rtf": "rtf_reader", "odt": "odt_reader"}
# Formats whose files are often named for another of them (a .docx saved as .doc, RTF or a web
# page saved as .doc by "Save as"): their content decides. Text files are read as HTML or RTF
# when that is what they hold; other binaries named .txt keep their "check the extension" error.
_WORD_PROCESSING = {"doc", "docx", "rtf", "odt", "html"}
_TEXT_CONTENT = {"html", "rtf"}


@dataclass
class ReadResult:
    """What a format reader returns: the built body plus page count and metadata."""

    body: BodyBuilder
    n_pages: int = 1
    metadata: dict[str, str] = field(default_factory=dict)
    source_format: str | None = None  # a reader may refine the format (e.g. "scan")


def doc_id_for(data: bytes) -> str:
    """Content-derived id: the same bytes always get the same id."""
    return hashlib.sha256(data).hexdigest()[:16]


def format_of(path: Path) -> str:
    """The format named by the file's extension, or a ReadError for an unknown one."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ReadError("unknown_type",
                        f"unsupported file type {path.suffix or '(no extension)'!r}; "
                        f"expected one of {', '.join(sorted(FORMATS))}")
    return fmt


def reader_format(data: bytes, named: str) -> str:
    """The format to read ``data`` as: the one its name gives (``named``), unless its content
    is another word-processing format or, for a text file, a web page or RTF document."""
    actual = content_format(data)
    if actual is None or actual == named:
        return named
    if named in _WORD_PROCESSING and actual in _WORD_PROCESSING:
        return actual
    if named in ("txt", "md") and actual in _TEXT_CONTENT:
        return actual
    return named


def parse_bytes(data: bytes, fmt: str, source_path: str,
                limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse ``data`` of format ``fmt`` into a Document, within ``limits``."""
    if not data:
        raise ReadError("empty_file", "file is empty (0 bytes)")
    if len(data) > limits.max_bytes:
        raise ReadError("too_large", f"file is {len(data) / 2**20:.1f} MB "
                                     f"(limit {limits.max_bytes / 2**20:.1f} MB)")
    fmt = reader_format(data, fmt)
    reader = importlib.import_module(f"extractors.readers.{_MODULES[fmt]}")
    result = reader.read(data, limits)
    text = result.body.text
    if not text.strip():
        raise ReadError("no_text", "file contains no text")
    if limits.max_chars and len(text) > limits.max_chars:
        raise ReadError("too_large", f"text has {len(text):,} characters "
                                     f"(limit {limits.max_chars:,})")
    legibility = measure(text)
    if legibility.garbage:
        raise ReadError("garbled_text", "the text is not language but garbage "
                                        f"({legibility.describe()}); nothing can be read from it")
    return Document(doc_id=doc_id_for(data), source_path=source_path,
                    source_format=result.source_format or fmt, text=text,
                    blocks=mark_blocks(text, result.body.blocks), n_pages=result.n_pages,
                    metadata=result.metadata)


def load_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A file's bytes; raises ReadError naming why it cannot be read (an oversized file is
    refused from its size, before it is read)."""
    if path.is_symlink() and not path.exists():
        raise ReadError("broken_symlink", "symbolic link points to a missing file")
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise ReadError("too_large", f"file is {size / 2**20:.1f} MB "
                                         f"(limit {limits.max_bytes / 2**20:.1f} MB)")
        return path.read_bytes()
    except IsADirectoryError:
        raise ReadError("not_a_file", "path is a directory") from None
    except OSError as exc:
        raise ReadError("unreadable", f"cannot read file: {exc.strerror or exc}") from exc


def read_document(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read one minutes file into a Document; raises ReadError with a specific reason."""
    path = Path(path)
    fmt = format_of(path)
    return parse_bytes(load_bytes(path, limits), fmt, str(path), limits)
