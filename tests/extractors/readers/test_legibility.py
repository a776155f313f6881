"""Text that is not language (``extractors/readers/legibility.py``): glyph garbage from fonts
with a missing or wrong Unicode map is recognised per PDF page and OCR'd where Tesseract is
installed; otherwise the file fails with a specific error, or its lost pages are flagged.
Every garbled PDF is the sample minutes with a wrong ToUnicode map written here."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.readers import parse_bytes, read_document
from extractors.readers.legibility import measure
from extractors.readers.ocr import tesseract_version
from tests.extractors.readers.bad_files import (
    caesar,
    minutes_pdf,
    private_use,
    rot47,
    with_unicode_map,
)
from tests.extractors.readers.conftest import CORPUS, STEMS
from tests.pipeline.conftest import MINUTES

needs_tesseract = pytest.mark.skipif(tesseract_version() is None,
                                     reason="Tesseract OCR is not installed")
TEXT = MINUTES.replace("*", "")
MAPS = [caesar, rot47, private_use]


def _mapped(text: str, mapping) -> str:  # type: ignore[no-untyped-def]
    return "".join(chr(mapping(ord(c))) if ord(c) < 0x100 else c for c in text)


@pytest.mark.parametrize("text", [
    TEXT,
    "Present: Arvenia, Borealis, Calderra, Dunmoor, Estravel, Fenwick Isles, Grantmoor, "
    "Hollowmere, Ilvaston, Jarnholm (Chair), Kestrel Bay, Lindqvist, Mbeki-Ole, O'Hara.",
    "Протокол заседания Совета. Председатель открыл заседание и приветствовал делегации.",
    "Πρακτικά της συνεδρίασης. Ο Πρόεδρος κήρυξε την έναρξη της συνεδρίασης του Συμβουλίου.",
    "Le Président a ouvert la séance à 10 h 15 et a souhaité la bienvenue aux délégations.",
    "1. 12/05/2024 – €1,250.00 (ref. A/CN.9/WG.III/2024/3); 2. 3rd–4th June; 15:30–17:00.",
])
def test_language_is_not_garbage(text: str) -> None:
    assert not measure(text).garbage, measure(text)


@pytest.mark.parametrize("mapping", MAPS, ids=lambda m: m.__name__)
def test_wrongly_mapped_text_is_garbage(mapping) -> None:  # type: ignore[no-untyped-def]
    found = measure(_mapped(TEXT, mapping))
    assert found.judged and found.garbage, found


def test_too_little_text_is_not_judged() -> None:
    assert not measure("#$%&'()").judged and not measure("#$%&'()").garbage


def test_no_corpus_page_is_garbage(corpus: Path) -> None:
    for stem in STEMS:
        for ext in ("txt", "docx", "pdf"):
            doc = read_document(CORPUS / f"{stem}.{ext}")
            for page in range(1, doc.n_pages + 1):
                text = "\n".join(doc.block_text(b) for b in doc.blocks if b.page == page)
                assert not measure(text).garbage, (stem, ext, page, measure(text))


@needs_tesseract
@pytest.mark.parametrize("mapping", MAPS, ids=lambda m: m.__name__)
def test_garbled_text_layer_is_ocrd(mapping) -> None:  # type: ignore[no-untyped-def]
    document = parse_bytes(with_unicode_map(minutes_pdf(), mapping), "pdf", "x.pdf")
    assert document.source_format == "scan"
    assert document.metadata["pages_garbled"] == "1"
    assert document.metadata["ocr_pages"] == "1"
    assert "3rd Meeting of the Coordination Committee" in document.text
    assert "It was agreed that the next meeting" in document.text


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "tesseract"))


@pytest.mark.parametrize("mapping", MAPS, ids=lambda m: m.__name__)
def test_garbled_text_layer_without_tesseract_is_a_specific_failure(
        no_tesseract: None, mapping) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReadError) as err:
        parse_bytes(with_unicode_map(minutes_pdf(), mapping), "pdf", "x.pdf")
    assert err.value.error_type == "garbled_text_layer"
    assert err.value.message.startswith("PDF text layer on page(s) 1 is not language")
    assert "Tesseract OCR is not installed" in err.value.message


def _two_pages(second_garbled: bool) -> bytes:
    from pypdf import PdfReader, PdfWriter

    good = minutes_pdf()
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(good)))
    second = with_unicode_map(good, rot47) if second_garbled else good
    writer.append(PdfReader(io.BytesIO(second)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_lost_garbled_page_is_a_quality_flag(no_tesseract: None, tmp_path: Path) -> None:
    from pipeline.batch.process import process_file

    document = parse_bytes(_two_pages(True), "pdf", "x.pdf")
    assert document.metadata["pages_not_read"] == "2"
    assert "not language" in document.metadata["pages_not_read_reason"]
    assert {b.page for b in document.blocks} == {1}
    path = tmp_path / "two.pdf"
    path.write_bytes(_two_pages(True))
    extraction = process_file(path).extraction
    assert extraction is not None
    flags = [f for f in extraction.quality_flags if f.kind == "pages_not_read"]
    assert len(flags) == 1 and flags[0].message.startswith("page(s) 2 could not be read")


def test_clean_two_page_file_has_no_flag() -> None:
    document = parse_bytes(_two_pages(False), "pdf", "x.pdf")
    assert not {"pages_not_read", "pages_garbled"} & set(document.metadata)


@pytest.mark.parametrize("mapping", MAPS, ids=lambda m: m.__name__)
def test_garbage_text_file_is_a_failure_not_an_empty_meeting(mapping) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReadError) as err:
        parse_bytes(_mapped(TEXT, mapping).encode(), "txt", "x.txt")
    assert err.value.error_type == "garbled_text"
    assert "not language" in err.value.message
