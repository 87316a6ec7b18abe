"""The number-symbol and date patterns, one definition each, shared by every extractor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .values import PartialDate

UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

# One group of a symbol: "BCĐ", "KGVX", "TTr", "THPT.PB", "CCHC&VTLT", "PC04(Đ1)"
# (lower-case runs are one or two letters: "TTr", "QyĐ"; "KH-THPTCLngày" ends before "ngày")
_LETTERS = rf"(?:[{UPPER}0-9&]|[{LOWER}]{{1,2}}(?![{LOWER}]))*"
_SEG = rf"[{UPPER}0-9]{_LETTERS}(?:\.[{UPPER}0-9]{_LETTERS})*(?:\([{UPPER}0-9]+\))?"
# Groups joined by "-" (spaces allowed around it: "BCĐ - KGVX"; doubled by OCR: "QĐ- -TTg"), "/"
# ("HD/BTGDVTU") or a mistyped "_" ("QĐ_BKHCN")
SYMBOL = rf"{_SEG}(?:\s?[-–_](?:\s?[-–_])?\s?{_SEG}|/{_SEG})*"

_BLANK = r"[\s.…_\-]*"  # a number or day left blank: spaces, dots, an ellipsis, underscores

# "114/BCĐ-KGVX", "30/2020/NĐ-CP", "/UBND-VX" (blank number, header only)
NUMBER_SYMBOL_RE = re.compile(
    rf"(?P<num>\d{{1,6}}(?:\.\d{{1,3}})?)?{_BLANK}(?:/\s*(?P<year>(?:19|20)\d{{2}})\s*)?/\s*(?P<sym>{SYMBOL})"
)
# A cited number always has digits: "số 29/CV-BCĐQG", "Nghị định số 16/2015/NĐ-CP"; words run
# together by a converter may glue it to "số" ("Thôngtưsố02/2020/TT-BNV")
CITED_NUMBER_RE = re.compile(
    rf"(?:(?<![\w/])|(?<=[sS]ố))(?P<num>\d{{1,6}}(?:\.\d{{1,3}})?[a-z]?)\s?(?:/\s?(?P<year>(?:19|20)\d{{2}})\s?)?/\s?(?P<sym>{SYMBOL})"
)
# Party style: "15-CV/TU", "132-KL/TW"
PARTY_NUMBER_RE = re.compile(
    rf"(?P<num>\d{{1,6}})\s?-\s?(?P<type>[{UPPER}][{UPPER}{LOWER}]{{0,4}})\s?/\s?(?P<sym>{SYMBOL})"
)

# "ngày 04 tháng 6 năm 2021", "ngày   tháng 3 năm 2021", "ngày … tháng … năm 2026", OCR "ngày 0§ tháng",
# and with the marks an OCR engine drops: "ngay 21 thang 03 nam 2022" ("ngay" only before a day)
LONG_DATE_RE = re.compile(
    r"(?:ngày|ngay(?=\s*\d))(?P<d>[^\n]{0,14}?)th[áa]ng(?P<m>[^\n]{0,14}?)n[ăa]m\s*(?P<y>(?:19|20)\d{2})(?!\d)",
    re.IGNORECASE,
)
# a date line whose "ngày …" was lost (handwritten, cut by OCR): "tháng 12 năm 2017", month precision
MONTH_DATE_RE = re.compile(r"(?P<d>)th[áa]ng\s*(?P<m>\d{1,2})\s*n[ăa]m\s*(?P<y>(?:19|20)\d{2})(?!\d)", re.I)
# "13/5/2021", "02-10-2020", "09.1.2015"
NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/])(?P<d>\d{1,2})\s?(?P<sep>[/.\-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?"
    r"(?P<y>(?:19|20)\d{2})(?![\d/])"
)


def iter_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, PartialDate]]:
    """Every long or numeric date in ``text[start:end]``, in order: (start, end, date)."""
    end = len(text) if end is None else end
    found: list[tuple[int, int, PartialDate]] = []
    for regex in (LONG_DATE_RE, NUMERIC_DATE_RE):
        for match in regex.finditer(text, start, end):
            value = date_from_match(match)
            if value is not None:
                found.append((match.start(), match.end(), value))
    found.sort(key=lambda item: item[0])
    return found


@dataclass(frozen=True, slots=True, init=False)
class NumberSymbol:
    """A parsed 'số, ký hiệu'."""

    number: int | None
    year: int | None
    symbol: str
    party_type: str | None = None
    number_text: str = ""  # the number as written: "05", "66.15"

    def __init__(
        self,
        number: int | None,
        year: int | None,
        symbol: str,
        party_type: str | None = None,
        number_text: str = "",
    ) -> None:
        # the __init__ @dataclass would write (frozen: fields set through object), written here: the
        # compiled build calls this one as C, a generated one through the interpreter
        object.__setattr__(self, "number", number)
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "symbol", symbol)
        object.__setattr__(self, "party_type", party_type)
        object.__setattr__(self, "number_text", number_text)

    @property
    def text(self) -> str:
        if self.party_type:
            return f"{self.number_text}-{self.symbol}"
        year = f"/{self.year}" if self.year else ""
        return f"{self.number_text}{year}/{self.symbol}"

    @property
    def blank(self) -> bool:
        """True when the number was left blank ('Số: /UBND-VX')."""
        return not self.number_text


_DASHES_RE = re.compile(r"\s*[-–_](?:\s*[-–_])*\s*")


def clean_symbol(raw: str) -> str:
    """'BCĐ - KGVX' → 'BCĐ-KGVX'; '–', a mistyped '_' and a doubled 'QĐ- -TTg' → '-'; trailing dots
    dropped."""
    # without a space (every other one is unprintable), a '–', a '_' or a doubled '-' each dash stands
    # alone and is '-' already: most symbols, which the substitution would give back unchanged
    if raw.isprintable() and " " not in raw and "–" not in raw and "_" not in raw and "--" not in raw:
        return raw.rstrip(".-")
    return _DASHES_RE.sub("-", raw).rstrip(".-")


def parse_number_symbol(match: re.Match[str]) -> NumberSymbol:
    """Build a NumberSymbol from a NUMBER_SYMBOL_RE or PARTY_NUMBER_RE match."""
    groups = match.groupdict()
    return _number_symbol(groups.get("num") or "", groups.get("year"), groups["sym"], groups.get("type"))


@lru_cache(maxsize=8192)  # a text cites the same numbers again and again
def _number_symbol(number_text: str, year: str | None, sym: str, party_type: str | None) -> NumberSymbol:
    """The NumberSymbol of a number, year, symbol and Party type as written."""
    number = int(number_text) if number_text.isdigit() else None
    if party_type:  # Party style: the symbol is "TB/TU", the type "TB"
        return NumberSymbol(number, None, f"{party_type}/{clean_symbol(sym)}", party_type, number_text)
    return NumberSymbol(number, int(year) if year else None, clean_symbol(sym), None, number_text)


@lru_cache(maxsize=8192)  # the same dates are written again and again
def make_date(day: str | None, month: str | None, year: str | None) -> PartialDate | None:
    """Validate the parts of a date; blank parts lower the precision, impossible ones give None."""
    parts = _date_parts(day, month, year)
    if parts is None:
        return None
    y, m, d, problem = parts
    return PartialDate(y, m, d, problem)


@lru_cache(maxsize=8192)  # the same dates are written again and again
def iso_date(day: str | None, month: str | None, year: str | None) -> str | None:
    """``make_date(day, month, year).iso()``, without the PartialDate (a class of an uncompiled module,
    slow to build and to ask)."""
    parts = _date_parts(day, month, year)
    if parts is None:
        return None
    y, m, d, _ = parts
    year = str(y) if y >= 1000 else f"{y:04d}"
    if m is None:
        return year
    return f"{year}-{_TWO_DIGITS[m]}" if d is None else f"{year}-{_TWO_DIGITS[m]}-{_TWO_DIGITS[d]}"


_TWO_DIGITS = tuple(f"{number:02d}" for number in range(32))  # a month or a day in an ISO date


def _date_parts(
    day: str | None, month: str | None, year: str | None
) -> tuple[int, int | None, int | None, str | None] | None:
    """The year, month, day and day problem of a date written in parts (``make_date``)."""
    if not year or not year.isdigit():
        return None
    y = int(year)
    month_text = (month or "").strip(" .…_")
    m = int(month_text) if month_text.isdigit() else None
    if m is not None and not 1 <= m <= 12:
        return None
    day_text = (day or "").strip(" .…_")
    d = int(day_text) if day_text.isdigit() else None
    problem = "unreadable" if day_text and d is None else None
    if m is None:
        d = None
    if d is not None:
        try:
            date(y, m or 1, d)
        except ValueError:
            d, problem = None, "invalid"  # "ngày 32 tháng 12": keep the month, drop the day
    return y, m, d, problem


def date_from_match(match: re.Match[str]) -> PartialDate | None:
    """A PartialDate from a LONG_DATE_RE or NUMERIC_DATE_RE match."""
    return make_date(match.group("d"), match.group("m"), match.group("y"))
