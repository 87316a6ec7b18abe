"""Text that annotations draw on a page: what an e-signing system stamps into a signed PDF.

After signing, the issuing system stamps the number and the day into the PDF as the appearance of
signature widgets placed over the blanks of the text layer (``Số: /TB-UBND`` shows ``Số: 542/TB-UBND``),
and adds signature stamps: the signer's body, an e-mail, the signing time.

pdfium gives an annotation's text only through a text page, so a page with widget, free-text or
stamp annotations is flattened in memory (``FPDFPage_Flatten``: the appearance of every visible
annotation goes into the page content as one form XObject holding one form per annotation) and
loaded again. Its text page holds the page's own characters, then the annotations' ones (content
order); each character's text object tells which annotation drew it. Nothing is saved.

Each annotation's words are then sorted: a signature stamp (a stamp label such as "Ký bởi:", an
e-mail or a date with a clock time; or several lines on no line of the page) stays out of the
page; any other annotation text fills the page where it stands, set on the baseline of the
page line it sits on. Signing times come from the signature dictionaries (``/M``) or, without
them, from the stamps.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..lexicon import signature_stamp_labels
from ..normalize import fold_tones
from . import pdf_pdfium
from .columns import Word, group_rows

TEXT_ANNOTATIONS = frozenset(
    {pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_FREETEXT, pdfium_c.FPDF_ANNOT_STAMP}
)
SAME_SIZE = 0.5  # a word stands on page text holding its middle if the shorter is half the taller or more
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a date and a clock time: "06.11.2024 09:27:05 +07:00", "26/11/2024 10:40:48", "08.04.2026 17:35"
_STAMP_TIME_RE = re.compile(
    r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s*(?:GMT|UTC)?\s*([+-])(\d{2}):?(\d{2}))?"
)
# a PDF date: "D:20241106092705+07'00'"
_PDF_DATE_RE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:([+-])(\d{2})'?(\d{2})?'?|Z)?")


@dataclass(slots=True)
class Flattened:
    """A page loaded again after flattening: its own text (annotation characters blanked out) and
    the words each annotation drew, in annotation order."""

    page: pdfium.PdfPage
    textpage: pdfium.PdfTextPage
    text: str
    annotations: list[list[Word]]


@dataclass(slots=True)
class AnnotationText:
    """Annotation words that fill the page, and the text of each signature stamp."""

    fills: list[Word] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)


def has_text_annotations(page: pdfium.PdfPage) -> bool:
    """Does the page carry an annotation that may draw text (a widget, free text, a stamp)?"""
    handle = page.raw
    for index in range(pdfium_c.FPDFPage_GetAnnotCount(handle)):
        annotation = pdfium_c.FPDFPage_GetAnnot(handle, index)
        subtype = pdfium_c.FPDFAnnot_GetSubtype(annotation)
        pdfium_c.FPDFPage_CloseAnnot(annotation)
        if subtype in TEXT_ANNOTATIONS:
            return True
    return False


class FlattenError(Exception):
    """pdfium could not flatten a page's annotations or load the flattened page."""


def flatten(document: pdfium.PdfDocument, index: int, page: pdfium.PdfPage) -> Flattened | None:
    """Flatten page ``index`` in memory and load it again; None when no annotation is visible.
    On a FlattenError the caller keeps ``page`` as it was loaded."""
    _own_media_box(page)
    status = pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
    if status == pdfium_c.FLATTEN_NOTHINGTODO:
        return None
    if status != pdfium_c.FLATTEN_SUCCESS:
        raise FlattenError(f"pdfium could not flatten the annotations of page {index + 1}")
    try:
        flat = document[index]
    except pdfium.PdfiumError as error:
        raise FlattenError(f"page {index + 1} cannot be loaded after flattening ({error})") from error
    owners = _annotation_objects(flat)
    textpage = flat.get_textpage()
    text = pdf_pdfium.page_text(textpage)
    drawn = _drawn_by(textpage, text, owners)
    start = min(drawn, default=len(text))
    own = text[:start] + " " * (len(text) - start)
    by_annotation: list[list[int]] = [[] for _ in range(max(owners.values(), default=-1) + 1)]
    for char, owner in sorted(drawn.items()):
        by_annotation[owner].append(char)
    annotations = [_words(textpage, text, flat, chars) for chars in by_annotation]
    return Flattened(flat, textpage, own, annotations)


def _own_media_box(page: pdfium.PdfPage) -> None:
    """Give the page its box as its own media box when it inherits one from the page tree: pdfium's
    flattening reads only the page's own box and would otherwise set it to US Letter."""
    box = [ctypes.c_float() for _ in range(4)]
    if not pdfium_c.FPDFPage_GetMediaBox(page.raw, *(ctypes.byref(side) for side in box)):
        pdfium_c.FPDFPage_SetMediaBox(page.raw, *page.get_bbox())


def _annotation_objects(page: pdfium.PdfPage) -> dict[int, int]:
    """Address of each text object the flattened annotations hold → the annotation's position.

    Flattening appends one form to the page content; its children are the annotations' forms."""
    handle = page.raw
    count = pdfium_c.FPDFPage_CountObjects(handle)
    owners: dict[int, int] = {}
    if count == 0:
        return owners
    container = pdfium_c.FPDFPage_GetObject(handle, count - 1)
    if pdfium_c.FPDFPageObj_GetType(container) != pdfium_c.FPDF_PAGEOBJ_FORM:
        return owners
    for position in range(pdfium_c.FPDFFormObj_CountObjects(container)):
        _collect_text_objects(pdfium_c.FPDFFormObj_GetObject(container, position), position, owners)
    return owners


def _collect_text_objects(obj: Any, position: int, owners: dict[int, int]) -> None:
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        owners[_address(obj)] = position
    elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
        for child in range(pdfium_c.FPDFFormObj_CountObjects(obj)):
            _collect_text_objects(pdfium_c.FPDFFormObj_GetObject(obj, child), position, owners)


def _address(obj: Any) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _drawn_by(textpage: pdfium.PdfTextPage, text: str, owners: dict[int, int]) -> dict[int, int]:
    """Character index → annotation, for the characters the annotations drew: the last ones of the
    text page, walked back until a character of the page's own content."""
    drawn: dict[int, int] = {}
    if not owners:
        return drawn
    for index in range(len(text) - 1, -1, -1):
        obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, index)
        if not obj:
            continue  # a space or line break pdfium added
        owner = owners.get(_address(obj))
        if owner is None:
            break
        drawn[index] = owner
    return drawn


def _words(textpage: pdfium.PdfTextPage, text: str, page: pdfium.PdfPage, indexes: list[int]) -> list[Word]:
    """The words made of the characters at ``indexes``, font facts attached (the same for both engines)."""
    if not indexes:
        return []
    keep = set(indexes)
    start = min(indexes)
    masked = " " * start + "".join(c if i in keep else " " for i, c in enumerate(text[start:], start))
    words = pdf_pdfium.page_words(textpage, masked, page)
    return [replace(w, ref=-1, style=pdf_pdfium.style_of(textpage, w.ref)) for w in words]


# --- stamps and fills --------------------------------------------------------------------------------


def sort_annotations(annotations: list[list[Word]], page_words: list[Word]) -> AnnotationText:
    """Signature stamps apart; other annotation words set on the page line they stand on."""
    result = AnnotationText()
    for words in annotations:
        if not words:
            continue
        if is_stamp(words, page_words):
            result.stamps.append(" ".join(row.text for row in group_rows(words)))
        else:
            result.fills.extend(_on_page_line(word, page_words) for word in words)
    return result


def is_stamp(words: list[Word], page_words: list[Word]) -> bool:
    """A signature stamp: its text names a signature (a stamp label, an e-mail, a signing time), or
    it is a box of several lines that do not each stand on a line of the page of their own (text
    that fills blanks does)."""
    text = " ".join(w.text for w in words)
    if _STAMP_TIME_RE.search(text) or _EMAIL_RE.search(text):
        return True
    if _stamp_label_re().search(fold_tones(text.lower())):
        return True
    rows = group_rows(list(words))
    if len(rows) == 1:
        return False
    mates = [_line_mate(row.words[0], page_words) for row in rows]
    lines = {mate.bottom if mate.baseline is None else mate.baseline for mate in mates if mate is not None}
    return len(lines) < len(rows)


@cache
def _stamp_label_re() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in signature_stamp_labels())
    return re.compile(rf"(?<!\w)(?:{labels})\s*:")


def _line_mate(word: Word, page_words: list[Word]) -> Word | None:
    """The nearest page word on the line ``word`` stands on: text of about its size whose box holds
    its middle (small stamp lines beside a body line stand on none)."""
    middle, height = (word.top + word.bottom) / 2, word.bottom - word.top
    mates = [
        w
        for w in page_words
        if w.top <= middle <= w.bottom
        and min(height, w.bottom - w.top) >= SAME_SIZE * max(height, w.bottom - w.top)
    ]
    return min(mates, key=lambda w: max(w.x0 - word.x1, word.x0 - w.x1, 0.0), default=None)


def _on_page_line(word: Word, page_words: list[Word]) -> Word:
    """``word`` set on the baseline of the page line it stands on (its own glyphs may sit a little
    higher or lower than the text around the blank)."""
    mate = _line_mate(word, page_words)
    if mate is None:
        return word
    return replace(word, top=mate.top, bottom=mate.bottom, baseline=mate.baseline)


# --- signing times -----------------------------------------------------------------------------------


def signature_times(document: pdfium.PdfDocument) -> list[datetime]:
    """The signing time (``/M``) of each digital signature of the document that gives one."""
    times: list[datetime] = []
    for index in range(max(pdfium_c.FPDF_GetSignatureCount(document.raw), 0)):
        signature = pdfium_c.FPDF_GetSignatureObject(document.raw, index)
        size = pdfium_c.FPDFSignatureObj_GetTime(signature, None, 0)
        if size <= 1:
            continue
        buffer = ctypes.create_string_buffer(size)
        pdfium_c.FPDFSignatureObj_GetTime(signature, buffer, size)
        moment = pdf_date(buffer.value.decode("ascii", "replace"))
        if moment is not None:
            times.append(moment)
    return times


def pdf_date(value: str) -> datetime | None:
    """A PDF date string ("D:20241106092705+07'00'") as a datetime, None when it is not one."""
    match = _PDF_DATE_RE.match(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, sign, off_h, off_m = match.groups()
    zone = _zone(sign, off_h, off_m) if sign else (timezone.utc if value.rstrip("'").endswith("Z") else None)
    return _moment(year, month, day, hour, minute, second, zone)


def stamp_times(stamps: list[str]) -> list[datetime]:
    """The signing times the stamps show."""
    times: list[datetime] = []
    for stamp in stamps:
        for match in _STAMP_TIME_RE.finditer(stamp):
            day, month, year, hour, minute, second, sign, off_h, off_m = match.groups()
            zone = _zone(sign, off_h, off_m) if sign else None
            moment = _moment(year, month, day, hour, minute, second, zone)
            if moment is not None:
                times.append(moment)
    return times


def earliest(times: list[datetime]) -> str | None:
    """The earliest time as an ISO 8601 string (with its UTC offset when known)."""
    if not times:
        return None
    first = min(times, key=lambda t: (t - (t.utcoffset() or timedelta())).replace(tzinfo=None))
    return first.isoformat()


def _zone(sign: str, hours: str, minutes: str | None) -> timezone | None:
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    return timezone(-offset if sign == "-" else offset) if offset < timedelta(hours=24) else None


def _moment(
    year: str, month: str, day: str, hour: str, minute: str, second: str | None, zone: timezone | None
) -> datetime | None:
    try:
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0), tzinfo=zone
        )
    except ValueError:
        return None
