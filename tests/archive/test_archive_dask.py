"""The same ingest on a Dask cluster (a LocalCluster here), writing to PostgreSQL and to SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from variants import build_realistic, bulk_letters

from vbdieuhanh.archive import ArchiveError, open_archive
from vbdieuhanh.archive.ingest import ingest

distributed = pytest.importorskip(
    "distributed",
    reason="dask.distributed (the optional 'dask' extra) is not installed: pip install 'vbdieuhanh[dask]'",
    exc_type=ModuleNotFoundError,
)


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def test_ingest_on_a_local_cluster(
    client: object, archive_url: str, tmp_path: Path, seed_paths: list[Path]
) -> None:
    folder = tmp_path / "in"
    bulk_letters(folder, 40)
    (folder / "empty.txt").write_bytes(b"")
    paths = [str(folder), *map(str, seed_paths)]
    report = ingest(paths, archive_url, client=client, batch=4, progress=False)
    assert (report.stored, report.failed, report.seen) == (43, 1, 44)
    assert report.failures == [(str(folder / "empty.txt"), "empty: the file is empty (0 bytes)")]
    again = ingest(paths, archive_url, client=client, batch=4, progress=False)
    assert (again.stored, again.unchanged, again.failed) == (0, 43, 1)
    with open_archive(archive_url) as archive:
        assert archive.store.scalar("SELECT COUNT(*) FROM versions") == 43
        (response,) = archive.followup("29/CV-BCĐQG").responses
        assert response.lag_days == 22


def test_a_dask_task_takes_128_files_unless_told(
    client: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The client and the scheduler spend about 6 ms of CPU on each task: at the local pool's 16
    files a task that was 0.64 ms a document, at 128 files 0.32 ms (benchmarks/dask_postgres.py)."""
    from vbdieuhanh.archive import dask_ingest

    sizes: list[int] = []
    real = dask_ingest.batches
    monkeypatch.setattr(dask_ingest, "batches", lambda items, size: sizes.append(size) or real(items, size))
    folder = str(tmp_path / "in")
    bulk_letters(tmp_path / "in", 3)
    for name, options in (("a.db", {}), ("b.db", {"batch": 2})):
        assert ingest([folder], str(tmp_path / name), client=client, progress=False, **options).ok
    assert sizes == [128, 2]


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="cannot reach the Dask scheduler"):
        ingest([str(tmp_path)], str(tmp_path / "a.db"), scheduler="tcp://127.0.0.1:9", progress=False)


@pytest.mark.slow
def test_a_realistic_archive_on_a_local_cluster_matches_the_local_ingest(
    client: object, make_url, tmp_path: Path
) -> None:
    """Many writers at once on PostgreSQL give the same documents, responses and bodies as one writer."""
    scenario = build_realistic(tmp_path / "real", vbpl=60, binhduong=400)
    folders = [str(tmp_path / "real" / part) for part in ("early", "first", "second")]
    results = {}
    for name, options in (("local", {"workers": 0}), ("dask", {"client": client, "batch": 8})):
        url = make_url("postgres")
        for folder in folders:
            assert ingest([folder], url, progress=False, **options).ok
        with open_archive(url) as archive:
            followup = archive.followup(scenario.directive, as_of="2021-10-01")
            groups: dict[str, set[str]] = {}
            for (agency_id,) in archive.store.rows("SELECT id FROM agencies"):
                groups.setdefault(agency_id, set()).add(agency_id)
            for alias, agency_id in archive.store.rows("SELECT alias, agency_id FROM agency_aliases"):
                groups.setdefault(agency_id, set()).add(alias)
            results[name] = (
                archive.stats()["documents"],
                archive.stats()["placeholders"],
                sorted((r.number_symbol, r.lag_days) for r in followup.responses),
                # which spellings resolve together (the name kept for a group depends on arrival order)
                {frozenset(group) for group in groups.values()},
            )
    assert results["dask"] == results["local"]
