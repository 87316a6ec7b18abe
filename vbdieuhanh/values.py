"""Typed values that cross module boundaries: partial dates and the closed sets of names.

A kernel module: it imports nothing from the package, so every layer (readers, extraction, archive,
CLI) may use it. The JSON form of a record keeps plain strings: a ``StrEnum`` member is its value.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from enum import Enum

_ISO_RE = re.compile(r"(?:(?P<y>\d{4})|-)(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date with the precision a document gives: a year, a month, or a day.

    ``year`` is None for a yearly deadline written without one ('trước ngày 25/12 hằng năm',
    ISO '--12-25'); ``day``/``month`` are None when left blank.

    >>> PartialDate.parse("2021-06").last_day()
    datetime.date(2021, 6, 30)
    >>> PartialDate.parse("--12-25").iso()
    '--12-25'
    """

    year: int | None
    month: int | None
    day: int | None
    day_problem: str | None = None  # "unreadable" (OCR) or "invalid" ("ngày 32") when day is None

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Read 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or '--MM-DD'; ValueError on anything else."""
        match = _ISO_RE.fullmatch(value.strip())
        if match is None or (match.group("y") is None and match.group("d") is None):
            raise ValueError(f"not a date: {value!r} (expected YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD)")
        year = int(match.group("y")) if match.group("y") else None
        month = int(match.group("m")) if match.group("m") else None
        day = int(match.group("d")) if match.group("d") else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"not a date: {value!r} (month {month})")
        if day is not None and not 1 <= day <= monthrange(year or 2000, month or 1)[1]:
            raise ValueError(f"not a date: {value!r} (day {day})")
        return cls(year, month, day)

    @classmethod
    def parse_or_none(cls, value: str | None) -> PartialDate | None:
        """``parse``, or None for an empty or unreadable value."""
        if not value:
            return None
        try:
            return cls.parse(value)
        except ValueError:
            return None

    def iso(self) -> str:
        """'2021', '2021-06', '2021-06-04' or '--12-25'."""
        if self.year is None:
            return f"--{self.month or 0:02d}-{self.day or 0:02d}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def exact(self) -> bool:
        """Is the day known?"""
        return self.year is not None and self.month is not None and self.day is not None

    def first_day(self, year: int | None = None) -> date | None:
        """The first day the value may mean ('2021-03' → 1 March 2021); a value without a year is
        placed in ``year`` (None when none is given)."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        return date(y, self.month or 1, self.day or 1)

    def last_day(self, year: int | None = None) -> date | None:
        """The last day the value allows ('2021-06' → 30 June 2021, '2021' → 31 December 2021)."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        month = self.month or 12
        return date(y, month, self.day or monthrange(y, month)[1])

    def __str__(self) -> str:
        return self.iso()


class StrEnum(str, Enum):
    """An enum whose members are their string values (``enum.StrEnum`` is Python 3.11+)."""

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:  # printed in lists as the string it stands for: ['missing_day']
        return repr(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    __hash__ = str.__hash__  # a member finds the entries of its value in a dict or a set


class WarningCode(StrEnum):
    """The codes of ``ParseWarning`` (and of the readers' notes they come from)."""

    # header
    MISSING_ISSUER = "missing_issuer"
    MISSING_NUMBER_SYMBOL = "missing_number_symbol"
    MISSING_NUMBER = "missing_number"
    UNPARSED_NUMBER = "unparsed_number"
    UNREADABLE_NUMBER = "unreadable_number"
    MISSING_DATE = "missing_date"
    MISSING_MONTH = "missing_month"
    MISSING_DAY = "missing_day"
    INVALID_DATE = "invalid_date"
    TYPE_SYMBOL_MISMATCH = "type_symbol_mismatch"
    MISSING_SIGNER = "missing_signer"
    MISSING_SIGNER_NAME = "missing_signer_name"
    NOT_ADMINISTRATIVE = "not_administrative"
    # readers
    OCR_REPAIR = "ocr_repair"
    LEGACY_ENCODING = "legacy_encoding"
    NO_TEXT_FOUND = "no_text_found"
    NO_TEXT_LAYER = "no_text_layer"
    OCR_TEXT_LAYER = "ocr_text_layer"
    GARBLED_TEXT_LAYER = "garbled_text_layer"
    ANNOTATIONS_UNREAD = "annotations_unread"
    RUNNING_HEADER = "running_header"
    PAGES_LIMITED = "pages_limited"
    OCR_PAGES_LIMITED = "ocr_pages_limited"
    INVALID_BYTES = "invalid_bytes"
    CHARSET_IGNORED = "charset_ignored"


class EdgeType(StrEnum):
    """The kinds of edges of the task-tracking graph."""

    ISSUED_BY = "ISSUED_BY"
    ADDRESSED_TO = "ADDRESSED_TO"
    COPIED_TO = "COPIED_TO"
    HAS_TASK = "HAS_TASK"
    ASSIGNED_TO = "ASSIGNED_TO"
    CITES = "CITES"
    IMPLEMENTS = "IMPLEMENTS"
    PARENT_OF = "PARENT_OF"
    SUCCEEDED_BY = "SUCCEEDED_BY"
    HAS_INDICATOR = "HAS_INDICATOR"


class FollowStatus(StrEnum):
    """Where a body stands on a task or a directive at a given day."""

    ANSWERED = "answered"
    LATE = "late"  # answered after the deadline
    PARTIAL = "partial"  # some members of a group answered
    PROVINCE_ANSWERED = "province_answered"  # another body of its province answered
    OVERDUE = "overdue"
    OPEN = "open"


class OutputFormat(StrEnum):
    """Formats of the CLI's listings and exports."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    HTML = "html"
    GRAPHML = "graphml"
