"""The guard's cold path (``minutes ingest --file``): a reader child reads the file while the
parent loads the model, then an extracting child is forked from the loaded parent. Records,
failures and limits are those of the one-child path."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors.limits import Limits
from pipeline.batch import guard, warm
from pipeline.batch.guard import process_guarded
from pipeline.batch.process import ReadDocument, process_file, read_file
from pipeline.batch.stopping import STOP
from tests.pipeline.conftest import MINUTES, write_pdf

HANG_GUARD_S = 60  # not a timing: only against a test that would otherwise wait forever
LIMITS = Limits(timeout_s=120)


@pytest.fixture
def good_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "good minutes.pdf"
    write_pdf(path, MINUTES)
    return path


def _no_children_left() -> bool:
    return not multiprocessing.active_children()


@pytest.mark.parametrize("name", ["good_one.txt", "good_two.md"])
def test_records_equal_the_one_child_path(minutes_folder: Path, name: str) -> None:
    ahead = process_guarded(minutes_folder / name, LIMITS, read_ahead=True)
    one_child = process_guarded(minutes_folder / name, LIMITS, read_ahead=False)
    assert ahead.extraction is not None and ahead.failure is None
    direct = process_file(minutes_folder / name)
    assert ahead.extraction == one_child.extraction == direct.extraction
    assert ahead.doc_id == one_child.doc_id and ahead.text == one_child.text
    assert set(ahead.timings) == {"read", "nlp", "rules"}
    assert _no_children_left()


def test_records_of_a_pdf_equal_the_one_child_path(good_pdf: Path) -> None:
    ahead = process_guarded(good_pdf, LIMITS, read_ahead=True)
    assert ahead.extraction is not None
    assert ahead.extraction == process_guarded(good_pdf, LIMITS, read_ahead=False).extraction
    assert ahead.extraction.meeting.source_format == "pdf"


@pytest.mark.parametrize("name", ["empty.txt", "renamed.docx", "missing.txt"])
def test_a_bad_file_gives_the_same_failure_row(minutes_folder: Path, name: str) -> None:
    ahead = process_guarded(minutes_folder / name, LIMITS, read_ahead=True)
    one_child = process_guarded(minutes_folder / name, LIMITS, read_ahead=False)
    assert ahead.failure is not None and ahead.failure.stage == "read"
    assert ahead.failure == one_child.failure == process_file(minutes_folder / name).failure
    assert ahead.doc_id == one_child.doc_id


def test_a_file_over_a_size_limit_is_refused_by_the_reader(minutes_folder: Path) -> None:
    outcome = process_guarded(minutes_folder / "good_one.txt", Limits(max_bytes=100),
                              read_ahead=True)
    assert outcome.failure is not None and outcome.failure.error_type == "too_large"
    assert outcome.failure.stage == "read"


def test_a_reader_over_the_time_limit_is_stopped_at_read(
        minutes_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "read_file", lambda *args: time.sleep(HANG_GUARD_S))
    outcome = process_guarded(minutes_folder / "good_one.txt", Limits(timeout_s=1),
                              read_ahead=True)
    assert outcome.failure is not None
    assert (outcome.failure.stage, outcome.failure.error_type) == ("read", "timeout")
    assert outcome.failure.message == "stopped after 1 s (wall-time limit per document)"
    assert outcome.doc_id is not None and _no_children_left()


def test_the_time_limit_counts_the_reading_too(minutes_folder: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A document whose reading used up the time limit has none left to be extracted in."""
    def slow_read(path: str, limits: Limits) -> ReadDocument:
        read = read_file(path, limits)
        assert isinstance(read, ReadDocument)
        read.timings["read"] = limits.timeout_s  # as if reading took the whole limit
        return read

    monkeypatch.setattr(guard, "read_file", slow_read)
    outcome = process_guarded(minutes_folder / "good_one.txt", Limits(timeout_s=30),
                              read_ahead=True)
    assert outcome.failure is not None
    assert (outcome.failure.stage, outcome.failure.error_type) == ("extract", "timeout")


def test_a_crashing_reader_becomes_a_failure_at_read(
        minutes_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "read_file", lambda *args: os.kill(os.getpid(), signal.SIGKILL))
    outcome = process_guarded(minutes_folder / "good_one.txt", LIMITS, read_ahead=True)
    assert outcome.failure is not None
    assert (outcome.failure.stage, outcome.failure.error_type) == ("read", "crashed")
    assert "killed by SIGKILL during read" in outcome.failure.message


def test_a_reader_over_the_memory_ceiling_is_stopped(
        minutes_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "read_file", lambda *args: bytearray(400 * 2**20))
    outcome = process_guarded(minutes_folder / "good_one.txt",
                              Limits(timeout_s=120, memory_mb=100), read_ahead=True)
    assert outcome.failure is not None
    assert (outcome.failure.stage, outcome.failure.error_type) == ("read", "memory_limit")
    assert "100 MB" in outcome.failure.message


def test_the_extracting_child_has_the_memory_ceiling_too(minutes_folder: Path,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "long minutes.txt"
    path.write_text("\n\n".join([MINUTES] * 1500), encoding="utf-8")
    outcome = process_guarded(path, Limits(timeout_s=300, memory_mb=60), read_ahead=True)
    assert outcome.failure is not None
    assert (outcome.failure.stage, outcome.failure.error_type) == ("extract", "memory_limit")


def _pid_written(path: Path) -> int:
    deadline = time.monotonic() + HANG_GUARD_S
    while not path.exists() or not path.read_text():
        assert time.monotonic() < deadline, "the reader child never started"
        time.sleep(0.01)
    return int(path.read_text())


def test_ctrl_c_while_the_model_loads_leaves_no_reader(
        minutes_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pid_file = tmp_path / "reader.pid"

    def reading_forever(*args: object) -> None:
        pid_file.write_text(str(os.getpid()))
        time.sleep(HANG_GUARD_S)

    def interrupted_load() -> None:
        _pid_written(pid_file)
        raise KeyboardInterrupt

    monkeypatch.setattr(guard, "read_file", reading_forever)
    monkeypatch.setattr(warm, "load", interrupted_load)
    with pytest.raises(KeyboardInterrupt):
        process_guarded(minutes_folder / "good_one.txt", LIMITS, read_ahead=True)
    with pytest.raises(ProcessLookupError):  # killed and reaped
        os.kill(_pid_written(pid_file), 0)
    assert _no_children_left()


def test_a_stop_asked_while_the_model_loads_skips_the_document(
        minutes_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warm, "load", lambda: STOP.request("SIGTERM", signal.SIGTERM))
    try:
        outcome = process_guarded(minutes_folder / "good_one.txt", LIMITS, read_ahead=True)
    finally:
        STOP.clear()
    assert outcome.skipped and outcome.failure is None and outcome.extraction is None
    assert _no_children_left()


def test_reading_ahead_is_chosen_only_by_a_cold_forking_caller(
        minutes_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen: list[str] = []
    monkeypatch.setattr(guard, "_read_ahead", lambda path, limits: chosen.append("ahead"))
    monkeypatch.setattr(guard, "_context", lambda method: chosen.append("one child") or 1 / 0)
    good = minutes_folder / "good_one.txt"
    monkeypatch.setattr(warm, "_loaded", False)
    process_guarded(good, LIMITS, start_method="fork")
    with pytest.raises(ZeroDivisionError):
        process_guarded(good, LIMITS, start_method="forkserver")
    monkeypatch.setattr(warm, "_loaded", True)  # a warm parent: the batch path as before
    with pytest.raises(ZeroDivisionError):
        process_guarded(good, LIMITS, start_method="fork")
    assert chosen == ["ahead", "one child", "one child"]


_COLD_RUN = """
import json, os, sys
from pathlib import Path

from extractors.limits import Limits
from pipeline.batch import guard, warm

events = Path(sys.argv[2])


def note(*event):
    with events.open("a") as fh:
        fh.write(json.dumps([*event, os.getpid()]) + "\\n")


read_file, extract_read, load = guard.read_file, guard.extract_read, warm.load


def reading(*args):
    note("read", "spacy" in sys.modules, warm.is_loaded())
    return read_file(*args)


def extracting(*args):
    note("extract", warm.is_loaded())
    return extract_read(*args)


def loading():
    note("load")
    load()


guard.read_file, guard.extract_read, warm.load = reading, extracting, loading
warm.warm = lambda: note("warm-up")
outcome = guard.process_guarded(Path(sys.argv[1]), Limits(timeout_s=300))
note("done")
print(json.dumps(outcome.extraction.to_dict(), default=str))
"""


def test_a_cold_caller_reads_in_a_child_forked_before_the_model_loads(
        good_pdf: Path, tmp_path: Path) -> None:
    events_file = tmp_path / "events.jsonl"
    result = subprocess.run([sys.executable, "-c", _COLD_RUN, str(good_pdf), str(events_file)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in events_file.read_text().splitlines()]
    by_kind = {event[0]: event for event in events}
    assert sorted(by_kind) == ["done", "extract", "load", "read"]  # no warm-up extraction
    parent = by_kind["done"][-1]
    assert by_kind["load"][-1] == parent
    read_pid, extract_pid = by_kind["read"][-1], by_kind["extract"][-1]
    assert len({parent, read_pid, extract_pid}) == 3
    assert by_kind["read"][1:3] == [False, False]  # forked before spaCy was even imported
    assert by_kind["extract"][1] is True  # forked from the loaded parent
    expected = process_file(good_pdf).extraction
    assert expected is not None
    assert json.loads(result.stdout) == json.loads(json.dumps(expected.to_dict(), default=str))


_HANGING_READ = """
import os, sys, time
from pathlib import Path

from pipeline.batch import guard
from pipeline.cli import main


def reading_forever(*args):
    Path(sys.argv[2]).write_text(str(os.getpid()))
    time.sleep(600)


guard.read_file = reading_forever
sys.exit(main(["ingest", "--file", sys.argv[1], "--json"]))
"""


@pytest.mark.parametrize(("signum", "to_group", "code"), [(signal.SIGINT, True, 130),
                                                          (signal.SIGTERM, False, 143)])
def test_a_signal_to_ingest_file_stops_it_and_its_reader(
        minutes_folder: Path, tmp_path: Path, signum: int, to_group: bool, code: int) -> None:
    """Ctrl-C (to the terminal's process group) or SIGTERM (to the command) while the file
    is being read and the model loaded: the command ends with its code, the reader with it."""
    pid_file = tmp_path / "reader.pid"
    proc = subprocess.Popen([sys.executable, "-c", _HANGING_READ,
                             str(minutes_folder / "good_one.txt"), str(pid_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        reader = _pid_written(pid_file)
        if to_group:
            os.killpg(proc.pid, signum)
        else:
            os.kill(proc.pid, signum)
        _, err = proc.communicate(timeout=HANG_GUARD_S)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == code, err
    assert f"minutes ingest: {'interrupted' if to_group else 'stopped by SIGTERM'}" in err
    with pytest.raises(ProcessLookupError):
        os.kill(reader, 0)
