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


# C0 and C1 controls but tab and newline, DEL, and the bidi controls that reorder what a terminal shows
_TERMINAL_UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_text(value: Any) -> str:
    """``value`` as text a terminal shows as it is: an escape sequence in a file name or a field
    (colours, OSC-8 links, a cleared screen) is written out as ``\\x1b``, never sent.

    >>> terminal_text("a\x1b[31mred")
    'a\\x1b[31mred'
    """
    return _TERMINAL_UNSAFE_RE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}",
        str(value),
    )


def xml_text(value: Any) -> Any:
    """``value`` without the characters XML 1.0 cannot hold (a string), or unchanged."""
    return _XML_INVALID_RE.sub("", value) if isinstance(value, str) else value
