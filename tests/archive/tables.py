"""Rows per table of a SQLite archive, after its integrity check: two archives with the same counts
hold the same documents, whole (used to compare an archive after a fault with a clean ingest)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

COUNTED = (
    "documents", "versions", "agencies", "agency_aliases", "agency_links", "tasks", "edges", "indicators",
    "merges", "search_text",
)  # fmt: skip


def sqlite_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
