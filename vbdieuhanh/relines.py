"""Line breaks for a document that lost them.

A converter or a crawler sometimes writes a whole directive on one line: header, "Kính gửi", the
numbered items, "Nơi nhận" and the signature run together. Zoning reads lines, so such a line is
cut again where a Decree 30 part or a list item begins: before the Quốc hiệu and after the motto,
before "Số:", a place and date, "V/v", "Kính gửi:", "Căn cứ", "Điều 5.", a list marker after the end
of a sentence, "Nơi nhận:", "Lưu:" and an authority mark. Each piece keeps its offset in the input,
so every span still points into the text the user gave.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .layout import Layout, Line
from .lexicon import authority_alternation, body_starters
from .patterns import LOWER, UPPER
from .vocab import glyphs

LONG_LINE = 600  # characters: a line this long holding most of the text has lost its breaks
MOST_OF_THE_TEXT = 0.6
# Markdown bold marks a crawler left around a part; spaces only after them: after the "\s+" before
# it, a "\s*" of its own would rescan the spaces at each step the "\s+" gives back (quadratic)
_STARS = r"(?:\*+\s*)?"
_PLACE_WORD = rf"[{UPPER}][{LOWER}]*\.?"


def _anchors() -> re.Pattern[str]:
    starters = "|".join(re.escape(word) for word in body_starters() if word[:1].isupper())
    return re.compile(
        "|".join(
            (
                rf"(?<=\S)\s+(?={_STARS}CỘNG\s+HÒA\s+XÃ\s+HỘI|{_STARS}ĐẢNG\s+CỘNG\s+SẢN)",
                rf"(?<=\S)\s+(?={_STARS}Độc\s+lập\s*[-–])",
                rf"(?<=\S)\s+(?={_STARS}(?:{_PLACE_WORD}\s+){{0,3}}{_PLACE_WORD},\s*ngày\s+[\d.…_ ]*tháng)",
                r"(?<=Hạnh phúc)\**\s+",
                rf"(?<=\S)\s+(?={_STARS}S[ốô]\s*:)",
                rf"(?<=\S)\s+(?={_STARS}(?:V/v|Về việc)\s)",
                rf"(?<=\S)\s+(?={_STARS}(?:Kính\s+gửi|Nơi\s+nhận)\s*:)",
                rf"(?<=[{LOWER}\")”][.;:])\s+(?=(?:{starters})\s)",
                rf"(?<=[{LOWER}][.;])\s+(?=[{UPPER}]{{2,}}\s+[{UPPER}]{{2,}})",  # "… pthtran. PHÓ CHỦ TỊCH"
                rf"(?<=[.;:])\s+(?=Điều\s+\d+\.|[{re.escape(glyphs('bullet_in_line'))}]\s"
                r"|\d{1,2}(?:\.\d{1,2})*[.)/]\s|[a-zđ]\)\s|[IVX]{1,4}\.\s)",
                rf"(?<=\S)\s+(?=-\s*Lưu\s*:|{_STARS}(?:{authority_alternation(in_line=True)})\.\s*[{UPPER}])",
                r"(?<=\./\.)\s+",
            )
        )
    )


def relined(layout: Layout) -> Layout:
    """The layout with every line that lost its breaks cut into lines; unchanged when none did."""
    lengths = [len(line.text) for line in layout.lines]  # one pass: every parse asks
    longest, total = max(lengths, default=0), sum(lengths)
    if longest < LONG_LINE or longest < MOST_OF_THE_TEXT * total:
        return layout
    anchors = _anchors()
    lines: list[Line] = []
    for line in layout.lines:
        if len(line.text) < longest:
            lines.append(line)
            continue
        start = 0
        for cut in anchors.finditer(line.text):
            lines.append(_piece(line, start, cut.start()))
            start = cut.end()
        lines.append(_piece(line, start, len(line.text)))
    return replace(layout, lines=lines)


def _piece(line: Line, start: int, end: int) -> Line:
    """Part of a line, with its offset in the input (a PDF or DOCX line keeps its page and block)."""
    offset = None if line.source_offset is None else line.source_offset + start
    return replace(line, text=line.text[start:end], source_offset=offset)
