"""Names of bodies: their head term, abbreviations expanded and cased, place and level, and what a
local body's name leaves to its parent. Used by the parser and the archive alike."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import (
    AgencyTerm,
    agency_term_max_len,
    agency_terms,
    agency_terms_bare,
    body_names,
    locality_words,
)
from ..normalize import fold_tones, is_upper_text, strip_marks
from ..patterns import UPPER
from .casing import agency_case, find_province

# data/localities.tsv: "tỉnh Kiên Giang", "Thành phố Hồ Chí Minh", "thị xã Hà Tiên", "xã Bản Bo"
LOCALITY_RE = re.compile(
    rf"(?<!\w)({'|'.join(locality_words(capitalised=True))})"
    rf"((?:\s+[{UPPER}0-9][\w\-]*)+)"
)
# 'thành phố' is a province-level city or a district-level one: find_province tells (level_of)
_DISTRICT_WORDS = frozenset(locality_words("district"))  # huyện, quận, thị xã
_COMMUNE_WORDS = frozenset(locality_words("commune"))  # xã, phường, thị trấn, đặc khu


@lru_cache(maxsize=8192)  # a parse asks about the same few names again and again
def head_term(text: str) -> tuple[AgencyTerm | None, int]:
    """The head term a name starts with and how many tokens it takes."""
    size = agency_term_max_len()
    # the first words only, folded at once (folding reads within a word, so this folds each alike)
    tokens = [t.strip(".,:;").upper() for t in fold_tones(" ".join(text.split(None, size)[:size])).split()]
    terms = agency_terms()
    for size in range(len(tokens), 0, -1):
        term = terms.get(tuple(tokens[:size]))
        if term is not None and term.kind in ("head", "abbrev"):
            return term, size
    return None, 0


@lru_cache(maxsize=4096)
def whole_body(text: str) -> bool:
    """Does a capitalised name name a whole body: one ending with its province ('UBND TỈNH KIÊN
    GIANG'), or a ministry or department known by name ('BỘ CÔNG AN')?"""
    cased = canonical_name(text)
    province = find_province(cased)
    folded = fold_tones(cased).lower()
    if province is not None and folded.endswith(fold_tones(province).lower()):
        return True
    return folded in _known_bodies()


@lru_cache(maxsize=1)
def _known_bodies() -> frozenset[str]:
    return frozenset(fold_tones(name).lower() for name in body_names())


def damaged_head(line: str) -> AgencyTerm | None:
    """A head an OCR engine damaged at the start of a capitalised header line ('SƠ Y TE')."""
    if not is_upper_text(line):
        return None
    tokens = [strip_marks(fold_tones(t.strip(".,:;")).upper()) for t in line.split()[: agency_term_max_len()]]
    bare = agency_terms_bare()
    for size in range(len(tokens), 0, -1):
        term = bare.get(tuple(tokens[:size]))
        if term is not None and term.kind == "head":
            return term
    return None


def locality_of(name: str) -> str | None:
    """The last locality phrase of a name: '… tỉnh Kiên Giang' → 'tỉnh Kiên Giang'."""
    found = None
    for match in LOCALITY_RE.finditer(name):
        found = match.group(0)
    return found


def level_of(name: str, head: AgencyTerm | None) -> str | None:
    """central, province, district, commune or unit, from the locality words and the head."""
    locality = locality_of(name)
    if locality:
        word = locality.split()[0].lower()
        if word in _COMMUNE_WORDS:
            return "commune"
        if word in _DISTRICT_WORDS:
            return "district"
        if word == "thành phố" or locality.lower().startswith("thành phố"):
            return "province" if find_province(locality) else "district"
        return "province"
    return head.level if head is not None else None


@lru_cache(maxsize=8192)
def expand_mixed(text: str) -> str:
    """Expand abbreviations in an already-cased name: 'UBND tỉnh' → 'Ủy ban nhân dân tỉnh'."""
    out: list[str] = []
    terms = agency_terms()
    for token in text.split():
        core = token.rstrip(",;:")
        term = terms.get((fold_tones(core).upper(),))
        if term is None:
            core = core.rstrip(".")
            term = terms.get((fold_tones(core).upper(),))
        expandable = term is not None and term.kind in ("abbrev", "phrase") and term.canonical != core
        if term is not None and expandable and core.isupper() and len(core) >= 3:
            canonical = term.canonical
            if out and term.rest == "lower":
                canonical = canonical[0].lower() + canonical[1:]
            out.append(canonical + token[len(core) :])
        else:
            out.append(token)
    return " ".join(out)


@lru_cache(maxsize=8192)
def canonical_name(raw: str) -> str:
    """Full, cased name of a body as written in capitals or mixed case."""
    return expand_mixed(agency_case(raw, expand=True))


def complete_with_parent(name: str, head: AgencyTerm | None, parent_name: str | None) -> str:
    """Add what a local body's name leaves to its parent.

    A bare generic unit ('Văn phòng') takes the parent's name ('Văn phòng Bộ Tư pháp'); a body of a
    local government without a place of its own takes the parent's ('Sở Nội vụ tỉnh Lâm Đồng').
    """
    if not parent_name:
        return name
    if head is not None and name == head.canonical and head.rest != "none":
        return f"{name} {parent_name}"
    if head is None or head.rest == "name" or locality_of(name) or find_province(name):
        return name
    parent_head, _ = head_term(parent_name)
    parent_locality = locality_of(parent_name)
    if parent_locality and parent_head is not None and parent_head.canonical in _LOCAL_GOVERNMENTS:
        return f"{name} {parent_locality}"
    return name


# a body directly under one of these takes its place name; under a department (a Sở) it does not
_LOCAL_GOVERNMENTS = frozenset({"Ủy ban nhân dân", "Hội đồng nhân dân"})
