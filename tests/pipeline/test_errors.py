"""Environment errors end in one sentence naming the file, folder or variable and the reason,
with the documented exit code (``pipeline.errors``, ``pipeline.exit_codes``); never a
traceback or a Python object's repr, and data committed before stays intact."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pipeline.batch.process import process_file
from pipeline.batch.store import DOC_TABLES, ParquetStore
from pipeline.batch.table_files import document_files
from pipeline.cli import main
from pipeline.exit_codes import EXIT_BUSY, EXIT_ERROR, EXIT_SOME_FAILED, EXIT_USAGE
from tests.extractors.readers.bad_files import BAD_FILES
from tests.pipeline.conftest import MINUTES

ROOT = Path(__file__).resolve().parents[2]
# a Python object's repr, a parsed-arguments repr, an exception's constructor repr
REPR = re.compile(r"\bat 0x[0-9a-fA-F]{4,}>|<class '|Namespace\(|"
                  r"\b[A-Z]\w*(?:Error|Exception|Warning)\(")


def assert_sentence(text: str, *names: str) -> None:
    """``text`` names each of ``names`` and holds no traceback and no object repr."""
    assert "Traceback" not in text, text
    assert not REPR.search(text), text
    for name in names:
        assert name in text, (name, text)


def _out_rows(out: Path) -> dict[str, set[str]]:
    return {t: {p.name for p in document_files(out / t)} for t in DOC_TABLES}


@pytest.fixture
def committed(minutes_folder: Path, tmp_path: Path,
              capsys: pytest.CaptureFixture[str]) -> Path:
    """An output folder holding one committed document."""
    out = tmp_path / "tables"
    assert main(["ingest", "--file", str(minutes_folder / "good_one.txt"), "--out",
                 str(out)]) == 0
    capsys.readouterr()
    return out


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """``folder`` unwritable, for this user: mode 0555, or for root (whom modes do not stop)
    the immutable attribute; skip where neither holds."""
    folder.chmod(0o555)
    immutable = False
    try:
        probe = folder / ".probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            immutable = subprocess.run(["chattr", "+i", str(folder)],
                                       capture_output=True).returncode == 0
            if not immutable:
                pytest.skip("cannot make a folder read-only for this user")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


@pytest.mark.parametrize("mode", ["folder", "file"])
def test_read_only_output_is_a_sentence(minutes_folder: Path, tmp_path: Path, mode: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "locked-down"
    out.mkdir()
    argv = (["ingest", str(minutes_folder)] if mode == "folder"
            else ["ingest", "--file", str(minutes_folder / "good_one.txt")])
    with read_only(out):
        assert main([*argv, "--out", str(out)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert_sentence(err, str(out), "cannot write")
    assert "permission denied" in err or "read-only" in err
    assert not list(out.iterdir())


@pytest.mark.parametrize("mode", ["folder", "file"])
def test_output_path_that_is_a_file_is_a_sentence(minutes_folder: Path, tmp_path: Path,
                                                  mode: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tables.parquet"
    out.write_bytes(b"not a folder")
    argv = (["ingest", str(minutes_folder)] if mode == "folder"
            else ["ingest", "--file", str(minutes_folder / "good_one.txt")])
    assert main([*argv, "--out", str(out)]) == EXIT_ERROR
    assert_sentence(capsys.readouterr().err, str(out), "is an existing file, not a folder")
    assert out.read_bytes() == b"not a folder"


@pytest.mark.parametrize(("flag", "value", "allowed"), [
    ("--workers", "-1", "at least 1"), ("--workers", "0", "at least 1"),
    ("--workers", "two", "at least 1"), ("--max-mb", "-5", "above 0"),
    ("--max-pages", "0", "at least 1"), ("--timeout", "-1", "0 or more"),
    ("--timeout", "nan", "0 or more"), ("--max-memory", "-100", "0 or more"),
    ("--max-chars", "0", "at least 1")])
def test_bad_flag_values_are_usage_errors(minutes_folder: Path, flag: str, value: str,
                                          allowed: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["ingest", str(minutes_folder), flag, value])
    assert stopped.value.code == EXIT_USAGE
    assert_sentence(capsys.readouterr().err, flag, f"'{value}'", allowed)


@pytest.mark.parametrize(("variable", "value", "reason"), [
    ("MINUTES_TIMEOUT_S", "abc", "is not a number"),
    ("MINUTES_TIMEOUT_S", "-1", "out of range"),
    ("MINUTES_MEMORY_MB", "-5", "out of range"),
    ("MINUTES_MAX_BYTES", "nan", "out of range"),
    ("MINUTES_MAX_PAGES", "0", "out of range"),
    ("MINUTES_MAX_DOCX_RATIO", "ten", "is not a number"),
    ("MINUTES_MAX_CHARS", "-2", "out of range")])
@pytest.mark.parametrize("mode", ["folder", "file"])
def test_bad_environment_limits_are_usage_errors(minutes_folder: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch, mode: str,
                                                 variable: str, value: str, reason: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(variable, value)
    argv = (["ingest", str(minutes_folder)] if mode == "folder"
            else ["ingest", "--file", str(minutes_folder / "good_one.txt")])
    assert main([*argv, "--out", str(tmp_path / "out")]) == EXIT_USAGE
    assert_sentence(capsys.readouterr().err, variable, value, reason)
    assert not (tmp_path / "out").exists()  # refused before anything is written


_HOLDER = textwrap.dedent("""
    import sys
    from pipeline.batch.store import ParquetStore
    with ParquetStore(sys.argv[1]):
        print("held", flush=True)
        sys.stdin.read()
""")


@pytest.mark.parametrize("mode", ["folder", "file"])
def test_output_held_by_another_run_is_exit_4(committed: Path, minutes_folder: Path,
                                              mode: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = _out_rows(committed)
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(committed)], cwd=ROOT,
                              env=dict(os.environ, PYTHONPATH=str(ROOT)),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        argv = (["ingest", str(minutes_folder)] if mode == "folder"
                else ["ingest", "--file", str(minutes_folder / "good_two.md")])
        assert main([*argv, "--out", str(committed)]) == EXIT_BUSY
    finally:
        holder.communicate("", timeout=60)
    assert_sentence(capsys.readouterr().err, str(committed), "another run",
                    f"pid {holder.pid}")
    assert _out_rows(committed) == before


_FILLS_UP = textwrap.dedent("""
    import errno, sys
    from pathlib import Path
    import pyarrow.parquet
    from pipeline.batch.table_files import document_files
    from pipeline.cli import main

    out, real_write = Path(sys.argv[sys.argv.index("--out") + 1]), pyarrow.parquet.write_table

    def fills_up(table, where, *args, **kwargs):
        if document_files(out / "meetings"):  # full after the first document
            raise OSError(errno.ENOSPC, "Error writing bytes to file. Detail: [errno 28] "
                                        "No space left on device")
        return real_write(table, where, *args, **kwargs)

    pyarrow.parquet.write_table = fills_up
    sys.exit(main(sys.argv[1:]))
""")


def test_disk_full_mid_batch_stops_with_a_sentence_and_keeps_what_was_committed(
        minutes_folder: Path, tmp_path: Path) -> None:
    """The device fills after the first document: the store's lowest write (pyarrow's
    ``write_table``) raises ENOSPC in the real ``minutes ingest``, as a full disk makes it."""
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-c", _FILLS_UP, "ingest", str(minutes_folder),
                          "--out", str(out), "--workers", "1"], cwd=ROOT, timeout=600,
                         env=dict(os.environ, PYTHONPATH=str(ROOT),
                                  PREFECT_HOME=str(tmp_path / "prefect")),
                         capture_output=True, text=True)
    assert run.returncode == EXIT_ERROR, run.stderr[-3000:]
    stopped = next(line for line in run.stderr.splitlines() if "minutes ingest:" in line)
    assert_sentence(stopped, "no space left", str(out), "committed before are kept")
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    with ParquetStore(out) as store:  # recovers: the half-staged document is gone
        doc_ids = {e["doc_id"] for e in store.manifest.values() if e.get("doc_id")}
        assert store.read_table("meetings").num_rows == len(doc_ids) == 1
    for table in DOC_TABLES:
        assert {p.stem for p in document_files(out / table)} == doc_ids, table
    assert not list(out.rglob(".*.tmp"))


_FILL = textwrap.dedent("""
    set -e
    mount -t tmpfs -o size=3m minutes-test "$MNT"
    cp -r "$FIRST" "$MNT/first"
    "$PY" -m pipeline ingest "$MNT/first" --out "$MNT/out" --workers 1 > /dev/null 2>&1
    dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null || true
    truncate -s -40k "$MNT/filler"
    set +e
    "$PY" -m pipeline ingest "$SECOND" --out "$MNT/out" --workers 1 > "$LOG.out" 2> "$LOG.err"
    echo $? > "$LOG.rc"
    cp -r "$MNT/out" "$KEEP"
""")


@pytest.mark.slow
def test_disk_full_on_a_real_small_file_system(tmp_path: Path) -> None:
    """A 3 MB tmpfs in a mount namespace of its own: filled after a first run, a second run
    meets ENOSPC from the kernel. Skipped where mounting is not allowed."""
    if not shutil.which("unshare") or subprocess.run(
            ["unshare", "-m", "--propagation", "private", "true"],
            capture_output=True).returncode != 0:
        pytest.skip("no mount namespace for this user")
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, count, word in ((first, 3, "Opening"), (second, 12, "Welcome")):
        folder.mkdir()
        for i in range(count):
            text = MINUTES.replace("14 May 2019", f"{i + 1} May 2019") + f"\n{word} {i}.\n"
            (folder / f"m{i}.txt").write_text(text, encoding="utf-8")
    mnt, keep, log = tmp_path / "mnt", tmp_path / "kept", tmp_path / "second-run"
    mnt.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), PREFECT_HOME=str(tmp_path / "prefect"),
               MNT=str(mnt), FIRST=str(first), SECOND=str(second), KEEP=str(keep),
               LOG=str(log), PY=sys.executable)
    run = subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", _FILL],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if run.returncode != 0 and not keep.exists():
        pytest.skip(f"could not mount a small file system: {run.stderr[-500:]}")
    assert int(Path(f"{log}.rc").read_text()) == EXIT_ERROR, Path(f"{log}.err").read_text()
    err = Path(f"{log}.err").read_text()
    assert "minutes ingest: stopped: no space left on the device" in err
    stopped = next(line for line in err.splitlines() if "stopped: no space" in line)
    assert_sentence(stopped, str(mnt / "out"))
    with ParquetStore(keep) as store:
        doc_ids = {e["doc_id"] for e in store.manifest.values() if e.get("doc_id")}
        assert store.read_table("meetings").num_rows == len(doc_ids) >= 3
    for table in DOC_TABLES:
        assert {p.stem for p in document_files(keep / table)} == doc_ids, table


def test_failure_messages_of_bad_files_hold_no_object_reprs(tmp_path: Path) -> None:
    for bad in BAD_FILES:
        path = tmp_path / bad.name
        path.write_bytes(bad.build())
        outcome = process_file(path)
        if outcome.failure is not None:
            assert_sentence(outcome.failure.message)
            assert_sentence(f"{outcome.failure.error_type}: {outcome.failure.stage}")


def test_internal_error_message_drops_object_reprs(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug's message is recorded (internal_error) without the repr its text carried."""
    path = tmp_path / "m.txt"
    path.write_text(MINUTES, encoding="utf-8")

    class Reader:
        pass

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError(f"cannot read from {Reader()!r}")

    monkeypatch.setattr("pipeline.batch.process.parse_bytes", broken)
    outcome = process_file(path)
    assert outcome.failure is not None and outcome.failure.error_type == "internal_error"
    assert_sentence(outcome.failure.message, "TypeError", "cannot read from an object")


def test_a_failed_file_exits_3_with_a_sentence(minutes_folder: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--file", str(minutes_folder / "renamed.docx")]) == EXIT_SOME_FAILED
    assert_sentence(capsys.readouterr().err, "renamed.docx", "not_a_zip")


def test_a_server_that_does_not_start_in_time_is_a_sentence(minutes_folder: Path,
                                                            tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(minutes_folder),
                          "--out", str(tmp_path / "out")], cwd=ROOT, timeout=600,
                         env=dict(os.environ, PYTHONPATH=str(ROOT),
                                  PREFECT_HOME=str(tmp_path / "prefect"),
                                  PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="1"),
                         capture_output=True, text=True)
    assert run.returncode == EXIT_ERROR, run.stderr[-3000:]
    assert_sentence(run.stderr, "the temporary Prefect server did not answer within 1 s",
                    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "temporary-server.log")
    assert not document_files(tmp_path / "out" / "meetings")


def test_max_chars_flag_makes_a_long_text_a_named_failure(minutes_folder: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    path = minutes_folder / "good_one.txt"
    assert main(["ingest", "--file", str(path), "--max-chars", "20", "--json"]) \
        == EXIT_SOME_FAILED
    failure = json.loads(capsys.readouterr().out)["failure"]
    assert failure["error_type"] == "too_large"
    assert "(limit 20)" in failure["message"]
