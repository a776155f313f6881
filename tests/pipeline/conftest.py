"""Fixtures for pipeline tests: small minutes written by the team, and the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch.table_files import document_files

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"

MINUTES = """**3rd Meeting of the Coordination Committee**

**Tuesday 14 May 2019**

**List of Attendees:**

- Chile (President)
- Austria
- ICRC

**Agenda Item 1** – Opening

The President welcomed the members. Austria stated that it would circulate a paper by 30 May 2019.

**Agenda Item 2** – Any other business

It was agreed that the next meeting would take place on 12 June 2019.
"""


@pytest.fixture
def minutes_folder(tmp_path: Path) -> Path:
    """A folder with two good minutes files and two bad ones."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good_one.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "good_two.md").write_text(MINUTES.replace("3rd", "4th"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "renamed.docx").write_text("this is text, not a Word file", encoding="utf-8")
    return folder


def require_corpus() -> Path:
    """The shared corpus, or skip when it is not beside the checkout."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not present")
    return CORPUS


def snapshot(out: Path) -> dict[str, list[dict]]:
    """Every row of every table under ``out``, sorted, for comparing two runs."""
    import pyarrow.parquet as pq

    from models.records import TABLES

    snap = {}
    for table in TABLES:
        rows = []
        for path in document_files(out / table):
            rows += pq.read_table(path).to_pylist()
        snap[table] = sorted(rows, key=repr)
    return snap


def write_docx(path: Path, text: str) -> None:
    """``text`` as a Word file: one paragraph per line, Markdown bold and bullets dropped."""
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line.replace("**", "").removeprefix("- "))
    document.save(str(path))


def write_pdf(path: Path, text: str) -> None:
    """``text`` as a PDF with a text layer (core font, so Latin-1 only)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in text.splitlines():
        plain = line.replace("**", "").replace("–", "-").removeprefix("- ")
        pdf.multi_cell(0, 6, plain, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@pytest.fixture
def copies_folder(tmp_path: Path) -> Path:
    """One meeting as .txt, .docx and .pdf, and another meeting as .txt."""
    folder = tmp_path / "copies"
    folder.mkdir()
    (folder / "third.txt").write_text(MINUTES, encoding="utf-8")
    write_docx(folder / "third.docx", MINUTES)
    write_pdf(folder / "third.pdf", MINUTES)
    other = MINUTES.replace("3rd", "4th").replace("14 May 2019", "11 June 2019")
    (folder / "fourth.txt").write_text(other, encoding="utf-8")
    return folder
