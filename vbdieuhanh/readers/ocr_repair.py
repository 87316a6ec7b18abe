"""Repair OCR confusions in the key words of the Decree 30 layout, reporting every repair.

The table lives in ``vbdieuhanh/data/ocr_confusions.tsv`` (wrong, right, where: whole words at the
start of a line, whole words anywhere, or a regular expression and its replacement). A repair changes the
line text the parser reads, so that "Sô: 12/UBND" is found as the number line, and adds a ReaderNote
"ocr_repair" that says what was changed on which page: the record's warnings show every repair.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..layout import Line, ReaderNote
from ..vocab import data_rows


@dataclass(frozen=True, slots=True)
class Confusion:
    """One entry of the table, compiled."""

    wrong: str
    right: str
    pattern: re.Pattern[str]
    regex: bool = False


def _compile(wrong: str, where: str) -> re.Pattern[str]:
    """A pattern for ``wrong`` as whole words, anchored at the line start for 'start' entries;
    'regex' entries are patterns already."""
    if where == "regex":
        return re.compile(wrong)
    body = re.escape(wrong)
    if wrong[-1:].isalnum():
        body += r"(?!\w)"
    if where == "start":
        return re.compile(r"^\s*" + body)
    if wrong[:1].isalnum():
        body = r"(?<!\w)" + body
    return re.compile(body)


@cache
def confusions() -> tuple[Confusion, ...]:
    """The confusion table, in file order."""
    return tuple(  # 'where' is start, word or regex (checked by the file's schema)
        Confusion(wrong, right, _compile(wrong, where), where == "regex")
        for wrong, right, where in data_rows("ocr_confusions.tsv")
    )


def repair_text(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text with known confusions repaired, and the (wrong, right) pairs applied."""
    applied: list[tuple[str, str]] = []
    for entry in confusions():
        match = entry.pattern.search(text)
        if match is None:
            continue
        if entry.regex:
            applied.append((match.group(0), match.expand(entry.right)))
            text = entry.pattern.sub(entry.right, text)
        else:
            applied.append((entry.wrong, entry.right))
            text = entry.pattern.sub(_replacer(entry.wrong, entry.right), text)
    return text, applied


_CAPITALS = "ABCDĐEGHIKLMNOPQRSTUVXY"
_NAME_WORD_RE = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d_]*$")


def repair_name(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A signer's name whose family name lost or changed its first letter at the edge of a column:
    'guyễn Quốc Việt' → 'Nguyễn Quốc Việt', 'Thiếu tướng 1rương Minh Đương' → '… Trương Minh Đương'.
    The last two to four words must be the name; only one repair that gives a known family name is made."""
    from ..lexicon import honorifics, surnames

    words = text.split()
    known = surnames()
    for size in (3, 4, 2):
        if len(words) < size or (len(words) > size and " ".join(words[:-size]) not in honorifics()):
            continue  # the line is the name, after a rank or title at most
        family, given = words[-size], words[-size + 1 :]
        if family in known or _NAME_WORD_RE.match(family) or not all(_NAME_WORD_RE.match(w) for w in given):
            continue
        # a letter lost or misread (never only its case: "quan Văn Phòng" stays)
        fixes = {c + family for c in _CAPITALS}
        fixes |= {c + family[1:] for c in _CAPITALS if c.lower() != family[0]}
        found = sorted(fix for fix in fixes if fix in known)
        if len(found) == 1:
            head = text[: text.rindex(family, 0, len(text) - len(" ".join(given)))]
            return head + found[0] + text[len(head) + len(family) :], [(family, found[0])]
    return text, []


def repair_lines(lines: list[Line], pages: set[int]) -> list[ReaderNote]:
    """Repair the lines of the given pages in place; one note per repaired line."""
    notes: list[ReaderNote] = []
    for line in lines:
        if line.page not in pages or not line.text:
            continue
        repaired, applied = repair_text(line.text)
        if len(repaired) <= 60:
            repaired, named = repair_name(repaired)
            applied += named
        if not applied:
            continue
        changes = ", ".join(f"{wrong!r} → {right!r}" for wrong, right in applied)
        notes.append(
            ReaderNote("ocr_repair", f"page {line.page}: OCR text repaired {changes} in {line.text!r}")
        )
        line.text = repaired
    return notes


def _replacer(wrong: str, right: str) -> Callable[[re.Match[str]], str]:
    """Replace ``wrong`` by ``right`` inside each match, keeping the rest of it."""
    return lambda match: match.group(0).replace(wrong, right)
