"""Builders of known-bad input files, made in the tests (no binary fixtures committed).

Each returns the file's bytes; ``BAD_FILES`` names every case with the error it must get
(``None``: the file must be read and give records).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from tests.pipeline.conftest import MINUTES

SECRET = "TOP-SECRET-CONTENT-OUTSIDE-THE-INPUT"


def minutes_pdf(user_password: str | None = None) -> bytes:
    """A one-page PDF of the sample minutes, encrypted when ``user_password`` is given."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for i, line in enumerate(MINUTES.replace("*", "").splitlines()):
        pdf.text(20, 20 + 6 * i, line)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    return bytes(pdf.output())


def rotated_pdf() -> bytes:
    """The sample minutes drawn a quarter turn anticlockwise on a landscape page (as a
    landscape table is put on its side), with no /Rotate entry."""
    from pypdf import PdfReader, PdfWriter, Transformation

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minutes_pdf())))
    page = writer.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    page.add_transformation(Transformation().rotate(90).translate(height, 0))
    page.mediabox.upper_right = (height, width)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def rotate_pages_pdf(degrees: int, data: bytes | None = None) -> bytes:
    """The sample minutes (or the PDF ``data``) with a /Rotate entry of ``degrees`` on every
    page."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data or minutes_pdf())))
    for page in writer.pages:
        page.rotate(degrees)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def caesar(code: int) -> int:
    """A wrong Unicode map that shifts letters by three (the text stays letters)."""
    for base in (0x41, 0x61):
        if base <= code < base + 26:
            return base + (code - base + 3) % 26
    return code


def rot47(code: int) -> int:
    """A wrong Unicode map that turns printable ASCII into other printable ASCII
    (letters become punctuation and digits, as codes of a subset font read as ASCII do)."""
    return 0x21 + (code - 0x21 + 47) % 94 if 0x21 <= code <= 0x7E else code


def private_use(code: int) -> int:
    """A Unicode map into the private use area (symbol-font style glyph codes)."""
    return 0xE000 + code if code > 0x20 else code


def with_unicode_map(data: bytes, mapping: Callable[[int], int]) -> bytes:
    """``data`` (a PDF of single-byte fonts) with a ToUnicode map built from ``mapping``
    given to every font: pages render as before, but their text layer reads as garbage."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    pairs = "\n".join(f"<{c:02X}> <{mapping(c):04X}>" for c in range(0x20, 0x100))
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Garbled def /CMapType 2 def\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            f"224 beginbfchar\n{pairs}\nendbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    stream = DecodedStreamObject()
    stream.set_data(cmap.encode())
    ref = writer._add_object(stream)
    for page in writer.pages:
        for font in page["/Resources"]["/Font"].values():
            font.get_object()[NameObject("/ToUnicode")] = ref
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    """The PDF cut at two thirds, as an interrupted download leaves it."""
    data = minutes_pdf()
    return data[:len(data) * 2 // 3]


def garbled_xref_pdf() -> bytes:
    """Every offset in the cross-reference table wrong (trailer intact): pdfminer recovers."""
    data = minutes_pdf()
    start, end = data.rindex(b"\nxref\n"), data.rindex(b"trailer")
    table = re.sub(rb"\d{10} 00000 n", b"0000000999 00000 n", data[start:end])
    return data[:start] + table + data[end:]


def missing_xref_pdf() -> bytes:
    """The cross-reference table removed (trailer kept): repaired by rebuilding the table."""
    data = minutes_pdf()
    return data[:data.rindex(b"\nxref\n")] + b"\n" + data[data.rindex(b"trailer"):]


def destroyed_xref_pdf() -> bytes:
    """Cross-reference table and trailer overwritten with junk: nothing names the catalog."""
    data = minutes_pdf()
    return data[:data.rindex(b"\nxref\n")] + b"\nxref\n0 9\ngarbage\n%%EOF\n"


def no_page_size_pdf() -> bytes:
    """The page's MediaBox (its size) removed: pdfplumber cannot build the page (and its
    close() then raised again, hiding the error, before pdf_open guarded it)."""
    return re.sub(rb"/MediaBox\s*\[[^\]]*\]", b"", minutes_pdf())


def minutes_docx() -> bytes:
    """A Word file of the sample minutes."""
    import docx

    document = docx.Document()
    for line in MINUTES.replace("*", "").split("\n\n"):
        document.add_paragraph(line.strip())
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def rewrite_docx(data: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    """``data`` with one member's bytes changed (the zip stays valid)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            dst.writestr(info, change(content) if info.filename == member else content)
    return out.getvalue()


def _with_dtd(dtd: bytes, reference: bytes) -> Callable[[bytes], bytes]:
    def change(xml: bytes) -> bytes:
        xml = xml.replace(b"?>", b"?>" + dtd, 1)
        return xml.replace(b"The President welcomed", b"The President " + reference, 1)
    return change


def external_entity_docx(secret_path: str) -> bytes:
    """document.xml declares an external entity reading ``secret_path`` and uses it (XXE)."""
    dtd = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret_path}">]>'.encode()
    return rewrite_docx(minutes_docx(), "word/document.xml", _with_dtd(dtd, b"&xxe;"))


def billion_laughs_docx() -> bytes:
    """document.xml declares ten levels of entities, each ten copies of the one below."""
    levels = [b'<!ENTITY l0 "ha">'] + [
        b"<!ENTITY l%d \"%s\">" % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)]
    dtd = b"<!DOCTYPE w:document [" + b"".join(levels) + b"]>"
    return rewrite_docx(minutes_docx(), "word/document.xml", _with_dtd(dtd, b"&l9;"))


def zip_bomb_docx() -> bytes:
    """document.xml padded with 8 MB of blanks: a compression ratio no real file has."""
    return rewrite_docx(minutes_docx(), "word/document.xml",
                        lambda xml: xml.replace(b"<w:body>", b"<w:body>" + b" " * (8 << 20), 1))


def lying_zip_docx() -> bytes:
    """document.xml's declared size is 100 bytes, but it inflates to much more: unpacking
    stops at the declared size and fails its checksum instead of inflating everything."""
    data = bytearray(rewrite_docx(minutes_docx(), "word/document.xml",
                                  lambda xml: xml + b" " * (4 << 20)))
    name = b"word/document.xml"
    at = data.index(b"PK\x01\x02")
    while data[at + 46:at + 46 + len(name)] != name:
        at = data.index(b"PK\x01\x02", at + 4)
    struct.pack_into("<I", data, at + 24, 100)  # central directory: uncompressed size
    return bytes(data)


def future_zip_docx() -> bytes:
    """A zip directory entry asking for zip format version 8.4, which Python cannot unpack
    (zipfile raised NotImplementedError, found by fuzzing)."""
    data = bytearray(minutes_docx())
    struct.pack_into("<H", data, data.index(b"PK\x01\x02") + 6, 84)
    return bytes(data)


def encrypted_docx() -> bytes:
    """What Word saves for a password-protected document: an OLE2 file holding an
    EncryptedPackage stream (only its header and directory entry name are mimicked)."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    entry = "EncryptedPackage".encode("utf-16-le").ljust(128, b"\x00")
    return header + entry + bytes(4096)


def old_word_doc() -> bytes:
    """An old binary Word .doc (OLE2) given a .docx name."""
    return bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + "WordDocument".encode(
        "utf-16-le").ljust(128, b"\x00") + bytes(4096)


def _paragraphs() -> list[str]:
    return [line.strip() for line in MINUTES.replace("*", "").split("\n\n") if line.strip()]


def minutes_html(chrome_only: bool = False) -> bytes:
    """The sample minutes as a web page with a site banner, navigation and footer around
    them (``chrome_only``: the page without the minutes)."""
    from html import escape

    body = "" if chrome_only else "".join(f"<p>{escape(p)}</p>" for p in _paragraphs())
    return ("<!DOCTYPE html><html><head><title>Minutes</title><script>var a = 1;</script>"
            "</head><body><header><nav><a href='/'>Home</a> <a href='/x'>Meetings</a></nav>"
            f"</header><main>{body}</main><footer>Contact us</footer></body></html>").encode()


def minutes_rtf() -> bytes:
    """The sample minutes as an RTF document."""
    def escape(text: str) -> str:
        return "".join(f"\\u{ord(c)}?" if ord(c) > 127 else c for c in text)

    paras = "".join(f"\\pard {escape(p)}\\par\n" for p in _paragraphs())
    return ("{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\n" + paras + "}\n").encode()


def minutes_odt() -> bytes:
    """The sample minutes as an OpenDocument text file (odfpy)."""
    from odf import text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    for para in _paragraphs():
        document.text.addElement(text.P(text=para))
    buf = io.BytesIO()
    document.write(buf)
    return buf.getvalue()


def entity_odt() -> bytes:
    """An .odt whose content.xml declares an entity (what an XXE attack needs)."""
    src = zipfile.ZipFile(io.BytesIO(minutes_odt()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "content.xml":
                content = content.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM '
                                                  b'"file:///etc/passwd">]>', 1)
            dst.writestr(info.filename, content)
    return out.getvalue()


def other_ole(stream: str) -> bytes:
    """An old-format Office file (OLE2) holding ``stream`` instead of a WordDocument."""
    return bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + stream.encode(
        "utf-16-le").ljust(128, b"\x00") + bytes(4096)


def spreadsheet_odt() -> bytes:
    """An OpenDocument spreadsheet's package named .odt."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


def retyped_docx(content_type: str) -> bytes:
    """The sample minutes whose main part declares ``content_type`` (a macro-enabled file,
    a template, or a type no Word file has)."""
    return rewrite_docx(minutes_docx(), "[Content_Types].xml", lambda xml: re.sub(
        rb"application/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main"
        rb"\+xml", content_type.encode(), xml))


def strict_docx() -> bytes:
    """The sample minutes as Strict Open XML (namespaces under http://purl.oclc.org/ooxml/)."""
    names = {b"http://schemas.openxmlformats.org/wordprocessingml/2006/main":
             b"http://purl.oclc.org/ooxml/wordprocessingml/main",
             b"http://schemas.openxmlformats.org/officeDocument/2006/relationships":
             b"http://purl.oclc.org/ooxml/officeDocument/relationships",
             b"http://schemas.openxmlformats.org/drawingml/2006/main":
             b"http://purl.oclc.org/ooxml/drawingml/main"}
    data = minutes_docx()
    for member in zipfile.ZipFile(io.BytesIO(data)).namelist():
        if member.endswith((".xml", ".rels")):
            def to_strict(xml: bytes) -> bytes:
                for old, new in names.items():
                    xml = xml.replace(old, new)
                return xml
            data = rewrite_docx(data, member, to_strict)
    return data


TEXT = MINUTES.replace("Chile", "Côte d’Ivoire")


@dataclass(frozen=True)
class BadFile:
    """One known-bad input: its file name, how to build it, the error it must get (None:
    read, with records) and a phrase the message must contain."""

    name: str
    build: Callable[[], bytes]
    error_type: str | None
    phrase: str = ""


BAD_FILES = [
    BadFile("encrypted.pdf", lambda: minutes_pdf("open-sesame"), "encrypted", "password"),
    BadFile("encrypted_empty_password.pdf", lambda: minutes_pdf(""), None),
    BadFile("truncated.pdf", truncated_pdf, "corrupt_pdf", "truncated"),
    BadFile("garbled_xref.pdf", garbled_xref_pdf, None),
    BadFile("missing_xref.pdf", missing_xref_pdf, None),
    BadFile("destroyed_xref.pdf", destroyed_xref_pdf, "corrupt_pdf", "cross-reference"),
    BadFile("no_page_size.pdf", no_page_size_pdf, "corrupt_pdf", "pages cannot be read"),
    BadFile("rotate_90.pdf", lambda: rotate_pages_pdf(90), None),
    BadFile("rotate_270.pdf", lambda: rotate_pages_pdf(270), None),
    BadFile("content_turned.pdf", rotated_pdf, None),
    BadFile("not_really.pdf", lambda: b"PK\x03\x04" + bytes(60), "corrupt_pdf",
            "it is a zip archive"),
    BadFile("empty.txt", lambda: b"", "empty_file", "0 bytes"),
    BadFile("junk.txt", lambda: bytes(range(256)) * 40, "binary_file", "binary data"),
    BadFile("pdf_named.txt", minutes_pdf, "binary_file", "a PDF document"),
    BadFile("utf16_bom.txt", lambda: TEXT.encode("utf-16"), None),
    BadFile("utf16le_no_bom.txt", lambda: TEXT.encode("utf-16-le"), None),
    BadFile("utf16be_no_bom.txt", lambda: TEXT.encode("utf-16-be"), None),
    BadFile("windows1252.txt", lambda: TEXT.replace("’", "'").encode("cp1252"), None),
    BadFile("utf8_with_a_windows1252_paragraph.txt", lambda: TEXT.encode().replace(
        b"The President welcomed", "Genève – the President welcomed".encode("cp1252")), None),
    BadFile("utf16le_cyrillic_no_bom.txt", lambda: (
        TEXT + "\nПротокол заседания: Председатель открыл заседание.\n").encode("utf-16-le"),
            None),
    BadFile("utf8_bom.txt", lambda: TEXT.encode("utf-8-sig"), None),
    BadFile("nul_bytes.txt", lambda: TEXT.encode().replace(b"\n", b"\x00\n") + bytes(2000),
            None),
    BadFile("nul_only.txt", lambda: bytes(4096), "no_text", "no text"),
    BadFile("not_a_zip.docx", lambda: TEXT.encode(), "not_a_zip", "not a zip archive"),
    BadFile("old_word.docx", old_word_doc, "corrupt_doc", "not one antiword can read"),
    BadFile("docx_named.doc", minutes_docx, None),
    BadFile("rtf_named.doc", minutes_rtf, None),
    BadFile("web_page_named.doc", minutes_html, None),
    BadFile("odt_named.docx", minutes_odt, None),
    BadFile("web_page_saved.txt", minutes_html, None),
    BadFile("web_page.html", minutes_html, None),
    BadFile("minutes.rtf", minutes_rtf, None),
    BadFile("minutes.odt", minutes_odt, None),
    BadFile("chrome_only.html", lambda: minutes_html(chrome_only=True), "no_content",
            "site navigation, header, footer"),
    BadFile("empty_page.htm", lambda: b"   \n", "no_text", "no text"),
    BadFile("unclosed.rtf", lambda: minutes_rtf().rstrip()[:-1], "corrupt_rtf",
            "closing brace"),
    BadFile("truncated.odt", lambda: minutes_odt()[:1000], "corrupt_odt", "truncated"),
    BadFile("entity.odt", entity_odt, "unsafe_odt", "declares a DTD"),
    BadFile("spreadsheet.odt", spreadsheet_odt, "not_odt", "opendocument.spreadsheet"),
    BadFile("workbook.doc", lambda: other_ole("Workbook"), "not_doc", "Excel workbook"),
    BadFile("password.doc", lambda: other_ole("EncryptedPackage"), "encrypted",
            "password-protected"),
    BadFile("plain_text.doc", lambda: TEXT.encode(), "not_doc", "no OLE2 signature"),
    BadFile("pdf_named.doc", minutes_pdf, "not_doc", "it is a PDF document"),
    BadFile("truncated.docx", lambda: minutes_docx()[:5000], "corrupt_docx", "truncated"),
    BadFile("zip_version_8.4.docx", future_zip_docx, "corrupt_docx", "zip file version 8.4"),
    BadFile("password.docx", encrypted_docx, "encrypted", "password-protected"),
    BadFile("zip_bomb.docx", zip_bomb_docx, "too_large", "zip bomb"),
    BadFile("lying_sizes.docx", lying_zip_docx, "corrupt_docx", "document.xml"),
    BadFile("billion_laughs.docx", billion_laughs_docx, "unsafe_docx", "expand"),
    BadFile("macro_enabled.docx", lambda: retyped_docx(
        "application/vnd.ms-word.document.macroEnabled.main+xml"), None),
    BadFile("macro_enabled.docm", lambda: retyped_docx(
        "application/vnd.ms-word.document.macroEnabled.main+xml"), None),
    BadFile("template.docx", lambda: retyped_docx(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"),
            None),
    BadFile("strict_ooxml.docx", strict_docx, None),
    BadFile("unknown_main_type.docx", lambda: retyped_docx("application/vnd.example+xml"),
            "corrupt_docx", "its main part has content type 'application/vnd.example+xml'"),
]
