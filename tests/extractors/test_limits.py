"""Every per-document limit, when a file breaks it, ends as a named failure (``too_large``,
``timeout``, ``memory_limit``) with a sentence, never as an internal error. The files are
generated; each limit is lowered so that they stay small."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from extractors.limits import DEFAULT_LIMITS, ENV, Limits, limits_from_env
from extractors.nlp import get_nlp
from pipeline.batch.guard import process_guarded
from pipeline.batch.process import Outcome, process_file
from tests.extractors.long_minutes import long_minutes


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _pdf(pages: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for n in range(pages):
        pdf.add_page()
        pdf.multi_cell(w=0, text=f"Page {n + 1}. The Committee heard the report of the "
                                 "working group on the reed beds and agreed to continue.")
    return bytes(pdf.output())


def _failed(outcome: Outcome, error_type: str) -> str:
    assert outcome.failure is not None, "the document was extracted"
    assert outcome.failure.error_type == error_type, outcome.failure.message
    return outcome.failure.message


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", long_minutes(4).encode())
    message = _failed(process_file(path, Limits(max_bytes=1_000)), "too_large")
    assert message.startswith("file is ") and "(limit 0.0 MB)" in message


def test_text_over_the_character_limit(tmp_path: Path) -> None:
    text = long_minutes(4)
    path = _write(tmp_path, "long.txt", text.encode())
    message = _failed(process_file(path, Limits(max_chars=2_000)), "too_large")
    assert message.startswith("text has ") and message.endswith("characters (limit 2,000)")
    assert process_file(path, Limits(max_chars=len(text))).failure is None


def test_pdf_over_the_page_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "pages.pdf", _pdf(4))
    assert _failed(process_file(path, Limits(max_pages=3)), "too_large") == \
        "PDF has 4 pages (limit 3)"


def test_docx_over_the_decompressed_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "wide.docx", _docx(["The Committee met."] * 200))
    message = _failed(process_file(path, Limits(max_docx_uncompressed=10_000)), "too_large")
    assert message.startswith("docx expands to ")


def test_docx_member_over_the_compression_ratio(tmp_path: Path) -> None:
    path = _write(tmp_path, "bomb.docx", _docx(["agreed " * 300_000]))
    message = _failed(process_file(path, Limits(max_docx_ratio=50)), "too_large")
    assert "absurd compression ratio" in message


def test_document_over_the_time_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "slow.txt", long_minutes(200).encode())
    message = _failed(process_guarded(path, Limits(timeout_s=1, memory_mb=0)), "timeout")
    assert message == "stopped after 1 s (wall-time limit per document)"


def test_document_over_the_memory_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "heavy.txt", long_minutes(200).encode())
    message = _failed(process_guarded(path, Limits(timeout_s=120, memory_mb=40)),
                      "memory_limit")
    assert "40 MB" in message or "limit" in message


def test_text_longer_than_the_models_length_limit_is_extracted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy refuses one text over ``nlp.max_length`` (E088); the NLP runs in pieces, so
    any text the character limit allows is parsed. The model's limit is lowered here so
    that the text can stay short."""
    text = long_minutes(96)
    assert len(text) > 70_000
    monkeypatch.setattr(get_nlp(), "max_length", 60_000)
    path = _write(tmp_path, "past max_length.txt", text.encode())
    outcome = process_file(path)
    assert outcome.failure is None and outcome.extraction is not None
    assert len(outcome.extraction.interventions) == 3 * 96


def test_every_limit_has_its_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, variable in ENV.items():
        monkeypatch.setenv(variable, "7")
        assert getattr(limits_from_env(), name) == 7
        monkeypatch.delenv(variable)
    assert limits_from_env() == DEFAULT_LIMITS


def test_default_limits_fit_together() -> None:
    """The longest text allowed in characters fits what the other limits let through: a
    500-page PDF holds far less, a file at the size limit may hold more (then refused by
    characters, a named failure)."""
    assert DEFAULT_LIMITS.max_chars >= 6_400_000  # the 6.4 MB text of the benchmark
    assert DEFAULT_LIMITS.max_pages * 5_000 < DEFAULT_LIMITS.max_chars
    assert DEFAULT_LIMITS.timeout_s >= 600
