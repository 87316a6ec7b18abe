"""Deadlines of tasks: 'trước ngày 30/6/2021', 'trong quý II năm 2019', 'hằng tháng'…"""

from __future__ import annotations

import re

from ..lexicon import recurrences
from ..models import Deadline
from .context import Context
from .patterns import LONG_DATE_RE, NUMERIC_DATE_RE, date_from_match

_BY_RE = re.compile(
    r"(?:trước|chậm nhất(?:\s+là)?|muộn nhất|hạn chót(?:\s+là)?|hạn cuối|không quá|xong trong|"
    r"hoàn thành trong|trong thời hạn đến)\s*(?:\d{1,2}\s*giờ(?:\s*\d{1,2}\s*(?:phút)?)?\s*,?\s*)?"
    r"(?:ngày\s*)?(?=\d)",
    re.I,
)
_DAY_MONTH_RE = re.compile(r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![\d/])")
_QUARTER_RE = re.compile(
    r"(?:trong|trước hết|hết|cuối)\s+quý\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*(?:năm|/)\s*(?P<y>\d{4}))?", re.I
)
_MONTH_RE = re.compile(r"(?:trong|hết|cuối)\s+tháng\s+(?P<m>\d{1,2})\s*(?:năm|/)\s*(?P<y>\d{4})", re.I)
_YEAR_RE = re.compile(r"(?:trong|hết|cuối|ngay trong)\s+năm\s+(?P<y>\d{4})", re.I)
_PERIOD_RE = re.compile(r"định kỳ\s+(?P<n>\d{1,2})\s*(?P<unit>ngày|tuần|tháng|năm)\s*/\s*lần", re.I)
_QUARTER_END = {
    "I": "03-31",
    "II": "06-30",
    "III": "09-30",
    "IV": "12-31",
    "1": "03-31",
    "2": "06-30",
    "3": "09-30",
    "4": "12-31",
}
_UNIT_RECURRENCE = {"ngày": "daily", "tuần": "weekly", "tháng": "monthly", "năm": "yearly"}


def _recurrence(key: str, start: int, end: int) -> tuple[str, int, int] | None:
    lower = key[start:end].lower()
    best = None
    for phrase, value in recurrences():
        at = lower.find(phrase)
        if at >= 0 and (best is None or start + at < best[1]):
            best = (value, start + at, start + at + len(phrase))
    return best


def find_deadline(ctx: Context, start: int, end: int) -> Deadline | None:
    """The first deadline stated in key[start:end], or None."""
    key = ctx.nt.flat
    text = ctx.nt.text
    recurring = _recurrence(key, start, end)

    def make(a: int, b: int, date: str | None, kind: str, recurrence: str | None = None) -> Deadline:
        return Deadline(
            text=re.sub(r"\s+", " ", text[a:b]).strip(),
            date=date,
            kind=kind,  # type: ignore[arg-type]
            recurrence=recurrence,
            source=ctx.source(a, b),
        )

    for by in _BY_RE.finditer(key, start, end):
        pos = by.end()
        full = LONG_DATE_RE.match(key, pos, end) or NUMERIC_DATE_RE.match(key, pos, end)
        if full is not None and (value := date_from_match(full)) is not None:
            return make(by.start(), full.end(), value.iso(), "by")
        partial = _DAY_MONTH_RE.match(key, pos, end)
        if partial is not None:
            day, month = int(partial.group("d")), int(partial.group("m"))
            if 1 <= day <= 31 and 1 <= month <= 12:
                stop = partial.end()
                yearly = None
                if recurring and 0 <= recurring[1] - stop <= 3:
                    yearly, stop = recurring[0], recurring[2]
                kind = "recurring" if yearly else "by"
                return make(by.start(), stop, f"--{month:02d}-{day:02d}", kind, yearly)
    quarter = _QUARTER_RE.search(key, start, end)
    if quarter is not None:
        year = quarter.group("y")
        date = f"{year}-{_QUARTER_END[quarter.group('q').upper()]}" if year else None
        return make(quarter.start(), quarter.end(), date, "within")
    month = _MONTH_RE.search(key, start, end)
    if month is not None and 1 <= int(month.group("m")) <= 12:
        return make(month.start(), month.end(), f"{month.group('y')}-{int(month.group('m')):02d}", "within")
    year = _YEAR_RE.search(key, start, end)
    if year is not None:
        return make(year.start(), year.end(), year.group("y"), "within")
    period = _PERIOD_RE.search(key, start, end)
    if period is not None:
        return make(
            period.start(), period.end(), None, "recurring", _UNIT_RECURRENCE[period.group("unit").lower()]
        )
    if recurring is not None and recurring[0] not in ("continuous", "periodic"):
        return make(recurring[1], recurring[2], None, "recurring", recurring[0])
    return None
