"""Batch progress: a rich bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress


class Progress:
    """Counts documents done out of a total, with rate and ETA."""

    def __init__(self, total: int, label: str = "documents", stream=None) -> None:
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.done = 0
        self._start = time.monotonic()
        self._bar: RichProgress | None = None
        self._task = None

    def __enter__(self) -> Progress:
        if self.stream.isatty() and self.total:
            self._bar = RichProgress(
                TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(file=self.stream, force_terminal=True), transient=False)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total, rate="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, name: str = "") -> None:
        """Mark one document done."""
        self.done += 1
        elapsed = max(time.monotonic() - self._start, 1e-9)
        rate = self.done / elapsed
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=f"{rate:.2f} doc/s")
        else:
            eta = (self.total - self.done) / rate if rate else 0.0
            print(f"[{self.done}/{self.total}] {rate:.2f} doc/s, eta {eta:.0f}s  {name}",
                  file=self.stream, flush=True)
