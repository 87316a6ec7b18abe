"""Literal prefilters: find where a pattern can start with ``str.find``, then match only there.

Python's ``re`` scans every position of the text for patterns that begin with an alternation or a
look-behind, which is slow on long documents. Most extraction patterns begin with one of a few
words ("trước", "giao", "báo cáo") or contain a fixed character ("/" in every number-symbol), so a
C-speed ``str.find`` for those literals finds the few places worth trying; many patterns scanned
together share one Aho-Corasick automaton of their triggers (the idea eyecite uses).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import ahocorasick


@dataclass(frozen=True, slots=True)
class Prefiltered:
    """A pattern that can only start at one of ``triggers`` (its matches start at the trigger)."""

    regex: re.Pattern[str]
    triggers: tuple[str, ...]
    # the triggers no other trigger begins ('phối hợp', not 'phối hợp với'): the others start
    # nowhere else, and each is one more pass over the text
    _leads: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        leads = tuple(
            dict.fromkeys(
                t for t in self.triggers if not any(o != t and t.startswith(o) for o in self.triggers)
            )
        )
        object.__setattr__(self, "_leads", leads)

    def finditer(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """Matches in text[start:end], in order, at most one per starting position."""
        found: dict[int, re.Match[str]] = {}
        for trigger in self._leads:
            at = text.find(trigger, start, end)
            while at >= 0:
                if at not in found:
                    match = self.regex.match(text, at, end)
                    if match is not None:
                        found[at] = match
                at = text.find(trigger, at + 1, end)
        return [found[at] for at in sorted(found)]


def scan_together(
    patterns: Sequence[Prefiltered], text: str, start: int, end: int
) -> list[list[re.Match[str]]]:
    """The matches of each of ``patterns`` in text[start:end], as its ``finditer`` gives them, in one
    pass: an Aho-Corasick automaton of all their triggers finds every place one begins (the longest
    one there), and only the patterns with a trigger that begins there are tried.

    The automaton reads each character once, in C; a regex alternation of the 68 task triggers
    entered its branches at every other character (the letters they begin with are common ones)."""
    automaton, tried = _dispatch(patterns)
    longest: dict[int, str] = {}  # where a trigger begins → the longest one there
    for last, lead in automaton.iter(text, start, end):
        at = last - len(lead) + 1
        known = longest.get(at)
        if known is None or len(lead) > len(known):
            longest[at] = lead
    found: list[list[re.Match[str]]] = [[] for _ in patterns]
    for at in sorted(longest):
        for index, pattern in tried[longest[at]]:
            if (hit := pattern.match(text, at, end)) is not None:
                found[index].append(hit)
    return found


_Dispatch = tuple[ahocorasick.Automaton, dict[str, list[tuple[int, re.Pattern[str]]]]]
# by the patterns' ids, with the patterns themselves (so that their ids stay theirs): hashing a
# Prefiltered hashes its compiled regex and triggers
_DISPATCH: dict[tuple[int, ...], tuple[Sequence[Prefiltered], _Dispatch]] = {}
# callers pass cached tuples, a few dozen; a vocabulary overlay makes new ones each time it changes,
# so the table is emptied when it reaches this size rather than grow with every change
_MAX_DISPATCH = 256


def _dispatch(patterns: Sequence[Prefiltered]) -> _Dispatch:
    """The automaton of all the patterns' triggers, and for each trigger the patterns (index, regex)
    to try where it is the longest that begins: those with it or a prefix of it."""
    key = tuple(map(id, patterns))
    cached = _DISPATCH.get(key)
    if cached is not None and all(a is b for a, b in zip(cached[0], patterns, strict=True)):
        return cached[1]
    leads = sorted({lead for pattern in patterns for lead in pattern._leads}, key=len, reverse=True)
    automaton = ahocorasick.Automaton()
    for lead in leads:
        automaton.add_word(lead, lead)
    automaton.make_automaton()
    tried = {
        lead: [(i, p.regex) for i, p in enumerate(patterns) if any(lead.startswith(o) for o in p._leads)]
        for lead in leads
    }
    if len(_DISPATCH) >= _MAX_DISPATCH:
        _DISPATCH.clear()
    _DISPATCH[key] = (tuple(patterns), (automaton, tried))
    return automaton, tried


@dataclass(frozen=True, slots=True)
class AroundSlash:
    """A number-symbol pattern: try it where a number ends just before a '/' ("114/", "30/2020/").

    With ``party``, the number stands before a type code: "132-KL/TW" (Party documents), so a '/'
    with no '-' within reach before it ("12/UBND", a date) is passed over without stepping back.
    """

    regex: re.Pattern[str]
    reach: int = 12  # how far before the '/' the number may start ("66.15 /")
    party: bool = False

    def finditer(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        found: list[re.Match[str]] = []
        next_free = start
        at = text.find("/", start, end)
        while at >= 0:
            floor = max(start, at - self.reach)
            hopeless = self.party and text.find("-", floor, at) < 0
            begin = None if hopeless else self._number_start(text, at, floor)
            if begin is not None and begin >= next_free:
                match = self.regex.match(text, begin, end)
                if match is not None:
                    found.append(match)
                    next_free = match.end()
            at = text.find("/", max(at + 1, next_free), end)
        return found

    def _number_start(self, text: str, at: int, floor: int) -> int | None:
        """Where the number before the '/' at ``at`` starts ("30c/", "66.15 /", "132-KL/")."""
        begin = at
        if self.party:  # step back over "KL" and "-"
            while begin > floor and text[begin - 1].isalpha():
                begin -= 1
            while begin > floor and text[begin - 1] in " -":
                begin -= 1
        while begin > floor and (
            text[begin - 1].isdigit()
            or text[begin - 1] in ". -"
            or (text[begin - 1].islower() and begin - 2 >= floor and text[begin - 2].isdigit())
        ):
            begin -= 1
        while begin < at and not text[begin].isdigit():
            begin += 1
        return begin if begin < at else None


Scanner = re.Pattern[str] | Prefiltered | AroundSlash


def scan(pattern: Scanner, text: str, start: int, end: int) -> list[re.Match[str]]:
    """Matches of any kind of pattern in text[start:end], in order."""
    if isinstance(pattern, re.Pattern):
        return list(pattern.finditer(text, start, end))
    return pattern.finditer(text, start, end)


_META = frozenset(".^$*+?{}[]|()\\")
_QUANTIFIERS = frozenset("*+?{")


def grouped(alternatives: list[str]) -> str:
    """A regex alternation of ``alternatives`` (regex source, each starting with a literal character,
    as re.escape writes it), written as a tree of their common beginnings: 'x(?:a|b)|y' for 'xa|xb|y',
    'ph(?:ối|át)' for 'phối|phát'.

    Python's regex engine tries every alternative at each place it looks; grouped, it tries one branch
    per character read. The matches are the same: two alternatives only both match at one place when
    one is a prefix of the other, and such ones keep their order (a level where an alternative ends
    before the others is kept as written unless it ends last, as with the longest first). A level
    whose alternatives do not all open with a literal (a class, a group, a quantified character) is
    kept as written. Not for a pattern compiled with re.IGNORECASE.
    """
    return "|".join(_branches(alternatives))


def _branches(alternatives: list[str]) -> list[str]:
    """``grouped``'s branches: one per first character, or the alternatives as written."""
    groups: dict[str, list[str]] = {}
    for index, alternative in enumerate(alternatives):
        if not alternative:
            if index != len(alternatives) - 1:
                return alternatives  # an ending before longer ones: their order is its match
            continue
        if alternative[0] == "\\" and len(alternative) > 1 and not alternative[1].isalnum():
            first = alternative[:2]  # an escaped character ('\\ ', '\\(')
        elif alternative[0] not in _META:
            first = alternative[0]
        else:
            return alternatives
        if alternative[len(first) : len(first) + 1] in _QUANTIFIERS:
            return alternatives  # 'a?b': the first character is not a literal on its own
        groups.setdefault(first, []).append(alternative[len(first) :])
    branches = []
    for first, rests in groups.items():
        inner = _branches(rests) if len(rests) > 1 else rests
        branches.append(first + (inner[0] if len(inner) == 1 else f"(?:{'|'.join(inner)})"))
    if not alternatives[-1]:
        branches.append("")
    return branches
