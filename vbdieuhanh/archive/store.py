"""The archive's database: an embedded SQLite file by default, PostgreSQL by URL, one interface.

``connect(url)`` takes ``vbdieuhanh.db`` / ``sqlite:///path/to.db`` (SQLite, no server) or
``postgresql://user@host:port/db`` (psycopg 3, imported only then). SQL is written once with ``?``
placeholders (values always go in parameters: a literal ``?`` in SQL text would be taken for one);
each backend adapts it. Writes happen in :meth:`Store.atomic`, one transaction per
document, retried when the database reports a lock conflict or a deadlock. Inside
:meth:`Store.grouped` (an ingest into SQLite) each document is a savepoint and several share one
commit: each is still written whole or not at all.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from ..errors import VbdhError
from .deps import require

T = TypeVar("T")
Row = tuple[Any, ...]
DEFAULT_URL = "vbdieuhanh.db"
RETRIES = 8
GROUP_DOCUMENTS = 64  # documents that share one commit inside Store.grouped
GROUP_SECONDS = 0.5  # … or the time after which the group is committed
BUSY_SECONDS = 60  # how long a SQLite writer waits for a lock another program holds


class ArchiveError(VbdhError):
    """The archive cannot be opened or used (bad URL, server down, schema from a newer version)."""

    code = "archive"


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def lock_id(key: str) -> int:
    """A signed 64-bit number for a PostgreSQL advisory lock on ``key``."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


class Store:
    """A connection to the archive database."""

    dialect = ""
    concurrent_writers = False  # True when writers run side by side and must lock what they share

    def __init__(self, url: str) -> None:
        self.url = redact(url)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row = self.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 2000) -> Iterator[Row]:
        """Rows of a large query without holding them all."""
        cursor = self.execute(sql, params)
        while batch := cursor.fetchmany(size):
            yield from batch

    @contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield

    @contextmanager
    def grouped(self) -> Iterator[None]:
        """Let the transactions made inside share commits (a backend where that pays: SQLite)."""
        yield

    def flush(self) -> None:
        """Commit the documents a group holds, before waiting for more (no group: nothing to do)."""

    def lock(self, keys: Iterable[str], shared: Iterable[str] = ()) -> None:
        """Serialise writers that touch the same keys (until the transaction ends); ``shared`` keys
        only keep out the writers that lock them alone. SQLite has one writer at a time already."""

    def has_table(self, name: str) -> bool:
        raise NotImplementedError

    def _retryable(self, error: Exception) -> bool:
        return False

    def atomic(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one transaction; retry it when the database reports a conflict."""
        for attempt in range(RETRIES):
            try:
                with self.transaction():
                    return work()
            except Exception as error:
                if self._lost(error):  # server stopped, disk full: one line, not the driver's traceback
                    cause = " ".join(str(error).split())[:300] or type(error).__name__
                    raise ArchiveError(redact(self.url), f"the database failed: {cause}") from error
                if not self._retryable(error) or attempt == RETRIES - 1:
                    raise
                time.sleep(0.01 * 2**attempt)
        raise AssertionError("unreachable")

    def _lost(self, error: Exception) -> bool:
        """Is the error the database's own failure (connection lost, disk full), not a conflict?"""
        return False

    def driver_error(self, error: BaseException) -> bool:
        """Does the error come from the database driver (sqlite3, psycopg)?"""
        return isinstance(error, sqlite3.Error)

    def close(self) -> None:
        raise NotImplementedError


def lock_cause(error: BaseException) -> str | None:
    """What to tell when SQLite gave up waiting for a lock another connection held (the busy
    timeout); None for any other error."""
    if isinstance(error, sqlite3.OperationalError) and str(error).startswith(
        ("database is locked", "database is busy")
    ):
        return f"the archive is locked by another program (waited {BUSY_SECONDS} s for it)"
    return None


@dataclass(slots=True)
class _Group:
    """The open commit group of a SQLiteStore: when it began, the documents it holds."""

    started: float = 0.0
    documents: int = 0


class SQLiteStore(Store):
    """An embedded SQLite file (WAL journal: readers never wait for the writer)."""

    dialect = "sqlite"

    def __init__(self, url: str, path: str, *, readonly: bool = False) -> None:
        super().__init__(url)
        self.path = path
        self._group: _Group | None = None
        try:
            if readonly:
                # quoted: a '#' or '?' in the path would end it inside a URI; on read-only media
                # (the folder cannot be written) no lock or WAL file can be made: read it immutable
                immutable = "&immutable=1" if not _writable(Path(path).parent) else ""
                self.conn = sqlite3.connect(
                    f"file:{quote(path)}?mode=ro{immutable}",
                    uri=True,
                    isolation_level=None,
                    timeout=BUSY_SECONDS,
                    check_same_thread=False,
                )
            else:
                if path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(
                    path, isolation_level=None, timeout=BUSY_SECONDS, check_same_thread=False
                )
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA cache_size=-65536")
        except sqlite3.Error as error:
            raise ArchiveError(self.url, f"cannot open the SQLite archive: {error}") from error

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def _lost(self, error: Exception) -> bool:
        text = str(error).lower()
        causes = ("disk is full", "disk i/o error", "readonly database", "unable to open")
        return isinstance(error, sqlite3.OperationalError) and any(cause in text for cause in causes)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._group is not None:
            with self._in_group(self._group):
                yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def grouped(self) -> Iterator[None]:
        """Documents written inside share commits: each is a savepoint (whole or not at all), and the
        group is committed every GROUP_DOCUMENTS documents or GROUP_SECONDS seconds, by ``flush``
        and at the end. A commit writes the pages the documents changed (indexes, search) once for
        the group rather than once per document: half the writer's time in a large ingest."""
        self._group = _Group()
        try:
            yield
        finally:
            try:
                self.flush()
            except sqlite3.Error:
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
                raise
            finally:
                self._group = None

    def flush(self) -> None:
        if self._group is not None and self.conn.in_transaction:
            self.conn.execute("COMMIT")

    @contextmanager
    def _in_group(self, group: _Group) -> Iterator[None]:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            group.started, group.documents = time.monotonic(), 0
        self.conn.execute("SAVEPOINT document")
        try:
            yield
        except BaseException:
            try:
                self.conn.execute("ROLLBACK TO document")
                self.conn.execute("RELEASE document")
            except sqlite3.Error:  # the database rolled back by itself (disk full): the group is lost
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("RELEASE document")
        group.documents += 1
        if group.documents >= GROUP_DOCUMENTS or time.monotonic() - group.started >= GROUP_SECONDS:
            self.conn.execute("COMMIT")

    def has_table(self, name: str) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.one(sql, (name,)) is not None

    def _retryable(self, error: Exception) -> bool:
        return isinstance(error, sqlite3.OperationalError) and "locked" in str(error)

    def close(self) -> None:
        self.conn.close()


class PostgresStore(Store):
    """A PostgreSQL database shared by many writers (advisory locks keep their writes apart)."""

    dialect = "postgresql"
    concurrent_writers = True

    def __init__(self, url: str) -> None:
        super().__init__(url)
        psycopg = require("psycopg", "postgres")
        self._errors = psycopg.errors
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            cause = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise ArchiveError(self.url, f"cannot connect to PostgreSQL: {cause}") from error
        self._sql: dict[str, str] = {}

    def _adapt(self, sql: str) -> str:
        adapted = self._sql.get(sql)
        if adapted is None:
            adapted = self._sql[sql] = sql.replace("%", "%%").replace("?", "%s")
        return adapted

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._adapt(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(self._adapt(sql), list(rows))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def lock(self, keys: Iterable[str], shared: Iterable[str] = ()) -> None:
        alone = {lock_id(k) for k in keys}
        modes = sorted({**{lock_id(k): True for k in shared}, **dict.fromkeys(alone, False)}.items())
        if modes:  # one round trip; unnest keeps the order, so writers lock in the same order
            self.conn.execute(
                "SELECT CASE WHEN s THEN pg_advisory_xact_lock_shared(k) ELSE pg_advisory_xact_lock(k) END "
                "FROM unnest(%s::bigint[], %s::boolean[]) AS t(k, s)",
                ([k for k, _ in modes], [s for _, s in modes]),
            )

    def has_table(self, name: str) -> bool:
        return self.scalar("SELECT to_regclass(?)", (name,)) is not None

    def _lost(self, error: Exception) -> bool:
        return isinstance(error, self._errors.OperationalError) and not self._retryable(error)

    def driver_error(self, error: BaseException) -> bool:
        return isinstance(error, self._errors.Error)

    def _retryable(self, error: Exception) -> bool:
        errors = self._errors
        return isinstance(
            error, (errors.DeadlockDetected, errors.SerializationFailure, errors.UniqueViolation)
        )

    def close(self) -> None:
        self.conn.close()


def sqlite_path(url: str) -> str | None:
    """The file an SQLite URL names (``sqlite:///rel.db``, ``sqlite:////abs.db`` or a bare path)."""
    if url.startswith("sqlite://"):
        path = url[len("sqlite://") :]
        return (path[1:] if path.startswith("/") else path) or ":memory:"
    return None if "://" in url else url


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def on_read_only_media(url: str) -> bool:
    """Is the SQLite archive a URL names on media this process cannot write (a read-only mount, a
    folder without write permission)? Then reading commands open it read-only."""
    path = sqlite_path(url)
    if path is None or path == ":memory:" or not Path(path).exists():
        return False
    return not (_writable(Path(path)) and _writable(Path(path).parent))


def connect(url: str = DEFAULT_URL, *, readonly: bool = False) -> Store:
    """Open the archive database a URL names (no schema work; see ``migrations.migrate``)."""
    if not url or not url.strip():
        raise ArchiveError("--db", "empty database URL")
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresStore(url)
    path = sqlite_path(url)
    if path is None:
        scheme = url.split("://", 1)[0]
        raise ArchiveError(
            redact(url), f"unknown database scheme {scheme!r} (use a file path, sqlite:/// or postgresql://)"
        )
    return SQLiteStore(url, path, readonly=readonly)
