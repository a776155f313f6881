"""Legacy Word (.doc) through antiword: the failure without it, its output mapped to blocks,
its timeout, and files recognised by their content rather than their name.

Real Word 97 files (``scripts/word97.py``: unformatted paragraphs) are read through antiword in
``test_format_records.py``; here a stand-in ``antiword`` on PATH prints what antiword prints
for formatting that writer cannot make (``|``-separated table rows) to test the mapping."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from extractors.errors import ReadError
from extractors.limits import Limits
from extractors.readers import parse_bytes
from tests.extractors.readers.bad_files import minutes_docx, old_word_doc

ANTIWORD_OUTPUT = """\
Minutes of the Ninth Meeting of the Harbour Board

Held at Port Elstrand on 4 March 2021.

|Delegation    |Representative        |
|Norvania      |Ms. Edda Kvarme       |
|Ostmark       |Mr. Pell Arundsen     |

1. Opening of the meeting

The Chair opened the meeting and welcomed the members.

  • First point raised by Ostmark
  • Second point raised by Norvania

It was agreed that the next meeting would take place on 6 May 2021.
"""


def fake_antiword(folder: Path, script: str) -> None:
    """Put an executable ``antiword`` running ``script`` (sh) first on PATH's folder."""
    exe = folder / "antiword"
    exe.write_text(f"#!/bin/sh\n{script}\n")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)


def test_without_antiword_the_failure_says_how_to_install_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no antiword on it
    with pytest.raises(ReadError) as err:
        parse_bytes(old_word_doc(), "doc", "minutes.doc")
    assert err.value.error_type == "converter_missing"
    assert "apt-get install antiword" in err.value.message
    assert "make run" in err.value.message


def test_antiword_output_becomes_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out.txt").write_text(ANTIWORD_OUTPUT, encoding="utf-8")
    fake_antiword(tmp_path, f'test -f "$5" && cat "{tmp_path / "out.txt"}"')
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    doc = parse_bytes(old_word_doc(), "doc", "minutes.doc")
    assert doc.source_format == "doc" and doc.metadata["converter"] == "antiword"
    kinds = [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]
    assert ("table_row", "Norvania\tMs. Edda Kvarme") in kinds
    assert ("list_item", "First point raised by Ostmark") in kinds
    assert ("paragraph", "The Chair opened the meeting and welcomed the members.") in kinds


def test_antiword_that_hangs_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_antiword(tmp_path, "exec sleep 30")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(ReadError) as err:
        parse_bytes(old_word_doc(), "doc", "minutes.doc", Limits(timeout_s=1))
    assert err.value.error_type == "timeout"


def test_antiword_refusal_is_a_named_failure() -> None:
    if not any((Path(p) / "antiword").exists() for p in os.environ["PATH"].split(os.pathsep)):
        pytest.skip("antiword is not installed")
    with pytest.raises(ReadError) as err:
        parse_bytes(old_word_doc(), "doc", "minutes.doc")
    assert err.value.error_type == "corrupt_doc"
    assert "antiword" in err.value.message


@pytest.mark.parametrize("named", ["doc", "docx", "odt", "rtf", "html"])
def test_a_word_file_is_read_as_what_it_is(named: str) -> None:
    doc = parse_bytes(minutes_docx(), named, f"minutes.{named}")
    assert doc.source_format == "docx"
    assert "It was agreed that the next meeting" in doc.text


def test_antiword_crash_is_a_named_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_antiword(tmp_path, "kill -SEGV $$")
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(ReadError) as err:
        parse_bytes(old_word_doc(), "doc", "minutes.doc")
    assert err.value.error_type == "corrupt_doc" and "signal 11" in err.value.message
