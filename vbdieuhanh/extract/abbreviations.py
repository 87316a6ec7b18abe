"""Abbreviations the text defines: '… hiến máu tình nguyện (HMTN)', '(sau đây gọi tắt là …)'."""

from __future__ import annotations

import re

from ..normalize import fold_tones, squash
from .context import Context
from .patterns import LOWER, UPPER

_ACRONYM_RE = re.compile(rf"\((?P<abbr>[{UPPER}][{UPPER}{LOWER}&\-]{{1,11}})\)")
_DEFINED_AS_RE = re.compile(
    r"\((?:sau đây\s+)?(?:gọi|viết)\s+tắt\s+(?:là\s*)?:?\s*[\"“]?(?P<abbr>[^)\"”]{1,40}?)[\"”]?\)", re.I
)
_SKIP_WORDS = frozenset({"và", "-", "–", "&", "các", "của"})
_WORD_RE = re.compile(r"[\w&\-]+")


def _initials_match(words: list[str], abbr: str) -> int:
    """How many trailing words spell ``abbr`` by their initials (0 if none)."""
    letters = [c for c in fold_tones(abbr).upper() if c.isalpha()]
    if len(letters) < 2 or sum(c.isupper() for c in abbr) < 2:
        return 0
    i = len(letters) - 1
    used = 0
    for word in reversed(words):
        if i < 0:
            break
        if word.lower() in _SKIP_WORDS:
            used += 1
            continue
        if fold_tones(word[0]).upper() != letters[i]:
            return 0
        i -= 1
        used += 1
    return used if i < 0 else 0


def extract_abbreviations(ctx: Context) -> dict[str, str]:
    """Abbreviation → long form, for every definition in the body and subject."""
    found: dict[str, str] = {}
    text = ctx.nt.text
    for start, end in ctx.regions():
        for match in _ACRONYM_RE.finditer(text, start, end):
            abbr = match.group("abbr")
            if abbr in found:
                continue
            before = text[max(start, match.start() - 160) : match.start()]
            words = _WORD_RE.findall(before)
            count = _initials_match(words[-16:], abbr)
            if count:
                found[abbr] = " ".join(words[-count:])
        for match in _DEFINED_AS_RE.finditer(text, start, end):
            abbr = match.group("abbr").strip()
            if abbr in found or not abbr:
                continue
            before = text[max(start, match.start() - 300) : match.start()]
            words = _WORD_RE.findall(before)
            count = _initials_match(words[-16:], abbr) if " " not in abbr else 0
            long_form = " ".join(words[-count:]) if count else _long_form_before(before, abbr)
            if long_form:
                found[abbr] = long_form
    return found


def _long_form_before(before: str, abbr: str) -> str | None:
    """The phrase a '(gọi tắt là X)' names: from the last mention of X's first words, or the clause."""
    head = " ".join(abbr.split()[:2])
    at = before.rfind(head)
    if at >= 0 and len(abbr.split()) > 1:
        return squash(before[at:], " ,")
    clause = re.split(r"[;:.,(]\s", before)[-1]
    clause = squash(clause, " ,")
    return clause or None
