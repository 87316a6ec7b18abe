"""TCVN3 (ABC), the 8-bit Vietnamese encoding of the .VnTime fonts, decoded to Unicode.

Word files typed before Unicode keep Vietnamese letters as Latin-1 bytes that only the .VnTime
fonts draw right: "§¶ng bé c¬ quan" is "Đảng bộ cơ quan". The table is ``data/tcvn3.tsv``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

# Latin-1 letters that Vietnamese Unicode text uses too: they are no evidence of TCVN3.
_SHARED_LETTERS = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_VIETNAMESE_ONLY = frozenset("ăđĩũơưĂĐĨŨƠƯ")
TCVN3_GUESSED = "the text looked like TCVN3 (ABC) bytes without its fonts; converted to Unicode"


@cache
def table() -> dict[int, str]:
    """Code point of each TCVN3 byte (as Latin-1) → its Unicode letter."""
    text = resources.files("vbdieuhanh").joinpath("data").joinpath("tcvn3.tsv").read_text(encoding="utf-8")
    mapping: dict[int, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            byte, letter = line.split("\t")[:2]
            mapping[int(byte, 16)] = letter
    return mapping


@cache
def _markers() -> frozenset[str]:
    return frozenset(chr(code) for code in table()) - _SHARED_LETTERS


def is_tcvn3_font(name: str | None) -> bool:
    """True for the TCVN3 fonts: .VnTime, .VnTimeH, .VnArial …"""
    return name is not None and name.strip().lower().startswith(".vn")


def is_capital_font(name: str) -> bool:
    """The capital variants (.VnTimeH, .VnArialH) draw every letter as a capital."""
    return name.strip().rstrip("0123456789").endswith("H")


def decode(text: str, capitals: bool = False) -> str:
    """TCVN3 text read as Latin-1 → Unicode (in capitals for the capital fonts)."""
    decoded = text.translate(table())
    return decoded.upper() if capitals else decoded


def looks_like_tcvn3(text: str) -> bool:
    """Text full of TCVN3 bytes ("c¬ quan", "huyÖn") and without Vietnamese Unicode letters."""
    markers = sum(1 for ch in text if ch in _markers())
    if markers < 3:
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    vietnamese = sum(1 for ch in text if ch in _VIETNAMESE_ONLY or "\u1ea0" <= ch <= "\u1ef9")
    return markers >= 0.03 * letters and vietnamese * 10 < markers
