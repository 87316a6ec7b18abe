"""Words and font facts from pdfplumber (pdfminer.six): slower than pdfium, kept selectable."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .columns import Style, Word

_BOLD_NAME_RE = re.compile(r"bold|black|heavy|semibold|demi|,b\b|-b\b", re.I)
_ITALIC_NAME_RE = re.compile(r"italic|oblique|,i\b|-i\b", re.I)


def font_style(fontname: str, size: float) -> Style:
    """Bold and italic from a font name ('ABCDEE+TimesNewRomanPS-BoldMT'), and the size."""
    return bool(_BOLD_NAME_RE.search(fontname)), bool(_ITALIC_NAME_RE.search(fontname)), round(size, 1)


def open_document(path: Path) -> Any:
    """A pdfplumber document (imported only when this engine is chosen)."""
    import pdfplumber

    return pdfplumber.open(path)


def page_words(document: Any, index: int) -> list[Word]:
    """The words of page ``index`` (0-based) with boxes from the top left, font facts included."""
    page = document.pages[index]
    words: list[Word] = []
    for item in page.extract_words(keep_blank_chars=False, use_text_flow=True, return_chars=True):
        first = item["chars"][0]
        text = item["text"].replace("\ufffe", "-")
        words.append(
            Word(
                text,
                float(item["x0"]),
                float(item["top"]),
                float(item["x1"]),
                float(item["bottom"]),
                style=font_style(str(first.get("fontname", "")), float(first.get("size", 0.0))),
            )
        )
    page.flush_cache()
    return words
