"""Batch ingest: parse files in worker processes, write each document in its own transaction.

- **Inputs** stream from :mod:`inputs` (files, folders, globs, zip members); at most a few batches
  are in flight, so memory stays flat however large the archive.
- **Workers** read a file, hash it, skip it if those bytes are stored (so a second run goes on where
  a killed one stopped), parse it and :func:`prepare` it; the parent process writes. A worker that
  dies (a reader crash) is replaced and the batch it held is retried one file at a time, so only the
  file that kills it fails.
- **Failures** (unreadable file, parser error, database error) go to ``ingest_log`` with the file
  and the cause; the batch goes on; the report counts them and the CLI's exit code says so.
- **Progress**: a rich bar with rate and ETA on a terminal.

With ``scheduler`` (a Dask ``tcp://`` address) or ``client``, the same work runs on a Dask cluster:
see :mod:`dask_ingest`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from ..corrections import SCHEMA
from .batch import (
    IngestReport,
    Result,
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
from .dask_ingest import DASK_BATCH, ingest_dask
from .inputs import Item, count_items, iter_items
from .interrupts import CtrlC, noted_ctrl_c
from .migrations import migrate
from .resolve import AgencyResolver
from .store import ArchiveError, Store, connect, redact
from .write import write

# --- workers ------------------------------------------------------------------------------------

BATCH = 16  # files per task of the local pool
_CTRL_C_POLL = 0.2  # seconds between looks at a noted Ctrl-C while the workers are busy
_WORKER: dict[str, Any] = {}


def _init_worker(url: str, parent: int) -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread per process is fastest
    # Ctrl-C goes to the whole process group: the parent stops the run, the workers print nothing
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    # connected at the first file, not here: a database that is down would make the pool print
    # the initializer's traceback; in a file's work it is that file's one-line failure
    _WORKER["url"] = url


_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def _die_with(parent: int) -> None:
    """End this worker when the ingest that started it dies (kill -9, OOM), not keep it running.

    On Linux the kernel sends SIGTERM when the parent goes (prctl PR_SET_PDEATHSIG); the check of the
    parent's id after it covers a parent that died before the call. Elsewhere nothing is done.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(1)


def _known(digest: str) -> bool:
    if "store" not in _WORKER:
        _WORKER["store"] = connect(_WORKER["url"], readonly=True)
    return _WORKER["store"].one("SELECT 1 FROM versions WHERE hash = ?", (digest,)) is not None


def _process_batch(items: list[Item]) -> list[Result]:
    return [process(item, _known) for item in items]


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold back SIGINT while the pool may start a worker: the worker is spawned with it blocked,
    so a Ctrl-C while it still imports (before its initializer ignores SIGINT) prints no traceback
    from it; here the signal arrives as soon as the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class _Pool:
    """A process pool that survives a worker's death: the batch it held is retried item by item."""

    def __init__(self, url: str, workers: int) -> None:
        self.url, self.workers = url, workers
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        context = get_context("spawn")
        executor = ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_init_worker, initargs=(self.url, os.getpid())
        )
        try:
            with _ctrl_c_held():
                first = executor.submit(os.getpid)
            first.result()
        except BrokenProcessPool as error:
            executor.shutdown(wait=False)
            raise ArchiveError(
                self.url, "the worker processes could not start (run with --workers 0 to see why)"
            ) from error
        return executor

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def run(
        self,
        batches: Iterable[list[Item]],
        idle: Callable[[], None] | None = None,
        ctrl_c: CtrlC | None = None,
    ) -> Iterator[Result]:
        """Results of the batches as they come; ``idle`` runs before waiting for one; a Ctrl-C
        noted in ``ctrl_c`` is raised while waiting."""
        ctrl_c = ctrl_c or CtrlC()
        window = 2 * self.workers
        pending: dict[Future[list[Result]], list[Item]] = {}
        source = iter(batches)
        try:
            while True:
                while len(pending) < window and (batch := next(source, None)) is not None:
                    pending[self._submit(batch)] = batch
                if not pending:
                    return
                if idle is not None and not any(future.done() for future in pending):
                    idle()
                done: set[Future[list[Result]]] = set()
                while not done:
                    ctrl_c.check()
                    done, _ = wait(pending, timeout=_CTRL_C_POLL, return_when=FIRST_COMPLETED)
                broken: list[list[Item]] = []
                for future in done:
                    batch = pending.pop(future)
                    try:
                        yield from future.result()
                    except BrokenProcessPool:
                        broken.append(batch)
                if broken:
                    broken += list(pending.values())
                    pending.clear()
                    self._restart()
                    for batch in broken:
                        yield from self._one_by_one(batch)
        finally:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def _submit(self, batch: list[Item]) -> Future[list[Result]]:
        with _ctrl_c_held():  # the pool may start a worker for it
            return self.executor.submit(_process_batch, batch)

    def _one_by_one(self, batch: list[Item]) -> Iterator[Result]:
        for item in batch:
            try:
                yield from self._submit([item]).result()
            except BrokenProcessPool:
                self._restart()
                yield Result(item.name, error="crash: the worker process died while reading this file")


# --- the run ------------------------------------------------------------------------------------


def ingest(
    paths: Sequence[str],
    url: str,
    *,
    workers: int | None = None,
    batch: int | None = None,
    progress: bool | None = None,
    scheduler: str | None = None,
    client: Any = None,
    command: str | None = None,
    corrections: str | Path | Mapping[str, Mapping[str, Any]] | None = None,
) -> IngestReport:
    """Ingest files, folders, globs and zip files into the archive at ``url``.

    ``workers``: processes that parse (default: the number of CPUs; 0 parses in this process).
    ``scheduler``/``client``: run on a Dask cluster instead (see :mod:`dask_ingest`).
    ``corrections``: a corrections file (:mod:`vbdieuhanh.corrections`) or its parsed form
    ``{sha256: {path: value}}``, saved in the archive before the run and applied on top of the
    parsed records (now, and whenever these bytes are written again); the parse is kept.
    """
    if batch is not None and batch < 1:
        raise ArchiveError(redact(url), f"--batch must be 1 or more (files per worker task), not {batch}")
    if workers is not None and workers < 0:
        raise ArchiveError(redact(url), f"--workers must be 0 or more, not {workers}")
    command = command or "ingest " + " ".join(paths)
    if corrections is not None:
        stored = _save_corrections(url, corrections)
        corrected = ingest(
            paths, url, workers=workers, batch=batch, progress=progress, scheduler=scheduler,
            client=client, command=command,
        )  # fmt: skip
        _rederive(url, stored)
        return corrected
    if scheduler or client is not None:
        return ingest_dask(
            paths,
            url,
            scheduler=scheduler,
            client=client,
            batch=batch or DASK_BATCH,
            progress=progress,
            command=command,
        )
    store = connect(url)
    report: IngestReport | None = None
    try:
        try:
            migrate(store)
            report = IngestReport(start_run(store, command))
            workers = (os.cpu_count() or 1) if workers is None else workers
            enabled = show_progress(progress)
            total = count_items(paths) if enabled else 0
            _run(store, url, paths, report, workers, batch or BATCH, progress_bar(enabled), total)
        except Exception as error:
            if not store.driver_error(error):
                raise
            raise database_failed(url, report, error) from error
        return report
    finally:
        with contextlib.suppress(Exception):  # a connection already lost cannot be closed cleanly
            store.close()


def _save_corrections(url: str, corrections: str | Path | Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Check and save the corrections; return the hashes among them already stored (their rows are
    re-derived after the run; the bytes the run writes get them as they are written)."""
    from ..corrections import load_corrections, parse_corrections
    from .corrections import save_corrections

    if isinstance(corrections, Mapping):
        found = parse_corrections(
            {"schema": SCHEMA, "documents": [{"sha256": h, "set": dict(v)} for h, v in corrections.items()]}
        )
    else:
        found = load_corrections(corrections)
    store = connect(url)
    try:
        migrate(store)
        save_corrections(store, found)
        return [h for h in found if store.one("SELECT 1 FROM versions WHERE hash = ?", (h,))]
    except Exception as error:
        if not store.driver_error(error):
            raise
        raise database_failed(url, None, error) from error
    finally:
        store.close()


def _rederive(url: str, digests: list[str]) -> None:
    from .rederive import rederive

    if not digests:
        return
    store = connect(url)
    try:
        resolver = AgencyResolver(store)
        for digest in digests:
            rederive(store, resolver, digest)
    except Exception as error:
        if not store.driver_error(error):
            raise
        raise database_failed(url, None, error) from error
    finally:
        store.close()


def _run(
    store: Store,
    url: str,
    paths: Sequence[str],
    report: IngestReport,
    workers: int,
    batch: int,
    bar: Any,
    total: int,
) -> None:
    resolver = AgencyResolver(store)
    started = last_save = time.monotonic()
    with noted_ctrl_c() as ctrl_c, bar as live, store.grouped():
        if workers > 0:
            results = _Pool(url, workers).run(batches(iter_items(paths), batch), store.flush, ctrl_c)
        else:

            def known(digest: str) -> bool:
                return store.one("SELECT 1 FROM versions WHERE hash = ?", (digest,)) is not None

            results = (process(item, known) for item in iter_items(paths))
        task = live.add_task("ingest", total=total or None, rate=0.0, failed=0) if live is not None else None
        try:
            for result in results:
                _handle(store, resolver, report, result)
                report.seconds = time.monotonic() - started
                if live is not None:
                    live.update(task, advance=1, rate=report.rate, failed=report.failed)
                if time.monotonic() - last_save > 5:
                    save_run(store, report)
                    last_save = time.monotonic()
                ctrl_c.check()
        except KeyboardInterrupt:  # Ctrl-C: the run's counts are saved, unfinished; a re-run goes on
            report.seconds = time.monotonic() - started
            save_run(store, report)
            raise
    report.seconds = time.monotonic() - started
    save_run(store, report, finished=True)


def _handle(store: Store, resolver: AgencyResolver, report: IngestReport, result: Result) -> None:
    if result.error is not None:
        record_failure(store, report.run_id, result.name, result.digest, result.error)
        report.fail(result.name, result.error)
        return
    if result.prepared is None:
        report.count("unchanged")
        return
    try:
        outcome = write(store, resolver, result.prepared, run_id=report.run_id, path=result.name)
    except ArchiveError:
        raise  # the database itself failed: nothing more can be stored in this run
    except Exception as error:
        cause = "database: " + describe(error)
        record_failure(store, report.run_id, result.name, result.digest, cause)
        report.fail(result.name, cause)
        return
    report.count(outcome.status)
