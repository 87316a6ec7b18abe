"""Corrections in the archive: kept apart from the parse, keyed by the file's content hash.

``corrections`` holds one row per (hash, field path) with the corrected value and the value the
parser gave. ``versions.record`` always keeps the record as parsed; what the archive derives from a
version (the ``documents`` row, tasks, edges) comes from the corrected record. Whenever these bytes
are written (a first ingest, or an ingest after the corrections were saved) the corrections are
applied again (:func:`with_corrections`, called by ``write``); saving corrections for a version
already stored re-derives its rows (:func:`rederive`).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from typing import Any

from ..corrections import CorrectionError, apply_corrections, current_value
from ..models import Document
from .migrations import now
from .prepare import Prepared, prepare
from .store import Store


def stored_record(value: Any) -> Document:
    """A record as the database returns it (JSONB gives a dict, TEXT a string)."""
    return Document.model_validate(value) if isinstance(value, dict) else Document.model_validate_json(value)


def corrections_for(store: Store, digest: str) -> dict[str, Any]:
    """The corrections saved for these bytes: ``{field path: value}``."""
    rows = store.rows("SELECT field, value FROM corrections WHERE hash = ? ORDER BY field", (digest,))
    return {field: json.loads(value) for field, value in rows}


def save_corrections(store: Store, corrections: Mapping[str, Mapping[str, Any]]) -> int:
    """Save ``{sha256: {path: value}}`` (a later value for a field replaces the earlier one); return
    how many fields were saved. The parsed value is kept beside each when the version is stored."""

    def work() -> int:
        count = 0
        for digest, values in corrections.items():
            record = store.scalar("SELECT record FROM versions WHERE hash = ?", (digest,))
            parsed = stored_record(record) if record is not None else None
            file = store.scalar("SELECT file FROM versions WHERE hash = ?", (digest,))
            for path, value in values.items():
                before = current_value(parsed, path) if parsed is not None else None
                store.execute(
                    "INSERT INTO corrections (hash, field, value, parsed, file, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash, field) DO UPDATE SET "
                    "value = excluded.value, created_at = excluded.created_at",
                    (
                        digest, path, json.dumps(value, ensure_ascii=False),
                        json.dumps(before, ensure_ascii=False), file, now(),
                    ),
                )  # fmt: skip
                count += 1
        return count

    return store.atomic(work)


def with_corrections(store: Store, prepared: Prepared) -> Prepared:
    """``prepared`` re-made from the corrected record when corrections are saved for its hash; the
    version still stores the record as parsed."""
    fixes = corrections_for(store, prepared.hash)
    if not fixes:
        return prepared
    parsed = Document.model_validate_json(prepared.record_json)
    fixed = prepare(apply_corrections(parsed, fixes), prepared.hash)
    fixed.record_json = prepared.record_json
    return fixed


def corrections_of(store: Store, digest: str) -> list[dict[str, Any]]:
    """The saved corrections of a version: field, corrected value, parsed value, when."""
    rows = store.rows(
        "SELECT field, value, parsed, created_at FROM corrections WHERE hash = ? ORDER BY field", (digest,)
    )
    record = store.scalar("SELECT record FROM versions WHERE hash = ?", (digest,))
    parsed = stored_record(record) if record is not None else None
    out = []
    for path, value, before, at in rows:
        if parsed is not None:  # saved before the file was ingested: the parse is in the version
            with contextlib.suppress(CorrectionError):
                before = json.dumps(current_value(parsed, path), ensure_ascii=False)
        out.append(
            {"field": path, "value": json.loads(value), "parsed": json.loads(before or "null"), "at": at}
        )
    return out


__all__ = [
    "corrections_for",
    "corrections_of",
    "save_corrections",
    "stored_record",
    "with_corrections",
]
