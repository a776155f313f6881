"""Readers: a minutes file (text, Markdown, Word, PDF) in, one normalized ``Document`` out."""

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
from models.document import Document

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
           ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".dotm": "docx", ".pdf": "pdf"}

_MODULES = {"txt": "text_reader", "md": "text_reader", "docx": "docx_reader", "pdf": "pdf_reader"}


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


def parse_bytes(data: bytes, fmt: str, source_path: str,
                limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse ``data`` of format ``fmt`` into a Document, within ``limits``."""
    if not data:
        raise ReadError("empty_file", "file is empty (0 bytes)")
    if len(data) > limits.max_bytes:
        raise ReadError("too_large", f"file is {len(data) / 2**20:.1f} MB "
                                     f"(limit {limits.max_bytes / 2**20:.1f} MB)")
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
