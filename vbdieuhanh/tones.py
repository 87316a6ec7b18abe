"""Tone marks: fold old-style placement to the new ('hoà' → 'hòa'), strip marks ('Lâm Đồng' → 'Lam Dong').

A kernel module: it imports nothing from the package (the lexicon and the normaliser both use it).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_TONE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


def _build_fold_table() -> dict[str, str]:
    """Map old-style pairs ("oà", "uỷ") to new-style ones ("òa", "ủy"), all cases."""
    table: dict[str, str] = {}
    pairs = [("o", "a"), ("o", "e"), ("u", "y")]
    for first, second in pairs:
        for tone in _TONE_MARKS:
            for f in (first, first.upper()):
                for s in (second, second.upper()):
                    old = f + unicodedata.normalize("NFC", s + tone)
                    new = unicodedata.normalize("NFC", f + tone) + s
                    table[old] = new
    return table


_FOLD_TABLE = _build_fold_table()
_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_TONED_AE = _TONED["a"] + _TONED["e"] + (_TONED["a"] + _TONED["e"]).upper()
_TONED_Y = _TONED["y"] + _TONED["y"].upper()
# only at the end of a syllable: with a final consonant the tone sits on the second vowel in both
# styles ("đoàn", "hoàn", "Huỳnh"). Each branch opens with one letter, so the regex engine skips
# to the next o, O, u or U in C instead of trying every position (a whole document: 2x faster)
_TONED_AFTER = {"o": _TONED_AE, "O": _TONED_AE, "u": _TONED_Y, "U": _TONED_Y}
_FOLD_BRANCHES = "|".join(f"{vowel}[{toned}]" for vowel, toned in _TONED_AFTER.items())
_FOLD_RE = re.compile(f"(?:{_FOLD_BRANCHES})(?!\\w)")
# _FOLD_RE's branches one by one: each opens with one letter, which the regex engine looks for as
# fast as a text search, twice as fast as a set of letters; for a long text, four such scans are cheaper
_FOLD_BY_VOWEL = tuple(re.compile(f"{vowel}[{toned}](?!\\w)") for vowel, toned in _TONED_AFTER.items())
_LONG_TEXT = 200  # characters: a text longer than a line


_FOLD_TRIGGERS = frozenset(_TONED_AE + _TONED_Y)


def fold_tones(text: str) -> str:
    """Fold old-style tone placement to the new style; the result has the same length."""
    if len(text) > _LONG_TEXT:
        # a text with no toned vowel (_FOLD_TRIGGERS) has nothing to fold: the set test stops at the
        # first one, soon in a long text; a short one is searched at once (the test would read each
        # character as a new string, slower than the search)
        if _FOLD_TRIGGERS.isdisjoint(text) or not any(vowel.search(text) for vowel in _FOLD_BY_VOWEL):
            return text  # most texts: nothing to fold
    elif not _FOLD_RE.search(text):
        return text
    return _FOLD_RE.sub(_folded, text)


def _folded(match: re.Match[str]) -> str:
    """The new-style spelling of an old-style pair ``_FOLD_RE`` found (a module function: a closure
    would be built at every fold_tones call)."""
    # "quý", "quỳ", "quỹ": after q the u is part of the consonant and the tone is already right
    at = match.start()
    if at and match.string[at - 1] in "qQ":
        return match.group(0)
    return _FOLD_TABLE[match.group(0)]


_MARKLESS = str.maketrans("Đđ", "Dd")


def strip_marks_slowly(text: str) -> str:
    """What strip_marks gives, by its definition: NFD, combining marks dropped, đ → d."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_MARKLESS)


@cache
def _markless_table() -> dict[int, str | None]:
    """strip_marks_slowly of each character of the Basic Multilingual Plane that it changes (13,000
    of them, built in about 20 ms). Per character is the same as per text: a text decomposes
    character by character, and the reordering NFD does only moves the marks that are dropped."""
    table: dict[int, str | None] = {}
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        base = strip_marks_slowly(char)
        if base != char:
            table[code] = base or None
    return table


@lru_cache(maxsize=16384)
def strip_marks(text: str) -> str:
    """Base letters only ('Lâm Đông' → 'Lam Dong'): for matching text an OCR engine damaged."""
    if text.isascii():
        return text
    if max(text) > "\uffff":
        return strip_marks_slowly(text)
    return text.translate(_markless_table())  # one pass in C: a whole document in well under 1 ms
