"""The header: issuing body and parent, number and symbol, place and date, type, subject, marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import doc_type_by_code, doc_type_by_upper_name, marks, province_names
from ..models import Agency
from ..names.agency import canonical_name, complete_with_parent, level_of
from ..names.casing import find_province, repair_body_name, repair_province
from ..normalize import is_upper_text, squash, strip_marks
from ..patterns import (
    LONG_DATE_RE,
    MONTH_DATE_RE,
    NUMBER_SYMBOL_RE,
    NUMERIC_DATE_RE,
    PARTY_NUMBER_RE,
    SYMBOL,
    UPPER,
    NumberSymbol,
    PartialDate,
    date_from_match,
    parse_number_symbol,
)
from ..zones import NUMBER_LINE_RE, VV_RE, Seg, classify_place_date, title_type
from .agency import group_units
from .context import Context

_SUBJECT_PREFIX_RE = re.compile(r"^\(?\s*(?:V/v|V/V|v/v|V\.v|Về về việc|Về việc)\s*:?\s*")


def extract_issuer(ctx: Context) -> Agency | None:
    """The issuing body, its parent chain, province and level, from the header's agency lines."""
    lines = [(ctx.text(seg), seg[0], seg[1]) for seg in ctx.zones.agency]
    units = group_units(lines)
    if not units:
        return None
    agency: Agency | None = None
    for unit in units:
        name = repair_province(repair_body_name(canonical_name(unit.raw)))
        parent_name = agency.name if agency else None
        name = complete_with_parent(name, unit.head, parent_name)
        province = find_province(name) or (agency.province if agency else None)
        level = level_of(name, unit.head) or (agency.level if agency else None)
        agency = Agency(
            name=name,
            raw=unit.raw,
            parent=agency,
            province=province,
            level=level,
            source=ctx.source(unit.start, unit.end),
        )
    return agency


@dataclass(slots=True)
class NumberResult:
    value: NumberSymbol | None
    seg: Seg | None


def extract_number(ctx: Context) -> NumberResult:
    """Số, ký hiệu from the number line; a blank number gives number None and a warning."""
    seg = ctx.zones.number
    if seg is None:
        return NumberResult(None, None)
    key = ctx.key(seg)
    prefix = NUMBER_LINE_RE.match(key)
    offset = prefix.end() if prefix else 0
    match = PARTY_NUMBER_RE.match(key, offset) or NUMBER_SYMBOL_RE.match(key, offset)
    if match is not None and not _UPPER_IN_SYMBOL_RE.search(match.group("sym")):
        match = None  # "Số: 01/06/2020": a date typed in the number box, not a number-symbol
    if match is None:
        garbled = _SYMBOL_AFTER_GARBAGE_RE.search(key, offset)
        if garbled is None:
            ctx.warn("unparsed_number", f"the number line could not be read: {ctx.text(seg)!r}", seg)
            return NumberResult(None, seg)
        value = parse_number_symbol(garbled)
        span = (seg[0] + garbled.start("sym"), seg[0] + garbled.end())
        ctx.warn("unreadable_number", f"the number is unreadable: {ctx.text(seg)!r}; number is null", seg)
        return NumberResult(NumberSymbol(None, value.year, value.symbol), span)
    value = parse_number_symbol(match)
    span = (seg[0] + match.start(), seg[0] + match.end())
    if value.blank:
        ctx.warn("missing_number", "the number was left blank ('Số: /…'); number is null", span)
    return NumberResult(value, span)


_UPPER_IN_SYMBOL_RE = re.compile(f"[{UPPER}]")
# "Số:⁄ÖÊ /STTTT-TTBCXB": an OCR engine's guess at a handwritten number, then the symbol
_SYMBOL_AFTER_GARBAGE_RE = re.compile(rf"(?<!\d)/\s*(?:(?P<year>(?:19|20)\d{{2}})\s*/\s*)?(?P<sym>{SYMBOL})")


@dataclass(slots=True)
class PlaceDate:
    place: str | None
    place_seg: Seg | None
    date: PartialDate | None
    date_seg: Seg | None


_ADOPTED_RE = re.compile(r"\bthông qua\s+(?=ngày)")


def _adoption_date(ctx: Context) -> PlaceDate:
    """Laws and resolutions date themselves at the end: '… thông qua ngày 10 tháng 12 năm 2025.'"""
    body = ctx.zones.body
    if not body:
        return PlaceDate(None, None, None, None)
    start = body[max(0, len(body) - 6)][0]
    flat = ctx.nt.flat
    for adopted in _ADOPTED_RE.finditer(flat, start, body[-1][1]):
        match = LONG_DATE_RE.match(flat, adopted.end())
        value = date_from_match(match) if match else None
        if match is not None and value is not None:
            return PlaceDate(None, None, value, (match.start(), match.end()))
    return PlaceDate(None, None, None, None)


def _known_place(ctx: Context, place: str, seg: Seg | None) -> str:
    """A place an OCR engine damaged ('Lâm Đông') given as the province it must be ('Lâm Đồng')."""
    if find_province(place) is not None:
        return place
    bare = strip_marks(place).lower()
    for name in province_names().values():
        if strip_marks(name).lower() == bare:
            ctx.warn("ocr_repair", f"place {place!r} read as the province {name!r}", seg)
            return name
    return place


def extract_place_date(ctx: Context) -> PlaceDate:
    """'Kiên Giang, ngày 04 tháng 6 năm 2021' → place and a date of the precision given."""
    seg = ctx.zones.place_date
    if seg is None:
        return _adoption_date(ctx)
    key = ctx.key(seg)
    found = classify_place_date(key)
    if found is None:
        return PlaceDate(None, None, None, None)
    place_end, date_start = found
    place = squash(ctx.text((seg[0], seg[0] + place_end)), " ,.") or None
    place_seg = ctx.trimmed(seg[0], seg[0] + place_end) if place else None
    if place is not None:
        place = _known_place(ctx, place, place_seg)
    match = (
        LONG_DATE_RE.match(key, date_start)
        or NUMERIC_DATE_RE.search(key, date_start)
        or MONTH_DATE_RE.match(key, date_start)
    )
    if match is None:
        ctx.warn("missing_date", "the day, month and year were left blank", seg)
        return PlaceDate(place, place_seg, None, None)
    value = date_from_match(match)
    date_seg = (seg[0] + match.start(), seg[0] + match.end())
    if value is None:  # "ngày 14 tháng 44 năm 2024": the year alone is sure
        value = PartialDate(int(match.group("y")), None, None, "invalid")
        message = f"{ctx.text(date_seg)!r} is not a real date; issue_date has the year only"
        ctx.warn("invalid_date", message, date_seg)
    elif value.month is None:
        ctx.warn("missing_month", "the day and month were left blank; issue_date has the year only", date_seg)
    elif value.day_problem == "invalid":
        message = f"{ctx.text(date_seg)!r} is not a real date; issue_date has month precision"
        ctx.warn("invalid_date", message, date_seg)
    elif value.day is None:
        detail = "is unreadable" if value.day_problem else "was left blank"
        ctx.warn("missing_day", f"the day {detail}; issue_date has month precision", date_seg)
    return PlaceDate(place, place_seg, value, date_seg)


@dataclass(slots=True)
class DocTypeResult:
    name: str | None
    code: str | None
    seg: Seg | None


def extract_doc_type(ctx: Context, number: NumberSymbol | None) -> DocTypeResult:
    """Type from the title line, else 'V/v' (công văn), else the symbol's type code."""
    title = ctx.zones.title
    by_upper = doc_type_by_upper_name()
    by_code = doc_type_by_code()
    code_in_symbol = None
    if number is not None:
        first = number.party_type or number.symbol.split("-")[0].split("/")[0]
        code_in_symbol = first if first in by_code else None
    if title is not None:
        upper = title_type(ctx.key(title))
        if upper is not None:
            doc_type = by_upper[upper]
            seg = (title[0], title[0] + len(upper))
            if code_in_symbol and doc_type.code and code_in_symbol != doc_type.code:
                ctx.warn(
                    "type_symbol_mismatch",
                    f"the title says {doc_type.name} but the symbol has {code_in_symbol}",
                    title,
                )
            code = None if doc_type.name == "Công văn" else doc_type.code
            return DocTypeResult(doc_type.name, code, seg)
    subject = ctx.zones.subject
    if subject and VV_RE.match(ctx.key(subject[0])):
        return DocTypeResult("Công văn", None, subject[0])
    if code_in_symbol:
        doc_type = by_code[code_in_symbol]
        code = None if doc_type.name == "Công văn" else doc_type.code
        return DocTypeResult(doc_type.name, code, ctx.zones.number)
    if number is not None:
        return DocTypeResult("Công văn", None, ctx.zones.number)  # "12/UBND-VX": no type code
    return DocTypeResult(None, None, None)


def extract_subject(ctx: Context) -> tuple[str | None, Seg | None]:
    """The subject (trích yếu), joined across lines, without 'V/v' or 'Về việc'."""
    segs = ctx.zones.subject
    if not segs:
        return None, None
    text = " ".join(ctx.text(seg) for seg in segs)
    prefix = _SUBJECT_PREFIX_RE.match(text)
    if prefix:
        text = text[prefix.end() :]
    text = text.strip()
    if text.startswith("(") is False and text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1]
    text = squash(text, " .;")
    if is_upper_text(text):
        text = text[:1] + text[1:].lower()
    if not text:
        return None, None
    return text, (segs[0][0], segs[-1][1])


def extract_marks(ctx: Context) -> dict[str, tuple[str, Seg]]:
    """Urgency, secrecy and circulation marks found as header lines."""
    found: dict[str, tuple[str, Seg]] = {}
    for seg in ctx.zones.marks:
        stripped = ctx.key(seg).strip(" .:*()[]").upper()
        for upper, kind in marks():
            if stripped == upper and kind not in found:
                found[kind] = (upper, seg)
    return found
