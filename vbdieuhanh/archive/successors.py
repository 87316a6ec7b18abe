"""The 2025 reorganisation: dated successor links for bodies of merged provinces, dissolved districts.

Names stay as written ("Ủy ban nhân dân tỉnh Kiên Giang" in a 2021 letter); a body of a province
that merged into another gets a SUCCEEDED_BY link, dated 2025-07-01, to the same body of the
successor province ("Ủy ban nhân dân tỉnh An Giang"), and so does the province itself (Tỉnh Kiên
Giang → Tỉnh An Giang). Only bodies whose head is in ``data/succession_heads.txt`` (the province's
government, council, party, departments…) get their own link. District-level bodies end on that
date. The mapping is ``data/provinces.json``, built offline from the vietnamadminunits package by
``scripts/build_provinces.py``; nothing here geocodes or goes online.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import data_rows, provinces, reorganisation_date
from ..names.bodies import Body, Context, body, place_phrase
from ..names.keys import fold_key


@dataclass(frozen=True, slots=True)
class Succession:
    """A body's successor after the reorganisation, the date and the legal basis."""

    predecessor: Body
    successor: Body
    date: str
    basis: str
    kind: str  # admin_unit (the province itself) | body


@cache
def _successor_province() -> dict[str, str]:
    """Legacy province → the 2025 province it became part of, for the provinces that changed."""
    return {
        p.name: p.successor
        for p in provinces()
        if p.period == "legacy" and p.successor and p.successor != p.name
    }


@cache
def _succession_heads() -> frozenset[str]:
    return frozenset(fold_key(r[0]) for r in data_rows("succession_heads.txt"))


@cache
def _basis() -> dict[str, str]:
    return {row[0]: row[1] for row in data_rows("reorganisation_2025.tsv")}


def admin_unit(province: str) -> Body:
    """The province itself as a node: 'Tỉnh Kiên Giang'."""
    phrase = place_phrase(province)
    name = phrase[:1].upper() + phrase[1:]
    return Body(name=name, key=fold_key(name), province=province, level="province")


def successions(found: Body) -> list[Succession]:
    """The SUCCEEDED_BY links a newly seen body brings: its own and its province's."""
    if found.collective or found.province not in _successor_province():
        return []
    old = found.province
    assert old is not None
    new = _successor_province()[old]
    date, basis = reorganisation_date(), _basis()["province"]
    links = [Succession(admin_unit(old), admin_unit(new), date, basis, "admin_unit")]
    if found.level == "province" and found.head in _succession_heads() and found.key != admin_unit(old).key:
        old_phrase, new_phrase = place_phrase(old), place_phrase(new)
        pattern = re.escape(old_phrase) if old_phrase.lower() in found.name.lower() else re.escape(old)
        replacement = new_phrase if old_phrase.lower() in found.name.lower() else new
        name = re.sub(pattern, replacement, found.name, flags=re.IGNORECASE)
        successor = body(name, Context(province=new), listed=False)
        if successor is not None:
            links.append(Succession(found, successor, date, basis, "body"))
    return links


def dissolved_on(found: Body) -> str | None:
    """The date a district-level body ended (districts were abolished on 2025-07-01)."""
    return reorganisation_date() if found.level == "district" and not found.collective else None


def provinces_on(date: str | None) -> list[str]:
    """The provinces that existed on a date: the 63 before the reorganisation, the 34 after."""
    period = "2025" if date and date >= reorganisation_date() else "legacy"
    return [p.name for p in provinces() if p.period == period]


def districts_on(province: str, date: str | None) -> list[str]:
    """The district-level units of a province on a date ('Huyện Tam Đường'); none after 2025-07-01."""
    if date and date >= reorganisation_date():
        return []
    for unit in provinces():
        if unit.period == "legacy" and unit.name == province:
            return list(unit.districts)
    return []
