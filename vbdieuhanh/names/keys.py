"""Keys that make two spellings of one name or one number the same: case, tone placement, dashes
and spaces ('Uỷ ban' = 'Ủy ban', '0114 / BCĐ – KGVX' = '114/BCĐ-KGVX')."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..tones import fold_tones

_UNIFY = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "Ð": "Đ", "ð": "đ"})
_SPACE_BEFORE = re.compile(r"\s+([,;.)])")
_SPACE_AFTER = re.compile(r"([,;])(?=\S)")
_DASH = re.compile(r"\s*-\s*")


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """Lower case, old-style tone marks folded ("Uỷ" → "ủy"), dashes and spaces unified."""
    text = fold_tones(unicodedata.normalize("NFC", text).translate(_UNIFY)).lower()
    text = _DASH.sub(" - ", _SPACE_AFTER.sub(r"\1 ", _SPACE_BEFORE.sub(r"\1", text)))
    return " ".join(text.split())


def number_symbol_key(number_symbol: str) -> str:
    """'114/BCĐ-KGVX', '0114 / BCĐ – KGVX' and '114/BCÐ-KGVX' (Latin Eth) all give '114/BCĐ-KGVX'."""
    text = fold_tones(unicodedata.normalize("NFC", number_symbol).translate(_UNIFY)).upper()
    return re.sub(r"^0+(?=\d)", "", re.sub(r"\s+", "", text))
