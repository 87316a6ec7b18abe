"""HTML files, including the Word "web page" that archives often store with a .doc name.

The text of each block element (paragraph, heading, list item, table cell) becomes a line, in
document order; ``<br>`` breaks a line. Scripts, styles, the head and comments (Word's ``<!--[if
gte mso 9]>`` XML) are skipped. lxml parses when it is installed (it comes with python-docx),
the standard library's html.parser otherwise; both feed the same collector.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import EmptyDocumentError
from ..layout import Layout, Line, ReaderNote
from .safety import check_file, scrub
from .text import decode_text, legacy_decoder

BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "caption", "center", "dd", "div", "dl", "dt"}
    | {"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td"}
    | {"tfoot", "th", "thead", "tr", "ul"}
)
SKIPPED_TAGS = frozenset({"head", "script", "style", "template", "noscript", "xml", "title"})
_CELL_TAGS = frozenset({"td", "th"})
_SPACE_RE = re.compile(r"[ \t\r\n\f]+")  # HTML white space; a no-break space is kept
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


class _Collector:
    """Builds lines from start-tag, end-tag and text events, whichever parser sends them."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._buffer: list[str] = []
        self._skip = 0
        self._blocks = 0

    def start(self, tag: str, attrs: object = None) -> None:
        tag = tag.lower()
        if tag in SKIPPED_TAGS:
            self._skip += 1
        elif tag == "br":
            self._flush(keep_block=True)
        elif tag in BLOCK_TAGS:
            self._flush(blank_if_empty=False)

    def end(self, tag: str) -> None:
        tag = tag.lower()
        if tag in SKIPPED_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self._flush()
            if tag in _CELL_TAGS or tag == "table":
                self._blank()  # a blank line around table cells, as in the DOCX reader

    def data(self, text: str) -> None:
        if not self._skip:
            self._buffer.append(text)

    def comment(self, text: str) -> None:
        """Comments hold no document text."""

    def close(self) -> list[Line]:
        self._flush()
        return self.lines

    def _flush(self, keep_block: bool = False, blank_if_empty: bool = True) -> None:
        """End the current line; an element that ends without text (``<p>&nbsp;</p>``) is a blank line."""
        text = _SPACE_RE.sub(" ", "".join(self._buffer)).strip(" ")
        self._buffer.clear()
        if text.strip():
            self.lines.append(Line(text=text, block=f"p{self._blocks}"))
        elif blank_if_empty and not keep_block:
            self._blank()
        if not keep_block:
            self._blocks += 1

    def _blank(self) -> None:
        if self.lines and self.lines[-1].text:
            self.lines.append(Line(text=""))


class _StdlibParser(HTMLParser):
    """html.parser sending its events to a collector."""

    def __init__(self, collector: _Collector) -> None:
        super().__init__(convert_charrefs=True)
        self._collector = collector

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._collector.start(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._collector.start(tag)
        if tag.lower() != "br":
            self._collector.end(tag)

    def handle_endtag(self, tag: str) -> None:
        self._collector.end(tag)

    def handle_data(self, data: str) -> None:
        self._collector.data(data)


def parse_html(text: str, prefer_lxml: bool = True) -> list[Line]:
    """Lines of an HTML text; lxml parses when installed (and preferred), html.parser otherwise."""
    collector = _Collector()
    try:
        if not prefer_lxml:
            raise ImportError("html.parser asked for")
        from lxml import etree
    except ImportError:
        parser = _StdlibParser(collector)
        parser.feed(text)
        parser.close()
        return collector.close()
    lxml_parser = etree.HTMLParser(target=collector)
    lxml_parser.feed(text)
    return lxml_parser.close()


def decode_html(data: bytes, path: str) -> tuple[str, list[ReaderNote]]:
    """Decode by the BOM, then by the charset the page declares, then as text files are."""
    notes: list[ReaderNote] = []
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _CHARSET_RE.search(data[:4096])
        if declared:
            charset = declared.group(1).decode("ascii")
            try:
                if not codecs.lookup(charset)._is_text_encoding or charset.lower() == "undefined":
                    raise LookupError(charset)
                return data.decode(charset), []
            except (LookupError, UnicodeError, ValueError):
                # 'undefined' is a Python codec that refuses everything; 'base64' is not text
                message = (
                    f"the page declares charset={charset!r}, which does not decode it; read as text files are"
                )
                notes.append(ReaderNote("charset_ignored", message))
    text, more = decode_text(data, path)
    return text, [*notes, *more]


def read_html(path: Path) -> Layout:
    """An HTML file as a one-page layout of its block elements' text."""
    check_file(path)
    text, notes = decode_html(path.read_bytes(), str(path))
    lines = parse_html(scrub(text))
    for line in lines:
        line.text = scrub(line.text)  # a character reference to a lone surrogate (&#xD800;)
    if not any(line.text.strip() for line in lines):
        raise EmptyDocumentError(str(path), "the HTML file has no text")
    legacy = legacy_decoder("\n".join(line.text for line in lines))
    if legacy is not None:
        decoder, note = legacy
        for line in lines:
            line.text = decoder(line.text)
        notes.append(note)
    return Layout(lines=lines, source=str(path), format="html", notes=notes, lines_are_paragraphs=True)
