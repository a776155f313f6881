"""Batch progress: a bar with done/total, rate and ETA on a terminal; plain lines otherwise."""

from __future__ import annotations

import io

from pipeline.batch.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_when_not_on_a_terminal() -> None:
    stream = io.StringIO()
    with Progress(total=3, stream=stream) as progress:
        for name in ("a.txt", "b.docx", "c.pdf"):
            progress.advance(name)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("[1/3] ") and lines[0].endswith("a.txt")
    assert "doc/s" in lines[2] and "eta 0s" in lines[2] and lines[2].endswith("c.pdf")


def test_bar_on_a_terminal() -> None:
    stream = _Terminal()
    with Progress(total=4, label="documents", stream=stream) as progress:
        for _ in range(4):
            progress.advance("x.txt")
    shown = stream.getvalue()
    assert "documents" in shown and "4/4" in shown and "doc/s" in shown
    assert "[1/4]" not in shown  # the bar, not the plain lines
    assert "\x1b[" in shown  # drawn with terminal control codes
