"""Bodies to canonical agencies in the archive: exact key, a recorded alias, a fuzzy match, or new.

The key from :mod:`names` already folds case, tone placement (Uỷ/Ủy, hoà/hòa), abbreviations and the
implicit place, so most names match exactly. What is left (a typo, an OCR slip: "hiển máu" for
"hiến máu") may match fuzzily, and only so:

- candidates are bodies with the same head word (Ban Chỉ đạo, Sở, Ủy ban nhân dân…) and the same
  province or owning body ("Vụ Pháp chế | bộ y tế" never meets "Vụ Pháp chế | bộ tài chính");
  groups ("Ủy ban nhân dân các huyện") are never matched fuzzily: their keys are already canonical;
- the score is rapidfuzz's ``ratio`` of the *distinctive part* of the two keys, i.e. the name without
  its head word and place ("vận động hiến máu tình nguyện"), so that "Sở Nội vụ" never meets
  "Sở Ngoại vụ" on the strength of their shared "Sở … tỉnh Lai Châu";
- a match needs ``FUZZY_THRESHOLD`` (90 of 100) and a distinctive part of at least
  ``FUZZY_MIN_LENGTH`` characters.

Every fuzzy decision is recorded in ``agency_aliases`` (method ``fuzzy`` and the score) and on the
edges it produced, so it can be reviewed and undone. A new agency gets its reorganisation links
(:mod:`successors`) when it is first stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import locality_words
from ..names.bodies import Body
from .deps import require
from .migrations import now
from .store import Store
from .successors import dissolved_on, successions

FUZZY_THRESHOLD = 90.0
FUZZY_MIN_LENGTH = 8


@dataclass(frozen=True, slots=True)
class Resolved:
    """The agency a body resolved to, and how: exact | context | alias | fuzzy | new."""

    id: str
    method: str
    score: float | None = None


def distinctive(found: Body) -> str:
    """The part of a key that tells bodies with the same head and place apart."""
    key = found.key.split(" | ")[0]
    if found.head and key.startswith(found.head):
        key = key[len(found.head) :]
    if found.province:
        for word in locality_words("province", "district"):  # tỉnh, thành phố, huyện, quận, thị xã
            key = key.replace(f"{word} {found.province.lower()}", "")
    return " ".join(key.split())


class AgencyResolver:
    """Resolves bodies for one writer; caches what committed transactions decided."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, Resolved] = {}
        self._pending: dict[str, Resolved] = {}

    def commit(self) -> None:
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache.update(self._pending)
        self._pending.clear()

    def rollback(self) -> None:
        self._pending.clear()

    def settled(self, found: Body) -> bool:
        """Was the body resolved by a committed transaction of this writer? Then resolving it again
        reads nothing and creates nothing."""
        return found.key in self._cache

    def resolve(self, found: Body, method: str = "exact") -> Resolved:
        """The agency id of a body, creating the agency if the archive has none like it."""
        known = self._cache.get(found.key) or self._pending.get(found.key)
        if known is not None:
            return Resolved(
                known.id, method if known.method in ("exact", "new") else known.method, known.score
            )
        result = self._lookup(found, method)
        self._pending[found.key] = result
        return result

    def _lookup(self, found: Body, method: str) -> Resolved:
        store = self.store
        if store.one("SELECT 1 FROM agencies WHERE id = ?", (found.key,)):
            return Resolved(found.key, method)
        alias = store.one("SELECT agency_id, method, score FROM agency_aliases WHERE alias = ?", (found.key,))
        if alias is not None:
            return Resolved(alias[0], alias[1], alias[2])
        match = self._fuzzy(found)
        if match is not None:
            store.execute(
                "INSERT INTO agency_aliases (alias, agency_id, method, score) VALUES (?, ?, 'fuzzy', ?) "
                "ON CONFLICT (alias) DO NOTHING",
                (found.key, match.id, match.score),
            )
            return match
        self.ensure(found)
        return Resolved(found.key, "new" if method == "exact" else method)

    def _fuzzy(self, found: Body) -> Resolved | None:
        part = distinctive(found)
        if len(part) < FUZZY_MIN_LENGTH or found.head is None or found.collective:
            return None
        fuzz = require("rapidfuzz.fuzz", "archive")
        sql = (
            "SELECT id, name, province, level, head, collective FROM agencies "
            "WHERE head = ? AND kind = 'body'"
        )
        params: tuple[object, ...] = (found.head,)
        sql += " AND province = ?" if found.province else " AND province IS NULL"
        params += (found.province,) if found.province else ()
        best: Resolved | None = None
        owner = found.key.partition(" | ")[2]
        for agency_id, name, province, level, head, collective in self.store.rows(sql, params):
            if collective or agency_id.partition(" | ")[2] != owner:
                continue
            other = Body(name, agency_id, province, level, head, bool(collective))
            score = fuzz.ratio(part, distinctive(other))
            if score >= FUZZY_THRESHOLD and (best is None or score > (best.score or 0)):
                best = Resolved(agency_id, "fuzzy", round(score, 1))
        return best

    def ensure(self, found: Body, kind: str = "body") -> bool:
        """Store an agency if it is new (with its reorganisation links); True if it was new."""
        inserted = self.store.one(
            "INSERT INTO agencies (id, name, province, level, head, kind, collective, stem, member_level, "
            "dissolved_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO NOTHING RETURNING id",
            (
                found.key,
                found.name,
                found.province,
                found.level,
                found.head,
                kind,
                int(found.collective),
                found.stem,
                found.member_level,
                dissolved_on(found),
                now(),
            ),
        )
        if inserted is None:
            return False
        self._pending[found.key] = Resolved(found.key, "new")
        for succession in successions(found):
            self.ensure(succession.predecessor, succession.kind)
            self.ensure(succession.successor, succession.kind)
            self.link(
                succession.predecessor.key,
                succession.successor.key,
                "SUCCEEDED_BY",
                succession.date,
                succession.basis,
            )
        return True

    def link(self, src: str, dst: str, kind: str, date: str | None = None, basis: str | None = None) -> None:
        """A link between two agencies (PARENT_OF, SUCCEEDED_BY), stored once."""
        self.store.execute(
            "INSERT INTO agency_links (src, dst, type, date, basis) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (src, dst, type) DO NOTHING",
            (src, dst, kind, date, basis),
        )
