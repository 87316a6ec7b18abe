"""Finding things in the archive: a document by what a user types, a body by its name, its parents,
and the members of a group ("Ủy ban nhân dân các tỉnh, thành phố" has every provincial people's
committee as a member)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import locality_words
from ..names.bodies import Context, body
from ..names.casing import find_province
from ..names.keys import fold_key, number_symbol_key
from ..tones import strip_marks
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


@dataclass(frozen=True, slots=True)
class Candidate:
    """A document a reference may name: enough for a person to choose."""

    id: str
    number_symbol: str | None
    issuer: str | None
    issue_date: str | None
    subject: str | None
    status: str


class AmbiguousDocument(ArchiveError):
    """A number that truly belongs to several documents: the user chooses (``candidates``), or
    narrows with ``issuer`` / ``date``."""

    def __init__(self, ref: str, candidates: list[Candidate]) -> None:
        self.candidates = candidates
        lines = [
            f"  {short_date(c.issue_date) or '?'}  {c.issuer or '?'}: {(c.subject or '')[:70]}  (id {c.id})"
            for c in candidates[:10]
        ]
        super().__init__(
            ref,
            f"{len(candidates)} documents have this number; add --issuer or --date, or give an id:\n"
            + "\n".join(lines),
        )


def short_date(value: str | None) -> str:
    """'2025-11-05' → '05/11/2025', '2025-11' → '11/2025' (how officials read dates)."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 3 and all(parts):
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    return value


def label(
    number_symbol: str | None, doc_type: str | None, issuer: str | None, issue_date: str | None,
    subject: str | None, doc_id: str = "",
) -> str:  # fmt: skip
    """How a person reads a document: its number, or for one without a number its type, issuer,
    date and subject ('Công văn, Sở Y tế tỉnh Kiên Giang, 05/11/2025: Về việc …')."""
    if number_symbol:
        return number_symbol
    head = ", ".join(x for x in (doc_type or "Văn bản", issuer, short_date(issue_date)) if x)
    if subject:
        text = " ".join(subject.split())
        head += ": " + (text[:60] + "…" if len(text) > 60 else text)
    return head if (issuer or issue_date or subject) else doc_id


def find_document(store: Store, ref: str, *, issuer: str | None = None, date: str | None = None) -> str:
    """The id of the document ``ref`` names: an id, a merged placeholder's id, a content hash
    (or its first 8+ characters) or a number-symbol ("29/CV-BCĐQG", "114/BCD-KGVX" without marks).
    A number several documents have is narrowed by ``issuer`` (any spelling) and ``date``
    (ISO, possibly partial); if still several, :class:`AmbiguousDocument` lists them."""
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
    columns = (
        "SELECT d.id, d.number_symbol, a.name, d.issue_date, d.subject, d.status FROM documents d "
        "LEFT JOIN agencies a ON a.id = d.issuer_id"
    )
    key = number_symbol_key(ref)
    rows = store.rows(f"{columns} WHERE d.ns_key = ? ORDER BY d.issue_date", (key,))
    number = re.match(r"\d+", key)
    if not rows and number:  # written without marks: '114/BCD-KGVX' for '114/BCĐ-KGVX'
        bare = strip_marks(key)
        rows = [
            r
            for r in store.rows(f"{columns} WHERE d.number = ? ORDER BY d.issue_date", (int(number.group()),))
            if strip_marks(number_symbol_key(str(r[1] or ""))) == bare
        ]
    if not rows:
        raise ArchiveError(ref, "no document with this number, id or hash in the archive")
    found = [Candidate(*(None if v is None else str(v) for v in r)) for r in rows]  # type: ignore[arg-type]
    if issuer:
        wanted = bare_name(issuer).split()
        found = [c for c in found if c.issuer and set(wanted) <= set(bare_name(c.issuer).split())]
    if date:
        found = [c for c in found if c.issue_date and c.issue_date.startswith(date)]
    if len(found) == 1:
        return found[0].id
    if not found:
        raise ArchiveError(ref, "no document with this number matches --issuer / --date")
    raise AmbiguousDocument(ref, found)


class AmbiguousBody(ArchiveError):
    """A name that matches bodies in several places: the user chooses (``candidates``)."""

    def __init__(self, name: str, candidates: list[AgencyRow]) -> None:
        self.candidates = candidates
        listed = "; ".join(f"{c.name} ({c.province or 'Trung ương'})" for c in candidates[:12])
        more = f" … (+{len(candidates) - 12})" if len(candidates) > 12 else ""
        super().__init__(name, f"{len(candidates)} bodies have this name; add the province: {listed}{more}")


_PLACE_BARE = tuple(strip_marks(w).lower() for w in locality_words("province"))  # tinh, thanh pho


def bare_name(text: str) -> str:
    """A name with no case, marks or province word: 'Sở Y Tế tỉnh Kiên Giang', 'So Y te Kien Giang'
    and 'Sở Y tế Kiên Giang' give 'so y te kien giang'."""
    words = strip_marks(fold_key(text)).replace(" | ", " ").replace(",", " ").split()
    out: list[str] = []
    i = 0
    while i < len(words):
        two = " ".join(words[i : i + 2])
        if two in _PLACE_BARE:
            i += 2
            continue
        if words[i] in _PLACE_BARE or words[i] in ("tp.", "tp"):
            i += 1
            continue
        out.append(words[i])
        i += 1
    return " ".join(out)


def province_key(text: str | None) -> str:
    """A province as typed, without province word, case or marks ('tỉnh Kiên Giang' → 'kien giang')."""
    return bare_name(text or "")


def _signature(row: AgencyRow) -> tuple[str, str]:
    """(the name with its province, the name without it), bare."""
    name = bare_name(row.name)
    place = province_key(row.province) if row.province else ""
    if place and name.endswith(" " + place):
        return name, name[: -len(place) - 1]
    return (f"{name} {place}" if place else name), name


def find_agencies(store: Store, name: str, *, partial: bool = False) -> list[AgencyRow]:
    """Every body ``name`` may stand for: its key or a recorded alias; else the bodies whose name
    matches with or without case, tone marks, accents, abbreviations (SYT, UBND) and the province
    word; a name without a province matches the body of that name in every province.
    ``partial``: failing that, every body whose name holds all the words given."""
    found = body(name, Context(), listed=False)
    keys = [k for k in (found.key if found else None, fold_key(name)) if k]
    for key in keys:
        row = store.one(f"SELECT {AGENCY_COLUMNS} FROM agencies WHERE id = ?", (key,))
        if row is None:
            alias = store.scalar("SELECT agency_id FROM agency_aliases WHERE alias = ?", (key,))
            sql = f"SELECT {AGENCY_COLUMNS} FROM agencies WHERE id = ?"
            row = store.one(sql, (alias,)) if alias else None
        if row is not None:
            return [agency_from_row(row)]
    wanted = {bare_name(found.name) if found else "", bare_name(name)} - {""}
    rows = [agency_from_row(r) for r in store.rows(f"SELECT {AGENCY_COLUMNS} FROM agencies")]
    full = [r for r in rows if _signature(r)[0] in wanted]
    if not full:
        full = [r for r in rows if _signature(r)[1] in wanted]
    if not full and partial:
        words = [set(w.split()) for w in wanted]
        full = [r for r in rows if any(w <= set(_signature(r)[0].split()) for w in words)]
    return sorted(full, key=lambda r: (r.province or "", r.name))


def find_agency(store: Store, name: str) -> AgencyRow:
    """The agency a user names (see :func:`find_agencies`), then the closest name above the fuzzy
    threshold; several bodies in different places are listed (:class:`AmbiguousBody`), an unknown
    name gives an error that lists the nearest names."""
    matches = find_agencies(store, name)
    if len(matches) == 1:
        return matches[0]
    if matches:
        if len({m.province for m in matches}) == 1:
            exact = [m for m in matches if fold_key(m.name) == fold_key(name)]
            if len(exact) == 1:
                return exact[0]
        raise AmbiguousBody(name, matches)
    found = body(name, Context(), listed=False)
    fuzz, process = require("rapidfuzz.fuzz", "archive"), require("rapidfuzz.process", "archive")
    rows = store.rows(f"SELECT {AGENCY_COLUMNS} FROM agencies")
    everywhere = {str(r[0]): bare_name(str(r[1])) for r in rows}
    # a near miss may fix a typo, never change the place: "… tỉnh Hậu Giang" is not "… tỉnh Kiên Giang"
    province = find_province(name)
    same_place = {str(r[0]): everywhere[str(r[0])] for r in rows if province is None or r[2] == province}
    target = bare_name(found.name if found else name)
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
