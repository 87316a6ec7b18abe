"""Write one document version in one transaction: its agencies, the document, the version, the graph.

Outcomes:

- ``unchanged``: these bytes (their SHA-256) are already stored; nothing is written.
- ``stored``: a new document, or a placeholder (a document others cited) that now has its text.
- ``new_version``: a changed file of a stored document (same number-symbol, issuer and date): the
  old version stays in ``versions``, the document's tasks, edges and indicators now come from the
  new one.

A citation points to the stored or placeholder document with the same number-symbol whose date and
issuer agree (equal, or unknown on one side); failing that, a placeholder is created, keyed by
what the citation gives. When a document arrives, the placeholders it answers to are merged into it:
their incoming edges move to the document, and ``merges`` remembers the old id.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..names.agency import locality_of
from ..names.keys import fold_key
from .corrections import with_corrections
from .keys import content_key, dates_compatible, document_key, unnumbered_key
from .lookup import bare_name
from .migrations import now
from .prepare import CitationRow, Prepared
from .resolve import AgencyResolver, Resolved
from .store import Store

_EDGE_SQL = (
    "INSERT INTO edges (src, dst, type, document_id, role, method, score, text) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What writing a version did."""

    status: str  # stored | new_version | unchanged
    document_id: str | None
    version: int | None = None


def write(
    store: Store,
    resolver: AgencyResolver,
    prepared: Prepared,
    *,
    run_id: int | None = None,
    path: str | None = None,
) -> Outcome:
    """Write one version in its own transaction (all of it or nothing)."""

    def work() -> Outcome:
        resolver.rollback()
        return _write(store, resolver, with_corrections(store, prepared), run_id, path)

    try:
        outcome = store.atomic(work)
    except BaseException:
        resolver.rollback()
        raise
    resolver.commit()
    return outcome


def _compatible(
    store: Store,
    date_a: str | None, issuer_a: str | None, province_a: str | None,
    date_b: str | None, issuer_b: str | None, province_b: str | None,
) -> str | None:  # fmt: skip
    """Why two descriptions (number-symbol already equal) are the same document, or None when they
    cannot be: dates equal or one a coarser form of the other (a lost day), issuers the same body or
    one unknown, or named two ways (the same full date in the same province; a stray word)."""
    if not dates_compatible(date_a, date_b):
        return None
    reasons = [] if date_a == date_b else [f"dates {date_a or '?'} ~ {date_b or '?'}"]
    if issuer_a is None or issuer_b is None:
        if issuer_a != issuer_b:
            reasons.append("issuer unknown on one side")
    elif issuer_a != issuer_b:
        if date_a and date_a == date_b and province_a is not None and province_a == province_b:
            reasons.append("same full date and province, issuer named two ways")
        else:
            close = _close_issuers(store, issuer_a, issuer_b)
            if close is None:
                return None
            reasons.append(close)
    return "same number" + "".join(f"; {r}" for r in reasons)


def _close_issuers(store: Store, a: str, b: str) -> str | None:
    """Two issuers of the same number that are one body with a stray or missing word ('Bộ Nông
    nghiệp và Môi trường' and '… Môi trường số'), in the same place; None otherwise."""
    rows = {
        str(r[0]): r for r in store.rows("SELECT id, name, province FROM agencies WHERE id IN (?, ?)", (a, b))
    }
    if a not in rows or b not in rows or rows[a][2] != rows[b][2]:
        return None
    place_a, place_b = locality_of(str(rows[a][1])), locality_of(str(rows[b][1]))
    if place_a and place_b and fold_key(place_a) != fold_key(place_b):
        return None
    words_a, words_b = bare_name(str(rows[a][1])).split(), bare_name(str(rows[b][1])).split()
    short, long = sorted((words_a, words_b), key=len)
    it = iter(long)
    if len(short) >= 2 and len(long) - len(short) <= 2 and all(w in it for w in short):
        return f"issuer {rows[a][1]!r} ~ {rows[b][1]!r} (a word more or less)"
    return None


def _write(
    store: Store, resolver: AgencyResolver, p: Prepared, run_id: int | None, path: str | None
) -> Outcome:
    known = store.one("SELECT document_id, version FROM versions WHERE hash = ?", (p.hash,))
    if known is not None:
        return Outcome("unchanged", known[0], known[1])
    if store.concurrent_writers:
        store.lock(p.lock_keys(resolver.settled), shared=p.cited_keys())
    at = now()
    chain = [resolver.resolve(found) for found in p.issuer_chain]
    for child, parent in pairwise(chain):
        resolver.link(parent.id, child.id, "PARENT_OF")
    issuer = chain[0] if chain else None
    issuer_id = issuer.id if issuer else None
    if p.ns_key:
        doc_id = document_key(p.ns_key, p.issue_date, issuer_id)
    elif p.subject and p.issue_date and issuer_id:
        doc_id = unnumbered_key(p.subject, p.issue_date, issuer_id)
    else:
        doc_id = content_key(p.hash)
    row = store.one("SELECT status, versions FROM documents WHERE id = ?", (doc_id,))
    old_targets: list[str] = []
    columns = (
        p.doc_type, p.number, p.symbol, p.number_symbol, p.ns_key, p.issue_date, p.year, issuer_id,
        p.province, p.subject, int(p.is_administrative), p.file, p.hash,
    )  # fmt: skip
    if row is None:
        version, status = 1, "stored"
        store.execute(
            "INSERT INTO documents (doc_type, number, symbol, number_symbol, ns_key, issue_date, year, "
            "issuer_id, province, subject, is_administrative, file, current_hash, id, status, versions, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'stored', 1, ?)",
            (*columns, doc_id, at),
        )
    else:
        version = row[1] + 1
        status = "new_version" if row[0] == "stored" else "stored"
        old_targets = _clear(store, doc_id)  # a placeholder's own edge is its ISSUED_BY
        store.execute(
            "UPDATE documents SET doc_type = ?, number = ?, symbol = ?, number_symbol = ?, ns_key = ?, "
            "issue_date = ?, year = ?, issuer_id = ?, province = ?, subject = ?, is_administrative = ?, "
            "file = ?, current_hash = ?, status = 'stored', versions = ?, updated_at = ? WHERE id = ?",
            (*columns, version, at, doc_id),
        )
    if p.ns_key:
        _merge_placeholders(store, p, doc_id, issuer_id, at)
    store.execute(
        "INSERT INTO versions (hash, document_id, version, file, format, record, ingested_at, run_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (p.hash, doc_id, version, path or p.file, p.format, p.record_json, at, run_id),
    )
    _write_graph(store, resolver, p, doc_id, issuer)
    _write_search_row(store, doc_id, p.search_text, replace=row is not None and row[0] == "stored")
    _drop_orphans(store, old_targets)
    if run_id is not None:
        store.execute(
            "INSERT INTO ingest_log (run_id, path, hash, status, document_id, at) VALUES (?, ?, ?, ?, ?, ?)",
            (run_id, path or p.file or "", p.hash, status, doc_id, at),
        )
    return Outcome(status, doc_id, version)


def _clear(store: Store, doc_id: str) -> list[str]:
    """Remove what the previous version derived; return the documents it cited."""
    targets = [
        r[0]
        for r in store.rows(
            "SELECT DISTINCT dst FROM edges WHERE document_id = ? AND type IN ('CITES', 'IMPLEMENTS')",
            (doc_id,),
        )
    ]
    for table in ("edges", "tasks", "indicators"):
        store.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
    return targets


def _drop_orphans(store: Store, nodes: list[str]) -> None:
    """Placeholders no document cites any more (after a new version dropped a citation).

    With writers side by side, the number is locked alone first: a writer citing it holds it shared
    until it commits, so its edge is seen here before the placeholder could be dropped under it."""
    for node in nodes:
        target = node.removeprefix("doc:")
        row = store.one("SELECT status, ns_key FROM documents WHERE id = ?", (target,))
        if row is None or row[0] != "placeholder":
            continue
        if store.concurrent_writers and row[1]:
            store.lock([f"doc:{row[1]}"])
        if store.one("SELECT 1 FROM edges WHERE dst = ? LIMIT 1", (node,)) is None:
            store.execute("DELETE FROM edges WHERE document_id = ?", (target,))
            store.execute("DELETE FROM documents WHERE id = ?", (target,))


def _merge_placeholders(store: Store, p: Prepared, doc_id: str, issuer_id: str | None, at: str) -> None:
    rows = store.rows(
        "SELECT id, issuer_id, issue_date, province FROM documents "
        "WHERE ns_key = ? AND status = 'placeholder' AND id <> ?",
        (p.ns_key, doc_id),
    )
    for placeholder, issuer, date, province in rows:
        reason = _compatible(store, p.issue_date, issuer_id, p.province, date, issuer, province)
        if reason is None:
            continue
        store.execute("UPDATE edges SET dst = ? WHERE dst = ?", (f"doc:{doc_id}", f"doc:{placeholder}"))
        store.execute("DELETE FROM edges WHERE document_id = ?", (placeholder,))
        store.execute("DELETE FROM documents WHERE id = ?", (placeholder,))
        store.execute("UPDATE merges SET document_id = ? WHERE document_id = ?", (doc_id, placeholder))
        store.execute(
            "INSERT INTO merges (placeholder_id, document_id, merged_at, reason) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (placeholder_id) DO NOTHING",
            (placeholder, doc_id, at, reason),
        )


def _target(
    store: Store, resolver: AgencyResolver, cited: CitationRow, citing_id: str, *, alone: bool = False
) -> str:
    """The document a citation names: stored, already a placeholder, or a new placeholder. Its
    number is locked shared; a placeholder is made only under the number's own lock (``alone``),
    after looking again: another citer may have made it meanwhile."""
    issuer = resolver.resolve(cited.issuer) if cited.issuer else None
    issuer_id = issuer.id if issuer else None
    province = cited.issuer.province if cited.issuer else None
    best, best_score = None, -1
    rows = store.rows(
        "SELECT id, status, issuer_id, issue_date, province FROM documents WHERE ns_key = ?", (cited.ns_key,)
    )
    for doc_id, status, other_issuer, date, other_province in rows:
        if doc_id == citing_id or (
            _compatible(store, cited.date, issuer_id, province, date, other_issuer, other_province) is None
        ):
            continue
        score = 4 * (status == "stored") + 2 * (date == cited.date) + (other_issuer == issuer_id)
        if score > best_score:
            best, best_score = doc_id, score
    if best is not None:
        return best
    if store.concurrent_writers and not alone:
        store.lock([f"doc:{cited.ns_key}"])
        return _target(store, resolver, cited, citing_id, alone=True)
    placeholder = document_key(cited.ns_key, cited.date, issuer_id)
    inserted = store.one(
        "INSERT INTO documents (id, status, doc_type, number, number_symbol, ns_key, issue_date, year, "
        "issuer_id, province, subject, updated_at) VALUES (?, 'placeholder', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO NOTHING RETURNING id",
        (
            placeholder, cited.doc_type, cited.number, cited.number_symbol, cited.ns_key, cited.date,
            int(cited.date[:4]) if cited.date else None, issuer_id, province, cited.title, now(),
        ),
    )  # fmt: skip
    if inserted is not None and issuer is not None:
        store.execute(
            _EDGE_SQL,
            (
                f"doc:{placeholder}",
                f"agency:{issuer_id}",
                "ISSUED_BY",
                placeholder,
                None,
                issuer.method,
                issuer.score,
                None,
            ),
        )
    return placeholder


def _write_search_row(store: Store, doc_id: str, folded: str, *, replace: bool) -> None:
    """The document's row of the search index, replacing its old one (a new version).

    In SQLite the index is an FTS5 table whose document_id column has no index: the old row is found
    by its rowid, kept in search_rows (a delete by document_id reads the whole table, and made an
    ingest slow down as the archive grew). In PostgreSQL document_id is the table's key."""
    if store.dialect != "sqlite":
        if replace:
            store.execute("DELETE FROM search_text WHERE document_id = ?", (doc_id,))
        store.execute("INSERT INTO search_text (document_id, folded) VALUES (?, ?)", (doc_id, folded))
        return
    old = store.scalar("SELECT row FROM search_rows WHERE document_id = ?", (doc_id,))
    if old is not None:
        store.execute("DELETE FROM search_text WHERE rowid = ?", (old,))
    cursor = store.execute("INSERT INTO search_text (document_id, folded) VALUES (?, ?)", (doc_id, folded))
    store.execute(
        "INSERT INTO search_rows (document_id, row) VALUES (?, ?) "
        "ON CONFLICT (document_id) DO UPDATE SET row = excluded.row",
        (doc_id, cursor.lastrowid),
    )


def _write_graph(
    store: Store, resolver: AgencyResolver, p: Prepared, doc_id: str, issuer: Resolved | None
) -> None:
    node = f"doc:{doc_id}"
    edges: dict[tuple[str, str, str, str | None], tuple[Any, ...]] = {}

    def edge(src: str, dst: str, kind: str, role: str | None, how: Resolved | None, text: str | None) -> None:
        key = (src, dst, kind, role)
        if key not in edges:
            edges[key] = (
                src,
                dst,
                kind,
                doc_id,
                role,
                how.method if how else None,
                how.score if how else None,
                text,
            )

    if issuer is not None:
        edge(node, f"agency:{issuer.id}", "ISSUED_BY", None, issuer, None)
    for kind, listed in (("ADDRESSED_TO", p.addressees), ("COPIED_TO", p.recipients)):
        for found, method in listed:
            how = resolver.resolve(found, method)
            edge(node, f"agency:{how.id}", kind, None, how, found.name)
    task_rows = []
    for task in p.tasks:
        task_id = f"{doc_id}#{task.path}"
        parent = f"task:{doc_id}#{task.parent}" if task.parent else node
        edge(parent, f"task:{task_id}", "HAS_TASK", None, None, None)
        task_rows.append(
            (
                task_id, doc_id, task.path, f"{doc_id}#{task.parent}" if task.parent else None, task.position,
                task.label, task.kind, task.text, task.deadline_date, task.deadline_kind, task.deadline_text,
                task.recurrence,
            )
        )  # fmt: skip
        for found, role, method in task.assignees:
            how = resolver.resolve(found, method)
            edge(f"task:{task_id}", f"agency:{how.id}", "ASSIGNED_TO", role, how, found.name)
    store.executemany(
        "INSERT INTO tasks (id, document_id, path, parent_id, position, label, kind, text, deadline_date, "
        "deadline_kind, deadline_text, recurrence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        task_rows,
    )
    for cited in p.citations:
        target = _target(store, resolver, cited, doc_id)
        src = f"task:{doc_id}#{cited.task}" if cited.task else node
        edge(src, f"doc:{target}", cited.relation, None, None, cited.text)
    store.executemany(_EDGE_SQL, edges.values())
    store.executemany(
        "INSERT INTO indicators (document_id, what, value, unit, year, kind, comparator, share_of_target, "
        "province, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                doc_id,
                i.what,
                i.value,
                i.unit,
                i.year,
                i.kind,
                i.comparator,
                i.share_of_target,
                i.province,
                i.text,
            )
            for i in p.indicators
        ],
    )
