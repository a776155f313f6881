"""Known-bad inputs: each is read, or refused with its specific error and message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.readers import FORMATS, parse_bytes, read_document
from extractors.readers.markup import decode_bytes
from tests.extractors.readers.bad_files import (
    BAD_FILES,
    SECRET,
    TEXT,
    BadFile,
    billion_laughs_docx,
    external_entity_docx,
    minutes_docx,
    rewrite_docx,
)


def _parse(case: BadFile) -> str:
    """The document text, or raises ReadError."""
    fmt = FORMATS["." + case.name.rsplit(".", 1)[1]]
    return parse_bytes(case.build(), fmt, case.name).text


@pytest.mark.parametrize("case", [c for c in BAD_FILES if c.error_type], ids=lambda c: c.name)
def test_refused_with_its_error_and_message(case: BadFile) -> None:
    with pytest.raises(ReadError) as err:
        _parse(case)
    assert err.value.error_type == case.error_type
    assert case.phrase in err.value.message


@pytest.mark.parametrize("case", [c for c in BAD_FILES if not c.error_type],
                         ids=lambda c: c.name)
def test_recoverable_file_is_read(case: BadFile) -> None:
    text = _parse(case)
    assert "3rd Meeting of the Coordination Committee" in text
    assert "It was agreed that the next meeting" in text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_unicode_encodings_decode_exactly(encoding: str) -> None:
    assert "Côte d’Ivoire (President)" in decode_bytes(TEXT.encode(encoding))
    assert "\ufeff" not in decode_bytes(TEXT.encode(encoding))


def test_windows_1252_keeps_accents_and_dashes() -> None:
    text = decode_bytes("Côte d'Ivoire – Genève, 3 février".encode("cp1252"))
    assert text == "Côte d'Ivoire – Genève, 3 février"


def test_nul_bytes_are_dropped_not_the_text() -> None:
    assert decode_bytes(b"Austria\x00 and\x00\x00 Chile\n" + bytes(500)) == "Austria and Chile\n"


def test_utf8_with_one_damaged_byte_stays_utf8() -> None:
    """Only the damaged byte is read in Windows-1252 (and reported, see test_decoding.py);
    the rest of the file stays UTF-8."""
    data = TEXT.encode().replace(b"Austria", b"Aus\xfftria")
    text = decode_bytes(data)
    assert "Côte d’Ivoire (President)" in text and "Ausÿtria" in text


def test_text_with_a_few_control_codes_is_still_text() -> None:
    data = TEXT.encode() + b"\x1a"  # a DOS end-of-file mark
    assert "Austria" in decode_bytes(data)


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"\x7fELF" + bytes(range(1, 200)) * 5,
                                  bytes(range(1, 32)) * 50])
def test_binary_data_is_refused_not_decoded(data: bytes) -> None:
    with pytest.raises(ReadError) as err:
        decode_bytes(data)
    assert err.value.error_type == "binary_file"


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    with pytest.raises(ReadError) as err:
        parse_bytes(external_entity_docx(str(secret)), "docx", "x.docx")
    assert err.value.error_type == "unsafe_docx"
    assert "external entities" in err.value.message
    assert SECRET not in err.value.message


def test_docx_parser_never_resolves_external_entities(tmp_path: Path) -> None:
    """Beneath the DTD refusal, python-docx's XML parser leaves external entities
    unresolved: the secret never reaches the text even if the refusal were bypassed."""
    import docx

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    document = docx.Document(io.BytesIO(external_entity_docx(str(secret))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "The President" in text
    assert SECRET not in text


def test_docx_parser_refuses_entity_expansion() -> None:
    """Beneath the DTD refusal, libxml2 stops the billion laughs expansion (python-docx
    then raises, which the reader reports as corrupt_docx)."""
    import docx

    with pytest.raises(Exception, match=r"amplification|entity"):
        docx.Document(io.BytesIO(billion_laughs_docx()))


def test_dtd_in_a_utf16_part_is_refused() -> None:
    def to_utf16(xml: bytes) -> bytes:
        xml = xml.replace(b'encoding="UTF-8"', b'encoding="UTF-16"')
        xml = xml.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY a "b">]>', 1)
        return xml.decode("utf-8").encode("utf-16")

    data = rewrite_docx(minutes_docx(), "word/document.xml", to_utf16)
    with pytest.raises(ReadError) as err:
        parse_bytes(data, "docx", "x.docx")
    assert err.value.error_type == "unsafe_docx"


def test_docx_whose_document_has_no_body() -> None:
    data = rewrite_docx(minutes_docx(), "word/document.xml",
                        lambda xml: xml.replace(b"w:body>", b"w:bodx>"))
    with pytest.raises(ReadError) as err:
        parse_bytes(data, "docx", "x.docx")
    assert (err.value.error_type, "no document body" in err.value.message) == (
        "corrupt_docx", True)


def test_docx_with_damaged_list_level_is_read() -> None:
    def damage(xml: bytes) -> bytes:
        para = b'<w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr>' \
               b'<w:outlineLvl w:val="?"/></w:pPr><w:r><w:t>Damaged item</w:t></w:r></w:p>'
        return xml.replace(b"<w:body>", b"<w:body>" + para, 1)

    text = parse_bytes(rewrite_docx(minutes_docx(), "word/document.xml", damage), "docx",
                       "x.docx").text
    assert text.startswith("Damaged item")


def test_svg_image_with_a_doctype_is_not_refused() -> None:
    """Only XML parts are checked for a DTD; an SVG picture may carry one."""
    src = zipfile.ZipFile(io.BytesIO(minutes_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr("word/media/image1.svg", b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                                              b'"http://www.w3.org/svg11.dtd"><svg/>')
    assert "Austria" in parse_bytes(out.getvalue(), "docx", "x.docx").text


def test_file_name_with_spaces_quotes_and_non_ascii(tmp_path: Path) -> None:
    path = tmp_path / "Minutes 3 \"CCM\" 'draft' – Genève, Côte d’Ivoire ü.txt"
    path.write_text(TEXT, encoding="utf-8")
    document = read_document(path)
    assert document.source_path == str(path)
    assert "Côte d’Ivoire (President)" in document.text
