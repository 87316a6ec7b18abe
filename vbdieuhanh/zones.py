"""Find the zones of a directive before extracting anything.

Decree 30 gives every directive the same parts: a header (issuing body, Quốc hiệu, number, place
and date, type and subject, urgency), "Kính gửi", the body, and a footer ("Nơi nhận", signer).
Text extracted from two-column layouts may put the columns in either order or interleave them on
one line; the classifier works line by line and splits interleaved lines at known right-column
phrases, so the extractors see each part whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .lexicon import (
    agency_terms,
    attachment_words,
    authority_alternation,
    authority_marks,
    authority_marks_in_line,
    body_starters,
    doc_type_by_upper_name,
    honorifics,
    marks,
    place_line_words,
    positions,
    positions_bare,
    surnames,
)
from .normalize import NormalizedText, fold_tones, is_upper_text, strip_marks
from .patterns import LONG_DATE_RE, LOWER, MONTH_DATE_RE, NUMERIC_DATE_RE, UPPER
from .vocab import glyphs

Seg = tuple[int, int]  # start, end offsets in the normalised text

# the first words are enough: OCR and typists damage the rest ("CHỦ NCHĨA")
QUOC_HIEU_RE = re.compile(r"C[ỘÔO]NG\s*H[ÒO]A\s*X[ÃA]\s*H[ỘO]I\b(?:\s*\S+){0,4}", re.I)
PARTY_MOTTO_RE = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
# the motto, with the marks an OCR engine or an old converter drops ("Độc lập - Tự do - Hanh phúc")
TIEU_NGU_RE = re.compile(
    r"(?:[ĐD][ộôo]c\s*)?l[ậâa]p\s*[-–—]+\s*T[ựưu]\s*do\s*[-–—]+\s*H[ạa]nh\s*ph[úu]c", re.I
)


def _motto_in(key: str) -> re.Match[str] | None:
    """TIEU_NGU_RE's first match in a line; a line without a dash or a "do" (the motto has both) is
    not searched."""
    if ("-" not in key and "–" not in key and "—" not in key) or "do" not in key.lower():
        return None
    return TIEU_NGU_RE.search(key)


# a rule under the body's name or the motto: "-------", "___", "***", or the "0O0" some typists use
RULE_RE = re.compile(r"^[\s_\-–—=.*~]{3,}$|^[\s_\-–—=.*~]*[oO0]{3}[\s_\-–—=.*~]*$")
_RULE_FIRST = frozenset("_-–—=.*~oO0")  # what a RULE_RE line opens with, but for a space
# the Quốc hiệu's second line alone, where its cell wrapped: "CHỦ NGHĨA VIỆT NAM"
QUOC_HIEU_TAIL_RE = re.compile(r"^(?:X[ÃA]\s*H[ỘO]I\s*)?CH[ỦU]\s*NGH[ĨI]A\s*VI[ỆE]T\s*NAM\W*$", re.I)
# the types whose number line names them first ("Luật số: 12/2025/QH15")
_NUMBERED_TYPES = ("Luật", "Bộ luật", "Nghị quyết", "Pháp lệnh", "Lệnh", "Văn bản hợp nhất")
NUMBER_LINE_RE = re.compile(
    rf"^(?:(?:{'|'.join(_NUMBERED_TYPES)})\s+[Ss][ốô]|S[ốôỐÔ]|s[ốô](?=\s*:))"
    r"\s*(?::|\.(?=\s*\d)|\s+(?=[\d.…_ ]*[-/]))\s*"
)
VV_RE = re.compile(r"^\(?\s*(?:V/v|V/V|v/v|V\.v|Về việc|Về về việc)\b\s*:?\s*")
# labels as typed, with the diacritics an OCR engine drops ("Kinh gửi", "Nơi nhân", "Noi nhan"), or
# with the first word misread but the second and the colon kept ("Site gửi:", "Not nhận:"), or cut
# ("gửi:"); "Đồng kính gửi:" adds addressees; a công điện names them after "<SENDER> điện:"
KINH_GUI_RE = re.compile(
    r"^(?:(?:Đồng\s+)?K[íìi]nh\s*g[ửưu][iỉí]\s*:?|(?:[A-ZĐ]\S{1,4}\s+)?g[ửư]i\s*:"
    rf"|(?-i:[{UPPER}][{UPPER}.\s]{{2,60}}?)\s+điện\s*:)\s*",
    re.I,
)
# only the "Kính gửi" label may come without its colon: a line with no colon that opens with no K
# (re.IGNORECASE adds the Kelvin sign) and no Đ ("Đồng kính gửi") is not one KINH_GUI_RE matches
_KINH_GUI_COLONLESS_FIRST = frozenset("KkĐđ\u212a")


def kinh_gui_label(key: str) -> re.Match[str] | None:
    """KINH_GUI_RE's match of a line, the regex tried only where it may match (a test in C first)."""
    if ":" in key or key[:1] in _KINH_GUI_COLONLESS_FIRST:
        return KINH_GUI_RE.match(key)
    return None


NOI_NHAN_RE = re.compile(
    r"^(?:N[ơoóờ][iíì]|N\S{1,3}(?=\s+nh[ậâấầaạ]n\s*:))\s*nh[ậâấầaạ]n\s*:?[\s}\]|]*", re.I
)
_IN_LINE_BULLET = f"[{re.escape(glyphs('bullet_in_line'))}]"  # data/glyphs.tsv: - – + •
LUU_RE = re.compile(rf"^{_IN_LINE_BULLET}?\s*L[ưu]u\s*:?\s*")
AUTHORITY_RE = re.compile(rf"^({authority_alternation()})\s*\.\s*(?=\S)")  # data/authority_marks.tsv
BULLET_RE = re.compile(rf"^[{re.escape(glyphs('bullet'))}]\s*")  # data/glyphs.tsv: - – + • *
# the characters a line BULLET_RE or NUMBER_LINE_RE matches opens with: a test in C before the regexes
_OPENING_FIRST = frozenset(glyphs("bullet") + "Ss" + "".join(name[0] for name in _NUMBERED_TYPES))
_BULLETS = frozenset(glyphs("bullet"))
# what a line LUU_RE matches opens with, but for a space; and AUTHORITY_RE, the marks' first letters
_LUU_FIRST = frozenset(glyphs("bullet_in_line") + "L")
_AUTHORITY_FIRST = frozenset(mark[:1] for mark in authority_marks())


def opens_with_bullet(text: str) -> bool:
    """Does BULLET_RE match the text (a bullet is its first character)?"""
    return text[:1] in _BULLETS


def noi_nhan_label(key: str) -> re.Match[str] | None:
    """NOI_NHAN_RE's match of a line; one opening with no N is not matched (re.IGNORECASE adds no
    other letter to it: a test in C before the regex)."""
    return NOI_NHAN_RE.match(key) if key[:1] in "Nn" else None


def luu_label(key: str) -> re.Match[str] | None:
    """LUU_RE's match of a line ("- Lưu: VT"); one opening with no bullet, "L" or space, or holding
    no "L" (LUU_RE matches one, case-sensitive), is not matched (tests in C before the regex)."""
    first = key[:1]
    return LUU_RE.match(key) if (first in _LUU_FIRST or first.isspace()) and "L" in key else None


def authority_mark(key: str) -> re.Match[str] | None:
    """AUTHORITY_RE's match of a line ("KT. BỘ TRƯỞNG"); one opening with no mark's first letter is
    not matched (a test in C before the regex)."""
    return AUTHORITY_RE.match(key) if key[:1] in _AUTHORITY_FIRST else None


END_MARK_RE = re.compile(r"\./\.|\./\s*$")
APPENDIX_RE = re.compile(r"^(?:PHỤ LỤC|Phụ lục\s+[IVX\d]+\s*(?:$|[:.]\s)|DANH SÁCH|BIỂU MẪU|Mẫu số)")
# a receipt stamp ("CÔNG VĂN ĐẾN / Số: … / Ngày: … / Chuyển: …") printed over the header of a scan
STAMP_RE = re.compile(
    r"^(?:ĐẾN\b|CÔNG VĂN ĐẾN|VĂN BẢN ĐẾN|Giờ\s*:|Ngày\s*:\s*[.…\d]|Số\s*đến|Chuyển\s*:|Lưu hồ sơ số)", re.I
)
# the letters re.IGNORECASE lets STAMP_RE open with (U+017F: the long s, which it reads as an s)
_STAMP_FIRST = frozenset("ĐđCcVvGgNnSsLl\u017f")
_STARTER_WORDS = "|".join(re.escape(word) for word in body_starters())
# a body sentence's first words (data/body_starters.txt; "Ngày" only before a day), or a part heading
BODY_STARTERS_RE = re.compile(
    rf"^(?:(?!Ngày\s+[^\d\s])(?:{_STARTER_WORDS})(?=[\s,])|Chương [IVX]|Điều \d|Phần [IVX]|Mục \d)"
)
# the same words inside a line, capitalised after a word: where the body begins on a "Kính gửi:" line
# a converter flattened ("… trực thuộc Trung ương Thực hiện Luật …")
# (the spaces first and the letter before them looked behind: a pattern that opens with a lookbehind is
# tried at every position, this one only at spaces)
_STARTER_INSIDE_RE = re.compile(rf"\s(?<=[{LOWER}{UPPER}]\s)\s*(?=(?:{_STARTER_WORDS})\s)")
SIGNATURE_NOISE_RE = re.compile(
    r"^[\(\[]?\s*(?:đã ký|ký|ký tên|ký,? đóng dấu|ký,? ghi rõ họ tên|chữ ký|daky|signed)\b.*[\)\]]?$",
    re.I,
)
# where a right-column phrase begins (only a match's start is used): at a space before the Quốc
# hiệu, the Party's name, an authority mark, "GS.TS." or a last "Độc"; after a word, at a space
# before the motto, a number line, a subject or a "Kính gửi:" run onto the number or date line; at
# the motto's "Đ" glued to a word ("VIỆT NAMĐộc lập - …"), at the "S" of "Số:" glued to a digit.
# Each match opens with that space, "Đ" or "S", matched first and looked behind at: the regex engine
# tries only those characters, not every position (a line's columns are cut a few times faster)
SPLIT_RIGHT_RE = re.compile(
    rf"[\sĐS](?:(?<=\s)(?=CỘNG\s*HÒA\s*XÃ\s*HỘI|ĐẢNG\s+CỘNG\s+SẢN|(?:{authority_alternation(in_line=True)})\.\s?[A-ZĐỦ]"
    r"|(?:PGS|GS)\.\s?TS\.\s?[A-ZĐ]|Độc\s*$)"
    r"|(?<=\S\s)(?:(?=Độc\s*lập\s*[-–])|\s*(?=S[ốô]\s*:\s*[\d.…_ ]*/|V/[vV]\s|K[íi]nh\s*g[ửư]i\s*:))"
    r"|(?<=\SĐ)(?=ộc\s*lập\s*[-–])|(?<=\dS)(?=ố\s*:\s*\d))"
)
# the first letters of every phrase SPLIT_RIGHT_RE cuts before: a line without them has none
_TRIGGER_HEADS = "|".join(
    ("CỘNG", "ĐẢNG", "Độc", *(rf"{mark}\." for mark in authority_alternation(in_line=True).split("|")))
)
_SPLIT_TRIGGER_RE = re.compile(_TRIGGER_HEADS + r"|GS\.|S[ốô]\s*:|V/|gửi")
# what any cut of _split_interleaved needs in a line (with a gap, a bullet or a number line opening
# it): a trigger (a "Kính gửi" by its "ửi"), a rule ("---", "===", "——", "–––"), a long dash, the
# "do" of the motto (" do ", "-do"); a "Số:" is found by its "Số" or "Sô" and _NUMBER_COLON_RE there.
# Each needle is looked for by one of its characters (at the offset given), one seldom seen in a
# letter: a search for one character runs in C at a fraction of an instruction a character, one for
# several characters at several
_MAY_CUT_NEEDLES = (
    ("CỘNG", 1),
    ("ĐẢNG", 1),
    ("Độc", 0),
    *((f"{mark}.", len(mark)) for mark in authority_marks_in_line()),
    ("GS.", 2),
    ("V/", 0),
    ("ửi", 0),
    ("---", 0),
    ("===", 0),
    ("—", 0),
    ("–", 0),
    ("do", 0),
    ("Số", 0),
    ("Sô", 0),
)
_NUMBER_LABEL_HEADS = ("Số", "Sô")


def _needles_by_char(needles: tuple[tuple[str, int], ...]) -> dict[str, list[tuple[str, int]]]:
    """The needles by the character they are looked for by."""
    by_char: dict[str, list[tuple[str, int]]] = {}
    for needle, offset in needles:
        by_char.setdefault(needle[offset], []).append((needle, offset))
    return by_char


_MAY_CUT_BY_CHAR = _needles_by_char(_MAY_CUT_NEEDLES)
_NUMBER_COLON_RE = re.compile(r"S[ốô]\s*:")
# a rule typed between two cells of a flattened header: "CHÍNH PHỦ-------", "TỈNH AN ------- Số:"
_RULE_RUN_RE = re.compile(r"\s*[-–—=]{3,}\s*")
_PLACE_DATE_PREFIX_RE = re.compile(r"^(?P<place>[^\d:;()]{2,45}?)\s*[,.]?\s*(?=ng[àa]y\b)", re.I)


_BLANK_DATE_RE = re.compile(r"ngày[\s.…_]*tháng[\s.…_]*năm[\s.…_]*$", re.I)


def _may_hold_blank_date(key: str) -> bool:
    """A test in C before _BLANK_DATE_RE, exact: its "năm" matches an 'ă' or an 'Ă' (re.IGNORECASE
    matches no other character to them), which most lines have none of."""
    return "ă" in key or "Ă" in key


def classify_place_date(key: str) -> tuple[int, int] | None:
    """(place end, date start) when a line is 'Place, ngày … năm …' or a bare date."""
    # the dated patterns all end in a year, 19xx or 20xx: without one a line can hold only a blank date
    dated = "19" in key or "20" in key
    match = (LONG_DATE_RE.search(key) if dated else None) or (
        _BLANK_DATE_RE.search(key) if _may_hold_blank_date(key) else None
    )
    if match is None:
        if not dated:
            return None
        month = MONTH_DATE_RE.search(key)  # "Kiên Giang, tháng 12 năm 2017": the day was lost
        before = key[: month.start()].rstrip() if month else ""
        if month and before.endswith(",") and len(before) <= 50 and not any(c.isdigit() for c in before):
            return (len(before) - 1, month.start())
        numeric = NUMERIC_DATE_RE.search(key)
        if numeric is None or numeric.start() > 50:
            return None
        match = numeric
    prefix = key[: match.start()]
    if not prefix.strip():
        return (0, match.start())
    place = _PLACE_DATE_PREFIX_RE.match(key)
    if place and place.end() <= match.start() + 6 and len(prefix) <= 50:
        return (len(place.group("place")), match.start())
    return None


@lru_cache(maxsize=8192)  # the same lines are asked about by several tests
def title_type(key: str) -> str | None:
    """The type name when an upper-case line is a title ('QUYẾT ĐỊNH', 'KẾ HOẠCH …')."""
    upper = key.upper()
    names, bare_names, longest = _title_names()
    found = _first_head(upper, names, longest)
    if found is not None:
        return found
    return _first_head(strip_marks(upper), bare_names, longest)  # an OCR engine's "QUYÉT ĐỊNH"


def _first_head(text: str, table: dict[str, tuple[int, str]], longest: int) -> str | None:
    """The name of the first entry of ``table`` (by its rank) that is the whole text or its words
    before a space: the name the longest type name that opens the line gives, looked up by each of
    the line's few heads instead of trying every name. Heads longer than ``longest``, the longest
    name, are not made: none is in the table (and a long line's would be quadratic to make)."""
    heads = [text]
    space = text.find(" ")
    while 0 <= space <= longest:
        heads.append(text[:space])
        space = text.find(" ", space + 1)
    ranked = [table[head] for head in heads if head in table]
    return min(ranked)[1] if ranked else None


@cache
def _title_names() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]], int]:
    """Type names in upper case, and the same with marks stripped, each to (rank, type name): the
    longest first, the first of several that strip to the same letters; and the longest's length."""
    names = sorted(doc_type_by_upper_name(), key=len, reverse=True)
    bare: dict[str, tuple[int, str]] = {}
    for rank, name in enumerate(names):
        bare.setdefault(strip_marks(name), (rank, name))
    longest = max(map(len, [*names, *bare]), default=0)
    return {name: (rank, name) for rank, name in enumerate(names)}, bare, longest


def is_mark_line(key: str) -> bool:
    """Is the line a mark's name alone ("KHẨN", "(MẬT)")? One longer than every name is not: upper()
    never shortens a text, so it is not made for most lines."""
    name = key.strip(" .:*()[]")
    return len(name) <= _longest_mark_name() and name.upper() in _mark_names()


@cache
def _mark_names() -> frozenset[str]:
    """The marks' names in capitals (data/marks.tsv)."""
    return frozenset(upper for upper, _ in marks())


@cache
def _longest_mark_name() -> int:
    """The length of the longest of ``_mark_names``."""
    return max(map(len, _mark_names()), default=0)


@lru_cache(maxsize=8192)  # the same lines are asked about by several tests
def starts_with_position(key: str) -> bool:
    """Does the line open with a position title ('PHÓ CHỦ TỊCH', 'Bộ trưởng, Chủ nhiệm …')?"""
    tokens = tuple(key.upper().replace(".", " ").replace(",", " ").split())
    table = positions()
    if any(tokens[:n] in table for n in range(1, min(6, len(tokens)) + 1)):
        return True
    if not tokens or strip_marks(tokens[0]) not in _bare_first_words():
        return False
    bare, bare_table = tuple(strip_marks(t) for t in tokens[:6]), positions_bare()
    return any(bare[:n] in bare_table for n in range(1, len(bare) + 1))


@cache
def _bare_first_words() -> frozenset[str]:
    """The first word of every title, marks stripped ('PHO', 'CHU', 'GIAM' …)."""
    return frozenset(key[0] for key in positions_bare())


_NAME_TOKEN_RE = re.compile(rf"^[{UPPER}][{LOWER}]*\.?$")


def is_name_line(text: str) -> bool:
    """'Nguyễn Lưu Trung', 'PGS.TS. Trần Văn A', 'NGUYỄN VĂN A': a person's name on its own line."""
    return person_name(text) is not None


@lru_cache(maxsize=8192)  # the same lines are asked about by several tests
def person_name(text: str) -> str | None:
    """The name a signature line holds, cased ('NGUYỄN VĂN A' → 'Nguyễn Văn A'), or None.

    2–7 capitalised words without digits or colons, after any academic title or rank; a name typed
    in capitals counts when it starts with a known family name or follows a title ("PGS.TS.").
    """
    titled, bare = split_honorifics(text)
    words = bare.split()
    if not 2 <= len(words) <= 7 or any(ch.isdigit() for ch in bare) or ":" in bare:
        return None
    if is_upper_text(bare):
        if len(words) > 5 or starts_with_position(fold_tones(bare)):
            return None
        cased = " ".join(w[:1] + w[1:].lower() for w in words)
        if titled or fold_tones(words[0][:1] + words[0][1:].lower()) in surnames():
            return text[: len(text) - len(bare)] + cased
        return None
    tokens_ok = sum(1 for w in words if _NAME_TOKEN_RE.match(w))
    if all(_NAME_TOKEN_RE.match(w) for w in words[-3:]) and tokens_ok >= len(words) - 1:
        return text
    return None


def split_honorifics(text: str) -> tuple[list[str], str]:
    """The academic titles or ranks written before a name, and the text without them."""
    rest = text.strip()
    found: list[str] = []
    titles = honorifics()
    changed = rest.startswith(titles)  # most lines open with none: one test in C says so
    while changed:
        changed = False
        for title in titles:
            if rest.startswith(title) and len(rest) > len(title):
                found.append(title.strip())
                rest = rest[len(title) :].lstrip(" .")
                changed = True
                break
    return found, rest


@dataclass(slots=True)
class Zones:
    """Segments of the normalised text, by part of the directive."""

    agency: list[Seg] = field(default_factory=list)
    quoc_hieu: list[Seg] = field(default_factory=list)
    number: Seg | None = None
    place_date: Seg | None = None
    title: Seg | None = None
    subject: list[Seg] = field(default_factory=list)
    marks: list[Seg] = field(default_factory=list)
    kinh_gui: list[Seg] = field(default_factory=list)
    body: list[Seg] = field(default_factory=list)
    noi_nhan: list[Seg] = field(default_factory=list)
    signer: list[Seg] = field(default_factory=list)
    attachment: list[Seg] = field(default_factory=list)  # a plan or rules printed after the signature
    authority_line: Seg | None = None
    end_mark: bool = False  # the body closes with "./."
    legal_basis: bool = False  # the body opens with "Căn cứ …" lines

    @property
    def has_header(self) -> bool:
        """A Decree 30 header: a number, the Quốc hiệu, a title or Kính gửi — or a date with a V/v."""
        if self.number or self.quoc_hieu or self.title or self.kinh_gui:
            return True
        return bool(self.place_date and self.subject)


def _split_interleaved(
    nt: NormalizedText, seg: Seg, key: str, *, header: bool, footer: bool, may_cut: bool
) -> list[Seg]:
    """Split a line where a right-column phrase follows left-column text on the same line.

    Right-column phrases are the Quốc hiệu, the motto, an authority mark and a place-date after a
    number; a tab or a wide run of spaces typed between two columns splits too. In the header a line
    a converter flattened is cut at rules, "Số:", "V/v", "Kính gửi:" and where the body begins; in
    the footer, before a signer's title glued onto a recipient line. Each cut is looked for only when
    a cheap test on the line says it may be there; ``may_cut``: the line holds one of
    _MAY_CUT_NEEDLES (see ``_lines_that_may_cut``). ``key``: the line's key, nt.key[start:end].
    """
    start, end = seg
    gaps = _gaps_in(nt, start, end) if nt.gaps else []
    bullet = header and opens_with_bullet(key)
    # a bullet opens no number line (NUMBER_LINE_RE's lines open with a letter)
    number_line = header and not bullet and key[:1] in _OPENING_FIRST and bool(NUMBER_LINE_RE.match(key))
    if not (gaps or bullet or number_line or may_cut):
        return [seg]  # none of the tests below can pass (most lines)
    cuts = [g for g in gaps if _is_column_gap(nt.key, start, g, end)]
    # every phrase SPLIT_RIGHT_RE cuts before stands after the line's first character and holds a
    # trigger there, but for a "Kính gưi:" (no trigger of its own) on a line that opens with one; a
    # trigger, a long dash: each is one of _MAY_CUT_NEEDLES, in no line without ``may_cut``
    if may_cut and (_SPLIT_TRIGGER_RE.search(key, 1) or ("gưi" in key and _SPLIT_TRIGGER_RE.match(key))):
        cuts.extend(start + match.start() for match in SPLIT_RIGHT_RE.finditer(key))
    if may_cut and footer and ("—" in key or "–" in key):
        glued = _TITLE_AFTER_DASH_RE.search(key)
        if glued is not None and starts_with_position(glued.group(1)):  # "- Như trên; — PHÓ CỤC TRƯỞNG"
            cuts.append(start + glued.start(1))
    if header:
        cuts.extend(_header_cuts(key, start, may_cut=may_cut, number_line=number_line))
    return _pieces(nt, start, end, cuts) if cuts else [seg]


def _lines_that_may_cut(nt: NormalizedText, indices: list[int]) -> set[int]:
    """The lines among ``indices`` (sorted) that hold one of _MAY_CUT_NEEDLES ("Số", "Sô" as a match
    of _NUMBER_COLON_RE). Each run of consecutive lines is searched as one text for each needle's
    character, in C (a regex of all the needles tries its branches at every position, some 80
    instructions a character)."""
    found: set[int] = set()
    run_start = 0
    for i in range(1, len(indices) + 1):
        if i == len(indices) or indices[i] != indices[i - 1] + 1:
            _may_cut_in_run(nt, indices[run_start], indices[i - 1] + 1, found)
            run_start = i
    return found


def _may_cut_in_run(nt: NormalizedText, first: int, last: int, found: set[int]) -> None:
    """Add to ``found`` the lines of nt.lines[first:last] that _lines_that_may_cut looks for: at each
    of a needle's characters found, the needle is asked for where it would begin, inside the line."""
    key, lines = nt.key, nt.lines
    run_start, run_end = lines[first].start, lines[last - 1].end
    for char, needles in _MAY_CUT_BY_CHAR.items():
        index = first
        at = key.find(char, run_start, run_end)
        while at >= 0:
            while at >= lines[index].end:  # the line holding ``at`` (between lines stand only breaks)
                index += 1
            line = lines[index]
            if index in found or _needle_at(key, at, line.start, line.end, needles):
                found.add(index)
                at = key.find(char, line.end, run_end)  # the line is known: on from its end
            else:
                at = key.find(char, at + 1, run_end)


def _needle_at(key: str, at: int, line_start: int, line_end: int, needles: list[tuple[str, int]]) -> bool:
    """Does one of ``needles`` stand in key[line_start:line_end] with its character at ``at`` (a "Số"
    or "Sô" only as _NUMBER_COLON_RE's match)?"""
    for needle, offset in needles:
        begin = at - offset
        end = begin + len(needle)
        if (
            begin >= line_start
            and end <= line_end
            # the ends compared as code points first (no string made): most characters found are
            # no needle's ("." ends a sentence, "d" opens "dụng"), and fail there
            and ord(key[begin]) == ord(needle[0])
            and ord(key[end - 1]) == ord(needle[-1])
            and key[begin:end] == needle
            and (needle not in _NUMBER_LABEL_HEADS or _NUMBER_COLON_RE.match(key, begin, line_end))
        ):
            return True
    return False


def _header_cuts(key: str, start: int, *, may_cut: bool, number_line: bool) -> list[int]:
    """Where a header line a converter flattened is cut: around rules, after the motto, where the body
    begins after "Kính gửi:" or an addressee's dash, before the place after a number. A rule, the
    motto's "do" and a "gửi" are each in a line only with ``may_cut`` (see _MAY_CUT_NEEDLES);
    ``number_line``: NUMBER_LINE_RE matches the line."""
    cuts: list[int] = []
    if may_cut and ("---" in key or "===" in key or "——" in key or "–––" in key):
        for match in _RULE_RUN_RE.finditer(key):
            cuts.extend((start + match.start(), start + match.end()))
    if may_cut and (" do " in key or "-do" in key):
        motto = _motto_in(key)
        if motto is not None:
            cuts.append(start + motto.end())  # "… Hạnh phúc Bình An, ngày 09 tháng 4 năm 2021"
    label = _KINH_GUI_INSIDE_RE.search(key) if may_cut and "gửi" in key else None
    label_end = -1
    if label is not None:
        label_end = label.end()
    elif opens_with_bullet(key):
        # BULLET_RE's match, made in C: the bullet and the spaces after it (those lstrip() strips are
        # those \s matches)
        label_end = len(key) - len(key[1:].lstrip())
    if label_end >= 0:  # "Kính gửi: Sở Y tế các tỉnh Thực hiện Luật …", "- Sở Y tế Thực hiện …"
        body = _STARTER_INSIDE_RE.search(key, label_end + 8)
        if body is not None:
            cuts.append(start + body.start())
    if number_line:  # "Số: 337/QĐ-SGDĐT Đồng Tháp, ngày 13 …"
        date = LONG_DATE_RE.search(key) or _BLANK_DATE_RE.search(key)
        if date and date.start() > 3:
            place_start = _place_start(key[: date.start()].rstrip(" ,."))  # "Hà Nội, ngày", "Hà Nội. ngày"
            if place_start > 0:
                cuts.append(start + place_start - 1)
    return cuts


# an upper-case title after a long dash at the end of a line: OCR read the signer's column into a
# recipient line
_TITLE_AFTER_DASH_RE = re.compile(rf"\S\s*[—–]\s*([{UPPER}][{UPPER}\s.]{{3,}})$")
_KINH_GUI_INSIDE_RE = re.compile(r"K[íi]nh\s*g[ửư]i\s*:")
# a name glued to the title above it by a converter: "PHÓ CHỦ TỊCHTrần Thị Mai" (the match is the
# name's capital: opening with it, the pattern is tried only at capitals)
_WORD_RUN_RE = re.compile(r"\S+")  # compiled once: re.finditer(pattern, …) looks it up in Python each time
_GLUED_NAME_RE = re.compile(rf"[{UPPER}](?<=[{UPPER}]{{3}})(?=[{LOWER}]+\s)")


def _split_signature(nt: NormalizedText, seg: Seg) -> list[Seg]:
    """A signature block flattened onto one line, as mark + title, position and name.

    "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Minh Hải" → "KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG" / "Đỗ Minh Hải";
    "PHÓ CHỦ TỊCHTrần Thị Mai" → "PHÓ CHỦ TỊCH" / "Trần Thị Mai". (The caller passes only lines of
    12 to 120 characters that open with capitals, as a title does.)
    """
    start, end = seg
    key = nt.key[start:end]
    mark = authority_mark(key)
    if not (mark or _GLUED_NAME_RE.search(key) or (" " in key and starts_with_position(key))):
        return [seg]
    cuts: list[int] = []
    name_at = _trailing_name(key)
    if name_at is not None:
        cuts.append(name_at)
    titles = key[mark.end() if mark else 0 : name_at]
    if mark is not None:  # the mark's own title, then the signer's: cut where the second begins
        offset = mark.end()
        words = [(m.start(), m.group()) for m in _WORD_RUN_RE.finditer(titles)]
        for at, _ in words[1:]:
            if starts_with_position(titles[at:]):
                cuts.append(offset + at)
                break
    return _pieces(nt, start, end, [start + at for at in cuts])


def _trailing_name(key: str) -> int | None:
    """Where a person's name in normal case begins after upper-case titles on one line."""
    glued = _GLUED_NAME_RE.search(key)
    if glued is not None and person_name(key[glued.start() :]) is not None:
        return glued.start()
    words = [(m.start(), m.group()) for m in _WORD_RUN_RE.finditer(key)]
    for i in range(max(1, len(words) - 5), len(words) - 1):
        at = words[i][0]
        if not is_upper_text(key[:at]) or not all(_NAME_TOKEN_RE.match(w) for _, w in words[i:]):
            continue
        if not is_upper_text(key[at:]) and person_name(key[at:]) is not None:
            return at
    return None


def _pieces(nt: NormalizedText, start: int, end: int, cuts: list[int]) -> list[Seg]:
    """A line cut at the given offsets, spaces at the cuts dropped."""
    pieces: list[Seg] = []
    cut = start
    for at in sorted(set(cuts)):
        if at > cut + 2:
            pieces.append((cut, at))
            cut = at
            while cut < end and nt.text[cut] == " ":
                cut += 1
    pieces.append((cut, end))
    return [p for p in pieces if p[1] > p[0]]


def _gaps_in(nt: NormalizedText, start: int, end: int) -> list[int]:
    first = bisect_left(nt.gaps, start)
    return nt.gaps[first : bisect_left(nt.gaps, end, first)]


_BLANK_BEFORE_RE = re.compile(r"(?:Số\s*:?|ngày|tháng|\d)\s*$", re.I)
_BLANK_AFTER_RE = re.compile(r"\s*(?:/|tháng|năm|[.…_])", re.I)


_BLANK_WINDOW = 24  # characters before a gap that can hold 'tháng' and the spaces after it


def _is_column_gap(key: str, start: int, gap: int, end: int) -> bool:
    """A gap between columns, not the blank left for a number or a day ('Số:      /UBND'). Only the
    few characters before the gap are read: a long line with many gaps is read once, not once a gap."""
    before = max(start, gap - _BLANK_WINDOW)
    return not (_BLANK_BEFORE_RE.search(key, before, gap) or _BLANK_AFTER_RE.match(key, gap + 1, end))


# the locality words of a place line (data/localities.tsv, place_line) with their abbreviations of
# data/agency_terms.tsv: "thành phố", "tp.", "tp", "thị xã", "tỉnh"
_PLACE_UNIT_WORDS = frozenset(
    fold_tones(term.upper).lower()
    for term in agency_terms().values()
    if term.kind == "locality" and term.canonical in place_line_words()
)


def _place_start(before_comma: str) -> int:
    """Where a place name begins at the end of 'Số: 12/UBND-VX Lâm Đồng' (0 if none)."""
    words = before_comma.split(" ")
    count = 0
    for word in reversed(words):
        if word and word[0].isupper() and not any(c.isdigit() or c == "/" for c in word):
            count += 1
        else:
            break
    if count == 0 or count == len(words):
        return 0
    head = words[: len(words) - count]
    for size in (2, 1):  # "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh": the unit word is part of the place
        if len(head) > size and fold_tones(" ".join(head[-size:])).lower() in _PLACE_UNIT_WORDS:
            head = head[:-size]
            break
    return len(" ".join(head)) + 1


# interleaved two-column text is looked for only where the columns are: the header and the footer
_HEADER_LINES = 40
_FOOTER_LINES = 60
_HEADER_SCAN = 60  # the header never runs longer than this many lines
_LEADING_JUNK = 15  # lines of something else that may come before the header


@dataclass(slots=True, init=False)
class _Row:
    """One line (or one column of an interleaved line) with the facts the zoner asks about."""

    seg: Seg
    text: str
    key: str
    blank_before: bool
    column: str | None = None  # "left" / "right" in a two-column header or footer
    _upper: bool | None = None
    _cls: str | None = None
    _classified: bool = False

    def __init__(self, seg: Seg, text: str, key: str, blank_before: bool, column: str | None = None) -> None:
        # written here, not generated by @dataclass: the compiled build calls this one as C, a
        # generated one through the interpreter (a row for every line)
        self.seg = seg
        self.text = text
        self.key = key
        self.blank_before = blank_before
        self.column = column
        self._upper = None
        self._cls = None
        self._classified = False

    @property
    def upper(self) -> bool:
        if self._upper is None:
            self._upper = is_upper_text(self.text)
        return self._upper

    @property
    def cls(self) -> str | None:
        if not self._classified:
            self._cls = _header_class(self.key, self.text, self.upper)
            self._classified = True
        return self._cls


def _rows(nt: NormalizedText, header_line: int) -> list[_Row]:
    rows: list[_Row] = []
    header_end = header_line + _HEADER_LINES
    # which lines are in the footer, read by index (compiled: no int object made and compared per line)
    count = len(nt.lines)
    footer = [False] * count
    for index in _footer_lines(nt, header_line):
        if 0 <= index < count:
            footer[index] = True
    text, key, layout_lines = nt.text, nt.key, nt.layout.lines
    split = [index for index in range(count) if header_line <= index < header_end or footer[index]]
    may_cut = _lines_that_may_cut(nt, split)
    for index, line in enumerate(nt.lines):
        start, end = line.start, line.end
        blank = start >= 2 and text[start - 1] == "\n" and text[start - 2] == "\n"
        layout_column = layout_lines[line.layout_index].column if layout_lines else None
        in_footer = footer[index]
        in_header = header_line <= index < header_end  # compared as machine integers (compiled)
        if not (in_header or in_footer):  # the body: one row per line
            rows.append(_Row((start, end), text[start:end], key[start:end], blank, layout_column))
            continue
        line_key = key[start:end]
        pieces = _split_interleaved(
            nt, (start, end), line_key, header=in_header, footer=in_footer, may_cut=index in may_cut
        )
        for i, (a, b) in enumerate(pieces):
            column = layout_column if len(pieces) == 1 else ("left" if i == 0 else "right")
            if in_footer and 12 <= b - a <= 120 and key[a : a + 2].isupper():  # a signature block?
                for c, (x, y) in enumerate(_split_signature(nt, (a, b))):
                    rows.append(_Row((x, y), text[x:y], key[x:y], blank and i == 0 and c == 0, column))
            else:
                piece_key = line_key if a == start and b == end else key[a:b]  # most lines: not cut
                rows.append(_Row((a, b), text[a:b], piece_key, blank and i == 0, column))
    return rows


_NOI_NHAN_LINE_RE = re.compile(r"^N[ơoóờ][iíì]\s*nh[ậâấầaạ]n\s*:", re.I | re.M)
_LINE_OPENING_N_RE = re.compile(r"\n[Nn]")


def _noi_nhan_line(key: str, pos: int, end: int) -> re.Match[str] | None:
    """The first "Nơi nhận:" line in key[pos:end], tried only where a line opens with an N: a search
    for the pattern (re.IGNORECASE and re.MULTILINE) tries every position, several times slower."""
    if (pos == 0 or key[pos - 1] == "\n") and (label := _NOI_NHAN_LINE_RE.match(key, pos, end)):
        return label
    for opening in _LINE_OPENING_N_RE.finditer(key, max(0, pos - 1), end):
        if opening.start() >= pos and (label := _NOI_NHAN_LINE_RE.match(key, opening.start() + 1, end)):
            return label
    return None


def _footer_lines(nt: NormalizedText, header_line: int) -> range | set[int]:
    """Lines where a footer may be typed as two columns: the last lines, and those around the
    first "Nơi nhận:" (a scraped page goes on long after the document ends)."""
    count = len(nt.lines)
    last = range(max(0, count - _FOOTER_LINES), count)
    label = _noi_nhan_line(nt.key, nt.lines[header_line].start if nt.lines else 0, len(nt.key))
    if label is None:
        return last
    at = nt.line_at(label.start())
    if at >= last.start - _FOOTER_LINES // 2:
        return range(max(0, min(last.start, at - _FOOTER_LINES // 2)), count)
    return set(last) | set(range(at - _FOOTER_LINES // 2, at + _FOOTER_LINES // 2))


def find_zones(nt: NormalizedText) -> Zones:
    """Split a normalised document into its zones."""
    zones = Zones()
    header_line = document_start(nt)
    rows = _rows(nt, header_line)
    first = bisect_left([row.seg[0] for row in rows], nt.lines[header_line].start) if header_line else 0
    rows = _join_wrapped(nt, rows, first)
    body_start = _HeaderScan(rows, zones, first).run()
    _scan_footer(rows, body_start, zones)
    return zones


_NUMBER_LABEL_RE = re.compile(r"^S[ốô]\s*:?\s*$")
_NUMBER_START_RE = re.compile(r"^[\d.…_ ]*/|^\d")
_DATE_CUT_RE = re.compile(r"\bngày\b[^\n]{0,14}?(?:tháng[\s\d.…_]*(?:năm\s*)?)?$", re.I)
_DATE_REST_RE = re.compile(r"^(?:tháng|năm|[\d.…_]+\s*(?:tháng|năm)|(?:19|20)\d\d\b)", re.I)
_LABEL_CUT_RE = re.compile(r"^(?:K[íìi]nh|N[ơo]i)\s*$", re.I)
_LABEL_CUT_FIRST = "KkNn\u212a"  # the letters re.IGNORECASE lets _LABEL_CUT_RE open with (U+212A: Kelvin)
_LABEL_REST_RE = re.compile(r"^(?:g[ửưu][iỉí]|nh[ậâa]n)\b", re.I)


def _join_wrapped(nt: NormalizedText, rows: list[_Row], first: int) -> list[_Row]:
    """Join the header and footer lines a converter or crawler wrapped in the middle.

    "Số:" / "38/2025/QĐ-UBND", "Hà Nội, ngày 20" / "tháng 11 năm 2025", "Hà" / "Nội, ngày …",
    "Kính" / "gửi: …" and "Nơi" / "nhận:" are each read as one line.
    """
    joined: list[_Row] = []
    for index, row in enumerate(rows):
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.column == row.column
            and nt.text[previous.seg[1] : row.seg[0]] == "\n"
            and (
                _wrapped(previous, row, first <= index < first + _HEADER_LINES)
                or _wrapped_name(previous, row)
            )
        ):
            a, b = previous.seg[0], row.seg[1]
            joined[-1] = _Row((a, b), nt.text[a:b], nt.flat[a:b], previous.blank_before, row.column)
            continue
        joined.append(row)
    return joined


def _wrapped(top: _Row, below: _Row, in_header: bool) -> bool:
    """Is ``below`` the rest of a header or footer line cut short in ``top``?"""
    if len(top.key) > 90:
        return False
    first = top.key[:1]  # the labels below open with "S", "K" or "N" (a test in C before the regexes)
    if first == "S" and _NUMBER_LABEL_RE.match(top.key):
        return _NUMBER_START_RE.match(below.key) is not None
    if first in _LABEL_CUT_FIRST and _LABEL_CUT_RE.match(top.key):
        return _LABEL_REST_RE.match(below.key) is not None
    if not in_header:
        return False
    if _DATE_REST_RE.match(below.key) and _DATE_CUT_RE.search(top.key) and top.cls is None:
        return classify_place_date(top.key + " " + below.key) is not None
    words = top.text.split()
    if 0 < len(words) <= 4 and not top.upper and top.cls is None and below.cls == "place_date":
        place = below.key.split(",", 1)[0]  # "Hà" / "Nội, ngày …", "Thành phố Hồ" / "Chí Minh, ngày …"
        letters = all(w.rstrip(".").isalpha() for w in words)
        return 0 < len(place.split()) <= 3 and letters and words[0][0].isupper()
    return False


def _wrapped_name(top: _Row, below: _Row) -> bool:
    """A signer's name cut in two: "Trần" / "Chí Hùng", "Lê Hải" / "Hòa" (not two names)."""
    if len(top.text) > 30 or len(below.text) > 30:
        return False
    upper, lower = top.text.split(), below.text.split()
    if not (1 <= len(upper) <= 3 and 1 <= len(lower) <= 3) or (len(upper) > 1 and len(lower) > 1):
        return False
    if top.upper or below.upper or not all(_NAME_TOKEN_RE.match(w) for w in upper + lower):
        return False
    return fold_tones(upper[0]) in surnames() and person_name(top.text + " " + below.text) is not None


# Lines that only a Decree 30 header holds: the Quốc hiệu or the Party's motto, the Tiêu ngữ, a
# "Số:" line with a number or a blank, and a place-and-date line. Two of them close together mark
# where a document starts inside a scraped page, an e-mail or an OCR dump.
_ANCHOR_RES = (
    # (kind, pattern, matched in the lower-case text): lower-case patterns need no re.IGNORECASE,
    # which is several times slower on Vietnamese text
    ("quoc_hieu", re.compile(r"c[ộôo]ng\s*h[òo]a\s*x[ãa]\s*h[ộo]i|đảng\s+cộng\s+sản\s+việt\s+nam"), True),
    ("tieu_ngu", re.compile(r"l[ậâa]p\s*[-–—]+\s*t[ựưu]\s*do\s*[-–—]+\s*h[ạa]nh"), True),
    ("number", re.compile(r"s[ốô]\s*:\s*[\d.…_ ]*/\s*\w"), True),
    ("place_date", re.compile(r"ngày\b[^\n]{0,14}?tháng[^\n]{0,14}?năm\s*(?:19|20)\d\d"), False),
)
# what opens a place-and-date line before "ngày": capitalised words ("Hà Nội ngày"), or any words
# before a comma ("Thành phố Hồ Chí Minh, ngày"), never "… có hiệu lực từ ngày …"
_PLACE_OPENING_RE = re.compile(
    rf"\s*(?:(?:[{UPPER}][^\s\d]*\s+){{0,4}}[{UPPER}][^\s\d,]*\s*[,.]?|[{UPPER}][^\d\n:;]{{1,44}},)\s*"
)
_ANCHOR_SPAN = 25  # lines within which two anchors make a header
_AGENCY_LINES = 6  # issuing-body lines above the first anchor


def document_start(nt: NormalizedText) -> int:
    """Index into ``nt.lines`` of the line a document's header starts on (0 when it starts at the top).

    Site furniture before the header (a portal's notices and metadata table, a crawler's page
    title) is skipped: the header is the first place where two different header anchors stand
    within a few lines; the issuing body's upper-case lines just above the first anchor belong to it.
    """
    head = nt.lines[min(len(nt.lines), _LEADING_JUNK + _ANCHOR_SPAN) - 1].end if nt.lines else 0
    if _opens_at_top(nt, head):
        return 0
    first = _first_cluster(_anchors_in(nt, head))  # most documents start at the top: look there first
    if first is None or first >= _LEADING_JUNK:
        first = _first_cluster(_anchors_in(nt, len(nt.key)))
    if first is None or first < _LEADING_JUNK or _ends_before(nt, first):
        return 0
    return _agency_above(nt, first)


def _opens_at_top(nt: NormalizedText, end: int) -> bool:
    """Is the first cluster of anchors within the first _LEADING_JUNK lines (the common case: the
    header starts at the top)? It is when the first anchors of the two kinds found first stand
    within _ANCHOR_SPAN lines: only each kind's first anchor is looked for, not all of them."""
    firsts = sorted(
        line for line in (_first_anchor(nt, kind, end) for kind in range(len(_ANCHOR_RES))) if line >= 0
    )
    return len(firsts) >= 2 and firsts[0] < _LEADING_JUNK and firsts[1] - firsts[0] <= _ANCHOR_SPAN


def _first_anchor(nt: NormalizedText, index: int, end: int) -> int:
    """The line of the first anchor of _ANCHOR_RES[index] in the first ``end`` characters (-1: none)."""
    kind, regex, lower = _ANCHOR_RES[index]
    for match in regex.finditer(nt.lower if lower else nt.key, 0, end):
        line = nt.line_at(match.start())
        if kind == "place_date" and not _PLACE_OPENING_RE.fullmatch(
            nt.key, nt.lines[line].start, match.start()
        ):
            continue
        return line
    return -1


def _anchors_in(nt: NormalizedText, end: int) -> list[tuple[int, str]]:
    """(line, kind) of the header anchors in the first ``end`` characters, in order."""
    anchors: list[tuple[int, str]] = []
    for kind, regex, lower in _ANCHOR_RES:
        for match in regex.finditer(nt.lower if lower else nt.key, 0, end):
            line = nt.line_at(match.start())
            if kind == "place_date" and not _PLACE_OPENING_RE.fullmatch(
                nt.key, nt.lines[line].start, match.start()
            ):
                continue
            anchors.append((line, kind))
            if len(anchors) > 400:
                break
    return sorted(anchors)


def _first_cluster(anchors: list[tuple[int, str]]) -> int | None:
    """The line of the first anchor with an anchor of another kind close below it."""
    for i, (line, kind) in enumerate(anchors):
        if any(other != kind for near, other in anchors[i + 1 :] if near <= line + _ANCHOR_SPAN):
            return line
    return None


def _ends_before(nt: NormalizedText, line: int) -> bool:
    """Does a document end above ``line`` ("Nơi nhận:", "./.")? Then the anchors are an annex's
    form, and the document's own header was lost: it starts at the top."""
    end = nt.lines[line].start
    return _noi_nhan_line(nt.key, 0, end) is not None or END_MARK_RE.search(nt.key, 0, end) is not None


def _agency_above(nt: NormalizedText, line: int) -> int:
    """The first of the short upper-case lines (issuing body, rules) right above ``line``."""
    start = line
    for index in range(line - 1, max(-1, line - 1 - _AGENCY_LINES), -1):
        text = nt.text[nt.lines[index].start : nt.lines[index].end]
        if RULE_RE.match(text):
            continue
        if len(text) > 90 or not is_upper_text(text):
            break
        start = index
    return start


class _HeaderScan:
    """A small state machine over the first lines: header parts, then where the body starts."""

    def __init__(self, rows: list[_Row], zones: Zones, first: int = 0) -> None:
        self.rows = rows
        self.first = first  # the row the header starts on
        self.z = zones
        self.state = "header"  # header | vv | subject | kinh_gui
        self.seen_title = False

    def run(self) -> int:
        z = self.z
        first = self.first
        index = first
        for index, row in enumerate(self.rows[first : first + _HEADER_SCAN], start=first):
            opening = row.key[:1]  # a test in C before each regex: the characters its lines open with
            if (
                ((opening in _RULE_FIRST or opening.isspace()) and RULE_RE.match(row.key))
                or len(row.key.strip()) <= 1
                or (opening in _STAMP_FIRST and STAMP_RE.match(row.key))
            ):
                continue
            if self._continues(row):
                continue
            if not self._classify(row):
                seen_header = z.quoc_hieu or z.number or z.place_date or z.title or z.agency
                if index - first < _LEADING_JUNK and not seen_header:
                    continue  # lines before the header ("# OCR Output …", a file name): skip them
                if not z.kinh_gui and _kinh_gui_within(self.rows, index + 1, 4):
                    continue  # a stray line (a stamp's text) between the header and "Kính gửi"
                break
        else:
            index = min(len(self.rows), first + _HEADER_SCAN)
        if not z.has_header:
            # no header at all (a news article): what looked like header lines is body text
            z.place_date = None
            z.agency.clear()
            z.subject.clear()
            z.kinh_gui.clear()
            z.marks.clear()
            z.authority_line = None
            return first
        return index

    def _continues(self, row: _Row) -> bool:
        """Add the row to the open subject or addressee block if it belongs there."""
        z = self.z
        if self.state == "vv" and _continues_vv(row, z.subject, self.rows):
            z.subject.append(row.seg)
            return True
        if self.state == "subject" and self._continues_title_subject(row):
            z.subject.append(row.seg)
            return True
        if self.state == "kinh_gui" and _continues_addressees(row, z.kinh_gui, self.rows):
            z.kinh_gui.append(row.seg)
            return True
        self.state = "header"
        return False

    def _continues_title_subject(self, row: _Row) -> bool:
        """The lines under a title ('QUYẾT ĐỊNH') are its subject until a blank line or the body."""
        if BODY_STARTERS_RE.match(row.key) or row.cls is not None:
            return False
        subject_upper = bool(self.z.subject) and _row_at(self.rows, self.z.subject[0]).upper
        if row.upper and self.z.subject and not subject_upper:
            return False  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" after a lower-case subject
        return not row.blank_before or (row.upper and subject_upper) or not self.z.subject

    def _classify(self, row: _Row) -> bool:
        """Record a header row; False when the row is the first line of the body."""
        z = self.z
        cls = row.cls
        if _ends_quoc_hieu(row, z, self.rows):  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM"
            z.quoc_hieu.append(row.seg)
            return True
        if cls in ("quoc_hieu", "tieu_ngu"):
            z.quoc_hieu.append(row.seg)
        elif cls == "number" and z.number is None:
            z.number = row.seg
        elif cls == "place_date" and z.place_date is None:
            z.place_date = row.seg
        elif cls == "mark":
            z.marks.append(row.seg)
        elif cls == "vv" and not z.subject:
            z.subject.append(row.seg)
            self.state = "vv"
        elif cls == "kinh_gui":
            z.kinh_gui.append(row.seg)
            self.state = "kinh_gui"
        elif cls == "title" and not self.seen_title and not z.kinh_gui:
            z.title = row.seg
            self.seen_title = True
            self.state = "subject"
        elif row.upper and not self.seen_title and not z.subject and not z.kinh_gui and len(row.text) <= 90:
            if starts_with_position(row.key) and (z.number or z.place_date):
                return False  # a signer-like line right after the header: the document has no body
            z.agency.append(row.seg)
        elif (
            row.upper
            and (self.seen_title or z.subject)
            and not z.kinh_gui
            and z.authority_line is None
            and not _ITEM_START_RE.match(row.text)  # "I. NHIỆM VỤ": the body's first heading
        ):
            z.authority_line = row.seg  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" before "Căn cứ"
        elif cls is None and (z.quoc_hieu or z.number or z.agency) and not _looks_like_body(row):
            # a short unclassified line inside the header (OCR noise, a stray word), unless the
            # subject is already known, in which case the body has begun
            return not (z.subject or self.seen_title)
        else:
            return False
        return True


def _kinh_gui_within(rows: list[_Row], start: int, count: int) -> bool:
    return any(kinh_gui_label(row.key) for row in rows[start : start + count])


def _ends_quoc_hieu(row: _Row, z: Zones, rows: list[_Row]) -> bool:
    """Is the row the "VIỆT NAM" of a Quốc hiệu that wrapped in its cell?"""
    if not z.quoc_hieu or row.key.strip(" .").upper() != "VIỆT NAM":
        return False
    last = _row_at(rows, z.quoc_hieu[-1])
    index = rows.index(last)
    return index + 1 < len(rows) and rows[index + 1] is row and "NAM" not in last.key.upper()


def _row_at(rows: list[_Row], seg: Seg) -> _Row:
    return next(r for r in rows if r.seg == seg)


# what QUOC_HIEU_RE, PARTY_MOTTO_RE and QUOC_HIEU_TAIL_RE lines open with (re.IGNORECASE adds no
# other letter to C and X)
_QUOC_HIEU_FIRST = frozenset("CcĐXx")


def _header_class(key: str, text: str, upper: bool) -> str | None:
    first = key[:1]  # a test in C before each regex below: the characters its lines open with
    if (
        len(key) <= 60
        and first in _QUOC_HIEU_FIRST
        and (QUOC_HIEU_RE.match(key) or PARTY_MOTTO_RE.match(key) or QUOC_HIEU_TAIL_RE.match(key))
    ):
        return "quoc_hieu"
    if _motto_in(key):
        return "tieu_ngu"
    if first in _OPENING_FIRST and NUMBER_LINE_RE.match(key):
        return "number"
    if kinh_gui_label(key):
        return "kinh_gui"
    if (first in "(Vv" or first.isspace()) and VV_RE.match(key):
        return "vv"
    if len(key) <= 90 and classify_place_date(key) is not None:
        return "place_date"
    if is_mark_line(key):
        return "mark"
    if upper and title_type(key) is not None:
        return "title"
    return None


def _looks_like_body(row: _Row) -> bool:
    if BODY_STARTERS_RE.match(row.key):
        return True
    words = row.text.split()
    return len(words) >= 6 or (len(words) >= 3 and row.text[-1:] in ".;:")


def _continues_vv(row: _Row, subject: list[Seg], rows: list[_Row]) -> bool:
    """Is this line the next line of a 'V/v …' subject?"""
    if row.cls is not None or BODY_STARTERS_RE.match(row.key) or row.upper:
        return False
    if len(subject) >= 8 or len(row.text) > 90:
        return False
    last = _row_at(rows, subject[-1]).text
    starts_item = _ITEM_START_RE.match(row.text) is not None  # "1. Tổ chức …" after a blank line
    return not (row.blank_before and (last.endswith(".") or row.text[:1].isupper() or starts_item))


_ITEM_START_RE = re.compile(rf"(?:\d{{1,2}}|[IVX]{{1,4}}|[a-zđ])\s*[.)]\s|{_IN_LINE_BULLET}\s")


def _continues_addressees(row: _Row, block: list[Seg], rows: list[_Row]) -> bool:
    """Is this line another entry (or the wrapped rest of one) of 'Kính gửi'?"""
    if opens_with_bullet(row.key) and len(row.text) <= 200:
        return True
    if row.cls is not None or BODY_STARTERS_RE.match(row.key):
        return False
    first = _row_at(rows, block[0])
    if len(block) == 1 and not KINH_GUI_RE.sub("", first.key):
        return len(row.text) <= 150  # "Kính gửi:" alone on its line: the entries follow
    last = _row_at(rows, block[-1]).text.rstrip()
    if _bulleted(rows, block):
        if last.endswith(";"):
            return False  # a list of "- …;" entries: an entry without its dash is the body
        if not last.endswith((".", ":")):
            return len(row.text) <= 150  # "- Bộ trưởng, … cơ quan thuộc" / "Chính phủ;": a wrapped entry
    if last.endswith((";", ",")):
        return len(row.text) <= 150
    return not last.endswith(".") and row.text[:1].islower() and len(row.text) <= 120


def _bulleted(rows: list[_Row], block: list[Seg]) -> bool:
    """Are the entries of an addressee block written as dashed lines?"""
    return any(opens_with_bullet(_row_at(rows, seg).key) for seg in block[1:]) or opens_with_bullet(
        KINH_GUI_RE.sub("", _row_at(rows, block[0]).key)
    )


def _opens_appendix(key: str) -> bool:
    """Does APPENDIX_RE match the line? Its heads open with P, D, B or M: a test in C first."""
    return key[:1] in "PDBM" and APPENDIX_RE.match(key) is not None


def _scan_footer(rows: list[_Row], body_start: int, z: Zones) -> None:
    """Find Nơi nhận, the signer block and the body between header and footer."""
    n = len(rows)
    noi_nhan = next(
        (i for i in range(body_start, n) if rows[i].key[:1] in "Nn" and NOI_NHAN_RE.match(rows[i].key)), None
    )  # the label opens with an N (see _noi_nhan_line)
    appendix = next((i for i in range((noi_nhan or body_start) + 1, n) if _opens_appendix(rows[i].key)), n)
    end_mark = None
    for i in reversed(range(body_start, noi_nhan if noi_nhan is not None else appendix)):
        key = rows[i].key
        if "./" in key and END_MARK_RE.search(key):  # both its branches hold "./": a test in C first
            end_mark = i  # the last one
            break
    footer_start = noi_nhan if noi_nhan is not None else appendix
    if end_mark is not None:
        region_start = end_mark + 1
    elif noi_nhan is not None:
        region_start = max(body_start, noi_nhan - 12)
    else:
        region_start = max(body_start, appendix - 25)
    signer_start = _find_signer(rows, region_start, appendix, noi_nhan)
    if signer_start is None:
        signer_start = _lone_name(rows, region_start if noi_nhan is None else noi_nhan, appendix)
    if signer_start is not None:
        footer_start = min(footer_start, signer_start)
    if end_mark is not None:
        footer_start = min(footer_start, end_mark + 1)
    z.end_mark = end_mark is not None
    opening = range(body_start, min(footer_start, body_start + 8))
    z.legal_basis = any(rows[i].key.startswith("Căn cứ") for i in opening)
    z.body = [rows[i].seg for i in range(body_start, footer_start)]
    if noi_nhan is not None:
        z.noi_nhan = _noi_nhan_block(rows, noi_nhan, appendix, signer_start)
    if signer_start is not None:
        z.signer = _signer_block(rows, signer_start, appendix, z.noi_nhan)
    last = max((seg[1] for seg in (*z.signer, *z.noi_nhan)), default=None)
    if last is not None:
        z.attachment = _attachment(rows, bisect_left([row.seg[0] for row in rows], last))


_ATTACHMENT_SCAN = 12  # lines after the signature where an attached text's title may stand


def _attachment(rows: list[_Row], start: int) -> list[Seg]:
    """The rows of a text printed after the signature as attached ("KẾ HOẠCH" / "(Kèm theo Quyết định
    số …)"), up to an annex ("PHỤ LỤC"), another attached title or a scraped page's own furniture."""
    words = attachment_words()
    types = _attachment_types()
    leads, ends = words.get("lead", ()), words.get("end", ())
    for i in range(start, min(len(rows), start + _ATTACHMENT_SCAN)):
        row = rows[i]
        if not (row.upper and title_type(row.key) in types):
            continue
        below = " ".join(r.key.lower() for r in rows[i + 1 : i + 6])
        if not any(lead in below for lead in leads):
            return []
        stop = next(
            (
                j
                for j in range(i + 1, len(rows))
                if _opens_appendix(rows[j].key) or rows[j].key.lower().startswith(ends)
            ),
            len(rows),
        )
        return [r.seg for r in rows[i:stop]]
    return []


@cache
def _attachment_types() -> frozenset[str]:
    """The type titles of an attached text (data/attachments.tsv), in capitals, tones folded."""
    return frozenset(fold_tones(word.upper()) for word in attachment_words().get("type", ()))


def _find_signer(rows: list[_Row], start: int, stop: int, noi_nhan: int | None) -> int | None:
    """Index of the first line of the signer block in [start, stop)."""
    in_list = False
    for i in range(start, stop):
        row = rows[i]
        if i == noi_nhan:
            in_list = True
            continue
        titled_name = (
            len(row.text) <= 80
            and (row.upper or len(row.text.split()) <= 5)  # "Tổng cục trưởng" typed in lower case
            and starts_with_position(row.key)
            and any(_is_signature_name(rows, j, stop) for j in range(i + 1, min(i + 6, stop)))
        )
        if in_list and row.column != "right" and not titled_name:
            if luu_label(row.key):
                in_list = False
                continue
            if opens_with_bullet(row.key) or not (authority_mark(row.key) or row.upper):
                continue
            in_list = False
        if authority_mark(row.key) or titled_name:
            return i
        if split_honorifics(row.text)[0] and person_name(row.text):
            return i  # "PGS.TS. Nguyễn Văn A" with no title line above it
    return None


def _lone_name(rows: list[_Row], start: int, stop: int) -> int | None:
    """A signer's name with no title line that can be read (OCR lost or garbled it): the first name
    line after the recipients' list ends with its "Lưu:" entry."""
    luu = next((i for i in range(start, min(stop, start + 40)) if luu_label(rows[i].key)), None)
    if luu is None:
        return None
    for i in range(luu + 1, min(stop, luu + 8)):
        if not opens_with_bullet(rows[i].key) and _is_signature_name(rows, i, stop):
            return i
    return None


CONNECTOR_END_RE = re.compile(r"(?:\bVÀ|\bvà|[-–&,])\s*$")


def _is_signature_name(rows: list[_Row], i: int, stop: int) -> bool:
    """Is row ``i`` the signer's name (and not the end of a title that wraps, or stamp noise)?"""
    row = rows[i]
    if person_name(row.text) is None or SIGNATURE_NOISE_RE.match(row.key):
        return False
    if not row.upper or split_honorifics(row.text)[0]:
        return True
    previous = rows[i - 1] if i > 0 else None
    if previous is not None and previous.upper and CONNECTOR_END_RE.search(previous.text):
        return False  # "GIÁM ĐỐC SỞ GIÁO DỤC VÀ" / "ĐÀO TẠO"
    # a capitalised 'name' with a name in normal case below it belongs to the title
    return not any(person_name(rows[j].text) and not rows[j].upper for j in range(i + 1, min(i + 3, stop)))


def _noi_nhan_block(rows: list[_Row], start: int, stop: int, signer: int | None) -> list[Seg]:
    block = [rows[start].seg]
    for i in range(start + 1, stop):
        row = rows[i]
        if row.column == "right":
            continue  # the signer's column beside the list
        if (i == signer and row.column != "left") or authority_mark(row.key):
            break
        if not opens_with_bullet(row.key) and (row.upper or is_name_line(row.text)):
            break
        block.append(row.seg)
        if luu_label(row.key):
            break
    return block


def _signer_block(rows: list[_Row], start: int, stop: int, noi_nhan: list[Seg]) -> list[Seg]:
    taken = set(noi_nhan)
    block: list[Seg] = []
    for i in range(start, min(stop, start + 30)):
        row = rows[i]
        if (
            row.seg in taken
            or row.column == "left"
            or NOI_NHAN_RE.match(row.key)
            or opens_with_bullet(row.key)
        ):
            continue
        block.append(row.seg)
        if _is_signature_name(rows, i, stop):
            break
    return block
