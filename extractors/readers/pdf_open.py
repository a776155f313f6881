"""Opening a PDF and naming why it cannot be opened (encrypted, damaged, truncated, not a PDF).

A PDF whose cross-reference table pdfminer cannot rebuild is repaired once with PDFium (which
rebuilds the table by scanning the file's objects) before it is given up as damaged.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from extractors.errors import ReadError
from extractors.readers.sniff import sniff

# pdfminer logs a warning for every damaged operator of a broken file; the failure row (or
# the records) say what matters, so only its errors are kept.
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)

# pdfminer's wording for a file cut short, and for a missing or unreadable xref/trailer.
_TRUNCATED = ("PSEOF", "Unexpected EOF")
_NO_ROOT = "No /Root object"


class _BadPages(Exception):
    """pdfminer opened the file but could not build its list of pages."""


def open_pdf(data: bytes) -> Any:
    """Open PDF bytes with pdfplumber, with its page list loaded; raises ReadError for
    non-PDF, encrypted or broken files. Closing the result never raises."""
    if b"%PDF-" not in data[:1024]:
        what = sniff(data)
        detail = f"it is {what}" if what else "it has no %PDF- header"
        raise ReadError("corrupt_pdf", f"file is not a PDF: {detail}")
    try:
        return _open(data)
    except MemoryError:
        raise
    except Exception as exc:  # pdfminer raises assorted errors on broken files
        error = translate_error(exc, data)
        if error.error_type == "encrypted":
            raise error from exc
        repaired = _repair(data)
        if repaired is None:
            raise error from exc
        try:
            return _open(repaired)
        except MemoryError:
            raise
        except Exception:
            raise error from exc


def _open(data: bytes) -> Any:
    import pdfplumber

    pdf = pdfplumber.open(io.BytesIO(data))
    _safe_close(pdf)
    try:
        pages = pdf.pages  # the page tree: damaged files fail here, not later
    except Exception as exc:
        pdf.close()
        raise _BadPages(f"its pages cannot be read ({type(exc).__name__}: {exc})") from exc
    except BaseException:
        pdf.close()
        raise
    if not pages:
        pdf.close()
        raise _BadPages("no pages found (page tree missing or unreachable)")
    return pdf


def _safe_close(pdf: Any) -> None:
    """pdfplumber's close walks the pages again, which raises on a damaged page tree and
    would replace the error being reported; this close only tries."""
    close = pdf.close

    def quiet_close() -> None:
        try:
            close()
        except Exception:  # nothing left to release but the in-memory stream
            pdf.stream.close()

    pdf.close = quiet_close


def _repair(data: bytes) -> bytes | None:
    """The file rewritten by PDFium (objects found by scanning, a fresh xref), or None."""
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(data)
        try:
            out = io.BytesIO()
            document.save(out)
        finally:
            document.close()
    except Exception:
        return None
    return out.getvalue()


def translate_error(exc: BaseException, data: bytes | None = None) -> ReadError:
    """The ReadError that names why pdfminer failed on a file (``data``, when given, lets a
    truncated file be told from a damaged one)."""
    cause: BaseException | None = exc
    while cause is not None:
        name = type(cause).__name__
        if "Password" in name or "Encryption" in name:
            return ReadError("encrypted", "PDF is encrypted with a password needed to open it; "
                                          "ask for an unprotected copy")
        inner = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) else None
        cause = inner or cause.__cause__
    reason = exc.args[0] if exc.args else exc
    if isinstance(reason, BaseException):
        reason = f"{type(reason).__name__}: {reason}"
    reason = str(reason or type(exc).__name__)
    if data is not None and b"%%EOF" not in data[-2048:] and (
            any(t in reason for t in _TRUNCATED) or _NO_ROOT in reason):
        reason = ("the file stops before its end-of-file marker (%%EOF), as an interrupted "
                  f"download or copy leaves it ({reason})")
    elif _NO_ROOT in reason:
        reason = ("its cross-reference table and trailer cannot be read, even after repair "
                  f"({reason})")
    return ReadError("corrupt_pdf", f"PDF is damaged or truncated: {reason}")
