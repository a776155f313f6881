"""The scaling part of ``make bench``: one long minutes text at growing sizes through
``minutes ingest --file`` (a cold process each, default limits), with its wall time, peak
memory and characters per second, drawn as a plot in ``docs/``.

The texts are the shared corpus's ``.txt`` minutes concatenated, repeated and cut at a
paragraph break to each size; every repeat gets one distinct line, so no two parts are
byte-identical. A size that ends in a failure (a limit, say) is reported with its failure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SIZES_MB = (0.1, 0.4, 1.6, 6.4)


@dataclass
class ScalePoint:
    """One size: what was measured, or the failure it ended in."""

    size_mb: float
    chars: int
    wall_s: float
    peak_rss_mb: float
    failure: str | None = None
    startup_s: float = 0.0
    """Wall time of the same command on a one-paragraph text (process start, model load)."""

    @property
    def chars_per_s(self) -> float:
        """Characters of text per second of wall time beyond the start-up."""
        work = self.wall_s - self.startup_s
        return self.chars / work if work > 0 else 0.0


def long_text(corpus: Path, size_mb: float) -> str:
    """The corpus ``.txt`` minutes concatenated and repeated, cut at the last paragraph break
    before ``size_mb`` MB of UTF-8."""
    block = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))
                        if not p.name.upper().startswith("README"))
    target = int(size_mb * 2**20)
    parts: list[str] = []
    total, i = 0, 0
    while total < target:
        i += 1
        part = f"Benchmark part {i}.\n\n{block}\n\n"
        parts.append(part)
        total += len(part.encode("utf-8"))
    data = "".join(parts).encode("utf-8")[:target]
    text = data.decode("utf-8", errors="ignore")
    return text[:text.rfind("\n\n") + 1] if "\n\n" in text else text


def measure(corpus: Path, work: Path, run: Callable[[list[str]], Any],
            minutes: list[str], sizes: tuple[float, ...] = SIZES_MB) -> list[ScalePoint]:
    """``minutes ingest --file`` on a text of each size; ``run`` is the benchmark's
    ``run_command`` (wall time, peak memory of the process tree, parsed JSON)."""
    work.mkdir(parents=True, exist_ok=True)
    tiny = work / "one-paragraph.txt"
    tiny.write_text("Minutes of a meeting held on 3 May 2030.\n", encoding="utf-8")
    startup = run([*minutes, "ingest", "--file", str(tiny), "--json"]).wall_s
    points = []
    for size in sizes:
        text = long_text(corpus, size)
        path = work / f"long-{size:g}MB.txt"
        path.write_text(text, encoding="utf-8")
        result = run([*minutes, "ingest", "--file", str(path), "--json"])
        failure = result.output.get("failure")
        points.append(ScalePoint(
            size_mb=size, chars=len(text), wall_s=result.wall_s,
            peak_rss_mb=result.peak_rss_mb, startup_s=startup,
            failure=f"{failure['error_type']}: {failure['message']}" if failure else None))
    return points


def rows(points: list[ScalePoint]) -> list[tuple[str, str]]:
    """Rows of the benchmark table: one per size, and the spread of chars/s."""
    out = []
    if points:
        out.append(("`--file` on a one-paragraph text (start-up, subtracted below)",
                    f"{points[0].startup_s:.2f} s"))
    for p in points:
        value = (f"{p.wall_s:.1f} s, peak RSS {p.peak_rss_mb:.0f} MB, "
                 f"{p.chars_per_s:,.0f} chars/s beyond start-up")
        if p.failure:
            value += f" -- failed: {p.failure}"
        out.append((f"`--file` on a {p.size_mb:g} MB text ({p.chars:,} chars)", value))
    rates = [p.chars_per_s for p in points if not p.failure]
    if len(rates) >= 2:
        spread = (max(rates) - min(rates)) / max(rates)
        out.append(("chars/s from the smallest to the largest text",
                    f"{rates[0]:,.0f} -> {rates[-1]:,.0f} ({spread:.0%} apart; "
                    f"target within 15%)"))
    return out


def plot(points: list[ScalePoint], target: Path) -> Path:
    """Wall time and peak memory against text size, as a PNG at ``target``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    done = [p for p in points if not p.failure]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    sizes = [p.size_mb for p in done]
    left.plot(sizes, [p.wall_s for p in done], marker="o")
    left.set(xscale="log", yscale="log", xlabel="text size (MB)", ylabel="wall time (s)",
             title="time: minutes ingest --file")
    right.plot(sizes, [p.peak_rss_mb for p in done], marker="o", color="tab:orange")
    right.set_ylim(bottom=0)
    right.set(xscale="log", xlabel="text size (MB)", ylabel="peak RSS (MB)",
              title="peak memory of the process tree")
    for ax in (left, right):
        ax.set_xticks(sizes, [f"{s:g}" for s in sizes])
        ax.grid(True, alpha=0.3)
    fig.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, dpi=110)
    plt.close(fig)
    return target
