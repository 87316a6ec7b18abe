"""Whether a document carries out a document it cites (IMPLEMENTS) or only cites it (CITES).

"Thực hiện Công văn số 29/CV-BCĐQG …", "Triển khai Kế hoạch số 58/KH-UBND …": the clause before a
citation says the text carries it out; the cue words are in ``data/implement_cues.tsv`` ("clause":
anywhere in the clause before; "adjacent": right before the citation).
"""

from __future__ import annotations

from functools import cache

from ..lexicon import data_rows
from ..names.keys import fold_key

_CLAUSE_ENDS = ".;:\n"
_CLAUSE_WINDOW = 240  # characters before a citation where its clause may begin


@cache
def _implement_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cues, each between spaces: (those anywhere in the clause, those right before the citation)."""
    rows = data_rows("implement_cues.tsv")
    clause = tuple(f" {fold_key(r[0])} " for r in rows if r[1] == "clause")
    adjacent = tuple(f" {fold_key(r[0])} " for r in rows if r[1] == "adjacent")
    return clause, adjacent


def implements(text: str, start: int) -> bool:
    """Does the clause before ``text[start]`` (where a citation begins) say the text carries it out?"""
    window_start = max(0, start - _CLAUSE_WINDOW)
    # after the last end of a clause in the window (rfind gives -1 where there is none)
    clause_start = max(window_start, *(text.rfind(end, window_start, start) + 1 for end in _CLAUSE_ENDS))
    padded = f" {fold_key(text[clause_start:start])} "
    in_clause, adjacent = _implement_cues()
    return any(cue in padded for cue in in_clause) or padded.endswith(adjacent)
