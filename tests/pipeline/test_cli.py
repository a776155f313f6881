"""The ``minutes`` CLI as a testable ``main(argv)``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main


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
    assert len(list((out / "meetings").glob("[!_]*.parquet"))) == 1


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


def test_python_dash_m_pipeline_starts_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "ingest" in result.stdout


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["ingest", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2


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
