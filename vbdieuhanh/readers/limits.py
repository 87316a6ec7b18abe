"""The bounds the readers keep to, so that no file can make them hang, read forever or fill memory.

Every bound has a default (below and in docs/limits.md), an environment variable that changes it for
a whole process and its workers (``VBDH_MAX_BYTES=500000000``), and a keyword that changes it for one
call (``read_file(path, limits=Limits(max_pages=50))``) or for a block of code::

    with use_limits(max_pages=50, ocr_timeout=30):
        vbdieuhanh.parse_file("big.pdf")

A file over a bound is refused with one of the library's typed errors (``FileTooLargeError``,
``TimeLimitError``, ``NotRegularFileError``…) naming the file and the bound, or, for page counts,
read up to the bound with a note that says so.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache

ENV_PREFIX = "VBDH_"


@dataclass(frozen=True, slots=True)
class Limits:
    """The readers' bounds (sizes in bytes, times in seconds)."""

    max_bytes: int = 200 * 1024 * 1024
    """One file, and one member of a zip file (by its declared size, before it is read)."""
    max_text_bytes: int = 32 * 1024 * 1024
    """One text or HTML file (a letter is a few kilobytes; a text file is held whole while it is read)."""
    max_unzipped_bytes: int = 512 * 1024 * 1024
    """All the parts of a DOCX package together, uncompressed (the sizes its zip directory declares)."""
    max_part_bytes: int = 128 * 1024 * 1024
    """One part of a DOCX package (word/document.xml, an image …), uncompressed."""
    max_stream_bytes: int = 256 * 1024 * 1024
    """One stream of a PDF, inflated (pdfium inflates a page's content stream whole into memory)."""
    max_inflated_bytes: int = 2 * 1024 * 1024 * 1024
    """All the streams of a PDF together, inflated."""
    max_content_bytes: int = 512 * 1024 * 1024
    """The content pdfium parses for the pages of a PDF, decoded: each content stream and form
    counted as often as a page lists it in its ``/Contents`` or it is drawn (forms drawn by forms:
    multiplied)."""
    max_drawn_streams: int = 20_000
    """Content streams and forms pdfium parses for the pages of a PDF, counted in the same way."""
    max_pages: int = 500
    """PDF pages read; the pages after them are left out, with a note."""
    max_ocr_pages: int = 100
    """Pages of one file sent to Tesseract (scanned PDF pages, TIFF frames); the rest: left out, noted."""
    max_render_pixels: int = 36_000_000
    """Pixels of one page rendered for OCR (A3 at 300 dpi is 17 million); bigger pages: a lower dpi."""
    max_image_pixels: int = 120_000_000
    """Pixels of one image file or TIFF frame (an A3 scan at 600 dpi is 70 million)."""
    ocr_timeout: float = 180.0
    """Seconds Tesseract may take for one page."""
    convert_timeout: float = 120.0
    """Seconds LibreOffice may take to convert one .doc or .rtf file."""
    max_zip_members: int = 1_000_000
    """Members of one zip file given to ingest."""
    max_zip_depth: int = 2
    """Zip files inside zip files read by ingest: 1 reads none, 2 reads zips in a zip, and so on."""
    max_list_number: int = 32767
    """A list counter in a DOCX (Word's own bound for a start value); larger values are clamped."""

    def replace(self, **changes: int | float) -> Limits:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """Defaults, changed by ``VBDH_<FIELD>`` variables (``VBDH_MAX_PAGES=50``)."""
        environ = os.environ if environ is None else environ
        return _limits_from(tuple(environ.get(name) for name in _env_names()))


@cache
def _env_names() -> tuple[str, ...]:
    return tuple(ENV_PREFIX + item.name.upper() for item in dataclasses.fields(Limits))


@lru_cache(maxsize=64)
def _limits_from(raws: tuple[str | None, ...]) -> Limits:
    """The limits the values of the VBDH_ variables give (remembered: read for every file)."""
    changes: dict[str, int | float] = {}
    for item, raw in zip(dataclasses.fields(Limits), raws, strict=True):
        if raw is None or not raw.strip():
            continue
        kind = float if item.type in ("float", float) else int
        try:
            value = kind(raw.strip().replace("_", ""))
        except ValueError as error:
            raise ValueError(f"{ENV_PREFIX}{item.name.upper()} must be a number, not {raw!r}") from error
        if value <= 0:
            raise ValueError(f"{ENV_PREFIX}{item.name.upper()} must be positive, not {raw!r}")
        changes[item.name] = value
    return Limits(**changes)  # type: ignore[arg-type]


_current: ContextVar[Limits | None] = ContextVar("vbdieuhanh_limits", default=None)


def current() -> Limits:
    """The limits in force: those of the enclosing ``use_limits``, else the environment's."""
    limits = _current.get()
    return limits if limits is not None else Limits.from_env()


@contextmanager
def use_limits(limits: Limits | None = None, **changes: int | float) -> Iterator[Limits]:
    """Run a block under other limits (a ``Limits``, or changes to those in force)."""
    chosen = (limits or current()).replace(**changes) if changes else (limits or current())
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def megabytes(size: int) -> str:
    """'210 MB' for a size in bytes, as the errors say it."""
    return f"{size / 1_000_000:,.0f} MB" if size >= 1_000_000 else f"{size:,} bytes"
