"""Benchmark the batch pipeline (``make bench``): speed, memory and overheads, as ratios
measured in one session.

It builds a corpus of at least 500 documents in all three formats by replicating the
shared corpus (every copy gets one distinct sentence, "Benchmark copy N.", so every file
has its own content hash), then measures:

* a full batch run with 2 workers (``minutes ingest --json`` in a child process):
  documents/s and pages/s overall and per format, seconds per stage (read, NLP, rules,
  write, orchestration), and the peak memory of the whole process tree (sum of PSS,
  sampled every 0.2 s; the RSS sum, which counts shared pages once per process, too);
* the same batch with 1 worker, for the speed-up from 1 to 2 workers;
* a rerun with nothing changed, as a share of the full run;
* in this process, on a sample of the documents: the full pipeline (read + extract) against
  the bare spaCy pipeline (the stock English model, no reader, no rules) on the same text;
* our PDF reader against ``pdftotext`` (poppler-utils) on the same PDF files;
* ``minutes ingest --file`` on a 10-page PDF from a cold process (median of 3);
* scaling (``scripts/bench_scaling.py``): ``--file`` on 0.1, 0.4, 1.6 and 6.4 MB texts, with
  time, peak memory and chars/s, drawn in ``docs/bench-scaling.png``.

Usage::

    .venv/bin/python scripts/bench.py [--copies 34] [--work build/bench] [--readme]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_scaling

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FORMATS = ("txt", "docx", "pdf")
MINUTES = [str(ROOT / ".venv" / "bin" / "minutes")]


# -- building the corpus -------------------------------------------------------------------
def _marker(i: int) -> str:
    return f"Benchmark copy {i}."


def _copy_txt(src: Path, i: int) -> bytes:
    return src.read_bytes().rstrip() + f"\n\n{_marker(i)}\n".encode()


def _copy_docx(src: Path, i: int) -> bytes:
    import docx

    document = docx.Document(str(src))
    document.add_paragraph(_marker(i))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _stamp(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    pdf.set_xy(20, 285)
    pdf.cell(text=text)
    return bytes(pdf.output())


def _copy_pdf(src: Path, i: int) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(src)))
    stamp = PdfReader(io.BytesIO(_stamp(_marker(i)))).pages[0]
    writer.pages[-1].merge_page(stamp)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


COPIERS = {"txt": _copy_txt, "docx": _copy_docx, "pdf": _copy_pdf}


def build_corpus(src: Path, dest: Path, copies: int) -> list[Path]:
    """``copies`` distinct copies of every corpus document in every format under ``dest``."""
    if dest.exists():
        shutil.rmtree(dest)
    written = []
    for fmt in FORMATS:
        folder = dest / fmt
        folder.mkdir(parents=True)
        for source in sorted(src.glob(f"*.{fmt}")):
            if source.name.endswith(".scan.pdf"):
                continue
            for i in range(copies):
                target = folder / f"{source.stem}_copy{i:03d}.{fmt}"
                target.write_bytes(COPIERS[fmt](source, i))
                written.append(target)
    return written


def ten_page_pdf(src: Path, dest: Path) -> Path:
    """The first 10 pages of the longest corpus PDF."""
    from pypdf import PdfReader, PdfWriter

    longest = max((p for p in src.glob("*.pdf") if not p.name.endswith(".scan.pdf")),
                  key=lambda p: len(PdfReader(str(p)).pages))
    reader = PdfReader(str(longest))
    if len(reader.pages) < 10:
        raise SystemExit(f"no corpus PDF has 10 pages (longest: {longest.name})")
    writer = PdfWriter()
    for page in reader.pages[:10]:
        writer.add_page(page)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("wb") as fh:
        writer.write(fh)
    return dest


# -- measuring runs ------------------------------------------------------------------------
@dataclass
class Run:
    """One ``minutes`` command: its wall time, peak memory and JSON output."""

    wall_s: float
    peak_pss_mb: float
    peak_rss_mb: float
    output: dict = field(default_factory=dict)


def _tree_memory(proc: psutil.Process) -> tuple[float, float]:
    pss = rss = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
            pss += getattr(info, "pss", info.rss)
            rss += info.rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return pss / 2**20, rss / 2**20


def run_command(args: list[str]) -> Run:
    """Run a command, sampling its process tree's memory; parse its JSON stdout."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)
    watched = psutil.Process(proc.pid)
    peak = [0.0, 0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                pss, rss = _tree_memory(watched)
                peak[0], peak[1] = max(peak[0], pss), max(peak[1], rss)
            except psutil.NoSuchProcess:
                return
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{stderr[-2000:]}")
    start = stdout.find("{")
    output = json.loads(stdout[start:]) if start >= 0 else {}
    return Run(wall, peak[0], peak[1], output)


def ingest(corpus: Path, out: Path, workers: int, fresh: bool = True) -> Run:
    """``minutes ingest corpus --out out --workers N --json``."""
    if fresh and out.exists():
        shutil.rmtree(out)
    return run_command([*MINUTES, "ingest", str(corpus), "--out", str(out), "--json",
                        "--workers", str(workers)])


# -- in-process comparisons ----------------------------------------------------------------
def sample_files(files: list[Path], per_format: int) -> list[Path]:
    """Up to ``per_format`` files of each format, spread over the corpus stems."""
    chosen = []
    for fmt in FORMATS:
        mine = [f for f in files if f.suffix == f".{fmt}"]
        step = max(1, len(mine) // per_format)
        chosen += mine[::step][:per_format]
    return chosen


def pipeline_vs_spacy(files: list[Path]) -> tuple[float, float, float]:
    """Seconds of the full pipeline (read + extract), of the bare stock spaCy pipeline, and
    of the stock pipeline without the components ours does not run over the whole text
    (the lemmatizer, which no rule reads, and the entity recogniser, which runs only where a
    rule asks: ``extractors/entities.py``), on the same texts, in this process (all warmed
    up first)."""
    import spacy

    from extractors.entities import NER
    from extractors.extract import extract
    from extractors.nlp import MODEL
    from extractors.readers import read_document
    from pipeline.batch.warm import warm

    warm()
    bare = spacy.load(MODEL)
    bare("Warm up the stock pipeline.")
    same = spacy.load(MODEL, exclude=["lemmatizer", NER])
    same("Warm up the stock pipeline.")
    full_s = bare_s = same_s = 0.0
    for path in files:
        started = time.perf_counter()
        document = read_document(path)
        extract(document)
        full_s += time.perf_counter() - started
        started = time.perf_counter()
        bare(document.text)
        bare_s += time.perf_counter() - started
        started = time.perf_counter()
        same(document.text)
        same_s += time.perf_counter() - started
    return full_s, bare_s, same_s


def pdf_vs_pdftotext(files: list[Path]) -> tuple[float, float] | None:
    """Seconds of our PDF reader and of ``pdftotext`` over the same files, or None when
    poppler-utils is not installed."""
    if shutil.which("pdftotext") is None:
        return None
    from extractors.readers import read_document

    ours = theirs = 0.0
    for path in files:
        started = time.perf_counter()
        read_document(path)
        ours += time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                       stdout=subprocess.DEVNULL)
        theirs += time.perf_counter() - started
    return ours, theirs


def cold_file_run(pdf: Path, repeats: int = 3) -> list[float]:
    """Wall seconds of ``minutes ingest --file pdf --json`` from a fresh process each time."""
    walls = []
    for _ in range(repeats):
        walls.append(run_command([*MINUTES, "ingest", "--file", str(pdf), "--json"]).wall_s)
    return walls


# -- the report ----------------------------------------------------------------------------
def machine() -> str:
    """A one-line description of this machine."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def _table(results: dict, rows: list[tuple[str, str]]) -> str:
    lines = [f"Measured {results['date']} on {results['machine']}; "
             f"command: `{results['command']}`.", "",
             "| measure | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in rows]
    return "\n".join(lines)


def report(results: dict) -> str:
    """The Markdown table of one benchmark run."""
    if "full" not in results:  # --only scaling
        return _table(results, bench_scaling.rows(results["scaling"]))
    full, one, rerun = results["full"], results["one_worker"], results["rerun"]
    workers = results["workers"]
    secs = full.output.get("seconds", {})
    stage_total = sum(secs.get(k, 0.0) for k in ("read", "nlp", "rules", "write"))
    people = full.output.get("people_s", 0.0)  # one process, once, after the documents
    orchestration = workers * full.wall_s - stage_total - workers * people
    bare_extraction = sum(secs.get(k, 0.0) for k in ("read", "nlp", "rules"))
    overhead = orchestration + secs.get("write", 0.0)
    docs = full.output.get("written", 0)
    pages = sum(v["pages"] for v in full.output.get("formats", {}).values())
    rows = [
        ("documents in the batch", f"{results['n_files']} ({results['copies']} copies of "
                                   f"{results['n_files'] // results['copies']} files), "
                                   f"{docs} written, {full.output.get('failed')} failed"),
        (f"full run, {workers} workers: wall", f"{full.wall_s:.1f} s"),
        ("documents/s, all formats", f"{docs / full.wall_s:.2f}"),
        ("pages/s, all formats", f"{pages / full.wall_s:.2f}"),
    ]
    for fmt, per in sorted(full.output.get("formats", {}).items()):
        rate = per["documents"] / per["seconds"] * workers
        rows.append((f"documents/s, {fmt} (per-document seconds, {workers} workers)",
                     f"{rate:.2f} docs/s, {per['pages'] / per['seconds'] * workers:.2f} "
                     f"pages/s ({per['documents']} docs, {per['pages']} pages)"))
    for stage in ("read", "nlp", "rules", "write"):
        rows.append((f"seconds in {stage} (summed over documents)", f"{secs.get(stage, 0):.1f}"))
    rows += [
        ("seconds deriving the people tables (once, after the documents)", f"{people:.1f}"),
        ("seconds in orchestration (workers x (wall - people) - stages)",
         f"{orchestration:.1f}"),
        ("orchestration and I/O over bare extraction (read+nlp+rules)",
         f"+{overhead / bare_extraction:.1%} (target <= 15%); with the people tables "
         f"+{(overhead + workers * people) / bare_extraction:.1%}"),
        ("peak memory of the process tree, PSS (RSS sum)",
         f"{full.peak_pss_mb:.0f} MB ({full.peak_rss_mb:.0f} MB) (target < 1536 MB)"),
        ("full pipeline / bare spaCy on the same text",
         f"{results['full_s'] / results['bare_s']:.2f}x "
         f"({results['full_s']:.1f} s / {results['bare_s']:.1f} s, "
         f"{results['sample']} documents, one process) (target <= 1.10x)"),
        ("full pipeline / stock spaCy less NER and lemmatizer (what ours runs on every token)",
         f"{results['full_s'] / results['same_s']:.2f}x "
         f"({results['full_s']:.1f} s / {results['same_s']:.1f} s)"),
    ]
    if results.get("pdf") is not None:
        ours, theirs = results["pdf"]
        rows.append(("PDF reader / pdftotext -layout on the same files",
                     f"{ours / theirs:.2f}x ({ours:.1f} s / {theirs:.1f} s, "
                     f"{results['pdf_files']} PDFs)"))
    else:
        rows.append(("PDF reader / pdftotext", "pdftotext not installed"))
    rows += [
        ("speed-up from 1 to 2 workers (wall)",
         f"{one.wall_s / full.wall_s:.2f}x ({one.wall_s:.1f} s / {full.wall_s:.1f} s; "
         f"extraction phase {one.output.get('extract_wall_s', 0):.1f} s / "
         f"{full.output.get('extract_wall_s', 0):.1f} s) (target >= 1.7x)"),
        ("no-change rerun / full run",
         f"{rerun.wall_s / full.wall_s:.1%} ({rerun.wall_s:.1f} s; "
         f"{rerun.output.get('unchanged')} unchanged, flow run: "
         f"{rerun.output.get('flow_run')}) (target <= 5%)"),
        ("`minutes ingest --file` on a 10-page PDF, cold process",
         f"{statistics.median(results['cold']):.2f} s median of "
         f"{', '.join(f'{w:.2f}' for w in results['cold'])} (target < 2 s)"),
    ]
    rows += bench_scaling.rows(results.get("scaling", []))
    return _table(results, rows)


def update_readme(table: str, readme: Path = ROOT / "README.md") -> None:
    """Replace the README's ``<!-- bench:start -->`` ... ``<!-- bench:end -->`` section."""
    text = readme.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start not in text:
        raise SystemExit("README.md has no <!-- bench:start --> marker")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{table}\n{end}{tail}", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus, run every measurement, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=34,
                        help="copies of each corpus file per format (34 -> 510 documents)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--sample", type=int, default=10,
                        help="documents per format for the in-process comparisons")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--readme", action="store_true", help="write the table into README")
    parser.add_argument("--json", type=Path, help="also save the raw figures here")
    parser.add_argument("--only", choices=["scaling"],
                        help="run only this part (the scaling texts)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"bench: corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    say = lambda msg: print(f"[bench] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    results: dict = {"copies": args.copies, "workers": args.workers,
                     "date": date.today().isoformat(), "machine": machine(),
                     "command": "make bench" if not args.only
                     else f"scripts/bench.py --only {args.only}"}
    if args.only != "scaling":
        _batch_measures(args, results, say)
    say("scaling: --file on long texts ...")
    results["scaling"] = bench_scaling.measure(args.corpus, args.work / "scaling", run_command,
                                               MINUTES)
    bench_scaling.plot(results["scaling"], ROOT / "docs" / "bench-scaling.png")
    table = report(results)
    print(table)
    if args.json:
        raw = {k: (vars(v) if isinstance(v, Run) else v) for k, v in results.items()}
        raw["scaling"] = [vars(p) for p in results["scaling"]]
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(raw, indent=1, default=str), encoding="utf-8")
    if args.readme and not args.only:
        update_readme(table)
        say("README.md updated")
    return 0


def _batch_measures(args: argparse.Namespace, results: dict,
                    say: Callable[[str], None]) -> None:
    """The batch runs, the in-process comparisons and the cold ``--file`` runs."""
    corpus = args.work / "corpus"
    files = build_corpus(args.corpus, corpus, args.copies)
    say(f"built {len(files)} documents under {corpus}")
    results["n_files"] = len(files)
    say(f"full run with {args.workers} workers ...")
    results["full"] = ingest(corpus, args.work / "out", args.workers)
    say(f"  {results['full'].wall_s:.1f} s; no-change rerun ...")
    results["rerun"] = ingest(corpus, args.work / "out", args.workers, fresh=False)
    say("full run with 1 worker ...")
    results["one_worker"] = ingest(corpus, args.work / "out1", 1)
    say(f"  {results['one_worker'].wall_s:.1f} s; in-process comparisons ...")
    chosen = sample_files(files, args.sample)
    results["sample"] = len(chosen)
    results["full_s"], results["bare_s"], results["same_s"] = pipeline_vs_spacy(chosen)
    pdfs = [f for f in chosen if f.suffix == ".pdf"]
    results["pdf_files"] = len(pdfs)
    results["pdf"] = pdf_vs_pdftotext(pdfs)
    say("cold --file runs ...")
    results["cold"] = cold_file_run(ten_page_pdf(args.corpus, args.work / "ten_pages.pdf"))


if __name__ == "__main__":
    raise SystemExit(main())
