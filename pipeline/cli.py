"""The ``minutes`` command line: ``ingest``, ``serve``, ``eval``, ``query``, ``export``,
``people``, ``review``, ``tables``, ``status``.

Starting it imports little: the parser is built from light modules, a subcommand's own module
(and whatever it needs: spaCy, DuckDB, Prefect) is imported when that subcommand is chosen, so
``minutes --version`` and ``--help`` answer at once and ``minutes ingest --file`` starts reading
its file before spaCy is imported (``pipeline.batch.guard``)."""

from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.analyst.tables_folder import TABLES_ENV, default_tables, no_tables_message
from pipeline.batch.stopping import StoppedBeforeStart
from pipeline.exit_codes import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    exit_for_signal,
)

if TYPE_CHECKING:
    from extractors.limits import Limits
    from models.records import Extraction


def _ingest_file(args: argparse.Namespace) -> int:
    """One file, extractors called directly: no Prefect, no server. With ``--out`` the
    store is opened (and its lock taken) first, so a folder another run is writing is
    refused before the file is read."""
    from contextlib import nullcontext

    from pipeline.batch.guard import process_guarded
    from pipeline.batch.store import ParquetStore

    if args.argv is None:  # this process's own command line: it ends when main returns
        _exit_without_collecting()
    limits = _limits(args)
    path = Path(args.file)  # keyed as a folder ingest keys it: folder resolved, name kept
    with ParquetStore(args.out) if args.out else nullcontext() as store:
        outcome = process_guarded(Path(os.path.realpath(path.parent)) / path.name, limits)
        if store is not None:
            if outcome.extraction is not None:
                store.write_document(outcome.extraction, text=outcome.text)
            elif outcome.failure is not None:
                store.write_failure(outcome.failure)
            from pipeline.registry.rebuild import rebuild_after_batch
            for warning in rebuild_after_batch(args.out).warnings:  # people follow the document
                print(f"minutes ingest: {warning}", file=sys.stderr)
    if outcome.failure is not None:
        failure = outcome.failure
        if args.json:
            print(json.dumps({"failure": vars(failure)}, indent=1))
        else:
            print(f"{failure.source_path}: failed at {failure.stage} "
                  f"({failure.error_type}): {failure.message}", file=sys.stderr)
        return EXIT_SOME_FAILED
    extraction = outcome.extraction
    assert extraction is not None
    if args.json:
        print(json.dumps(extraction.to_dict(), indent=1, default=str, ensure_ascii=False))
    elif args.full:
        from pipeline.batch.summary import print_extraction
        print_extraction(extraction)
        if args.out:
            print(f"wrote {extraction.meeting.doc_id} to {args.out}")
    else:
        print(file_summary(extraction))
        if args.out:
            print(f"wrote {extraction.meeting.doc_id} to {args.out}")
    return EXIT_OK


def _exit_without_collecting() -> None:
    """At this process's exit, leave the heap to the operating system instead of letting the
    collector walk it once more: with the spaCy model loaded that walk takes about 0.2 s of
    a ``minutes ingest --file`` run. Exit handlers still run and output is still flushed;
    only objects in reference cycles are not finalised (as at any exit, Python promises no
    more)."""
    import atexit
    import gc

    atexit.unregister(gc.freeze)  # once, however often this is called in one process
    atexit.register(gc.freeze)


def file_summary(extraction: Extraction) -> str:
    """A few lines on one extracted file: the meeting's facts, rows per table, flags."""
    meeting = extraction.meeting
    facts = {"title": meeting.title, "type": meeting.meeting_type,
             "date": meeting.meeting_date, "venue": meeting.venue}
    lines = [f"{meeting.source_path} ({meeting.source_format}, {meeting.n_pages} "
             f"page{'s' * (meeting.n_pages != 1)}, doc_id {meeting.doc_id})"]
    lines += [f"  {name:<6} {'-' if value is None else value}" for name, value in facts.items()]
    counts = {name: len(rows) for name, rows in extraction.tables().items()
              if name not in ("meetings", "quality_flags")}
    lines.append("  rows   " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    flags = extraction.quality_flags
    kinds = sorted({flag.kind for flag in flags if flag.kind})
    lines.append(f"  quality flags {len(flags)}" + (f" ({', '.join(kinds)})" if kinds else ""))
    lines.append("(--full lists every record, --json prints them as JSON)")
    return "\n".join(lines)


def _limits(args: argparse.Namespace) -> Limits:
    """The per-document limits: defaults, then ``MINUTES_*`` variables, then the flags."""
    from extractors.limits import limits_from_env, limits_from_mapping

    given = {"timeout_s": args.timeout, "memory_mb": args.max_memory,
             "max_pages": args.max_pages, "max_chars": args.max_chars,
             "max_bytes": None if args.max_mb is None else args.max_mb * 2**20}
    return limits_from_mapping({k: v for k, v in given.items() if v is not None},
                               limits_from_env())


def _ingest_folder(args: argparse.Namespace) -> int:
    from pipeline.batch.plan import nothing_to_do
    from pipeline.batch.store import ParquetStore

    if not Path(args.folder).is_dir():
        why = ("is a file, not a folder (`minutes ingest --file` reads one file)"
               if Path(args.folder).exists() else "not found")
        print(f"minutes ingest: input folder {args.folder} {why}", file=sys.stderr)
        return EXIT_USAGE
    from pipeline.batch.discover import is_store

    if is_store(Path(args.folder)):
        print(f"minutes ingest: input folder {args.folder} holds the tables of an earlier run "
              f"(an output folder is never input); give the folder of minutes and --out for "
              f"the tables", file=sys.stderr)
        return EXIT_USAGE
    out = args.out or default_tables()
    args.out = out
    limits = asdict(_limits(args))
    idle = None if args.force else nothing_to_do(args.folder, out, args.prune)
    if idle is not None:  # every file unchanged: no need to import or start Prefect
        from pipeline.registry.paths import is_stale
        if is_stale(out):  # e.g. an edited people_aliases.tsv: people are derived again
            from pipeline.registry.rebuild import rebuild_if_stale
            rebuilt = rebuild_if_stale(out)
            for warning in rebuilt.warnings if rebuilt else []:
                print(f"minutes ingest: {warning}", file=sys.stderr)
        return _print_summary(idle.to_dict(), args.json)
    with ParquetStore(out):  # before Prefect: an output that cannot be written, or that
        pass  # another run holds, is said in a sentence at once (see main)
    from pipeline.batch.serve import served_api_url

    served = served_api_url()  # `minutes serve` is running: use its server, start none
    if served:
        os.environ["PREFECT_API_URL"] = served
    if not args.verbose:
        from pipeline.batch.quiet_logs import log_to_file, quiet_prefect_console
        quiet_prefect_console()  # before Prefect is imported
    from pipeline.batch.flows.ingest import run_ingest

    if not args.verbose:
        from pipeline.batch.serve import prefect_home
        log_to_file(prefect_home())

    summary = run_ingest(args.folder, out, force=args.force, workers=args.workers,
                         dask_address=args.dask, limits=limits, prune=args.prune,
                         idle_checked=True)
    return _print_summary(summary, args.json)


def _print_summary(summary: dict[str, Any], as_json: bool) -> int:
    """Print a batch summary (and why it stopped early, if it did); the exit code it
    calls for."""
    from pipeline.errors import explain_summary_error

    stopped = None
    if summary.get("error"):
        stopped = explain_summary_error(summary["error"], str(summary["out"]))
    if as_json:
        print(json.dumps(summary, indent=1))
    else:
        print(f"{summary['files']} files: {summary['new']} new, {summary['changed']} changed, "
              f"{summary['unchanged']} unchanged; written {summary['written']}, "
              f"failed {summary['failed']} -> {summary['out']}")
        if summary.get("pruned"):
            print(f"pruned the rows of {summary['pruned']} sources no longer in the folder")
        if summary.get("missing"):
            print(f"{summary['missing']} known sources are no longer in the folder; their rows "
                  f"are kept (`minutes ingest --prune` removes them)")
        if summary.get("duplicates"):
            print(f"{summary['duplicates']} files are another copy of a meeting in the tables "
                  f"(meetings.duplicate_of; `minutes query` counts each meeting once)")
        if not summary.get("flow_run", True):
            print("nothing changed since the last run (no flow run started)")
        for f in summary["failures"]:
            print(f"  failed: {f['source_path']} [{f['stage']}/{f['error_type']}] "
                  f"{f['message']}")
        if summary.get("interrupted"):
            done = summary["written"] + summary["failed"]
            print(f"interrupted by {summary['interrupted']}: {summary['not_processed']} "
                  f"files not processed (the next run takes them); the {done} finished "
                  f"are in the tables")
    if stopped is not None:
        print(f"minutes ingest: stopped: {stopped[0]}", file=sys.stderr)
        return stopped[1]
    if summary.get("interrupted"):
        return exit_for_signal(signal.Signals[summary["interrupted"]])
    return EXIT_SOME_FAILED if summary["failed"] else EXIT_OK


def cmd_ingest(args: argparse.Namespace) -> int:
    """``minutes ingest``."""
    return _ingest_file(args) if args.file else _ingest_folder(args)


def cmd_serve(args: argparse.Namespace) -> int:
    """``minutes serve``: a local Prefect server and the scheduled deployment, as one."""
    from pipeline.batch import serve

    if args.stop:
        stopped = serve.stop()
        print("stopped the deployment and the server" if stopped
              else f"nothing is being served (no {serve.state_path()})")
        return EXIT_OK
    if not Path(args.folder).is_dir():
        print(f"minutes serve: input folder not found: {args.folder}", file=sys.stderr)
        return EXIT_USAGE
    folder, out = str(Path(args.folder).resolve()), str(Path(args.out).resolve())
    try:
        if args.detach:
            api_url = os.environ.get("PREFECT_API_URL") or f"http://127.0.0.1:{args.port}/api"
            argv = [a for a in sys.argv[1:] if a != "--detach"] if args.argv is None \
                else [a for a in args.argv if a != "--detach"]
            pid = serve.detach(argv, api_url, f"{serve.FLOW_NAME}/{args.name}")
            print(f"serving {serve.FLOW_NAME}/{args.name} in the background (pid {pid}); UI "
                  f"{api_url.removesuffix('/api')}; `minutes status` shows the schedule, "
                  f"`minutes serve --stop` stops it")
            return EXIT_OK
        serve.serve(folder, out, args.name, None if args.interval else args.cron,
                    args.interval, args.port, args.prune)
    except serve.ServeError as exc:
        print(f"minutes serve: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    """``minutes eval``."""
    from pipeline.evaluation import evaluate
    return evaluate.run(args)


def cmd_tables(args: argparse.Namespace) -> int:
    """``minutes tables``: the data dictionary."""
    from models.schemas import data_dictionary
    print(data_dictionary())
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    """``minutes status``: rows per table in an output folder."""
    from models.records import DERIVED_TABLES, TABLES
    from pipeline.batch.store import ParquetStore

    out = Path(args.out)
    if not out.is_dir():
        print(f"minutes status: {no_tables_message(out)}", file=sys.stderr)
        return EXIT_USAGE
    store = ParquetStore(out)
    print(f"tables in {out}:")
    for table in [*TABLES, *DERIVED_TABLES]:
        n = store.read_table(table).num_rows
        print(f"  {table:<14} {n:>6} rows   {out / table}/*.parquet")
    _print_schedule()
    return EXIT_OK


def cmd_people(args: argparse.Namespace) -> int:
    """``minutes people``: a missing tables folder is said with where it was looked for."""
    from pipeline.analyst import people

    if not Path(args.out).is_dir():
        print(f"minutes people: {no_tables_message(args.out)}", file=sys.stderr)
        return EXIT_USAGE
    return people.run(args)


def _print_schedule() -> None:
    """The served deployment's next and last runs, when ``minutes serve`` is running (or
    ``PREFECT_API_URL`` names a server)."""

    from pipeline.batch import serve

    state = serve.read_state() or {}
    api_url = os.environ.get("PREFECT_API_URL") or state.get("api_url")
    if not api_url:
        print("schedule: not served (`make serve` or `minutes serve` starts it)")
        return
    deployment = state.get("deployment") or f"{serve.FLOW_NAME}/scheduled"
    try:
        lines = serve.schedule_lines(api_url, deployment)
    except (OSError, ValueError, KeyError) as exc:
        print(f"schedule: {deployment} not found on {api_url} ({exc})")
        return
    print("\n".join(lines))


def _bounded(kind: type, least: float, allowed: str) -> Any:
    """An argparse type: a finite number of ``kind`` not below ``least``; anything else is a
    usage error (exit 2) that says what is ``allowed``."""

    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < least:
            raise argparse.ArgumentTypeError(f"'{text}' is not {allowed}")
        return value

    return parse


class _Subcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose arguments are added from their own module when they are chosen (or
    their help is asked for), so that parsing one subcommand imports no other's module."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pending: dict[str, Callable[[argparse.ArgumentParser], None]] = {}

    def add_later(self, name: str, add_arguments: Callable[[argparse.ArgumentParser], None],
                  **kwargs: Any) -> argparse.ArgumentParser:
        """A subcommand whose arguments ``add_arguments`` adds when it is first parsed."""
        parser = self.add_parser(name, **kwargs)
        self._pending[name] = add_arguments
        return parser

    def complete(self, name: str) -> None:
        """Add subcommand ``name``'s arguments if they are still pending."""
        add_arguments = self._pending.pop(name, None)
        if add_arguments is not None:
            add_arguments(self.choices[name])

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        if values:
            self.complete(values[0])
        super().__call__(parser, namespace, values, option_string)


def _arguments_of(module: str, run: str | None = None
                  ) -> Callable[[argparse.ArgumentParser], None]:
    """Adds the arguments that ``module.add_arguments`` defines (and, given ``run``, makes
    ``module.<run>`` the subcommand's function), importing ``module`` only then."""

    def add(parser: argparse.ArgumentParser) -> None:
        imported = importlib.import_module(module)
        imported.add_arguments(parser)
        if run is not None:
            parser.set_defaults(func=getattr(imported, run))

    return add


class _Version(argparse.Action):
    """``--version``: the versions are looked up when it is given, not on every start."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        print(version_text())
        parser.exit()


def build_parser(lazy: bool = True) -> argparse.ArgumentParser:
    """The argument parser of every subcommand. ``lazy``: the arguments of ``eval``,
    ``query``, ``export``, ``people`` and ``review`` are added (and their modules imported)
    only when one of them is parsed; with ``lazy=False`` all are added at once."""
    from extractors.limits import DEFAULT_LIMITS as defaults

    parser = argparse.ArgumentParser(
        prog="minutes", description="Meeting minutes (text, Word, PDF) to Parquet tables.")
    parser.add_argument("--version", action=_Version,
                        help="print the package and pipeline versions and exit")
    sub = parser.add_subparsers(dest="command", required=True, action=_Subcommands)

    ingest = sub.add_parser("ingest", help="extract a folder (Prefect flow) or one --file")
    ingest.add_argument("folder", nargs="?", default="data/raw",
                        help="folder of minutes (default data/raw)")
    ingest.add_argument("--file", help="extract this one file directly, without Prefect")
    ingest.add_argument("--out", "--tables", dest="out", metavar="DIR",
                        help=f"output folder of the tables (default ${TABLES_ENV} or "
                             f"data/processed for a folder; with --file, write Parquet only "
                             f"when given)")
    shown = ingest.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="machine-readable output")
    shown.add_argument("--full", action="store_true",
                       help="with --file: every record extracted, table by table (default: "
                            "a short summary)")
    ingest.add_argument("--verbose", action="store_true",
                        help="show Prefect's log lines on the terminal (by default they go to "
                             "$PREFECT_HOME/minutes-ingest.log; errors are always shown)")
    ingest.add_argument("--force", action="store_true",
                        help="re-extract files even when unchanged since the last run")
    ingest.add_argument("--prune", action="store_true",
                        help="remove the rows of files ingested from this folder before "
                             "that are no longer there")
    ingest.add_argument("--workers", type=_bounded(int, 1, "a whole number of at least 1"),
                        default=None,
                        help="parallel worker processes (default: one per core)")
    ingest.add_argument("--dask", metavar="ADDRESS", default=None,
                        help="run the tasks on an existing Dask cluster (tcp://host:port)")
    lim = ingest.add_argument_group(
        "limits per document", "a document over a limit becomes a failures row; the batch goes "
        "on. Defaults can also be set with MINUTES_TIMEOUT_S, MINUTES_MEMORY_MB, "
        "MINUTES_MAX_BYTES, MINUTES_MAX_PAGES, MINUTES_MAX_CHARS")
    lim.add_argument("--timeout", metavar="SECONDS",
                     type=_bounded(float, 0, "a number of seconds, 0 or more (0: none)"),
                     help=f"wall time to read and extract one document, 0 for none "
                          f"(default {defaults.timeout_s:g})")
    lim.add_argument("--max-memory", metavar="MB",
                     type=_bounded(int, 0, "a whole number of MB, 0 or more (0: none)"),
                     help=f"memory one document may add to its worker, 0 for none "
                          f"(default {defaults.memory_mb})")
    lim.add_argument("--max-mb", metavar="MB",
                     type=_bounded(float, 2**-20, "a number of MB above 0"),
                     help=f"largest input file (default {defaults.max_bytes // 2**20})")
    lim.add_argument("--max-pages", metavar="N",
                     type=_bounded(int, 1, "a whole number of at least 1"),
                     help=f"most pages of a PDF (default {defaults.max_pages})")
    lim.add_argument("--max-chars", metavar="N",
                     type=_bounded(int, 1, "a whole number of at least 1"),
                     help=f"longest body text once read, in characters "
                          f"(default {defaults.max_chars:,})")
    ingest.set_defaults(func=cmd_ingest)

    serve = sub.add_parser("serve", help="start a Prefect server and serve the scheduled "
                                         "ingest deployment; --stop stops both")
    serve.add_argument("folder", nargs="?", default="data/raw",
                       help="folder of minutes each run ingests (default data/raw)")
    serve.add_argument("--out", "--tables", dest="out", metavar="DIR", default=default_tables(),
                       help=f"output folder of the tables (default ${TABLES_ENV} or "
                            f"data/processed)")
    when = serve.add_mutually_exclusive_group()
    when.add_argument("--cron", default="0 6 * * *", help='cron schedule (default "0 6 * * *")')
    when.add_argument("--interval", type=float, metavar="SECONDS",
                      help="run every SECONDS instead of on the cron schedule")
    serve.add_argument("--name", default="scheduled", help="deployment name")
    serve.add_argument("--port", type=int, default=4200,
                       help="port of the server started on 127.0.0.1 (default 4200; not used "
                            "when PREFECT_API_URL names a server)")
    serve.add_argument("--prune", action="store_true",
                       help="each run removes the rows of files no longer in the folder")
    serve.add_argument("--detach", action="store_true",
                       help="run in the background; return once the deployment is registered")
    serve.add_argument("--stop", action="store_true",
                       help="stop the deployment and the server that `minutes serve` started")
    serve.set_defaults(func=cmd_serve)

    sub.add_later("eval", _arguments_of("pipeline.evaluation.evaluate"),
                  help="score extraction against the gold annotations").set_defaults(
                      func=cmd_eval)
    sub.add_later("query", _arguments_of("pipeline.analyst.query", run="run"),
                  help="run DuckDB SQL over the Parquet tables")
    sub.add_later("export", _arguments_of("pipeline.analyst.export", run="run"),
                  help="write the tables to a DuckDB database file, an Excel workbook or CSV "
                       "files")
    sub.add_later("people", _arguments_of("pipeline.analyst.people"),
                  help="a person's attendance and turns across meetings; --rebuild derives "
                       "people and delegations again").set_defaults(func=cmd_people)
    sub.add_later("review", _arguments_of("pipeline.analyst.review", run="run"),
                  help="write an HTML page highlighting a file's records")

    tables = sub.add_parser("tables", help="print the data dictionary")
    tables.set_defaults(func=cmd_tables)

    status = sub.add_parser("status", help="rows per table in an output folder, and the "
                                           "served schedule's next and last runs")
    status.add_argument("--tables", "--out", dest="out", metavar="DIR", default=default_tables(),
                        help=f"folder holding the tables (default ${TABLES_ENV} or "
                             f"data/processed)")
    status.set_defaults(func=cmd_status)
    if not lazy:
        for name in list(sub.choices):
            sub.complete(name)
    return parser


def version_text() -> str:
    """``minutes <package version> (pipeline <PIPELINE_VERSION>)``."""
    from importlib.metadata import PackageNotFoundError, version

    from models.version import PIPELINE_VERSION

    try:
        package = version("ccm-minutes")
    except PackageNotFoundError:  # run from a checkout that is not installed
        package = "unknown"
    return f"minutes {package} (pipeline {PIPELINE_VERSION})"


def _quiet_broken_pipe() -> int:
    """The reader of stdout has gone (``| head``): what is left goes to /dev/null so the
    flush at exit raises nothing, and the exit code is SIGPIPE's, as for ``yes | head``."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file (tests capture it)
        pass
    return exit_for_signal(signal.SIGPIPE)


class _Terminated(BaseException):
    """SIGTERM, raised where the program is (a batch catches it itself and stops cleanly)."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``minutes`` console script and ``python -m pipeline``.

    Environment errors (an output that cannot be written, a folder another run holds, a bad
    ``MINUTES_*`` value) end in one sentence and their exit code (``pipeline.errors``),
    Ctrl-C in 130 and SIGTERM in 143; other errors keep their traceback."""
    from pipeline.errors import explain

    try:
        args = build_parser().parse_args(argv)
    except BrokenPipeError:  # --help | head -1
        return _quiet_broken_pipe()
    args.argv = None if argv is None else list(argv)
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if in_main else None
    try:
        return args.func(args)
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except KeyboardInterrupt:
        print(f"minutes {args.command}: interrupted (Ctrl-C)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except _Terminated:
        print(f"minutes {args.command}: stopped by SIGTERM", file=sys.stderr)
        return EXIT_TERMINATED
    except Exception as exc:
        explained = explain(exc, getattr(args, "out", None))
        if explained is None:
            raise
        print(f"minutes {args.command}: {explained[0]}", file=sys.stderr)
        return explained[1]
    except StoppedBeforeStart as exc:  # a batch stopped while it was starting
        name = signal.Signals(exc.signum).name
        print(f"minutes {args.command}: interrupted by {name} while starting; no document was "
              f"processed", file=sys.stderr)
        return exit_for_signal(exc.signum)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    raise SystemExit(main())
