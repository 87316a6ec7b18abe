"""Whether a document carries out a document it cites (IMPLEMENTS) or only cites it (CITES).

"Thực hiện Công văn số 29/CV-BCĐQG …", "Triển khai Kế hoạch số 58/KH-UBND …": the clause before a
citation says the text carries it out; the cue words are in ``data/implement_cues.tsv`` ("clause":
anywhere in the clause before; "adjacent": right before the citation).
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import data_rows
from ..names.keys import fold_key

_CLAUSE_END_RE = re.compile(r"[.;:\n]")
_CLAUSE_WINDOW = 240  # characters before a citation where its clause may begin


@cache
def _implement_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = data_rows("implement_cues.tsv")
    clause = tuple(fold_key(r[0]) for r in rows if r[1] == "clause")
    adjacent = tuple(fold_key(r[0]) for r in rows if r[1] == "adjacent")
    return clause, adjacent


def implements(text: str, start: int) -> bool:
    """Does the clause before ``text[start]`` (where a citation begins) say the text carries it out?"""
    clause = fold_key(_CLAUSE_END_RE.split(text[max(0, start - _CLAUSE_WINDOW) : start])[-1])
    in_clause, adjacent = _implement_cues()
    padded = f" {clause} "
    if any(f" {cue} " in padded for cue in in_clause):
        return True
    return any(padded.endswith(f" {cue} ") for cue in adjacent)
