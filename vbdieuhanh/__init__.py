"""vbdieuhanh: read Vietnamese administrative documents into structured, linked data.

>>> import vbdieuhanh
>>> doc = vbdieuhanh.parse_text("UBND TỈNH LAI CHÂU\\nSố: 12/UBND-VX\\nV/v họp")
>>> doc.number_symbol
'12/UBND-VX'
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any, BinaryIO

from .corrections import CorrectionError, apply_corrections, load_corrections
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
from .layout import Layout, Line, ReaderNote
from .models import (
    SCHEMA_VERSION,
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
from .vocab import set_vocabulary_overlay, vocabulary_overlay

__version__ = "0.1.0"


def is_compiled() -> bool:
    """Does the parser run as C compiled by mypyc (a wheel, ``pip install .``) rather than as Python
    (an editable install, or no C compiler at install time)? The records are the same either way."""
    from . import parser

    return not (parser.__file__ or "").endswith(".py")


logger = logging.getLogger("vbdieuhanh")
logger.addHandler(logging.NullHandler())  # the application decides where records go


def _parse_path(path: Path, name: str, options: dict[str, Any]) -> Document:
    from .readers import read_file

    started = time.perf_counter()
    layout = read_file(path, **options)
    read = time.perf_counter() - started
    logger.debug(
        "%s: read by the %s reader in %.3f s (%d pages, %d lines, OCR: %s)",
        name, layout.format, read, layout.pages, len(layout.lines), "yes" if layout.ocr else "no",
    )  # fmt: skip
    document = parse_layout(layout)
    logger.debug("%s: parsed in %.3f s", name, time.perf_counter() - started - read)
    return document


def parse_file(
    file: str | os.PathLike[str] | BinaryIO,
    *,
    pdf_engine: str = "pdfium",
    ocr: str = "auto",
    ocr_lang: str = "vie",
    name: str | None = None,
    limits: Limits | None = None,
) -> Document:
    """Parse a file (PDF, DOCX, legacy .doc, text, image) into a Document.

    ``file``: a path, or a binary file-like object (opened with ``"rb"``, ``io.BytesIO``…) whose
    ``name`` attribute, or the ``name`` argument, gives the file name the format is guessed from.
    ``pdf_engine``: "pdfium" (default) or "pdfplumber"; ``ocr``: "auto", "always" or "never";
    ``limits``: the bounds the readers keep (sizes, pages, time limits; see docs/limits.md).
    Raises a :class:`VbdhError` subclass naming the file and the cause when it cannot be read.
    """
    options: dict[str, Any] = {"pdf_engine": pdf_engine, "ocr": ocr, "ocr_lang": ocr_lang, "limits": limits}
    if hasattr(file, "read"):
        data = file.read()
        if not isinstance(data, bytes):
            raise TypeError("parse_file needs a binary file object (open(path, 'rb'), io.BytesIO)")
        return parse_bytes(data, name or str(getattr(file, "name", "") or "document.txt"), **options)
    path = Path(file)
    logger.debug("%s: reading the file", path)
    return _parse_path(path, str(path), options)


def parse_bytes(data: bytes, name: str = "document.txt", **options: Any) -> Document:
    """Parse a file's content given as bytes; ``name`` is its file name (the format is guessed from
    the bytes, then from the name's suffix) and becomes ``Document.file``.

    ``options``: those of :func:`parse_file` (``pdf_engine``, ``ocr``, ``ocr_lang``). The readers
    work on files (pdfium, LibreOffice), so the bytes are written to a private temporary folder that
    is removed afterwards.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes needs bytes, not {type(data).__name__}")
    logger.debug("%s: parsing %d bytes given in memory", name, len(data))
    base = Path(name).name or "document.txt"
    with tempfile.TemporaryDirectory(prefix="vbdieuhanh-") as folder:
        path = Path(folder) / base
        path.write_bytes(bytes(data))
        try:
            document = _parse_path(path, name, options)
        except VbdhError as error:
            raise type(error)(name, error.cause) from error
    document.file = name
    return document


__all__ = [
    "SCHEMA_VERSION",
    "Addressee",
    "Agency",
    "Assignee",
    "Citation",
    "CorrectionError",
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
    "ReaderNote",
    "Recipient",
    "Signer",
    "Source",
    "Task",
    "TimeLimitError",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "VbdhError",
    "__version__",
    "apply_corrections",
    "is_compiled",
    "json_schema",
    "load_corrections",
    "logger",
    "parse_bytes",
    "parse_file",
    "parse_layout",
    "parse_text",
    "set_vocabulary_overlay",
    "use_limits",
    "vocabulary_overlay",
]
