"""Tests for scripts/make_samples.py (fictional sample minutes in every input format)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import ModuleType

import docx
import pdfplumber
import pytest

from tests.script_modules import load_script

EXPECTED = (
    "sample_01_coordination_committee.txt",
    "sample_02_informal_consultation.docx",
    "sample_03_coordination_committee.pdf",
    "sample_04_scanned.pdf",
    "sample_05_informal_consultation.html",
    "sample_06_coordination_committee.rtf",
    "sample_07_coordination_committee.odt",
    "sample_08_informal_consultation.doc",
)


@pytest.fixture(scope="module")
def make_samples() -> ModuleType:
    """Load the script as a module (``scripts/`` is a plain folder, not a package)."""
    return load_script("make_samples")


@pytest.fixture(scope="module")
def out_dir(make_samples: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run ``main`` once into a temporary directory."""
    out = tmp_path_factory.mktemp("samples")
    assert make_samples.main(["--out", str(out)]) == 0
    return out


def test_all_files_written(out_dir: Path) -> None:
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(EXPECTED)
    assert all((out_dir / name).stat().st_size > 0 for name in EXPECTED)


def test_deterministic(make_samples: ModuleType, out_dir: Path, tmp_path: Path) -> None:
    assert make_samples.main(["--out", str(tmp_path)]) == 0
    for name in EXPECTED:
        assert (tmp_path / name).read_bytes() == (out_dir / name).read_bytes(), name


def test_text_sample(out_dir: Path) -> None:
    text = (out_dir / EXPECTED[0]).read_text(encoding="utf-8")
    assert "**Apologies received**" in text
    assert "| Delegation | Representatives |" in text
    assert "16 - 17 March 2019" in text
    assert "\n- " in text


def test_docx_has_table_and_header(out_dir: Path) -> None:
    document = docx.Document(str(out_dir / EXPECTED[1]))
    assert document.tables
    assert len(document.tables[0].columns) == 2
    assert document.sections[0].header.paragraphs[0].text == "CCM Coordination Committee"
    assert "PAGE" in document.sections[0].footer._element.xml
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "List Bullet"} <= styles


def test_pdf_has_pages_and_text(out_dir: Path) -> None:
    with pdfplumber.open(out_dir / EXPECTED[2]) as pdf:
        assert len(pdf.pages) >= 2
        texts = [page.extract_text() or "" for page in pdf.pages]
    assert all("CCM Coordination Committee" in t for t in texts)
    assert "Page 2" in texts[1]
    assert "Apologies received" in texts[0]


def test_scan_has_no_text_layer(out_dir: Path) -> None:
    with pdfplumber.open(out_dir / EXPECTED[3]) as pdf:
        assert len(pdf.pages) == 1
        assert not (pdf.pages[0].extract_text() or "").strip()
        assert pdf.pages[0].images


def test_html_rtf_odt_samples(out_dir: Path) -> None:
    html = (out_dir / EXPECTED[4]).read_text(encoding="utf-8")
    assert "<main>" in html and "<nav>" in html and "<table>" in html
    assert (out_dir / EXPECTED[5]).read_bytes().startswith(b"{\\rtf1")
    with zipfile.ZipFile(out_dir / EXPECTED[6]) as odt:
        assert odt.infolist()[0].filename == "mimetype"
        assert odt.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert b"<table:table " in odt.read("content.xml")


def test_doc_sample_is_a_word97_file(out_dir: Path) -> None:
    data = (out_dir / EXPECTED[7]).read_bytes()
    assert data.startswith(bytes.fromhex("d0cf11e0a1b11ae1"))
    assert "WordDocument".encode("utf-16-le") in data and "1Table".encode("utf-16-le") in data
    assert b"Informal Consultation" in data
