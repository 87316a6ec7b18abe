"""Documents the text cites: full cites, short cites and laws by name.

A full cite gives type, number-symbol, date and issuer ("Công văn số 29/CV-BCĐQG ngày 13/5/2021 của
Ban Chỉ đạo Quốc gia …"); later mentions give type and number only (Decree 30's viện dẫn rule).
Mentions of one number-symbol merge into one citation, in the order of first mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice, pairwise

from ..lexicon import (
    body_names,
    central_markers,
    citation_words,
    doc_type_by_code,
    doc_types,
    localities,
    locality_words,
    narrative_words,
    positions,
    task_verbs,
)
from ..models import Agency, Citation
from ..names.agency import LOCALITY_RE, expand_mixed, head_term, locality_of
from ..names.casing import find_province, province_mentions
from ..normalize import NormalizedText, fold_tones, squash
from ..patterns import (
    CITED_NUMBER_RE,
    LONG_DATE_RE,
    LOWER,
    NUMBER_SYMBOL_RE,
    NUMERIC_DATE_RE,
    PARTY_NUMBER_RE,
    UPPER,
    NumberSymbol,
    iso_date,
    parse_number_symbol,
)
from ..prefilter import AroundSlash, Prefiltered, grouped
from ..zones import Seg
from .context import Context
from .relations import implements


def _alternation(
    words: tuple[str, ...] | list[str],
    *,
    glued: bool = False,
    lower: bool = False,
    group: bool = False,
    then: str = "",
) -> str:
    """A regex alternation of words, longest first; with ``glued`` the spaces inside a phrase may be
    missing ("Thôngtư": words run together by a converter); with ``lower`` in lower case. With
    ``group`` or ``lower`` (for a pattern without re.IGNORECASE) grouped by first letter: the same
    alternatives in the same order, tried faster. ``then``: a pattern each word is followed by."""
    space = r"\s*" if glued else r"\s+"
    alternatives = [
        re.escape(w.lower() if lower else w).replace(r"\ ", space) + then
        for w in sorted(set(words), key=len, reverse=True)
    ]
    return grouped(alternatives) if lower or group else "|".join(alternatives)


def _type_words() -> list[str]:
    return [fold_tones(t.name) for t in doc_types()]


def _type_alternation(lower: bool = False) -> str:
    return _alternation(_type_words(), glued=True, lower=lower)


def _lowered(text: str) -> str | None:
    """``text`` in lower case, where a pattern written in lower case finds on it, without
    re.IGNORECASE, what the pattern finds with re.IGNORECASE on ``text``; None where it may not: a
    letter that lowers to two ('İ'), or one that re.IGNORECASE takes for another ('ı' for 'i', 'ſ' for
    's'). Without the flag the regex engine rejects most words of an alternation by their first
    letter, several times faster."""
    lower = text.lower()
    return lower if len(lower) == len(text) and "ı" not in lower and "ſ" not in lower else None


def _lowered_text(nt: NormalizedText) -> str | None:
    """``nt.lower`` where each part of it is what ``_lowered`` makes of that part of ``nt.flat``, else
    None. It is flat in lower case unless a letter lowers to two, and 'İ' is the one that does (then
    it is flat itself); 'ı' and 'ſ' are read as other letters. (A Greek sigma may lower to another
    form in a part than in the whole: no pattern here reads one.)"""
    lower = nt.lower
    return lower if "İ" not in nt.flat and "ı" not in lower and "ſ" not in lower else None


def _lowered_part(lowered: str | None, key: str, start: int, end: int) -> str | None:
    """``_lowered(key[start:end])``, cut from the document's lowered text when there is one."""
    return lowered[start:end] if lowered is not None else _lowered(key[start:end])


@cache
def _type_before_re(lower: bool = False) -> re.Pattern[str]:
    """'… Công văn số ' / '… kế hoạch số ' / '… Nghị định ' / '… Bản án dân sự sơ thẩm số ' at the end
    of the text before a number; with ``lower`` written in lower case for ``_lowered`` text (else
    matched with re.IGNORECASE)."""
    qualifiers = _alternation(citation_words()["type_qualifier"], lower=lower)
    return re.compile(
        rf"(?P<type>{_type_alternation(lower)})(?:(?:\s+(?:{qualifiers}))+\s+số\s*:?\s*|\s*(?:số\s*:?\s*)?)$"
        r"|(?P<so>\bsố\s*:?\s*)$",
        0 if lower else re.I,
    )


def _type_before(before: str, lower: str | None) -> re.Match[str] | None:
    """The type (group 'type', or 'so' for a bare 'số') at the end of ``before``, in any case; the
    match may be one of ``lower``, ``_lowered(before)`` (its offsets are those of ``before``).

    In lower case, the search starts where the run of characters the pattern is written with that
    ends the text starts (what rstrip leaves of the text ends there): no match can start before it.
    """
    if lower is None:
        return _type_before_re().search(before)
    return _type_before_re(True).search(lower, len(lower.rstrip(_type_before_chars())))


_LAST_SPACE = 0x3000  # the last character str.isspace (and a regex's \s) takes: U+3000, ideographic space


@cache
def _type_before_chars() -> str:
    """The characters of _type_before_re(True): its words' letters, ':' and the white space."""
    words = [*_type_words(), *citation_words()["type_qualifier"], "số"]
    letters = {c for w in words for c in w.lower() if not c.isspace()} | {":"}
    spaces = {c for c in map(chr, range(_LAST_SPACE + 1)) if c.isspace()}
    return "".join(sorted(letters | spaces))


# what may lead to a next citation: ' và ', ', ', ' hoặc các '; and the characters it holds besides spaces
_NEXT_LEAD = r"\s*(?:,\s*|\s(?:và|hoặc)\s+)?(?:các\s+)?"
_NEXT_LEAD_CHARS = frozenset(",vàhoặccá")
_DIGIT_RE = re.compile(r"\d")


@cache
def _next_core_re(lower: bool = False) -> re.Pattern[str]:
    """A citation's beginning without its lead: 'Quyết định số', 'Thông tư 05/…', 'số 12/…'; with
    ``lower`` written in lower case for ``_lowered`` text (else matched with re.IGNORECASE).

    In lower case each type word is followed by the rest of the pattern: every alternative then
    starts with a letter, and the regex engine skips to the places where one of those letters is.
    """
    qualifiers = _alternation(citation_words()["type_qualifier"], lower=lower)
    rest = rf"(?:\s+(?:{qualifiers}))*\s+(?:số\b|\d)"
    if lower:
        return re.compile(rf"{_alternation(_type_words(), glued=True, lower=True, then=rest)}|số\s*:?\s*\d")
    return re.compile(rf"(?:{_type_alternation()}){rest}|số\s*:?\s*\d", re.I)


@cache
def _next_cite_re(lower: bool = False) -> re.Pattern[str]:
    """Where another citation begins: ' và Quyết định số …', ', Thông tư 05/…', ' và số 12/…'."""
    core = _next_core_re(lower)
    return re.compile(rf"{_NEXT_LEAD}(?:{core.pattern})", core.flags)


def _next_part_start(key: str, lowered: str | None, start: int, end: int) -> int:
    """Where another citation (with its lead) or a provision ('và Điều 6') begins in key[start:end],
    else ``end``; the window is lowered once for both (``_lowered_part`` of ``lowered``, the
    document's ``_lowered_text``).

    A citation's first beginning is looked for without its lead, which lets the regex engine skip
    to the letters that can start one; the lead is then matched from the start of the run of spaces
    and lead characters before it (no match can start before that run, which a lead would have to
    cross). The patterns look at nothing before ``start``, so they run on the window alone.
    """
    lower = _lowered_part(lowered, key, start, end)
    if lower is None:
        found = _next_cite_re().search(key, start, end)
        stop = found.start() if found else end
        provision = _provision_start(key, start, stop)
        return stop if provision is None else provision
    stop = len(lower)
    # every beginning ends with a digit or with a type or qualifier, spaces and the word 'số': a window
    # with neither (most names and titles, 'một số điều' among them) has none
    found_core = _typed_so(lower) or _DIGIT_RE.search(lower) is not None
    core = _next_core_re(True).search(lower) if found_core else None
    if core is not None:
        lead = core.start()
        while lead > 0 and (lower[lead - 1].isspace() or lower[lead - 1] in _NEXT_LEAD_CHARS):
            lead -= 1
        found = _next_cite_re(True).search(lower, lead)
        stop = found.start() if found else core.start()
    provision = _provision_start(lower, 0, stop, lower=True)
    return start + (stop if provision is None else provision)


def _typed_so(lower: str) -> bool:
    """Does ``lower`` hold the word 'số' after spaces and the last word of a type or of a qualifier
    ('công văn số', 'quyết định kháng nghị số'), where a match of ``_next_core_re(True)`` without a
    digit ends?"""
    at = lower.find("số")
    while at >= 0:
        after = at + len("số")
        if after == len(lower) or not (lower[after].isalnum() or lower[after] == "_"):  # r"số\b"
            before = at
            while before > 0 and lower[before - 1].isspace():
                before -= 1
            if before < at and lower.endswith(_core_word_ends(), 0, before):
                return True
        at = lower.find("số", after)
    return False


@cache
def _core_word_ends() -> tuple[str, ...]:
    """The last words of the types and qualifiers, in lower case: what stands before 'số' in
    ``_next_core_re``."""
    words = [*_type_words(), *citation_words()["type_qualifier"]]
    return tuple(sorted({word.lower().split()[-1] for word in words}))


_CITED_SCAN = AroundSlash(CITED_NUMBER_RE)
_PARTY_SCAN = AroundSlash(PARTY_NUMBER_RE, reach=16, party=True)


@cache
def _law_re() -> Prefiltered:
    """'Luật Tổ chức Chính phủ số 63/2025/QH15', 'Bộ luật Lao động ngày …', 'Hiến pháp năm 2013'."""
    not_name = _alternation(citation_words()["law_not_name"])
    return Prefiltered(
        re.compile(
            rf"(?P<type>Bộ luật|Luật|Hiến pháp)(?!\s+(?:{not_name})\b)"
            r"(?P<name>(?:\s+(?!số\b|ngày\b|năm\b|Luật\b|Bộ luật\b|Nghị)"
            r"[^\s;.()]+){0,14}?)"
            r"\s*(?:(?P<so>số\s*:?\s*)(?=\d)|(?=ngày\s)|năm\s+(?P<year>\d{4})|(?=[,;.)]))"
        ),
        ("Bộ luật", "Luật", "Hiến pháp"),
    )


# an amending law names the laws it amends: "Luật sửa đổi, bổ sung … của Luật A, Luật B … ngày …"
_AMENDING_LAW = Prefiltered(
    re.compile(
        r"(?P<type>Luật)(?P<name>\s+sửa đổi, bổ sung[^;.()]{0,400}?)"
        r"\s*(?:(?P<so>số\s*:?\s*)(?=\d)|(?=ngày\s)|năm\s+(?P<year>\d{4}))"
    ),
    ("Luật sửa đổi",),
)
_BEFORE_DATE_RE = re.compile(r"\s*,?\s*(?:được\s+)?(?:ban hành\s+|ký\s+)?")
_NGAY_RE = re.compile(r"ngày\s*")
_DATE_LEAD_FIRST = ",đbk"  # the first characters of _BEFORE_DATE_RE besides spaces (or "": the end)
_DAY_LIST_RE = re.compile(r"(?P<day>\d{1,2})\s*(?:,|và)\s*(?=\d{1,2}\s?[/.\-]\s?\d)")
# a name may hold abbreviation dots ("UBND TP.HCM"); runs of other characters are taken at once (the
# patterns end with it, so the match is the longest either way)
_NAME_CHARS = r"(?:[^,;:.()\n“”\"]+|\.(?=\S))*"


_ISSUER_LEAD_FIRST = ",c"  # the first characters of _issuer_re besides spaces


def _lead_may_start(key: str, pos: int, end: int, firsts: str) -> bool:
    """May a lead of spaces, then one of ``firsts`` (',' or a word's first letter), start at ``pos``? Not
    before another character, nor when one space stands before another: a regex call is spared."""
    first = key[pos] if pos < end else ""
    if first == " ":
        second = key[pos + 1] if pos + 1 < end else ""
        return second in firsts or second.isspace()  # "" (the end) is in it: the regex says
    return first in firsts or first.isspace()


@cache
def _issuer_re() -> re.Pattern[str]:
    """'của Bộ …', and in lower case 'của sở …', 'của liên Bộ …' (data: issuer_start)."""
    starts = _alternation(citation_words()["issuer_start"])
    return re.compile(rf"\s*,?\s*của\s+(?P<issuer>(?:[{UPPER}]|(?:{starts})\b){_NAME_CHARS})")


# "Tại Quyết định số …, Tòa phúc thẩm … hủy …": the body acting after the comma
_ACTING_RE = re.compile(rf"\s*,\s*(?P<issuer>[{UPPER}]{_NAME_CHARS})")
_NAME_GOES_ON_RE = re.compile(_NAME_CHARS)
_ASIDE_RE = re.compile(r"\s*\([^()\n]{1,30}\)")  # "của Bộ Giáo dục và Đào tạo (GDĐT) ngày …"
_TITLE_LEAD_RE = re.compile(r"\s*,?\s*(?:về việc|về|V/v)\s+")
_TITLE_LEAD_FIRST = ",vV"  # the first characters of _TITLE_LEAD_RE besides spaces
_TITLE_END_RE = re.compile(r"[;()\n]|\.\s|\.$|\.(?=[”\"’])")
_TITLE_MAX = 250
_WORD_RE = re.compile(r"\S+")
_BROKEN_SYMBOL_RE = re.compile(rf" [{UPPER}]")
_MAX_ISSUER_WORDS = 14
_ISSUER_REACH = 300  # characters after "của" where an issuer's name may end
# "BộNội vụ" (words run together): the capital is matched first and the letter before it looked back
# at, so that the regex engine skips to the capitals instead of trying every position
_CAMEL_RE = re.compile(rf"[{UPPER}](?<=[{LOWER}].)(?=[{LOWER}])")


@cache
def _issuer_stop_re() -> re.Pattern[str]:
    """Words that end an issuer named after 'của' wherever they stand ('… | về việc', '… | tại')."""
    words = _alternation(citation_words()["issuer_stop"], group=True)
    return re.compile(rf"\s(?:{words})\b|\s(?:và|hoặc)\s+(?=[{LOWER}])")


@cache
def _verb_stop_re() -> re.Pattern[str]:
    """Verbs and narrative words that end a body's name ('UBND tỉnh | tiếp tục ủy quyền …'). A verb of
    one syllable ends it only before another name ('UBND tỉnh | giao Sở Y tế …'): alone it may be part
    of a name ('Bộ Ngoại giao', 'Hội đồng bầu cử') or of a longer word ('thành lập')."""
    words = (*task_verbs(), *narrative_words())
    long, short = [w for w in words if " " in w], [w for w in words if " " not in w]
    long_words, short_words = _alternation(long, group=True), _alternation(short, group=True)
    return re.compile(rf"\s(?:(?:{long_words})\b|(?:{short_words})\s+(?=[{UPPER}]))")


@cache
def _provision_re(lower: bool = False) -> re.Pattern[str]:
    """'(và) Điều 6 …', 'Khoản 2 Điều 1': a part of a document, which ends a name or a title; with
    ``lower`` written in lower case for ``_lowered`` text (else matched with re.IGNORECASE)."""
    return re.compile(rf"\s(?:và\s+)?{_provision_word_re(lower).pattern}", 0 if lower else re.I)


@cache
def _provision_word_re(lower: bool = False) -> re.Pattern[str]:
    """What follows the space and 'và' of ``_provision_re``: 'Điều 6', 'khoản 2', 'Chương IV'."""
    words = _alternation(citation_words()["provision"], lower=lower)
    numerals = "[ivx]" if lower else "[IVX]"
    return re.compile(rf"(?:{words})\s+(?:\d|{numerals}+\b|[a-zđ]\b)", 0 if lower else re.I)


@cache
def _provision_heads() -> tuple[str, ...]:
    """The first syllable of each provision word in lower case: a match of _provision_word_re(True)
    holds one as it is written."""
    return tuple(sorted({word.lower().split()[0] for word in citation_words()["provision"]}))


def _holds_any(text: str, parts: tuple[str, ...], start: int, end: int) -> bool:
    """Does text[start:end] hold one of ``parts``?"""
    return any(text.find(part, start, end) >= 0 for part in parts)


def _provision_start(text: str, start: int, end: int, lower: bool = False) -> int | None:
    """Where the first provision ('và Điều 6') in text[start:end] begins, if there is one."""
    # in lower case a provision holds the first syllable of its word: a few str.find calls rule out
    # most windows, cheaper than the search below, which tries each of their letters 'c', 'k', 'm'…
    if lower and not _holds_any(text, _provision_heads(), start, end):
        return None
    # each provision holds a match of its words: most windows hold none, and a search for them, which
    # the regex engine skips to by their first letters, is cheaper than one that tries every space
    if _provision_word_re(lower).search(text, start, end) is None:
        return None
    provision = _provision_re(lower).search(text, start, end)
    return provision.start() if provision else None


@cache
def _issued_by_re() -> re.Pattern[str]:
    """'Bộ Tài chính | đã ban hành |' / 'Sở Y tế | tại |' at the end of the text before a cited type."""
    words = citation_words()
    return re.compile(
        rf"\s(?:(?P<by>{_alternation(words['issued_by'])})|(?P<at>{_alternation(words['issued_at'])}))"
        r"(?:\s+các)?\s*$"
    )


@cache
def _issued_by_ends() -> tuple[str, ...]:
    """The words a match of ``_issued_by_re`` ends with, but for its spaces: the last of each cue, and
    'các'."""
    words = citation_words()
    return tuple(sorted({cue.split()[-1] for cue in (*words["issued_by"], *words["issued_at"])} | {"các"}))


@cache
def _issued_verb_re() -> re.Pattern[str]:
    """An issuing verb inside a clause ('Văn phòng Bộ | đã ban hành | Quy chế … tại Quyết định …')."""
    return re.compile(rf"\s(?:{_alternation(citation_words()['issued_by'])})\s")


@cache
def _lead_re() -> re.Pattern[str]:
    """'của' / 'đề nghị' right before a body named before its document."""
    return re.compile(rf"(?<!\S)(?:{_alternation(citation_words()['issuer_lead'])})\s*$")


@cache
def _acting_lead_re() -> re.Pattern[str]:
    """'Tại' before a cited type: the body acting in it may follow the comma."""
    return re.compile(rf"(?<!\S)(?:{_alternation(citation_words()['acting_lead'])})\s+(?:các\s+)?$")


@cache
def _acting_lead_heads() -> tuple[str, ...]:
    """The first word of each of ``_acting_lead_re``'s leads."""
    return tuple(sorted({lead.split()[0] for lead in citation_words()["acting_lead"]}))


def _opens_sentence(key: str, at: int, floor: int) -> bool:
    """Does a sentence, line or list item begin at ``at`` ('- Tại …', '. Tại …')?"""
    while at > floor and key[at - 1] in " \t-+–":
        at -= 1
    return at <= floor or key[at - 1] in "\n.;:"


@cache
def _title_clause_re() -> re.Pattern[str]:
    """A comma that opens a new clause after a title: before a capital or a clause word."""
    words = citation_words()
    clause, stop = _alternation(words["title_clause"]), _alternation(words["title_stop"])
    return re.compile(rf",\s+(?:[{UPPER}0-9]|(?:{clause})\b)|\s(?:{stop})\s")


@cache
def _aside_keep_re() -> re.Pattern[str]:
    """'(cũ)' after a body's name stays part of it."""
    return re.compile(rf"\s*\((?:{_alternation(citation_words()['issuer_aside'])})\)")


@cache
def _place_words() -> list[str]:
    """'tỉnh', 'thành phố', 'huyện' … and their capitalised forms: the words of data/localities.tsv."""
    found = set(localities())
    return sorted(found | {word[:1].upper() + word[1:] for word in found})


@cache
def _place_after_comma_re() -> re.Pattern[str]:
    """', tỉnh Hà Tây' after 'Tòa án nhân dân huyện Quốc Oai': the place goes on the name."""
    return re.compile(rf",\s*(?=(?:{_alternation(_place_words())})\s+[{UPPER}])")


class _Claimed:
    """The union of the spans already read as citations, as sorted disjoint spans: a look-up is a
    bisection, so a text of thousands of cites is not read in quadratic time."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def __contains__(self, pos: int) -> bool:
        if not self.starts or pos >= self.starts[-1]:  # in or after the last span (most: in order)
            return bool(self.ends) and pos < self.ends[-1]
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def add(self, span: Seg) -> None:
        start, end = span
        if start >= end:
            return
        if not self.ends or start > self.ends[-1]:  # after every span (most: a scan reads in order)
            self.starts.append(start)
            self.ends.append(end)
            return
        lo, hi = bisect_left(self.ends, start), bisect_right(self.starts, end)
        if lo < hi:  # spans it touches or overlaps merge with it
            start, end = min(start, self.starts[lo]), max(end, self.ends[hi - 1])
        self.starts[lo:hi], self.ends[lo:hi] = [start], [end]


@dataclass(slots=True, init=False)
class _Found:
    """A citation as the text is read, before its mentions merge: the fields of a Citation (the
    issuer as written; its resolved name is a function of it) and the span it covers. It becomes a
    Citation once, when the mentions are merged."""

    span: Seg
    doc_type: str | None
    number: int | None
    symbol: str | None
    number_symbol: str | None
    date: str | None
    issuer_raw: str | None
    title: str | None
    text: str
    full: bool
    mentions: int = 1

    def __init__(
        self,
        span: Seg,
        doc_type: str | None,
        number: int | None,
        symbol: str | None,
        number_symbol: str | None,
        date: str | None,
        issuer_raw: str | None,
        title: str | None,
        text: str,
        full: bool,
        mentions: int = 1,
    ) -> None:
        # the __init__ @dataclass would write, written here: the compiled build calls this one as C,
        # a generated one through the interpreter
        self.span = span
        self.doc_type = doc_type
        self.number = number
        self.symbol = symbol
        self.number_symbol = number_symbol
        self.date = date
        self.issuer_raw = issuer_raw
        self.title = title
        self.text = text
        self.full = full
        self.mentions = mentions


def extract_citations(ctx: Context, own: NumberSymbol | None, issuer: Agency | None) -> list[Citation]:
    """Citations in the subject and body, merged by number-symbol, in order of first mention."""
    found: list[_Found] = []
    claimed = _Claimed()
    if own is None or own.blank:
        own = _title_number(ctx) or own
    lowered = _lowered_text(ctx.nt)
    for start, end in ctx.regions():
        for scanner in (_AMENDING_LAW, _law_re()):
            for law in ctx.hits(scanner, start, end):
                if law.start() in claimed:
                    continue
                citation = _law_citation(ctx, lowered, law, end)
                if citation is not None:
                    found.append(citation)
                    claimed.add(citation.span)
        for regex in (_PARTY_SCAN, _CITED_SCAN):
            for match in ctx.hits(regex, start, end):
                if match.start() in claimed:
                    continue
                citation = _number_citation(ctx, lowered, match, start, end)
                if citation is None or _is_self(ctx, citation, own, start):
                    continue
                claimed.add(citation.span)
                found.append(citation)
    found.sort(key=lambda citation: citation.span[0])
    _share_date_and_issuer(ctx, found)
    merged = _merge(found, own)
    place = _own_place(issuer) if any(c.issuer_raw is not None for c in merged) else None
    # each body as written resolved once: a document cites the same few bodies again and again
    resolved = {raw: _resolve_issuer(raw, issuer, place) for raw in {c.issuer_raw for c in merged}}
    citations = []
    for citation in merged:
        if own is not None and issuer is not None and _same_body(citation, own, issuer):
            # a cite with the document's own symbol comes from the same body: 31/BCĐ-KGVX in 114/BCĐ-KGVX
            citations.append(_citation(ctx, lowered, citation, issuer.name))
        else:
            citations.append(_citation(ctx, lowered, citation, resolved[citation.issuer_raw]))
    return citations


# a dict of the fields → a Citation: the validation Citation(...) runs, without the Python frame of
# its __init__ around it
_validate_citation = Citation.__pydantic_validator__.validate_python


def _citation(ctx: Context, lowered: str | None, found: _Found, issuer: str | None) -> Citation:
    """The Citation of a merged mention, with its issuer resolved in the context of the citing document
    (``lowered``: the document's ``_lowered_text``)."""
    return _validate_citation(
        {
            "doc_type": found.doc_type,
            "number": found.number,
            "symbol": found.symbol,
            "number_symbol": found.number_symbol,
            "date": found.date,
            "issuer": issuer,
            "issuer_raw": found.issuer_raw,
            "title": found.title,
            "text": found.text,
            "full": found.full,
            "implements": implements(ctx.nt.text, found.span[0], lowered),
            "mentions": found.mentions,
            "source": ctx.source(found.span[0], found.span[1]),
        }
    )


@cache
def _form_lead_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\S)(?:{_alternation(citation_words()['form_lead'])})\s*$", re.I)


@cache
def _self_lead_re() -> re.Pattern[str]:
    """'(Kèm theo Công văn số …': the document's own number in its annex heading."""
    return re.compile(rf"(?<!\S)(?:{_alternation(citation_words()['self_lead'])})\s+$", re.I)


def _is_self(ctx: Context, citation: _Found, own: NumberSymbol | None, floor: int) -> bool:
    """A mention of the citing document itself when its number was left blank in the header: its own
    symbol after 'kèm theo' (an annex heading where the number was filled in)."""
    if own is None or not own.blank or citation.symbol != own.symbol:
        return False
    start = citation.span[0]
    return _self_lead_re().search(ctx.nt.flat, max(floor, start - 30), start) is not None


_TITLE_LINE_RE = re.compile(r"[\s#*|>_]*")


def _title_number(ctx: Context) -> NumberSymbol | None:
    """'Án lệ số 24/2018/AL về …', 'Nghị định số 249/2025/NĐ-CP …' as the first line of a text with no
    number in a header: the document's own number, not a citation."""
    key = ctx.nt.flat
    lead = _TITLE_LINE_RE.match(key)
    start = lead.end() if lead else 0
    line_end = key.find("\n", start)
    line_end = len(key) if line_end < 0 else line_end
    typed = _title_type_re().match(key, start, line_end)
    if typed is None:
        return None
    match = CITED_NUMBER_RE.match(key, typed.end(), line_end)
    return parse_number_symbol(match) if match is not None else None


@cache
def _title_type_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{_type_alternation()})\s+số\s*:?\s*", re.I)


_LIST_GAP_RE = re.compile(r"\s*(?:[,;]\s*)?(?:và\s+)?(?:số\s*:?\s*)?$")
_NEXT_IN_LIST_RE = re.compile(r"\s*,?\s*(?:và\s+)?")
_BARE_NUMBER_RE = re.compile(r"(?:số\b|\d)", re.I)


def _share_date_and_issuer(ctx: Context, found: list[_Found]) -> None:
    """'Quyết định số 1743/QĐ-BGTVT, 1744/QĐ-BGTVT ngày 31/12/2024 của …': the list shares them; an
    issuer named before the list ('đề nghị Sở Tài chính tại các Công văn số 10587/… ngày … và số
    11453/… ngày …') is every member's."""
    for citation, following in pairwise(found):
        if following.issuer_raw or not citation.issuer_raw:
            continue
        if squash(citation.issuer_raw) in citation.text:
            continue  # the issuer follows the first number: it is that one's only
        if _NEXT_IN_LIST_RE.fullmatch(ctx.nt.flat, citation.span[1], following.span[0]) is None:
            continue
        following.issuer_raw = citation.issuer_raw
    for i in range(len(found) - 2, -1, -1):
        citation, following = found[i], found[i + 1]
        if citation.date or citation.issuer_raw:
            continue
        gap = ctx.nt.flat[citation.span[1] : following.span[0]]
        if len(gap) > 12 or not _LIST_GAP_RE.fullmatch(gap):
            continue
        if _BARE_NUMBER_RE.match(following.text):  # "…, 1744/QĐ-BGTVT ngày … của …": one list
            # "12/2023/…, 15/2024/… ngày …/2024": not its date
            if not following.date or _number_year(citation) in (None, following.date[:4]):
                citation.date = following.date
        elif following.doc_type != citation.doc_type or ";" in gap:
            continue  # only "Thông tư số … và Thông tư số … của Bộ trưởng …" share the issuer
        citation.full, citation.issuer_raw = following.full, following.issuer_raw


def _number_year(citation: _Found) -> str | None:
    """The year written in a number ('30/2020/NĐ-CP' → '2020')."""
    parts = (citation.number_symbol or "").split("/")
    return parts[1] if len(parts) > 2 and parts[1].isdigit() and len(parts[1]) == 4 else None


_SYMBOL_RE = re.compile(rf"[{UPPER}]{{2,}}|[{UPPER}]-|^[{UPPER}]$")  # what a symbol holds: 'UBND', 'V-', 'S'


def _number_citation(
    ctx: Context, lowered: str | None, match: re.Match[str], region_start: int, region_end: int
) -> _Found | None:
    key = ctx.nt.flat
    value = parse_number_symbol(match)
    symbol = value.symbol
    if not _SYMBOL_RE.search(symbol):
        return None
    if len(symbol) == 1 and _BROKEN_SYMBOL_RE.match(key, match.end()):
        return None  # "228/S T-TTBCXB": a symbol an OCR engine broke apart, not a symbol "S"
    number_start = match.start()
    before_start = max(region_start, number_start - 80)
    before = key[before_start:number_start]
    typed = _type_before(before, _lowered_part(lowered, key, before_start, number_start))
    cite_start = number_start
    doc_type = None
    if typed is not None:
        cite_start = before_start + typed.start()
        if typed.group("type"):
            doc_type = _type_name(before[typed.start("type") : typed.end("type")])
    code = value.party_type or symbol.split("-")[0].split("/")[0]
    if doc_type is None:
        known = doc_type_by_code().get(code)
        if known is not None:
            doc_type = known.name
        elif typed is not None or "-" in symbol:
            doc_type = "Công văn"  # "số 12/UBND-VX": issuer-unit symbol, no type code
    if typed is None and doc_type is None:
        return None
    if (
        typed is not None
        and typed.group("so")
        and _form_lead_re().search(key, max(0, cite_start - 12), cite_start)
    ):
        return None  # "Mẫu số 02/QĐ-QLDA": a form's code
    date, pos = _date_after(key, match.end(), region_end)
    issuer_raw, pos = _issuer_after(ctx, lowered, pos, region_end)
    if date is None and issuer_raw is not None:  # "… của Bộ GDĐT (GDĐT) ngày 05/02/2026"
        aside = _ASIDE_RE.match(key, pos, region_end)
        date, after = _date_after(key, aside.end() if aside else pos, region_end)
        if date is not None:
            pos = after
    if issuer_raw is None:
        issuer_raw = _issuer_before(ctx, region_start, cite_start)
    if issuer_raw is None:
        lead_start = max(region_start, cite_start - 12)
        # a lead holds the first word of one of them as written: most texts before a cite hold none
        led = _holds_any(key, _acting_lead_heads(), lead_start, cite_start)
        lead = _acting_lead_re().search(key, lead_start, cite_start) if led else None
        if lead is not None and _opens_sentence(key, lead.start(), region_start):
            acting, _ = _issuer_after(ctx, lowered, pos, region_end, _ACTING_RE)
            if acting is not None and _names_body(acting):
                issuer_raw = acting
    title = _title_after(ctx, lowered, pos, region_end)
    return _Found(
        span=(cite_start, pos),
        doc_type=doc_type,
        number=value.number,
        symbol=symbol,
        number_symbol=value.text,
        date=date,
        issuer_raw=issuer_raw,
        title=title,
        text=squash(ctx.nt.text[cite_start:pos]),
        full=bool(date or issuer_raw),
    )


def _names_body(name: str) -> bool:
    """'Tòa phúc thẩm …', 'Chánh án Tòa án nhân dân tối cao': a body or the head of one."""
    return head_term(name)[0] is not None or _body_of_official(name) != name


def _title_after(ctx: Context, lowered: str | None, pos: int, region_end: int) -> str | None:
    """'… về việc hướng dẫn công tác theo dõi, kiểm tra, đánh giá …': the title up to the end of its
    clause (a ';', a bracket, a full stop, a comma that opens a new clause, or the next citation)."""
    key = ctx.nt.flat
    if not _lead_may_start(key, pos, region_end, _TITLE_LEAD_FIRST):
        return None
    lead = _TITLE_LEAD_RE.match(key, pos, region_end)
    if lead is None:
        return None
    start = lead.end()
    limit = min(region_end, start + _TITLE_MAX)
    end = limit
    for regex in (_TITLE_END_RE, _title_clause_re()):
        found = regex.search(key, start, end)
        if found is not None:
            end = found.start()
    end = _next_part_start(key, lowered, start, end)
    if end - start < 3:
        return None
    return squash(ctx.nt.text[start:end]) or None


_CLAUSE_ENDS = ";:\n"  # and a full stop before a space


def _clause_start(key: str, lo: int, hi: int) -> int:
    """Where the clause that runs to ``hi`` begins, at the earliest at ``lo``: after the last ';',
    ':', line break or full stop before a space in key[lo:hi]."""
    start = max(lo, *(key.rfind(end, lo, hi) + 1 for end in _CLAUSE_ENDS))
    dot = key.rfind(".", start, max(hi - 1, 0))
    while dot >= 0 and not key[dot + 1].isspace():
        dot = key.rfind(".", start, dot)
    return start if dot < 0 else dot + 2


_COMMA_LOWER_RE = re.compile(rf",\s+[^\s{UPPER}]")  # a comma before a word not in capitals


def _issuer_before(ctx: Context, region_start: int, cite_start: int) -> str | None:
    """The body named before the cited document.

    'Bộ Tài chính đã ban hành Quyết định số …', 'Tòa án nhân dân thành phố Hà Nội có Quyết định số …',
    'đề nghị của Sở Y tế tại Tờ trình số …', 'Văn phòng Bộ đã ban hành Quy chế … tại Quyết định số …'.
    """
    key = ctx.nt.flat
    clause_start = _clause_start(key, max(region_start, cite_start - 200), cite_start)
    # a clause whose last word ends no cue holds none at its end: most do not, and the search, which
    # tries every space of the clause, is spared
    if not key[clause_start:cite_start].rstrip().endswith(_issued_by_ends()):
        return None
    cue = _issued_by_re().search(key, clause_start, cite_start)
    if cue is None:
        return None
    body_end = cue.start()
    need_lead = False
    if cue.group("at"):  # "… tại": the body stands after a lead word, or issued what comes before
        verbs = list(_issued_verb_re().finditer(key, clause_start, body_end))
        verb = verbs[-1] if verbs else None
        if verb is not None and len(key[verb.end() : body_end].split()) <= 10:
            body_end = verb.start()
        else:
            need_lead = True
    found = _body_ending_at(ctx, clause_start, body_end, need_lead)
    return squash(ctx.nt.text[found[0] : found[1]]) if found else None


def _body_ending_at(ctx: Context, start: int, end: int, need_lead: bool) -> Seg | None:
    """The longest body's name that ends at ``end``: it starts with a head term written with a capital
    ('Bộ …', 'Sở …', 'UBND …', 'Tòa án nhân dân …') and holds no verb."""
    key = ctx.nt.flat
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(key, start, end)][-_MAX_ISSUER_WORDS:]
    for i, (word_start, _) in enumerate(words):
        if not key[word_start].isupper():
            continue
        name = key[word_start:end]
        if _COMMA_LOWER_RE.search(name):
            continue
        if "," in name and head_term(name.rsplit(",", 1)[1])[0] is not None:
            continue  # "… của Công ty X, | Cục Thống kê đã có công văn số …"; not "Bộ Văn hóa, Thể thao …"
        head, size = head_term(name)
        led = _lead_re().search(key, max(start, word_start - 20), word_start) is not None
        if need_lead and not led:
            continue
        if head is None and not led and _body_of_official(name) == name:
            continue  # after "của" any name ("của Thuế thành phố Hà Nội tại …"); else a body or its head
        after_head = words[min(i + max(size, 1), len(words)) - 1][1]
        if _issuer_stop_re().search(key, after_head, end) or _verb_stop_re().search(key, after_head, end):
            continue
        return word_start, end
    return None


def _law_citation(ctx: Context, lowered: str | None, law: re.Match[str], region_end: int) -> _Found | None:
    key = ctx.nt.flat
    doc_type = law.group("type")
    name_text = ctx.nt.text[law.start("name") : law.end("name")].strip(" ,")
    if doc_type != "Hiến pháp" and not name_text:
        return None
    title = f"{ctx.nt.text[law.start('type') : law.end('type')]} {name_text}".strip()
    number: NumberSymbol | None = None
    pos = law.end()
    if law.group("so"):
        match = NUMBER_SYMBOL_RE.match(key, pos, region_end)
        if match is not None and match.group("num"):
            number = parse_number_symbol(match)
            pos = match.end()
    date_text: str | None = law.group("year")
    if not date_text:
        date_text, pos = _date_after(key, pos, region_end)
    if number is None and date_text is None and doc_type != "Hiến pháp":
        return None
    issuer_raw, pos = _issuer_after(ctx, lowered, pos, region_end)
    return _Found(
        span=(law.start(), pos),
        doc_type=_type_name(doc_type),
        number=number.number if number else None,
        symbol=number.symbol if number else None,
        number_symbol=number.text if number else None,
        date=date_text,
        issuer_raw=issuer_raw,
        title=title,
        text=squash(ctx.nt.text[law.start() : pos]),
        full=True,
    )


def _date_after(key: str, pos: int, end: int) -> tuple[str | None, int]:
    """A date right after a cited number ('… ngày 13/5/2021', ', ngày 14 tháng 02 năm 2015'), in
    ISO form."""
    # the lead (which may be empty) starts with a space, ',', 'được', 'ban hành' or 'ký': after another
    # character it is empty, and after one space followed by another character it is that space (the
    # most common: ' ngày'); the regex call is spared
    first = key[pos] if pos < end else ""
    second = key[pos + 1] if pos + 1 < end else ""
    if first == " " and second and second not in _DATE_LEAD_FIRST and not second.isspace():
        has_lead, at = True, pos + 1
    elif first in _DATE_LEAD_FIRST or first.isspace():
        lead = _BEFORE_DATE_RE.match(key, pos, end)
        has_lead, at = lead is not None, lead.end() if lead else pos
    else:
        has_lead, at = True, pos  # the lead matches, empty
    if at >= end or not (key[at] in "nN" or key[at].isdigit()):
        return None, pos  # neither 'ngày' nor a digit: no date
    match = LONG_DATE_RE.match(key, at, end)
    first_day = None
    if match is None:
        ngay = _NGAY_RE.match(key, at, end)
        at_date = ngay.end() if ngay else at
        days = _DAY_LIST_RE.match(key, at_date, end) if ngay else None
        if days is not None:  # "ngày 30, 31-5-2013": a hearing over two days is dated by the first
            first_day, at_date = days.group("day"), days.end()
        match = NUMERIC_DATE_RE.match(key, at_date, end)
        if match is not None and ngay is None and has_lead and "," not in key[pos:at]:
            match = None  # a bare "13/5/2021" glued to a number is not its date unless "ngày" says so
    if match is None:
        return None, pos
    day, month, year = match.group("d", "m", "y")
    value = iso_date(day, month, year)
    if value is not None and first_day is not None:
        value = iso_date(first_day, month, year)
    return (value, match.end()) if value is not None else (None, pos)


def _same_body(citation: _Found, own: NumberSymbol, issuer: Agency) -> bool:
    """A cite with the document's own symbol whose issuer, if written, is the same kind of body."""
    if citation.symbol != own.symbol or own.party_type is not None:
        return False
    if citation.issuer_raw is None:
        return True
    if find_province(citation.issuer_raw):
        return False
    written, _ = head_term(citation.issuer_raw)
    own_head, _ = head_term(issuer.raw or issuer.name)
    return written is not None and own_head is not None and written.canonical == own_head.canonical


def _issuer_after(
    ctx: Context, lowered: str | None, pos: int, region_end: int, regex: re.Pattern[str] | None = None
) -> tuple[str | None, int]:
    """'… của Ban Chỉ đạo Quốc gia … về việc' → the issuer as written, and where it ends.

    The name ends at a stop word ('về việc', 'tại', 'ngày'…), at a verb after its head ('UBND tỉnh |
    tiếp tục …') unless a place follows the verb, or where another citation begins ('của Quốc hội |
    và Quyết định số …'); a place after a comma ('…huyện Quốc Oai, tỉnh Hà Tây'), '(cũ)' and 'tại'
    with a province ('Tòa phúc thẩm … tại Hà Nội') stay in it. ``lowered``: the document's
    ``_lowered_text``.
    """
    key = ctx.nt.flat
    reach = min(region_end, pos + _ISSUER_REACH)  # a run-on line without punctuation stays linear
    if regex is None and not _lead_may_start(key, pos, reach, _ISSUER_LEAD_FIRST):
        return None, pos
    match = (regex or _issuer_re()).match(key, pos, reach)
    if match is None:
        return None, pos
    start = match.start("issuer")
    end = _issuer_end(key, lowered, start, match.end("issuer"))
    while True:  # what a comma or a bracket cut off but still belongs to the name
        # a place starts with ',', an aside with spaces and '(': the next characters rule most out
        follows = key[end : end + 1]
        place = _place_after_comma_re().match(key, end, reach) if follows == "," else None
        if place is not None:
            locality = LOCALITY_RE.match(ctx.nt.text, place.end(), reach)
            if locality is None:
                break
            end = _issuer_end(key, lowered, start, locality.end())
            continue
        aside = _aside_keep_re().match(key, end, reach) if _lead_may_start(key, end, reach, "(") else None
        if aside is not None:  # "Tòa dân sự (cũ) Tòa án nhân dân tối cao"
            goes_on = _NAME_GOES_ON_RE.match(key, aside.end(), reach)
            end = _issuer_end(key, lowered, start, goes_on.end()) if goes_on else aside.end()
            end = max(end, aside.end())
        else:
            break
    # the words _WORD_RE finds; a name of fewer characters than a character and a space per word has
    # no more than that many, and is not split
    if end - start > 2 * _MAX_ISSUER_WORDS and len(key[start:end].split()) > _MAX_ISSUER_WORDS:
        end = [m.end() for m in islice(_WORD_RE.finditer(key, start, end), _MAX_ISSUER_WORDS)][-1]
    written = ctx.nt.text[start:end]
    text = squash(written)  # one line: "của Ủy ban nhân dân\ntỉnh"
    if not text:
        return None, pos
    text = _CAMEL_RE.sub(_spaced, text)  # "BộNội vụ" → "Bộ Nội vụ"
    return text, start + len(written.rstrip())


def _spaced(match: re.Match[str]) -> str:
    """The text of a match, a space before it."""
    return f" {match.group()}"


# the province-level locality words, 'Thành phố' capitalised too (data/localities.tsv)
_PROVINCE_LEADS = locality_words("province", capitalised=True)  # tỉnh, thành phố, Thành phố
_PROVINCE_WORDS = frozenset(_PROVINCE_LEADS)
_PROVINCE_LEAD_RE = re.compile(rf"(?:{'|'.join(_PROVINCE_LEADS)})\s+")


def _names_a_province(key: str, at: int) -> bool:
    """Does the text at ``at`` name a province ('Hà Nội', 'thành phố Đà Nẵng')?"""
    lead = _PROVINCE_LEAD_RE.match(key, at)
    at = lead.end() if lead else at
    mentions = province_mentions(key[at : at + 30])
    return bool(mentions) and mentions[0][0] == 0


def _issuer_end(key: str, lowered: str | None, start: int, end: int) -> int:
    """Where an issuer's name that starts at ``start`` ends, at the latest at ``end`` (``lowered``: the
    document's ``_lowered_text``)."""
    stop = _next_part_start(key, lowered, start, end)
    at = start
    while True:
        found = _issuer_stop_re().search(key, at, stop)
        if found is None:
            break
        if key.startswith(" tại ", found.start()) and _names_a_province(key, found.end() + 1):
            at = found.end()  # "Tòa phúc thẩm … tại Hà Nội": a seat, part of the name
            continue
        stop = found.start()
        break
    head, size = head_term(key[start:stop])
    head_end = start
    if head is not None and size > 0:
        head_words = _words_re(size).match(key, start, stop)
        head_end = head_words.end() if head_words else start
    at = head_end
    while True:
        verb = _verb_stop_re().search(key, at, stop)
        if verb is None:
            break
        if locality_of(key[verb.end() : stop]) or find_province(key[verb.end() : stop]):
            at = verb.end()  # "Ban Quản lý dự án đầu tư xây dựng huyện An Lão": one name
            continue
        stop = verb.start()
        break
    return _known_name_end(key, start, stop)


@cache
def _words_re(count: int) -> re.Pattern[str]:
    """The first ``count`` words (runs of ``_WORD_RE``) after the spaces that start a text, or as many
    as there are: the match ends where the last of them does."""
    return re.compile(rf"\s*\S+(?:\s+\S+){{0,{count - 1}}}")


@cache
def _body_names_folded() -> tuple[str, ...]:
    return tuple(sorted({fold_tones(n) for n in body_names()}, key=len, reverse=True))


@cache
def _body_name_re() -> re.Pattern[str]:
    """The known names, the longest that fits first."""
    return re.compile(grouped([re.escape(name) for name in _body_names_folded()]))


@cache
def _goes_on_re() -> re.Pattern[str]:
    """What may follow a known ministry or department name inside a longer name."""
    words = _alternation([*citation_words()["name_goes_on"], *_place_words()])
    return re.compile(rf"\s+(?:[^{LOWER}\s]|(?:{words})\b)|\s*$")


def _known_name_end(key: str, start: int, stop: int) -> int:
    """'Bộ Thông tin và Truyền thông | chế độ báo cáo …': a known name ends where a lower-case word
    that is neither a place ('Sở Y tế tỉnh …') nor a continuation ('… và Bộ Nội vụ') follows it."""
    name = _body_name_re().search(key, start, stop)  # "Bộ trưởng | Bộ Thông tin và Truyền thông"
    while name is not None:
        at = name.start()
        if (at == start or key[at - 1].isspace()) and key[at].isupper():  # a word's first letter
            after = name.end()
            if _goes_on_re().match(key, after, stop):
                return stop
            return after if key[after : after + 1] == " " else stop
        name = _body_name_re().search(key, at + 1, stop)
    return stop


@cache
def _type_names() -> dict[str, str]:
    """Canonical type names by their folded lower-case form."""
    return {"".join(fold_tones(t.name).lower().split()): t.name for t in doc_types()}


@lru_cache(maxsize=4096)  # a few types, written a few ways
def _type_name(written: str) -> str:
    """'kế hoạch' → 'Kế hoạch', 'Thôngtư' → 'Thông tư'; an unknown type stays as written."""
    return _type_names().get("".join(fold_tones(written).lower().split()), written)


def _resolve_issuer(raw: str | None, own: Agency | None, place: str | None) -> str | None:
    """The cited issuer's full name in the context of the citing document.

    Abbreviations are expanded and old tone marks folded; a local body named without its place
    ("của Ủy ban nhân dân tỉnh", "của Sở Y tế", "của Thành ủy") takes the place of the document's
    own province; "của sở" in a Sở's letter is that Sở. A central body (a ministry, the Government,
    the National Assembly, "Ủy ban Dân tộc", "Thanh tra Bộ …") never takes a place. Without the
    citing document's own issuer (a court precedent, an OCR dump) the name stays as written.
    ``place`` is the locality of ``own`` (``_own_place``).
    """
    if raw is None:
        return None
    name = _body_of_official(fold_tones(expand_mixed(squash(raw))))
    name = name[:1].upper() + name[1:]  # "của sở …"
    if own is None:
        return name
    head, size = head_term(name)
    if head is not None and size == len(name.split()) and head_term(own.raw or own.name)[0] == head:
        return own.name  # "của sở", "của Ban Chỉ đạo": the writer itself
    if place is None or not (find_province(place) or place.split()[0] in _PROVINCE_WORDS):
        return name
    # "… tỉnh" / "… Thành phố" written without the place name
    bare_place = " ".join(place.split()[: 2 if place.lower().startswith("thành phố") else 1])
    if name.lower().endswith(" " + bare_place.lower()):
        return name[: -len(bare_place)] + place
    if find_province(name) or locality_of(name) or is_central(name):
        return name
    if head is not None and head.kind in ("head", "abbrev") and head.rest != "name":
        return f"{name} {place}"
    return name


def _own_place(own: Agency | None) -> str | None:
    """The locality a body names, or its nearest parent names ('Sở Y tế tỉnh Kiên Giang' → 'tỉnh
    Kiên Giang')."""
    chain = _chain(own) if own is not None else []
    return next((found for body in chain if (found := locality_of(body.name))), None)


def is_central(name: str) -> bool:
    """Is a body named without a place a national one? Its head says so ('Bộ …', 'Chính phủ', 'Ủy
    ban Dân tộc'), a marker word does ('… Quốc gia', '… Trung ương', '… tối cao'), or a central body
    is named inside it ('Thanh tra Bộ Lao động - Thương binh và Xã hội', 'Văn phòng Bộ')."""
    head, _ = head_term(name)
    if head is not None and head.level == "central":
        return True
    lowered = f" {fold_tones(name).lower()}"
    if any(f" {marker}" in lowered for marker in central_markers()):
        return True
    words = name.split()
    for i in range(1, len(words)):
        if words[i][:1].isupper():
            inner, _ = head_term(" ".join(words[i:]))
            if inner is not None and inner.level == "central":
                return True
    return False


@lru_cache(maxsize=4096)  # the same few issuers are cited again and again
def _body_of_official(name: str) -> str:
    """'Bộ trưởng Bộ Y tế' → 'Bộ Y tế', 'Chủ tịch Ủy ban nhân dân tỉnh' → 'Ủy ban nhân dân tỉnh': a
    document signed by the head of a body is issued by the body ('Thủ tướng Chính phủ' is a body)."""
    words = name.split()
    titles = positions()
    own_head = head_term(name)[1]  # "THỦ TƯỚNG CHÍNH PHỦ" is longer than the title "THỦ TƯỚNG"
    folded = [fold_tones(w).upper() for w in words[:5]]
    for size in range(min(5, len(words) - 1), own_head - 1, -1):
        if not size or tuple(folded[:size]) not in titles:
            continue
        for rest in (" ".join(words[size:]), " ".join(words[size - 1 :])):  # "Trưởng | Ban Chỉ đạo"
            if head_term(rest)[0] is not None:
                return rest[:1].upper() + rest[1:]
    return name


def _chain(agency: Agency) -> list[Agency]:
    chain = []
    node: Agency | None = agency
    while node is not None:
        chain.append(node)
        node = node.parent
    return chain


def _merge(found: list[_Found], own: NumberSymbol | None) -> list[_Found]:
    """One citation per document, in order of first mention.

    Mentions merge by number-symbol; laws cited by name by their title, except that two editions
    of one code are two documents ('Bộ luật Dân sự năm 2005' and '… năm 2015'). A number whose type
    code an OCR engine damaged ('18/2026/T-BQP', '18/2026/TF-BQP' beside '18/2026/TT-BQP') is a
    mention of the clean one.
    """
    merged: dict[str, _Found] = {}
    own_key = _merge_key(own.text) if own is not None and not own.blank else None
    for citation in found:
        key = _merge_key(citation.number_symbol or citation.title or citation.text)
        if key == own_key:
            continue
        if citation.number_symbol is None and citation.date:
            dated = f"{key}@{citation.date[:4]}"
            earlier = merged.get(key)
            if dated in merged or (earlier and earlier.date and earlier.date[:4] != citation.date[:4]):
                key = dated
        if key not in merged:
            merged[key] = citation
            continue
        _mention(merged[key], citation)
    citations = list(merged.values())
    return _merge_damaged_codes(citations)


def _mention(first: _Found, citation: _Found) -> None:
    """Count one more mention of ``first``, its blanks filled from ``citation``."""
    first.mentions += citation.mentions
    if first.date is None:
        first.date = citation.date
    if first.issuer_raw is None:
        first.issuer_raw = citation.issuer_raw
    if first.title is None:
        first.title = citation.title
    if first.doc_type is None:
        first.doc_type = citation.doc_type
    first.full = first.full or citation.full
    codes = doc_type_by_code()
    if _type_code(first) not in codes and _type_code(citation) in codes:  # "26/2025/TTBYT", later "TT-BYT"
        first.symbol, first.number_symbol = citation.symbol, citation.number_symbol


def _merge_damaged_codes(citations: list[_Found]) -> list[_Found]:
    codes = doc_type_by_code()
    if all(c.date or c.issuer_raw or _type_code(c) in codes for c in citations):
        return citations  # no code to mend
    by_number: dict[tuple[int | None, str], list[int]] = {}
    for index, citation in enumerate(citations):
        if citation.symbol and "-" in citation.symbol and citation.number_symbol:
            rest = citation.symbol[len(_type_code(citation)) :]
            number = citation.number_symbol[: -len(citation.symbol)]  # "18/2026/"
            by_number.setdefault((citation.number, f"{number}|{rest}"), []).append(index)
    dropped: set[int] = set()
    for indexes in by_number.values():
        known = [i for i in indexes if _type_code(citations[i]) in codes]
        for i in indexes:
            code = _type_code(citations[i])
            if code in codes or citations[i].date or citations[i].issuer_raw:
                continue
            twin = next((k for k in known if _one_edit(code, _type_code(citations[k]))), None)
            if twin is not None:
                _mention(citations[twin], citations[i])
                dropped.add(i)
    return [c for i, c in enumerate(citations) if i not in dropped]


def _type_code(citation: _Found) -> str:
    return (citation.symbol or "").split("-")[0].split("/")[0]


def _one_edit(a: str, b: str) -> bool:
    """Do two short codes differ by one letter added, dropped or changed ('T', 'TF' ~ 'TT')?"""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_MERGE_KEY_DROP_RE = re.compile(r"[\s\-–]+")


@lru_cache(maxsize=8192)  # a text cites the same numbers again and again
def _merge_key(text: str) -> str:
    """'24/2013/DS-ST' and '24/2013/DSST' are one number written two ways."""
    folded = fold_tones(text)
    # without a space (every other one is unprintable) only the dashes go: two replacements in C,
    # cheaper than the substitution, for most numbers
    if folded.isprintable() and " " not in folded:
        return folded.replace("-", "").replace("–", "").upper()
    return _MERGE_KEY_DROP_RE.sub("", folded).upper()
