"""Full-text search over the archive: subject, text and tasks, with or without accents.

Each stored document has one row in ``search_text``: its subject, issuer, text and tasks folded to
lower case without tone marks or accents ("hiến máu" → "hien mau"), written with the document.
SQLite reads it with FTS5 (ranked by bm25); PostgreSQL with ``to_tsvector('simple', …)`` and
``ts_rank`` over a GIN index. The words a user types are folded the same way, so "hien mau",
"hiến máu" and "Hiến Máu" find the same documents. Filters: issuer (any spelling of the body),
province, document type, and a date range.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from ..lexicon import provinces
from ..tones import strip_marks
from .lookup import find_agencies, label, province_key
from .prepare import fold_search
from .store import Store

SNIPPET_WORDS = 12


@dataclass(slots=True)
class Hit:
    """A document search found, with what a person needs to recognise it."""

    document_id: str
    name: str  # its number, or its type, issuer, date and subject
    number_symbol: str | None
    doc_type: str | None
    issue_date: str | None
    issuer: str | None
    province: str | None
    subject: str | None
    snippet: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _words(query: str) -> list[str]:
    return re.findall(r"\w+", fold_search(query))


def _snippet(folded: str, words: list[str]) -> str:
    """The words around the first place the query's words appear (folded text: no accents)."""
    phrase = " ".join(words)
    at = folded.find(phrase)
    if at < 0:
        at = min((i for i in (folded.find(w) for w in words) if i >= 0), default=0)
    before = folded[:at].split()[-SNIPPET_WORDS // 2 :]
    after = folded[at:].split()[:SNIPPET_WORDS]
    return ("… " if before else "") + " ".join([*before, *after]) + " …"


def search(
    store: Store,
    words: str,
    *,
    issuer: str | None = None,
    province: str | None = None,
    doc_type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
) -> list[Hit]:
    """Documents whose subject, text or tasks hold all of ``words`` (accents optional), best first.

    ``date_from`` / ``date_to`` are ISO dates (inclusive; a partial date such as '2021' or
    '2021-03' is compared as written); ``issuer`` matches any spelling of the issuing body's name
    (its words, in any order, without accents); ``province`` and ``doc_type`` likewise.
    """
    terms = _words(words)
    if not terms:
        return []
    filters, params = ["d.status = 'stored'"], []
    if date_from:
        filters.append("d.issue_date >= ?")
        params.append(date_from)
    if date_to:
        filters.append("d.issue_date <= ?")
        params.append(date_to + "\uffff")  # '2021' takes in every date of 2021
    if issuer:
        ids = [a.id for a in find_agencies(store, issuer, partial=True)]
        if not ids:
            return []
        filters.append(f"d.issuer_id IN ({', '.join('?' * len(ids))})")
        params += ids
    if province:
        wanted = province_key(province)
        names = sorted({p.name for p in provinces() if province_key(p.name) == wanted})
        if not names:
            return []
        marks = ", ".join("?" * len(names))
        filters.append(f"(d.province IN ({marks}) OR (d.province IS NULL AND a.province IN ({marks})))")
        params += names + names
    if doc_type:
        wanted = strip_marks(doc_type).lower()
        known = store.rows("SELECT DISTINCT doc_type FROM documents WHERE doc_type IS NOT NULL")
        kinds = [str(k) for (k,) in known if strip_marks(str(k)).lower() == wanted]
        if not kinds:
            return []
        filters.append(f"d.doc_type IN ({', '.join('?' * len(kinds))})")
        params += kinds
    where = " AND ".join(filters)
    columns = (
        "d.id, d.number_symbol, d.doc_type, d.issue_date, a.name, COALESCE(d.province, a.province), "
        "d.subject, search_text.folded"
    )
    joins = (
        "FROM search_text JOIN documents d ON d.id = search_text.document_id "
        "LEFT JOIN agencies a ON a.id = d.issuer_id"
    )
    if store.dialect == "sqlite":
        match = " ".join(f'"{t}"' for t in terms)
        sql = (
            f"SELECT {columns}, bm25(search_text) {joins} WHERE search_text MATCH ? AND {where} "
            "ORDER BY bm25(search_text) LIMIT ?"
        )
        rows = store.rows(sql, (match, *params, limit))
    else:
        query = " & ".join(terms)
        vector = "to_tsvector('simple', search_text.folded)"
        sql = (
            f"SELECT {columns}, -ts_rank({vector}, to_tsquery('simple', ?)) AS r {joins} "
            f"WHERE {vector} @@ to_tsquery('simple', ?) AND {where} ORDER BY r LIMIT ?"
        )
        rows = store.rows(sql, (query, query, *params, limit))
    hits: list[Hit] = []
    for doc_id, number, kind, issued, issuer_name, place, subject, folded, rank in rows:
        hits.append(
            Hit(
                str(doc_id), label(number, kind, issuer_name, issued, subject, str(doc_id)), number, kind,
                issued, issuer_name, place, subject, _snippet(str(folded), terms), round(-float(rank), 3),
            )
        )  # fmt: skip
    return hits
