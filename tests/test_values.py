"""The typed values shared by every layer: PartialDate and the closed sets of names."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from vbdieuhanh.archive.followup import day, due_day
from vbdieuhanh.models import ParseWarning
from vbdieuhanh.values import EdgeType, FollowStatus, PartialDate, WarningCode

# (ISO text, first day, last day, exact)
DATES = [
    ("2021-06-04", date(2021, 6, 4), date(2021, 6, 4), True),
    ("2021-06", date(2021, 6, 1), date(2021, 6, 30), False),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), False),
    ("2021", date(2021, 1, 1), date(2021, 12, 31), False),
]


@pytest.mark.parametrize(("text", "first", "last", "exact"), DATES)
def test_partial_date_reads_each_precision(text: str, first: date, last: date, exact: bool) -> None:
    value = PartialDate.parse(text)
    assert (value.first_day(), value.last_day(), value.exact, value.iso()) == (first, last, exact, text)


def test_yearly_date_without_a_year() -> None:
    """'trước ngày 25/12 hằng năm' is stored as '--12-25': it falls in the year it is asked about."""
    value = PartialDate.parse("--12-25")
    assert value.iso() == "--12-25"
    assert value.first_day() is None
    assert value.last_day(2025) == date(2025, 12, 25)


@pytest.mark.parametrize("text", ["", "2021-13", "2021-02-30", "25/12/2021", "--12", "20211"])
def test_partial_date_refuses_what_is_no_date(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        PartialDate.parse(text)
    assert PartialDate.parse_or_none(text) is None


def test_followup_days_take_a_yearly_deadline() -> None:
    """A deadline '--12-25' made follow-up and tasks crash with int('') before PartialDate."""
    assert day("--12-25") == (None, False)
    assert due_day("--12-25") is None
    assert due_day("--12-25", 2026) == date(2026, 12, 25)
    assert day("2021-03") == (date(2021, 3, 1), False)
    assert due_day("2021-06") == date(2021, 6, 30)


def test_enums_are_their_strings() -> None:
    """Members compare, hash, format and serialise as their values: the JSON record is unchanged."""
    labels = {"answered": "đã thực hiện"}
    assert labels[FollowStatus.ANSWERED] == "đã thực hiện"
    assert f"{EdgeType.IMPLEMENTS}" == "IMPLEMENTS"
    assert json.dumps([FollowStatus.OVERDUE]) == '["overdue"]'
    warning = ParseWarning(code="missing_date", message="no date")
    assert warning.code is WarningCode.MISSING_DATE
    assert warning.model_dump(mode="json")["code"] == "missing_date"


def test_every_note_a_reader_writes_is_a_warning_code() -> None:
    """A reader's note becomes a ParseWarning: a code outside WarningCode would make parse_file fail."""
    readers = Path(__file__).parents[1] / "vbdieuhanh" / "readers"
    codes = {
        code
        for path in readers.glob("*.py")
        for code in re.findall(r'ReaderNote\(\s*"(\w+)"', path.read_text(encoding="utf-8"))
    }
    assert len(codes) >= 10  # the search finds the notes
    assert codes <= {str(code) for code in WarningCode}, codes - {str(code) for code in WarningCode}


def test_an_unknown_warning_code_is_refused() -> None:
    with pytest.raises(ValueError, match="code"):
        ParseWarning(code="no_such_code", message="?")


def test_a_format_finding_is_a_warning_code() -> None:
    """The format checker adds its findings as 'format:<rule>' warnings."""
    assert ParseWarning(code="format:SO02", message="blank number").code == "format:SO02"
