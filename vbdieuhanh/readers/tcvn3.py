"""TCVN3 (ABC), the 8-bit Vietnamese encoding of the .VnTime fonts, decoded to Unicode.

Word files typed before Unicode keep Vietnamese letters as Latin-1 bytes that only the .VnTime
fonts draw right: "§¶ng bé c¬ quan" is "Đảng bộ cơ quan". The table is ``data/tcvn3.tsv``.
"""

from __future__ import annotations

import re
from functools import cache

from ..vocab import data_rows

# Latin-1 letters that Vietnamese Unicode text uses too: they are no evidence of TCVN3.
_SHARED_LETTERS = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_VIETNAMESE_ONLY = frozenset("ăđĩũơưĂĐĨŨƠƯ")
TCVN3_GUESSED = "the text looked like TCVN3 (ABC) bytes without its fonts; converted to Unicode"


@cache
def table() -> dict[int, str]:
    """Code point of each TCVN3 byte (as Latin-1) → its Unicode letter."""
    return {int(byte, 16): letter for byte, letter in data_rows("tcvn3.tsv")}


@cache
def _markers() -> frozenset[str]:
    return frozenset(chr(code) for code in table()) - _SHARED_LETTERS


@cache
def _marker_re() -> re.Pattern[str]:
    """Any one of the markers (counted in C: the test runs on every text file read)."""
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(_markers())) + "]")


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


_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
# bytes only TCVN3 uses (ă © ê « ¬ ư đ à ả ã á ạ …): VNI and Western text never have them
_TCVN3_ONLY_RE = re.compile(r"[\u00a1-\u00bf]")


def decode_lines(text: str) -> str:
    """TCVN3 text of unknown fonts → Unicode, line by line; a line typed in capitals (its plain
    letters are capitals) was in a capital font: 'UBND TØNH' → 'UBND TỈNH', not 'UBND TỉNH'."""
    out = []
    for line in text.split("\n"):
        plain = _ASCII_LETTER_RE.findall(line)
        capitals = len(plain) >= 3 and sum(1 for ch in plain if ch.isupper()) >= 0.8 * len(plain)
        out.append(decode(line, capitals=capitals))
    return "\n".join(out)


def has_tcvn3_only_bytes(text: str) -> bool:
    """Does the text hold bytes that only TCVN3 uses, a few per hundred letters?"""
    return len(_TCVN3_ONLY_RE.findall(text)) * 100 >= max(1, len(text))


def looks_like_tcvn3(text: str) -> bool:
    """Text full of TCVN3 bytes ("c¬ quan", "huyÖn") and without Vietnamese Unicode letters."""
    markers = len(_marker_re().findall(text))
    if markers < 3:
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    vietnamese = sum(1 for ch in text if ch in _VIETNAMESE_ONLY or "\u1ea0" <= ch <= "\u1ef9")
    return markers >= 0.03 * letters and vietnamese * 10 < markers
