"""Words and font facts from a pypdfium2 text page, without a Python object per character.

pdfium gives the page text in one call (``get_text_range``) with one string index per character,
spaces and line breaks included. A word is a run of non-space characters; its left edge and
baseline come from its first character's origin, its right edge, top and bottom from its last
character's loose box: two ctypes calls per word. (Rows are built on baselines: some producers'
loose boxes follow each glyph's outline.)
pdfium joins a word hyphenated at a line end ("1849/BGDĐT-" + "GDPT") and marks the hyphen U+FFFE:
the word is cut there again so that each part keeps its own line, and ``columns`` joins them back
in reading order. Font facts are looked up only for the first word of each final line.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .columns import Style, Word
from .safety import scrub

_WORD_RE = re.compile(r"[^\s\ufffe]+\ufffe?|\ufffe")
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())
_LOWER = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower())
# where a space is often missing between two runs of text: "09/KH-THPTCLngày", "tỉnh.Sở"
_RUN_BOUNDARY_RE = re.compile(f"(?<=[{_UPPER}]{{2}})(?=[{_LOWER}])|(?<=[{_LOWER}.,;:)])(?=[{_UPPER}])")
MISSING_SPACE = 0.12  # a gap this share of the glyph height inside a word is a space pdfium did not add
_FONT_ITALIC = 1 << 6
_FONT_FORCE_BOLD = 1 << 18
_BOLD_NAME_RE = re.compile(r"bold|black|heavy|semibold|demi|,b\b|-b\b", re.I)
_ITALIC_NAME_RE = re.compile(r"italic|oblique|,i\b|-i\b", re.I)


def page_text(textpage: pdfium.PdfTextPage) -> str:
    """All characters of a page, one string index per pdfium character index."""
    count = textpage.count_chars()
    if count <= 0:
        return ""
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: rebuild index by index
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count))
    return scrub(text)  # lone surrogates become U+FFFD, one character for one: indexes hold


def page_words(textpage: pdfium.PdfTextPage, text: str, page: pdfium.PdfPage) -> list[Word]:
    """The words of a page with boxes in points from the top left of the page's box (its crop box
    within its media box, inherited from the page tree when the page has none of its own)."""
    left, _, _, top = page.get_bbox()
    handle = textpage.raw
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    box = pdfium_c.FPDFText_GetLooseCharBox
    origin = pdfium_c.FPDFText_GetCharOrigin
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(origin_x), ctypes.byref(origin_y)
    cuts = _missing_spaces(handle, text, rect)
    spans = (m.span() for m in _WORD_RE.finditer(text))
    if cuts:
        spans = (piece for span in spans for piece in _cut(span, cuts))
    words: list[Word] = []
    for start, end in spans:
        origin(handle, start, x_ref, y_ref)
        box(handle, end - 1, rect_ref)
        word = text[start:end]
        if "\ufffe" in word:
            word = word.replace("\ufffe", "-")
        words.append(
            Word(
                word,
                origin_x.value - left,
                top - rect.top,
                rect.right - left,
                top - rect.bottom,
                ref=start,
                baseline=top - origin_y.value,
            )
        )
    return words


def _missing_spaces(handle: object, text: str, rect: pdfium_c.FS_RECTF) -> list[int]:
    """Indexes where a case change inside a word hides a visible gap without a space character."""
    cuts: list[int] = []
    rect_ref = ctypes.byref(rect)
    for match in _RUN_BOUNDARY_RE.finditer(text):
        cut = match.start()
        if cut == 0 or text[cut - 1].isspace() or text[cut].isspace():
            continue
        pdfium_c.FPDFText_GetLooseCharBox(handle, cut - 1, rect_ref)
        right, height = rect.right, rect.top - rect.bottom
        pdfium_c.FPDFText_GetLooseCharBox(handle, cut, rect_ref)
        if rect.left - right > MISSING_SPACE * height:
            cuts.append(cut)
    return cuts


def _cut(span: tuple[int, int], cuts: list[int]) -> list[tuple[int, int]]:
    """A word's span in pieces at the cuts inside it."""
    start, end = span
    inside = cuts[bisect_right(cuts, start) : bisect_left(cuts, end)]
    if not inside:
        return [span]
    bounds = [start, *inside, end]
    return list(pairwise(bounds))


def style_of(textpage: pdfium.PdfTextPage, index: int) -> Style:
    """Bold, italic and size of the character at ``index``."""
    handle = textpage.raw
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    pdfium_c.FPDFText_GetFontInfo(handle, index, buffer, len(buffer), ctypes.byref(flags))
    name = buffer.value.decode("latin-1", "replace")
    weight = pdfium_c.FPDFText_GetFontWeight(handle, index)
    bold = weight >= 600 or bool(flags.value & _FONT_FORCE_BOLD) or bool(_BOLD_NAME_RE.search(name))
    italic = bool(flags.value & _FONT_ITALIC) or bool(_ITALIC_NAME_RE.search(name))
    size = pdfium_c.FPDFText_GetFontSize(handle, index)
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(handle, index, ctypes.byref(matrix)):
        size *= max(abs(matrix.d), abs(matrix.b)) or 1.0
    return bold, italic, round(size, 1)


def is_invisible_layer(textpage: pdfium.PdfTextPage) -> bool:
    """True when the first character is drawn invisibly (render mode 3): an OCR layer over a scan."""
    text_object = pdfium_c.FPDFText_GetTextObject(textpage.raw, 0)
    return bool(text_object) and pdfium_c.FPDFTextObj_GetTextRenderMode(text_object) == 3
