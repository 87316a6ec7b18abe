"""Agency names: group header lines into bodies, expand and case them, find their place and level."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..casing import agency_case, find_province
from ..lexicon import AgencyTerm, agency_term_max_len, agency_terms, agency_terms_bare, body_names
from ..normalize import fold_tones, is_upper_text, strip_marks
from .patterns import UPPER

LOCALITY_RE = re.compile(
    r"(?<!\w)(tỉnh|thành phố|Thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)"
    rf"((?:\s+[{UPPER}0-9][\w\-]*)+)"
)
_DISTRICT_WORDS = frozenset({"huyện", "quận", "thị xã"})
_COMMUNE_WORDS = frozenset({"xã", "phường", "thị trấn", "đặc khu"})


@dataclass(slots=True)
class AgencyUnit:
    """One body in the header: its lines joined, and the head term it starts with."""

    raw: str
    start: int
    end: int
    head: AgencyTerm | None


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


def group_units(lines: list[tuple[str, int, int]]) -> list[AgencyUnit]:
    """Group header lines into bodies: a new body starts at a line that starts with a head term.

    A line continues the body above when it starts with no head term, when the body above is only
    a head that needs a complement ("TRƯỜNG" / "ĐẠI HỌC ĐÀ LẠT"), or when both lines together
    make one longer head ("ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI").
    """
    units: list[AgencyUnit] = []
    for text, start, end in (piece for line in lines for piece in _line_bodies(*line)):
        term = head_term(text)[0] or _damaged_head(text)
        if units and (term is None or _needs_complement(units[-1]) or _joins_head(units[-1], text)):
            unit = units[-1]
            unit.raw = f"{unit.raw} {text}"
            unit.end = end
            unit.head = head_term(unit.raw)[0]
            continue
        units.append(AgencyUnit(text, start, end, term))
    return units


_WORD_RE = re.compile(r"\S+")


def _line_bodies(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """A capitalised header line holding two bodies, cut where the second begins: 'UBND TỈNH KIÊN
    GIANG BCĐ. VẬN ĐỘNG …', 'BỘ CÔNG AN CÔNG AN TỈNH LÂM ĐỒNG' (a converter joined the two lines)."""
    if not is_upper_text(text):
        return [(text, start, end)]
    for word in list(_WORD_RE.finditer(text))[2:]:
        rest = text[word.start() :]
        if head_term(rest)[0] is None:
            continue
        before = text[: word.start()].rstrip()
        if _whole_body(before):
            return [(before, start, start + len(before)), *_line_bodies(rest, start + word.start(), end)]
    return [(text, start, end)]


@lru_cache(maxsize=4096)
def _whole_body(text: str) -> bool:
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


def _damaged_head(line: str) -> AgencyTerm | None:
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


def _needs_complement(unit: AgencyUnit) -> bool:
    """A head alone on its line that names no body yet ('TRƯỜNG', 'SỞ')."""
    head = unit.head
    return head is not None and head.rest != "none" and len(unit.raw.split()) <= len(head.upper.split())


def _joins_head(unit: AgencyUnit, line: str) -> bool:
    """Do the unit and the next line together start with a longer head term than the unit alone?"""
    joined, size = head_term(f"{unit.raw} {line}")
    return joined is not None and size > len(unit.raw.split())


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
