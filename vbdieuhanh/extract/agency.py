"""The issuing bodies of a header: its capitalised lines grouped into bodies (the names themselves are
read by :mod:`vbdieuhanh.names.agency`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import AgencyTerm
from ..names.agency import damaged_head, head_term, whole_body
from ..normalize import is_upper_text


@dataclass(slots=True)
class AgencyUnit:
    """One body in the header: its lines joined, and the head term it starts with."""

    raw: str
    start: int
    end: int
    head: AgencyTerm | None


def group_units(lines: list[tuple[str, int, int]]) -> list[AgencyUnit]:
    """Group header lines into bodies: a new body starts at a line that starts with a head term.

    A line continues the body above when it starts with no head term, when the body above is only
    a head that needs a complement ("TRƯỜNG" / "ĐẠI HỌC ĐÀ LẠT"), or when both lines together
    make one longer head ("ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI").
    """
    units: list[AgencyUnit] = []
    for text, start, end in (piece for line in lines for piece in _line_bodies(*line)):
        term = head_term(text)[0] or damaged_head(text)
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
        if whole_body(before):
            return [(before, start, start + len(before)), *_line_bodies(rest, start + word.start(), end)]
    return [(text, start, end)]


def _needs_complement(unit: AgencyUnit) -> bool:
    """A head alone on its line that names no body yet ('TRƯỜNG', 'SỞ')."""
    head = unit.head
    return head is not None and head.rest != "none" and len(unit.raw.split()) <= len(head.upper.split())


def _joins_head(unit: AgencyUnit, line: str) -> bool:
    """Do the unit and the next line together start with a longer head term than the unit alone?"""
    joined, size = head_term(f"{unit.raw} {line}")
    return joined is not None and size > len(unit.raw.split())
