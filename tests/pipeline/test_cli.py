"""The ``minutes`` CLI as a testable ``main(argv)``."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch.table_files import document_files
from pipeline.cli import build_parser, main


def test_ingest_file_prints_json_without_prefect(minutes_folder: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code = subprocess.run(
        [sys.executable, "-c",
         "import sys; from pipeline.cli import main; rc = main(sys.argv[1:]); "
         "assert 'prefect' not in sys.modules, 'prefect was imported'; sys.exit(rc)",
         "ingest", "--file", str(minutes_folder / "good_one.txt"), "--json"],
        capture_output=True, text=True, timeout=300)
    assert code.returncode == 0, code.stderr
    records = json.loads(code.stdout)
    assert set(records) >= {"meetings", "attendees", "agenda_items", "interventions",
                            "decisions", "dates"}


def test_ingest_file_writes_parquet_only_with_out(minutes_folder: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--file", str(minutes_folder / "good_one.txt")]) == 0
    assert not list(tmp_path.rglob("*.parquet"))
    out = tmp_path / "out"
    assert main(["ingest", "--file", str(minutes_folder / "good_one.txt"),
                 "--out", str(out)]) == 0
    assert len(document_files(out / "meetings")) == 1


def test_ingest_bad_file_exits_nonzero_with_reason(minutes_folder: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--file", str(minutes_folder / "empty.txt")]) == 3
    err = capsys.readouterr().err
    assert "empty.txt" in err and "read" in err and "empty" in err


def test_tables_prints_the_data_dictionary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables"]) == 0
    out = capsys.readouterr().out
    for table in ("meetings", "attendees", "agenda_items", "interventions", "decisions",
                  "dates", "failures"):
        assert f"### `{table}`" in out


HEAVY = ("spacy", "thinc", "pandas", "pyarrow", "duckdb", "prefect", "pdfplumber")
_IMPORTED_AFTER_PARSING = f"""
import sys
from pipeline.cli import build_parser
try:
    build_parser().parse_args(sys.argv[1:])
except SystemExit:
    pass
print(sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r}))
"""


@pytest.mark.parametrize("argv", [[], ["--version"], ["--help"], ["ingest", "--help"],
                                  ["ingest", "--file", "minutes.pdf", "--json"],
                                  ["status"], ["serve", "--help"]])
def test_starting_the_cli_imports_no_heavy_module(argv: list[str]) -> None:
    """Version, help and parsing import none of spaCy, pandas, pyarrow, DuckDB, Prefect or
    the PDF reader: a subcommand imports them when it runs."""
    result = subprocess.run([sys.executable, "-c", _IMPORTED_AFTER_PARSING, *argv],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_a_subcommand_gets_its_arguments_when_chosen() -> None:
    from pipeline.analyst import export, query

    args = build_parser().parse_args(["query", "--csv", "SELECT 1"])
    assert args.func is query.run and args.csv and args.sql == "SELECT 1"
    args = build_parser().parse_args(["export", "out.xlsx", "--force"])
    assert args.func is export.run and args.force and args.path == Path("out.xlsx")


def test_python_dash_m_pipeline_starts_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "ingest" in result.stdout


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["ingest", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2


def test_an_output_folder_given_as_input_is_a_usage_error(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    tables = tmp_path / "tables"
    (tables / "_state").mkdir(parents=True)
    (tables / "_state" / "manifest.json").write_text("{}", encoding="utf-8")
    assert main(["ingest", str(tables), "--out", str(tables)]) == 2
    assert "holds the tables of an earlier run" in capsys.readouterr().err


def test_limit_flags_reach_the_document(minutes_folder: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    good = str(minutes_folder / "good_one.txt")
    monkeypatch.setenv("MINUTES_MAX_BYTES", "100")  # the environment refuses it ...
    assert main(["ingest", "--file", good, "--json"]) == 3
    failure = json.loads(capsys.readouterr().out)["failure"]
    assert failure["error_type"] == "too_large" and "(limit 0.0 MB)" in failure["message"]
    assert main(["ingest", "--file", good, "--json", "--max-mb", "1"]) == 0  # ... a flag wins
    capsys.readouterr()
    monkeypatch.delenv("MINUTES_MAX_BYTES")
    assert main(["ingest", "--file", good, "--json", "--max-mb", "0.0001"]) == 3
    assert json.loads(capsys.readouterr().out)["failure"]["error_type"] == "too_large"


# -- terminal output: --version, help texts, SIGPIPE, --tables, the --file summary -------------

def test_version_prints_package_and_pipeline_versions(capsys: pytest.CaptureFixture[str]) -> None:
    from models.version import PIPELINE_VERSION

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("minutes ") and f"pipeline {PIPELINE_VERSION}" in out


def _parsers(parser: argparse.ArgumentParser, name: str = "minutes"):
    """Every parser under ``parser`` (itself included), with its command name."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {sub_name}")


def test_every_argument_has_help_text() -> None:
    missing = []
    for name, parser in _parsers(build_parser(lazy=False)):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                missing += [f"{name} {c.dest}" for c in action._choices_actions if not c.help]
            elif not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, f"arguments without help text: {missing}"


def _closed_early(argv: list[str], read_first_line: bool) -> tuple[int, str]:
    """Run ``minutes argv`` with stdout a pipe its reader closes early (after one line, or
    before anything is written); its exit code and stderr."""
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    process = subprocess.Popen([sys.executable, "-m", "pipeline", *argv], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    if read_first_line:
        process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    return process.wait(timeout=300), err


@pytest.mark.parametrize("argv", [["tables"], ["--help"], ["query", "--csv", "SELECT 1"],
                                  ["query", "SELECT 1"]])
def test_a_reader_that_goes_away_ends_quietly(argv: list[str], minutes_folder: Path,
                                             tmp_path: Path) -> None:
    if argv[0] == "query":
        out = tmp_path / "tables"
        assert main(["ingest", "--file", str(minutes_folder / "good_one.txt"), "--json",
                     "--tables", str(out)]) == 0
        size = "100000" if "--csv" in argv else "300"
        argv = [*argv[:-1], "--tables", str(out), f"SELECT * FROM range({size})"]
    for read_first_line in (True, False):
        code, err = _closed_early(argv, read_first_line)
        assert "Traceback" not in err and "BrokenPipeError" not in err, err
        assert code in (0, 128 + signal.SIGPIPE), (code, err)


def test_ingest_file_prints_a_short_summary_unless_full(minutes_folder: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    good = str(minutes_folder / "good_one.txt")
    assert main(["ingest", "--file", good]) == 0
    short = capsys.readouterr().out
    assert "good_one.txt" in short and "title" in short and "date" in short
    assert "attendees" in short and "quality flags" in short and "--full" in short
    assert len(short.splitlines()) <= 10
    assert main(["ingest", "--file", good, "--full"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > len(short.splitlines())


def test_status_reads_tables_flag_and_environment(minutes_folder: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tables"
    assert main(["ingest", "--file", str(minutes_folder / "good_one.txt"), "--tables",
                 str(out)]) == 0
    capsys.readouterr()
    assert main(["status", "--tables", str(out)]) == 0
    assert f"tables in {out}" in capsys.readouterr().out
    monkeypatch.setenv("MINUTES_TABLES", str(out))
    assert main(["status"]) == 0
    assert f"tables in {out}" in capsys.readouterr().out
    assert main(["people", "--tables", str(out), "--json"]) in (0, 2)
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("command", [["status"], ["people"], ["query", "SELECT 1"]])
def test_a_missing_relative_default_says_where_it_looked(command: list[str], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MINUTES_TABLES", raising=False)
    assert main(command) == 2
    err = capsys.readouterr().err
    assert str(tmp_path / "data" / "processed") in err and "--tables" in err


def test_ingest_file_leaves_the_heap_to_the_system_at_exit(
        minutes_folder: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The collector does not walk the loaded model once more at exit (``gc.freeze`` runs as
    an exit handler); the real exit's output is checked by the subprocess test above."""
    import atexit
    import gc

    registered: list[object] = []
    monkeypatch.setattr(atexit, "register", registered.append)
    monkeypatch.setattr(atexit, "unregister", lambda handler: None)
    argv = ["ingest", "--file", str(minutes_folder / "good_one.txt"), "--json"]
    assert main(argv) == 0  # called from Python (a test, a notebook): that process goes on
    assert gc.freeze not in registered
    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["minutes", *argv])
    assert main() == 0  # the process's own command line
    assert gc.freeze in registered
    assert json.loads(capsys.readouterr().out)["meetings"]
