"""What the local and the Dask ingest share: the result of one file, the run's report and log,
the work done on one item, batching and the progress bar."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..errors import VbdhError
from .inputs import Item
from .migrations import now
from .prepare import Prepared, prepare
from .store import ArchiveError, Store, lock_cause, redact

FAILURE_SAMPLE = 20


@dataclass(slots=True)
class Result:
    """What a worker did with one item: prepared rows, already known, or an error."""

    name: str
    digest: str | None = None
    prepared: Prepared | None = None
    error: str | None = None


@dataclass(slots=True)
class IngestReport:
    """Counts of a run, and the first failures (all of them are in ``ingest_log``)."""

    run_id: int
    seen: int = 0
    stored: int = 0
    new_versions: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def rate(self) -> float:
        return self.seen / self.seconds if self.seconds else 0.0

    def count(self, status: str) -> None:
        self.seen += 1
        attribute = {"stored": "stored", "new_version": "new_versions", "unchanged": "unchanged"}[status]
        setattr(self, attribute, getattr(self, attribute) + 1)

    def fail(self, name: str, error: str) -> None:
        self.seen += 1
        self.failed += 1
        if len(self.failures) < FAILURE_SAMPLE:
            self.failures.append((name, error))


def describe(error: BaseException) -> str:
    """One line for a failure: the library's code and cause, or the exception type and message."""
    if isinstance(error, VbdhError):
        return f"{error.code}: {error.cause}"
    text = " ".join(str(error).split()) or "no message"
    return f"{type(error).__name__}: {text[:300]}"


def database_failed(url: str, report: IngestReport | None, error: BaseException) -> ArchiveError:
    """The one line that ends a run whose database failed (connection lost, server stopped, a lock
    another program held longer than the busy timeout); ``report`` is None before the run began."""
    cause = lock_cause(error)
    if cause is None:
        detail = error.cause if isinstance(error, VbdhError) else " ".join(str(error).split())[:300]
        cause = f"the database failed ({detail or type(error).__name__})"
    after = f" after {report.stored} documents" if report is not None else ""
    return ArchiveError(
        redact(url), f"{cause}{after}; each document in the archive is whole: run the ingest again to go on"
    )


def process(item: Item, known: Callable[[str], bool]) -> Result:
    """Read, hash, skip stored bytes, parse and prepare one item (runs in a worker)."""
    if item.error:
        return Result(item.name, error=item.error)
    digest = None
    try:
        digest = item.digest()  # size-checked, then hashed in chunks
        if known(digest):
            return Result(item.name, digest)
        document = item.parse()
        return Result(item.name, digest, prepare(document, digest))
    except Exception as error:  # a bad input never stops the batch
        return Result(item.name, digest, error=describe(error))


def start_run(store: Store, command: str) -> int:
    run_id = store.scalar(
        "INSERT INTO ingest_runs (started_at, command) VALUES (?, ?) RETURNING id", (now(), command)
    )
    return int(run_id)


def save_run(store: Store, report: IngestReport, *, finished: bool = False) -> None:
    store.execute(
        "UPDATE ingest_runs SET seen = ?, stored = ?, new_versions = ?, unchanged = ?, failed = ?, "
        "finished_at = ? WHERE id = ?",
        (
            report.seen, report.stored, report.new_versions, report.unchanged, report.failed,
            now() if finished else None, report.run_id,
        ),
    )  # fmt: skip


def record_failure(store: Store, run_id: int, name: str, digest: str | None, error: str) -> None:
    store.execute(
        "INSERT INTO ingest_log (run_id, path, hash, status, error, at) VALUES (?, ?, ?, 'failed', ?, ?)",
        (run_id, name, digest, error, now()),
    )


def batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(islice(items, size)):
        yield batch


def show_progress(progress: bool | None) -> bool:
    """Progress is shown on a terminal unless asked otherwise."""
    return progress if progress is not None else sys.stderr.isatty()


def progress_bar(enabled: bool) -> Any:
    """A rich progress bar with rate and ETA on stderr, or nothing."""
    if not enabled:
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.0f} doc/s"),
        TimeRemainingColumn(),
        TextColumn("[red]{task.fields[failed]} failed"),
    )
    return Progress(*columns, console=Console(stderr=True), transient=False)
