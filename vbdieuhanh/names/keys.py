"""Keys that make two spellings of one name or one number the same: case, tone placement, dashes
and spaces ('Uỷ ban' = 'Ủy ban', '0114 / BCĐ – KGVX' = '114/BCĐ-KGVX')."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..tones import fold_tones

_UNIFY = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "Ð": "Đ", "ð": "đ"})
_TO_UNIFY_RE = re.compile("[–—‐‑Ðð]")  # a search in C: translating with a dict is per character


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """Lower case, old-style tone marks folded ("Uỷ" → "ủy"), dashes and spaces unified: no space
    before ',;.)', one after ',;', one around '-', one between words.

    Spaces are made with str.replace, which may leave runs of them: the final split and join make each
    run one space, so it is the same as counting them exactly (and several times faster than regexes
    with a group in the replacement, expanded per match)."""
    text = unicodedata.normalize("NFC", text)
    if _TO_UNIFY_RE.search(text):
        text = text.translate(_UNIFY)
    text = " ".join(fold_tones(text).lower().split())
    for mark in ",;.)":  # the spaces before it are one space now
        text = text.replace(f" {mark}", mark)
    text = text.replace(",", ", ").replace(";", "; ").replace("-", " - ")
    return " ".join(text.split())


def number_symbol_key(number_symbol: str) -> str:
    """'114/BCĐ-KGVX', '0114 / BCĐ – KGVX' and '114/BCÐ-KGVX' (Latin Eth) all give '114/BCĐ-KGVX'."""
    text = fold_tones(unicodedata.normalize("NFC", number_symbol).translate(_UNIFY)).upper()
    return re.sub(r"^0+(?=\d)", "", re.sub(r"\s+", "", text))
