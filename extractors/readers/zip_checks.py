"""Checks shared by the readers of zip-packaged documents (Word .docx, OpenDocument .odt):
opening the zip with a failure that says what is wrong, unpacking a member, and refusing
zip bombs before anything is decompressed."""

from __future__ import annotations

import io
import zipfile
import zlib

from extractors.errors import ReadError
from extractors.limits import Limits
from extractors.readers.sniff import sniff


def open_zip(data: bytes, what: str, corrupt: str) -> zipfile.ZipFile:
    """``data`` as a zip archive; ReadError ``corrupt`` for a damaged or truncated zip and
    ``not_a_zip`` (naming what the file is) for data that is no zip at all. ``what`` names
    the document kind in messages ("Word .docx")."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        found = sniff(data)
        if found and found.startswith("a zip archive"):
            raise ReadError(corrupt, f"{what} file is damaged or truncated (its zip "
                                     f"directory cannot be read: {exc})") from exc
        detail = f"it is {found}" if found else "not a zip archive"
        raise ReadError("not_a_zip", f"file is not a{'n' if what[0] in 'AEIOU' else ''} "
                                     f"{what} file: {detail}") from exc


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str,
                corrupt: str) -> bytes:
    """One member's bytes (at most its declared size); ReadError ``corrupt`` when it cannot
    be read."""
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError,
            EOFError, ValueError) as exc:
        raise ReadError(corrupt, f"{what} file is damaged: cannot unpack "
                                 f"{info.filename} ({exc})") from exc


def refuse_bombs(infos: list[zipfile.ZipInfo], limits: Limits, short: str) -> None:
    """Refuse an archive that expands beyond the limit, or a member over 1 MB with an absurd
    compression ratio (``short`` names the kind: "docx", "odt")."""
    total = sum(i.file_size for i in infos)
    if total > limits.max_docx_uncompressed:
        raise ReadError("too_large", f"{short} expands to {total // 2**20} MB "
                                     f"(limit {limits.max_docx_uncompressed // 2**20} MB)")
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > limits.max_docx_ratio * max(
                i.compress_size, 1):
            raise ReadError("too_large", f"{short} member {i.filename} has an absurd "
                                         f"compression ratio (possible zip bomb)")
