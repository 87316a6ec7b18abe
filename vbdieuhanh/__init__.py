"""vbdieuhanh: read Vietnamese administrative documents into structured, linked data.

>>> import vbdieuhanh
>>> doc = vbdieuhanh.parse_text("UBND TỈNH LAI CHÂU\\nSố: 12/UBND-VX\\nV/v họp")
>>> doc.number_symbol
'12/UBND-VX'
"""

from __future__ import annotations

from pathlib import Path

from .errors import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedFileError,
    FileTooLargeError,
    MissingDependencyError,
    NotRegularFileError,
    TimeLimitError,
    UnreadableFileError,
    UnsupportedFormatError,
    VbdhError,
)
from .layout import Layout, Line
from .models import (
    Addressee,
    Agency,
    Assignee,
    Citation,
    Deadline,
    Document,
    Indicator,
    ParseWarning,
    Recipient,
    Signer,
    Source,
    Task,
    json_schema,
)
from .parser import parse_layout, parse_text
from .readers.limits import Limits, use_limits

__version__ = "0.1.0"


def parse_file(
    path: str | Path,
    *,
    pdf_engine: str = "pdfium",
    ocr: str = "auto",
    ocr_lang: str = "vie",
    limits: Limits | None = None,
) -> Document:
    """Parse a file (PDF, DOCX, legacy .doc, text, image) into a Document.

    ``pdf_engine``: "pdfium" (default) or "pdfplumber"; ``ocr``: "auto", "always" or "never";
    ``limits``: the bounds the readers keep (sizes, pages, time limits; see docs/limits.md).
    Raises a :class:`VbdhError` subclass naming the file and the cause when it cannot be read.
    """
    from .readers import read_file

    layout = read_file(path, pdf_engine=pdf_engine, ocr=ocr, ocr_lang=ocr_lang, limits=limits)
    return parse_layout(layout)


__all__ = [
    "Addressee",
    "Agency",
    "Assignee",
    "Citation",
    "CorruptFileError",
    "Deadline",
    "Document",
    "EmptyDocumentError",
    "EncryptedFileError",
    "FileTooLargeError",
    "Indicator",
    "Layout",
    "Limits",
    "Line",
    "MissingDependencyError",
    "NotRegularFileError",
    "ParseWarning",
    "Recipient",
    "Signer",
    "Source",
    "Task",
    "TimeLimitError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "VbdhError",
    "__version__",
    "json_schema",
    "parse_file",
    "parse_layout",
    "parse_text",
    "use_limits",
]
