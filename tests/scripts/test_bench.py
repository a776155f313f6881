"""The benchmark's corpus builder: distinct files in every format, readable, with the marker."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extractors.readers import read_document
from tests.pipeline.conftest import require_corpus
from tests.script_modules import load_script


@pytest.fixture(scope="module")
def bench():  # type: ignore[no-untyped-def]
    return load_script("bench")


def test_copies_are_distinct_and_carry_their_marker(bench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = require_corpus()
    files = bench.build_corpus(corpus, tmp_path / "corpus", copies=2)
    originals = [p for p in corpus.iterdir() if p.suffix in (".txt", ".docx", ".pdf")
                 and not p.name.endswith(".scan.pdf")]
    assert len(files) == 2 * len(originals)
    hashes = {hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    assert len(hashes) == len(files)
    for fmt in ("txt", "docx", "pdf"):
        copy = next(p for p in files if p.suffix == f".{fmt}" and "copy001" in p.name)
        text = read_document(copy).text
        assert "Benchmark copy 1." in text, fmt
        assert "Benchmark copy 0." not in text


def test_ten_page_pdf_has_ten_pages(bench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = bench.ten_page_pdf(require_corpus(), tmp_path / "ten.pdf")
    assert read_document(pdf).n_pages == 10


def test_scaling_texts_reach_their_size_without_identical_parts(bench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = bench.bench_scaling.long_text(require_corpus(), 0.5)
    assert 0.45 * 2**20 <= len(text.encode()) <= 0.5 * 2**20
    markers = [line for line in text.splitlines() if line.startswith("Benchmark part ")]
    assert len(markers) == len(set(markers)) >= 2


def test_scaling_rows_report_failures_and_the_spread_of_rates(bench) -> None:  # type: ignore[no-untyped-def]
    point = bench.bench_scaling.ScalePoint
    rows = bench.bench_scaling.rows([point(0.1, 100_000, 10.0, 400.0),
                                     point(0.4, 400_000, 50.0, 500.0),
                                     point(1.6, 1_600_000, 5.0, 900.0, failure="timeout: x")])
    assert "failed: timeout: x" in rows[3][1]
    assert rows[-1][0].startswith("chars/s") and "20% apart" in rows[-1][1]


def test_report_sets_the_pipeline_beside_both_spacy_baselines(bench) -> None:  # type: ignore[no-untyped-def]
    run = bench.Run(wall_s=10.0, peak_pss_mb=500.0, peak_rss_mb=600.0,
                    output={"written": 4, "failed": 0, "seconds": {"read": 2.0, "nlp": 8.0,
                                                                  "rules": 4.0, "write": 1.0}})
    results = {"full": run, "one_worker": run, "rerun": run, "workers": 2, "n_files": 4,
               "copies": 2, "full_s": 12.0, "bare_s": 10.0, "same_s": 6.0, "sample": 4,
               "pdf": None, "cold": [1.5, 1.7, 1.6], "date": "2026-01-01", "machine": "test",
               "command": "make bench"}
    run.output["people_s"] = 1.5
    table = bench.report(results)
    # 2 workers x (10 s wall - 1.5 s people) - 15 s of stages = 2 s of orchestration; with the
    # 1 s of writes, 3 s over 14 s of extraction; with the people tables 6 s
    assert "| seconds in orchestration (workers x (wall - people) - stages) | 2.0 |" in table
    assert "+21.4% (target <= 15%); with the people tables +42.9%" in table
    assert "| full pipeline / bare spaCy on the same text | 1.20x (12.0 s / 10.0 s" in table
    assert "less NER and lemmatizer (what ours runs on every token) | 2.00x" in table
    assert "1.60 s median of 1.50, 1.70, 1.60" in table
