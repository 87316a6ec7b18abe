"""VNI-Windows, the 8-bit Vietnamese encoding of the VNI fonts, decoded to Unicode.

Text typed in the VNI fonts keeps each accented letter as a base letter and one mark byte, both
Latin-1 characters when read without the fonts: "Coäng hoøa" is "Cộng hòa". The table is
``data/vni.tsv``.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import data_rows

VNI_GUESSED = "the text looked like VNI-Windows bytes without its fonts; converted to Unicode"
# letter + mark pairs that Vietnamese typed in VNI is full of and other text almost never has
_EVIDENCE_RE = re.compile(r"[aeoAEO][âÂ]|[aoAO][øØ]|[uU][ûÛ]|[aeoAEO][äÄ]|ñ|Ñ")
_VIETNAMESE_RE = re.compile(r"[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9]")


@cache
def table() -> dict[str, str]:
    """VNI sequence (one or two Latin-1 characters) → Unicode letter."""
    return {row[0]: row[1] for row in data_rows("vni.tsv")}


@cache
def _sequence_re() -> re.Pattern[str]:
    """All sequences, the two-character ones first so that 'ôù' (ớ) wins over 'ô' (ơ)."""
    ordered = sorted(table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(sequence) for sequence in ordered))


def looks_like_vni(text: str) -> bool:
    """Text with many VNI pairs ("Vieät", "hoøa", "ñoàng") and no Vietnamese Unicode letter."""
    evidence = len(_EVIDENCE_RE.findall(text))
    return evidence >= 5 and evidence * 200 >= len(text) and _VIETNAMESE_RE.search(text) is None


def decode(text: str) -> str:
    """VNI text read as Latin-1 → Unicode."""
    mapping = table()
    return _sequence_re().sub(lambda match: mapping[match.group(0)], text)
