"""The layout every reader produces: pages → blocks → lines, with boxes and font facts.

Readers know file formats and nothing about directives; the parser knows directives and nothing
about file formats. This module is the contract between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, origin top-left


@dataclass(slots=True, init=False)
class Line:
    """One line of text as a reader found it.

    ``page`` (1-based) and ``bbox`` come from PDF and OCR readers; ``block`` names the DOCX
    paragraph or table cell ("p12", "t0.r1.c0.p2"); ``source_offset`` is the line's offset in the
    original string for text input. ``column`` is "left"/"right" inside a two-column header or
    footer. Font facts are ``None`` when the format does not give them.
    """

    text: str
    page: int | None = None
    bbox: BBox | None = None
    block: str | None = None
    column: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    source_offset: int | None = None

    def __init__(
        self,
        text: str,
        page: int | None = None,
        bbox: BBox | None = None,
        block: str | None = None,
        column: str | None = None,
        bold: bool | None = None,
        italic: bool | None = None,
        size: float | None = None,
        source_offset: int | None = None,
    ) -> None:
        # the __init__ @dataclass would write, written here: the compiled build calls this one as C,
        # a generated one through the interpreter (thousands of instructions a line)
        self.text = text
        self.page = page
        self.bbox = bbox
        self.block = block
        self.column = column
        self.bold = bold
        self.italic = italic
        self.size = size
        self.source_offset = source_offset


@dataclass(slots=True)
class ReaderNote:
    """Something a reader wants the user to know (an OCR repair, a dropped page header…)."""

    code: str
    message: str


@dataclass(slots=True)
class Layout:
    """A document as lines in reading order, with where it came from."""

    lines: list[Line]
    source: str = "<text>"
    format: str = "text"
    pages: int = 1
    notes: list[ReaderNote] = field(default_factory=list)
    ocr: bool = False
    # True when every line is a whole paragraph (DOCX); False when lines may be wrapped (PDF, OCR, text)
    lines_are_paragraphs: bool = False
    # when the document was first e-signed (ISO 8601), from its digital signatures or their stamps (PDF)
    signed_at: str | None = None


def layout_from_text(text: str, source: str = "<text>") -> Layout:
    """A one-page layout of plain text, one line per text line, offsets kept."""
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        lines.append(Line(raw, page=1, source_offset=offset))
        offset += len(raw) + 1
    return Layout(lines=lines, source=source, format="text", pages=1)
