"""Build tables from the shared corpus and run the exploration notebook top to bottom.

The tables are built without Prefect (``process_file`` + ``ParquetStore``) into a temporary
folder, or into ``--tables DIR``; the notebook reads them through ``MINUTES_TABLES`` and is
executed with nbclient (kernel ``python3``, working folder ``notebooks/``). Its outputs are
saved in place, and the attendance plot is written to ``docs/attendance.png``.

Source paths are stored relative to the repository root (``../shared/corpus/...``) so the
saved outputs do not depend on where the checkout or the temporary folder lives.

Usage::

    .venv/bin/python scripts/run_notebook.py [--tables DIR] [--corpus DIR] [--pattern GLOB]
                                             [--no-save]
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "1.0-ccm-exploration.ipynb"
CORPUS = REPO.parent / "shared" / "corpus"
FIGURES = {"attendance": REPO / "docs" / "attendance.png"}  # cell tag -> image file


def build_tables(corpus: Path, out: Path, pattern: str = "*.txt") -> list[str]:
    """Extract every ``corpus/pattern`` file into the store at ``out``; return the failures."""
    from pipeline.batch.process import process_file
    from pipeline.batch.store import ParquetStore

    files = sorted(Path(corpus).resolve().glob(pattern))
    if not files:
        raise FileNotFoundError(f"no {pattern} files in {corpus}")
    failed = []
    out = Path(out).resolve()
    with contextlib.chdir(REPO), ParquetStore(out) as store:
        for path in files:
            outcome = process_file(os.path.relpath(path, REPO))
            if outcome.extraction is not None:
                store.write_document(outcome.extraction, text=outcome.text)
            elif outcome.failure is not None:
                store.write_failure(outcome.failure)
                failed.append(f"{path.name}: {outcome.failure.message}")
        from pipeline.registry.rebuild import rebuild
        rebuild(out)  # people, person_links and delegations, as an ingest does
    return failed


@contextlib.contextmanager
def _env(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def execute(notebook: Path, tables: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run ``notebook`` on the tables at ``tables``; raises CellExecutionError on an error."""
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(notebook.parent)}})
    with _env("MINUTES_TABLES", str(Path(tables).resolve())):
        client.execute()
    return nb


def images(nb: nbformat.NotebookNode, tag: str | None = None) -> list[bytes]:
    """The PNG outputs of the notebook (of the cells tagged ``tag`` when given)."""
    found = []
    for cell in nb.cells:
        if tag is not None and tag not in cell.metadata.get("tags", []):
            continue
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                found.append(base64.b64decode(png))
    return found


def save_figures(nb: nbformat.NotebookNode, figures: dict[str, Path]) -> list[Path]:
    """Write the first PNG of each tagged cell to its file."""
    written = []
    for tag, path in figures.items():
        pngs = images(nb, tag)
        if not pngs:
            raise ValueError(f"no image in the cell tagged {tag!r}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[0])
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Build the tables, run the notebook, save it and its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tables", type=Path,
                        help="build the tables here and keep them (default: a temporary folder)")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="folder of minutes (default ../shared/corpus)")
    parser.add_argument("--pattern", default="*.txt", help="which files (default *.txt)")
    parser.add_argument("--notebook", type=Path, default=NOTEBOOK)
    parser.add_argument("--no-save", action="store_true",
                        help="run only: do not write the notebook or the figures")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="minutes-tables-") as tmp:
        tables = args.tables or Path(tmp)
        failed = build_tables(args.corpus, tables, args.pattern)
        for line in failed:
            print(f"failed: {line}", file=sys.stderr)
        try:
            nb = execute(args.notebook, tables)
        except CellExecutionError as exc:
            print(f"{args.notebook.name}: a cell failed\n{exc}", file=sys.stderr)
            return 1
    if not args.no_save:
        nbformat.write(nb, args.notebook)
        print(f"wrote {os.path.relpath(args.notebook)} with its outputs")
        for path in save_figures(nb, FIGURES):
            print(f"wrote {os.path.relpath(path)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
