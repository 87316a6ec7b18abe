"""Rules on the place and date line: present, filled in, leading zeros, place of the issuer's unit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..lexicon import province_names, provinces, reorganisation_date
from ..normalize import fold_tones
from ..patterns import LONG_DATE_RE, NUMERIC_DATE_RE
from .findings import CheckContext, Hit, hit, rule


@rule("NG01")
def date_present(ctx: CheckContext) -> Iterator[Hit]:
    doc = ctx.document
    if doc.issue_date is not None or ctx.is_party or ctx.header_lost:
        return
    no_line = any(w.code == "missing_date" and w.source is None for w in doc.warnings)
    if no_line and _numeric_date_line(ctx) is None:  # else NG04 says the date is there, in figures
        yield hit((0, 0))


_BLANK = {
    "missing_day": ("ngày để trống", "day blank"),
    "missing_month": ("ngày, tháng để trống", "day and month blank"),
    "missing_date": ("ngày, tháng, năm để trống", "day, month and year blank"),
}


@rule("NG02")
def date_not_blank(ctx: CheckContext) -> Iterator[Hit]:
    """'ngày   tháng 3 năm 2021': a draft whose date the Văn thư fills in when it registers it."""
    for warning in ctx.document.warnings:
        if warning.code not in _BLANK or warning.source is None:
            continue
        raw = ctx.slice(warning.source)
        match = LONG_DATE_RE.search(raw)
        if warning.code == "missing_day" and (match is None or match.group("d").strip(" .…_")):
            continue  # a day there but unreadable (OCR), not left blank
        vi, en = _BLANK[warning.code]
        yield hit(warning.source, blank=f"{vi} / {en}", found=" ".join(raw.split()))


def _date_raw(ctx: CheckContext) -> tuple[str, int] | None:
    source = ctx.document.sources.get("issue_date")
    return (ctx.slice(source), source.start) if source else None


@rule("NG03")
def date_leading_zero(ctx: CheckContext) -> Iterator[Hit]:
    """Days below 10 and months 1 and 2 take a leading 0: 'ngày 05 tháng 01 năm 2020'."""
    raw = _date_raw(ctx)
    match = LONG_DATE_RE.match(raw[0]) if raw else None
    if raw is None or match is None:
        return
    day, month = match.group("d").strip(), match.group("m").strip()
    parts = []
    if day.isdigit() and int(day) < 10 and len(day) == 1:
        parts.append(("Ngày nhỏ hơn 10", "a day below 10"))
    if month in ("1", "2"):
        parts.append(("Tháng 1, 2", "month 1 or 2"))
    if parts:
        day_text = day.zfill(2) if day.isdigit() else day
        month_text = month.zfill(2) if month in ("1", "2") else month
        expected = f"ngày {day_text} tháng {month_text} năm {match.group('y')}"
        yield hit(
            (raw[1], raw[1] + len(raw[0])),
            part=" và ".join(p[0] for p in parts),
            part_en=" and ".join(p[1] for p in parts),
            found=" ".join(raw[0].split()),
            expected=expected,
        )


# "Lai Châu, 15/3/2021": a place and date line the parser does not take for one (it wants "ngày")
_NUMERIC_LINE_RE = re.compile(
    r"^(?P<place>[^\d,\n]{2,40}),\s*(?:ngày\s*)?" + NUMERIC_DATE_RE.pattern + r"\s*$", re.I
)


def _numeric_date_line(ctx: CheckContext) -> tuple[int, int, re.Match[str]] | None:
    for start, line in ctx.lines:
        if start >= ctx.header_end:
            break
        match = _NUMERIC_LINE_RE.match(line.strip())
        if match:
            return start, start + len(line), match
    return None


@rule("NG04")
def date_in_words(ctx: CheckContext) -> Iterator[Hit]:
    """'ngày 13 tháng 5 năm 2021', not '13/5/2021', on the place and date line."""
    if ctx.document.sources.get("issue_date") is not None:
        return
    found = _numeric_date_line(ctx)
    if found is None:
        return
    start, end, match = found
    day, month = match.group("d"), match.group("m")
    yield hit(
        (start, end),
        found=match.group(0),
        d=day.zfill(2) if int(day) < 10 else day,
        m=month.zfill(2) if month in ("1", "2") else month.lstrip("0"),
        y=match.group("y"),
    )


_UNIT_PREFIX_RE = re.compile(r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.?)\s+", re.IGNORECASE)


def _key(name: str) -> str:
    return fold_tones(" ".join(name.lower().replace("–", "-").split()))


@cache
def _districts() -> dict[str, frozenset[str]]:
    """Provinces of each district-level name (before 2025), by its bare folded name."""
    found: dict[str, set[str]] = {}
    for province in provinces():
        for district in province.districts:
            found.setdefault(_key(_UNIT_PREFIX_RE.sub("", district)), set()).add(province.name)
    return {name: frozenset(values) for name, values in found.items()}


@cache
def _successor() -> dict[str, str]:
    """Each province's unit after the 2025 reorganisation (a new province is its own)."""
    return {p.name: p.successor or p.name for p in provinces()}


def provinces_of_place(place: str) -> frozenset[str]:
    """The provinces a place names, as itself or as one of its districts (several for 'Châu Thành')."""
    key = _key(place)
    names = province_names()
    if key in names:
        return frozenset({names[key]})
    bare = _key(_UNIT_PREFIX_RE.sub("", place))
    if bare in names:
        return frozenset({names[bare]})
    return _districts().get(bare, frozenset())


def _same_unit(place: frozenset[str], province: str, after: bool) -> bool:
    if province in place:
        return True
    successor = _successor()
    return after and successor.get(province, province) in {successor.get(p, p) for p in place}


@rule("NG05")
def place_of_issuer(ctx: CheckContext) -> Iterator[Hit]:
    """A local body writes the name of its own administrative unit; a central body (sitting in any
    province) and a place the lists do not know are not judged."""
    doc = ctx.document
    issuer = doc.issuer
    if not doc.place or issuer is None or issuer.province is None or issuer.level == "central":
        return
    place = provinces_of_place(doc.place)
    after = (doc.issue_date or "") >= reorganisation_date()
    if place and not _same_unit(place, issuer.province, after):
        yield hit(doc.sources.get("place"), place=doc.place, province=issuer.province)


@rule("NG06")
def place_after_reorganisation(ctx: CheckContext) -> Iterator[Hit]:
    """After 1 July 2025 a merged province's old name is no longer a place a body can write."""
    doc = ctx.document
    if not doc.place or not doc.issue_date or doc.issue_date < reorganisation_date():
        return
    key = _key(doc.place)
    name = province_names().get(key) or province_names().get(_key(_UNIT_PREFIX_RE.sub("", doc.place)))
    successor = _successor().get(name or "")
    if name and successor and successor != name:
        yield hit(
            doc.sources.get("place"),
            date=doc.issue_date,
            place=doc.place,
            reorganised=reorganisation_date(),
            successor=successor,
        )


_HCM_RE = re.compile(r"\b(?:hồ\s*chí\s*minh|hcm)\b", re.IGNORECASE)


@rule("NG07")
def place_named_after_person(ctx: CheckContext) -> Iterator[Hit]:
    """Units named after a person are written in full: 'Thành phố Hồ Chí Minh'."""
    place = ctx.document.place
    if place and _HCM_RE.search(fold_tones(place)) and _key(place) != _key("Thành phố Hồ Chí Minh"):
        yield hit(ctx.document.sources.get("place"), place=place)
