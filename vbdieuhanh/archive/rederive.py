"""Re-derive a stored version's rows from its corrected record (``Archive.correct``,
``ingest --corrections`` after the file is stored): its document, tasks and edges are written again,
the parse itself stays in the version."""

from __future__ import annotations

from ..corrections import CorrectionError
from .corrections import stored_record, with_corrections
from .migrations import now
from .prepare import prepare
from .resolve import AgencyResolver
from .store import Store
from .write import _clear, _drop_orphans, _write


def rederive(store: Store, resolver: AgencyResolver, digest: str) -> str | None:
    """Re-derive the rows of a stored version from its corrected record; return its document id
    (None when these bytes are not stored, or are an older version whose rows are not derived)."""

    def work() -> str | None:
        resolver.rollback()
        row = store.one(
            "SELECT v.document_id, v.record, v.file, v.run_id, v.ingested_at, d.current_hash, d.versions "
            "FROM versions v JOIN documents d ON d.id = v.document_id WHERE v.hash = ?",
            (digest,),
        )
        if row is None or row[5] != digest:
            return None
        doc_id, record, file, run_id, ingested_at, _, count = row
        prepared = prepare(stored_record(record), digest)
        store.execute("DELETE FROM versions WHERE hash = ?", (digest,))
        old_targets: list[str] = []
        if count <= 1:
            old_targets = _clear(store, doc_id)
            store.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        else:
            store.execute("UPDATE documents SET versions = versions - 1 WHERE id = ?", (doc_id,))
        outcome = _write(store, resolver, with_corrections(store, prepared), None, file)
        new_id = outcome.document_id
        if new_id != doc_id:
            if count > 1:
                raise CorrectionError(
                    digest, "this correction changes the number, date or issuer of a document with "
                    "several versions; correct the other versions the same way, or not at all",
                )  # fmt: skip
            store.execute("UPDATE edges SET dst = ? WHERE dst = ?", (f"doc:{new_id}", f"doc:{doc_id}"))
            store.execute("UPDATE merges SET document_id = ? WHERE document_id = ?", (new_id, doc_id))
            store.execute(
                "INSERT INTO merges (placeholder_id, document_id, merged_at) VALUES (?, ?, ?) "
                "ON CONFLICT (placeholder_id) DO NOTHING",
                (doc_id, new_id, now()),
            )
        store.execute(
            "UPDATE versions SET run_id = ?, ingested_at = ? WHERE hash = ?", (run_id, ingested_at, digest)
        )
        _drop_orphans(store, old_targets)
        return new_id

    try:
        result = store.atomic(work)
    except BaseException:
        resolver.rollback()
        raise
    resolver.commit()
    return result
