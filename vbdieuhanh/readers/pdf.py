"""PDF files: the text layer through pypdfium2 (default) or pdfplumber, OCR for pages without one.

pypdfium2 always opens the file: it tells a damaged, truncated, encrypted or empty PDF apart, says
which pages carry usable text, and renders the others for OCR. A page needs OCR when it has no text,
only a few words over a page-sized image (a digital-signature stamp on a scan), or a text layer that
is not Vietnamese (an OCR layer from an engine without Vietnamese: "uY BAN NgAN nAN"). The words of
every page, from the text layer or from Tesseract, go through the same geometry (``columns``).
On a text page with widget, free-text or stamp annotations (an e-signed PDF), the text those draw
is read with pdfium for both engines (``pdf_annotations``): the number and day an e-signing system
stamped over the blanks fill them; signature stamps stay out of the lines and give the signing time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import CorruptFileError, EmptyDocumentError, EncryptedFileError, UnreadableFileError
from ..layout import Layout, Line, ReaderNote
from . import pdf_annotations, pdf_pdfium, pdf_streams
from .columns import PageWords, Style, Word, assemble
from .limits import current
from .ocr_repair import repair_lines
from .safety import regular_size, scrub

_TAIL_BYTES = 2048
# a page tree without pages: pdfium refuses to open such a file
_EMPTY_PAGE_TREE_RE = re.compile(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b|/Count\s+0\b[^>]*/Type\s*/Pages\b")
_ALPHA_TOKEN_RE = re.compile(r"[^\W\d_]{2,}")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
MIN_TOKENS_TO_JUDGE = 20  # words needed before a text layer is judged by its diacritics
MIN_DIACRITIC_SHARE = 0.2  # Vietnamese text has diacritics on most words; broken layers have none
MANGLED_SHARE = 0.05  # broken layers have a quarter of their words mangled, real text under 1 %
# a capital inside a word, a digit or a symbol between letters: "NgAN", "D6ng", "l$p"
_MANGLED_RE = re.compile(r"[a-z][A-Z]|[^\W\d_]\d+[^\W\d_]|[^\W\d_][$@#^{}\[\]|\\~<>]")
STAMP_WORDS = 15  # a scan's text layer with fewer words is only a stamp
PAGE_IMAGE_SHARE = 0.5  # a page-sized image under a few words makes the page a scan
SCAN_IMAGE_SHARE = 0.2  # a page without text is a scan when an image covers this share of it


def read_pdf(path: str | Path, *, engine: str = "pdfium", ocr: str = "auto", ocr_lang: str = "vie") -> Layout:
    """Read a PDF into a Layout; raise a typed error naming the file and the cause."""
    path = Path(path)
    regular_size(path)
    _check_complete(path)
    pdf_streams.check_streams(path)
    document = _open(path)
    try:
        return _read(document, path, engine, ocr, ocr_lang)
    finally:
        document.close()


def _check_complete(path: Path) -> None:
    """A PDF ends with '%%EOF'; a file cut short does not."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - _TAIL_BYTES))
        tail = handle.read()
    if b"%%EOF" not in tail:
        raise CorruptFileError(str(path), "the PDF is truncated (it does not end with the %%EOF marker)")


def _open(path: Path) -> pdfium.PdfDocument:
    """Open with pdfium and turn its error codes into the library's errors."""
    name = str(path)
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_FILE:
            raise UnreadableFileError(name, "pdfium could not open the file") from error
        data = path.read_bytes()
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedFileError(name, "encrypted with an unsupported security handler") from error
        if code == pdfium_c.FPDF_ERR_PASSWORD and b"/Encrypt" in data:
            raise EncryptedFileError(name, "the PDF is password-protected") from error
        if _EMPTY_PAGE_TREE_RE.search(data):
            raise EmptyDocumentError(name, "the PDF has no pages") from error
        raise CorruptFileError(name, f"the PDF is damaged ({error})") from error


def _load_page(document: pdfium.PdfDocument, index: int, name: str) -> pdfium.PdfPage:
    try:
        return document[index]
    except pdfium.PdfiumError as error:
        raise CorruptFileError(name, f"page {index + 1} cannot be loaded ({error})") from error


def is_garbled(text: str) -> bool:
    """A text layer from an OCR engine without Vietnamese: almost no word carries a diacritic, and
    many are mangled ("NgAN", "D6ng", "l$p"). English text has no diacritics but few mangled words."""
    tokens = _ALPHA_TOKEN_RE.findall(text)
    if len(tokens) < MIN_TOKENS_TO_JUDGE:
        return False
    marked = sum(1 for token in tokens if not _ASCII_LETTERS.issuperset(token))
    if marked >= MIN_DIACRITIC_SHARE * len(tokens):
        return False
    words = text.split()
    mangled = sum(1 for word in words if _MANGLED_RE.search(word))
    return mangled >= MANGLED_SHARE * len(words)


def _image_share(page: pdfium.PdfPage) -> float:
    """The largest share of the page area covered by one image."""
    width, height = page.get_size()
    if not width * height > 0:  # a page box of no area (a damaged /MediaBox)
        return 0.0
    best = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        best = max(best, (right - left) * (top - bottom) / (width * height))
    return best


def _page_kind(page: pdfium.PdfPage, text: str) -> str:
    """'text', 'scan' (no usable text), 'garbled' (a broken text layer) or 'blank'."""
    if not text.strip():
        return "scan" if _image_share(page) >= SCAN_IMAGE_SHARE else "blank"
    if is_garbled(text):
        return "garbled"
    if len(_ALPHA_TOKEN_RE.findall(text)) < STAMP_WORDS and _image_share(page) >= PAGE_IMAGE_SHARE:
        return "scan"
    return "text"


def _ranges(numbers: list[int]) -> str:
    """'1–3, 5' for [1, 2, 3, 5]."""
    parts: list[str] = []
    start = prev = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == prev + 1:
            prev = number
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if number is not None:
            start = prev = number
    return ", ".join(parts)


@dataclass(slots=True)
class _Pages:
    """What a pass over the pages found: words of text pages, each page's kind, OCR layers."""

    words: dict[int, PageWords] = field(default_factory=dict)  # by 0-based page index
    textpages: dict[int, pdfium.PdfTextPage] = field(default_factory=dict)  # by page number (pdfium)
    kinds: dict[int, str] = field(default_factory=dict)
    ocr_layers: list[int] = field(default_factory=list)  # page numbers
    stamps: list[str] = field(default_factory=list)  # the text of each signature stamp
    unflattened: list[str] = field(default_factory=list)  # why a page's annotations could not be read

    def close(self) -> None:
        for textpage in self.textpages.values():
            textpage.close()

    def style(self, number: int, word: Word) -> Style:
        """Font facts of a word of page ``number`` from pdfium (pdfplumber words carry their own)."""
        textpage = self.textpages.get(number)
        if textpage is None or word.ref < 0:
            return None, None, None
        return pdf_pdfium.style_of(textpage, word.ref)


def _read_pages(document: pdfium.PdfDocument, path: Path, engine: str, ocr: str, found: _Pages) -> None:
    """Classify every page and take the words of the text pages with the chosen engine."""
    name = str(path)
    plumber = None
    if engine == "pdfplumber":
        from . import pdf_plumber  # pdfminer loads only when this engine is chosen

        plumber = pdf_plumber.open_document(path)
    try:
        for index in range(min(len(document), current().max_pages)):
            page = _load_page(document, index, name)
            textpage = page.get_textpage()
            text = pdf_pdfium.page_text(textpage)
            found.kinds[index] = kind = _page_kind(page, text)
            if kind != "text" or ocr == "always":
                textpage.close()
                continue
            annotations: list[list[Word]] = []
            if pdf_annotations.has_text_annotations(page):
                try:
                    flat = pdf_annotations.flatten(document, index, page)
                except pdf_annotations.FlattenError as error:
                    found.unflattened.append(str(error))
                    flat = None
                if flat is not None:
                    textpage.close()
                    page.close()
                    page, textpage, text, annotations = flat.page, flat.textpage, flat.text, flat.annotations
            if pdf_pdfium.is_invisible_layer(textpage):
                found.ocr_layers.append(index + 1)
            if plumber is not None:
                words = pdf_plumber.page_words(plumber, index)
                textpage.close()
            else:
                words = pdf_pdfium.page_words(textpage, text, page)
                found.textpages[index + 1] = textpage
            stamped = pdf_annotations.sort_annotations(annotations, words)
            found.stamps.extend(stamped.stamps)
            width, height = page.get_size()
            found.words[index] = PageWords(index + 1, width, height, [*words, *stamped.fills])
    finally:
        if plumber is not None:
            plumber.close()


def _read(document: pdfium.PdfDocument, path: Path, engine: str, ocr: str, ocr_lang: str) -> Layout:
    name = str(path)
    count = len(document)
    if count == 0:
        raise EmptyDocumentError(name, "the PDF has no pages")
    found = _Pages()
    limits = current()
    signed = pdf_annotations.signature_times(document)  # before flattening drops the signature fields
    try:
        _read_pages(document, path, engine, ocr, found)
        kinds = found.kinds
        to_ocr = [i for i, kind in kinds.items() if kind != "blank" and (ocr == "always" or kind != "text")]
        skipped_ocr = to_ocr[limits.max_ocr_pages :] if ocr != "never" else []
        to_ocr = to_ocr[: limits.max_ocr_pages]
        if ocr == "never":
            to_ocr = []
        elif to_ocr:
            from .ocr import ocr_pdf_pages

            found.words.update(ocr_pdf_pages(document, to_ocr, ocr_lang, name))
        if all(kind == "blank" for kind in kinds.values()):
            raise EmptyDocumentError(name, "every page of the PDF is blank")
        lines, layout_notes = assemble([found.words[i] for i in sorted(found.words)], found.style)
    finally:
        found.close()
    for line in lines:
        line.text = scrub(line.text)  # lone surrogates of a text layer: U+FFFD, so the text can be stored
    notes = [
        *_cap_notes(count, limits.max_pages, [i + 1 for i in skipped_ocr], limits.max_ocr_pages),
        *_kind_notes(kinds, ocr),
        *_annotation_notes(found.unflattened),
        *layout_notes,
        *_repairs(lines, to_ocr, found.ocr_layers),
    ]
    times = signed or pdf_annotations.stamp_times(found.stamps)
    return Layout(
        lines=lines,
        source=name,
        format="ocr" if to_ocr and len(to_ocr) == len(found.words) else "pdf",
        pages=count,
        notes=notes,
        ocr=bool(to_ocr),
        signed_at=pdf_annotations.earliest(times),
    )


def _cap_notes(count: int, max_pages: int, skipped_ocr: list[int], max_ocr_pages: int) -> list[ReaderNote]:
    """Pages left out by the page limits (``Limits.max_pages``, ``Limits.max_ocr_pages``)."""
    notes: list[ReaderNote] = []
    if count > max_pages:
        notes.append(
            ReaderNote(
                "pages_limited",
                f"the PDF has {count} pages; only the first {max_pages} were read (limit max_pages)",
            )
        )
    if skipped_ocr:
        notes.append(
            ReaderNote(
                "ocr_pages_limited",
                f"page(s) {_ranges(skipped_ocr)} need OCR but were not read: at most {max_ocr_pages} "
                "pages of a file go to OCR (limit max_ocr_pages)",
            )
        )
    return notes


def _annotation_notes(failures: list[str]) -> list[ReaderNote]:
    """Pages whose annotations (an e-signed number or day) could not be read: read from their text layer."""
    return [
        ReaderNote(
            "annotations_unread",
            f"{failure}: read from its text layer only; a number or day stamped there by an e-signing "
            "system is missing",
        )
        for failure in failures
    ]


def _repairs(lines: list[Line], ocr_indexes: list[int], ocr_layers: list[int]) -> list[ReaderNote]:
    """Repair key words on the pages that came from OCR (Tesseract's or an OCR text layer's)."""
    notes: list[ReaderNote] = []
    if ocr_layers:
        notes.append(
            ReaderNote(
                "ocr_text_layer",
                f"the text layer of page(s) {_ranges(ocr_layers)} is an OCR layer over a scanned image; "
                "its errors are the scanner's",
            )
        )
    pages = {i + 1 for i in ocr_indexes} | set(ocr_layers)
    if pages:
        notes.extend(repair_lines(lines, pages))
    return notes


def _kind_notes(kinds: dict[int, str], ocr: str) -> list[ReaderNote]:
    """Notes on pages without a usable text layer, and what was done about them."""
    notes: list[ReaderNote] = []
    scans = [i + 1 for i, kind in kinds.items() if kind == "scan"]
    garbled = [i + 1 for i, kind in kinds.items() if kind == "garbled"]
    action = "read with OCR" if ocr != "never" else "not read: OCR is off (ocr='never')"
    if scans:
        notes.append(
            ReaderNote(
                "no_text_layer", f"page(s) {_ranges(scans)} have no text layer (scanned images); {action}"
            )
        )
    if garbled:
        notes.append(
            ReaderNote(
                "garbled_text_layer",
                f"the text layer of page(s) {_ranges(garbled)} is not Vietnamese text "
                f"(a broken OCR layer without diacritics); ignored and {action}",
            )
        )
    return notes
