"""Abbreviations the text defines: '… hiến máu tình nguyện (HMTN)', '(sau đây gọi tắt là …)'.

The long form is found, in order of trust: by the initials of the words before the bracket
("hiến máu tình nguyện (HMTN)", "Phòng Đào tạo Đại học (P.ĐTĐH)"); by the last earlier mention of
the short form's first words ("Ngân hàng Nhà nước Việt Nam (sau đây gọi là Ngân hàng Nhà nước)");
or, for a foreign acronym ("(VCCI)"), from the nearest word before it that starts a name
("Liên đoàn Thương mại và Công nghiệp Việt Nam"). Long forms are cut from the text as written.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import abbreviation_heads
from ..normalize import fold_tones, squash
from ..patterns import LOWER, UPPER
from .context import Context

# "(HMTN)", "(P.ĐTĐH)", "(VCCI)"; a unit by its numeral: "(Vụ I)", "(Phòng 2)"
_ACRONYM = rf"[{UPPER}][{UPPER}{LOWER}&\-.]{{1,11}}"
_NUMBERED_UNIT = rf"[{UPPER}][{LOWER}]{{1,5}} (?:[IVXL]{{1,5}}|\d{{1,3}})"
_ACRONYM_RE = re.compile(rf"\((?P<abbr>{_ACRONYM}|{_NUMBERED_UNIT})\)")
_DEFINED_AS_RE = re.compile(
    r"\((?:sau đây|dưới đây|sau này)?\s*(?:được\s+)?(?:gọi|viết)\s+(?:tắt\s+)?(?:là\s*)?:?\s*[\"“]?"
    r"(?P<abbr>[^)\"”]{1,40}?)[\"”]?\)",
    re.I,
)
_SKIP_WORDS = frozenset({"và", "-", "–", "&", "các", "của"})
_WORD_RE = re.compile(r"[\w&\-]+")
_BOUNDARY_RE = re.compile(r"[;:()“”\"]|\.\s")
_REACH = 300  # characters before the bracket where the long form may start


def _initials_start(before: str, abbr: str) -> int | None:
    """Where in ``before`` the words whose initials spell ``abbr`` start (None if they don't)."""
    letters = [c for c in fold_tones(abbr).upper() if c.isalpha()]
    if len(letters) < 2 or sum(c.isupper() for c in abbr) < 2:
        return None
    words = list(_WORD_RE.finditer(before))
    i = len(letters) - 1
    for word in reversed(words[-16:]):
        if word.group(0).lower() in _SKIP_WORDS:
            continue
        if fold_tones(word.group(0)[0]).upper() != letters[i]:
            return None
        i -= 1
        if i < 0:
            return word.start()
    return None


@cache
def _name_start_re() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in abbreviation_heads())
    return re.compile(rf"(?:{heads})(?!\w)")


def _named_start(before: str) -> int | None:
    """Start of the name that ends at the bracket: the nearest word before it that begins a name."""
    boundary = max((m.end() for m in _BOUNDARY_RE.finditer(before)), default=0)
    words = [w for w in _WORD_RE.finditer(before, boundary) if w.group(0)[0].isupper()]
    for word in reversed(words[-20:]):
        if _name_start_re().match(before, word.start()):
            return word.start()
    return None


def _mention_start(before: str, abbr: str) -> int | None:
    """The last earlier mention of the short form's first words ('Ngân hàng Nhà nước' → 'Ngân hàng')."""
    words = abbr.split()
    if len(words) < 2:
        return None
    folded = fold_tones(before)
    at = folded.rfind(fold_tones(" ".join(words[:2])))
    if at < 0 and _name_start_re().match(abbr):  # "Vụ Thanh tra, giám sát … (Vụ I)"
        boundary = max((m.end() for m in _BOUNDARY_RE.finditer(before)), default=0)
        at = folded.rfind(fold_tones(words[0]) + " ", boundary)
    return at if at >= 0 else None


def _long_form(before: str, abbr: str, defined: bool) -> str | None:
    start = _initials_start(before, abbr) if " " not in abbr else None
    if start is None:
        start = _mention_start(before, abbr)
    if start is None and (defined or abbr.isupper()):
        start = _named_start(before)
    if start is None and defined:
        start = max((m.end() for m in re.finditer(r"[;:.,(]\s", before)), default=0)
    if start is None:
        return None
    return squash(before[start:], " ,") or None


def _definitions(text: str, start: int, end: int) -> list[tuple[re.Match[str], bool]]:
    """The matches of _ACRONYM_RE (False) and of _DEFINED_AS_RE (True) in text[start:end], each as
    its finditer finds them, in order of their start (an acronym first).

    Both patterns begin with '(': they are tried at each '(' instead of two scans of the whole
    region. An acronym holds no other '(', so its matches never overlap; a definition may, and as
    finditer does, the next one is looked for after the end of the last."""
    definitions: list[tuple[re.Match[str], bool]] = []
    defined_end = start
    at = text.find("(", start, end)
    while at >= 0:
        acronym = _ACRONYM_RE.match(text, at, end)
        if acronym is not None:
            definitions.append((acronym, False))
        if at >= defined_end:
            defined = _DEFINED_AS_RE.match(text, at, end)
            if defined is not None:
                definitions.append((defined, True))
                defined_end = defined.end()
        at = text.find("(", at + 1, end)
    return definitions


def extract_abbreviations(ctx: Context) -> dict[str, str]:
    """Abbreviation → long form, for every definition in the body and subject."""
    found: dict[str, str] = {}
    text = ctx.nt.text
    for start, end in ctx.regions():
        for match, defined in _definitions(text, start, end):
            abbr = squash(match.group("abbr"), " .,")
            if not abbr or abbr in found:
                continue
            before = text[max(start, match.start() - _REACH) : match.start()]
            long_form = _long_form(before, abbr, defined)
            if long_form and _plausible(abbr, long_form):
                found[abbr] = long_form
    return found


_MAX_LONG_WORDS = 30  # a longer "long form" ran past the name into the sentence


def _plausible(abbr: str, long_form: str) -> bool:
    """A short form has letters and is shorter than its long form; a short form of several words
    ('Ngân hàng Nhà nước', 'Kỳ thi') is the start of its long form."""
    if long_form == abbr or not any(c.isalpha() for c in abbr):
        return False
    long_words, short_words = long_form.split(), abbr.split()
    if not len(short_words) < len(long_words) <= _MAX_LONG_WORDS:
        return False
    return len(short_words) == 1 or fold_tones(long_words[0]).lower() == fold_tones(short_words[0]).lower()
