"""Opening a PDF and naming why it cannot be opened (encrypted, damaged, not a PDF)."""

from __future__ import annotations

import io

from extractors.errors import ReadError


def open_pdf(data: bytes):  # type: ignore[no-untyped-def]
    """Open PDF bytes with pdfplumber; raises ReadError for non-PDF, encrypted or broken files."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    if b"%PDF-" not in data[:1024]:
        raise ReadError("corrupt_pdf", "PDF is damaged or truncated: not a PDF file "
                                       "(no %PDF- header)")
    try:
        return pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise translate_error(exc) from exc
    except Exception as exc:  # pdfminer raises assorted errors on broken files
        raise translate_error(exc) from exc


def translate_error(exc: BaseException) -> ReadError:
    """The ReadError that names why pdfminer failed on a file."""
    cause: BaseException | None = exc
    while cause is not None:
        name = type(cause).__name__
        if "Password" in name or "Encryption" in name:
            return ReadError("encrypted", "PDF is encrypted (password protected); cannot read it")
        inner = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) else None
        cause = inner or cause.__cause__
    reason = exc.args[0] if exc.args else exc
    if isinstance(reason, BaseException):
        reason = f"{type(reason).__name__}: {reason}"
    return ReadError("corrupt_pdf", f"PDF is damaged or truncated: {reason or type(exc).__name__}")
