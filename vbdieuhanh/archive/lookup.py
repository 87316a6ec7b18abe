"""Finding things in the archive: a document by what a user types, a body by its name, its parents,
and the members of a group ("Ủy ban nhân dân các tỉnh, thành phố" has every provincial people's
committee as a member)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..names.bodies import Context, body
from ..names.casing import find_province
from ..names.keys import fold_key, number_symbol_key
from .deps import require
from .resolve import FUZZY_THRESHOLD
from .store import ArchiveError, Store

CHUNK = 500


@dataclass(frozen=True, slots=True)
class AgencyRow:
    """An agency as stored."""

    id: str
    name: str
    province: str | None
    level: str | None
    collective: bool
    stem: str | None
    member_level: str | None
    dissolved_on: str | None = None


AGENCY_COLUMNS = "id, name, province, level, collective, stem, member_level, dissolved_on"


def agency_from_row(row: tuple[object, ...]) -> AgencyRow:
    agency_id, name, province, level, collective, stem, member_level, dissolved = row
    return AgencyRow(
        str(agency_id),
        str(name),
        _text(province),
        _text(level),
        bool(collective),
        _text(stem),
        _text(member_level),
        _text(dissolved),
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def find_document(store: Store, ref: str) -> str:
    """The id of the document ``ref`` names: an id, a merged placeholder's id, a content hash
    (or its first 8+ characters) or a number-symbol ("29/CV-BCĐQG")."""
    ref = ref.strip()
    if store.one("SELECT 1 FROM documents WHERE id = ?", (ref,)):
        return ref
    merged = store.scalar("SELECT document_id FROM merges WHERE placeholder_id = ?", (ref,))
    if merged:
        return str(merged)
    if re.fullmatch(r"(?:sha256:)?[0-9a-f]{8,64}", ref):
        digest = ref.removeprefix("sha256:")
        rows = store.rows("SELECT DISTINCT document_id FROM versions WHERE hash LIKE ?", (digest + "%",))
        if len(rows) == 1:
            return str(rows[0][0])
    rows = store.rows(
        "SELECT id, issue_date FROM documents WHERE ns_key = ? ORDER BY issue_date", (number_symbol_key(ref),)
    )
    if len(rows) == 1:
        return str(rows[0][0])
    if not rows:
        raise ArchiveError(ref, "no document with this number, id or hash in the archive")
    listed = "; ".join(str(r[0]) for r in rows[:5])
    raise ArchiveError(ref, f"{len(rows)} documents have this number; give one of their ids: {listed}")


def find_agency(store: Store, name: str) -> AgencyRow:
    """The agency a user names: its key, then its folded name, then the closest name above the
    fuzzy threshold; otherwise an error that lists the nearest names."""
    found = body(name, Context(), listed=False)
    keys = [k for k in (found.key if found else None, fold_key(name)) if k]
    for key in keys:
        row = store.one(f"SELECT {AGENCY_COLUMNS} FROM agencies WHERE id = ?", (key,))
        if row is not None:
            return agency_from_row(row)
    fuzz, process = require("rapidfuzz.fuzz", "archive"), require("rapidfuzz.process", "archive")
    rows = store.rows(f"SELECT {AGENCY_COLUMNS} FROM agencies")
    everywhere = {str(r[0]): fold_key(str(r[1])) for r in rows}
    # a near miss may fix a typo, never change the place: "… tỉnh Hậu Giang" is not "… tỉnh Kiên Giang"
    province = find_province(name)
    same_place = {str(r[0]): everywhere[str(r[0])] for r in rows if province is None or r[2] == province}
    target = fold_key(found.name if found else name)
    best = process.extract(target, same_place, scorer=fuzz.ratio, limit=1)
    if best and best[0][1] >= FUZZY_THRESHOLD:
        return agency_from_row(next(r for r in rows if r[0] == best[0][2]))
    nearest = process.extract(target, everywhere, scorer=fuzz.ratio, limit=5)
    names = "; ".join(next(str(r[1]) for r in rows if r[0] == b[2]) for b in nearest)
    raise ArchiveError(name, f"no such body in the archive{'; closest: ' + names if names else ''}")


def agencies(store: Store, ids: list[str]) -> dict[str, AgencyRow]:
    """Agencies by id, fetched in chunks."""
    out: dict[str, AgencyRow] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        for row in store.rows(f"SELECT {AGENCY_COLUMNS} FROM agencies WHERE id IN ({marks})", chunk):
            out[str(row[0])] = agency_from_row(row)
    return out


def ancestors(store: Store, agency_id: str, cache: dict[str, list[str]] | None = None) -> list[str]:
    """The agency and the bodies above it (PARENT_OF), nearest first."""
    cache = cache if cache is not None else {}
    if agency_id in cache:
        return cache[agency_id]
    chain, current, seen = [agency_id], agency_id, {agency_id}
    while True:
        parent = store.scalar(
            "SELECT src FROM agency_links WHERE dst = ? AND type = 'PARENT_OF' LIMIT 1", (current,)
        )
        if parent is None or parent in seen:
            break
        chain.append(str(parent))
        seen.add(str(parent))
        current = str(parent)
    cache[agency_id] = chain
    return chain


def is_member(agency: AgencyRow, group: AgencyRow) -> bool:
    """Is a body one of the bodies a group stands for?"""
    if not group.collective or not group.stem or agency.collective:
        return False
    name = fold_key(agency.name)
    if not name.startswith(group.stem + " "):
        return False
    if group.member_level not in (None, "any") and agency.level != group.member_level:
        return False
    return group.province is None or group.level == "central" or agency.province == group.province
