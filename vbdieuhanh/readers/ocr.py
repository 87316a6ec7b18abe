"""Scanned pages and page images through Tesseract's Vietnamese model.

Each page is rendered (PDF: pypdfium2 at 300 dpi, 200 for pages larger than A3, less for a page so
large that it would exceed ``Limits.max_render_pixels``) to a grey PGM
and piped to ``tesseract stdin stdout -l vie --psm 3 tsv`` with ``OMP_THREAD_LIMIT=1``: one page per
process, two processes at a time (Tesseract's own threading is slower on two cores). The TSV word
boxes, in points, go through the same geometry as a PDF text layer (``columns``); key words that
OCR often gets wrong are then repaired, each repair reported (``ocr_repair``).

Bounds (``limits``): Tesseract is stopped after ``ocr_timeout`` seconds a page; an image file or
frame over ``max_image_pixels`` is refused before it is decoded; at most ``max_ocr_pages`` pages or
TIFF frames of a file are read, with a note when there are more.
"""

from __future__ import annotations

import io
import logging
import math
import os
import shutil
import subprocess
import time
import warnings
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CorruptFileError, FileTooLargeError, MissingDependencyError, TimeLimitError
from ..layout import Layout, ReaderNote
from .columns import PageWords, Word, assemble
from .limits import current
from .ocr_repair import repair_lines
from .safety import regular_size, scrub

if TYPE_CHECKING:
    import pypdfium2 as pdfium
    from PIL import Image

logger = logging.getLogger("vbdieuhanh.ocr")

DPI = 300
LARGE_PAGE_DPI = 200
LARGE_PAGE_AREA = 2.0 * 595 * 842  # points²: twice A4
WORKERS = max(1, min(2, os.cpu_count() or 1))
A4_WIDTH_INCHES = 8.27
MIN_WORD_CONFIDENCE = 10.0  # Tesseract's confidence below which a word is a speck, not text
MIN_LINE_CONFIDENCE = 40.0  # a line whose words average less is a seal, a signature or a stain
MAX_SIDE_PIXELS = 30_000  # Tesseract (Leptonica) refuses images wider or taller than 32,767 pixels


@cache
def _languages(binary: str) -> frozenset[str]:
    """The language models Tesseract has installed."""
    result = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, check=False)
    return frozenset(line.strip() for line in result.stdout.splitlines()[1:] if line.strip())


def install_hint(lang: str) -> str:
    """The Debian/Ubuntu command that installs Tesseract with the models of ``lang`` ('vie+eng')."""
    return "apt-get install tesseract-ocr " + " ".join(f"tesseract-ocr-{code}" for code in lang.split("+"))


def require_tesseract(lang: str, name: str) -> str:
    """The tesseract binary, or a MissingDependencyError naming the OS packages to install."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise MissingDependencyError(name, f"OCR needs the tesseract program: {install_hint(lang)}")
    missing = [code for code in lang.split("+") if code not in _languages(binary)]
    if missing:
        raise MissingDependencyError(
            name, f"Tesseract has no model for {'+'.join(missing)!r}: {install_hint('+'.join(missing))}"
        )
    return binary


def run_tesseract(
    binary: str, image: bytes, lang: str, dpi: int, name: str, timeout: float | None = None
) -> str:
    """Tesseract's TSV for one page image (PGM/PNG/JPEG bytes), within ``timeout`` seconds
    (default: ``Limits.ocr_timeout``); a TimeLimitError when it overruns (the process is killed)."""
    timeout = current().ocr_timeout if timeout is None else timeout
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = [binary, "stdin", "stdout", "-l", lang, "--psm", "3", "--dpi", str(dpi), "tsv"]
    started = time.perf_counter()
    try:
        result = subprocess.run(
            command, input=image, capture_output=True, env=env, check=False, timeout=timeout
        )
    except subprocess.TimeoutExpired as error:
        cause = f"Tesseract did not read a page within {timeout:g} s (limit ocr_timeout)"
        raise TimeLimitError(name, cause) from error
    logger.debug("%s: Tesseract read a page image in %.2f s", name, time.perf_counter() - started)
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CorruptFileError(
            name, f"Tesseract could not read a page image ({detail[-1] if detail else 'no output'})"
        )
    return result.stdout.decode("utf-8", "replace")


def tsv_words(tsv: str, scale: float) -> list[Word]:
    """Word boxes of a Tesseract TSV, in points (``scale`` = 72 / dpi); one group per OCR line.

    Specks go: words Tesseract hardly believes in, and whole lines of them (a seal, a signature).
    """
    lines: dict[int, list[tuple[Word, float]]] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        confidence = float(cells[10])
        if confidence < MIN_WORD_CONFIDENCE:
            continue
        group = (int(cells[2]) * 1000 + int(cells[3])) * 1000 + int(cells[4])
        left, top, width, height = (int(v) for v in cells[6:10])
        word = Word(
            scrub(cells[11].strip()),
            left * scale,
            top * scale,
            (left + width) * scale,
            (top + height) * scale,
            group=group,
        )
        lines.setdefault(group, []).append((word, confidence))
    return [
        word
        for line in lines.values()
        if sum(conf for _, conf in line) / len(line) >= MIN_LINE_CONFIDENCE
        for word, _ in line
    ]


def _pgm(image: Image.Image) -> bytes:
    """An image as grey PGM bytes (no compression: quick to write, quick to read)."""
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PPM")
    return buffer.getvalue()


def render_dpi(width: float, height: float, max_pixels: int | None = None) -> int:
    """The resolution a page of ``width`` × ``height`` points is rendered at: 300 dpi, 200 for
    pages larger than A3, and less for a page that would exceed ``max_pixels`` (default:
    ``Limits.max_render_pixels``) or 30,000 pixels a side (a 14,400-point page: 41 dpi, not 300)."""
    max_pixels = current().max_render_pixels if max_pixels is None else max_pixels
    dpi = LARGE_PAGE_DPI if width * height > LARGE_PAGE_AREA else DPI
    if width > 0 and height > 0:
        by_area = math.sqrt(max_pixels / (width * height)) * 72
        by_side = MAX_SIDE_PIXELS / max(width, height) * 72
        dpi = min(dpi, math.floor(min(by_area, by_side)))
    return max(1, dpi)


def _render(page: pdfium.PdfPage) -> tuple[bytes, int]:
    """A PDF page as a grey PGM, and the resolution used (bounded in pixels, see ``render_dpi``)."""
    width, height = page.get_size()
    dpi = render_dpi(width, height)
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    return _pgm(bitmap.to_pil()), dpi


def ocr_pdf_pages(
    document: pdfium.PdfDocument, indexes: list[int], lang: str, name: str
) -> dict[int, PageWords]:
    """OCR the given pages (0-based) of an open PDF; render here, recognise two pages at a time."""
    binary = require_tesseract(lang, name)
    logger.debug("%s: OCR of %d pages (%s) with Tesseract, lang=%s", name, len(indexes),
                 ", ".join(str(i + 1) for i in indexes), lang)  # fmt: skip
    timeout = current().ocr_timeout
    results: dict[int, PageWords] = {}
    pending: deque[tuple[int, Future[str], float, float, int]] = deque()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for index in indexes:
            while len(pending) >= 2 * WORKERS:
                _collect(pending.popleft(), results)
            page = document[index]
            width, height = page.get_size()
            image, dpi = _render(page)
            page.close()
            future = pool.submit(run_tesseract, binary, image, lang, dpi, name, timeout)
            pending.append((index, future, width, height, dpi))
        while pending:
            _collect(pending.popleft(), results)
    return results


def _collect(job: tuple[int, Future[str], float, float, int], results: dict[int, PageWords]) -> None:
    index, future, width, height, dpi = job
    results[index] = PageWords(index + 1, width, height, tsv_words(future.result(), 72 / dpi))


def _image_dpi(image: Image.Image) -> float:
    """The image's resolution, or a guess that its width is an A4 page."""
    dpi = image.info.get("dpi")
    if dpi and float(dpi[0]) >= 70:
        return float(dpi[0])
    return image.width / A4_WIDTH_INCHES


def read_image(path: str | Path, *, ocr_lang: str = "vie") -> Layout:
    """OCR a page image (PNG, JPEG, TIFF; the frames of a multi-page TIFF up to ``max_ocr_pages``)
    into a Layout. Frames are decoded one at a time while Tesseract reads the ones before."""
    from PIL import Image, UnidentifiedImageError

    name = str(path)
    limits = current()
    regular_size(path, limits)
    binary = require_tesseract(ocr_lang, name)
    pages: list[PageWords] = []
    notes: list[ReaderNote] = []
    pending: deque[tuple[int, Future[str], float, float, int]] = deque()
    results: dict[int, PageWords] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # sizes are checked below
            with Image.open(path) as image, ThreadPoolExecutor(max_workers=WORKERS) as pool:
                frames = getattr(image, "n_frames", 1)
                if frames > limits.max_ocr_pages:
                    notes.append(
                        ReaderNote(
                            "ocr_pages_limited",
                            f"the image has {frames} frames; only the first {limits.max_ocr_pages} "
                            "were read (limit max_ocr_pages)",
                        )
                    )
                for frame in range(min(frames, limits.max_ocr_pages)):
                    image.seek(frame)
                    _check_pixels(image, name, frame, limits.max_image_pixels)
                    while len(pending) >= 2 * WORKERS:
                        _collect(pending.popleft(), results)
                    dpi = _image_dpi(image)
                    scale = 72 / dpi
                    width, height = image.width * scale, image.height * scale
                    future = pool.submit(
                        run_tesseract, binary, _pgm(image), ocr_lang, round(dpi), name, limits.ocr_timeout
                    )
                    pending.append((frame, future, width, height, round(dpi)))
                while pending:
                    _collect(pending.popleft(), results)
    except Image.DecompressionBombError as error:
        raise FileTooLargeError(name, f"the image is too large to decode ({error})") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise CorruptFileError(name, f"the image cannot be decoded ({error})") from error
    pages = [results[i] for i in sorted(results)]
    lines, layout_notes = assemble(pages)
    notes.extend(layout_notes)
    notes.extend(repair_lines(lines, {page.number for page in pages}))
    if not any(line.text for line in lines):
        notes.append(ReaderNote("no_text_found", "OCR found no text in the image"))
    return Layout(lines=lines, source=name, format="ocr", pages=len(pages), notes=notes, ocr=True)


def _check_pixels(image: Image.Image, name: str, frame: int, max_pixels: int) -> None:
    """Refuse a frame larger than ``max_pixels`` before it is decoded (a decompression bomb)."""
    pixels = image.width * image.height
    if pixels > max_pixels:
        where = f"frame {frame + 1} of the image" if frame else "the image"
        raise FileTooLargeError(
            name,
            f"{where} is {image.width}×{image.height} pixels ({pixels / 1e6:,.0f} million), over the "
            f"{max_pixels / 1e6:,.0f} million limit (max_image_pixels)",
        )
