"""Documents the text cites: full cites, short cites and laws by name.

A full cite gives type, number-symbol, date and issuer ("Công văn số 29/CV-BCĐQG ngày 13/5/2021 của
Ban Chỉ đạo Quốc gia …"); later mentions give type and number only (Decree 30's viện dẫn rule).
Mentions of one number-symbol merge into one citation, in the order of first mention.
"""

from __future__ import annotations

import re
from functools import cache

from ..casing import find_province
from ..lexicon import central_markers, doc_type_by_code, doc_types, positions
from ..models import Agency, Citation
from ..normalize import fold_tones, squash
from ..zones import Seg
from .agency import expand_mixed, head_term, locality_of
from .context import Context
from .patterns import (
    CITED_NUMBER_RE,
    LONG_DATE_RE,
    NUMBER_SYMBOL_RE,
    NUMERIC_DATE_RE,
    PARTY_NUMBER_RE,
    UPPER,
    NumberSymbol,
    PartialDate,
    date_from_match,
    parse_number_symbol,
)
from .prefilter import AroundSlash, Prefiltered


@cache
def _type_before_re() -> re.Pattern[str]:
    """'… Công văn số ' / '… kế hoạch số ' / '… Nghị định ' at the end of the text before a number."""
    names = sorted({fold_tones(t.name) for t in doc_types()}, key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?P<type>{alternation})\s*(?:số\s*:?\s*)?$|(?P<so>\bsố\s*:?\s*)$", re.I)


_CITED_SCAN = AroundSlash(CITED_NUMBER_RE)
_PARTY_SCAN = AroundSlash(PARTY_NUMBER_RE, reach=16, party=True)


@cache
def _law_re() -> Prefiltered:
    """'Luật Tổ chức Chính phủ số 63/2025/QH15', 'Bộ luật Lao động ngày …', 'Hiến pháp năm 2013'."""
    return Prefiltered(
        re.compile(
            r"(?P<type>Bộ luật|Luật|Hiến pháp)(?P<name>(?:\s+(?!số\b|ngày\b|năm\b|Luật\b|Bộ luật\b|Nghị)"
            r"[^\s;.()]+){0,14}?)"
            r"\s*(?:(?P<so>số\s*:?\s*)(?=\d)|(?=ngày\s)|năm\s+(?P<year>\d{4})|(?=[,;.)]))"
        ),
        ("Bộ luật", "Luật", "Hiến pháp"),
    )


# an amending law names the laws it amends: "Luật sửa đổi, bổ sung … của Luật A, Luật B … ngày …"
_AMENDING_LAW = Prefiltered(
    re.compile(
        r"(?P<type>Luật)(?P<name>\s+sửa đổi, bổ sung[^;.()]{0,400}?)"
        r"\s*(?:(?P<so>số\s*:?\s*)(?=\d)|(?=ngày\s)|năm\s+(?P<year>\d{4}))"
    ),
    ("Luật sửa đổi",),
)
_BEFORE_DATE_RE = re.compile(r"\s*,?\s*(?:được\s+)?(?:ban hành\s+|ký\s+)?")
_NGAY_RE = re.compile(r"ngày\s*")
# the issuer may be written in lower case ("của sở") and contain abbreviation dots ("UBND TP.HCM")
_ISSUER_RE = re.compile(rf"\s*,?\s*của\s+(?P<issuer>(?:[{UPPER}]|sở\b|ủy ban\b)(?:[^,;.()\n]|\.(?=\S))*)")
_ISSUER_STOP_RE = re.compile(
    r"\s(?:về việc|về|V/v|quy định|hướng dẫn|phê duyệt|ban hành|tại|nhằm|thì|đã|đến|trong|theo|ngày|"
    r"cho|để|với|là|được|thực hiện|triển khai|sửa đổi|bổ sung|và\s+(?=[a-zđ]))\b"
)
_ASIDE_RE = re.compile(r"\s*\([^()\n]{1,30}\)")  # "của Bộ Giáo dục và Đào tạo (GDĐT) ngày …"
_ISSUER_BEFORE_RE = re.compile(rf"của\s+(?P<issuer>[{UPPER}][^,;.()\n]{{2,80}}?)\s+tại\s*$")
_TITLE_RE = re.compile(
    r"\s*,?\s*(?:về việc|về|V/v)\s+(?P<title>[^;()\n]{3,200}?)(?=[;()\n]|\.\s|\.$|,\s(?!chống)|$)"
)


def extract_citations(ctx: Context, own: NumberSymbol | None, issuer: Agency | None) -> list[Citation]:
    """Citations in the subject and body, merged by number-symbol, in order of first mention."""
    found: list[tuple[int, Citation]] = []
    claimed: list[Seg] = []
    for start, end in ctx.regions():
        for scanner in (_AMENDING_LAW, _law_re()):
            for law in ctx.hits(scanner, start, end):
                if any(a <= law.start() < b for a, b in claimed):
                    continue
                citation, span = _law_citation(ctx, law, end, issuer)
                if citation is not None:
                    found.append((span[0], citation))
                    claimed.append(span)
        for regex in (_PARTY_SCAN, _CITED_SCAN):
            for match in ctx.hits(regex, start, end):
                if any(a <= match.start() < b for a, b in claimed):
                    continue
                citation, span = _number_citation(ctx, match, start, end, issuer)
                if citation is None:
                    continue
                claimed.append(span)
                found.append((span[0], citation))
    found.sort(key=lambda item: item[0])
    _share_date_and_issuer(ctx, found)
    citations = _merge(found, own)
    if own is not None and issuer is not None:
        # a cite with the document's own symbol comes from the same body: 31/BCĐ-KGVX in 114/BCĐ-KGVX
        citations = [
            c.model_copy(update={"issuer": issuer.name}) if _same_body(c, own, issuer) else c
            for c in citations
        ]
    return citations


_LIST_GAP_RE = re.compile(r"\s*(?:[,;]\s*)?(?:và\s+)?(?:số\s*:?\s*)?$")


def _share_date_and_issuer(ctx: Context, found: list[tuple[int, Citation]]) -> None:
    """'Quyết định số 1743/QĐ-BGTVT, 1744/QĐ-BGTVT ngày 31/12/2024 của …': the list shares them."""
    for i in range(len(found) - 2, -1, -1):
        citation, following = found[i][1], found[i + 1][1]
        if citation.date or citation.issuer_raw or citation.source is None or following.source is None:
            continue
        gap = ctx.nt.flat[citation.source.end : following.source.start]
        if len(gap) > 12 or not _LIST_GAP_RE.fullmatch(gap):
            continue
        found[i] = (
            found[i][0],
            citation.model_copy(
                update={
                    "date": following.date,
                    "issuer": following.issuer,
                    "issuer_raw": following.issuer_raw,
                    "full": following.full,
                }
            ),
        )


def _number_citation(
    ctx: Context, match: re.Match[str], region_start: int, region_end: int, issuer: Agency | None
) -> tuple[Citation | None, Seg]:
    key = ctx.nt.flat
    value = parse_number_symbol(match)
    if not re.search(rf"[{UPPER}]{{2,}}|[{UPPER}]-|^[{UPPER}]$", value.symbol):
        return None, (0, 0)
    before = key[max(region_start, match.start() - 40) : match.start()]
    typed = _type_before_re().search(before)
    cite_start = match.start()
    doc_type = None
    if typed is not None:
        cite_start = match.start() - (len(before) - typed.start())
        if typed.group("type"):
            doc_type = _type_name(typed.group("type"))
    code = value.party_type or value.symbol.split("-")[0].split("/")[0]
    if doc_type is None:
        known = doc_type_by_code().get(code)
        if known is not None:
            doc_type = known.name
        elif typed is not None or "-" in value.symbol:
            doc_type = "Công văn"  # "số 12/UBND-VX": issuer-unit symbol, no type code
    if typed is None and doc_type is None:
        return None, (0, 0)
    date, pos = _date_after(key, match.end(), region_end)
    issuer_raw, pos = _issuer_after(ctx, pos, region_end)
    if date is None and issuer_raw is not None:  # "… của Bộ GDĐT (GDĐT) ngày 05/02/2026"
        aside = _ASIDE_RE.match(key, pos, region_end)
        date, after = _date_after(key, aside.end() if aside else pos, region_end)
        if date is not None:
            pos = after
    if issuer_raw is None:
        before_type = key[max(region_start, cite_start - 100) : cite_start]
        prior = _ISSUER_BEFORE_RE.search(before_type)
        if prior is not None:
            issuer_raw = squash(
                ctx.nt.text[
                    cite_start - len(before_type) + prior.start("issuer") : cite_start
                    - len(before_type)
                    + prior.end("issuer")
                ]
            )
    title = None
    title_match = _TITLE_RE.match(key, pos, region_end)
    if title_match is not None:
        title = squash(ctx.nt.text[title_match.start("title") : title_match.end("title")])
    span = (cite_start, pos)
    resolved = _resolve_issuer(issuer_raw, issuer)
    citation = Citation(
        doc_type=doc_type,
        number=value.number,
        symbol=value.symbol,
        number_symbol=value.text,
        date=date.iso() if date else None,
        issuer=resolved,
        issuer_raw=issuer_raw,
        title=title,
        text=squash(ctx.nt.text[span[0] : span[1]]),
        full=bool(date or issuer_raw),
        source=ctx.source(*span),
    )
    return citation, span


def _law_citation(
    ctx: Context, law: re.Match[str], region_end: int, issuer: Agency | None
) -> tuple[Citation | None, Seg]:
    key = ctx.nt.flat
    doc_type = law.group("type")
    name_text = ctx.nt.text[law.start("name") : law.end("name")].strip(" ,")
    if doc_type != "Hiến pháp" and not name_text:
        return None, (0, 0)
    title = f"{ctx.nt.text[law.start('type') : law.end('type')]} {name_text}".strip()
    number: NumberSymbol | None = None
    pos = law.end()
    if law.group("so"):
        match = NUMBER_SYMBOL_RE.match(key, pos, region_end)
        if match is not None and match.group("num"):
            number = parse_number_symbol(match)
            pos = match.end()
    date_text = None
    if law.group("year"):
        date_text = law.group("year")
    else:
        value, pos = _date_after(key, pos, region_end)
        date_text = value.iso() if value else None
    issuer_raw, pos = _issuer_after(ctx, pos, region_end)
    if number is None and date_text is None and doc_type != "Hiến pháp":
        return None, (0, 0)
    span = (law.start(), pos)
    citation = Citation(
        doc_type=_type_name(doc_type),
        number=number.number if number else None,
        symbol=number.symbol if number else None,
        number_symbol=number.text if number else None,
        date=date_text,
        issuer=_resolve_issuer(issuer_raw, issuer),
        issuer_raw=issuer_raw,
        title=title,
        text=squash(ctx.nt.text[span[0] : span[1]]),
        full=True,
        source=ctx.source(*span),
    )
    return citation, span


def _date_after(key: str, pos: int, end: int) -> tuple[PartialDate | None, int]:
    """A date right after a cited number ('… ngày 13/5/2021', ', ngày 14 tháng 02 năm 2015')."""
    lead = _BEFORE_DATE_RE.match(key, pos, end)
    at = lead.end() if lead else pos
    match = LONG_DATE_RE.match(key, at, end)
    if match is None:
        ngay = _NGAY_RE.match(key, at, end)
        match = NUMERIC_DATE_RE.match(key, ngay.end() if ngay else at, end)
        if match is not None and ngay is None and lead is not None and "," not in key[pos:at]:
            match = None  # a bare "13/5/2021" glued to a number is not its date unless "ngày" says so
    if match is None:
        return None, pos
    value = date_from_match(match)
    return (value, match.end()) if value is not None else (None, pos)


def _same_body(citation: Citation, own: NumberSymbol, issuer: Agency) -> bool:
    """A cite with the document's own symbol whose issuer, if written, is the same kind of body."""
    if citation.symbol != own.symbol or own.party_type is not None:
        return False
    if citation.issuer_raw is None:
        return True
    if find_province(citation.issuer_raw):
        return False
    written, _ = head_term(citation.issuer_raw)
    own_head, _ = head_term(issuer.raw or issuer.name)
    return written is not None and own_head is not None and written.canonical == own_head.canonical


def _issuer_after(ctx: Context, pos: int, region_end: int) -> tuple[str | None, int]:
    """'… của Ban Chỉ đạo Quốc gia … về việc' → the issuer as written, and where it ends."""
    match = _ISSUER_RE.match(ctx.nt.flat, pos, region_end)
    if match is None:
        return None, pos
    issuer_key = match.group("issuer")
    stop = _ISSUER_STOP_RE.search(issuer_key)
    length = stop.start() if stop else len(issuer_key)
    words = issuer_key[:length].split()
    if len(words) > 14:
        length = len(" ".join(words[:14]))
    start = match.start("issuer")
    text = squash(ctx.nt.text[start : start + length])  # one line: "của Ủy ban nhân dân\ntỉnh"
    if not text:
        return None, pos
    return text, start + len(ctx.nt.text[start : start + length].rstrip())


@cache
def _type_names() -> dict[str, str]:
    """Canonical type names by their folded lower-case form."""
    return {fold_tones(t.name).lower(): t.name for t in doc_types()}


def _type_name(written: str) -> str:
    """'kế hoạch' → 'Kế hoạch'; an unknown type stays as written."""
    return _type_names().get(fold_tones(written).lower(), written)


def _resolve_issuer(raw: str | None, own: Agency | None) -> str | None:
    """The cited issuer's full name in the context of the citing document.

    Abbreviations are expanded and old tone marks folded; a local body named without its place
    ("của Ủy ban nhân dân tỉnh", "của Sở Y tế", "của Thành ủy") takes the place of the document's
    own province; "của sở" in a Sở's letter is that Sở.
    """
    if raw is None:
        return None
    name = _body_of_official(fold_tones(expand_mixed(squash(raw))))
    name = name[:1].upper() + name[1:]  # "của sở …"
    if own is None:
        return name
    head, size = head_term(name)
    if head is not None and size == len(name.split()) and head_term(own.raw or own.name)[0] == head:
        return own.name  # "của sở", "của Ban Chỉ đạo": the writer itself
    lowered = f" {name.lower()}"
    if find_province(name) or (head is not None and head.level == "central"):
        return name
    if any(f" {marker}" in lowered for marker in central_markers()):
        return name  # "Ban Chỉ đạo Quốc gia …", "Ban Chấp hành Trung ương"
    place = next((locality_of(body.name) for body in _chain(own) if locality_of(body.name)), None)
    if place is None or not (find_province(place) or place.split()[0] in _PROVINCE_WORDS):
        return name
    # "… tỉnh" / "… Thành phố" written without the place name
    bare_place = " ".join(place.split()[: 2 if place.lower().startswith("thành phố") else 1])
    if name.lower().endswith(" " + bare_place.lower()):
        return name[: -len(bare_place)] + place
    if head is not None and head.kind in ("head", "abbrev") and not locality_of(name):
        return f"{name} {place}"
    return name


def _body_of_official(name: str) -> str:
    """'Bộ trưởng Bộ Y tế' → 'Bộ Y tế', 'Chủ tịch Ủy ban nhân dân tỉnh' → 'Ủy ban nhân dân tỉnh': a
    document signed by the head of a body is issued by the body ('Thủ tướng Chính phủ' is a body)."""
    words = name.split()
    titles = positions()
    own_head = head_term(name)[1]  # "THỦ TƯỚNG CHÍNH PHỦ" is longer than the title "THỦ TƯỚNG"
    for size in range(min(5, len(words) - 1), own_head - 1, -1):
        if not size or tuple(fold_tones(w).upper() for w in words[:size]) not in titles:
            continue
        for rest in (" ".join(words[size:]), " ".join(words[size - 1 :])):  # "Trưởng | Ban Chỉ đạo"
            if head_term(rest)[0] is not None:
                return rest[:1].upper() + rest[1:]
    return name


_PROVINCE_WORDS = frozenset({"tỉnh", "thành phố", "Thành phố"})


def _chain(agency: Agency) -> list[Agency]:
    chain = []
    node: Agency | None = agency
    while node is not None:
        chain.append(node)
        node = node.parent
    return chain


def _merge(found: list[tuple[int, Citation]], own: NumberSymbol | None) -> list[Citation]:
    merged: dict[str, Citation] = {}
    own_key = _merge_key(own.text) if own is not None and not own.blank else None
    for _, citation in found:
        key = _merge_key(citation.number_symbol or citation.title or citation.text)
        if key == own_key:
            continue
        if key not in merged:
            merged[key] = citation
            continue
        first = merged[key]
        updates: dict[str, object] = {"mentions": first.mentions + 1}
        for field in ("date", "issuer", "issuer_raw", "title", "doc_type"):
            if getattr(first, field) is None and getattr(citation, field) is not None:
                updates[field] = getattr(citation, field)
        if citation.full and not first.full:
            updates["full"] = True
        merged[key] = first.model_copy(update=updates)
    return list(merged.values())


def _merge_key(text: str) -> str:
    return re.sub(r"\s+", "", fold_tones(text)).upper()
