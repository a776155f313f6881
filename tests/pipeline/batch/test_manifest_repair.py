"""A damaged ``_state/manifest.json`` is rebuilt from the tables, with a warning, and the next
run still sees unchanged files as unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.batch.discover import discover
from pipeline.batch.plan import IngestSummary, nothing_to_do, plan, record
from pipeline.batch.process import process_file
from pipeline.batch.store import ParquetStore
from tests.pipeline.conftest import MINUTES

DAMAGE = {
    "empty": b"",
    "truncated": b'{"/in/a.txt": {"doc_id": "0123',
    "a list": b"[1, 2, 3]",
    "entries of the wrong type": b'{"/in/a.txt": "ok"}',
    "binary garbage": bytes(range(256)),
}


def _ingest(folder: Path, out: Path, force: bool = False) -> IngestSummary:
    """The flow's steps without Prefect: plan, process each file, record, in one store."""
    summary = IngestSummary(out=str(out))
    with ParquetStore(out) as store:
        todo, refused = plan(discover(folder, out), folder, store, force, summary)
        assert not refused
        for path in todo:
            record(store, process_file(path), summary)
    return summary


@pytest.fixture
def ingested(tmp_path: Path) -> tuple[Path, Path, dict]:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "third.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "fourth.txt").write_text(MINUTES.replace("3rd", "4th"), encoding="utf-8")
    (folder / "same-as-third.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 8)
    _ingest(folder, out)
    manifest = json.loads((out / "_state" / "manifest.json").read_text("utf-8"))
    return folder, out, manifest


def _essentials(manifest: dict) -> dict:
    keep = ("doc_id", "pipeline_version", "status", "failed_doc_id")
    return {s: {k: e[k] for k in keep if e.get(k)} for s, e in manifest.items()}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_manifest_is_rebuilt_with_a_warning(ingested, damage: str,  # type: ignore[no-untyped-def]
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder, out, manifest = ingested
    (out / "_state" / "manifest.json").write_bytes(DAMAGE[damage])
    assert nothing_to_do(str(folder), str(out)) is None  # the repair is work to do
    with ParquetStore(out) as store:
        assert _essentials(store.manifest) == _essentials(manifest)
        assert len(store.warnings) == 1 and "rebuilt it from the tables" in store.warnings[0]
    assert "warning" in capsys.readouterr().err
    saved = json.loads((out / "_state" / "manifest.json").read_text("utf-8"))
    assert _essentials(saved) == _essentials(manifest)
    summary = _ingest(folder, out)
    assert summary.unchanged == 5 and summary.written == summary.failed == 0


def test_a_missing_manifest_beside_rows_is_rebuilt(ingested) -> None:  # type: ignore[no-untyped-def]
    _, out, manifest = ingested
    (out / "_state" / "manifest.json").unlink()
    with ParquetStore(out) as store:
        assert _essentials(store.manifest) == _essentials(manifest)
        assert store.warnings


@pytest.mark.parametrize("damage", ["empty", "binary garbage"])
def test_force_over_a_damaged_manifest_rewrites_the_same_rows(ingested, damage: str) -> None:  # type: ignore[no-untyped-def]
    from tests.pipeline.conftest import snapshot

    folder, out, _ = ingested
    before = snapshot(out)
    (out / "_state" / "manifest.json").write_bytes(DAMAGE[damage])
    summary = _ingest(folder, out, force=True)
    assert summary.changed == 5 and summary.new == 0
    assert snapshot(out) == before


def test_a_damaged_journal_entry_is_discarded_not_a_crash(ingested) -> None:  # type: ignore[no-untyped-def]
    _, out, manifest = ingested
    (out / "_state" / "journal" / "0123456789abcdef.json").write_bytes(b'{"renames": [[')
    with ParquetStore(out) as store:
        assert _essentials(store.manifest) == _essentials(manifest)
        assert "damaged" in store.warnings[0]
    assert not list((out / "_state" / "journal").iterdir())


def test_a_sound_manifest_gives_no_warning(ingested) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = ingested
    with ParquetStore(out) as store:
        assert store.manifest and not store.warnings
