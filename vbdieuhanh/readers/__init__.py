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

from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import (
    EmptyDocumentError,
    FileTooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from ..layout import Layout

MAX_BYTES = 200 * 1024 * 1024
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
    """Files named on a command line; folders are walked for supported files, in sorted order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_document_name(p.name))
        else:
            yield path


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
) -> Layout:
    """Read any supported file into a Layout, or raise a VbdhError naming the file and cause.

    ``pdf_engine`` is "pdfium" (pypdfium2, default) or "pdfplumber"; ``ocr`` is "auto" (OCR pages
    without a text layer), "always" or "never"; ``ocr_lang`` is Tesseract's language list.
    """
    path = Path(path)
    name = str(path)
    if pdf_engine not in PDF_ENGINES:
        raise ValueError(f"pdf_engine must be one of {PDF_ENGINES}, not {pdf_engine!r}")
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    try:
        if path.is_dir():
            raise UnreadableFileError(name, "is a directory")
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(2048)
    except FileNotFoundError as error:
        raise UnreadableFileError(name, "no such file") from error
    except PermissionError as error:
        raise UnreadableFileError(name, "permission denied") from error
    except OSError as error:
        raise UnreadableFileError(name, error.strerror or str(error)) from error
    if size == 0:
        raise EmptyDocumentError(name, "the file is empty (0 bytes)")
    if size > MAX_BYTES:
        limit = MAX_BYTES // 1_000_000
        raise FileTooLargeError(name, f"{size / 1e6:.0f} MB is over the {limit} MB limit")
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
    if kind == "html":
        from .html import read_html

        return read_html(path)
    if kind == "image":
        if ocr == "never":
            raise UnsupportedFormatError(name, "an image has no text layer and OCR is off (ocr='never')")
        from .ocr import read_image

        return read_image(path, ocr_lang=ocr_lang)
    if suffix in (".pdf", ".docx", ".doc", ".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        raise UnsupportedFormatError(name, f"the name says {suffix} but the content is not {suffix[1:]}")
    if suffix in TEXT_SUFFIXES:
        from .text import read_text

        return read_text(path)
    raise UnsupportedFormatError(name, f"cannot read {suffix} files")
