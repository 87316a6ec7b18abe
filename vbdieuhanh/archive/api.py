"""The archive as a library object: open it, add documents, ask it questions.

>>> from vbdieuhanh.archive import open_archive
>>> with open_archive("vbdieuhanh.db") as archive:                       # doctest: +SKIP
...     archive.ingest(["samples/"])
...     report = archive.followup("29/CV-BCĐQG")
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..models import Document
from .keys import content_hash
from .migrations import migrate
from .prepare import prepare
from .resolve import FUZZY_MIN_LENGTH, FUZZY_THRESHOLD, AgencyResolver
from .store import DEFAULT_URL, ArchiveError, Store, connect, sqlite_path
from .write import Outcome, write

if TYPE_CHECKING:
    import networkx

    from .assignments import TaskAssignment
    from .followup import FollowUp
    from .ingest import IngestReport
    from .lookup import AgencyRow
    from .search import Hit


class Archive:
    """An archive of documents in SQLite (default) or PostgreSQL, with its task-tracking graph."""

    def __init__(self, url: str = DEFAULT_URL, *, create: bool = True) -> None:
        self.url = url
        path = sqlite_path(url)
        if not create and path is not None and path != ":memory:" and not Path(path).exists():
            raise ArchiveError(url, "no archive here (ingest into it first, or check the path)")
        self.store: Store = connect(url)
        if not create and not self.store.has_table("schema_migrations"):
            self.store.close()
            raise ArchiveError(self.store.url, "this database holds no archive (ingest into it first)")
        migrate(self.store)
        self._record_settings()
        self._resolver: AgencyResolver | None = None

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

    def add(self, document: Document, *, digest: str | None = None, path: str | None = None) -> Outcome:
        """Store one record (``digest``: the SHA-256 of its file; by default, of the record)."""
        digest = digest or content_hash(document.model_dump_json().encode())
        return write(self.store, self.resolver, prepare(document, digest), path=path)

    def add_file(self, path: str | Path) -> Outcome:
        """Parse and store one file (no-op if these bytes are stored)."""
        from .. import parse_file

        data = Path(path).read_bytes()
        return self.add(parse_file(path), digest=content_hash(data), path=str(path))

    def ingest(self, paths: Sequence[str], **options: Any) -> IngestReport:
        """Batch ingest of files, folders, globs and zip files; see :func:`ingest.ingest`."""
        from .ingest import ingest

        return ingest(paths, self.url, **options)

    # --- reading -------------------------------------------------------------------------------

    def document(self, ref: str) -> Document:
        """The current version of a stored document (by id, number-symbol or content hash)."""
        from .lookup import find_document

        doc_id = find_document(self.store, ref)
        record = self.store.scalar(
            "SELECT v.record FROM documents d JOIN versions v ON v.hash = d.current_hash WHERE d.id = ?",
            (doc_id,),
        )
        if record is None:
            raise LookupError(f"{ref}: the archive holds only a placeholder (cited, not ingested)")
        return (
            Document.model_validate(record)
            if isinstance(record, dict)
            else Document.model_validate_json(record)
        )

    def graph(self) -> networkx.MultiDiGraph:
        """The whole task-tracking graph as a networkx MultiDiGraph."""
        from .graph import build_graph

        return build_graph(self.store)

    def export_graph(self, out: str | Path, fmt: str) -> Path:
        """Write the graph as GraphML, JSON (node-link) or CSV (nodes.csv + edges.csv)."""
        from .graph import export

        return export(self.store, Path(out), fmt)

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

    def bodies(self, name: str) -> list[AgencyRow]:
        """Every body a name may stand for (any spelling, with or without accents or province)."""
        from .lookup import find_agencies

        return find_agencies(self.store, name)

    def merges(self) -> list[dict[str, Any]]:
        """Documents merged into one node, and why."""
        rows = self.store.rows(
            "SELECT placeholder_id, document_id, merged_at, reason FROM merges ORDER BY merged_at"
        )
        return [dict(zip(("merged", "into", "at", "reason"), r, strict=True)) for r in rows]

    def tasks(self, assignee: str, *, as_of: str | None = None) -> list[TaskAssignment]:
        """What a body was told to do, directly or as one of a group ('UBND các tỉnh, thành phố')."""
        from .assignments import tasks_of

        return tasks_of(self.store, assignee, as_of=as_of)

    def indicators(self, *, province: str | None = None, what: str | None = None) -> list[dict[str, Any]]:
        """Results and targets from reports and news, optionally for one province or one measure."""
        from .queries import indicators

        return indicators(self.store, province=province, what=what)

    def stats(self) -> dict[str, Any]:
        """Counts of what the archive holds."""
        from .queries import stats

        return stats(self.store)

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
