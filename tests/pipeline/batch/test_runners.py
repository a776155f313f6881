"""The same flow gives the same tables on one or two threads (each driving document
processes), a local process pool and a Dask cluster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prefect.testing.utilities import prefect_test_harness

from pipeline.batch.flows.ingest import run_ingest
from tests.pipeline.conftest import snapshot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def prefect_harness() -> Iterator[None]:
    with prefect_test_harness(server_startup_timeout=120):
        yield



def test_threads_process_pool_and_dask_agree(minutes_folder: Path, tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    one = run_ingest(str(minutes_folder), str(tmp_path / "one"), workers=1)
    two = run_ingest(str(minutes_folder), str(tmp_path / "two"), workers=2)
    pool = run_ingest(str(minutes_folder), str(tmp_path / "pool"), workers=2, processes=True)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        dask = run_ingest(str(minutes_folder), str(tmp_path / "dask"),
                          dask_address=cluster.scheduler_address)
    for summary in (one, two, pool, dask):
        assert (summary["written"], summary["failed"]) == (2, 2)
    reference = snapshot(tmp_path / "one")
    assert reference["meetings"]
    assert snapshot(tmp_path / "two") == reference
    assert snapshot(tmp_path / "pool") == reference
    assert snapshot(tmp_path / "dask") == reference
