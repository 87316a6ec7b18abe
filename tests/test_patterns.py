"""The shared date patterns: the ISO text of a date is the one its PartialDate gives."""

from __future__ import annotations

import itertools

from vbdieuhanh.patterns import iso_date, make_date


def test_iso_date_is_the_iso_of_make_date() -> None:
    """Blank, unreadable, impossible and valid parts, as a document writes them."""
    days = [None, "", "…", "..", " 4", "04", "4.", "29", "30", "31", "32", "0§", "x"]
    months = [None, "", "_ _", "2", "02", "6", "12", "13", "00"]
    years = [None, "", "2020", "2021", "1999", "20x1"]
    for day, month, year in itertools.product(days, months, years):
        value = make_date(day, month, year)
        assert iso_date(day, month, year) == (value.iso() if value is not None else None), (day, month, year)
