"""Small questions to the archive: what it holds, the indicators it has, the failures of a run."""

from __future__ import annotations

from typing import Any

from ..names.keys import fold_key
from .store import Store


def stats(store: Store) -> dict[str, Any]:
    """Counts of documents (stored, placeholders), versions, agencies, tasks, edges by type, runs."""
    count = store.scalar
    edges = {
        str(t): int(n) for t, n in store.rows("SELECT type, COUNT(*) FROM edges GROUP BY type ORDER BY type")
    }
    links = {str(t): int(n) for t, n in store.rows("SELECT type, COUNT(*) FROM agency_links GROUP BY type")}
    last_run = store.one(
        "SELECT id, started_at, finished_at, seen, stored, new_versions, unchanged, failed "
        "FROM ingest_runs ORDER BY id DESC LIMIT 1"
    )
    keys = ("id", "started_at", "finished_at", "seen", "stored", "new_versions", "unchanged", "failed")
    return {
        "documents": count("SELECT COUNT(*) FROM documents WHERE status = 'stored'"),
        "placeholders": count("SELECT COUNT(*) FROM documents WHERE status = 'placeholder'"),
        "versions": count("SELECT COUNT(*) FROM versions"),
        "merged_placeholders": count("SELECT COUNT(*) FROM merges"),
        "agencies": count("SELECT COUNT(*) FROM agencies"),
        "fuzzy_matches": count("SELECT COUNT(*) FROM agency_aliases WHERE method = 'fuzzy'"),
        "tasks": count("SELECT COUNT(*) FROM tasks"),
        "indicators": count("SELECT COUNT(*) FROM indicators"),
        "edges": {**edges, **links},
        "last_run": dict(zip(keys, last_run, strict=True)) if last_run else None,
    }


def indicators(store: Store, *, province: str | None = None, what: str | None = None) -> list[dict[str, Any]]:
    """Indicators with the document they come from, by province, year and kind."""
    sql = (
        "SELECT i.province, i.year, i.kind, i.what, i.value, i.unit, i.comparator, i.share_of_target, "
        "i.text, d.id, d.number_symbol, d.file FROM indicators i JOIN documents d ON d.id = i.document_id"
    )
    rows = store.rows(sql + " ORDER BY i.province, i.what, i.year, i.kind")
    keys = ("province", "year", "kind", "what", "value", "unit", "comparator", "share_of_target", "text",
            "document_id", "number_symbol", "file")  # fmt: skip
    out = []
    for row in rows:
        item = dict(zip(keys, row, strict=True))
        if province and fold_key(item["province"] or "") != fold_key(province):
            continue
        if what and fold_key(what) not in fold_key(item["what"]):
            continue
        out.append(item)
    return out


def failures(store: Store, run_id: int | None = None) -> list[dict[str, Any]]:
    """The files a run (the last one by default) could not store, with the cause."""
    run = run_id or store.scalar("SELECT MAX(id) FROM ingest_runs")
    rows = store.rows(
        "SELECT path, error, at FROM ingest_log WHERE run_id = ? AND status = 'failed' ORDER BY id", (run,)
    )
    return [{"run": run, "path": p, "error": e, "at": a} for p, e, a in rows]
