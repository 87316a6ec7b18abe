"""The same ingest on a Dask cluster, for archives beyond one machine.

Each task takes a batch of items and, on the worker, reads, hashes, skips stored bytes, parses,
prepares and writes every document in its own transaction straight into the archive, so the client
is not a bottleneck. Use PostgreSQL: its writers run side by side, and advisory locks on
number-symbols and on the bodies a worker has not resolved yet keep two workers from creating the
same placeholder or agency twice (SQLite works too, one writer at a time). The client streams
batches through a bounded window and counts outcomes. Files must be readable at the same paths on
every worker (a shared file system).

    vbdieuhanh ingest /shared/archive --db postgresql://… --scheduler tcp://scheduler:8786
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Sequence
from typing import Any

from .batch import (
    IngestReport,
    batches,
    database_failed,
    describe,
    process,
    progress_bar,
    record_failure,
    save_run,
    show_progress,
    start_run,
)
from .deps import require
from .inputs import Item, count_items, iter_items
from .migrations import migrate
from .resolve import AgencyResolver
from .store import ArchiveError, Store, connect, sqlite_path
from .write import write

# files per task: the client and the scheduler spend about 6 ms of CPU on a task, 0.37 ms a document
# at 16 files a task and 0.05 ms at 128 (benchmarks/dask_postgres.py, docs/scale.md)
DASK_BATCH = 128
_WRITERS: dict[str, tuple[Store, AgencyResolver]] = {}


def _writer(url: str) -> tuple[Store, AgencyResolver]:
    """One connection and resolver per worker process and archive; a new one when the old has died
    (the server was restarted since: the workers of a cluster outlive it)."""
    cached = _WRITERS.get(url)
    if cached is not None:
        try:
            cached[0].one("SELECT 1")
            return cached
        except Exception:
            with contextlib.suppress(Exception):
                cached[0].close()
    store = connect(url)
    _WRITERS[url] = (store, AgencyResolver(store))
    return _WRITERS[url]


def ingest_batch(items: list[Item], url: str, run_id: int) -> list[tuple[str, str, str | None]]:
    """(name, status, error) of each item, after writing it (runs on a Dask worker). A database
    failure is raised: the client ends the run with it."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    store, resolver = _writer(url)

    def known(digest: str) -> bool:
        return store.one("SELECT 1 FROM versions WHERE hash = ?", (digest,)) is not None

    out: list[tuple[str, str, str | None]] = []
    for item in items:
        result = process(item, known)
        error = result.error
        if error is None and result.prepared is not None:
            try:
                outcome = write(store, resolver, result.prepared, run_id=run_id, path=item.name)
                out.append((item.name, outcome.status, None))
                continue
            except ArchiveError:
                raise  # the database itself failed: the client ends the run
            except Exception as failure:
                error = "database: " + describe(failure)
        if error is not None:
            record_failure(store, run_id, item.name, result.digest, error)
            out.append((item.name, "failed", error))
        else:
            out.append((item.name, "unchanged", None))
    return out


def _reachable(address: str) -> None:
    """Fail at once, in one line, when nothing listens at a tcp:// scheduler address."""
    host, _, port = address.removeprefix("tcp://").rpartition(":")
    if not host or not port.isdigit():
        raise ArchiveError(address, "cannot reach the Dask scheduler: give it as tcp://host:port")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
    except OSError as error:
        raise ArchiveError(address, f"cannot reach the Dask scheduler: {error.strerror or error}") from error


def _absolute(url: str) -> str:
    """A SQLite path the workers can open whatever their working directory."""
    path = sqlite_path(url)
    return url if path is None or path == ":memory:" else os.path.abspath(path)


def ingest_dask(
    paths: Sequence[str],
    url: str,
    *,
    scheduler: str | None = None,
    client: Any = None,
    batch: int = DASK_BATCH,
    progress: bool | None = None,
    command: str = "ingest",
) -> IngestReport:
    """Ingest on the Dask cluster at ``scheduler`` (or through an open ``client``)."""
    distributed = require("distributed", "dask")
    url = _absolute(url)
    own = client is None
    if own:
        _reachable(str(scheduler))
        try:
            client = distributed.Client(scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as error:
            raise ArchiveError(str(scheduler), f"cannot reach the Dask scheduler: {error}") from error
    store = connect(url)
    held: dict[Any, list[Item]] = {}  # the futures in flight and their items
    report: IngestReport | None = None
    try:
        try:
            migrate(store)
            report = IngestReport(start_run(store, command))
            _run(distributed, client, store, url, paths, report, batch, held, show_progress(progress))
        except Exception as error:
            if not store.driver_error(error):
                raise
            raise database_failed(url, report, error) from error
        return report
    finally:
        if held:
            client.cancel(list(held))
        with contextlib.suppress(Exception):  # a connection already lost cannot be closed cleanly
            store.close()
        if own:
            client.close()


def _run(
    distributed: Any,
    client: Any,
    store: Store,
    url: str,
    paths: Sequence[str],
    report: IngestReport,
    batch: int,
    held: dict[Any, list[Item]],
    progress: bool,
) -> None:
    """Stream batches through a window twice the workers, and count what comes back."""
    window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    pending = batches(iter_items(paths), batch)
    futures = distributed.as_completed()

    def submit() -> None:
        items = next(pending, None)
        if items is not None:
            future = client.submit(ingest_batch, items, url, report.run_id, pure=False)
            held[future] = items
            futures.add(future)

    for _ in range(window):
        submit()
    with progress_bar(progress) as live:
        task = (
            live.add_task("ingest", total=count_items(paths), rate=0.0, failed=0)
            if live is not None
            else None
        )
        for future in futures:
            items = held.pop(future)
            try:
                outcomes = future.result()
            except Exception as error:
                if isinstance(error, ArchiveError) or store.driver_error(error):
                    raise database_failed(url, report, error) from error  # on the worker
                # the task itself failed (a worker died more often than Dask allows)
                outcomes = [(item.name, "failed", "crash: " + describe(error)) for item in items]
                for name, _, cause in outcomes:
                    record_failure(store, report.run_id, name, None, cause or "")
            for name, status, cause in outcomes:
                report.fail(name, cause or "") if status == "failed" else report.count(status)
            future.release()
            submit()
            if live is not None:
                live.update(task, completed=report.seen, rate=report.rate, failed=report.failed)
    save_run(store, report, finished=True)
