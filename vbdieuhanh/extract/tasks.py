"""Tasks: numbered items as a tree, and instructions given in prose, with assignees and deadlines.

A list's introducing sentence ("đề nghị A, B và C thực hiện một số nội dung sau:") gives its items
default assignees; an item that starts with a body ("UBND các huyện chỉ đạo …"), or says "Giao …",
"Đối với …", "… chủ trì, phối hợp với …", names its own. Outside lists, sentences such as "Chủ tịch
UBND tỉnh giao Sở X chủ trì, … trước ngày 10/02/2025" become prose tasks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..lexicon import (
    assignee_heads,
    assignment_cues,
    body_stops,
    executor_clauses,
    generic_bodies,
    narrative_words,
    non_bodies,
    recurrences,
    restatements,
    role_labels,
    subject_prefixes,
    task_cue_context,
    task_headings,
    task_verbs,
)
from ..models import Addressee, Agency, Assignee, Deadline, Source, Task
from ..names.agency import expand_mixed
from ..normalize import fold_tones, is_upper_text, squash
from ..patterns import LOWER, UPPER
from ..prefilter import Prefiltered, Scanner, grouped
from ..vocab import glyphs
from ..zones import Seg
from .context import Context
from .deadlines import find_deadline, labelled_deadline, read_scanners

# a dict of the fields → a Task or an Assignee, validated as Task(...), Assignee(...) do without the
# Python frame of their __init__ (as Context.source builds a Source)
_validate_task = Task.__pydantic_validator__.validate_python
_validate_assignee = Assignee.__pydantic_validator__.validate_python
_BULLETS = glyphs("bullet_item")  # data/glyphs.tsv: - – + • * and the glyphs of Word's lists
MARKER_RE = re.compile(
    r"^(?:(?P<article>Điều\s+(?P<article_no>\d{1,3})\s*[.:]?)"
    r"|(?P<roman>[IVXL][IVXLl]{0,4}|l[IVX][IVXLl]{0,3})\s*[.:)]"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?"
    # items 100 and on ("100. …") only with a space after the mark: "400.000.000" is an amount
    r"|(?P<arabic>\d{1,2}|\d{3}(?=[.)/]\s))\s*(?:[.)]|/(?=\s))"
    r"|\((?P<paren>\d{1,2})\)"
    r"|(?P<letter>[a-zđ])\s*\)"
    r"|(?P<letterdot>[a-zđ])\."
    rf"|(?P<bullet>[{re.escape(_BULLETS)}])"
    r")\s*(?=\S)"
)
# the characters MARKER_RE's alternatives start with (and the digits, str.isdecimal as its \d): a
# line that starts otherwise is no marker, without a regex call
_MARKER_FIRST = frozenset(f"ĐIVXLl(abcdefghijklmnopqrstuvwxyzđ{_BULLETS}")
_TERMINAL = glyphs("terminal")  # data/glyphs.tsv: . ; : ! ?
_WRAP_WIDTH = 55  # a line this long without closing punctuation was probably wrapped


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences of text[start:end]: each up to and with the '.', '!' or '?' that ends
    it, or to ``end``; a '.' before a digit or '/' ends none ('1.5', '… này./.'). Found with
    ``str.find`` (a regex would take a branch per character); each mark's next place is looked for
    again only once passed, so a long paragraph is read once."""
    spans: list[tuple[int, int]] = []
    exclaim = _next_mark(text, "!", start, end)
    question = _next_mark(text, "?", start, end)
    dot = _next_mark(text, ".", start, end)
    pos = start
    while pos < end:
        while dot < end - 1 and (text[dot + 1].isdecimal() or text[dot + 1] == "/"):
            dot = _next_mark(text, ".", dot + 1, end)
        stop = min(exclaim, question, dot)
        if stop > pos:  # marks in a row ('…?!') end no sentence of their own
            spans.append((pos, min(stop + 1, end)))
        pos = stop + 1
        if exclaim < pos:
            exclaim = _next_mark(text, "!", pos, end)
        if question < pos:
            question = _next_mark(text, "?", pos, end)
        if dot < pos:
            dot = _next_mark(text, ".", pos, end)
    return spans


def _first_sentence_end(text: str) -> int:
    """Where the first of ``_sentences(text, 0, len(text))`` ends, or ``len(text)`` when it does not
    start the text (it opens with a mark) or there is none; the later marks are not looked for."""
    end = len(text)
    dot = _next_mark(text, ".", 0, end)
    while dot < end - 1 and (text[dot + 1].isdecimal() or text[dot + 1] == "/"):
        dot = _next_mark(text, ".", dot + 1, end)
    stop = min(_next_mark(text, "!", 0, end), _next_mark(text, "?", 0, end), dot)
    return min(stop + 1, end) if stop > 0 else end


def _next_mark(text: str, mark: str, start: int, end: int) -> int:
    """The place of the next ``mark`` in text[start:end], or ``end``."""
    found = text.find(mark, start, end)
    return end if found < 0 else found


_END_MARK_RE = re.compile(r"\./\.\s*$|\./\s*$")
# "báo cáo UBND tỉnh", "báo cáo, đề xuất UBND tỉnh", "gửi báo cáo về Sở Nội vụ", "báo cáo kết quả … về CĐGD"
_REPORT_RE = Prefiltered(
    re.compile(r"(?:báo cáo|gửi(?: báo cáo| kết quả| văn bản)?)(?:,\s*(?:đề xuất|kiến nghị))?\s+(?:cho\s+)?"),
    ("báo cáo", "gửi"),
)
_REPORT_VIA_RE = Prefiltered(re.compile(r"(?:báo cáo|gửi)[^,;.()]{0,40}? về\s+"), ("báo cáo", "gửi"))
# one tuple: Context.any_hit keys its merged spans by it. Typed of any length, so that mypyc keeps it
# as the one Python object: a tuple of two fixed types is unboxed and built anew at each use (a new
# key each call, the spans merged again)
_REPORT_SCANNERS: tuple[Scanner, ...] = (_REPORT_RE, _REPORT_VIA_RE)


@cache
def _chairs() -> str:
    """After "chủ trì": not a meeting it only chairs ("chủ trì cuộc họp"), nor the end of a sentence
    that says who chaired ("… do đồng chí X chủ trì.")."""
    words = task_cue_context()
    before = "|".join(re.escape(w) for w in words["meeting_before"])
    meeting = "|".join(re.escape(w) for w in words["meeting"])
    return rf"(?! (?:(?:{before}) )*(?:{meeting})\b|\s*[.;]|\s*$)"


@cache
def _chu_tri_re() -> Prefiltered:
    """'chủ trì' after a space. The space is looked behind, not matched: a trigger that starts with
    a space would make ``trigger_starts`` try its patterns at every space of the text."""
    return Prefiltered(re.compile(rf"(?<= )chủ trì\b{_chairs()}"), ("chủ trì",))


@cache
def _own_verbs_re() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:chủ trì\b{_chairs()}|có trách nhiệm\b|chịu trách nhiệm\b)")


# (the two classes write the __init__ @dataclass would: the compiled build calls it as C, a generated
# one through the interpreter)
@dataclass(slots=True, init=False)
class _Para:
    start: int
    end: int
    text: str
    style: str | None = None
    label: str | None = None
    body_start: int = 0  # offset of the text after the marker

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        style: str | None = None,
        label: str | None = None,
        body_start: int = 0,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.style = style
        self.label = label
        self.body_start = body_start


@dataclass(slots=True, init=False)
class _Node:
    para: _Para
    style: str
    kind: str
    own_id: str
    extra: list[_Para] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    assigning: bool = False  # under a heading that gives out work ('PHÂN CÔNG TRÁCH NHIỆM')
    explicit: bool = False  # names people or bodies that are not told to act ('Thành phần: - …')

    def __init__(
        self,
        para: _Para,
        style: str,
        kind: str,
        own_id: str,
        extra: list[_Para] | None = None,
        children: list[_Node] | None = None,
        assigning: bool = False,
        explicit: bool = False,
    ) -> None:
        self.para = para
        self.style = style
        self.kind = kind
        self.own_id = own_id
        self.extra = [] if extra is None else extra
        self.children = [] if children is None else children
        self.assigning = assigning
        self.explicit = explicit


def _runs_on(prev_line: str) -> bool:
    """Does a line look cut by the page width mid-sentence (long, no closing punctuation)?"""
    return (
        len(prev_line) >= _WRAP_WIDTH
        and prev_line[-1:] not in _TERMINAL
        and not prev_line.endswith(")")
        and not is_upper_text(prev_line)
    )


_LAST_WORD_RE = re.compile(rf"[{UPPER}][\w]*$")


def _name_cut(prev_line: str, line: str) -> bool:
    """Is a name cut by a line break ('… Đài Tiếng nói Việt' / 'Nam, …', 'Chánh Văn phòng' / 'UBND …'):
    the line ends with a capitalised word and no closing punctuation, the next opens with a capital?"""
    if not line[:1].isupper() or prev_line[-1:] in _TERMINAL or is_upper_text(prev_line):
        return False
    if _LAST_WORD_RE.search(prev_line) is not None:
        return True
    heads = [m.end() for m in _head_re().finditer(fold_tones(prev_line[-40:]))]  # "… Chánh Văn phòng"
    return bool(heads) and heads[-1] == len(prev_line[-40:])


def _marker(
    text: str, prev_line: str | None, match: re.Match[str] | None = None
) -> tuple[str, str, int] | None:
    """(style, label, length) of a list marker at the start of a paragraph (``match``: MARKER_RE's
    match of ``text``, when made already)."""
    match = match or MARKER_RE.match(text)
    if match is None:
        return None
    kind = match.lastgroup or ""
    if kind == "article_no":
        kind = "article"
    if kind == "letterdot" and prev_line is not None and prev_line[-1:] not in _TERMINAL:
        return None
    if (
        kind == "article"
        and prev_line is not None
        and prev_line[-1:] not in _TERMINAL
        and not match.group("article").rstrip().endswith((".", ":"))
    ):
        return None  # "… theo quy định tại khoản 4" / "Điều 12 Luật Đất đai": a reference wrapped
    if kind == "roman" and len(text) > match.end() and text[match.end()].islower():
        return None
    if kind == "roman" and "l" in match.group("roman"):
        # an OCR engine reads II as 'Il' or 'lI': only before a heading in capitals
        if not is_upper_text(" ".join(text[match.end() :].split()[:3])):
            return None
        return "roman", match.group("roman").replace("l", "I"), match.end()
    if kind in ("arabic", "dotted", "paren") and prev_line is not None and _runs_on(prev_line):
        return None  # a wrapped line that starts with a number ("2021. …") is not an item
    label = match.group(kind) if kind != "article" else match.group("article_no")
    style = f"bullet{label}" if kind == "bullet" else kind
    if kind == "letterdot":
        style = "letter"
    return style, label, match.end()


def _paragraphs(ctx: Context, segs: list[Seg]) -> list[_Para]:
    """Join wrapped lines into paragraphs.

    A line continues the paragraph when it starts in lower case, or when the line before it was cut
    by the page width (long, no closing punctuation); a marker, a blank line or a finished sentence
    starts a new paragraph. Layouts whose lines are whole paragraphs (DOCX) are never joined.
    """
    paras: list[_Para] = []
    text = ctx.nt.text
    whole = ctx.nt.layout.lines_are_paragraphs
    prev_end = None
    prev_line: str | None = None
    last_label: dict[str, str] = {}
    for start, end in segs:
        line = text[start:end]
        prev = paras[-1] if paras else None
        first_char = line[:1]
        found = MARKER_RE.match(line) if first_char in _MARKER_FIRST or first_char.isdecimal() else None
        marker = _marker(line, None if whole else prev_line, found) if found else None
        if marker is None and found and not whole:
            # "… gia đình và xã hội" / "6. Thực hiện …": the next number of the list is an item
            # even after a line that looks wrapped
            candidate = _marker(line, None, found)
            if candidate is not None and _follows(last_label.get(candidate[0]), candidate[1]):
                marker = candidate
        if marker is not None:
            last_label[marker[0]] = marker[1]
        # a line in lower case, or after one cut by the page width (with no blank line between)
        joins = (
            prev is not None
            and marker is None
            and not whole
            and (
                line[:1].islower()
                or (
                    prev_line is not None
                    and text.find("\n\n", prev_end, start) < 0
                    and (_runs_on(prev_line) or _name_cut(prev_line, line))
                )
            )
        )
        prev_end = end
        prev_line = line
        if not joins:
            para = _Para(start, end, line)
            if marker is not None:
                para.style, para.label, para.body_start = marker
            paras.append(para)
        else:
            assert prev is not None
            prev.text = f"{prev.text} {line}"
            prev.end = end
    _restore_first_section(paras)
    return paras


def _restore_first_section(paras: list[_Para]) -> None:
    """'1. MỤC ĐÍCH, YÊU CẦU' … 'II. NỘI DUNG': an OCR engine read the first section's 'I.' as
    '1.'; a heading in capitals numbered 1 before a section II (and no section I) is section I."""
    first: _Para | None = None
    for para in paras:
        if para.style == "roman":
            if para.label == "II" and first is not None:
                first.style, first.label = "roman", "I"
            return
        if first is None and para.style == "arabic" and para.label == "1":
            heading = para.text[para.body_start :]
            if _is_heading(heading):
                first = para if is_upper_text(heading) else None


_LETTER_ORDER = "abcdđeghiklmnopqrstuvxy"


def _follows(previous: str | None, label: str) -> bool:
    """Is ``label`` the label right after ``previous`` ('5' → '6', 'c' → 'd', 'd' → 'đ')?"""
    if previous is None:
        return False
    if previous.isdigit() and label.isdigit():
        return int(label) == int(previous) + 1
    if _roman_value(previous) and _roman_value(label):
        return _roman_value(label) == _roman_value(previous) + 1
    if previous in _LETTER_ORDER and label in _LETTER_ORDER:
        return _LETTER_ORDER.index(label) == _LETTER_ORDER.index(previous) + 1
    return False


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_value(label: str) -> int:
    """'IV' → 4; 0 when the label is not a Roman numeral."""
    if not label or any(c not in _ROMAN for c in label):
        return 0
    total = 0
    for i, c in enumerate(label):
        value = _ROMAN[c]
        total += -value if i + 1 < len(label) and _ROMAN[label[i + 1]] > value else value
    return total


# --- bodies named in text ------------------------------------------------------------------------


@cache
def _head_forms() -> frozenset[str]:
    """Body head words as written: those of the lexicon, and capitalised ("các sở" starts a sentence
    as "Các sở")."""
    forms = {form for form, _ in assignee_heads()}
    return frozenset(forms | {form[0].upper() + form[1:] for form in forms})


@cache
def _head_re() -> re.Pattern[str]:
    """Body head words ('UBND', 'Sở', 'các cơ quan'…), not when they start a non-body phrase."""
    excluded = grouped([re.escape(p) for p in non_bodies()])
    heads = grouped([re.escape(form) for form in sorted(_head_forms(), key=len, reverse=True)])
    return re.compile(rf"(?!(?:{excluded})(?!\w))(?:{heads})(?!\w)")


@cache
def _head_openings() -> frozenset[str]:
    """The first two characters of the head words: ``_head_re`` matches nowhere else (each word has
    two characters or more)."""
    assert min(map(len, _head_forms())) >= 2
    return frozenset(form[:2] for form in _head_forms())


# what must follow a verb or a word: a space, punctuation or the end; a verb followed by 'số' or a
# number is part of a name ('Ban Quản lý dự án đầu tư xây dựng số 1')
_WORD_END = r"(?=[\s,.;:)]|$)"
_VERB_END = rf"{_WORD_END}(?! số\b| \d)"


def _by_first_letter(groups: list[tuple[tuple[str, ...], str]]) -> str:
    """A regex alternation of groups of words, each word followed by its group's ending, tried in
    the groups' order, written as one branch per first letter: 'c(?:verbs in c|stops in c)|t(?:…)'.
    At a place, only the words of its letter can match, in the same order; the regex engine tests one
    letter per branch instead of entering every group's tree."""
    letters: dict[str, list[str]] = {}
    for words, ending in groups:
        rests: dict[str, list[str]] = {}
        for word in words:
            rests.setdefault(word[0], []).append(re.escape(word[1:]))
        for letter, alternatives in rests.items():
            letters.setdefault(letter, []).append(f"(?:{grouped(alternatives)}){ending}")
    return "|".join(f"{re.escape(letter)}(?:{'|'.join(alts)})" for letter, alts in letters.items())


def _verbs() -> tuple[str, ...]:
    """The task verbs, longest first (a longer one wins where both match)."""
    return tuple(sorted(task_verbs(), key=len, reverse=True))


@cache
def _verb_re() -> re.Pattern[str]:
    """What ends a body's name: a lower-case verb (' chỉ đạo', ' tăng cường'), a stop word
    (' theo', ' trong tháng'), a narrative word (' đã', ' trân trọng'), or a cue of two words or
    more that starts a sentence run into the name ('… các trường phổ thông | Đề nghị …')."""
    cues = tuple(c[0].upper() + c[1:] for c, role in assignment_cues() if " " in c and role == "lead")
    groups = [(_verbs(), _VERB_END), (_stops(), _WORD_END), (narrative_words(), _WORD_END), (cues, _WORD_END)]
    return re.compile(f" (?:{_by_first_letter(groups)})")


@cache
def _order_re() -> re.Pattern[str]:
    """What may follow a body that is told to act: a verb or a stop word, not a narrative word."""
    return re.compile(f" (?:{_by_first_letter([(_verbs(), _VERB_END), (_stops(), _WORD_END)])})")


def _stops() -> tuple[str, ...]:
    """Stop words and recurrences ('báo cáo UBND tỉnh | hằng năm')."""
    return (*body_stops(), *(phrase for phrase, _ in recurrences()))


# where a list of bodies stops: a colon, semicolon, bracket, full stop, or "- " + lower case
# what ends a phrase of bodies: punctuation, or a dash before a lower-case word ("Ban X - thực hiện")
# but for the compound "… chính trị - xã hội", "kinh tế - xã hội"
_STOP_MARKS = ":;()\n"  # marks that end a phrase of bodies wherever they stand
_STOP_DASH_RE = re.compile(rf" - (?=[{LOWER}])(?!xã hội\b)")


def _phrase_stop(key: str, pos: int, end: int) -> int:
    """Where a phrase of bodies stops in key[pos:end] (-1: nowhere): a colon, semicolon, bracket or
    line break, a full stop before a space, a '/' or ``end``, or a dash before a lower-case word.
    The marks are found by a str.find each (C speed; a regex class would be tested at each place),
    and the dash before the first of them."""
    cut = end
    for mark in _STOP_MARKS:
        found = key.find(mark, pos, cut)
        if found >= 0:
            cut = found
    dot = key.find(".", pos, cut)
    while dot >= 0 and dot + 1 < end and not key[dot + 1].isspace() and key[dot + 1] != "/":
        dot = key.find(".", dot + 1, cut)  # '1.5', 'U.B': no stop
    if dot >= 0:
        cut = dot
    # (its look-aheads read no further than the mark at ``cut``: a dash before a mark is no stop)
    dash = _STOP_DASH_RE.search(key, pos, cut)
    if dash is not None:
        return dash.start()
    return cut if cut < end else -1


def _starts_with_head(key: str, pos: int) -> int:
    """Length of the body head word(s) at ``pos`` (0 if none)."""
    if key[pos : pos + 2] not in _head_openings():
        return 0  # most places: a set look-up, not a regex call (exact: a head opens so)
    match = _head_re().match(key, pos)
    return match.end() - pos if match else 0


def _verb_at(key: str, pos: int) -> bool:
    """Is there a verb or stop word (not a narrative word: 'Văn phòng Bộ | đã tổ chức') at ``pos``,
    after a space?"""
    return _order_re().match(key, pos - 1) is not None


_MAX_LIST_SPACES = 40  # the words a list of bodies may take


# the words a list's margin may take: a stop phrase that begins inside the list can end it
_LIST_REACH_RE = re.compile(rf"(?:[^ ]*+ ){{{_MAX_LIST_SPACES + 12}}}")
_SHORT_REACH = 400  # characters: a range this short has its spaces counted, not matched


def _within_words(key: str, pos: int, end: int) -> int:
    """``end``, or the place just after the ``_MAX_LIST_SPACES + 12``-th space from ``pos`` when
    that comes first: what lies further cannot change a list that long, and a run-on sentence is not
    read to its end for each body it names. One regex match, not a ``str.find`` per space."""
    if end - pos <= _SHORT_REACH and key.count(" ", pos, end) < _MAX_LIST_SPACES + 12:
        return end  # a short range (most): one count instead of the regex, read at most this far
    reach = _LIST_REACH_RE.match(key, pos, end)
    return end if reach is None else reach.end()


def bodies_at(key: str, pos: int, end: int) -> list[tuple[int, int]]:
    """Spans of the bodies listed at ``pos`` ('Sở A, Sở B và UBND các huyện'), up to the verb."""
    first = _head_span(key, pos)
    if not first:
        return []
    end = _within_words(key, pos, end)  # a longer list is no list of bodies
    stop = end
    found = _phrase_stop(key, pos, end)
    if found >= 0 and key[found] == ":" and _shared_head(key, found):
        # a head shared by a list: "các Sở: Tài chính, Kế hoạch và Đầu tư", "Giám đốc các sở: Tư pháp, …"
        found = _phrase_stop(key, found + 1, end)
    while found >= 0 and (acronym := _ACRONYM_BRACKET_RE.match(key, found, end)):
        found = _phrase_stop(key, acronym.end(), end)  # "… Việt Nam (VCCI)" is part of it
    if found >= 0:
        stop = found
    verb = _verb_re().search(key, pos + first, stop)  # not in the head itself
    while verb is not None and _begins_head(key, verb.start() + 1):
        verb = _verb_re().search(key, verb.end(), stop)  # "…, tổ chức chính trị - xã hội": a name
    if verb is not None:
        stop = verb.start()
    if key.count(" ", pos, stop) > _MAX_LIST_SPACES:
        return []
    phrase_end = stop
    while phrase_end > pos and key[phrase_end - 1] in " ,":
        phrase_end -= 1
    if key.endswith(_CONJUNCTIONS, pos, phrase_end):  # "Ban quản lý … biển hoặc": cut ",? hoặc"
        phrase_end = key.rindex(" ", pos, phrase_end)
        if phrase_end > pos and key[phrase_end - 1] == ",":
            phrase_end -= 1
    if phrase_end <= pos:
        return []
    # split at ", " / " và " / " với " / "; " when a new body starts there
    spans: list[tuple[int, int]] = []
    cut = pos
    protected = cut + first  # "các sở, ban, ngành" is one head
    sep = _SEPARATOR_RE.search(key, pos, phrase_end)  # most lists name one body: no iterator to make
    while sep is not None:
        if sep.start() >= protected:
            head = _starts_with_head(key, sep.end())
            if head and not _is_bare_group(key, sep.end(), head, phrase_end):
                spans.append((cut, sep.start()))
                cut = sep.end()
                protected = cut + _head_span(key, cut)
        sep = _SEPARATOR_RE.search(key, sep.end(), phrase_end)
    spans.append((cut, phrase_end))
    return [(a, b) for a, b in spans if b > a]


def _begins_head(key: str, at: int) -> bool:
    """Does a body's head begin at ``at``, or with the 'các' just before it ('các | tổ chức, cá nhân')?"""
    if _starts_with_head(key, at):
        return True
    return key.endswith("các ", 0, at) and bool(_starts_with_head(key, at - 4))


def _shared_head(key: str, colon: int) -> bool:
    """Does a group's head stand right before a colon ('các Sở:', 'Giám đốc các sở:', 'UBND các
    tỉnh:'), so that the names after it complete the head ('… Tư pháp, Nông nghiệp và Môi trường')?"""
    return _group_end_re().search(key, max(0, colon - 40), colon) is not None


@cache
def _group_end_re() -> re.Pattern[str]:
    groups = sorted((form for form, kind in assignee_heads() if kind == "group"), key=len, reverse=True)
    return re.compile("(?<!\\w)(?:" + "|".join(re.escape(g) for g in groups) + ")$")


_ACRONYM_BRACKET_RE = re.compile(rf"\([{UPPER}][{UPPER}0-9&\-]{{1,9}}\)")


def _head_span(key: str, pos: int) -> int:
    """Length of the head at ``pos`` with the heads it governs: "Thủ trưởng các cơ quan, đơn vị,
    địa phương", "Chủ tịch UBND các huyện, thị xã, thành phố" (a post, then a body, then its
    members, each a head of the list)."""
    if key[pos : pos + 2] not in _head_openings():
        return 0  # most places: a set look-up, not a regex call (exact: a head opens so)
    head = _head_re().match(key, pos)
    if head is None:
        return 0  # most places (as _starts_with_head, one call less)
    length = head.end() - pos
    while length and key.startswith(" ", pos + length):
        more = _starts_with_head(key, pos + length + 1)
        if not more:
            break
        length += 1 + more
    return length


def _is_bare_group(key: str, pos: int, head: int, end: int) -> bool:
    """Is the head at ``pos`` a lower-case group word that ends the list ("Sở, ban, | ngành")?"""
    after = pos + head
    if not key[pos].islower() or key.startswith(("các ", "những "), pos):
        return False
    return after >= end or key[after] in ",;" or key.startswith((" và ", " hoặc "), after)


_SEPARATOR_RE = re.compile(r", | và | với | hoặc |; ")
# a conjunction that ends a phrase (its test is ``str.endswith``: a regex anchored at the end would
# be tried at every place of the phrase)
_CONJUNCTIONS = (" và", " với", " hoặc")


@cache
def _cue_re() -> Prefiltered:
    """An assignment cue at the start of a clause: 'giao', 'đề nghị', 'phối hợp với'…"""
    cues = [cue for cue, _ in assignment_cues()]
    alternation = "|".join(re.escape(cue) for cue in cues)
    return Prefiltered(re.compile(rf"(?P<cue>{alternation}) (?!thông\b)"), tuple(cues))


@cache
def _scanners() -> tuple[Scanner, ...]:
    """The patterns extract_tasks looks for in lower case (found together: ``Context.scan_together``)."""
    return (
        *read_scanners(),
        _labelled_role_re(),
        _cue_re(),
        _chu_tri_re(),
        _duty_re(),
        _REPORT_RE,
        _REPORT_VIA_RE,
    )


@cache
def _assignment_scanners() -> tuple[Scanner, ...]:
    """The patterns by which a text names who acts, besides the bodies that open it or a clause."""
    return (_labelled_role_re(), _cue_re(), _chu_tri_re(), _duty_re())


@cache
def _cue_roles() -> dict[str, str]:
    return dict(assignment_cues())


def _clause_cues(ctx: Context, start: int, end: int, *, purposes: bool = False) -> list[tuple[str, int, int]]:
    """(role, start, position after the cue) of assignment cues that begin a clause in [start, end);
    with ``purposes``, also 'để' before the bodies a purpose asks ('lead-purpose')."""
    found = ctx.hits(_cue_re(), start, end, lower=True)
    if not found:
        return []
    roles = _cue_roles()
    reported = task_cue_context()["reported"]
    lower = ctx.nt.lower
    cues = []
    for m in found:
        cue_start = m.start()
        if cue_start > 0 and lower[cue_start - 1] not in " ,;:(\n":
            continue
        cue_end = m.end()
        before = lower[max(start, cue_start - 16) : cue_start].split()
        if (
            (before and before[-1] in reported)
            or (len(before) > 1 and f"{before[-2]} {before[-1]}" in reported)
            or lower.startswith("của ", cue_end)
        ):
            continue
        role = roles[m.group("cue")]
        if role == "lead-opening":
            if cue_start != start:
                continue  # "UBND các huyện chỉ đạo các xã …": the body named first acts
            role = "lead"
        if role == "lead-purpose" and not purposes:
            continue
        cues.append((role, cue_start, cue_end))
    return cues


def _assignees(
    ctx: Context,
    start: int,
    end: int,
    *,
    opening: int | None,
    heading: bool = True,
    explicit: bool = False,
) -> list[Assignee]:
    """Lead and coordinating bodies named in key[start:end].

    With ``opening``, a body that starts the text (up to ``opening``: the item's own first
    paragraph) is a lead: "UBND các huyện chỉ đạo …", "Đối với Sở Y tế: …", and with ``heading``
    (list items, not prose) a body alone: "3. Sở Tư pháp".
    """
    key = ctx.nt.flat
    result: list[Assignee] = []
    seen: set[str] = set()
    if opening is not None:
        spans = _opening_bodies(ctx, start, opening, heading=heading, explicit=explicit)
        if spans:
            _add(ctx, result, seen, spans, "lead", end)
        # (all named so far are leads)
        if not explicit and not result:
            spans = _after_fronted_clause(ctx, start, opening)
            if spans:
                _add(ctx, result, seen, spans, "lead", end)
            if heading and not result and (spans := _after_dash(key, start, opening)):
                _add(ctx, result, seen, spans, "lead", end)
    # most texts have no cue, role label, 'chủ trì' or duty: one look-up skips the four searches
    cued = ctx.any_hit(_assignment_scanners(), start, end, lower=True)
    if cued:
        _add_labelled(ctx, result, seen, start, end)
    if opening is not None and not explicit:
        _add_clause_openers(ctx, result, seen, start, end)
    if cued:
        _add_cued(ctx, result, seen, start, end, opening=opening, heading=heading, explicit=explicit)
    if len(result) > 1:  # a body named twice keeps its first role; leads come first
        result.sort(key=_leads_first)
    return result


def _add(
    ctx: Context, result: list[Assignee], seen: set[str], spans: list[tuple[int, int]], role: str, end: int
) -> None:
    """Append to ``result`` the bodies named in ``spans`` (up to ``end``) with ``role``, but those in
    ``seen``."""
    for name, a, b in _named(ctx.nt.flat, ctx.nt.text, spans, end):
        if name not in seen:
            seen.add(name)
            result.append(_assignee(name, role, ctx.source(a, b)))


def _assignee(name: str, role: str, source: Source | None) -> Assignee:
    """The Assignee ``Assignee(name=name, role=role, source=source)`` makes, built from a dict."""
    return _validate_assignee({"name": name, "role": role, "source": source})


def _add_labelled(ctx: Context, result: list[Assignee], seen: set[str], start: int, end: int) -> None:
    """Add the bodies a role label names ("Đơn vị phối hợp: Sở Nội vụ.")."""
    key = ctx.nt.flat
    for label in ctx.hits(_labelled_role_re(), start, end, lower=True):
        role = label.lastgroup
        if role in ("lead", "coordinate"):
            spans = bodies_at(key, label.end(), end) or _listed_names(key, label.end(), end)
            if spans:
                _add(ctx, result, seen, spans, role, end)


def _add_clause_openers(ctx: Context, result: list[Assignee], seen: set[str], start: int, end: int) -> None:
    """Add the bodies that open a clause inside the text and act ("…; Ban Quản lý dự án hoàn thành …")."""
    key = ctx.nt.flat
    dot = key.find(". ", start, end)
    semicolon = key.find("; ", start, end if dot < 0 else dot)
    if dot < 0 and semicolon < 0:
        return  # most texts are one clause: two str.find, not a regex scan (a clause starts so)
    # the first clause starts at the first of them or later: the regex reads from there
    clause = _CLAUSE_START_RE.search(key, dot if semicolon < 0 else semicolon, end)  # no iterator to make
    while clause is not None:
        if not _role_label_re().match(ctx.nt.lower, clause.end()):  # "Đơn vị phối hợp: …": read by its label
            spans = bodies_at(key, clause.end(), end)
            if spans and _verb_at(key, spans[-1][1] + 1):
                _add(ctx, result, seen, spans, "lead", end)
        clause = _CLAUSE_START_RE.search(key, clause.end(), end)


def _add_cued(
    ctx: Context,
    result: list[Assignee],
    seen: set[str],
    start: int,
    end: int,
    *,
    opening: int | None,
    heading: bool,
    explicit: bool,
) -> None:
    """Add the bodies that an assignment cue, 'chủ trì' or a duty clause names (in that order)."""
    key = ctx.nt.flat
    for role, cue_start, pos in _clause_cues(ctx, start, end, purposes=not heading and not explicit):
        if opening is not None and cue_start < opening < pos:
            continue  # the heading word of an item ('2. Yêu cầu'), not a cue
        # a body named in the item's first paragraph ends with it ("b) Giao Sở Tài chính" / "Chủ trì, …")
        limit = opening if opening is not None and pos < opening else end
        spans = bodies_at(key, pos, limit)
        if role == "lead-purpose":
            if not spans or not _verb_at(key, spans[-1][1] + 1):
                continue  # "… để các cơ quan, đơn vị biết": no work asked
            role = "lead"
        if spans:
            _add(ctx, result, seen, spans, role, end)
    # "…, Sở Tài chính chủ trì, phối hợp …" inside a sentence
    for match in ctx.hits(_chu_tri_re(), start, end, lower=True):
        head_end = match.start() - 1  # the space before 'chủ trì'
        if head_end < start:
            continue
        clause_start = max(key.rfind(", ", start, head_end), key.rfind("; ", start, head_end))
        clause_start = start if clause_start < 0 else clause_start + 2
        spans = bodies_at(key, clause_start, head_end + 1)
        if spans and spans[-1][1] >= head_end - 1:
            _add(ctx, result, seen, spans, "lead", end)
    for part in _executors(ctx, start, end):
        _add(ctx, result, seen, [part], "lead", end)


def _leads_first(assignee: Assignee) -> tuple[int, int]:
    """Sort key: leads first, then by place in the text."""
    return (0 if assignee.role == "lead" else 1, assignee.source.start if assignee.source else 0)


def _named(key: str, text: str, spans: list[tuple[int, int]], end: int) -> list[tuple[str, int, int]]:
    """The names in ``spans`` with their spans, a generic one replaced by the members it lists ("các
    cơ quan có liên quan … (gồm: Văn phòng UBND tỉnh, Sở …)").

    A module function, not a recursive closure in _assignees: that closure would be a reference
    cycle holding the whole parse context until the garbage collector runs. A list, not a generator:
    the compiled build makes a generator object at each call."""
    names: list[tuple[str, int, int]] = []
    for a, b in spans:
        name = squash(text[a:b], " ,")
        if name and is_generic(name) and (members := _members(key, b, end)):
            names.extend(_named(key, text, members, end))
        elif name:
            names.append((name, a, b))
    return names


def _opening_bodies(
    ctx: Context, start: int, opening: int, *, heading: bool, explicit: bool = False
) -> list[tuple[int, int]]:
    """The bodies that open a paragraph and are told to act: "UBND các huyện chỉ đạo …", "Đối với
    Sở Y tế: …" (subject_prefixes.txt), with ``heading`` a body alone ("3. Sở Tư pháp"); with
    ``explicit`` only a body that is charged in so many words ("Sở X chủ trì …", "… có trách
    nhiệm …")."""
    key = ctx.nt.flat
    pos = start
    # most paragraphs open with a letter no prefix opens with: a set look-up, not a str.startswith
    # of a tuple (a method call in the compiled build)
    if not explicit and key[pos : pos + 1] in _subject_initials():
        prefixes = _subject_prefixes()
        if key.startswith(prefixes, pos):  # which one: the longest that fits
            pos += len(next(p for p in prefixes if key.startswith(p, pos)))
    spans = bodies_at(key, pos, opening)
    if topical := _after_topic(key, start, opening):
        return topical  # "Thanh tra khoa học và công nghệ: Ủy ban nhân dân các huyện … chỉ đạo …"
    if not spans:
        return []
    last = spans[-1][1]
    bracket = _BRACKET_RE.match(key, last, opening)  # "Văn phòng UBND tỉnh (Trung tâm …):"
    if bracket is not None:
        last = bracket.end()
    tail = key[last:opening]
    if explicit:
        return spans if _own_verbs_re().match(tail) else []
    if pos == start and _clause_cues(ctx, last, min(opening, last + 16)):
        return []  # "Chủ tịch UBND tỉnh giao Sở X …": the body that starts the sentence assigns
    if (
        pos != start
        or _own_verbs_re().match(tail)
        or (heading and tail.lstrip(" ,")[:1] in (":", ""))
        or (tail[:1] == " " and _verb_at(key, last + 1))
    ):
        return spans
    return []


@cache
def _subject_prefixes() -> tuple[str, ...]:
    """subject_prefixes.txt with the space after each ('Đối với '), longest first."""
    return tuple(p + " " for p in subject_prefixes())


@cache
def _subject_initials() -> frozenset[str]:
    """The first letters of ``_subject_prefixes``."""
    return frozenset(p[0] for p in _subject_prefixes())


_BRACKET_RE = re.compile(r"\s*\([^()]{1,120}\)")
_MEMBERS_REACH = 160  # the characters between a name and the bracket that spells it out
_MEMBERS_RE = re.compile(rf"[^.;]{{0,{_MEMBERS_REACH}}}?\(gồm:?\s*")


def _members(key: str, pos: int, end: int) -> list[tuple[int, int]]:
    """The bodies an unspecific name is spelled out as, later in its sentence: "(gồm: A, B, C)"."""
    if key.find("(gồm", pos, min(end, pos + _MEMBERS_REACH + 4)) < 0:
        return []  # most names: the bracket is not within reach (a str.find, not the lazy regex)
    found = _MEMBERS_RE.match(key, pos, end)
    return bodies_at(key, found.end(), end) if found else []


_TOPIC_LENGTH = 80  # the characters a topic before its colon may take
# greedy: no ':' before the one it ends at, so the same match
_TOPIC_RE = re.compile(rf"[^:.;]{{2,{_TOPIC_LENGTH}}}: ")


def _after_topic(key: str, start: int, opening: int) -> list[tuple[int, int]]:
    """A topic, a colon, then the body that acts: "Tiêu chuẩn - đo lường - chất lượng: Ủy ban nhân
    dân huyện, thị xã thực hiện …"."""
    if key.find(": ", start + 2, min(opening, start + _TOPIC_LENGTH + 2)) < 0:
        return []  # no colon where _TOPIC_RE could end (most paragraphs): a str.find, not the regex
    topic = _TOPIC_RE.match(key, start, opening)
    if topic is None or len(topic.group(0).split()) > 12:
        return []
    spans = bodies_at(key, topic.end(), opening)
    if spans and _verb_at(key, spans[-1][1] + 1):
        return spans
    return []


@cache
def _duty_re() -> Prefiltered:
    duties = executor_clauses()["duty"]
    return Prefiltered(re.compile("|".join(re.escape(d) for d in duties)), duties)


@cache
def _label_re() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in executor_clauses()["label"])
    return re.compile(rf"(?:{labels})\s*:")


_PIECE_RE = re.compile(r"[^;]+")


def _executors(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """Bodies listed before '… chịu trách nhiệm thi hành Quyết định này', one span each."""
    lower = ctx.nt.lower
    parts: list[tuple[int, int]] = []
    for duty in ctx.hits(_duty_re(), start, end, lower=True):
        sentence = max(lower.rfind(". ", start, duty.start()), start - 2) + 2
        label = None
        if lower.find(":", sentence, duty.start()) >= 0:  # (a label ends with its colon: else no search)
            label = _label_re().search(lower, sentence, duty.start())
        list_start = label.end() if label else sentence
        for piece in _PIECE_RE.finditer(lower[list_start : duty.start()]):
            a, b = ctx.trimmed(list_start + piece.start(), list_start + piece.end(), " ,;:")
            head = _head_re().search(ctx.nt.flat, a, b)  # "Tổ chức thực hiện | Chánh Văn phòng …"
            if head is not None:
                a = head.start()
            if b > a:
                parts.extend(bodies_at(ctx.nt.flat, a, b) or [(a, b)])
    return parts


_LISTED_NAME_RE = re.compile(rf"[{UPPER}][^,;.\n]*?(?=,\s|\svà\s|[;.\n]|$)")


def _listed_names(key: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names a role label lists when no known head starts them ('Cơ quan chủ trì: Nhà Văn hóa
    tỉnh, Đoàn Nghệ thuật.'): capitalised phrases up to the end of the line or sentence."""
    stop = min((i for i in (key.find(".", start, end), key.find(";", start, end)) if i >= 0), default=end)
    return [m.span() for m in _LISTED_NAME_RE.finditer(key, start, stop)]


@cache
def _role_label_re() -> re.Pattern[str]:
    """A labelled line under an item, at the start of a lower-case text ('đơn vị chủ trì: ')."""
    labels = "|".join(re.escape(label) for label, _ in role_labels())
    return re.compile(rf"(?:{labels})\s*:")


@cache
def _labelled_role_re() -> Prefiltered:
    """A role label and its colon where a line or sentence starts, the role as the group's name."""
    groups = []
    for role in ("lead", "coordinate", "time"):
        labels = "|".join(re.escape(label) for label, kind in role_labels() if kind == role)
        groups.append(f"(?P<{role}>(?:{labels})\\s*:\\s*)")
    pattern = r"(?:^|(?<=\n)|(?<=[.;:] )|(?<=^ ))(?:" + "|".join(groups) + ")"
    return Prefiltered(
        re.compile(pattern), tuple({" ".join(label.split()[:2]) for label, _ in role_labels()})
    )


_CLAUSE_START_RE = re.compile(rf"[;.] (?=[{UPPER}])")  # a new clause or sentence inside an item
_FRONTED = ("Căn cứ", "Trên cơ sở", "Để", "Sau khi", "Khi", "Trong quá trình", "Nhằm")
_FRONTED_RE = re.compile(rf"(?:{'|'.join(map(re.escape, _FRONTED))})\b")
_FRONTED_OPENINGS = frozenset(word[:2] for word in _FRONTED)  # each word has two letters or more


def _after_fronted_clause(ctx: Context, start: int, opening: int) -> list[tuple[int, int]]:
    """'Căn cứ nội dung Kế hoạch này, các sở, ban, ngành, UBND các xã … xây dựng …': the bodies
    that follow an opening clause and come before a verb."""
    key = ctx.nt.flat
    # (most paragraphs open with none of the words: their first two letters in a set, then
    # str.startswith, then the regex for the word's end)
    if (
        start + 2 > opening
        or key[start : start + 2] not in _FRONTED_OPENINGS
        or not key.startswith(_FRONTED, start, opening)
        or not _FRONTED_RE.match(key, start, opening)
    ):
        return []
    comma = key.find(", ", start, opening)
    while comma >= 0:
        spans = bodies_at(key, comma + 2, opening)
        if spans and _verb_at(key, spans[-1][1] + 1) and not _inside_list(key, start, comma, opening):
            return spans
        comma = key.find(", ", comma + 2, opening)
    return []


def _inside_list(key: str, start: int, comma: int, end: int) -> bool:
    """Is the comma one of a list of bodies that began before it ('Sau khi nghe lãnh đạo Sở A, Ban B
    và các sở, ngành báo cáo …')?"""
    heads = list(_head_re().finditer(key, start, comma))
    if not heads:
        return False
    spans = bodies_at(key, heads[-1].start(), end)
    return bool(spans) and spans[-1][1] > comma


_ROLE_RE = re.compile(rf"(?:\d{{1,3}} )?[{UPPER}][^:;,.()\d]{{0,40}}?(?=\s*:)")


def _role_before_colon(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """'Phó Hiệu trưởng: Ông … – Giám sát …', '22 GVCN: Chịu trách nhiệm …': in a list that gives
    out work, the post or team named before the colon (a few words, no verb, not a heading word
    such as 'Thời gian')."""
    key = ctx.nt.flat
    if key.find(":", start, end) < 0:
        return None  # no colon (_ROLE_RE ends before one): a str.find, not the lazy regex
    match = _ROLE_RE.match(key, start, end)
    if match is None or len(match.group(0).split()) > 5:
        return None
    role = fold_tones(match.group(0).lower())
    if _heading_kind(role) is not None or _verb_re().search(f" {role} ") or _order_re().search(f" {role} "):
        return None
    return match.span()


_DASH_CLAUSE_RE = re.compile(r" [-–] ")


def _after_dash(key: str, start: int, opening: int) -> list[tuple[int, int]]:
    """'Phân tích đề thi … – Trường THPT X thực hiện': the body after a dash that acts."""
    if key.find(" - ", start, opening) < 0 and key.find(" – ", start, opening) < 0:
        return []  # most have none: two str.find, not a regex scan (the regex's two matches)
    dash = _DASH_CLAUSE_RE.search(key, start, opening)  # no iterator to make
    while dash is not None:
        spans = bodies_at(key, dash.end(), opening)
        if spans and _verb_at(key, spans[-1][1] + 1):
            return spans
        dash = _DASH_CLAUSE_RE.search(key, dash.end(), opening)
    return []


def _report_to(ctx: Context, start: int, end: int) -> list[str]:
    """The bodies a text asks to be reported to ('báo cáo UBND tỉnh', 'gửi … về Sở Nội vụ')."""
    if not ctx.any_hit(_REPORT_SCANNERS, start, end, lower=True):
        return []  # most texts ask for no report: one look-up, not two
    key = ctx.nt.flat
    found: list[str] = []
    matches = [
        *ctx.hits(_REPORT_RE, start, end, lower=True),
        *ctx.hits(_REPORT_VIA_RE, start, end, lower=True),
    ]
    for match in matches:
        spans = bodies_at(key, match.end(), end) or _acronym_body(key, match.end(), end)
        for a, b in spans:
            name = squash(ctx.nt.text[a:b], " ,")
            if name and name not in found:
                found.append(name)
    return found


_ACRONYM_BODY_RE = re.compile(rf"[{UPPER}]{{2,}}(?: [{UPPER}][{LOWER}]*)*")


def _acronym_body(key: str, pos: int, end: int) -> list[tuple[int, int]]:
    """A body named by an acronym the lexicon does not know: 'báo cáo về CĐGD Việt Nam'."""
    match = _ACRONYM_BODY_RE.match(key, pos, end)
    return [match.span()] if match else []


def _is_restatement(text: str) -> bool:
    lower = text.lower()
    return any(phrase in lower for phrase in restatements())


_BARE_DUTY_RE = re.compile(r"^\s*(?:nghiêm túc\s+)?(?:tổ chức\s+)?(?:triển khai\s+)?thực hiện\W*$")


def _only_restates(ctx: Context, assignees: list[Assignee], end: int) -> bool:
    """Does the sentence only repeat the request ('… thực hiện tốt các nội dung trên', '… nghiêm
    túc tổ chức thực hiện./.')? The action after the last body is read, not the whole sentence."""
    ends = [a.source.end for a in assignees if a.source is not None]
    if not ends:
        return False
    action = ctx.nt.lower[max(ends) : end]
    words = action.split(None, 10)  # the first ten words, not all of a long sentence
    return bool(_BARE_DUTY_RE.match(action)) or _is_restatement(" ".join(words[:10]))


# --- building the tree ---------------------------------------------------------------------------


def extract_tasks(ctx: Context, issuer: Agency | None, addressees: list[Addressee]) -> list[Task]:
    """Numbered items as a tree (with inherited assignees) followed by prose tasks.

    Items that name no body of their own inherit the bodies of the sentence that introduces the
    list; when that sentence names none (or only the writer itself), a letter's requests go to its
    addressees ('Kính gửi').
    """
    ctx.scan_together(_scanners(), lower=True)
    roots, prose, preambles = _tree(ctx, _before_annex(_paragraphs(ctx, ctx.zones.body)))
    if ctx.zones.attachment:  # a plan printed after the signature: a list of its own
        more = _tree(ctx, _before_annex(_paragraphs(ctx, ctx.zones.attachment)))
        roots, prose, preambles = roots + more[0], prose + more[1], preambles | more[2]
    addressed = [_assignee(a.name, "lead", a.source) for a in addressees]
    preamble_assignees = {
        node_id: _resolve_generic(
            _not_the_writer(_assignees(ctx, p.start, p.end, opening=None), issuer), addressed
        )
        for node_id, p in preambles.items()
    }
    tasks: list[Task] = []
    used = _Ids()
    inherited: list[Assignee] = []
    introduced_style: str | None = None
    roots = _select(ctx, roots)
    roots = _roots_kept(roots, preambles, preamble_assignees, prose)
    roots = _without_rules(ctx, roots, preambles, preamble_assignees)
    _number_bullets(roots)
    for root in roots:
        if id(root) in preamble_assignees:
            inherited = preamble_assignees[id(root)]
            introduced_style = root.style
        elif root.style != introduced_style:  # a list of another kind is not the one introduced
            inherited, introduced_style = [], None
        tasks.append(_to_task(ctx, root, "", inherited, used, addressed))
    introducing = {id(preambles[id(r)]) for r in roots if id(r) in preambles}
    prose.sort(key=lambda p: p.start)
    _closing_deadlines(ctx, roots, tasks, prose, preamble_assignees)
    prose_paras = [p for p in prose if id(p) not in introducing]
    return tasks + _prose_tasks(ctx, prose_paras, used, issuer, addressed)


def _tree(ctx: Context, paras: list[_Para]) -> tuple[list[_Node], list[_Para], dict[int, _Para]]:
    """Paragraphs as a tree of list items, the paragraphs outside any list, and the paragraph that
    introduces each list (by id of its first root item)."""
    roots: list[_Node] = []
    prose: list[_Para] = []
    preambles: dict[int, _Para] = {}  # id(root node) → introducing paragraph
    stack: list[_Node] = []
    last_prose: _Para | None = None
    # paragraphs that left an item: they belong to it when the list goes on after them
    # ("a)", "b)", a paragraph, "c)"), else they are prose
    pending: list[_Para] = []
    left: list[_Node] = []
    for para in paras:
        if para.style is not None:
            if pending:
                if _continues(left, para):
                    stack = left
                    while len(stack) > 1 and stack[-1].style.startswith("bullet"):
                        stack.pop()  # a paragraph after dash lines goes back to their item
                    stack[-1].extra.extend(pending)
                else:
                    prose.extend(pending)
                    last_prose = pending[-1]
                pending, left = [], []
            node = _Node(para, para.style, _kind(para.style), para.label or "")
            for level, open_node in enumerate(stack):
                if open_node.style == para.style:  # a sibling of an open item: close everything below it
                    del stack[level:]
                    break
            # "2." after a dash list (item 1 was Word's automatic number): sections, articles and
            # numbered items never sit under dashes, letters or a lower level of numbering
            rank = _LEVELS.get(para.style)
            while rank is not None and stack and _LEVELS.get(stack[-1].style, len(_LEVELS)) >= rank:
                stack.pop()
            if stack:
                stack[-1].children.append(node)
            else:
                roots.append(node)
                if last_prose is not None and last_prose.text.rstrip().endswith(":"):
                    preambles[id(node)] = last_prose
            stack.append(node)
            last_prose = None  # only the paragraph right before a list introduces it
            continue
        if stack and _belongs_to_item(stack[-1], para, ctx):
            stack[-1].extra.append(para)
            continue
        if stack or pending:
            left = left or stack
            stack = []
            pending.append(para)
            continue
        prose.append(para)
        last_prose = para
    prose.extend(pending)
    return roots, prose, preambles


def _closing_deadlines(
    ctx: Context,
    roots: list[_Node],
    tasks: list[Task],
    prose: list[_Para],
    preamble_assignees: dict[int, list[Assignee]],
) -> None:
    """A deadline in the paragraph right after a list that asks the same bodies again ('Đề nghị
    Văn phòng UBND tỉnh, Sở Tư pháp … gửi về Sở Nội vụ chậm nhất ngày 27/8/2025') or restates the
    list ('… thực hiện các nội dung trên trước ngày …') is the deadline of every item that has none."""
    starts = [p.start for p in prose]
    group: list[int] = []
    for i, root in enumerate(roots):
        if id(root) in preamble_assignees:
            group = []
        group.append(i)
        end = _node_end(_subtree(root)[-1])
        after = bisect_left(starts, end)
        if after == len(prose) or (i + 1 < len(roots) and roots[i + 1].para.start < prose[after].start):
            continue
        closing = prose[after]
        deadline = find_deadline(ctx, closing.start, closing.end)
        first = roots[group[0]]
        asked = {a.name for a in preamble_assignees.get(id(first), [])}
        named = {a.name for a in _assignees(ctx, closing.start, closing.end, opening=None)}
        if deadline is not None and ((asked and asked <= named) or _is_restatement(closing.text)):
            for j in group:
                if tasks[j].deadline is None:
                    tasks[j].deadline = deadline
        group = []


# --- which items are tasks ------------------------------------------------------------------------


def _roots_kept(
    roots: list[_Node],
    preambles: dict[int, _Para],
    preamble_assignees: dict[int, list[Assignee]],
    prose: list[_Para],
) -> list[_Node]:
    """Dash lines outside a numbered list are no list of tasks ('Thành phần: - Đồng chí …', the
    'Căn cứ' lines), unless a sentence that names who acts introduces them ('Giao Sở X: - …'):
    their sentences are read as prose."""
    kept: list[_Node] = []
    introduced = False
    for root in roots:
        bullet = root.style.startswith("bullet")
        if id(root) in preambles:
            introduced = any(a.role == "lead" for a in preamble_assignees[id(root)])
        elif not bullet:
            introduced = False
        if bullet and not introduced:
            prose.extend(p for node in _subtree(root) for p in (node.para, *node.extra))
        else:
            kept.append(root)
    return kept


def _without_rules(
    ctx: Context,
    roots: list[_Node],
    preambles: dict[int, _Para],
    preamble_assignees: dict[int, list[Assignee]],
) -> list[_Node]:
    """A list the writer introduces as guidance ('Sở … hướng dẫn một số nội dung như sau:', no body
    told to act) states rules as well as orders: an item that does not start with a verb, names no
    body and gives no order ('2. Học sinh được miễn học phí khi …') is no task."""
    kept: list[_Node] = []
    guidance = False
    for root in roots:
        if id(root) in preambles:
            words = task_cue_context().get("guidance", ())
            lower = fold_tones(preambles[id(root)].text.lower())
            leads = [a for a in preamble_assignees[id(root)] if a.role == "lead"]
            guidance = not leads and any(w in lower for w in words)
        if guidance and not (
            _starts_with_verb(root.para.text[root.para.body_start :])
            or _item_heading_kind(root.para.text[root.para.body_start :]) == "assign"
            or _names_a_body(ctx, root)
            or _gives_orders(ctx, root)
        ):
            continue
        kept.append(root)
    return kept


def _starts_with_verb(text: str) -> bool:
    """Does an item open with a verb ('Tổ chức …', 'Báo cáo …'), as an order does?"""
    head = fold_tones(text[:40].lower())
    return _order_re().match(" " + head) is not None


def _subtree(node: _Node) -> list[_Node]:
    nodes = [node]
    for child in node.children:
        nodes.extend(_subtree(child))
    return nodes


def _node_end(node: _Node) -> int:
    return node.extra[-1].end if node.extra else node.para.end


_HEADING_ENDS = ":.;("  # what ends the words that head an item
_SKIPPED_RE = re.compile(r"^(?:về|các)\s+")
# ',' or the word 'và' (written so that each alternative starts with a letter the engine looks for)
_HEADING_PARTS_RE = re.compile(r",|v(?<!\wv)à(?!\w)")
_WRITTEN_AND = tuple(v + a for v in "vV" for a in "àÀ")  # the word 'và' in any case


def _written_parts(head: str) -> list[str]:
    """A heading as written cut at each ',' and each 'và' (in any case) that is a word of its own, as
    ``re.split(r"[,vV](?:(?<=,)|(?<!\\w[vV])[àÀ](?!\\w))", head)`` would, with str.find: a heading
    with no such 'và' (most) by str.split."""
    cuts: list[int] = []  # where each separator starts
    for written in _WRITTEN_AND:
        at = head.find(written)
        while at >= 0:
            if (at == 0 or not _is_word_char(head[at - 1])) and (
                at + 2 == len(head) or not _is_word_char(head[at + 2])
            ):
                cuts.append(at)
            at = head.find(written, at + 1)
    if not cuts:
        return head.split(",")
    at = head.find(",")
    while at >= 0:
        cuts.append(at)
        at = head.find(",", at + 1)
    cuts.sort()
    parts: list[str] = []
    previous = 0
    for at in cuts:
        parts.append(head[previous:at])
        previous = at + (1 if head[at] == "," else 2)
    parts.append(head[previous:])
    return parts


def _is_word_char(char: str) -> bool:
    """Is ``char`` one the regex class \\w matches (a letter, a digit or '_')?"""
    return char.isalnum() or char == "_"


def _heading(text: str) -> str:
    """The words that head an item, as written: up to its first ':' or '.', or its capitalised title
    ('LỊCH CHI TIẾT TỔ CHỨC …')."""
    # the first of the marks, by a str.find for each (C speed), not a regex class tested at each place
    cut = len(text)
    for mark in _HEADING_ENDS:
        found = text.find(mark, 0, cut)
        if found >= 0:
            cut = found
    head = text[:cut]
    first = head.split(None, 3)
    if len(first) > 2 and is_upper_text(first[0]):
        words = head.split()
        title = []
        for word in words:
            if not is_upper_text(word):
                break
            title.append(word)
        if 2 <= len(title) < len(words):
            head = " ".join(title)
    return head


@lru_cache(maxsize=4096)
def _item_heading_kind(text: str) -> str | None:
    """``_heading_kind`` of an item's heading folded lower case, reading only the first words of each
    of its parts (as ``_opens_with``): folding, lower case and squashed spaces keep the words and the
    separators where they are, so the parts come out the same, and a long heading is not folded."""
    head = _heading(text)
    res = _heading_res()
    assign = res["assign"]
    openings = _openings("assign")
    parts = _written_parts(head)
    first: str | None = None  # the first part's start, when read for the test below
    for index, part in enumerate(parts):
        # most parts open with letters no such words (nor 'về', 'các') open with: not read further
        if _may_open(part, _word_start(part), openings):
            start = _part_start(part)
            if assign.match(start):
                return "assign"
            if index == 0:
                first = start
    if len(head.split(None, 13)) > 12:
        return None
    if first is None:
        first = _part_start(parts[0])
    for kind in ("none", "weak"):
        if res[kind].match(first):
            return kind
    return None


def _word_start(part: str) -> int:
    """Where the first word of ``part`` starts (``len(part)`` when it has none), found without the
    copy ``part.lstrip()`` makes: a part opens with a space at most, as it follows ', ' or ' và'."""
    if not part[:1].isspace():
        return 0
    if not part[1:2].isspace():
        return 1
    return len(part) - len(part.lstrip())


@cache
def _openings(kind: str) -> frozenset[str]:
    """The first two letters of the heading words of ``kind`` and of the words skipped before them
    ('về', 'các')."""
    return frozenset(words[:2] for words in (*task_headings()[kind], *_SKIPPED_WORDS))


def _may_open(text: str, at: int, openings: frozenset[str]) -> bool:
    """Can text[at:] open with heading words whose ``_openings`` are ``openings`` (as ``_opens_with``
    reads it: folded lower case, after 'về', 'các')? Most texts cannot, told by their first two
    letters without folding them: fold_tones changes only an o or u and the letter after it ('oà' →
    'òa'), so two letters in lower case with neither and no space or mark between are read as folded;
    others are let through."""
    pair = text[at : at + 2].lower()
    return pair in openings or len(pair) != 2 or not pair[1].isalpha() or "o" in pair or "u" in pair


def _part_start(part: str) -> str:
    """The first words of a heading's part (as many as ``_opens_with`` reads), squashed, folded lower
    case, without 'về', 'các' (what _SKIPPED_RE drops from squashed text)."""
    size = _first_words()
    return _folded_start(" ".join(part.split(None, size)[:size]))


@lru_cache(maxsize=4096)
def _folded_start(words: str) -> str:
    """``words`` folded lower case, without a leading 'về', 'các' (kept: items open alike)."""
    start = fold_tones(words.lower())
    return start[start.index(" ") + 1 :] if start.startswith(_SKIPPED_WORDS) else start


_SKIPPED_WORDS = ("về ", "các ")  # what a heading's part may open with before its heading words


@cache
def _heading_res() -> dict[str, re.Pattern[str]]:
    return {
        kind: re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
        for kind, words in task_headings().items()
    }


@cache
def _effect_re() -> re.Pattern[str]:
    """The words by which an article says when the text takes effect, as whole words. The look-behind
    comes after each word's first letter ('c(?<!\\w.)ó hiệu lực': no word character before the 'c'),
    so that the regex engine skips to those letters instead of trying the words at every place."""
    words = task_headings()["effect"]
    return re.compile("|".join(rf"{re.escape(w[0])}(?<!\w.){re.escape(w[1:])}(?!\w)" for w in words))


@cache
def _effect_core() -> str:
    """The longest run of words that every effect phrase holds ('hiệu lực'): a text that holds a
    phrase holds it. fold_tones rewrites only an o or u and a toned a, e or y after it into letters
    none of these words has, so a folded text holds it only where the text did (tests say so)."""
    phrases = task_headings()["effect"]
    words = min(phrases, key=len).split()
    runs = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    return max((run for run in runs if all(run in phrase for phrase in phrases)), key=len, default="")


def _heading_kind(head: str) -> str | None:
    """'assign' when a part of the heading starts with words that give out work ('Kinh phí và tổ
    chức thực hiện'), else 'none' or 'weak' when it starts with such words and is a title (not a
    sentence), else None."""
    res = _heading_res()
    parts = [_SKIPPED_RE.sub("", part.strip()) for part in _HEADING_PARTS_RE.split(head)]
    if any(res["assign"].match(part) for part in parts):
        return "assign"
    first = parts[0] if parts else ""
    if len(head.split()) > 12:
        return None
    for kind in ("none", "weak"):
        if res[kind].match(first):
            return kind
    return None


def _opens_with(text: str, kind: str) -> bool:
    """Does ``text`` open with heading words of ``kind`` (after 'về', 'các')? Only its first words are
    read: as many as the longest heading words have, one more for 'về', and the spaces after them."""
    if not _may_open(text, 0, _openings(kind)):
        return False  # most texts (exact: see _may_open)
    first = _first_words_re().match(text)
    return _lead_opens_with(text[: first.end()] if first else text, kind)


@lru_cache(maxsize=4096)
def _lead_opens_with(lead: str, kind: str) -> bool:
    """_opens_with of a text's first words (kept: items open alike)."""
    return _heading_res()[kind].match(_SKIPPED_RE.sub("", fold_tones(lead.lower()))) is not None


@cache
def _first_words() -> int:
    """How many words of a text tell whether it opens with heading words: as many as the longest
    heading words have, one more for 'về', 'các'."""
    return 1 + max(len(words.split()) for kind in task_headings().values() for words in kind)


@cache
def _first_words_re() -> re.Pattern[str]:
    return re.compile(rf"\s*\S+(?:\s+\S+){{0,{_first_words() - 1}}}\s*")


def _select(ctx: Context, nodes: list[_Node], approved: bool = False, assigning: bool = False) -> list[_Node]:
    """The items that give out work.

    Sections that state aims, people, time, place, rules or money (and give no explicit order) are
    not tasks, nor the points of an article that approves or sets something up (unless their
    heading gives out work), nor items that only agree to something, nor an article that only says
    when the text takes effect. Under a heading that gives out work ('TỔ CHỨC THỰC HIỆN'), every
    item is kept but those that only agree.
    """
    kept: list[_Node] = []
    for node in nodes:
        own = node.para.text[node.para.body_start :]
        kind = _item_heading_kind(own)
        if approved and kind != "assign":
            continue
        if kind == "none" and not assigning:
            if not _gives_orders(ctx, node):
                continue
            for part in _subtree(node):  # attendees, a venue…: only its explicit orders name bodies
                part.explicit = True
        if kind == "weak" and not assigning and not (_names_a_body(ctx, node) or _lists_work(node)):
            continue
        if node.kind == "article":
            lowered = own[: _first_sentence_end(own)].lower()
            # without the words all those phrases share, no phrase: neither folded nor searched (exact:
            # fold_tones writes none of their letters, see _effect_core)
            if (
                _effect_core() in lowered
                and _effect_re().search(fold_tones(lowered))
                and not _gives_orders(ctx, node)
            ):
                continue
        elif _opens_with(own, "agree") and not _gives_orders(ctx, node):
            continue
        node.assigning = assigning
        approves = node.kind == "article" and _opens_with(own, "approve")
        node.children = _select(ctx, node.children, approves, assigning or kind == "assign")
        kept.append(node)
    return kept


def _gives_orders(ctx: Context, node: _Node) -> bool:
    """Does the item or one of its points give an explicit order ('giao Ban Dân tộc tỉnh thông
    báo', 'Sở X chủ trì', '… chịu trách nhiệm thi hành'), or a body act right after its heading
    ('Kinh phí: Sở Tài chính bố trí …')?"""
    for part in _subtree(node):
        start = part.para.start + part.para.body_start
        found = _assignees(ctx, start, _node_end(part), opening=part.para.end, explicit=True)
        if any(a.role == "lead" for a in found):
            return True
    key = ctx.nt.flat
    start = node.para.start + node.para.body_start
    colon = key.find(": ", start, node.para.end)
    if colon < 0:
        return False
    spans = bodies_at(key, colon + 2, node.para.end)
    return bool(spans) and _verb_at(key, spans[-1][1] + 1)


def _lists_work(node: _Node) -> bool:
    """Are the points of a section all work to do, each opening with a verb ('II. NỘI DUNG' / '1. Kiện
    toàn …', '2. Triển khai …'), rather than what is inspected or described?"""
    points = node.children
    return len(points) >= 2 and all(_starts_with_verb(p.para.text[p.para.body_start :]) for p in points)


def _names_a_body(ctx: Context, node: _Node) -> bool:
    """Does the item or one of its points name a body of its own?"""
    for part in _subtree(node):
        start = part.para.start + part.para.body_start
        if _assignees(ctx, start, _node_end(part), opening=part.para.end):
            return True
    return False


def _before_annex(paras: list[_Para]) -> list[_Para]:
    """The paragraphs before an annex ('PHỤ LỤC I', 'Phụ lục 2: DANH SÁCH …'): an annex's numbered
    rows (a table of schools, a programme, a form) are no tasks."""
    words = task_cue_context().get("annex", ())
    for i, para in enumerate(paras):
        if para.style is not None or para.text.rstrip()[-1:] in ".;" or len(para.text.split(None, 15)) > 14:
            continue
        lower = fold_tones(para.text.lower())
        if any(lower.startswith(w) and not lower[len(w) : len(w) + 1].isalpha() for w in words):
            return paras[:i]
    return paras


def _continues(left: list[_Node], para: _Para) -> bool:
    """Does a marker go on with a list that a paragraph interrupted ('b)' … a paragraph … 'c)')?"""
    return any(node.style == para.style and _follows(node.own_id, para.label or "") for node in left)


@cache
def _generic_res() -> dict[str, re.Pattern[str]]:
    """Names that point at no particular body: 'vague' ones ('các cơ quan, đơn vị'), 'partner' ones
    (those and classes: 'các sở, ngành, địa phương'), and 'related' ('… liên quan')."""
    words = generic_bodies()

    def alt(*kinds: str) -> str:
        return "|".join(re.escape(w) for kind in kinds for w in words[kind])

    lead = rf"^(?:(?:{alt('title')})\s+)?(?:(?:các|những|mọi|mỗi)\s+)?"
    sep = r"(?:\s*,\s*|\s+và\s+|\s+)(?:các\s+)?"
    vague, partner = alt("word"), alt("word", "class")
    return {
        "vague": re.compile(rf"{lead}(?:{vague})(?:{sep}(?:{vague}))*$"),
        "partner": re.compile(rf"{lead}(?:{partner})(?:{sep}(?:{partner}))*$"),
        "related": re.compile(rf"{lead}(?:{partner})(?!\w).*?(?<!\w)(?:{alt('related')})(?!\w)"),
    }


def is_generic(name: str, *, partner: bool = True) -> bool:
    """Does ``name`` point at no particular body ('các cơ quan, đơn vị liên quan', 'các đơn vị')?
    A class of bodies ('các sở, ban, ngành') is unspecific as a partner only."""
    return _is_generic_partner(name) if partner else _is_vague(name)


@lru_cache(maxsize=4096)
def _is_generic_partner(name: str) -> bool:
    """is_generic(name), kept by the name alone (the cache's cheapest key: no tuple, no keyword)."""
    return _generic_match(name, "partner")


@lru_cache(maxsize=4096)
def _is_vague(name: str) -> bool:
    """is_generic(name, partner=False), kept likewise."""
    return _generic_match(name, "vague")


def _generic_match(name: str, kind: str) -> bool:
    """Does ``name`` folded lower case match the generic names of ``kind`` or the 'related' ones?"""
    key = fold_tones(squash(name).lower()).strip(" ,.;:")
    res = _generic_res()
    return bool(res[kind].match(key) or res["related"].match(key))


def _resolve_generic(assignees: list[Assignee], fallback: list[Assignee]) -> list[Assignee]:
    """Unspecific partners are dropped; an unspecific body told to act ('Các cơ quan, đơn vị, địa
    phương phải công khai …') stands for ``fallback`` (the bodies the list was given to) when
    there are any."""
    result: list[Assignee] = []
    replaced = False
    # a generic body named beside particular ones ('Thủ trưởng các cơ quan, đơn vị, địa phương, các
    # Chủ đầu tư, …') is one of the list as printed (looked at only when one is)
    alone: bool | None = None
    for a in assignees:
        if not is_generic(a.name, partner=a.role != "lead"):
            result.append(a)
        elif a.role == "lead" and fallback:
            if alone is None:
                alone = all(is_generic(b.name, partner=False) for b in assignees if b.role == "lead")
            if alone:
                replaced = True
            else:
                result.append(a)
        elif a.role == "lead":
            result.append(a)
    if replaced:
        names = {a.name for a in result}
        result[:0] = [f for f in fallback if f.name not in names]
    return result


def _is_issuer(name: str, issuer: Agency | None) -> bool:
    """Does ``name`` ('UBND tỉnh', 'Bộ Giáo dục và Đào tạo') name the issuing body?"""
    if issuer is None or " " not in name.strip():
        return False
    own = fold_tones(issuer.name).lower()
    return own.startswith(fold_tones(expand_mixed(name)).lower())


def _not_the_writer(assignees: list[Assignee], issuer: Agency | None) -> list[Assignee]:
    """Drop the issuing body itself ('Thực hiện nhiệm vụ giao cho Sở Nội vụ, …' in its own letter)."""
    return [a for a in assignees if not _is_issuer(a.name, issuer)]


def _number_bullets(nodes: list[_Node]) -> None:
    """Bullets have no printed label: number them among their siblings ('-1', '-2' when numbered
    siblings already use '1', '2')."""
    count = 0
    mixed = any(not node.style.startswith("bullet") for node in nodes)
    for node in nodes:
        if node.style.startswith("bullet"):
            count += 1
            node.own_id = f"-{count}" if mixed else str(count)
        _number_bullets(node.children)


_LEVELS = {"article": 0, "roman": 1, "arabic": 2}  # outer list levels, outermost first


def _kind(style: str) -> str:
    if style == "roman":
        return "section"
    if style == "article":
        return "article"
    return "item"


def _is_heading(text: str) -> bool:
    """A short title line of an item ('Về cải cách thủ tục hành chính', 'Sở Tài chính')."""
    return bool(text) and text.rstrip()[-1:] not in ".;!?" and len(text.split(None, 16)) <= 15


def _belongs_to_item(node: _Node, para: _Para, ctx: Context) -> bool:
    """Does an unmarked paragraph continue the current item, or leave the list?"""
    text = para.text
    lead = text[:40]
    # (a label ends with its colon: a lead without one is not folded to be matched)
    if text[:1].islower() or (":" in lead and _role_label_re().match(fold_tones(lead.lower()))):
        return True  # a wrapped line, or "Đơn vị chủ trì: …", "Thời gian thực hiện: …" under the item
    own = (node.extra[-1] if node.extra else node.para).text.rstrip()
    heading = not node.extra and _is_heading(node.para.text[node.para.body_start :])
    if own.endswith(":") or heading or node.kind in ("section", "article"):
        return not _END_MARK_RE.search(text) or node.kind == "article"
    key = ctx.nt.flat[para.start : para.end]
    # a closing sentence, or a new instruction ("… đề nghị các đơn vị phản ánh …") leaves the list
    if (
        _END_MARK_RE.search(text)
        or _is_restatement(key)
        or any(role == "lead" for role, _, _ in _clause_cues(ctx, para.start, para.end))
    ):
        return False
    return not _starts_with_head(key, 0)


class _Ids:
    """The ids given so far: an id given again gets a prime ("1", "1'", "1''"); from the fourth time
    on, its count ("1'4"), so that thousands of items all labelled "1." get short ids in linear time."""

    def __init__(self) -> None:
        self.given: set[str] = set()
        self.times: dict[str, int] = {}
        self.prose = 0  # prose tasks numbered so far (P1, P2 …)

    def unique(self, base: str) -> str:
        count = self.times.get(base, 0)
        candidate = base
        while candidate in self.given:
            count += 1
            candidate = base + ("'" * count if count <= 3 else f"'{count}")
        self.times[base] = count
        self.given.add(candidate)
        return candidate


def _to_task(
    ctx: Context,
    node: _Node,
    parent_id: str,
    inherited: list[Assignee],
    used: _Ids,
    addressed: list[Assignee],
    around: list[Assignee] | None = None,
) -> Task:
    """The task of a list item; ``inherited`` are the bodies it acts for when it names none (the
    introducing sentence's, its heading's), ``around`` those of the item a dash line belongs to."""
    around = around or []
    para = node.para
    label = node.own_id
    if node.style == "dotted":
        label = label.split(".")[-1]
    task_id = f"Điều {label}" if node.kind == "article" else f"{parent_id}.{label}" if parent_id else label
    task_id = used.unique(task_id)
    text_start = para.start + para.body_start
    text_end = node.extra[-1].end if node.extra else para.end
    own_text = para.text[para.body_start :]
    full_text = " ".join([own_text, *(p.text for p in node.extra)])
    assignees = _assignees(ctx, text_start, text_end, opening=para.end, explicit=node.explicit)
    if node.extra and not node.explicit:
        _add_extra_openers(ctx, node.extra, assignees)
    if len(assignees) > 1:
        assignees.sort(key=_is_coordinate)
    if assignees:
        assignees = _resolve_generic(assignees, [a for a in inherited if a.role == "lead"] or addressed)
    if assignees and (around or inherited):
        above = [*around, *inherited]
        assignees = [a for a in assignees if not _refers_back(a.name, above)]
    has_lead = any(a.role == "lead" for a in assignees)
    if not has_lead and node.assigning and (role := _role_before_colon(ctx, text_start, para.end)):
        name = squash(ctx.nt.text[role[0] : role[1]])
        assignees.insert(0, _assignee(name, "lead", ctx.source(role[0], role[1])))
        has_lead = True
    is_inherited = False
    if not has_lead and node.kind != "section" and inherited:
        assignees = [*inherited, *assignees]
        is_inherited = True
    elif inherited and _directs(ctx, text_start):
        # "đề nghị UBND các tỉnh …: 1. Chỉ đạo Sở Y tế …": the body asked directs the one named
        names = {a.name for a in assignees}
        assignees = [*(a for a in inherited if a.role == "lead" and a.name not in names), *assignees]
    leads = [a for a in assignees if a.role == "lead"]
    handed = leads if is_inherited or node.kind == "item" else _introducing_leads(node, leads)
    deadline = labelled_deadline(ctx, text_start, text_end) or find_deadline(ctx, text_start, text_end)
    # a dash line is part of its item: it repeats none of the item's bodies, and its deadline is the
    # item's when the item states none
    children = [
        _to_task(
            ctx,
            child,
            task_id,
            [] if _is_dash(child) else handed or inherited,
            used,
            addressed,
            leads or around,
        )
        for child in node.children
    ]
    if children:
        _dedupe_dash_lines({a.name for a in assignees}, children)
        if deadline is None:
            deadline = next((d for child in children if (d := _dash_deadline(child)) is not None), None)
        points = [c for c in children if c.label not in ("-", "+")] if is_inherited else []
        if points and all(c.assignees and not c.assignees_inherited for c in points):
            # a heading over points that each name their body ('6. Phân công tổ chức thực hiện:')
            assignees, is_inherited = [a for a in assignees if a not in inherited], False
    return _validate_task(
        {
            "id": task_id,
            "label": _label(node),
            "text": squash(full_text),
            "kind": node.kind,
            "assignees": assignees,
            "assignees_inherited": is_inherited,
            "deadline": deadline,
            "report_to": _report_to(ctx, text_start, text_end),
            "subtasks": children,
            "source": ctx.source(para.start, text_end),
        }
    )


def _add_extra_openers(ctx: Context, extra: list[_Para], assignees: list[Assignee]) -> None:
    """Append the bodies that open an item's further paragraphs and act ("… Bộ GDĐT căn cứ …, bố
    trí …" below its first), but those ``assignees`` name already."""
    names = {a.name for a in assignees}
    for para in extra:
        if _role_label_re().match(ctx.nt.lower, para.start):
            continue  # "Đơn vị chủ trì: …": its bodies are read by their label
        for a, b in _opening_bodies(ctx, para.start, para.end, heading=False):
            name = squash(ctx.nt.text[a:b], " ,")
            if name and name not in names:
                names.add(name)
                assignees.append(_assignee(name, "lead", ctx.source(a, b)))


def _is_coordinate(assignee: Assignee) -> bool:
    """Sort key: leads first."""
    return assignee.role != "lead"


def _introducing_leads(node: _Node, leads: list[Assignee]) -> list[Assignee]:
    """The bodies a section hands down to its items: those of its heading, or of the paragraph that
    introduces the items ('… yêu cầu các sở, ban, ngành thực hiện các nhiệm vụ sau:'), not those of
    a paragraph that only exhorts ('… yêu cầu các sở, ban, ngành … nâng cao trách nhiệm …')."""
    first_end = node.para.end
    intro = node.extra[-1] if node.extra and node.extra[-1].text.rstrip().endswith(":") else None
    return [
        a
        for a in leads
        if a.source is None
        or a.source.start < first_end
        or (intro is not None and intro.start <= a.source.start < intro.end)
    ]


def _dedupe_dash_lines(seen: set[str], children: list[Task]) -> None:
    """A dash line names no body its item or an earlier dash line of it already names."""
    for child in children:
        if child.label not in ("-", "+"):
            continue
        child.assignees = [a for a in child.assignees if a.name not in seen]
        seen.update(a.name for a in child.assignees)
        _dedupe_dash_lines(seen, child.subtasks)


def _directs(ctx: Context, start: int) -> bool:
    """Does the item open with a cue by which its actor directs another body ('Chỉ đạo Sở …')?"""
    return ctx.nt.lower.startswith(_directing_cues(), start)


@cache
def _directing_cues() -> tuple[str, ...]:
    return tuple(cue + " " for cue, role in assignment_cues() if role == "lead-opening")


def _refers_back(name: str, bodies: list[Assignee]) -> bool:
    """Is ``name`` a head word alone ('Trung tâm', 'Sở') that points back at a body named in full
    above ('giao Trung tâm chủ trì …' under 'giao Trung tâm Xúc tiến Đầu tư …')?"""
    if not bodies:
        return False
    name = squash(name)
    if not name[:1].isupper() or _starts_with_head(fold_tones(name), 0) != len(name):
        return False
    return any(b.name != name and b.name.startswith(name + " ") for b in bodies)


def _is_dash(node: _Node) -> bool:
    return node.style.startswith("bullet")


def _label(node: _Node) -> str | None:
    """The label as printed; a bullet is '+' or '-' whatever its glyph ('•', '', 'o' …)."""
    if _is_dash(node):
        return "+" if node.style == "bullet+" else "-"
    return node.para.text[: node.para.body_start].strip() or None


def _dash_deadline(task: Task) -> Deadline | None:
    """The first deadline in a dash line or the dash lines under it."""
    if task.label not in ("-", "+"):
        return None
    if task.deadline is not None:
        return task.deadline
    return next((d for sub in task.subtasks if (d := _dash_deadline(sub)) is not None), None)


def _prose_tasks(
    ctx: Context, paras: list[_Para], used: _Ids, issuer: Agency | None, addressed: list[Assignee]
) -> list[Task]:
    """Sentences outside lists that tell a body to act.

    A sentence that names no body but gives a deadline or a report duty ("Trường hợp vượt thẩm
    quyền, báo cáo UBND tỉnh"; "Kế hoạch … gửi về UBND tỉnh trước ngày 05/01/2012") completes the
    instruction just before it.
    """
    # (start, end, assignees, the sentence's deadline, whether later sentences completed it)
    spans: list[tuple[int, int, list[Assignee], Deadline | None, bool]] = []
    open_task = False
    for para in paras:
        for sentence_start, sentence_end in _sentences(ctx.nt.flat, para.start, para.end):
            start, end = ctx.trimmed(sentence_start, sentence_end, " ")
            if end - start < 15:
                continue
            named = _assignees(ctx, start, end, opening=end, heading=False)
            assignees = _resolve_generic(named, addressed)
            if not any(a.role == "lead" for a in assignees):
                if open_task and (find_deadline(ctx, start, end) or _report_to(ctx, start, end)):
                    first, _, names, _, _ = spans[-1]
                    spans[-1] = (first, end, names, None, True)
                else:
                    open_task = False
                continue
            if _is_the_writer_acting(ctx, start, end, named, issuer):
                open_task = False
                continue  # "Sở Nội vụ xây dựng các dự thảo …" in Sở Nội vụ's own letter: a report, no task
            deadline = find_deadline(ctx, start, end)
            if deadline is None and _only_restates(ctx, named, end):
                open_task = False
                continue
            others = _not_the_writer(named, issuer)  # "Sở X xin gửi … để các đơn vị nghiên cứu …"
            if others != named and any(a.role == "lead" for a in others):
                assignees = _resolve_generic(others, addressed)
            spans.append((start, end, assignees, deadline, False))
            open_task = True
    tasks: list[Task] = []
    for start, end, assignees, deadline, completed in spans:
        task_id = used.unique(f"P{used.prose + 1}")
        used.prose += 1
        tasks.append(
            _validate_task(
                {
                    "id": task_id,
                    "text": squash(ctx.nt.text[start:end]),
                    "kind": "prose",
                    "assignees": assignees,
                    "deadline": find_deadline(ctx, start, end) if completed else deadline,
                    "report_to": _report_to(ctx, start, end),
                    "source": ctx.source(start, end),
                }
            )
        )
    return tasks


def _is_the_writer_acting(
    ctx: Context, start: int, end: int, assignees: list[Assignee], issuer: Agency | None
) -> bool:
    """Is the issuing body itself the one acting, with no order given ('Sở Nội vụ xây dựng các dự
    thảo …' in Sở Nội vụ's own letter, 'Sau khi nghiên cứu, Viện … thống nhất …' in the Viện's)?"""
    if _clause_cues(ctx, start, end):
        return False
    leads = [a for a in assignees if a.role == "lead" and a.source is not None]
    if not leads or not all(_is_issuer(a.name, issuer) for a in leads):
        return False
    last = max(a.source.end for a in leads if a.source is not None)
    return not _own_verbs_re().match(ctx.nt.flat[last:end])
