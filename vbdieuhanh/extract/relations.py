"""Whether a document carries out a document it cites (IMPLEMENTS) or only cites it (CITES).

"Thực hiện Công văn số 29/CV-BCĐQG …", "Triển khai Kế hoạch số 58/KH-UBND …": the clause before a
citation says the text carries it out; the cue words are in ``data/implement_cues.tsv`` ("clause":
anywhere in the clause before; "adjacent": right before the citation).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..lexicon import data_rows
from ..names.keys import fold_key
from ..prefilter import grouped

_CLAUSE_ENDS = ".;:\n"  # a clause begins after the last of them
_CLAUSE_WINDOW = 240  # characters before a citation where its clause may begin


@cache
def _implement_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cues, each between spaces: (those anywhere in the clause, those right before the citation)."""
    rows = data_rows("implement_cues.tsv")
    clause = tuple(f" {fold_key(r[0])} " for r in rows if r[1] == "clause")
    adjacent = tuple(f" {fold_key(r[0])} " for r in rows if r[1] == "adjacent")
    return clause, adjacent


@cache
def _cue_words_re() -> re.Pattern[str] | None:
    """Words of each cue: a clause without them (in lower case, NFC) holds no cue, so it need not be
    folded. Only words ``fold_key`` cannot make from other characters will do: none with a dash, a 'đ'
    (from an Eth), an 'o'/'u' with a tone (moved onto it) or that starts with 'a'/'e'/'y' (a tone
    moved off it); nor one with an 'a'/'e'/'y' with a tone, which folding may move (so the word
    stands in a text's tone-folded key wherever it stands in the text). The longest run of such
    words a cue holds, the last of those, is looked for (only white space folds into the space
    between two words); an adjacent cue's run must end the clause and end the cue. None (always
    fold) when a cue has no such run. One pattern for all, grouped by first letter: one search."""
    made = set("-đòóỏõọùúủũụàáảãạèéẻẽẹỳýỷỹỵ")
    in_clause, adjacent = _implement_cues()
    runs = []
    for cue, at_end in [*((cue, False) for cue in in_clause), *((cue, True) for cue in adjacent)]:
        words = cue.split()
        usable = [not made & set(w) and w[0] not in "aey" for w in words]
        ends = range(len(words) if at_end else 1, len(words) + 1)
        spans = [(i, j) for j in ends for i in range(j) if all(usable[i:j])]
        if not spans:
            return None
        i, j = max(reversed(spans), key=lambda span: span[1] - span[0])  # the most words, the last
        run = r"\s+".join(re.escape(word) for word in words[i:j])
        runs.append(rf"{run}\s*$" if at_end else run)
    return re.compile(grouped(sorted(set(runs))))


def implements(text: str, start: int, lowered: str | None = None) -> bool:
    """Does the clause before ``text[start]`` (where a citation begins) say the text carries it out?

    ``lowered``: when ``text`` is a normalised text (NFC), its tone-folded flat key in lower case, of
    the same length (``NormalizedText.lower``), where the cue words are looked for without a slice.
    """
    window_start = max(0, start - _CLAUSE_WINDOW)
    clause_start = window_start
    for end in _CLAUSE_ENDS:
        clause_start = max(clause_start, text.rfind(end, window_start, start) + 1)
    cue_words = _cue_words_re()
    # most clauses: a look for a few words instead of folding the clause. A cue word stands in the
    # clause's part of ``lowered`` wherever it stands in the folded clause: folding moves tones off
    # none of its letters, nor onto its last from a toned 'a'/'e'/'y' after the clause, which an
    # ASCII character there is not
    if lowered is not None and (start >= len(text) or ord(text[start]) < 128):
        if cue_words is not None and not cue_words.search(lowered, clause_start, start):
            return False
    elif cue_words is not None and not cue_words.search(
        unicodedata.normalize("NFC", text[clause_start:start]).lower()
    ):
        return False
    padded = f" {fold_key(text[clause_start:start])} "
    in_clause, adjacent = _implement_cues()
    return any(cue in padded for cue in in_clause) or padded.endswith(adjacent)
