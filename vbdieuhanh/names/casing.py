"""Restore Vietnamese casing of names printed in capitals.

Headers print agency names and positions in capitals ("UBND TỈNH KIÊN GIANG"). The record gives
them as written in running text ("Ủy ban nhân dân tỉnh Kiên Giang"): head words and fields take
their canonical casing from ``data/agency_terms.tsv``, place names are title-cased, acronyms stay.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from functools import cache, lru_cache

from ..lexicon import (
    agency_term_max_len,
    agency_terms,
    agency_terms_bare,
    body_names,
    common_nouns,
    locality_words,
    positions,
    positions_bare,
    province_names,
)
from ..normalize import fold_tones, is_upper_text, strip_marks
from ..patterns import UPPER

_VOWELS = frozenset("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
_COORDINATORS = frozenset({"VÀ", "-", "–", "&"})
_PUNCT_STRIP = ".,;:()\"'“”"


def title_word(word: str) -> str:
    """'KIÊN' → 'Kiên'; hyphenated parts each get a capital ('RỊA-VŨNG' → 'Rịa-Vũng')."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return True  # numbers, punctuation
    if any(c.isdigit() for c in token):
        return True
    if any(c.islower() for c in token[1:]) and any(c.isupper() for c in token[1:]):
        return True  # mixed case as written: "TTr", "QyĐ"
    return not any(c.lower() in _VOWELS for c in letters)


def _split_punct(token: str) -> tuple[str, str, str]:
    core = token.strip(_PUNCT_STRIP)
    if not core:
        return token, "", ""
    start = token.find(core)
    return token[:start], core, token[start + len(core) :]


@lru_cache(maxsize=8192)  # names repeat across the documents of a batch
def agency_case(text: str, *, expand: bool = True) -> str:
    """Case an upper-case agency name; with ``expand`` abbreviations are written out.

    Text that is not mostly upper case is returned unchanged (it is already cased).
    """
    if not is_upper_text(text):
        return text
    raw_tokens = text.split()
    parts = [_split_punct(t) for t in raw_tokens]
    keys = [fold_tones(core.upper()) for _, core, _ in parts]
    bare_keys = [strip_marks(key) for key in keys]  # each word once, not once for each span tried
    terms = agency_terms()
    bare_terms = agency_terms_bare()
    max_len = agency_term_max_len()
    out: list[str] = []
    mode = "start"
    capitalise_next = True
    after_place_head = False  # right after a head that only a place follows ("ỦY BAN NHÂN DÂN | XÃ …")
    i = 0
    while i < len(parts):
        common = 0 if after_place_head else _common_noun_at(keys, i)
        if common:  # "XÃ HỘI", "HỢP TÁC XÃ": ordinary words, not a place
            words = [parts[i + k][1] for k in range(common)]
            first = words[0]
            if mode == "name" or (mode == "field" and capitalise_next) or (mode == "start" and not out):
                first = title_word(first)
            else:
                first = first.lower()
            rest = [title_word(w) if mode == "name" else w.lower() for w in words[1:]]
            cased = " ".join([first, *rest]).split(" ")
            for k in range(common):
                lead, _, trail = parts[i + k]
                out.append(lead + cased[k] + trail)
            capitalise_next = parts[i + common - 1][2].endswith(",")
            i += common
            continue
        after_place_head = False
        match = None
        for size in range(min(max_len, len(parts) - i), 0, -1):
            term = terms.get(tuple(keys[i : i + size]))
            if term is None and size > 1:  # "THÀNH PHÓ": OCR lost or changed a mark
                term = bare_terms.get(tuple(bare_keys[i : i + size]))
            if term is not None:
                match = (term, size)
                break
        if match is not None and match[1] == 1 and match[0].kind == "head" and out:
            match = None  # "SỞ NỘI VỤ": inside a name a one-word head ("VỤ") is an ordinary word
        lead = parts[i][0]
        if match is not None:
            term, size = match
            trail = parts[i + size - 1][2]
            if term.kind == "abbrev" and not expand:
                body = " ".join(p[1] for p in parts[i : i + size])
            elif term.kind == "abbrev" and trail.startswith("."):
                body, trail = term.canonical, trail[1:]  # "BCĐ." → "Ban Chỉ đạo"
            else:
                body = term.canonical
            if mode == "lower" and term.kind == "abbrev" and term.rest == "lower":
                body = body.lower() if expand else body
            out.append(lead + body + trail)
            if term.kind in ("head", "abbrev"):
                mode = term.rest if term.rest != "none" else "place"  # "TỈNH ỦY | LAI CHÂU"
                capitalise_next = True
                after_place_head = term.rest == "none"
            elif term.kind == "locality":
                mode = "place"
            i += size
            continue
        lead, core, trail = parts[i]
        key = keys[i]
        if _is_acronym(core):
            word = core
            if mode == "field" and not any(c.isalnum() for c in core):
                capitalise_next = key in _COORDINATORS  # "LAO ĐỘNG - | THƯƠNG BINH"
        elif mode == "place":
            word = fold_tones(title_word(core))  # place names in the new tone placement: "Khánh Hòa"
        elif mode == "name":
            word = title_word(core)
        elif mode == "field":
            word = title_word(core) if capitalise_next else core.lower()
            capitalise_next = key in _COORDINATORS or trail.endswith(",")
            if key in _COORDINATORS:
                word = core.lower()
        elif mode == "start":
            word = title_word(core) if not out else core.lower()
        else:  # lower
            word = core.lower()
        out.append(lead + word + trail)
        i += 1
    return " ".join(out)


def _common_noun_at(keys: list[str], i: int) -> int:
    """How many tokens an ordinary word holding a unit word ('XÃ HỘI') takes at ``i``, or 0.

    One that starts with the unit word and is followed by a plain word is a place instead: in
    "HỘI LIÊN HIỆP PHỤ NỮ XÃ HỘI AN" the commune is Hội An ("… xã Hội An"), while "XÃ HỘI | TỈNH …",
    "XÃ HỘI | VIỆT NAM", "XÃ HỘI | VÀ …" and "XÃ HỘI" at the end are the common noun.
    """
    nouns = common_nouns()
    for size in (4, 3, 2):
        if nouns.get(tuple(keys[i : i + size])) != size:
            continue
        terms = agency_terms()
        first = terms.get((keys[i],))
        after = i + size
        if first is not None and first.kind == "locality" and after < len(keys):
            follows_term = any(tuple(keys[after : after + n]) in terms for n in range(1, 5))
            if not (follows_term or keys[after] in _COORDINATORS or _common_noun_at(keys, after)):
                return 0
        return size
    return 0


@lru_cache(maxsize=4096)
def position_case(text: str) -> str:
    """Case a position title: 'PHÓ CHỦ TỊCH UBND TỈNH' → 'Phó Chủ tịch UBND tỉnh'."""
    if not is_upper_text(text):
        return text
    tokens = text.split()
    keys = [fold_tones(t.upper().strip(_PUNCT_STRIP)) for t in tokens]
    table = positions()
    bare = [strip_marks(key) for key in keys]
    for size in range(min(6, len(tokens)), 0, -1):
        title = table.get(tuple(keys[:size])) or positions_bare().get(tuple(bare[:size]))
        if title is None:
            continue
        rest = " ".join(tokens[size:])
        if not rest:
            return title
        if tokens[size - 1].endswith(","):  # "BỘ TRƯỞNG, CHỦ NHIỆM": two titles held together
            return f"{title}, {position_case(rest)}"
        head = agency_terms().get((keys[size - 1],))
        next_head = agency_terms().get((keys[size],))
        if head is not None and head.kind == "head" and next_head is None:
            # "GIÁM ĐỐC SỞ | GIÁO DỤC …": the title ends with the head of the body's name (but in
            # "CHÁNH VĂN PHÒNG | UBND TỈNH" a body of its own follows)
            named = agency_case(f"{tokens[size - 1]} {rest}", expand=False)
            return title.rsplit(" ", 1)[0] + " " + named
        return title + " " + agency_case(rest, expand=False)
    return agency_case(text, expand=False)


@cache
def _province_re() -> re.Pattern[str]:
    """Province names as written in title case, capitals or with only the first letter capitalised
    ("Kiên Giang", "KIÊN GIANG", "Hà nội"); matched case-sensitively from a capital, which is several
    times faster than re.IGNORECASE on Vietnamese text."""
    forms: set[str] = set()
    for name in province_names():
        forms |= {name.title(), name.upper(), name[:1].upper() + name[1:]}
    alternation = "|".join(re.escape(n) for n in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?=[{UPPER}])({alternation})(?![\w])")


@lru_cache(maxsize=8192)  # names repeat within a document and across a batch
def find_province(name: str) -> str | None:
    """The province a name mentions ('… tỉnh Kiên Giang' → 'Kiên Giang'), if any (the last one)."""
    mentions = province_mentions(name)
    return mentions[-1][1] if mentions else None


def province_mentions(text: str) -> list[tuple[int, str]]:
    """(offset, province) of every province a text names, in order ('Hòa Bình' the province, not
    'hòa bình', peace)."""
    names = province_names()
    return [
        (match.start(), names[match.group(1).lower()])
        for match in _province_re().finditer(fold_tones(text))
        if match.group(1).lower() in names
    ]


@cache
def _provinces_by_bare_name() -> dict[str, str]:
    """Province names keyed by their letters without marks ('lam dong'), where that key is unique."""
    by_bare: dict[str, set[str]] = {}
    for name in province_names().values():
        by_bare.setdefault(strip_marks(name).lower(), set()).add(name)
    return {bare: next(iter(names)) for bare, names in by_bare.items() if len(names) == 1}


# the province-level locality words by their letters without marks: "tinh" → "tỉnh", "thanh pho" → "thành phố"
_LOCALITY_BARE = {strip_marks(word): word for word in locality_words("province")}
_FUZZY_CUTOFF = 0.85  # "quang ngaai" ~ "quang ngai"; a different province scores well below


@lru_cache(maxsize=4096)
def repair_province(name: str) -> str:
    """Give an OCR-damaged province at the end of a name its own spelling: '… tỉnh Lâm Đòng' →
    '… tỉnh Lâm Đồng', '… Tĩnh cao bằng' → '… tỉnh Cao Bằng'. Near misses are accepted only after
    'tỉnh' or 'thành phố'; a name that already names a province is returned unchanged.

    Cached: issuers' names repeat from letter to letter, and an unknown one costs a fuzzy search."""
    if find_province(name):
        return name
    words = name.split()
    bare_names = _provinces_by_bare_name()
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        tail = strip_marks(" ".join(words[-size:])).lower()
        before = words[:-size]
        locality = next(
            (n for n in (2, 1) if strip_marks(" ".join(before[-n:])).lower() in _LOCALITY_BARE), 0
        )
        province = bare_names.get(tail)
        if province is None and locality:
            close = get_close_matches(tail, bare_names, n=1, cutoff=_FUZZY_CUTOFF)
            province = bare_names[close[0]] if close else None
        if province is None:
            continue
        if locality:
            before[-locality:] = [_LOCALITY_BARE[strip_marks(" ".join(before[-locality:])).lower()]]
        return " ".join([*before, province])
    return name


@cache
def _body_names_by_bare() -> tuple[tuple[str, str], ...]:
    """(letters without marks in lower case, canonical name), longest first."""
    pairs = {(strip_marks(name).lower(), name) for name in body_names()}
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


def repair_body_name(name: str) -> str:
    """Give a ministry or department name damaged by OCR its spelling: 'Sơ Y Te tỉnh Kiên Giang' →
    'Sở Y tế tỉnh Kiên Giang', 'Sở Thông tin và Truyèn thông' → 'Sở Thông tin và Truyền thông'.
    Only the marks change: the letters must be the same."""
    bare = strip_marks(name).lower()
    for known_bare, canonical in _body_names_by_bare():
        if bare.startswith(known_bare) and bare[len(known_bare) : len(known_bare) + 1] in ("", " ", ","):
            return canonical + name[len(canonical) :]
    return name
