"""Fuzzing: damaged copies of real minutes in every format go through ``process_file``; each
must end in records or in a recorded failure with a named cause -- never ``internal_error``
(an exception no rule foresaw), a hang or a crash.

Seeds: the shared corpus (when present; not the image-only scan, whose OCR takes seconds a
page), the team's samples in data/raw and small generated files (web pages, RTF, OpenDocument;
for ``.doc``, OLE files and other word-processing files named ``.doc``: nothing writes a real
Word 97 file). Besides byte damage, seeds
are reshaped into valid files of the kinds readers once lost text on
(``mutations.reshaped``: rotated pages, content drawn sideways, fonts with wrong Unicode maps;
UTF-16/32 without a BOM, Windows-1252, KOI8-R, a Windows-1252 stretch inside UTF-8; Word
content controls, custom XML, tracked insertions, deletions and moves, macro-enabled and
Strict packages); those must be read when not also damaged. File names of any bytes (not
UTF-8, control characters, backslashes) go through discovery, extraction and the store, and
must come back byte for byte from the stored ``source_path``. Two budgets (the reshaped and
name tests run a quarter as many cases):

* ``make test`` -- a short, derandomized run (the same cases every time);
* ``make fuzz`` -- ``HYPOTHESIS_PROFILE=fuzz``: ``FUZZ_EXAMPLES`` cases per format (default
  2000), random, failures saved in ``.hypothesis/`` and replayed first next time. With
  ``FUZZ_REPORT=path.json`` the cases tried and their outcomes are written there.
"""

from __future__ import annotations

import json
import os
import signal
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.readers import FORMATS
from pipeline.batch.discover import discover, original_bytes, stored_path
from pipeline.batch.process import Outcome, process_file
from pipeline.batch.store import ParquetStore
from tests.extractors.mutations import Seed, damaged, reshaped
from tests.extractors.readers.bad_files import (
    TEXT,
    minutes_docx,
    minutes_html,
    minutes_odt,
    minutes_pdf,
    minutes_rtf,
    old_word_doc,
    other_ole,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "data" / "raw"
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2000")) if LONG else 100
HANG_S = 120 if LONG else 60  # one case taking longer than this is a hang

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG,
                database=settings.default.database if LONG else None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much,
                                       HealthCheck.function_scoped_fixture])

OUTCOMES: dict[str, Counter[str]] = {}
DISTINCT: dict[str, set[int]] = {}


def _seeds(ext: str) -> list[Seed]:
    """Small generated files first (Hypothesis shrinks towards them), then the samples and
    the corpus (corpus only for the long run: its files take a second each to extract)."""
    generated = {"txt": [TEXT.encode()], "docx": [minutes_docx()], "pdf": [minutes_pdf()],
                 "html": [minutes_html()], "rtf": [minutes_rtf()], "odt": [minutes_odt()],
                 "doc": [old_word_doc(), other_ole("Workbook"), minutes_rtf(), minutes_docx()]}
    seeds = [Seed(f"generated{i}.{ext}", ext, data) for i, data in enumerate(generated[ext])]
    files = sorted(SAMPLES.glob(f"*.{ext}"))
    if LONG and CORPUS.is_dir():
        files += sorted(CORPUS.glob(f"*.{ext}"))
    for path in files:
        if ".scan." not in path.name and "scanned" not in path.name \
                and not path.name.upper().startswith("README"):
            seeds.append(Seed(path.name, ext, path.read_bytes()))
    return seeds


class Hang(Exception):
    """A case ran past HANG_S seconds."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang(f"one case took more than {HANG_S} s")


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    """Print (and with FUZZ_REPORT, save) the cases tried and their outcomes."""
    yield
    summary: dict[str, object] = {
        ext: {"cases": sum(c.values()), "distinct_inputs": len(DISTINCT[ext]),
              "outcomes": dict(c.most_common())} for ext, c in OUTCOMES.items()}
    total: Counter[str] = sum(OUTCOMES.values(), Counter())
    summary["total"] = {"cases": sum(total.values()),
                        "internal_errors": total["internal_error"], "hangs": total["hang"],
                        "silent_empty": total["silent_empty"]}
    print("\nfuzz:", json.dumps(summary, indent=1))
    target = os.environ.get("FUZZ_REPORT")
    if target:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        Path(target).write_text(json.dumps(summary, indent=1), encoding="utf-8")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _check(workdir: Path, ext: str, data: bytes, label: str = "") -> str:
    """Process one damaged file; fail on an unforeseen error or a hang. Returns the
    outcome: ``records`` or the failure's error type."""
    assert f".{ext}" in FORMATS
    path = workdir / f"case.{ext}"
    path.write_bytes(data)
    return _kind(_check_path(str(path), ext + label, hash(data)))


def _kind(outcome: Outcome) -> str:
    return "records" if outcome.extraction is not None else outcome.failure.error_type


def _check_path(source: str, label: str, case: int) -> Outcome:
    """``process_file`` on a file in place (a path, or a source path as stored), counted under
    ``label``; fails on an internal error, a hang (over HANG_S) or a silent empty document."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_S)
    counts = OUTCOMES.setdefault(label, Counter())
    DISTINCT.setdefault(label, set()).add(case)
    try:
        outcome = process_file(source)
    except Hang:
        counts["hang"] += 1
        raise
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    kind = _kind(outcome)
    x = outcome.extraction
    if x is not None and not any((x.attendees, x.agenda_items, x.interventions, x.decisions,
                                  x.dates, x.quality_flags)):
        kind = "silent_empty"  # a quiet empty meeting: no rows and no flag saying why
    counts[kind] += 1
    assert (outcome.extraction is None) != (outcome.failure is None)
    assert kind != "silent_empty", "records outcome with no rows and no quality flag"
    if outcome.failure is not None:
        assert outcome.failure.error_type != "internal_error", outcome.failure.message
        assert outcome.failure.message
        assert " object at 0x" not in outcome.failure.message, outcome.failure.message
    return outcome


def _fuzz_test(ext: str):  # type: ignore[no-untyped-def]
    @pytest.mark.timeout(0 if LONG else 300)
    @FUZZ
    @given(case=damaged(_seeds(ext)))
    def test(workdir: Path, case: tuple[Seed, bytes]) -> None:
        _check(workdir, ext, case[1])

    test.__name__ = f"test_damaged_{ext}_is_records_or_a_named_failure"
    test.__doc__ = f"Damaged .{ext} files: records or a named failure, never a crash."
    return test


# Undamaged reshaped files must be read: the reshapings keep every word (a garbled Unicode
# map is read by OCR, or named as garbled_text_layer where Tesseract is missing).
READ_OR_NAMED = {"records", "garbled_text_layer"}


def _reshape_test(ext: str):  # type: ignore[no-untyped-def]
    @pytest.mark.timeout(0 if LONG else 600)
    @settings(FUZZ, max_examples=max(EXAMPLES // 4, 20))
    @given(case=reshaped(_seeds(ext)))
    def test(workdir: Path, case: tuple[Seed, bytes, bool]) -> None:
        seed, data, damage = case
        kind = _check(workdir, ext, data, " reshaped")
        if not damage:
            assert kind in READ_OR_NAMED, (seed.label, kind)

    test.__name__ = f"test_reshaped_{ext}_is_read"
    test.__doc__ = (f"Rotated, re-encoded or re-wrapped .{ext} files (issue #14): read, or a "
                    "named failure once damaged too.")
    return test


test_damaged_txt = _fuzz_test("txt")  # .md files go through the same reader
test_damaged_docx = _fuzz_test("docx")
test_damaged_pdf = _fuzz_test("pdf")
test_damaged_html = _fuzz_test("html")
test_damaged_rtf = _fuzz_test("rtf")
test_damaged_odt = _fuzz_test("odt")
test_damaged_doc = _fuzz_test("doc")  # OLE files through antiword; Word and RTF named .doc
test_reshaped_txt = _reshape_test("txt")
test_reshaped_docx = _reshape_test("docx")
test_reshaped_pdf = _reshape_test("pdf")


# A file name is any bytes but "/" and NUL, at most 255 of them, and not "." or "..".
NAMES = st.binary(min_size=1, max_size=200).map(
    lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_")).filter(
    lambda b: b not in (b".", b"..") and not b.startswith(b"."))


@pytest.mark.timeout(0 if LONG else 300)
@settings(FUZZ, max_examples=max(EXAMPLES // 4, 20))
@given(name=NAMES, ext=st.sampled_from([b".txt", b".md", b".docx", b".pdf", b".xyz", b""]))
def test_names_of_any_bytes_are_stored_and_read(tmp_path_factory: pytest.TempPathFactory,
                                                name: bytes, ext: bytes) -> None:
    """Any file name: a row or a named failure whose source path gives the name back."""
    folder = tmp_path_factory.mktemp("names")
    raw = os.path.join(os.fsencode(folder), name + ext)
    with open(raw, "wb") as fh:
        fh.write(TEXT.encode())
    found = discover(folder)
    if name.upper().startswith(b"README"):
        assert found == []
        return
    assert len(found) == 1 and os.fsencode(found[0]) == raw
    stored = stored_path(found[0])
    stored.encode("utf-8")  # valid UTF-8, so Parquet, JSON and terminals take it
    outcome = _check_path(stored, "names", hash(raw))
    assert original_bytes(stored) == raw
    with ParquetStore(folder / "tables") as store:
        if outcome.extraction is not None:
            store.write_document(outcome.extraction)
            table = "meetings"
        else:
            store.write_failure(outcome.failure)
            table = "failures"
        paths = store.read_table(table).column("source_path").to_pylist()
    assert [original_bytes(p) for p in paths] == [raw]
