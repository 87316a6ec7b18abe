"""Per-file expectations for the real documents of ``../shared/corpus/real`` (pdf, docx, doc).

``tests/data/corpus_expectations.csv`` has one row per file and reading mode (``ocr``: ``never``, or
``auto`` for the OCR runs): the number/symbol the record must give, or, when it must give none, the
warning that says why (``no_text_layer`` for a scan read without OCR, ``missing_number`` for a draft's
blank "Số:      /UBND-NC", ``not_administrative`` for a court precedent…). ``page_shows`` says what the
document itself shows, as read by hand from its header (or from the page image of a scan); where the
parser disagrees with the document, the row keeps the truth and ``xfail`` gives the reason, and the
test is a strict xfail (it fails the day the parser gets it right, so the row can be cleaned up).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

import vbdieuhanh

CSV_PATH = Path(__file__).resolve().parent / "data" / "corpus_expectations.csv"
NO_TEXT = {"no_text_layer", "garbled_text_layer"}


@dataclass(frozen=True)
class Expectation:
    file: str  # relative to ../shared/corpus/real, e.g. "pdf/botuphap_CV-935-VP-TCKT_2019.pdf"
    ocr: str  # "never" or "auto"
    format: str  # the record's format ("pdf", "ocr", "docx", "doc", "html")
    number_symbol: str | None
    warning: str | None
    page_shows: str
    xfail: str | None

    @property
    def name(self) -> str:
        return self.file.split("/", 1)[1]


def expectations(folder: str, ocr: str = "never") -> list[Expectation]:
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for row in rows:
        if row["file"].split("/", 1)[0] != folder or row["ocr"] != ocr:
            continue
        exp = Expectation(
            file=row["file"],
            ocr=row["ocr"],
            format=row["format"],
            number_symbol=row["number_symbol"] or None,
            warning=row["warning"] or None,
            page_shows=row["page_shows"],
            xfail=row["xfail"] or None,
        )
        assert (exp.number_symbol is None) != (exp.warning is None), f"{exp.file}: a number or a warning"
        out.append(exp)
    return out


def params(folder: str, ocr: str = "never", marks: tuple = ()) -> list:
    """The rows as pytest params, id'd by the file name; a row with a reason is a strict xfail."""
    out = []
    for exp in expectations(folder, ocr):
        row_marks = list(marks)
        if exp.xfail:
            row_marks.append(pytest.mark.xfail(strict=True, reason=exp.xfail))
        out.append(pytest.param(exp, marks=row_marks, id=exp.name[:48]))
    return out


def check_number(doc: vbdieuhanh.Document, exp: Expectation) -> None:
    """The record gives the expected number, or no number and the expected warning."""
    codes = sorted({w.code for w in doc.warnings})
    assert doc.format == exp.format, (exp.file, doc.format)
    if exp.number_symbol is not None:
        assert doc.number_symbol == exp.number_symbol, (exp.page_shows, codes)
        assert not any("number" in code for code in codes), codes
    else:
        assert doc.number_symbol is None, (exp.page_shows, doc.number_symbol)
        assert exp.warning in codes, (exp.page_shows, codes)
    if exp.warning in NO_TEXT:
        assert doc.text == ""
