"""PostgreSQL stopped in the middle of an ingest, then started again: the CLI ends with one line,
and the same ingest run again gives the archive a single clean ingest gives (issue 11). With local
worker processes, and on a Dask cluster whose workers outlive the server's restart."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pgcluster import Cluster, ClusterUnavailable, schema_url
from variants import bulk_letters

from vbdieuhanh.archive.ingest import ingest

psycopg = pytest.importorskip(
    "psycopg",
    reason="psycopg (the optional 'postgres' extra) is not installed: pip install 'vbdieuhanh[postgres]'",
    exc_type=ModuleNotFoundError,
)

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "s3cret-Pa55"  # the cluster trusts local connections: the password is only there to be hidden
LETTERS = 300
# more than the CLI lists (20): its last line names the URL to list them all with
BAD = {
    f"{kind}_{i}.{ext}": data
    for i in range(8)
    for kind, ext, data in (
        ("empty", "txt", b""),
        ("broken", "pdf", b"%PDF-1.4 not"),
        ("broken", "docx", b"PK"),
    )
}
TABLES = (
    "documents", "versions", "tasks", "edges", "indicators", "agencies", "agency_aliases", "agency_links",
    "merges", "search_text",
)  # fmt: skip
NODES = (
    "SELECT 'doc:' || id FROM documents UNION ALL SELECT 'agency:' || id FROM agencies "
    "UNION ALL SELECT 'task:' || id FROM tasks"
)
# rows that point to nothing: each count is 0 in an archive without a half-written document
ORPHANS = {
    **{
        f"{table} of no document": f"SELECT COUNT(*) FROM {table} x "
        "WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.document_id)"
        for table in ("versions", "tasks", "edges", "indicators", "search_text")
    },
    "stored document without its version": "SELECT COUNT(*) FROM documents d WHERE d.status = 'stored' "
    "AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.hash = d.current_hash AND v.document_id = d.id)",
    "stored document without search text": "SELECT COUNT(*) FROM documents d WHERE d.status = 'stored' "
    "AND NOT EXISTS (SELECT 1 FROM search_text s WHERE s.document_id = d.id)",
    "edge to or from no node": f"SELECT COUNT(*) FROM edges WHERE src NOT IN ({NODES}) "
    f"OR dst NOT IN ({NODES})",
    "task under no task": "SELECT COUNT(*) FROM tasks t WHERE t.parent_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM tasks p WHERE p.id = t.parent_id)",
    "alias of no agency": "SELECT COUNT(*) FROM agency_aliases x "
    "WHERE NOT EXISTS (SELECT 1 FROM agencies a WHERE a.id = x.agency_id)",
    "logged as stored, not stored": "SELECT COUNT(*) FROM ingest_log l WHERE l.status IN "
    "('stored', 'new_version') AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.hash = l.hash)",
}


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    """A cluster of this test's own: stopping it does not touch the other tests' server."""
    try:
        own = Cluster()
    except ClusterUnavailable as error:
        pytest.skip(str(error))
    try:
        yield own
    finally:
        own.remove()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip(
        "distributed",
        reason="dask.distributed (the optional 'dask' extra) is not installed",
        exc_type=ModuleNotFoundError,
    )
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as local:
        yield local.scheduler_address


def _scalar(url: str, sql: str) -> Any:
    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchone()[0]


def _shape(url: str) -> dict[str, Any]:
    """What the archive holds, whatever order the documents came in: rows per table, and the tasks,
    edges and indicators of each document."""
    with psycopg.connect(url) as conn:
        shape: dict[str, Any] = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        for table in ("tasks", "edges", "indicators"):
            rows = conn.execute(f"SELECT document_id, COUNT(*) FROM {table} GROUP BY document_id").fetchall()
            shape[f"{table} per document"] = dict(rows)
    return shape


@pytest.mark.parametrize("on", ["workers", "dask"])
def test_postgres_stopped_mid_ingest_then_restarted(
    on: str, cluster: Cluster, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    folder = tmp_path / "letters"
    good = {str(p) for p in bulk_letters(folder, LETTERS)}
    for name, data in BAD.items():
        (folder / name).write_bytes(data)
    url, _ = schema_url(cluster.url(PASSWORD))
    where = ["--workers", "2"] if on == "workers" else ["--scheduler", request.getfixturevalue("scheduler")]
    command = [sys.executable, "-m", "vbdieuhanh", "ingest", str(folder), "--db", url, *where]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        stored, deadline = 0, time.monotonic() + 120
        while stored < 20 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                stored = _scalar(url, "SELECT COUNT(*) FROM versions")
            except psycopg.Error:  # the archive's tables are not made yet
                continue
        assert run.poll() is None, f"the ingest ended before the server was stopped ({stored} stored)"
        assert stored >= 20
        cluster.stop("immediate")
        _, stderr = run.communicate(timeout=120)
    finally:
        if run.poll() is None:
            run.kill()
    lines = stderr.strip().splitlines()
    assert run.returncode == 1, stderr
    assert len(lines) == 1, stderr
    assert "the database failed" in lines[0]
    assert PASSWORD not in stderr and "postgres:***@" in lines[0]

    cluster.start()
    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 1, again.stderr  # the bad files failed
    assert f"{LETTERS + len(BAD)} files" in again.stderr and f"{len(BAD)} failed" in again.stderr
    assert "Traceback" not in again.stderr
    assert (
        PASSWORD not in again.stderr and "vbdieuhanh failures --db postgresql://postgres:***@" in again.stderr
    )
    last_run = "(SELECT MAX(id) FROM ingest_runs)"
    with psycopg.connect(url) as conn:
        files = [f for (f,) in conn.execute("SELECT file FROM versions").fetchall()]
        failed = conn.execute(f"SELECT path FROM ingest_log WHERE status = 'failed' AND run_id = {last_run}")
        failed_paths = sorted(p for (p,) in failed.fetchall())
        seen, finished = conn.execute(
            f"SELECT seen, finished_at FROM ingest_runs WHERE id = {last_run}"
        ).fetchone()
    assert sorted(files) == sorted(good)  # every good file stored exactly once
    assert failed_paths == sorted(str(folder / name) for name in BAD)
    assert (seen, finished is not None) == (LETTERS + len(BAD), True)
    for check, sql in ORPHANS.items():
        assert _scalar(url, sql) == 0, check

    reference, _ = schema_url(cluster.url())
    assert ingest([str(folder)], reference, workers=0, progress=False).failed == len(BAD)
    assert _shape(url) == _shape(reference)


def test_psycopg_warnings_stay_off_the_terminal() -> None:
    """psycopg warns through Python's last-resort handler while it closes a lost connection (seen
    as a second line under the CLI's one-line error when the server stopped during a batch)."""
    script = (
        "import logging, vbdieuhanh.cli\n"
        "logging.getLogger('psycopg').warning('error ignored terminating: the connection is lost')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
