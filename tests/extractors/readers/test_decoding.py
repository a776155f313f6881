"""Text decoding run by run (``extractors/readers/decoding.py``): valid UTF-8 stays UTF-8, only
undecodable runs fall back (and are reported), BOM-less UTF-16/32 is recognised."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.readers import parse_bytes
from extractors.readers.decoding import decode
from extractors.readers.markup import decode_text

UTF8_MINUTES = """Minutes of the 5th Meeting of the Lakeshore Council

Present: Côte d’Ivoire, Türkiye, Österreich

Agenda Item 1 – Opening of the meeting

The Chair welcomed the members to Zürich.

Agenda Item 2 – Any other business

It was agreed that the next meeting would take place on 12 June 2024.
"""
PASTED = "The Secretary noted – as in Genève – that the “résumé” was circulated."


def _mixed() -> bytes:
    """UTF-8 minutes with one paragraph pasted from a Windows-1252 file."""
    head, tail = UTF8_MINUTES.split("Agenda Item 2")
    return head.encode() + PASTED.encode("cp1252") + b"\n\nAgenda Item 2" + tail.encode()


def test_one_windows_1252_paragraph_does_not_spoil_the_utf8_file() -> None:
    document = parse_bytes(_mixed(), "txt", "x.txt")
    assert "Côte d’Ivoire, Türkiye, Österreich" in document.text
    assert "Agenda Item 1 – Opening" in document.text
    assert PASTED in document.text
    assert document.metadata["encoding"] == "UTF-8"
    assert document.metadata["decoding_fallback"] == "Windows-1252"
    assert document.metadata["decoding_fallback_lines"] == "9"
    start, end = (int(x) for x in document.metadata["decoding_fallback_spans"].split("-"))
    assert document.text[start:end] == PASTED


def test_fallback_is_a_quality_flag_and_the_agenda_is_kept(tmp_path: Path) -> None:
    from pipeline.batch.process import process_file

    path = tmp_path / "mixed.txt"
    path.write_bytes(_mixed())
    extraction = process_file(path).extraction
    assert extraction is not None
    assert [a.number for a in extraction.agenda_items] == ["1", "2"]
    flags = [f for f in extraction.quality_flags if f.kind == "decoding_fallback"]
    assert len(flags) == 1
    text = parse_bytes(_mixed(), "txt", "x.txt").text
    assert text[flags[0].char_start:flags[0].char_end] == PASTED
    assert "Windows-1252" in flags[0].message and "line" in flags[0].message


def test_two_fallback_paragraphs_give_two_spans() -> None:
    data = _mixed() + b"\n" + "Délégués présents : 14.".encode("cp1252") + b"\n"
    document = parse_bytes(data, "txt", "x.txt")
    assert document.metadata["decoding_fallback_lines"] == "9 15"
    assert len(document.metadata["decoding_fallback_spans"].split()) == 2


def test_plain_utf8_and_plain_windows_1252_report_no_fallback() -> None:
    utf8 = parse_bytes(UTF8_MINUTES.encode(), "txt", "x.txt")
    assert not {"encoding", "decoding_fallback"} & set(utf8.metadata)
    legacy = parse_bytes(UTF8_MINUTES.replace("’", "'").encode("cp1252"), "txt", "x.txt")
    assert "Côte d'Ivoire, Türkiye, Österreich" in legacy.text
    assert legacy.metadata == {"encoding": "Windows-1252"}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
@pytest.mark.parametrize("text", [
    UTF8_MINUTES,
    "Протокол заседания Совета\n\nПредседатель открыл заседание и приветствовал делегации.\n",
    "Πρακτικά της συνεδρίασης\n\nΟ Πρόεδρος κήρυξε την έναρξη της συνεδρίασης.\n",
])
def test_utf16_and_utf32_without_a_bom(encoding: str, text: str) -> None:
    decoded = decode_text(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding.replace("_", "-") == encoding


def test_cyrillic_legacy_file_is_not_read_as_windows_1252() -> None:
    text = ("Протокол заседания Совета. Председатель открыл заседание и приветствовал "
            "делегации. Было решено провести следующее заседание в июне.\n")
    assert decode(text.encode("koi8-r")).text == text


@pytest.mark.parametrize("text", ["Genève", "Délégués", "Zürich – Genève"])
def test_a_few_legacy_bytes_are_not_taken_for_utf16(text: str) -> None:
    assert decode(text.encode("cp1252")).text == text


def test_damaged_byte_in_utf8_is_a_run_of_its_own() -> None:
    decoded = decode("Zürich\nAus".encode() + b"\x81" + "tria – Genève\n".encode())
    assert decoded.text == "Zürich\nAus\ufffdtria – Genève\n"
    assert (decoded.encoding, decoded.fallback, decoded.fallback_lines) == (
        "utf-8", "cp1252", [1])


def test_ascii_with_nul_bytes_is_utf8() -> None:
    decoded = decode_text(b"Minutes\x00 of the\x00 Council\n" + bytes(300))
    assert (decoded.text, decoded.encoding, decoded.fallback) == (
        "Minutes of the Council\n", "utf-8", None)
