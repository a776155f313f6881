"""The same team-written minutes rendered in every format the readers take (Markdown-ish
text, Word, web page, RTF, OpenDocument; ``scripts/make_samples.py`` renders them) give
the same body words (similarity >= 0.98) and the same records as the Word rendering, offsets
aside."""

from __future__ import annotations

import dataclasses
import shutil
from functools import cache
from types import ModuleType
from typing import Any

import pytest

from extractors.extract import extract
from extractors.readers import parse_bytes
from models.document import Document
from tests.extractors.readers.conftest import check_offsets
from tests.extractors.readers.test_format_agreement import MIN_RATIO, differences, similarity
from tests.script_modules import load_script

# Fields that say where a record sits in its file, not what it says.
PLACE = {"doc_id", "source_path", "source_format", "char_start", "char_end", "page",
         "n_pages", "pipeline_version", "ocr_confidence", "duplicate_of"}
SAMPLES = ("SAMPLE_01", "SAMPLE_02", "SAMPLE_03")
FORMATS = ("docx", "html", "rtf", "odt")
# Records are compared with the Word rendering's: the text rendering marks its headings as
# bold lines, not as headings, and the extractors read the two a little differently already.
REFERENCE = "docx"


@cache
def make_samples() -> ModuleType:
    """``scripts/make_samples.py`` loaded as a module."""
    return load_script("make_samples")


def render(sample: str, fmt: str) -> bytes:
    """One sample's minutes in format ``fmt``."""
    ms = make_samples()
    minutes = getattr(ms, sample)
    if fmt == "txt":
        return ms.render_text(minutes).encode("utf-8")
    return getattr(ms, f"render_{fmt}")(minutes)


@cache
def document(sample: str, fmt: str) -> Document:
    return parse_bytes(render(sample, fmt), fmt, f"{sample}.{fmt}")


def comparable(extraction: Any) -> dict[str, list[dict[str, Any]]]:
    """Every table's records without the fields that locate them in their file."""
    return {name: [{k: v for k, v in dataclasses.asdict(r).items() if k not in PLACE}
                   for r in rows] for name, rows in extraction.tables().items()}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES)
def test_rendering_gives_the_text_renderings_words(sample: str, fmt: str) -> None:
    text, other = document(sample, "txt").text, document(sample, fmt)
    check_offsets(other)
    ratio = similarity(text, other.text)
    assert ratio >= MIN_RATIO, differences(text, other.text)


@cache
def records(sample: str, fmt: str) -> dict[str, list[dict[str, Any]]]:
    return comparable(extract(document(sample, fmt)))


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != REFERENCE])
@pytest.mark.parametrize("sample", SAMPLES)
def test_rendering_gives_the_same_records(sample: str, fmt: str) -> None:
    expected = records(sample, REFERENCE)
    got = records(sample, fmt)
    assert expected["attendees"], "the sample must give records to compare"
    for table in expected:
        assert got[table] == expected[table], table


@pytest.mark.parametrize("fmt", FORMATS)
def test_structure_is_kept(fmt: str) -> None:
    doc = document("SAMPLE_01", fmt)
    kinds = {(b.kind, b.level if b.kind == "heading" else 0) for b in doc.blocks}
    assert {("heading", 1), ("heading", 2), ("heading", 3), ("table_row", 0),
            ("list_item", 0)} <= kinds
    first = doc.blocks[0]
    assert first.kind == "heading" and doc.text[first.start:first.end] == \
        make_samples().SAMPLE_01.title


@pytest.mark.parametrize("sample", SAMPLES)
def test_legacy_word_gives_the_records_of_the_same_paragraphs_as_text(sample: str) -> None:
    """A Word 97 file (``scripts/word97.py``: paragraphs without styles, which is all that
    writer makes) read through antiword gives the words and records of the same paragraphs
    in a text file."""
    if shutil.which("antiword") is None:
        pytest.skip("antiword is not installed (apt-get install antiword)")
    ms = make_samples()
    minutes = getattr(ms, sample)
    doc = parse_bytes(ms.render_doc(minutes), "doc", f"{sample}.doc")
    text = parse_bytes(ms.render_plain(minutes).encode("utf-8"), "txt", f"{sample}.txt")
    check_offsets(doc)
    assert doc.source_format == "doc"
    assert similarity(text.text, doc.text) >= MIN_RATIO, differences(text.text, doc.text)
    expected, got = comparable(extract(text)), comparable(extract(doc))
    assert expected["attendees"] and expected["agenda_items"]
    for table in expected:
        assert got[table] == expected[table], table
