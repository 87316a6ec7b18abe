"""Values made safe for the files other programs open: spreadsheets and XML (a kernel module: it
imports nothing of the package, so the listing writer and the archive's exports share it).

A CSV cell that begins with ``=``, ``+``, ``-`` or ``@`` is a formula to Excel and LibreOffice
("=HYPERLINK(…)" in a task's text runs when the file is opened): it gets a leading apostrophe, as
OWASP advises; a plain number ("-5") is left alone. XML 1.0 cannot hold most control characters,
U+FFFE, U+FFFF or lone surrogates: they are dropped from GraphML.
"""

from __future__ import annotations

import re
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def safe_cell(value: Any) -> Any:
    """``value`` for a CSV or XLSX cell: a text a spreadsheet would run as a formula is quoted.

    >>> safe_cell('=HYPERLINK("http://x")'), safe_cell("-5"), safe_cell("Sở Y tế")
    ('\\'=HYPERLINK("http://x")', '-5', 'Sở Y tế')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER_RE.fullmatch(value):
        return "'" + value
    return value


def xml_text(value: Any) -> Any:
    """``value`` without the characters XML 1.0 cannot hold (a string), or unchanged."""
    return _XML_INVALID_RE.sub("", value) if isinstance(value, str) else value
