"""Per-document wall-time and memory limits: the document is stopped, the caller goes on."""

from __future__ import annotations

import os
import random
import signal
from pathlib import Path

import pytest

from extractors.limits import Limits
from pipeline.batch import guard
from pipeline.batch.guard import process_guarded
from pipeline.batch.process import process_file
from tests.pipeline.conftest import MINUTES


@pytest.fixture(scope="module")
def huge_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 2.5 MB of plausible prose: minutes of ordinary shape, far too long to finish
    within a few seconds or a small memory ceiling."""
    rng = random.Random(7)
    words = ["the", "delegation", "of", "Austria", "stated", "that", "the", "committee",
             "would", "meet", "on", "12", "May", "2019", "and", "agreed", "to", "circulate"]
    paragraphs = (" ".join(rng.choice(words) for _ in range(80)) + "." for _ in range(5500))
    path = tmp_path_factory.mktemp("huge") / "huge minutes.txt"
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return path


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_guarded_result_equals_in_process_result(good_file: Path, method: str) -> None:
    guarded = process_guarded(good_file, Limits(timeout_s=120), start_method=method)
    direct = process_file(good_file)
    assert guarded.failure is None and direct.extraction is not None
    assert guarded.extraction == direct.extraction
    assert set(guarded.timings) == {"read", "nlp", "rules"}


def test_document_over_the_time_limit_is_stopped(huge_text: Path) -> None:
    outcome = process_guarded(huge_text, Limits(timeout_s=3, memory_mb=0))
    assert outcome.failure is not None
    assert outcome.failure.error_type == "timeout"
    assert outcome.failure.stage == "extract"  # reading the text took well under 3 s
    assert "3 s" in outcome.failure.message
    assert outcome.doc_id is not None and outcome.failure.doc_id == outcome.doc_id


def test_document_over_the_memory_ceiling_is_stopped(huge_text: Path) -> None:
    outcome = process_guarded(huge_text, Limits(timeout_s=120, memory_mb=150))
    assert outcome.failure is not None
    assert outcome.failure.error_type == "memory_limit"
    assert "150 MB" in outcome.failure.message


def test_a_crashing_worker_becomes_a_failure(good_file: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def killed(*args: object, **kwargs: object) -> None:  # as the kernel's OOM killer does
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(guard, "process_file", killed)
    outcome = process_guarded(good_file, Limits(timeout_s=60), start_method="fork",
                              read_ahead=False)  # the one child that reads and extracts
    assert outcome.failure is not None
    assert outcome.failure.error_type == "crashed"
    assert "killed by SIGKILL" in outcome.failure.message


def test_the_caller_goes_on_after_a_stopped_document(huge_text: Path, good_file: Path) -> None:
    limits = Limits(timeout_s=2, memory_mb=0)
    outcomes = [process_guarded(p, limits) for p in (huge_text, good_file)]
    assert outcomes[0].failure is not None and outcomes[0].failure.error_type == "timeout"
    assert outcomes[1].extraction is not None


def test_oversized_inputs_are_refused_before_parsing(good_file: Path, tmp_path: Path) -> None:
    outcome = process_guarded(good_file, Limits(max_bytes=100))
    assert outcome.failure is not None and outcome.failure.error_type == "too_large"
    assert outcome.failure.stage == "read"
    assert outcome.failure.message.endswith("(limit 0.0 MB)")


def test_pdf_with_too_many_pages_is_refused(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for line in MINUTES.split("\n\n")[:3]:
        pdf.add_page()
        pdf.multi_cell(w=0, text=line.replace("**", ""))
    path = tmp_path / "three pages.pdf"
    pdf.output(str(path))
    outcome = process_guarded(path, Limits(max_pages=2))
    assert outcome.failure is not None and outcome.failure.error_type == "too_large"
    assert outcome.failure.message == "PDF has 3 pages (limit 2)"
    assert process_guarded(path, Limits(max_pages=3)).failure is None


def test_no_limits_means_in_process(good_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork(*args: object) -> None:
        raise AssertionError("should not start a child process")

    monkeypatch.setattr(guard, "_context", no_fork)
    outcome = process_guarded(good_file, Limits(timeout_s=0, memory_mb=0))
    assert outcome.extraction is not None
