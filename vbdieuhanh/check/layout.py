"""Layout rules, read from a DOCX file's own settings (python-docx): A4, margins, font.

Only DOCX gives these facts cheaply; PDF, legacy .doc and text inputs are not judged (the rules yield
nothing). Sizes, bold and italic of each component are left to a later version.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from .findings import CheckContext, Hit, hit, rule

_EMU_PER_MM = 36000
# (side, English side, low, high) in mm: Phụ lục I, Phần I, mục I
_MARGINS = (
    ("trên", "top", 20, 25, "top_margin"),
    ("dưới", "bottom", 20, 25, "bottom_margin"),
    ("trái", "left", 30, 35, "left_margin"),
    ("phải", "right", 15, 20, "right_margin"),
)
_TOLERANCE_MM = 0.6  # Word's inch-based defaults round: 2 cm is stored as 1134 twips = 20.004 mm


def _docx(ctx: CheckContext) -> Any | None:
    """The python-docx Document of the input, or None when it is not a readable DOCX."""
    if ctx.document.format != "docx" or not ctx.path:
        return None
    cached = getattr(ctx, "_docx", False)
    if cached is not False:
        return cached
    try:
        import docx

        value: Any | None = docx.Document(ctx.path)
    except Exception:  # the parser read it; a layout python-docx cannot read is just not judged
        value = None
    ctx._docx = value  # type: ignore[attr-defined]
    return value


def _mm(length: int | None) -> float | None:
    return None if length is None else round(length / _EMU_PER_MM, 1)


@rule("LY01")
def page_a4(ctx: CheckContext) -> Iterator[Hit]:
    document = _docx(ctx)
    if document is None or not document.sections:
        return
    section = document.sections[0]
    width, height = _mm(section.page_width), _mm(section.page_height)
    if width is None or height is None:
        return
    short, long = sorted((width, height))  # landscape is allowed (tables)
    if abs(short - 210) > 1 or abs(long - 297) > 1:
        yield hit((0, 0), width=f"{width:g}", height=f"{height:g}")


@rule("LY02")
def margins(ctx: CheckContext) -> Iterator[Hit]:
    document = _docx(ctx)
    if document is None or not document.sections:
        return
    section = document.sections[0]
    for side, side_en, low, high, attribute in _MARGINS:
        value = _mm(getattr(section, attribute))
        if value is not None and not low - _TOLERANCE_MM <= value <= high + _TOLERANCE_MM:
            yield hit((0, 0), side=side, side_en=side_en, value=f"{value:g}", low=low, high=high)


def _style_font(style: Any) -> str | None:
    while style is not None:
        if style.font is not None and style.font.name:
            return str(style.font.name)
        style = style.base_style
    return None


def _default_font(document: Any) -> str | None:
    defaults = document.styles.element.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docDefaults"
    )
    if defaults is None:
        return None
    for element in defaults.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts"):
        name = element.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii")
        if name:
            return str(name)
    return None


def _paragraphs(document: Any) -> Iterator[Any]:
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


@rule("LY03")
def font(ctx: CheckContext) -> Iterator[Hit]:
    """Most of the text is in Times New Roman; reported only when the file names the fonts."""
    document = _docx(ctx)
    if document is None:
        return
    default = _default_font(document)
    counts: Counter[str] = Counter()
    for paragraph in _paragraphs(document):
        style_font = _style_font(paragraph.style)
        for run in paragraph.runs:
            text = run.text.strip()
            if text:
                counts[run.font.name or style_font or default or "?"] += len(text)
    total = sum(counts.values())
    known = {name: n for name, n in counts.items() if name != "?"}
    other = {name: n for name, n in known.items() if name.strip().lower() != "times new roman"}
    if total and sum(known.values()) * 2 >= total and sum(other.values()) * 2 > total:
        share = round(100 * sum(other.values()) / total)
        names = ", ".join(name for name, _ in Counter(other).most_common(3))
        yield hit((0, 0), share=share, fonts=names)
