"""Indicators: the results and targets a report or news text gives.

"Năm 2018, Kiên Giang … tiếp nhận được 19.416 đơn vị máu …, đạt 134% chỉ tiêu năm 2018" gives a
*result* (tiếp nhận đơn vị máu = 19416, 134 % of the target, 2018, Kiên Giang); "Năm 2019, Kiên Giang
phấn đấu tiếp nhận 17.000 đơn vị máu trở lên" gives a *target* (≥ 17000, 2019).

A figure is a number followed by a unit (``data/indicator_units.txt``) or "%". Its kind comes from
the cues in ``data/indicator_cues.tsv``: a target cue earlier in the sentence makes every figure after
it a target; otherwise a result cue in the figure's own clause makes it a result; a figure with
neither ("cấp tỉnh 400 triệu đồng/năm") is not an indicator. The year is the first year the sentence
names, else the document's; the province is the one the sentence names, else the document's.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import cache

from ..lexicon import data_rows
from ..models import Indicator, Source
from ..names.casing import find_province, province_mentions
from ..normalize import fold_tones
from ..patterns import UPPER

# line breaks, or spaces after a full stop before a capital: each pattern starts with the space it
# consumes first (then looks back at it), so that the regex engine skips to the spaces
_SENTENCE_END = re.compile(rf"\s(?:(?<=\n)\n*|(?<=[.!?…]\s)\s*(?=[{UPPER}]))")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]")
_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)
# a number not glued to another ('19.416', '1,12'): its first digit, then a look back at the
# character before it, so that the regex engine skips to the digits
_NUMBER = r"(?P<num>\d(?<![\d/.,\-].)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?))(?![\d/])"


@cache
def _units() -> tuple[str, ...]:
    return tuple(sorted((r[0].strip() for r in data_rows("indicator_units.txt")), key=len, reverse=True))


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {"target": [], "result": [], "filler": []}
    for cue, kind in data_rows("indicator_cues.tsv"):
        out[kind].append(fold_tones(cue.lower()))
    return {kind: tuple(cues) for kind, cues in out.items()}


@cache
def _comparators() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for words, comparator, position in data_rows("indicator_comparators.tsv"):
        out[position][fold_tones(words)] = comparator
    return out


@cache
def _figure_re() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in _units())
    return re.compile(rf"{_NUMBER}\s*(?P<unit>%|(?:{units})(?!\w))", re.IGNORECASE)


@cache
def _share_re() -> re.Pattern[str]:
    words = "|".join(re.escape(r[0].strip()) for r in data_rows("indicator_shares.txt"))
    return re.compile(rf"\s*(?:{words})\b", re.IGNORECASE)


def _has_word(text: str, cue: str) -> bool:
    return _word_re(cue).search(text) is not None


def _first_cue_end(folded: str, kind: str) -> float:
    """Where the first cue of ``kind`` to end in a sentence ends (infinity when there is none)."""
    ends = [m.end() for cue in _cues()[kind] if (m := _word_re(cue).search(folded)) is not None]
    return min(ends, default=float("inf"))


@cache
def _word_re(cue: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)")


def _value(number: str) -> float:
    """'19.416' → 19416, '1,12' → 1.12 (Vietnamese: dot groups thousands, comma is the decimal mark)."""
    return float(number.replace(".", "").replace(",", "."))


def _what(clause: str, unit: str) -> str:
    """The clause before the figure without cues, place names and fillers, plus the unit noun."""
    words = re.split(r"\d[\d.,]*", clause)[-1]
    province = find_province(words)
    if province:
        words = re.sub(re.escape(province), " ", words, flags=re.IGNORECASE)
    tokens = words.lower().split()
    keys = [fold_tones(t) for t in tokens]
    drop = [*_cues()["target"], *_cues()["result"], *_cues()["filler"], *_comparators()["before"]]
    phrases = sorted((tuple(p.split()) for p in drop), key=len, reverse=True)
    kept, i = [], 0
    while i < len(tokens):
        size = next((len(p) for p in phrases if tuple(keys[i : i + len(p)]) == p), 0)
        if size:
            i += size
            continue
        kept.append(tokens[i])
        i += 1
    what = " ".join(kept[-10:])
    if unit != "%":
        what = f"{what} {unit}".strip()
    return what


def _comparator(before: str, after: str) -> str | None:
    tables = _comparators()
    before_key = fold_tones(before.lower()).rstrip()
    for words, comparator in tables["before"].items():
        if before_key.endswith(words) and _has_word(before_key[-len(words) - 1 :], words):
            return comparator
    after_key = fold_tones(after.lower()).lstrip()
    for words, comparator in tables["after"].items():
        if after_key.startswith(words):
            return comparator
    return None


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _main_province(text: str) -> str | None:
    """The province a text names in most sentences (a news text about one province)."""
    starts = [start for start, _ in _sentences(text)]
    sentences_naming: dict[str, set[int]] = {}
    for offset, name in province_mentions(text):  # one pass over the text
        sentences_naming.setdefault(name, set()).add(bisect_right(starts, offset))
    return max(sentences_naming, key=lambda name: len(sentences_naming[name])) if sentences_naming else None


def extract_indicators(text: str, *, province: str | None = None, year: int | None = None) -> list[Indicator]:
    """Results and targets in ``text``; ``province`` and ``year`` are the document's defaults."""
    found: list[Indicator] = []
    seen: set[tuple[object, ...]] = set()
    if _figure_re().search(text) is None:
        return found
    fallback: list[str | None] = [province] if province else []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        figures = list(_figure_re().finditer(sentence))
        if not figures:
            continue
        folded = fold_tones(sentence.lower())
        year_match = _YEAR.search(sentence)
        s_year = int(year_match.group(1)) if year_match else year
        s_province = find_province(sentence)
        if s_province is None:
            fallback = fallback or [_main_province(text)]
            s_province = fallback[0]
        previous: Indicator | None = None
        # once a sentence, not once a figure: a sentence of thousands of figures stays linear
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence)]
        target_end = _first_cue_end(folded, "target")
        for match in figures:
            unit = match.group("unit").lower()
            value = _value(match.group("num"))
            if not math.isfinite(value):  # over 300 digits: no figure (JSON would write null)
                continue
            after = sentence[match.end() : match.end() + 30]
            if unit == "%" and previous is not None and _share_re().match(after):
                previous.share_of_target = value
                continue
            before = bisect_right(breaks, match.start())
            clause_start = breaks[before - 1] if before else 0
            clause = sentence[clause_start : match.start()]
            clause_key = folded[clause_start : match.start()]
            if target_end <= match.start():
                kind = "target"
            elif any(_has_word(clause_key, cue) for cue in _cues()["result"]):
                kind = "result"
            else:
                continue
            indicator = Indicator(
                what=_what(clause, unit),
                value=value,
                unit=unit,
                year=s_year,
                kind=kind,
                comparator=_comparator(clause, after),
                province=s_province,
                text=sentence[clause_start : match.end()].strip(),
                source=Source(start=s_start + match.start(), end=s_start + match.end()),
            )
            previous = indicator
            identity = (indicator.what, value, unit, s_year, kind)
            if identity in seen:
                continue
            seen.add(identity)
            found.append(indicator)
    return found
