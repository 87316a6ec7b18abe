"""Normalisation that keeps offsets true.

The parser reads a *normalised* text: Unicode NFC, no Markdown bold markers, single spaces, no
control characters, and blank runs that a page break left inside a sentence mended into one space.
Every character of it maps back to a layout line and to the offset in that line's original text,
so a span found in the normalised text can be reported on the page (and in the user's input).

Matching uses a second string, ``key``, of the same length: the normalised text with old-style
tone placement folded to the new style ("hoà" → "hòa", "Uỷ" → "Ủy"), so one pattern matches both
spellings while the values still come from the text as written.
"""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, chain
from operator import attrgetter

from .chunks import CharRuns
from .layout import Layout
from .lexicon import dangling_words

# re-exported: most modules import them from here
from .tones import fold_tones as fold_tones
from .tones import strip_marks as strip_marks
from .vocab import glyphs

# --- per-line cleaning --------------------------------------------------------------------------

# characters dropped outright, and characters replaced by one other character
_DROP = "\u200b\u200c\u200d\u2060\ufeff\x00\u00ad"  # invisible characters, soft hyphen
_REPLACE = {
    "\u00a0": " ",
    "\t": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\ufffe": "-",  # pdfium's mark for a hyphen at a line break (in Vietnamese, a real hyphen)
    "\u2010": "-",
    "\u2011": "-",
    "\r": " ",
    "\x0b": " ",
    "\x0c": " ",
}
# Cyrillic and Greek letters that look like Latin ones ("TT-BTС" typed with a Cyrillic С), and the
# Icelandic eth typed for Đ ("QÐ-UBND")
_HOMOGLYPHS = dict(
    zip(
        "АВСЕНКМОРТХаеорсухіΑΒΕΗΙΚΜΝΟΡΤΧΥΖÐð",
        "ABCEHKMOPTXaeopcyxiABEHIKMNOPTXYZĐđ",
        strict=True,
    )
)
_REPLACE.update(_HOMOGLYPHS)
# lone surrogates (parse_text of a str decoded with "surrogateescape"): U+FFFD, one for one, as the
# readers' scrub does, so the record can be encoded and stored
_REPLACE.update(dict.fromkeys(map(chr, range(0xD800, 0xE000)), "\ufffd"))
# Markdown a converter or a crawler left: bold runs, an italic star on a word's edge ("*Hà Nội,",
# "2025*"; a bullet "* " and a footnote "(*)" stay), a table cell's bar at a line's ends, a heading's
# hashes. A bar between two cells is a column gap (see ``_GAP_RE``).
# tone marks floating apart from their letters ("thiêt hai ̀ ̣ ̣"): a text layer or an OCR engine put
# them after a space, where they belong to no letter; they are dropped
_FLOATING_MARKS = r"(?:[ \t]+|^)[\u0300-\u036f]+"
_MARKDOWN = r"\*\*+|(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)|\s\*$|^\s*\|\s?|\s?\|\s*$|^#{1,6}(?:\s|$)"
_CELL_BAR_RE = re.compile(r"\s+\|\s+")
_PLAIN = (
    r"[ \t\u00a0\u2002\u2003\u2009\u202f\u3000]{2,}|["
    + re.escape(_DROP + "".join(_REPLACE))
    + r"]|[\x01-\x08\x0e-\x1f]"
)
# two passes of the same kind: most lines need only the plain one, which the regex engine scans fast
_CLEAN_RE = re.compile(_PLAIN)
_CLEAN_CONVERTED_RE = re.compile(_FLOATING_MARKS + "|" + _MARKDOWN + "|" + _PLAIN)
_CONVERTED_RE = re.compile(r"[*|#\u0300-\u036f]")  # a line that may hold Markdown or floating marks
# a line of Markdown furniture only: table bars, stars, hashes ("|", "* *", "#")
_FURNITURE_LINE_RE = re.compile(r"^[\s|*#]*$")
_SPACE_CHARS = frozenset(" \t\u00a0\u2002\u2003\u2009\u202f\u3000\r\x0b\x0c")


def clean_line(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """Clean one line; return the text and its chunk map [(offset in text, offset in raw)]."""
    if _FURNITURE_LINE_RE.match(raw):
        return "", [(0, 0)]
    if "|" in raw:
        raw = _CELL_BAR_RE.sub(_as_gap, raw)
    if not unicodedata.is_normalized("NFC", raw):
        return _clean_non_nfc(raw)  # composed first, then cleaned
    cleaner = _CLEAN_CONVERTED_RE if _CONVERTED_RE.search(raw) else _CLEAN_RE
    if cleaner.search(raw) is None:
        stripped = raw.strip(" ")
        return stripped, [(0, len(raw) - len(raw.lstrip(" ")))]
    out: list[str] = []
    chunks: list[tuple[int, int]] = []
    pos = 0  # position in raw
    length = 0  # length of output so far
    for match in cleaner.finditer(raw):
        start, end = match.span()
        if start > pos:
            chunks.append((length, pos))
            out.append(raw[pos:start])
            length += start - pos
        token = match.group(0)
        replacement = ""
        if token.isspace() and (len(token) > 1 or token in _REPLACE):
            replacement = " "
        elif token in _REPLACE:
            replacement = _REPLACE[token]
        if replacement:
            chunks.append((length, start))
            out.append(replacement)
            length += 1
        pos = end
    if pos < len(raw):
        chunks.append((length, pos))
        out.append(raw[pos:])
    text = "".join(out)
    # strip both ends, keeping the map right
    stripped_left = len(text) - len(text.lstrip(" "))
    text = text.strip(" ")
    if stripped_left:
        chunks = _shift(chunks, stripped_left)
    if not chunks:
        chunks = [(0, 0)]
    return text, chunks


def _as_gap(match: re.Match[str]) -> str:
    """A bar between two table cells as a tab of the same length: a column gap, offsets kept."""
    return "\t" + " " * (len(match.group(0)) - 1)


def _shift(chunks: list[tuple[int, int]], by: int) -> list[tuple[int, int]]:
    """Drop ``by`` characters from the front of a chunk map."""
    shifted: list[tuple[int, int]] = []
    for i, (norm, raw) in enumerate(chunks):
        next_norm = chunks[i + 1][0] if i + 1 < len(chunks) else None
        if next_norm is not None and next_norm <= by:
            continue
        if norm < by:
            shifted.append((0, raw + (by - norm)))
        else:
            shifted.append((norm - by, raw))
    return shifted or [(0, 0)]


def _clean_non_nfc(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """NFC-normalise cluster by cluster (base letter + combining marks) to keep the map exact."""
    composed, composed_to_raw = _compose(raw)
    text, inner = clean_line(composed) if unicodedata.is_normalized("NFC", composed) else (composed, [(0, 0)])
    composed_to_raw.append(len(raw))
    last = composed_to_raw[-1]
    # the raw offset of each character: composed offset ``comp + k`` maps to composed_to_raw[comp + k]
    # (the end of the raw line past the composed text's end)
    targets: list[int] = []
    for i, (norm, comp) in enumerate(inner):
        next_norm = inner[i + 1][0] if i + 1 < len(inner) else len(text)
        size = next_norm - norm
        run = composed_to_raw[comp : comp + size] if size > 0 else []
        targets += run
        targets += [last] * (size - len(run))
    if not targets:
        return text, [(0, 0)]
    # a run starts at each character whose raw offset does not follow the one before's (a plain loop:
    # compiled, it compares machine integers, where a chain of map() made an int object a character)
    runs = [(0, targets[0])]
    for at in range(1, len(targets)):
        if targets[at] != targets[at - 1] + 1:
            runs.append((at, targets[at]))
    return text, CharRuns(runs)


# a character NFC never composes with another nor moves: the NFC of texts joined by it is their NFCs
# joined by it, so that one call normalises many pieces
_STABLE = "\n"


def _compose(raw: str) -> tuple[str, list[int]]:
    """The NFC of each cluster of a line (a character and the combining marks after it), joined, and
    the raw offset of each composed character (its cluster's start)."""
    clusters = _marked_clusters(raw)
    if _STABLE not in raw and all(end - start <= _LONG_CLUSTER for start, end in clusters):
        composed = _compose_together(raw, clusters)
        if composed is not None:
            return composed
    pieces: list[str] = []
    composed_to_raw: list[int] = []
    done = 0
    for start, end in clusters:
        _compose_alone(raw, done, start, pieces, composed_to_raw)
        piece = _nfc_cluster(raw[start:end])
        pieces.append(piece)
        composed_to_raw.extend([start] * len(piece))
        done = end
    _compose_alone(raw, done, len(raw), pieces, composed_to_raw)
    return "".join(pieces), composed_to_raw


def _compose_together(raw: str, clusters: list[tuple[int, int]]) -> tuple[str, list[int]] | None:
    """What ``_compose`` gives, the clusters normalised in one call, when the text between them is
    in NFC (else None): most lines of a text typed with combining marks."""
    bounds = [0, *chain.from_iterable(clusters), len(raw)]
    between = list(zip(bounds[::2], bounds[1::2], strict=True))  # the spans before, between and after them
    alone = [raw[start:end] for start, end in between]
    if not unicodedata.is_normalized("NFC", _STABLE.join(alone)):
        return None
    joined = _STABLE.join(raw[start:end] for start, end in clusters)
    pieces = unicodedata.normalize("NFC", joined).split(_STABLE) if clusters else []
    composed_to_raw: list[int] = []
    for (start, end), (cluster, _), piece in zip(between[:-1], clusters, pieces, strict=True):
        composed_to_raw += range(start, end)
        composed_to_raw += [cluster] * len(piece)
    composed_to_raw += range(*between[-1])
    return "".join(chain.from_iterable(zip(alone[:-1], pieces, strict=True))) + alone[-1], composed_to_raw


def _compose_alone(raw: str, start: int, end: int, pieces: list[str], composed_to_raw: list[int]) -> None:
    """Add the NFC of each character of raw[start:end], none of them followed by a mark. A run that is
    in NFC is its own NFC character by character: a character NFC changes never stands in NFC text."""
    run = raw[start:end]
    if unicodedata.is_normalized("NFC", run):
        pieces.append(run)
        composed_to_raw.extend(range(start, end))
        return
    for offset, char in enumerate(run, start):
        piece = unicodedata.normalize("NFC", char)
        pieces.append(piece)
        composed_to_raw.extend([offset] * len(piece))


# a character beyond the Basic Multilingual Plane (a scan in C: max() made a string of each character)
_BEYOND_BMP_RE = re.compile("[\U00010000-\U0010ffff]")


def _marked_clusters(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each cluster that holds combining marks: a run of marks and the character
    before it (none before a run that opens the line)."""
    if _BEYOND_BMP_RE.search(raw) is None:
        runs = [match.span() for match in _bmp_mark_run_re().finditer(raw)]
    else:  # a character beyond the Basic Multilingual Plane (rare): each one is asked
        runs = []
        for offset, char in enumerate(raw):
            if not unicodedata.combining(char):
                continue
            if runs and runs[-1][1] == offset:
                runs[-1] = (runs[-1][0], offset + 1)
            else:
                runs.append((offset, offset + 1))
    return [(max(start - 1, 0), end) for start, end in runs]


@cache
def _bmp_mark_run_re() -> re.Pattern[str]:
    """A run of combining marks (combining class above 0) of the Basic Multilingual Plane (built
    once, in a few ms, when the first line that is not in NFC comes)."""
    marks = (chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000)
    return re.compile("[" + re.escape("".join(mark for mark in marks if unicodedata.combining(mark))) + "]+")


_LONG_CLUSTER = 32  # characters: no letter carries this many marks; a flood of them does


def _nfc_cluster(cluster: str) -> str:
    """NFC of a letter and its marks; a flood of marks is put in canonical order first (a stable
    sort by combining class, n log n): CPython's NFC orders them by swaps, quadratic in their number."""
    if len(cluster) > _LONG_CLUSTER:
        cluster = "".join(sorted(cluster, key=unicodedata.combining))  # a letter's class is 0: first
    return unicodedata.normalize("NFC", cluster)


# --- the normalised document --------------------------------------------------------------------

_TERMINAL = glyphs("terminal_or_closing")  # data/glyphs.tsv: . ; : ! ? ) " ” »
_MARKER_RE = re.compile(
    rf"^(?:[IVXLC]{{1,6}}\.|\d{{1,2}}(?:\.\d{{1,2}})*[.)]|[a-zđ][).]|[{re.escape(glyphs('bullet'))}])\s"
)
_ZONE_START_RE = re.compile(
    r"^(?:Nơi nhận|Kính gửi|Căn cứ|Điều \d|Chương [IVX]|Mục \d|Phần [IVX]|V/v|Số\s*:)", re.I
)
# the characters a line _ZONE_START_RE matches opens with (re.IGNORECASE adds the Kelvin sign and the
# long s), and a line _MARKER_RE matches, but for a digit: tests in C before the regexes
_ZONE_START_FIRST = frozenset("NnKkCcĐđMmPpVvSs\u212a\u017f")
_MARKER_FIRST = frozenset("IVXLC" + string.ascii_lowercase + "đ" + glyphs("bullet"))


def _opens_item(text: str) -> bool:
    """Does _MARKER_RE match the line ("1. ", "a) ", "- ")?"""
    first = text[:1]
    return (first in _MARKER_FIRST or first.isdecimal()) and _MARKER_RE.match(text) is not None


@dataclass(slots=True, init=False)
class NLine:
    """A line of the normalised text: its span and the layout lines it came from."""

    start: int
    end: int
    layout_index: int

    def __init__(self, start: int, end: int, layout_index: int) -> None:
        # the __init__ @dataclass would write, written here: the compiled build calls this one as C,
        # a generated one through the interpreter
        self.start = start
        self.end = end
        self.layout_index = layout_index


_line_start = attrgetter("start")


@dataclass(slots=True)
class NormalizedText:
    """The normalised text, its tone-folded matching key, and the maps back to the layout."""

    text: str
    key: str
    lines: list[NLine]
    layout: Layout
    flat: str = ""  # ``key`` with single line breaks turned into spaces (wrapped lines read as one)
    lower: str = ""  # ``flat`` in lower case, for case-insensitive patterns (same length)
    # (offset in text, layout line index, offset in the layout line's raw text), sorted
    _map_norm: list[int] = field(default_factory=list)
    _map_line: list[int] = field(default_factory=list)
    _map_raw: list[int] = field(default_factory=list)
    mended_breaks: int = 0
    # offsets of single spaces that stand for a tab or a wide run of spaces inside a line: in a
    # header or footer typed as two columns ("- Như trên;<tab>KT. CHỦ TỊCH") they split the columns
    gaps: list[int] = field(default_factory=list)

    def locate(self, pos: int) -> tuple[int, int]:
        """(layout line index, offset into that line's raw text) of a normalised offset."""
        i = bisect_right(self._map_norm, pos) - 1
        if i < 0:
            return 0, 0
        return self._map_line[i], self._map_raw[i] + (pos - self._map_norm[i])

    def locate_both(self, pos: int, later: int) -> tuple[int, int, int, int]:
        """``locate`` of ``pos`` and of ``later`` (not before it), one after the other; ``later`` is
        looked for only past the chunk of ``pos``, not at all when it is in that chunk (a span's
        ends most often are)."""
        norms = self._map_norm
        i = bisect_right(norms, pos) - 1
        j = i if i + 1 >= len(norms) or norms[i + 1] > later else bisect_right(norms, later, i + 1) - 1
        lines, raws = self._map_line, self._map_raw
        first = (lines[i], raws[i] + (pos - norms[i])) if i >= 0 else (0, 0)
        last = (lines[j], raws[j] + (later - norms[j])) if j >= 0 else (0, 0)
        return first[0], first[1], last[0], last[1]

    def source_offset(self, pos: int) -> int | None:
        """Offset in the original input text (text input only)."""
        line_index, offset = self.locate(pos)
        line = self.layout.lines[line_index] if self.layout.lines else None
        if line is None or line.source_offset is None:
            return None
        return line.source_offset + offset

    def line_at(self, pos: int) -> int:
        """Index into ``lines`` of the line holding a normalised offset (the first line for an offset
        before it)."""
        return max(bisect_right(self.lines, pos, key=_line_start) - 1, 0)


def squash(text: str, strip: str = " ") -> str:
    """Runs of whitespace (line breaks included) as one space, ends stripped of ``strip``."""
    # most texts are squashed already, and tests in C say so without splitting them into words: every
    # whitespace character but the space is unprintable, so a printable text with no double space and
    # no space at an end is its own squash
    if text.isprintable() and "  " not in text and not text.startswith(" ") and not text.endswith(" "):
        squashed = text
    else:
        squashed = " ".join(text.split())  # neither end is a space
    return squashed if strip == " " else squashed.strip(strip)


_ASCII_LOWER = string.ascii_lowercase.encode()


_SHORT = 200  # characters: a line; the answers for lines are kept, for longer texts not


def is_upper_text(text: str) -> bool:
    """True when at least 80 % of the letters are capitals."""
    return _is_upper_line(text) if len(text) <= _SHORT else _is_upper_counted(text)


@lru_cache(maxsize=4096)  # a line is asked about by the normaliser, the zoner and the extractors
def _is_upper_line(text: str) -> bool:
    """is_upper_text of a line, kept."""
    return _is_upper_counted(text)


def _is_upper_counted(text: str) -> bool:
    """is_upper_text, counting."""
    if text.isupper():  # the common cases, without counting
        return True
    if text.islower():
        return False
    # when small letters are over 1/5 of the text, capitals (at most the other 4/5) are too few: the
    # small ASCII letters, counted in C on the UTF-8 bytes, are enough to tell for most lines
    encoded = text.encode("utf-8", "surrogatepass")
    if 5 * (len(encoded) - len(encoded.translate(None, _ASCII_LOWER))) > len(text):
        return False
    lower = sum(map(str.islower, text))
    if 5 * lower > len(text):
        return False
    upper = sum(map(str.isupper, text))
    return upper > 0 and upper >= 4 * lower


def _mend(prev: str, nxt: str, dangling: frozenset[str]) -> bool:
    """Is a blank run between ``prev`` and ``nxt`` a page break inside one sentence?"""
    if not prev or not nxt or prev[-1] in _TERMINAL or is_upper_text(prev):
        return False
    if (nxt[0] in _ZONE_START_FIRST and _ZONE_START_RE.match(nxt)) or _opens_item(nxt) or is_upper_text(nxt):
        return False
    if nxt[0].islower():
        return True
    last_word = prev.rsplit(" ", 1)[-1].lower()
    if last_word in dangling:
        return True
    # a numbered item cut short: "4. Đảm bảo … phòng, chống dịch bệnh" / "Covid-19 theo chỉ đạo …"
    return _opens_item(prev) and len(prev) >= 40 and prev[-1].isalnum()


_GAP_RE = re.compile(r"[ \u00a0]*\t[ \t\u00a0]*| {4,}|\s+\|\s+")


def _gap_offsets(raw: str, chunks: list[tuple[int, int]], length: int) -> list[int]:
    """Offsets in a cleaned line of the spaces that replaced tabs or wide runs of spaces."""
    if isinstance(chunks, CharRuns):
        chunks = chunks.per_char(length)
    by_raw = {raw_off: norm_off for norm_off, raw_off in chunks}
    found = []
    for match in _GAP_RE.finditer(raw):
        offset = by_raw.get(match.start())
        if offset is not None and 0 < offset < length:
            found.append(offset)
    return found


_PAGE_NUMBER_RE = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*-)?(?:\s*/\s*\d{1,3})?$")


def _may_be_page_number(text: str) -> bool:
    """_PAGE_NUMBER_RE matches a line, asked only of a line that opens and ends as its matches do: with
    a dash, 'T' or a digit, and with a digit or a dash (before a last line break, which '$' passes)."""
    first = text[0]
    if not (first in "-T" or first.isdecimal()):
        return False  # most lines
    last = text[-2:-1] if text[-1] == "\n" else text[-1]
    return (last == "-" or last.isdecimal()) and _PAGE_NUMBER_RE.match(text) is not None


def _between_blanks(cleaned: list[tuple[str, list[tuple[int, int]]]], index: int) -> bool:
    """Is line ``index`` alone between blank lines (or at an end of the text)?"""
    before = index == 0 or not cleaned[index - 1][0]
    after = index + 1 == len(cleaned) or not cleaned[index + 1][0]
    return before and after


# a line break with none on either side; the pattern opens with the break itself, so the regex engine
# jumps from one break to the next in C (a lookbehind first makes it try every position)
_SINGLE_BREAK_RE = re.compile(r"\n(?<!\n\n)(?!\n)")
_SPECIAL_RE = re.compile(
    "["
    + re.escape("".join(sorted(set(_DROP + "".join(_REPLACE)) - {"\n"})))
    + "\x01-\x09\x0b-\x1f*|#\u0300-\u036f]"
)


# the characters of most texts: none is one clean_line changes (see _SPECIAL_RE), and NFC keeps each
# as it is and composes it with no character before it (ASCII but for "#", "*" and "|"; Latin letters,
# Vietnamese ones among them; punctuation, arrows, mathematical signs, shapes, private-use bullets);
# tests/test_normalize.py checks it
_UNSETTLED_RE = re.compile(
    r"[^\n\x20-\x22\x24-\x29\x2b-\x7b\x7d\x7e\xa1-\xac\xae-\xcf\xd1-\xef\xf1-\u024f\u1e00-\u1eff"
    r"\u2012-\u2027\u2030-\u205e\u2190-\u22ff\u25a0-\u25ff\ue000-\uf8ff]"
)


def _needs_cleaning(raw: str) -> bool:
    """Cheap C-level tests: does a line hold anything ``clean_line`` would change?"""
    return "  " in raw or raw[:1] == " " or raw[-1:] == " " or _SPECIAL_RE.search(raw) is not None


def _clean_lines(raws: list[str], joined: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Clean every line (``joined``: the lines joined by line breaks); lines with nothing to clean
    (most of them) take a fast path."""
    clean = [(0, 0)]
    spaced = "  " in joined or _edge_space(raws, joined)
    if not spaced and _UNSETTLED_RE.search(joined) is None:
        return [(raw, clean) for raw in raws]  # in NFC, nothing to clean: one scan says what two would
    nfc = unicodedata.is_normalized("NFC", joined)
    if nfc and not spaced and not _needs_cleaning(joined):
        return [(raw, clean) for raw in raws]
    unclean = _unclean_lines(raws, joined)
    return [
        clean_line(raw)
        if index in unclean or (not nfc and not unicodedata.is_normalized("NFC", raw))
        else (raw, [(0, 0)])
        for index, raw in enumerate(raws)
    ]


def _edge_space(raws: list[str], joined: str) -> bool:
    """Does a line open or end with a space (``joined``: the lines joined by line breaks)? Each line's
    first and last characters are read (compiled: two integer tests a line) instead of two searches
    of the whole text for a break beside a space, but when a line holds breaks of its own."""
    if joined.count("\n") != len(raws) - 1:
        return joined[:1] == " " or joined[-1:] == " " or "\n " in joined or " \n" in joined
    return any(raw and (raw[0] == " " or raw[-1] == " ") for raw in raws)


def _unclean_lines(raws: list[str], joined: str) -> set[int]:
    """The indices of the lines ``_needs_cleaning`` says yes to, found by scans of the whole text
    (nothing it looks for spans a line break); lines holding breaks of their own are asked one by one."""
    if joined.count("\n") != len(raws) - 1:
        return {index for index, raw in enumerate(raws) if _needs_cleaning(raw)}
    ends = list(accumulate(len(raw) + 1 for raw in raws))  # the offset after each line's break
    found: set[int] = set()
    special = _SPECIAL_RE.search(joined)
    while special is not None:  # each scan goes on from the next line: one step a line at most
        line = bisect_right(ends, special.start())
        found.add(line)
        special = _SPECIAL_RE.search(joined, ends[line])
    # a space run, a space after a break (a line's first character), one before (a line's last)
    for spaces, shift in (("  ", 0), ("\n ", 1), (" \n", 0)):
        at = joined.find(spaces)
        while at >= 0:
            line = bisect_right(ends, at + shift)
            found.add(line)
            at = joined.find(spaces, ends[line] - 1)
    if joined[:1] == " ":
        found.add(0)
    if joined[-1:] == " ":
        found.add(len(raws) - 1)
    return found


def normalize(layout: Layout) -> NormalizedText:
    """Build the normalised text of a layout."""

    dangling = dangling_words()
    raws = [line.text for line in layout.lines]
    joined = "\n".join(raws)
    cleaned = _clean_lines(raws, joined)
    may_have_gaps = "\t" in joined or "    " in joined or "|" in joined  # else no line has one
    parts: list[str] = []
    lines: list[NLine] = []
    map_norm: list[int] = []
    map_line: list[int] = []
    map_raw: list[int] = []
    gaps: list[int] = []
    length = 0
    mended = 0
    blank_run = 0
    prev_text = ""
    for index, (text, chunks) in enumerate(cleaned):
        if not text or (_may_be_page_number(text) and _between_blanks(cleaned, index)):
            blank_run += 1  # a blank line, or a running page number alone between blank lines
            continue
        # DOCX paragraphs are whole: only text flowed over pages has breaks to mend
        if lines and blank_run and not layout.lines_are_paragraphs and _mend(prev_text, text, dangling):
            parts.append(" ")
            length += 1
            mended += 1
            line = lines[-1]
        else:
            if lines:
                parts.append("\n" * (2 if blank_run else 1))
                length += 2 if blank_run else 1
            line = NLine(length, length, index)
            lines.append(line)
        for norm_off, raw_off in chunks:
            map_norm.append(length + norm_off)
            map_line.append(index)
            map_raw.append(raw_off)
        raw = raws[index]
        if may_have_gaps and ("\t" in raw or "    " in raw or "|" in raw):
            gaps.extend(length + offset for offset in _gap_offsets(raw, chunks, len(text)))
        parts.append(text)
        length += len(text)
        line.end = length
        prev_text = text
        blank_run = 0
    full = "".join(parts)
    key = fold_tones(full)
    flat = _SINGLE_BREAK_RE.sub(" ", key)
    lower = flat.lower()
    return NormalizedText(
        text=full,
        key=key,
        flat=flat,
        lower=lower if len(lower) == len(flat) else flat,
        lines=lines,
        layout=layout,
        _map_norm=map_norm,
        _map_line=map_line,
        _map_raw=map_raw,
        mended_breaks=mended,
        gaps=gaps,
    )
