"""strip_marks: one translation table, the same result as its definition (NFD, marks dropped, đ → d)."""

from __future__ import annotations

import pytest

from vbdieuhanh.tones import strip_marks, strip_marks_slowly


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lâm Đồng", "Lam Dong"),
        ("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG", "UY BAN NHAN DAN TINH KIEN GIANG"),
        ("hoà bình, hòa bình", "hoa binh, hoa binh"),
        ("Sở Y tế", "So Y te"),
        ("Quyết định số 3740/QĐ-BTC", "Quyet dinh so 3740/QD-BTC"),
        ("e\u0301 (a decomposed mark)", "e (a decomposed mark)"),
        ("plain ASCII, kept", "plain ASCII, kept"),
        ("Ελληνικά, Ñandú, 가", "Ελληνικα, Nandu, \u1100\u1161"),  # other scripts as NFD gives them
        ("\U0001d400 beyond the BMP: á", "\U0001d400 beyond the BMP: a"),
    ],
)
def test_strip_marks(text: str, expected: str) -> None:
    assert strip_marks(text) == expected


def test_every_character_of_the_basic_plane_as_the_definition_gives() -> None:
    chars = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    assert strip_marks(chars) == strip_marks_slowly(chars)
