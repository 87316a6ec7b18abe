"""Names of bodies as the archive keys them.

``body(raw, context)`` cleans a list entry ("- UBND tỉnh: U1 (b/c);" → "UBND tỉnh"), expands
abbreviations (UBND, BCĐ, HMTN and the document's own), completes the place a document leaves
implicit ("UBND tỉnh" in a Lai Châu letter → "Ủy ban nhân dân tỉnh Lai Châu") and gives the body
its key: the name folded by :func:`keys.fold_key` ("Uỷ"/"Ủy", "hoà"/"hòa" and case fold together),
and for a local body whose name does not say where it is, the place it was written in
("khoa huyết học và truyền máu | kiên giang"). ``in_context`` maps a short form to a body of the same
document it abbreviates ("Ban Chỉ đạo tỉnh" in the Kiên Giang committee's letter → that committee).

Pure functions, no database: they run in the ingest workers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..lexicon import (
    central_markers,
    data_rows,
    honorifics,
    locality_words,
    post_titles,
    provinces,
    provincial_heads,
)
from ..models import Agency
from ..tones import fold_tones
from ..vocab import glyphs
from .agency import head_term, level_of, locality_of
from .casing import find_province
from .keys import fold_key

_BULLET = re.compile(rf"^[\s{re.escape(glyphs('bullet_name'))}]+")  # data/glyphs.tsv
_PURPOSE = re.compile(r"\s*\([^()]*\)\s*$")
_CODES = re.compile(r"\s*:\s*[^:]{0,40}$")
_TRAIL = re.compile(r"[\s.;,:/]+$")
_PLACE_WORDS = locality_words("province", "district")  # tỉnh, thành phố, huyện, quận, thị xã
_GROUP_STARTS = ("các ", "thành viên ")


@dataclass(frozen=True, slots=True)
class Body:
    """A body as the archive knows it: display name, key, place and level."""

    name: str
    key: str
    province: str | None = None
    level: str | None = None
    head: str | None = None
    collective: bool = False
    stem: str | None = None
    member_level: str | None = None


@dataclass(slots=True)
class Context:
    """What a document tells about the names in it: its places, abbreviations and full bodies."""

    province: str | None = None
    places: dict[str, str] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    owner: str | None = None
    known: list[Body] = field(default_factory=list)


@cache
def _collectives() -> tuple[tuple[str, str], ...]:
    rows = [(fold_key(r[0]), r[1]) for r in data_rows("collectives.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def _extra_abbreviations() -> tuple[tuple[str, str], ...]:
    rows = [(r[0], r[1]) for r in data_rows("name_abbreviations.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


@cache
def _province_full_names() -> dict[str, str]:
    """Province name → its name inside a body's name ('Kiên Giang' → 'tỉnh Kiên Giang')."""
    out: dict[str, str] = {}
    for p in provinces():
        word, _, rest = p.full_name.partition(" ")
        if word.lower() == "thành":
            out.setdefault(p.name, "thành phố " + p.full_name.split(" ", 2)[2])
        else:
            out.setdefault(p.name, f"{word.lower()} {rest}")
    return out


@cache
def _district_provinces() -> dict[str, str]:
    """Legacy district ('huyện tam đường') → its province, for names found in one province only."""
    seen: dict[str, set[str]] = {}
    for province in provinces():
        for district in province.districts if province.period == "legacy" else ():
            seen.setdefault(fold_key(district), set()).add(province.name)
    return {key: next(iter(names)) for key, names in seen.items() if len(names) == 1}


def province_of(name: str) -> str | None:
    """The province a name says ('… tỉnh Kiên Giang'), or its district's when that is unambiguous."""
    found = find_province(name)
    if found is None:
        locality = locality_of(name)
        found = _district_provinces().get(fold_key(locality)) if locality else None
    return found


def place_phrase(province: str) -> str:
    """'Kiên Giang' → 'tỉnh Kiên Giang', 'Cần Thơ' → 'thành phố Cần Thơ'."""
    return _province_full_names().get(province, f"tỉnh {province}")


def clean(raw: str) -> str:
    """A list entry without its bullet, purpose, office codes and final punctuation."""
    text = _BULLET.sub("", " ".join(raw.split()))
    for pattern in (_PURPOSE, _CODES, _TRAIL):
        text = pattern.sub("", text)
    return text.strip()


def _expand(name: str, abbreviations: dict[str, str]) -> str:
    """Expand the document's abbreviations, the archive's extra ones, then the parser's agency terms."""
    for short, full in (*sorted(abbreviations.items(), key=lambda kv: -len(kv[0])), *_extra_abbreviations()):
        name = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, name)
    words: list[str] = []
    for token in name.split():
        core = token.rstrip(".,;:")
        term, size = head_term(core) if core.isupper() and len(core) >= 3 else (None, 0)
        if term is not None and term.kind == "abbrev" and size == 1:
            full = term.canonical if not words or term.rest != "lower" else term.canonical.lower()
            words.append(full + token[len(core) :])
        else:
            words.append(token)
    return " ".join(words)


def _agency_part(name: str) -> str | None:
    """The body a list entry names: itself, the body after a post ('CT, các PCT. UBND tỉnh'), or None."""
    bare = name
    for start in _GROUP_STARTS:
        if bare.lower().startswith(start):
            bare = bare[len(start) :]
            break
    if name.lower().startswith(_GROUP_STARTS) and bare:
        return name
    term, _ = head_term(bare)
    if term is not None and term.kind in ("head", "abbrev"):
        return name
    tokens = name.split()
    for i in range(1, len(tokens)):
        term, _ = head_term(" ".join(tokens[i:]))
        if term is not None and term.kind == "abbrev":
            return " ".join(tokens[i:])
    return None


def _tokens(text: str) -> list[str]:
    return [t.strip(".,:;-–") for t in fold_tones(text).upper().split()]


def held_body(name: str) -> str:
    """The body a person or a post stands for, '' when none: persons and posts are never bodies.

    'Hiệu trưởng Trường Đại học Luật Hà Nội' → 'Trường Đại học Luật Hà Nội', 'Chủ tịch UBND tỉnh' →
    'UBND tỉnh', 'Trưởng Ban Chỉ đạo …' → 'Ban Chỉ đạo …'; 'PGS.TS Nguyễn Văn A - Hiệu trưởng',
    'Vụ trưởng', 'Chánh Văn phòng Bộ' → ''. Any other name is returned as it is.
    """
    upper = fold_tones(name).upper()
    for honorific in honorifics():
        bare = fold_tones(honorific).upper().rstrip(".")
        if upper.startswith(bare) and upper[len(bare) : len(bare) + 1] in ("", ".", " "):
            return ""  # an academic title or a rank: a person
    tokens, words = _tokens(name), name.split()
    for title in post_titles():
        if len(tokens) >= len(title) and tuple(tokens[: len(title)]) == title:
            rest = " ".join(words[len(title) :]).lstrip(" -–,:")
            # 'Trưởng Ban Chỉ đạo': the title's last word begins the body's name
            for candidate in (rest, " ".join(words[len(title) - 1 :])):
                term, _ = head_term(candidate) if candidate else (None, 0)
                if term is not None and term.kind in ("head", "abbrev") and candidate != name:
                    return candidate
            return ""
    return name


def _with_place(name: str, province: str | None) -> str:
    """A department named without its province takes the one it belongs to ('Sở Y tế' in a Kiên
    Giang document, 'Sở Y tế Kiên Giang' → 'Sở Y tế tỉnh Kiên Giang'): one key for every spelling."""
    if province is None or locality_of(name):
        return name
    folded = fold_key(name)
    if not any(folded.startswith(head + " ") for head in provincial_heads()):
        return name
    own = fold_key(province)
    if folded.endswith(" " + own):
        return f"{name[: len(name) - len(province)].rstrip()} {place_phrase(province)}"
    if find_province(name) is None:
        return f"{name} {place_phrase(province)}"
    return name


def _complete_place(name: str, context: Context) -> str:
    """Append the document's place to a name that ends with a bare 'tỉnh', 'huyện'…"""
    lower = name.lower()
    for word in _PLACE_WORDS:
        if lower.endswith(" " + word) or lower == word:
            before = lower[: -len(word)].rstrip()
            if before.endswith((",", " các")) or before == "các":
                return name
            place = context.places.get(word)
            return f"{name[: len(name) - len(word)]}{place}" if place else name
    return name


@cache
def _canonical_phrases() -> dict[str, str]:
    """The shortest plural phrase of each member level: the one a collective's key is written with."""
    out: dict[str, str] = {}
    for phrase, level in _collectives():
        if level not in out or len(phrase) < len(out[level]):
            out[level] = phrase
    return out


def _collective(key: str) -> tuple[str, bool, str | None, str | None]:
    """(key, collective, stem, member level) of a name's key.

    'ủy ban nhân dân các huyện, thị xã, thành phố' → stem 'ủy ban nhân dân', members 'district', and
    the key written with the level's canonical phrase ('ủy ban nhân dân các huyện') so that every
    spelling of the same collective has one key.
    """
    for phrase, level in _collectives():
        at = key.find(phrase)
        if at >= 0 and (at == 0 or key[at - 1] == " "):
            stem = key[:at].strip()
            stem = stem[4:] if stem.startswith("các ") else stem
            canonical = f"{stem} {_canonical_phrases()[level]}".strip()
            return canonical, True, stem or None, level
    return key, key.startswith(_GROUP_STARTS), None, None


def body(raw: str, context: Context, *, listed: bool = True) -> Body | None:
    """The body a name stands for in a document, or None when the entry names no body.

    ``listed``: the name is an entry of 'Kính gửi' or 'Nơi nhận', which may name a post or a person
    instead of a body; assignees and issuers come from the parser as bodies.
    """
    places = tuple(sorted(context.places.items()))
    abbreviations = tuple(sorted(context.abbreviations.items()))
    return _body(raw, listed, context.province, places, abbreviations, context.owner)


@lru_cache(maxsize=65536)
def _body(
    raw: str,
    listed: bool,
    province_of_document: str | None,
    places: tuple[tuple[str, str], ...],
    abbreviations: tuple[tuple[str, str], ...],
    owner: str | None,
) -> Body | None:
    """:func:`body`, remembered: archives repeat the same names in the same places."""
    context = Context(province_of_document, dict(places), dict(abbreviations), owner)
    cleaned = held_body(clean(raw))
    part = (_agency_part(cleaned) if listed else cleaned) if cleaned else None
    if not part:
        return None
    name = _complete_place(_expand(part, context.abbreviations), context)
    name = _with_place(name, find_province(name) or province_of_document)
    name = name[:1].upper() + name[1:] if not name.lower().startswith(_GROUP_STARTS) else name
    key, collective, stem, member_level = _collective(fold_key(name))
    term, _ = head_term(name)
    level = level_of(name, term)
    province = province_of(name)
    central = member_level == "province" or any(f" {m}" in f" {key}" for m in central_markers())
    if province is None and (level == "central" or central):
        level = "central"
    elif province is None:
        province = context.province
    qualifier = province if level != "central" else None
    if qualifier is None and level != "central" and not collective:
        qualifier = context.owner
    if qualifier and fold_key(qualifier) not in key:
        key = f"{key} | {fold_key(qualifier)}"
    head = fold_key(term.canonical) if term is not None else None
    return Body(name, key, province, level, head, collective, stem, member_level)


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def in_context(found: Body, context: Context) -> tuple[Body, str]:
    """The full body of the document a short form stands for, and how it was found.

    'Ban Chỉ đạo tỉnh Kiên Giang' (after completion) in a letter of the 'Ban Chỉ đạo vận động hiến
    máu tình nguyện tỉnh Kiên Giang' is that committee: same head, same province, and its words are a
    subsequence of the full name's. The issuer and its parents are tried first.
    """
    if found.collective:
        return found, "exact"
    words = fold_key(found.name).split()
    for known in context.known:
        if known.key == found.key:
            return known, "exact"
    for known in context.known:
        if known.collective or known.head != found.head or known.province != found.province:
            continue
        if _is_subsequence(words, fold_key(known.name).split()):
            return known, "context"
    return found, "exact"


def context_for(issuer: Agency | None, abbreviations: dict[str, str], place: str | None) -> Context:
    """The naming context of a document: its issuer's places, its abbreviations, its issuer chain."""
    context = Context(abbreviations=dict(abbreviations))
    chain: list[Agency] = []
    agency = issuer
    while agency is not None:
        chain.append(agency)
        agency = agency.parent
    for agency in chain:
        context.province = context.province or agency.province or province_of(agency.name)
        locality = locality_of(agency.name)
        if locality:
            word = next((w for w in _PLACE_WORDS if locality.lower().startswith(w)), None)
            if word:
                context.places.setdefault(word, locality[:1].lower() + locality[1:])
    central = any(agency.level == "central" for agency in chain)
    if not central and context.province is None and place:
        context.province = find_province(place)
    if context.province:
        phrase = place_phrase(context.province)
        context.places.setdefault(phrase.rsplit(" ", len(context.province.split()))[0], phrase)
    for agency in reversed(chain):
        found = body(agency.name, context, listed=False)
        if found is not None:
            context.known.insert(0, found)
    if context.known and context.province is None:
        context.owner = context.known[0].name  # a central body's units are named after it
    return context


def bodies(names: Sequence[str], context: Context, *, listed: bool = True) -> list[tuple[Body, str]]:
    """Bodies named by a list of entries, in context, without repeats; entries naming none are dropped."""
    out: list[tuple[Body, str]] = []
    seen: set[str] = set()
    for name in names:
        found = body(name, context, listed=listed)
        if found is None:
            continue
        resolved, method = in_context(found, context)
        if resolved.key not in seen:
            seen.add(resolved.key)
            out.append((resolved, method))
    return out
