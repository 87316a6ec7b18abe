"""The archive as a library object: open it, add documents, ask it questions.

>>> from vbdieuhanh.archive import open_archive
>>> with open_archive("vbdieuhanh.db") as archive:                       # doctest: +SKIP
...     archive.ingest(["samples/"])
...     report = archive.followup("29/CV-BCĐQG")
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ..corrections import SCHEMA
from ..models import Document
from .keys import content_hash
from .migrations import LATEST, migrate, schema_version
from .prepare import prepare
from .resolve import FUZZY_MIN_LENGTH, FUZZY_THRESHOLD, AgencyResolver
from .store import DEFAULT_URL, ArchiveError, Store, connect, on_read_only_media, sqlite_path
from .write import Outcome, write

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    import networkx

    from .assignments import TaskAssignment
    from .followup import FollowUp
    from .ingest import IngestReport
    from .lookup import AgencyRow
    from .search import Hit


def _locked(method: F) -> F:
    """Run the method holding the archive's lock (its one connection is used by one thread at a time)."""

    @functools.wraps(method)
    def run(self: Archive, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            return method(self, *args, **kwargs)

    return cast(F, run)


class Archive:
    """An archive of documents in SQLite (default) or PostgreSQL, with its task-tracking graph.

    Threads: one ``Archive`` can be shared by many threads. It holds one database connection, and
    every method that uses it runs under the archive's lock, one call at a time (a transaction is
    never interleaved with another thread's); :meth:`add_file` parses outside the lock, so threads
    parse in parallel and only their writes wait for each other. :meth:`ingest` opens connections
    of its own (its workers are processes). For many writers at once, open one ``Archive`` per
    thread or process instead: SQLite lets one writer in at a time (others wait up to 60 s),
    PostgreSQL takes writers side by side.
    """

    def __init__(self, url: str = DEFAULT_URL, *, create: bool = True) -> None:
        self.url = url
        self._lock = threading.RLock()
        path = sqlite_path(url)
        if not create and path is not None and path != ":memory:" and not Path(path).exists():
            raise ArchiveError(url, "no archive here (ingest into it first, or check the path)")
        # an existing archive on read-only media is opened to be read: nothing is written to it
        self.read_only = not create and on_read_only_media(url)
        self.store: Store = connect(url, readonly=self.read_only)
        if not create and not self.store.has_table("schema_migrations"):
            self.store.close()
            raise ArchiveError(self.store.url, "this database holds no archive (ingest into it first)")
        if self.read_only:
            if schema_version(self.store) != LATEST:
                self.store.close()
                raise ArchiveError(
                    url, "this read-only archive has an older schema: open it once where it can be written"
                )
        else:
            migrate(self.store)
            self._record_settings()
        self._resolver: AgencyResolver | None = None

    def _check_writable(self) -> None:
        if self.read_only:
            raise ArchiveError(
                self.url, "the archive is on read-only media and was opened to be read; copy it to write"
            )

    def _record_settings(self) -> None:
        settings = {"fuzzy_threshold": FUZZY_THRESHOLD, "fuzzy_min_length": FUZZY_MIN_LENGTH}
        if self.store.scalar("SELECT value FROM meta WHERE key = 'resolution'") != json.dumps(settings):
            self.store.atomic(
                lambda: self.store.execute(
                    "INSERT INTO meta (key, value) VALUES ('resolution', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (json.dumps(settings),),
                )
            )

    @property
    def resolver(self) -> AgencyResolver:
        if self._resolver is None:
            self._resolver = AgencyResolver(self.store)
        return self._resolver

    # --- writing -------------------------------------------------------------------------------

    @_locked
    def add(self, document: Document, *, digest: str | None = None, path: str | None = None) -> Outcome:
        """Store one record (``digest``: the SHA-256 of its file; by default, of the record)."""
        self._check_writable()
        digest = digest or content_hash(document.model_dump_json().encode())
        return write(self.store, self.resolver, prepare(document, digest), path=path)

    def add_file(self, path: str | Path) -> Outcome:
        """Parse and store one file (no-op if these bytes are stored)."""
        self._check_writable()
        from .. import parse_file
        from .inputs import Item

        item = Item(str(path))
        digest = item.digest()  # a special file or one over the size limit is refused before reading
        document = parse_file(path)  # outside the lock: threads parse side by side
        return self.add(document, digest=digest, path=str(path))

    def ingest(self, paths: Sequence[str], **options: Any) -> IngestReport:
        """Batch ingest of files, folders, globs and zip files; see :func:`ingest.ingest`."""
        self._check_writable()
        from .ingest import ingest

        return ingest(paths, self.url, **options)

    # --- reading -------------------------------------------------------------------------------

    @_locked
    def document(self, ref: str, *, corrected: bool = True) -> Document:
        """The current version of a stored document (by id, number-symbol or content hash), with the
        saved corrections applied (``corrected=False``: the record as parsed)."""
        from ..corrections import apply_corrections
        from .corrections import corrections_for, stored_record

        digest, record = self._current(ref)
        document = stored_record(record)
        fixes = corrections_for(self.store, digest) if corrected else {}
        return apply_corrections(document, fixes) if fixes else document

    def _current(self, ref: str) -> tuple[str, Any]:
        from .lookup import find_document

        doc_id = find_document(self.store, ref)
        row = self.store.one(
            "SELECT v.hash, v.record FROM documents d JOIN versions v ON v.hash = d.current_hash "
            "WHERE d.id = ?",
            (doc_id,),
        )
        if row is None:
            raise LookupError(f"{ref}: the archive holds only a placeholder (cited, not ingested)")
        return str(row[0]), row[1]

    @_locked
    def correct(self, corrections: str | Path | Mapping[str, Mapping[str, Any]]) -> int:
        """Save corrections (a corrections file, or ``{sha256: {path: value}}``) and re-derive the
        stored versions they name; return the number of fields saved. The parse is kept."""
        self._check_writable()
        from ..corrections import load_corrections, parse_corrections
        from .corrections import save_corrections
        from .rederive import rederive

        if isinstance(corrections, Mapping):
            found = parse_corrections(
                {
                    "schema": SCHEMA,
                    "documents": [{"sha256": h, "set": dict(v)} for h, v in corrections.items()],
                }
            )
        else:
            found = load_corrections(corrections)
        count = save_corrections(self.store, found)
        for digest in found:
            rederive(self.store, self.resolver, digest)
        return count

    @_locked
    def corrections(self, ref: str) -> list[dict[str, Any]]:
        """The corrections saved for a document's current version: field, value, parsed value, when."""
        from .corrections import corrections_of

        return corrections_of(self.store, self._current(ref)[0])

    @_locked
    def graph(self) -> networkx.MultiDiGraph:
        """The whole task-tracking graph as a networkx MultiDiGraph."""
        from .graph import build_graph

        return build_graph(self.store)

    @_locked
    def export_graph(self, out: str | Path, fmt: str) -> Path:
        """Write the graph as GraphML, JSON (node-link) or CSV (nodes.csv + edges.csv)."""
        from .graph import export

        return export(self.store, Path(out), fmt)

    @_locked
    def followup(
        self,
        ref: str,
        *,
        as_of: str | None = None,
        depth: int = 2,
        issuer: str | None = None,
        date: str | None = None,
    ) -> FollowUp:
        """Who acted on a directive, with lags, and which of its tasks are unanswered
        (``issuer`` / ``date`` choose among documents that share a number)."""
        from .followup import followup

        return followup(self.store, ref, as_of=as_of, depth=depth, issuer=issuer, date=date)

    @_locked
    def search(
        self,
        words: str,
        *,
        issuer: str | None = None,
        province: str | None = None,
        doc_type: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 50,
    ) -> list[Hit]:
        """Documents whose subject, text or tasks hold ``words`` (accents optional), best first."""
        from .search import search

        return search(
            self.store, words, issuer=issuer, province=province, doc_type=doc_type,
            date_from=date_from, date_to=date_to, limit=limit,
        )  # fmt: skip

    @_locked
    def bodies(self, name: str) -> list[AgencyRow]:
        """Every body a name may stand for (any spelling, with or without accents or province)."""
        from .lookup import find_agencies

        return find_agencies(self.store, name)

    @_locked
    def merges(self) -> list[dict[str, Any]]:
        """Documents merged into one node, and why."""
        rows = self.store.rows(
            "SELECT placeholder_id, document_id, merged_at, reason FROM merges ORDER BY merged_at"
        )
        return [dict(zip(("merged", "into", "at", "reason"), r, strict=True)) for r in rows]

    @_locked
    def tasks(self, assignee: str, *, as_of: str | None = None) -> list[TaskAssignment]:
        """What a body was told to do, directly or as one of a group ('UBND các tỉnh, thành phố')."""
        from .assignments import tasks_of

        return tasks_of(self.store, assignee, as_of=as_of)

    @_locked
    def indicators(self, *, province: str | None = None, what: str | None = None) -> list[dict[str, Any]]:
        """Results and targets from reports and news, optionally for one province or one measure."""
        from .queries import indicators

        return indicators(self.store, province=province, what=what)

    @_locked
    def stats(self) -> dict[str, Any]:
        """Counts of what the archive holds."""
        from .queries import stats

        return stats(self.store)

    @_locked
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def open_archive(url: str = DEFAULT_URL, *, create: bool = True) -> Archive:
    """Open (and create or upgrade) the archive at ``url``: a file path, sqlite:/// or postgresql://.

    ``create=False``: refuse a path or database that holds no archive yet (a mistyped ``--db``).
    """
    return Archive(url, create=create)
