"""Crash-safe Parquet store: one file per (table, document), committed through a journal.

Layout under the output folder::

    <table>/<doc_id>.parquet        rows of one document (every table but failures)
    failures/<source_key>.parquet   the failure of one source path
    <table>/schema.parquet          zero rows, the table's columns (``table_files``: which
                                    files of a folder are documents)
    _state/manifest.json            source path -> doc_id, pipeline version, status, and
                                    the keys that say which files are one meeting
                                    (rebuilt from the tables, with a warning, when it is
                                    missing beside rows, damaged or not a mapping)
    _state/journal/<id>.json        a commit in flight (replayed on the next open)
    _state/lock                     held by the one process writing

A document is committed by writing every table file under a hidden temporary name, then
writing a journal entry (the commit point), then renaming. A process killed before the
journal is written leaves the tables as they were; killed after, the next open rolls the
commit forward. Readers glob ``*.parquet`` and never see temporary files (they start with
a dot and end in ``.tmp``); the schema file adds columns and no rows.

A commit also re-marks copies of one meeting (``pipeline.batch.identity``): when a document joins
or leaves a group of copies, the ``meetings`` rows of the other members whose
``duplicate_of`` changes are rewritten in the same commit. Pruning sources that are gone is
one commit too: all of it happens, or none.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from models.records import TABLES, Extraction, Failure
from models.schemas import schema_for
from pipeline.batch.identity import FORMAT_RANK, TextPrint, canonical_copies, meeting_facts
from pipeline.batch.table_files import LEGACY_SCHEMA_FILE, SCHEMA_FILE, document_files

DOC_TABLES = [t for t in TABLES if t != "failures"]


class StoreLockedError(RuntimeError):
    """Another process is writing to the same output folder."""


def source_key(source_path: str) -> str:
    """Stable file name for a source path (output names never derive from input names)."""
    return hashlib.sha256(source_path.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_atomic_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def rows_to_table(table: str, rows: Iterable[Any]) -> pa.Table:
    """Convert record dataclasses to an Arrow table with the table's schema."""
    return pa.Table.from_pylist([asdict(r) for r in rows], schema=schema_for(table))


class ParquetStore:
    """The output folder; use as a context manager to hold the writer lock."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.state = self.root / "_state"
        self.journal = self.state / "journal"
        self._lock_fh: Any = None
        self._manifest: dict[str, dict[str, Any]] | None = None
        self.warnings: list[str] = []
        """What was repaired on opening (a rebuilt manifest), for a person to read."""

    # -- lifecycle -------------------------------------------------------------------
    def __enter__(self) -> ParquetStore:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> None:
        """Create the layout, take the lock, and finish or discard interrupted commits."""
        for table in TABLES:
            (self.root / table).mkdir(parents=True, exist_ok=True)
        self.journal.mkdir(parents=True, exist_ok=True)
        self._lock()
        self.recover()
        if self.manifest is not None and self.warnings:  # rebuilt (read now): keep the repair
            self._save_manifest()
        self._write_schema_files()

    def _write_schema_files(self) -> None:
        """A zero-row ``schema.parquet`` per table, so even an empty table has its columns
        (in pandas, pyarrow and DuckDB alike); an older store's ``_schema.parquet`` goes."""
        for table in TABLES:
            path = self.root / table / SCHEMA_FILE
            if not path.exists() or not pq.read_schema(path).equals(schema_for(table),
                                                                    check_metadata=True):
                staged = self._stage(table, path.stem, schema_for(table).empty_table())
                os.replace(staged, path)
            legacy = self.root / table / LEGACY_SCHEMA_FILE
            if legacy.exists():  # after the new file is in place: a reader always has one
                legacy.unlink()

    def _lock(self) -> None:
        fh = open(self.state / "lock", "a+")  # noqa: SIM115 - held until close()
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            fh.close()
            raise StoreLockedError(
                f"{self.root} is being written by another run (pid {holder}); "
                "wait for it to finish or use another --out folder") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._lock_fh = fh

    def close(self) -> None:
        """Release the lock."""
        if self._lock_fh is not None:
            self._lock_fh.seek(0)
            self._lock_fh.truncate()
            fcntl.flock(self._lock_fh, fcntl.LOCK_UN)
            self._lock_fh.close()
            self._lock_fh = None

    # -- manifest --------------------------------------------------------------------
    @property
    def manifest(self) -> dict[str, dict[str, Any]]:
        """Source path -> {doc_id, pipeline_version, status}, and for a document written with
        its ``TextPrint`` also text_key, sketch, meeting, format and duplicate_of."""
        if self._manifest is None:
            loaded, damage = self._read_manifest()
            if damage is None:
                self._manifest = loaded
            else:
                self._manifest = self.manifest_from_tables()
                count = len(self._manifest)
                self._warn(f"{self.state / 'manifest.json'} {damage}; rebuilt it from the "
                           f"tables ({count} source path{'' if count == 1 else 's'}): "
                           "unchanged files "
                           "stay unchanged, copies of one meeting are recognised again "
                           "when their files are next extracted")
        return self._manifest

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        print(f"minutes: warning: {message}", file=sys.stderr)

    def _read_manifest(self) -> tuple[dict[str, dict[str, Any]], str | None]:
        """The manifest as saved, and what is wrong with it (None: sound)."""
        path = self.state / "manifest.json"
        if not path.exists():
            has_rows = bool(document_files(self.root / "meetings"))
            return {}, "is missing beside tables that hold rows" if has_rows else None
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, ValueError) as exc:  # unreadable, not UTF-8, or not JSON
            if path.stat().st_size == 0:
                return {}, "is empty"
            return {}, f"is not readable JSON ({type(exc).__name__})"
        if not (isinstance(data, dict) and all(
                isinstance(s, str) and isinstance(e, dict) and isinstance(e.get("status"), str)
                for s, e in data.items())):
            return {}, "does not map source paths to entries"
        return data, None

    def manifest_is_sound(self) -> bool:
        """True when the saved manifest can be used as it is (reads only)."""
        return self._read_manifest()[1] is None

    def manifest_from_tables(self) -> dict[str, dict[str, Any]]:
        """The manifest as the tables tell it: each ``meetings`` row gives its source path's
        doc_id, pipeline version and format, each ``failures`` row its source's failure.
        The keys that recognise copies of one meeting are not in the tables: those
        documents take part again when they are next extracted."""
        manifest: dict[str, dict[str, Any]] = {}
        for row in self.read_table("meetings").to_pylist():
            mark = row["duplicate_of"]
            manifest[row["source_path"]] = {
                "doc_id": row["doc_id"], "pipeline_version": row["pipeline_version"],
                "status": "ok", "format": row["source_format"],
                "duplicate_of": None if mark == row["doc_id"] else mark}
        for row in self.read_table("failures").to_pylist():
            entry = manifest.setdefault(row["source_path"], {})
            entry.update({"status": "failed", "failed_doc_id": row["doc_id"] or "",
                          "pipeline_version": row["pipeline_version"]})
        return manifest

    def _save_manifest(self) -> None:
        data = json.dumps(self.manifest, indent=1, sort_keys=True).encode("utf-8")
        _write_atomic_bytes(self.state / "manifest.json", data)

    def is_current(self, source_path: str, doc_id: str, version: str) -> bool:
        """True when this exact content was already ingested by this pipeline version."""
        entry = self.manifest.get(source_path)
        return bool(entry and entry.get("doc_id") == doc_id
                    and entry.get("pipeline_version") == version
                    and entry.get("status") == "ok")

    # -- commits ---------------------------------------------------------------------
    def _final(self, table: str, key: str) -> Path:
        return self.root / table / f"{key}.parquet"

    def _stage(self, table: str, key: str, arrow: pa.Table) -> Path:
        tmp = self.root / table / f".{key}.parquet.{os.getpid()}.tmp"
        pq.write_table(arrow, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        return tmp

    def _commit(self, name: str, renames: list[tuple[Path, Path]], deletes: list[Path],
                manifest: dict[str, dict[str, Any] | None]) -> None:
        entry = {"renames": [[str(a), str(b)] for a, b in renames],
                 "deletes": [str(p) for p in deletes], "manifest": manifest}
        _write_atomic_bytes(self.journal / f"{name}.json", json.dumps(entry).encode("utf-8"))
        _fsync_dir(self.journal)
        self._apply(self.journal / f"{name}.json", entry)

    def _apply(self, journal_file: Path, entry: dict[str, Any]) -> None:
        for tmp, final in entry["renames"]:
            if os.path.exists(tmp):
                os.replace(tmp, final)
        for path in entry["deletes"]:
            if path not in {f for _, f in entry["renames"]}:
                Path(path).unlink(missing_ok=True)
        for source, value in entry["manifest"].items():
            if value is None:
                self.manifest.pop(source, None)
            else:
                self.manifest[source] = value
        self._save_manifest()
        journal_file.unlink(missing_ok=True)

    def recover(self) -> int:
        """Roll forward journaled commits and delete uncommitted temporary files."""
        done = 0
        for jf in sorted(self.journal.glob("*.json")):
            try:
                entry = json.loads(jf.read_bytes().decode("utf-8"))
                if not isinstance(entry, dict) or set(entry) != {"renames", "deletes",
                                                                 "manifest"}:
                    raise ValueError("not a journal entry")
            except ValueError:  # damaged on disk: it cannot be replayed
                jf.unlink()
                self._manifest = self.manifest_from_tables()
                self._warn(f"{jf} was damaged; discarded it and rebuilt the manifest from "
                           "the tables")
                continue
            self._apply(jf, entry)
            done += 1
        folders = [self.root / table for table in TABLES] + [self.state, self.journal]
        for folder in folders:  # staged tables, half-written manifests and journal entries
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)
        return done

    def _orphans(self, doc_ids: Iterable[str], manifest: dict[str, dict[str, Any]]) -> list[Path]:
        """Files of those documents that no source path of ``manifest`` points to."""
        kept = {e.get("doc_id") for e in manifest.values()}
        return [self._final(t, d) for d in sorted(set(doc_ids) - kept) for t in DOC_TABLES]

    def _doc_files_to_drop(self, source_path: str, new_doc_id: str | None) -> list[Path]:
        """Files of the document this source path pointed to before, if nothing else does."""
        old = self.manifest.get(source_path, {}).get("doc_id")
        if not old or old == new_doc_id:
            return []
        others = {s: e for s, e in self.manifest.items() if s != source_path}
        return self._orphans([old], others)

    @staticmethod
    def _names(manifest: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
        """``doc_id -> source paths`` holding that content, the one that stands for it first
        (text formats first, then path order: ``identity.FORMAT_RANK``)."""
        names: dict[str, list[str]] = {}
        for source, entry in manifest.items():
            if entry.get("doc_id"):
                names.setdefault(entry["doc_id"], []).append(source)
        rank = len(FORMAT_RANK)
        for sources in names.values():
            sources.sort(key=lambda s: (FORMAT_RANK.get(manifest[s].get("format") or "", rank),
                                        s))
        return names

    @classmethod
    def _copies(cls, manifest: dict[str, dict[str, Any]]) -> dict[str, str | None]:
        """``doc_id -> duplicate_of`` over the documents written with a ``text_key``."""
        docs: dict[str, dict[str, Any]] = {}
        for doc_id, sources in cls._names(manifest).items():
            entry = manifest[sources[0]]
            if entry.get("text_key"):
                docs[doc_id] = {"text_key": entry["text_key"], "sketch": entry.get("sketch"),
                                "meeting": entry.get("meeting"),
                                "format": entry.get("format"), "source_path": sources[0]}
        return canonical_copies(docs)

    def _relink(self, changes: dict[str, dict[str, Any] | None], skip: str | None = None,
                ) -> tuple[dict[str, str | None], list[tuple[Path, Path]],
                           dict[str, dict[str, Any] | None], dict[str, list[str]]]:
        """Apply ``changes`` to a copy of the manifest and re-mark copies of one meeting.

        Returns ``doc_id -> duplicate_of``, the staged ``meetings`` files of other documents
        whose marks or names change (``skip``: the document being written), ``changes`` with
        every touched entry's ``duplicate_of`` set, and ``doc_id -> source paths``
        (``_names``) of the new manifest."""
        manifest = {s: e for s, e in self.manifest.items() if s not in changes}
        manifest.update({s: e for s, e in changes.items() if e is not None})
        links = self._copies(manifest)
        names, names_before = self._names(manifest), self._names(self.manifest)
        updates: dict[str, dict[str, Any] | None] = dict(changes)
        touched = {doc_id for doc_id in names if names[doc_id] != names_before.get(doc_id)}
        for source, entry in sorted(manifest.items()):
            doc_id = entry.get("doc_id")
            if doc_id not in links or (entry.get("duplicate_of") == links[doc_id]
                                       and source not in changes):
                continue
            updates[source] = {**entry, "duplicate_of": links[doc_id]}
            touched.add(doc_id)
        renames = [(self._restage_meetings(doc_id, names[doc_id], links.get(doc_id), manifest),
                    self._final("meetings", doc_id))
                   for doc_id in sorted(touched)
                   if doc_id != skip and self._final("meetings", doc_id).exists()]
        return links, renames, updates, names

    @staticmethod
    def _meeting_rows(template: dict[str, Any], doc_id: str, sources: list[str],
                      duplicate_of: str | None, manifest: dict[str, dict[str, Any]],
                      ) -> list[dict[str, Any]]:
        """One ``meetings`` row per source path holding the document: the first stands for
        it (``duplicate_of`` as its meeting's copies say); every other name holding the
        same bytes is a copy of it (``duplicate_of`` = the kept copy, or its own doc_id)."""
        rows = []
        for n, source in enumerate(sources):
            row = {**template, "source_path": source,
                   "duplicate_of": duplicate_of if n == 0 else duplicate_of or doc_id}
            row["source_format"] = manifest[source].get("format") or row["source_format"]
            rows.append(row)
        return rows

    def _restage_meetings(self, doc_id: str, sources: list[str], duplicate_of: str | None,
                          manifest: dict[str, dict[str, Any]]) -> Path:
        """Stage the document's ``meetings`` rows for ``sources`` with new marks."""
        rows = pq.read_table(self._final("meetings", doc_id)).to_pylist()
        by_source = {row["source_path"]: row for row in rows}
        template = by_source.get(sources[0], rows[0])
        return self._stage("meetings", doc_id, pa.Table.from_pylist(
            self._meeting_rows(template, doc_id, sources, duplicate_of, manifest),
            schema=schema_for("meetings")))

    def write_document(self, extraction: Extraction, text: TextPrint | None = None) -> None:
        """Replace the rows of the extraction's document (and its source path's failure).

        With ``text`` (``pipeline.batch.identity.text_print`` of its body) the document takes part
        in recognising copies of one meeting: its ``meetings.duplicate_of`` is set, and
        other copies are re-marked in the same commit."""
        meeting = extraction.meeting
        doc_id, source = meeting.doc_id, meeting.source_path
        value: dict[str, Any] = {"doc_id": doc_id, "pipeline_version": meeting.pipeline_version,
                                 "status": "ok"}
        if text is not None:
            value.update({"text_key": text.key, "sketch": text.sketch,
                          "meeting": meeting_facts(meeting), "format": meeting.source_format})
        links, others, changes, names = self._relink({source: value}, skip=doc_id)
        meeting.duplicate_of = links.get(doc_id)
        manifest = {**self.manifest, **{s: e for s, e in changes.items() if e is not None}}
        tables = {**extraction.tables(), "meetings": self._meeting_rows(
            asdict(meeting), doc_id, names[doc_id], meeting.duplicate_of, manifest)}
        renames = [(self._stage(t, doc_id, pa.Table.from_pylist(
            [r if isinstance(r, dict) else asdict(r) for r in rows], schema=schema_for(t))),
                    self._final(t, doc_id)) for t, rows in tables.items()]
        deletes = self._doc_files_to_drop(source, doc_id)
        deletes.append(self._final("failures", source_key(source)))
        self._commit(doc_id, renames + others, deletes, changes)

    def absolute_keys(self, base: Path) -> int:
        """Key source paths recorded relative (pipeline versions before 0.3.0) by their
        absolute spelling from ``base`` (folders resolved), in one commit; their failures
        rows go (the pipeline version changed, so those files are tried again). Returns
        how many keys changed."""
        relative = sorted(s for s in self.manifest if not os.path.isabs(s))
        if not relative:
            return 0
        changes: dict[str, dict[str, Any] | None] = {}
        for source in relative:
            path = Path(source)
            absolute = str(Path(os.path.realpath(base / path.parent)) / path.name)
            changes[source] = None
            if absolute not in self.manifest and absolute not in changes:
                changes[absolute] = self.manifest[source]
        deletes = [self._final("failures", source_key(s)) for s in relative]
        self._commit("absolute-keys", [], deletes, changes)
        return len(relative)

    def prune(self, sources: Iterable[str]) -> int:
        """Remove every row of these source paths (their documents' files when no other
        source points to them, their failures) in one commit; returns how many were known."""
        gone = sorted(s for s in set(sources) if s in self.manifest)
        if not gone:
            return 0
        changes: dict[str, dict[str, Any] | None] = {s: None for s in gone}
        _, renames, changes, _ = self._relink(changes)
        remaining = {s: e for s, e in self.manifest.items() if s not in gone}
        deletes = self._orphans([d for s in gone if (d := self.manifest[s].get("doc_id"))],
                                remaining)
        deletes += [self._final("failures", source_key(s)) for s in gone]
        name = "prune-" + hashlib.sha256("\n".join(gone).encode("utf-8",
                                                               "surrogatepass")).hexdigest()[:16]
        self._commit(name, renames, deletes, changes)
        return len(gone)

    def write_failure(self, failure: Failure) -> None:
        """Record a failure for its source path (earlier good rows are kept)."""
        key = source_key(failure.source_path)
        staged = self._stage("failures", key, rows_to_table("failures", [failure]))
        entry = dict(self.manifest.get(failure.source_path, {}))
        entry.update({"status": "failed", "failed_doc_id": failure.doc_id or "",
                      "pipeline_version": failure.pipeline_version})
        self._commit(f"failure-{key}", [(staged, self._final("failures", key))], [],
                     {failure.source_path: entry})

    def failed_is_current(self, source_path: str, doc_id: str | None, version: str) -> bool:
        """True when this exact content already failed with this pipeline version."""
        entry = self.manifest.get(source_path)
        return bool(entry and entry.get("status") == "failed" and doc_id
                    and entry.get("failed_doc_id") == doc_id
                    and entry.get("pipeline_version") == version)

    # -- reading ---------------------------------------------------------------------
    def marked_copies(self) -> list[str]:
        """Source paths whose ``meetings`` row is marked as another copy (``duplicate_of``
        set): copies of another document's meeting, and second names of the same bytes."""
        marked: list[str] = []
        for sources in self._names(self.manifest).values():
            marked += sources if self.manifest[sources[0]].get("duplicate_of") else sources[1:]
        return sorted(marked)

    def read_table(self, table: str) -> pa.Table:
        """Read one table (all documents) as Arrow, with its schema even when empty."""
        files = document_files(self.root / table)
        if not files:
            return schema_for(table).empty_table()
        return pa.concat_tables([pq.read_table(f, schema=schema_for(table)) for f in files])
