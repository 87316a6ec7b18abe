"""Scanned pages and page images through Tesseract's Vietnamese model.

Each page is rendered (PDF: pypdfium2 at 300 dpi, 200 for pages larger than A3) to a grey PGM
and piped to ``tesseract stdin stdout -l vie --psm 3 tsv`` with ``OMP_THREAD_LIMIT=1``: one page per
process, two processes at a time (Tesseract's own threading is slower on two cores). The TSV word
boxes, in points, go through the same geometry as a PDF text layer (``columns``); key words that
OCR often gets wrong are then repaired, each repair reported (``ocr_repair``).
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CorruptFileError, MissingDependencyError
from ..layout import Layout, ReaderNote
from .columns import PageWords, Word, assemble
from .ocr_repair import repair_lines

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


def run_tesseract(binary: str, image: bytes, lang: str, dpi: int, name: str) -> str:
    """Tesseract's TSV for one page image (PGM/PNG/JPEG bytes)."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    command = [binary, "stdin", "stdout", "-l", lang, "--psm", "3", "--dpi", str(dpi), "tsv"]
    started = time.perf_counter()
    result = subprocess.run(command, input=image, capture_output=True, env=env, check=False)
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
            cells[11].strip(),
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


def _render(page: pdfium.PdfPage) -> tuple[bytes, int]:
    """A PDF page as a grey PGM, and the resolution used."""
    width, height = page.get_size()
    dpi = LARGE_PAGE_DPI if width * height > LARGE_PAGE_AREA else DPI
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    return _pgm(bitmap.to_pil()), dpi


def ocr_pdf_pages(
    document: pdfium.PdfDocument, indexes: list[int], lang: str, name: str
) -> dict[int, PageWords]:
    """OCR the given pages (0-based) of an open PDF; render here, recognise two pages at a time."""
    binary = require_tesseract(lang, name)
    logger.debug("%s: OCR of %d pages (%s) with Tesseract, lang=%s", name, len(indexes),
                 ", ".join(str(i + 1) for i in indexes), lang)  # fmt: skip
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
            future = pool.submit(run_tesseract, binary, image, lang, dpi, name)
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
    """OCR a page image (PNG, JPEG, TIFF; every frame of a multi-page TIFF) into a Layout."""
    from PIL import Image, UnidentifiedImageError

    name = str(path)
    binary = require_tesseract(ocr_lang, name)
    try:
        with Image.open(path) as image:
            frames: list[tuple[bytes, float, float, int]] = []
            for frame in range(getattr(image, "n_frames", 1)):
                image.seek(frame)
                dpi = _image_dpi(image)
                scale = 72 / dpi
                frames.append((_pgm(image), image.width * scale, image.height * scale, round(dpi)))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise CorruptFileError(name, f"the image cannot be decoded ({error})") from error
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [
            pool.submit(run_tesseract, binary, data, ocr_lang, dpi, name) for data, _, _, dpi in frames
        ]
        pages = [
            PageWords(number, width, height, tsv_words(future.result(), 72 / dpi))
            for number, (future, (_, width, height, dpi)) in enumerate(
                zip(futures, frames, strict=True), start=1
            )
        ]
    lines, notes = assemble(pages)
    notes.extend(repair_lines(lines, {page.number for page in pages}))
    if not any(line.text for line in lines):
        notes.append(ReaderNote("no_text_found", "OCR found no text in the image"))
    return Layout(lines=lines, source=name, format="ocr", pages=len(pages), notes=notes, ocr=True)
