"""Page geometry shared by the PDF and OCR readers: words → rows → lines in reading order.

A reader hands over the words of each page with their boxes (PDF points, origin top left); this
module does the rest the same way for a text layer and for Tesseract's word boxes:

1. **rows**: words on one baseline (an OCR line stays one row even when the scan is skewed);
2. **page furniture**: page numbers and running headers/footers repeated on several pages go;
3. **columns**: the header of the first page (down to the title, "Kính gửi", "Căn cứ" or the first
   full-width line) and the footer (from "Nơi nhận", or the signer's authority mark, to the end of
   that page) are split at the widest empty vertical gap between 20 % and 80 % of the page width;
   each side is read top to bottom, the left one first;
4. **paragraphs**: a blank line marks a vertical gap clearly larger than the line pitch, a first-line
   indent after a finished line, a change of region, and a page break after a finished sentence;
   a word hyphenated at a line end is joined onto the first line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from statistics import median

from ..layout import Line, ReaderNote
from ..lexicon import authority_alternation
from ..vocab import glyphs

Style = tuple[bool | None, bool | None, float | None]  # bold, italic, size
StyleLookup = Callable[[int, "Word"], Style]  # page number, word → font facts

SPLIT_ZONE = (0.2, 0.8)  # where a column gap may lie, as fractions of the page width
MIN_GAP = 4.0  # narrowest column gap, points
ROW_TOLERANCE = 0.35  # baselines closer than this fraction of the typical word height share a row
SMALL_GLYPH = 0.6  # a word less tall than this share of the typical height is a bullet or a mark
PARAGRAPH_GAP = 1.35  # a row spacing this many times the line pitch starts a paragraph
INDENT = 8.0  # a first-line indent, points
EDGE_ROWS = 2  # rows looked at for page furniture at each end of a page
MARGIN_BAND = 0.12  # page numbers and running headers live in this top/bottom fraction of a page
CENTRED = 0.06  # a title is centred on the text block within this fraction of the page width

_HEADER_STOP_RE = re.compile(r"^(?:Kính\s*gửi|Căn\s*cứ)\b", re.I)
_FOOTER_LABEL_RE = re.compile(r"^Nơi\s*nhận\s*:?\s*$", re.I)
_AUTHORITY_RE = re.compile(rf"^(?:{authority_alternation()})\s*\.")  # data/authority_marks.tsv
_PAGE_NUMBER_RE = re.compile(r"^[-–—(\s]*(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—)\s]*$", re.I)
_TERMINAL = glyphs("terminal")  # data/glyphs.tsv: . ; : ! ?


@dataclass(slots=True)
class Word:
    """A word and its box; ``group`` ties the words of one OCR line, ``ref`` is an engine handle."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    group: int = -1
    ref: int = -1
    style: Style | None = None
    baseline: float | None = None  # the glyph origin's y when the engine gives it, else ``bottom``


@dataclass(slots=True)
class PageWords:
    """The words of one page (1-based ``number``) and the page size in points."""

    number: int
    width: float
    height: float
    words: list[Word]


@dataclass(slots=True)
class Row:
    """Words on one visual line, left to right."""

    words: list[Word]
    top: float = 0.0
    bottom: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    height: float = 0.0  # the median word height

    def __post_init__(self) -> None:
        words = self.words
        words.sort(key=lambda w: w.x0)
        self.top = min(w.top for w in words)
        self.bottom = max(w.bottom for w in words)
        self.x0 = words[0].x0
        self.x1 = max(w.x1 for w in words)
        self.height = (
            median(w.bottom - w.top for w in words) if len(words) > 1 else words[0].bottom - words[0].top
        )

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(slots=True)
class _Block:
    """Rows read as one unit: a header or footer column, or a page's body."""

    page: PageWords
    rows: list[Row]
    column: str | None = None
    body: bool = False


@dataclass(slots=True)
class _Doc:
    """Per-document measures used for paragraph gaps."""

    pitch: float
    left: dict[int, float] = field(default_factory=dict)
    right: dict[int, float] = field(default_factory=dict)


# --- rows ------------------------------------------------------------------------------------------


def group_rows(words: list[Word]) -> list[Row]:
    """Cluster words into rows by baseline; words of one OCR line (same ``group``) stay together.

    A unit much smaller than the others (a bullet glyph, a footnote mark) joins the row whose
    vertical span holds its middle instead of starting a row of its own.
    """
    lines: dict[int, list[Word]] = {}
    units: list[list[Word]] = []
    for word in words:
        if word.group >= 0:
            lines.setdefault(word.group, []).append(word)
        else:
            units.append([word])
    units.extend(lines.values())
    if not units:
        return []
    heights = [_height(unit) for unit in units]
    typical = median(heights)
    small = [u for u, h in zip(units, heights, strict=True) if len(u) == 1 and h < SMALL_GLYPH * typical]
    keyed = sorted(
        (
            (_baseline(u), u)
            for u, h in zip(units, heights, strict=True)
            if len(u) > 1 or h >= SMALL_GLYPH * typical
        ),
        key=lambda k: k[0],
    )
    rows: list[list[Word]] = []
    anchor = 0.0
    for base, unit in keyed:
        if rows and base - anchor <= ROW_TOLERANCE * typical:
            rows[-1].extend(unit)
        else:
            rows.append(list(unit))
            anchor = base
    for unit in small:
        middle = (unit[0].top + unit[0].bottom) / 2
        host = next(
            (row for row in rows if min(w.top for w in row) <= middle <= max(w.bottom for w in row)), None
        )
        if host is None:
            rows.append(list(unit))
        else:
            host.extend(unit)
    built = [Row(ws) for ws in rows]
    built.sort(key=lambda row: row.bottom)
    return built


def _baseline(unit: list[Word]) -> float:
    if len(unit) == 1:
        word = unit[0]
        return word.bottom if word.baseline is None else word.baseline
    return median(w.bottom if w.baseline is None else w.baseline for w in unit)


def _height(unit: list[Word]) -> float:
    word = unit[0]
    return max(word.bottom - word.top if len(unit) == 1 else median(w.bottom - w.top for w in unit), 1.0)


# --- page furniture --------------------------------------------------------------------------------


def _furniture_key(text: str) -> str:
    """A running header with its numbers masked: 'CÔNG BÁO/Số # + #/Ngày #-#-#'."""
    key = re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip()
    return re.sub(r"^(?:# )+|(?: #)+$", "", key)


def _edge_rows(rows: list[Row], page: PageWords) -> list[int]:
    """Indexes of up to two rows at the top and at the bottom of a page that sit in the margin band,
    each set apart from the text next to it (a running header above a page number, say)."""
    found: list[int] = []
    for index in range(min(EDGE_ROWS, len(rows) - 1)):
        row, below = rows[index], rows[index + 1]
        if row.bottom >= MARGIN_BAND * page.height or below.top - row.bottom <= 0.5 * row.height:
            break
        found.append(index)
    for index in range(len(rows) - 1, max(len(rows) - 1 - EDGE_ROWS, 0), -1):
        row, above = rows[index], rows[index - 1]
        if row.top <= (1 - MARGIN_BAND) * page.height or row.top - above.bottom <= 0.5 * row.height:
            break
        found.append(index)
    return found


def drop_furniture(pages: list[tuple[PageWords, list[Row]]]) -> list[ReaderNote]:
    """Remove page numbers and running headers/footers (in place); note the running ones."""
    candidates: list[tuple[int, int, str]] = []
    for index, (page, rows) in enumerate(pages):
        for row_index in _edge_rows(rows, page):
            candidates.append((index, row_index, rows[row_index].text))
    keys = Counter(_furniture_key(text) for _, _, text in candidates)
    drop: dict[int, set[int]] = {}
    running: list[str] = []
    for index, row_index, text in candidates:
        key = _furniture_key(text)
        repeated = keys[key] >= max(2, len(pages) / 2) and len(key) >= 3
        if _PAGE_NUMBER_RE.match(text) or repeated:
            drop.setdefault(index, set()).add(row_index)
            if repeated and not _PAGE_NUMBER_RE.match(text) and key not in running:
                running.append(key)
    for index, rows_to_drop in drop.items():
        rows = pages[index][1]
        rows[:] = [row for i, row in enumerate(rows) if i not in rows_to_drop]
    return [
        ReaderNote(
            "running_header", f"dropped a running page header/footer repeated on {keys[key]} pages: {key!r}"
        )
        for key in running
    ]


# --- columns ---------------------------------------------------------------------------------------


def _holes(spans: list[tuple[float, float]], lo: float, hi: float) -> list[tuple[float, float]]:
    """The uncovered intervals of [lo, hi]."""
    holes: list[tuple[float, float]] = []
    cursor = lo
    for x0, x1 in sorted(spans):
        if x1 <= cursor:
            continue
        if x0 > cursor:
            holes.append((cursor, min(x0, hi)))
        cursor = max(cursor, x1)
        if cursor >= hi:
            break
    if cursor < hi:
        holes.append((cursor, hi))
    return [(a, b) for a, b in holes if b - a >= MIN_GAP]


def find_split(rows: list[Row], width: float) -> float | None:
    """The x of the widest empty vertical gap in the middle of the page, with words on both sides."""
    lo, hi = SPLIT_ZONE[0] * width, SPLIT_ZONE[1] * width
    words = [w for row in rows for w in row.words]
    holes = _holes([(w.x0, w.x1) for w in words], lo, hi)
    if not holes:
        return None
    start, end = max(holes, key=lambda h: h[1] - h[0])
    split = (start + end) / 2
    if any(w.x1 <= split for w in words) and any(w.x0 >= split for w in words):
        return split
    return None


def _segments(row: Row) -> list[tuple[float, float]]:
    """Runs of words separated by less than a column gap (about one row height)."""
    gap = max(MIN_GAP, 0.9 * row.height)
    spans: list[tuple[float, float]] = []
    for word in row.words:
        if spans and word.x0 - spans[-1][1] <= gap:
            spans[-1] = (spans[-1][0], max(spans[-1][1], word.x1))
        else:
            spans.append((word.x0, word.x1))
    return spans


def _is_centred(row: Row, centre: float, width: float) -> bool:
    """A single run of words centred on the text block: a title or a centred body line."""
    spans = _segments(row)
    return len(spans) == 1 and abs((spans[0][0] + spans[0][1]) / 2 - centre) <= CENTRED * width


def header_end(rows: list[Row], width: float) -> int:
    """Index of the first row below the two-column header of a first page."""
    if not rows:
        return 0
    centre = (min(r.x0 for r in rows) + max(r.x1 for r in rows)) / 2
    lo, hi = SPLIT_ZONE[0] * width, SPLIT_ZONE[1] * width
    covered: list[tuple[float, float]] = []
    for index, row in enumerate(rows):
        spans = [(w.x0, w.x1) for w in row.words]
        if index > 0 and (
            _HEADER_STOP_RE.match(row.text)
            or _is_centred(row, centre, width)
            or not _holes(covered + spans, lo, hi)
        ):
            return index
        covered.extend(spans)
    return len(rows)


def footer_start(rows: list[Row], start: int, width: float) -> int | None:
    """Index of the first footer row: 'Nơi nhận' (with signer lines just above it) or, without
    that label, the first row with an authority mark ('TM.', 'KT.'…) in its right part."""
    for index in range(start, len(rows)):
        row = rows[index]
        first_run = _segments(row)[0]
        if _FOOTER_LABEL_RE.match(" ".join(w.text for w in row.words if w.x0 <= first_run[1])):
            while index - 1 >= start and rows[index - 1].x0 >= 0.4 * width:
                index -= 1
            return index
    return next((i for i in range(start, len(rows)) if _right_authority(rows[i], width)), None)


def _right_authority(row: Row, width: float) -> bool:
    """Does the right part of the row hold an authority mark ('KT.', 'TM. …') before capitals?"""
    words = row.words
    for index, word in enumerate(words):
        if word.x0 >= 0.4 * width and _AUTHORITY_RE.match(word.text):
            rest = word.text.split(".", 1)[1] or (words[index + 1].text if index + 1 < len(words) else "")
            if rest[:1].isupper():
                return True
    return False


def _centre(word: Word) -> float:
    return (word.x0 + word.x1) / 2


def split_columns(parts: list[tuple[PageWords, list[Row]]]) -> list[_Block]:
    """Header or footer rows as the left column, then the right one, split at the gap found in the
    first part; a footer may run onto the next page (a second part). One block per part if no gap."""
    page, rows = parts[0]
    split = find_split(rows, page.width)
    if split is None:
        return [_Block(p, r) for p, r in parts]
    blocks: list[_Block] = []
    for column, keep in (("left", lambda w: _centre(w) < split), ("right", lambda w: _centre(w) >= split)):
        for part_page, part_rows in parts:
            words = [w for row in part_rows for w in row.words if keep(w)]
            blocks.append(_Block(part_page, group_rows(words), column))
    return blocks


def _continued_rows(rows: list[Row], split: float | None) -> int:
    """How many rows at the top of a page keep a footer's columns: no word across the gap, and no
    line that runs across it with ordinary word spacing (a centred "Phụ lục I" heading)."""
    if split is None:
        return 0
    count = 0
    for row in rows:
        if any(w.x0 < split < w.x1 for w in row.words) or _flows_across(row, split):
            break
        count += 1
    return count


def _flows_across(row: Row, split: float) -> bool:
    """Do two neighbouring words on either side of ``split`` sit a word space apart?"""
    return any(
        a.x1 <= split <= b.x0 and b.x0 - a.x1 < _WORD_SPACE_HEIGHTS * row.height
        for a, b in zip(row.words, row.words[1:], strict=False)
    )


_WORD_SPACE_HEIGHTS = 1.5  # a gap narrower than this many text heights is a space inside a line


# --- the document ----------------------------------------------------------------------------------


def _blocks(pages: list[tuple[PageWords, list[Row]]]) -> list[_Block]:
    """Every page as header columns, body and footer columns, in reading order."""
    blocks: list[_Block] = []
    header_done = footer_found = False
    footer: list[tuple[PageWords, list[Row]]] = []  # the footer's parts, emitted once complete
    for page, rows in pages:
        if not rows:
            continue
        start = 0
        if not header_done:
            header_done = True
            start = header_end(rows, page.width)
            blocks.extend(split_columns([(page, rows[:start])]))
        if footer:
            first_page, first_rows = footer[0]
            count = _continued_rows(rows, find_split(first_rows, first_page.width))
            if count:
                footer.append((page, rows[:count]))
                start = max(start, count)
            blocks.extend(split_columns(footer))
            footer = []
        end = len(rows)
        if not footer_found:
            found = footer_start(rows, start, page.width)
            if found is not None:
                footer_found = True
                end = found
        if end > start:
            blocks.append(_Block(page, rows[start:end], body=True))
        if end < len(rows):
            footer = [(page, rows[end:])]
    if footer:
        blocks.extend(split_columns(footer))
    return [block for block in blocks if block.rows]


def _measures(blocks: list[_Block]) -> _Doc:
    """Line pitch of the body, and each page's body margins."""
    steps: list[float] = []
    heights: list[float] = []
    x0s: dict[int, Counter[int]] = {}
    x1s: dict[int, list[float]] = {}
    for block in blocks:
        for prev, row in pairwise(block.rows):
            step = row.bottom - prev.bottom
            if 0 < step < 3 * row.height:
                steps.append(step)
        heights.extend(row.height for row in block.rows)
        if block.body:
            number = block.page.number
            x0s.setdefault(number, Counter()).update(round(row.x0 / 2) * 2 for row in block.rows)
            x1s.setdefault(number, []).extend(row.x1 for row in block.rows)
    pitch = median(steps) if steps else 1.2 * (median(heights) if heights else 12.0)
    doc = _Doc(pitch)
    for number, counts in x0s.items():
        doc.left[number] = counts.most_common(1)[0][0]
        doc.right[number] = max(x1s[number])
    return doc


def _paragraph_break(prev: Row, row: Row, block: _Block, doc: _Doc) -> bool:
    """Does ``row`` start a new paragraph after ``prev`` in the body? (Header and footer columns
    are lists of short lines, read without gaps.)"""
    if not block.body:
        return False
    if row.bottom - prev.bottom > PARAGRAPH_GAP * doc.pitch:
        return True
    number = block.page.number
    left, right = doc.left.get(number), doc.right.get(number)
    if left is None or right is None:
        return False
    indented = row.x0 >= left + INDENT and prev.x0 <= left + INDENT / 2
    finished = prev.x1 < right - 0.05 * (right - left) or prev.text[-1:] in _TERMINAL
    return indented and finished


def _join_hyphen(prev: list[Word], row: list[Word]) -> bool:
    """Move the first word of ``row`` onto ``prev`` when ``prev`` ends with a broken word."""
    if not prev or not row:
        return False
    last, first = prev[-1].text, row[0].text
    if last.endswith("\u00ad"):
        joined = last[:-1] + first
    elif len(last) >= 2 and last[-1] == "-" and last[-2].isalnum() and first[:1].isalnum():
        joined = last + first
    else:
        return False
    prev[-1] = replace(prev[-1], text=joined)
    del row[0]
    return True


def _line(words: list[Word], page: int, column: str | None, style: StyleLookup | None) -> Line:
    """A layout Line from a row's words; font facts from the first word with a letter."""
    text = " ".join(w.text for w in words)
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")
    x0, top, x1, bottom = words[0].x0, words[0].top, words[0].x1, words[0].bottom
    for w in words:
        top, x1, bottom = min(top, w.top), max(x1, w.x1), max(bottom, w.bottom)
    bbox = (round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2))
    first = next((w for w in words if not w.text.isdigit() and any(c.isalpha() for c in w.text)), words[0])
    facts = first.style if first.style is not None else (style(page, first) if style else (None, None, None))
    return Line(text, page=page, bbox=bbox, column=column, bold=facts[0], italic=facts[1], size=facts[2])


def assemble(pages: list[PageWords], style: StyleLookup | None = None) -> tuple[list[Line], list[ReaderNote]]:
    """Lines of a whole document in reading order, with blank lines at paragraph gaps."""
    paged = [(page, group_rows(page.words)) for page in pages]
    notes = drop_furniture(paged)
    blocks = _blocks(paged)
    doc = _measures(blocks)
    pending: list[tuple[list[Word], int, str | None, bool]] = []  # words, page, column, blank before
    prev_block: _Block | None = None
    for block in blocks:
        for index, row in enumerate(block.rows):
            words = list(row.words)
            same_column = (
                prev_block is not None and block.column is not None and block.column == prev_block.column
            )
            body_flow = prev_block is not None and prev_block.body and block.body
            flows = index > 0 or body_flow or same_column
            if flows and pending and _join_hyphen(pending[-1][0], words):
                if not words:
                    continue
                blank = False
            elif index == 0:
                blank = (
                    bool(pending) and not same_column and (not body_flow or _ends_sentence(pending[-1][0]))
                )
            else:
                blank = _paragraph_break(block.rows[index - 1], row, block, doc)
            pending.append((words, block.page.number, block.column, blank))
        prev_block = block
    lines: list[Line] = []
    for words, page, column, blank in pending:
        if blank:
            lines.append(Line("", page=page, column=column))
        lines.append(_line(words, page, column, style))
    return lines, notes


def _ends_sentence(words: list[Word]) -> bool:
    return bool(words) and words[-1].text[-1:] in _TERMINAL
