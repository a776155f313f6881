"""Word packages python-docx does not open as they are: macro-enabled documents (``.docm``),
templates (``.dotx``, ``.dotm``) and Strict Open XML documents.

Their document part is the same WordprocessingML; only the package's labels differ. A
macro-enabled file or a template declares another content type for ``word/document.xml``;
a Strict file writes its XML namespaces and relationship types under
``http://purl.oclc.org/ooxml/`` instead of ``http://schemas.openxmlformats.org/``. The
package is rewritten in memory with the Transitional labels before python-docx opens it.
Macros are never run or even read: only XML parts are rewritten, ``vbaProject.bin`` is left
as it is.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from extractors.errors import ReadError

DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Content types of the main part of Word files that are not plain documents.
_OTHER_MAIN_TYPES = re.compile(
    rb"application/vnd\.ms-word\.(?:document|template)\.macroEnabled(?:Template)?\.main\+xml"
    rb"|application/vnd\.openxmlformats-officedocument\.wordprocessingml\.template\.main\+xml")
# Strict namespace -> Transitional namespace (ISO/IEC 29500-1 Annex A and -4).
_STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main":
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships":
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    b"http://purl.oclc.org/ooxml/officeDocument/math":
        b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    b"http://purl.oclc.org/ooxml/officeDocument/sharedTypes":
        b"http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
    b"http://purl.oclc.org/ooxml/officeDocument/customXml":
        b"http://schemas.openxmlformats.org/officeDocument/2006/customXml",
    b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties":
        b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes":
        b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    b"http://purl.oclc.org/ooxml/drawingml/main":
        b"http://schemas.openxmlformats.org/drawingml/2006/main",
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing":
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    b"http://purl.oclc.org/ooxml/drawingml/picture":
        b"http://schemas.openxmlformats.org/drawingml/2006/picture",
    b"http://purl.oclc.org/ooxml/drawingml/chart":
        b"http://schemas.openxmlformats.org/drawingml/2006/chart",
    b"http://purl.oclc.org/ooxml/schemaLibrary/main":
        b"http://schemas.openxmlformats.org/schemaLibrary/2006/main",
}
_STRICT_RE = re.compile(b"|".join(re.escape(k) for k in sorted(_STRICT, key=len, reverse=True)))
_OBJECT_REPR = re.compile(r"'?<[\w.]+ object at 0x[0-9a-fA-F]+>'?")
# python-docx's refusal of a package whose main part is not a Word document.
_NOT_WORD = re.compile(r"^file .* is not a Word file, content type is '([^']*)'$")


def as_transitional_docx(data: bytes) -> bytes:
    """``data`` unchanged when python-docx opens it as it is; else the package with a plain
    document's content type and Transitional namespaces (only the XML parts rewritten)."""
    try:
        return _rewrite(data)
    except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, OSError,
            EOFError, ValueError) as exc:
        raise ReadError("corrupt_docx", f"Word file is damaged: {describe(exc)}") from exc


def _rewrite(data: bytes) -> bytes:
    archive = zipfile.ZipFile(io.BytesIO(data))
    with archive:
        names = {i.filename for i in archive.infolist()}
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
        rels = archive.read("_rels/.rels") if "_rels/.rels" in names else b""
        strict = b"purl.oclc.org/ooxml/" in rels or b"purl.oclc.org/ooxml/" in types
        if not strict and not _OTHER_MAIN_TYPES.search(types):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
            for info in archive.infolist():
                content = archive.read(info)
                if info.filename == "[Content_Types].xml":
                    content = _OTHER_MAIN_TYPES.sub(DOCUMENT_TYPE, content)
                if strict and info.filename.lower().endswith((".xml", ".rels")):
                    content = _STRICT_RE.sub(lambda m: _STRICT[m.group(0)], content)
                rewritten.writestr(info, content)
    return out.getvalue()


def describe(exc: BaseException) -> str:
    """An exception as a message for the analyst: its text without Python object reprs
    (``<_io.BytesIO object at 0x...>`` becomes "the file")."""
    text = " ".join(str(exc).split())
    if found := _NOT_WORD.match(text):
        return (f"its main part has content type '{found.group(1)}', which is not a Word "
                "document's")
    return _OBJECT_REPR.sub("the file", text) or type(exc).__name__
