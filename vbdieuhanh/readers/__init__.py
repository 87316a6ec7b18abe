"""Readers turn files into a Layout; ``read_file`` picks one by the file's content, then its name.

Each format lives in its own module and is imported only when a file of that format arrives:

- ``pdf.read_pdf``      PDF with a text layer (pypdfium2 or pdfplumber); scanned pages go to OCR
- ``ocr.read_image``    PNG / JPEG / TIFF page images (Tesseract)
- ``docx.read_docx``    Word 2007+ (python-docx)
- ``legacy.read_doc``   Word 97 .doc and RTF (converted with LibreOffice)
- ``html.read_html``    HTML, including Word's "web page" saved with a .doc name
- ``text.read_text``    plain text and Markdown
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import CorruptFileError, FileTooLargeError, UnsupportedFormatError, VbdhError
from ..layout import Layout
from .limits import Limits, current, megabytes, use_limits

MAX_BYTES = Limits().max_bytes  # the default; see limits.Limits
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
# What a walk through a folder picks up: Markdown too (scraped portal pages are saved as .md), but not
# a folder's own notes (README.md, CHANGELOG.md …).
FOLDER_SUFFIXES = frozenset(
    {".txt", ".md", ".pdf", ".docx", ".doc", ".rtf", ".htm", ".html"}
    | {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
)
_FOLDER_NOTES = frozenset({"readme", "changelog", "license", "licence", "contributing", "authors", "notes"})


def is_document_name(name: str) -> bool:
    """Is a file met in a folder walk (or a zip file) a document to read? 'a.pdf' yes, 'README.md' no."""
    path = Path(name)
    if path.name.startswith(".") or path.suffix.lower() not in FOLDER_SUFFIXES:
        return False
    return path.stem.lower() not in _FOLDER_NOTES


PDF_ENGINES = ("pdfium", "pdfplumber")
OCR_MODES = ("auto", "always", "never")


def iter_inputs(paths: Sequence[str]) -> Iterator[Path]:
    """Files named on a command line; folders are walked for supported files, in sorted order.

    The walk does not follow symbolic links to folders (a link loop would never end); links to
    files are read like files, and anything that is not a regular file is refused when read.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from walk_documents(path)
        else:
            yield path


def walk_documents(folder: Path) -> Iterator[Path]:
    """The document files under a folder, in sorted order, without following links to folders."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for file in sorted(files):
            if is_document_name(file):
                yield Path(root) / file


def sniff(head: bytes) -> str | None:
    """The format a file's first bytes reveal, or None for plain text / unknown content."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    stripped = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if stripped.startswith((b"<html", b"<!doctype html", b"<?xml")) or b"<html" in stripped[:512]:
        return "html"
    return None


def read_file(
    path: str | Path,
    *,
    pdf_engine: str = "pdfium",
    ocr: str = "auto",
    ocr_lang: str = "vie",
    limits: Limits | None = None,
) -> Layout:
    """Read any supported file into a Layout, or raise a VbdhError naming the file and cause.

    ``pdf_engine`` is "pdfium" (pypdfium2, default) or "pdfplumber"; ``ocr`` is "auto" (OCR pages
    without a text layer), "always" or "never"; ``ocr_lang`` is Tesseract's language list;
    ``limits`` the bounds to keep (default: those in force, see :mod:`vbdieuhanh.readers.limits`).
    Nothing but a :class:`VbdhError` escapes for a bad file: an unexpected failure of a reader on
    a damaged file is a ``CorruptFileError`` naming the exception.
    """
    if pdf_engine not in PDF_ENGINES:
        raise ValueError(f"pdf_engine must be one of {PDF_ENGINES}, not {pdf_engine!r}")
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    with use_limits(limits or current()) as chosen:
        try:
            return _read_file(Path(path), pdf_engine, ocr, ocr_lang, chosen)
        except VbdhError:
            raise
        except Exception as error:  # MemoryError and RecursionError too: one line, never a traceback
            detail = " ".join(str(error).split())[:200] or "no message"
            raise CorruptFileError(
                str(path), f"the file could not be read ({type(error).__name__}: {detail})"
            ) from error


def _read_file(path: Path, pdf_engine: str, ocr: str, ocr_lang: str, limits: Limits) -> Layout:
    from .safety import check_file

    name = str(path)
    size, head = check_file(path, limits)
    kind = sniff(head)
    suffix = path.suffix.lower()
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(path, engine=pdf_engine, ocr=ocr, ocr_lang=ocr_lang)
    if kind == "zip":
        from .docx import read_docx

        return read_docx(path)
    if kind in ("ole", "rtf"):
        from .legacy import read_doc

        return read_doc(path)
    if kind == "image":
        if ocr == "never":
            raise UnsupportedFormatError(name, "an image has no text layer and OCR is off (ocr='never')")
        from .ocr import read_image

        return read_image(path, ocr_lang=ocr_lang)
    if kind != "html" and suffix in (".pdf", ".docx", ".doc", ".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        raise UnsupportedFormatError(name, f"the name says {suffix} but the content is not {suffix[1:]}")
    if kind != "html" and suffix not in TEXT_SUFFIXES:
        raise UnsupportedFormatError(name, f"cannot read {suffix} files")
    if size > limits.max_text_bytes:
        raise FileTooLargeError(
            name,
            f"{megabytes(size)} of text is over the {megabytes(limits.max_text_bytes)} limit "
            "(max_text_bytes)",
        )
    if kind == "html":
        from .html import read_html

        return read_html(path)
    from .text import read_text

    return read_text(path)
