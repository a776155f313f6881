"""Query results on a terminal: a table when the rows fit its width, one field per line
(record by record, like psql's ``\\x``) when they do not, and a pager for long output.

Words are never broken: a vertical value is wrapped at spaces only (a word longer than the
line stays whole), and the table layout is chosen only when every column fits whole.
"""

from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import TextIO

DEFAULT_PAGER = "less -FRX"
_NUMERIC = ("INT", "BIGINT", "HUGEINT", "DOUBLE", "FLOAT", "DECIMAL", "SMALLINT", "TINYINT",
            "UBIGINT", "UINTEGER", "INTEGER", "REAL")


def terminal_size() -> os.terminal_size:
    """The terminal's columns and lines (``COLUMNS``/``LINES``, else 80 x 24 when piped)."""
    return shutil.get_terminal_size()


def table_width(columns: list[str], cells: list[list[str]]) -> int:
    """Characters a boxed table of these (already cut) cells takes: "│ a │ b │"."""
    widths = [len(name) for name in columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    return sum(widths) + 3 * len(widths) + 1


def fits(columns: list[str], cells: list[list[str]], width: int) -> bool:
    """Whether the table of ``cells`` fits ``width`` columns with no cell folded."""
    return table_width(columns, cells) <= width


def render_vertical(columns: list[str], cells: list[list[str]], width: int) -> str:
    """Every record as a block of ``name | value`` lines, values wrapped at spaces."""
    label = max((len(c) for c in columns), default=0)
    room = max(width - label - 3, 20)
    lines: list[str] = []
    for number, row in enumerate(cells, 1):
        head = f"-[ RECORD {number} ]"
        lines.append(head + "-" * max(width - len(head) - 1, 0))
        for name, value in zip(columns, row, strict=True):
            parts = textwrap.wrap(value, room, break_long_words=False,
                                  break_on_hyphens=False) or [""]
            lines.append(f"{name:<{label}} | {parts[0]}")
            lines.extend(f"{'':<{label}} | {part}" for part in parts[1:])
    lines.append(f"({len(cells)} row{'s' * (len(cells) != 1)})")
    return "\n".join(lines) + "\n"


def render_table(columns: list[str], types: list[str], cells: list[list[str]],
                 nulls: list[list[bool]], width: int, color: bool) -> str:
    """The rows as a rich table ``width`` columns wide (cells never folded mid-word)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, caption=f"{len(cells)} row{'s' * (len(cells) != 1)}")
    for name, kind in zip(columns, types, strict=True):
        right = str(kind).upper().startswith(_NUMERIC)
        table.add_column(Text(name), justify="right" if right else "left", overflow="fold")
    for row, null in zip(cells, nulls, strict=True):
        table.add_row(*(Text(c, style="dim" if n else "") for c, n in zip(row, null,
                                                                           strict=True)))
    buffer = io.StringIO()
    Console(file=buffer, width=width, force_terminal=color, no_color=not color,
            highlight=False).print(table)
    return buffer.getvalue()


def _pager_command() -> list[str]:
    return shlex.split(os.environ.get("PAGER") or DEFAULT_PAGER)


def show(text: str, stream: TextIO | None = None,
         run: Callable[..., object] = subprocess.run) -> None:
    """Write ``text``; through ``$PAGER`` (default ``less -FRX``) when the stream is a
    terminal and the text is taller than it. Never pages piped output."""
    stream = stream or sys.stdout
    tall = text.count("\n") > terminal_size().lines - 1
    if tall and stream.isatty():
        try:
            stream.flush()
            run(_pager_command(), input=text, text=True, check=False)
            return
        except OSError:  # no such pager: print as is
            pass
    stream.write(text)
    stream.flush()
