"""Readers turn files into a Layout; ``read_file`` picks one by the file's content and name."""

from __future__ import annotations

from pathlib import Path

from ..errors import (
    EmptyDocumentError,
    FileTooLargeError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from ..layout import Layout
from .text import read_text

MAX_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})


def sniff(head: bytes) -> str | None:
    """The format a file's first bytes reveal: pdf, zip (DOCX), ole (legacy .doc), html, or None."""
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    stripped = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if stripped.startswith((b"<html", b"<!doctype html", b"<?xml")):
        return "html"
    if head.startswith(b"{\\rtf"):
        return "rtf"
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
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UnreadableFileError(name, "is a directory")
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
        raise FileTooLargeError(name, f"{size / 1e6:.0f} MB is over the {MAX_BYTES // 1_000_000} MB limit")
    kind = sniff(head)
    suffix = path.suffix.lower()
    if kind is None and suffix in TEXT_SUFFIXES:
        return read_text(path)
    raise UnsupportedFormatError(
        name, f"cannot read {suffix or 'this'} files yet ({kind or 'unknown content'})"
    )
