"""E-signed PDFs: the number and day an e-signing system stamps as widget appearances fill the blanks of
the text layer with both engines; signature stamps stay out of the text and give the signing time."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2.raw as pdfium_c
import pytest
from pdf_samples import Widget, add_widgets, build_pdf, font_family, short_letter, word_box

import vbdieuhanh
from vbdieuhanh import Document
from vbdieuhanh.readers import pdf_annotations
from vbdieuhanh.readers.columns import Word
from vbdieuhanh.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real" / "pdf"
needs_real = pytest.mark.skipif(
    not REAL.is_dir(), reason="../shared/corpus/real/pdf is not beside the project"
)
ENGINES = ("pdfium", "pdfplumber")
SIGNED_M = "D:20210604084906+07'00'"  # the signing time of the day widget's signature dictionary
STAMP_WORDS = ("Ký bởi", "Thời gian ký", "ttcbth", "09:27:05", "16:40:48", "TRUNG TÂM")


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if font_family() is None:
        pytest.skip("no serif TTF with Vietnamese glyphs installed")
    return tmp_path_factory.mktemp("esign")


def blank_letter(path: Path) -> Path:
    """The seed letter on one page, its number and day left blank as an e-signing system leaves them."""
    letter = short_letter()
    letter = replace(
        letter,
        header_left=[line.replace("Số: 114/", "Số:        /") for line in letter.header_left],
        header_right=[line.replace("ngày 04 tháng", "ngày        tháng") for line in letter.header_right],
    )
    return build_pdf(letter, path)


def signed_letter(path: Path, *, signed: str | None = SIGNED_M, **number: object) -> Path:
    """The blank letter stamped: the number after 'Số:', the day after 'ngày', a gazette stamp in the
    top margin and the signer's stamp over the signature block (its lines level with 'Nơi nhận')."""
    blank_letter(path)
    _, so, so_base = word_box(path, "Số:")
    _, ngay, ngay_base = word_box(path, "ngày")
    title, _, title_base = word_box(path, "PHÓ")
    widgets = [
        Widget(["114"], so + 6, so_base - 2, 13, **number),  # 2 pt high, as Quảng Ngãi stamps it
        Widget(["04"], ngay + 8, ngay_base, 13, signed=signed),
        Widget(
            ["TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", "ttcbth@kiengiang.gov.vn", "05.06.2021 09:27:05 +07:00"],
            400,
            14,
            6,
        ),
        Widget(
            [
                "Ký bởi: Ủy ban nhân dân tỉnh Kiên Giang",
                "Cơ quan: Tỉnh Kiên Giang",
                "Thời gian ký: 04/06/2021 16:40:48",
            ],
            title + 10,
            title_base + 20,
            7,
        ),
    ]
    return add_widgets(path, widgets)


def fields(doc: Document) -> dict[str, object]:
    return {
        "number_symbol": doc.number_symbol,
        "issue_date": doc.issue_date,
        "signed_at": doc.signed_at,
        "issuer": doc.issuer.name if doc.issuer else None,
        "subject": doc.subject,
        "signer": (doc.signer.name, doc.signer.position) if doc.signer else None,
        "addressees": [a.name for a in doc.addressees],
        "recipients": [r.name for r in doc.recipients],
        "tasks": [(t.id, t.text) for t in doc.tasks],
        "warnings": sorted(w.code for w in doc.warnings),
    }


# --- generated e-signed PDFs -----------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_stamped_number_and_day_fill_the_blanks(pdf_dir: Path, engine: str) -> None:
    path = signed_letter(pdf_dir / f"signed-{engine}.pdf")
    lines = [ln.text for ln in read_pdf(path, engine=engine).lines]
    assert "Số: 114 /BCĐ-KGVX" in lines
    assert "Kiên Giang, ngày 04 tháng 6 năm 2021" in lines
    doc = vbdieuhanh.parse_file(path, pdf_engine=engine)
    assert (doc.number_symbol, doc.issue_date) == ("114/BCĐ-KGVX", "2021-06-04")
    assert doc.signed_at == "2021-06-04T08:49:06+07:00"  # the signature's own time, not a stamp's
    assert not any(word in doc.text for word in STAMP_WORDS)
    assert doc.signer is not None and doc.signer.name == "Nguyễn Lưu Trung"
    assert not [w.code for w in doc.warnings]


def test_engines_and_the_printed_letter_give_the_same_record(pdf_dir: Path) -> None:
    path = signed_letter(pdf_dir / "parity.pdf")
    pdfium_record, plumber_record = (fields(vbdieuhanh.parse_file(path, pdf_engine=e)) for e in ENGINES)
    assert pdfium_record == plumber_record
    printed = fields(vbdieuhanh.parse_text(short_letter().text()))
    assert {**pdfium_record, "signed_at": None} == printed


def test_signing_time_from_the_stamps_without_a_signature_value(pdf_dir: Path) -> None:
    """No signature dictionary gives a time: the earliest time a stamp shows, never the issue date."""
    doc = vbdieuhanh.parse_file(signed_letter(pdf_dir / "unsigned.pdf", signed=None))
    assert doc.signed_at == "2021-06-04T16:40:48"
    assert doc.issue_date == "2021-06-04"


def test_page_that_cannot_be_flattened_is_read_from_its_text_layer(
    pdf_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = signed_letter(pdf_dir / "unflattened.pdf")
    monkeypatch.setattr(pdfium_c, "FPDFPage_Flatten", lambda page, flag: pdfium_c.FLATTEN_FAIL)
    for engine in ENGINES:
        doc = vbdieuhanh.parse_file(path, pdf_engine=engine)
        codes = {w.code for w in doc.warnings}
        assert "annotations_unread" in codes and "missing_number" in codes
        assert doc.number_symbol is None and doc.issue_date == "2021-06"
        assert doc.signer is not None and doc.signed_at == "2021-06-04T08:49:06+07:00"


def test_widget_with_a_missing_appearance_is_ignored(pdf_dir: Path) -> None:
    doc = vbdieuhanh.parse_file(signed_letter(pdf_dir / "broken.pdf", broken=True))
    assert doc.number_symbol is None and doc.issue_date == "2021-06-04"
    assert "missing_number" in {w.code for w in doc.warnings}


def test_pages_without_annotations_are_not_flattened(pdf_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = blank_letter(pdf_dir / "plain.pdf")

    def refuse(*args: object) -> None:
        raise AssertionError("a page without annotations was flattened")

    monkeypatch.setattr(pdf_annotations, "flatten", refuse)
    for engine in ENGINES:
        doc = vbdieuhanh.parse_file(path, pdf_engine=engine)
        assert doc.signed_at is None and doc.issue_date == "2021-06"


def test_signed_at_in_the_record_schema() -> None:
    field = vbdieuhanh.json_schema()["properties"]["signed_at"]
    assert "e-signed" in field["description"] and "Not the issue date" in field["description"]
    assert vbdieuhanh.parse_text(short_letter().text()).signed_at is None


# --- which annotation text is a stamp -------------------------------------------------------------------


def _word(text: str, x0: float, top: float, height: float = 12.0) -> Word:
    return Word(text, x0, top, x0 + 6.0 * len(text), top + height, baseline=top + 0.8 * height)


PAGE = [_word("Số:", 100, 100), _word("/TB-UBND", 160, 100), _word("Nơi", 100, 600), _word("nhận:", 125, 600)]


def test_number_on_a_page_line_fills_it_on_that_line() -> None:
    number = _word("542", 125, 102.5)  # drawn 2.5 pt lower than the line
    result = pdf_annotations.sort_annotations([[number]], PAGE)
    assert result.stamps == [] and [w.text for w in result.fills] == ["542"]
    assert (result.fills[0].top, result.fills[0].baseline) == (100, PAGE[0].baseline)


@pytest.mark.parametrize(
    "lines",
    [
        ["Ký bởi: Sở Nội vụ", "Thời gian ký: 06.11.2024"],  # labels, on page lines or not
        ["Người ký: Cổng Thông tin điện tử"],
        ["Văn phòng", "vp@example.gov.vn"],  # an e-mail
        ["06.11.2024 09:27:05 +07:00"],  # a signing time
        ["TRUNG TÂM CÔNG BÁO", "VÀ TIN HỌC"],  # a box of lines beside the page's lines
    ],
)
def test_signature_stamps(lines: list[str]) -> None:
    words = [_word(text, 300, 597 + 11 * row, 8) for row, line in enumerate(lines) for text in line.split()]
    assert pdf_annotations.is_stamp(words, PAGE)


def test_signing_times() -> None:
    assert (
        pdf_annotations.pdf_date("D:20241106092705+07'00'")
        == pdf_annotations.stamp_times(["06.11.2024 09:27:05 +07:00"])[0]
    )
    assert pdf_annotations.pdf_date("D:20241106") is None
    assert pdf_annotations.stamp_times(["Thời gian ký: 31/02/2024 10:00", "26/11/2024 10:40:48"]) == [
        pdf_annotations.stamp_times(["26.11.2024 10:40:48"])[0]
    ]
    times = pdf_annotations.stamp_times(["06.11.2024 09:27:05 +07:00", "06.11.2024 03:00:00 +00:00"])
    assert pdf_annotations.earliest(times) == "2024-11-06T09:27:05+07:00"  # 02:27 UTC
    assert pdf_annotations.earliest([]) is None


# --- real e-signed PDFs ------------------------------------------------------------------------------------

# the number and day exist only as widget appearances (hand labels: ../shared/spec/gold-corpus)
E_SIGNED = [
    ("quangngai_TB-542-UBND_2024.pdf", "542/TB-UBND", "2024-11-06"),
    ("quangngai_TB-565-UBND_2024.pdf", "565/TB-UBND", "2024-11-15"),
    ("quangngai_TB-11-UBND_2025.pdf", "11/TB-UBND", "2025-01-08"),
    ("quangngai_CV-507-UBND-KGVX_2025.pdf", "507/UBND-KGVX", "2025-01-24"),
    ("dongthap_BC-355-HDXTH_2026.pdf", "355/BC-HĐXTH", "2026-04-13"),
    ("dongthap_KH-362-SGDDT_2026.pdf", "362/KH-SGDĐT", "2026-04-14"),
    ("hcm_CV-4728-SGDDT-HSSV_2025.pdf", "4728/SGDĐT-HSSV", "2025-11-18"),
    ("hcm_KH-230-THPTPB_2025.pdf", "230/KH-THPT.PB", "2025-11-14"),
    ("hcm_QD-2858-QD-UBND_2025.pdf", "2858/QĐ-UBND", "2025-11-21"),
    ("lamdong_CV-963-SNV-CCHCVTLT_2025.pdf", "963/SNV-CCHC&VTLT", "2025-08-21"),
    ("vktqg_CV-185-VKTQG-QLKH_2026.pdf", "185/VKTQG-QLKH", "2026-03-26"),
]


@needs_real
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("name", "number", "date"), E_SIGNED, ids=lambda v: str(v)[:28])
def test_real_e_signed_numbers_and_days(name: str, number: str, date: str, engine: str) -> None:
    doc = vbdieuhanh.parse_file(REAL / name, pdf_engine=engine, ocr="never")
    assert (doc.number_symbol, doc.issue_date) == (number, date)
    assert doc.signed_at is not None and doc.signed_at[:4] == date[:4]
    assert not {"missing_number", "missing_day"} & {w.code for w in doc.warnings}


@needs_real
def test_real_gazette_stamp_is_not_text() -> None:
    """Quảng Ngãi's gazette stamps '06.11.2024 09:27:05 +07:00' above the header: not the issue date."""
    doc = vbdieuhanh.parse_file(REAL / "quangngai_TB-542-UBND_2024.pdf", ocr="never")
    assert "ttcbth@quangngai.gov.vn" not in doc.text and "09:27:05" not in doc.text
    assert doc.signed_at == "2024-11-06T08:49:06+07:00"  # the first of its five signatures


@needs_real
def test_real_stamps_fill_blanks_in_the_body() -> None:
    lines = [ln.text for ln in read_pdf(REAL / "vktqg_CV-185-VKTQG-QLKH_2026.pdf").lines if ln.page == 2]
    assert "(Kèm theo Công văn số 185 /VKTQG-QLKH ngày 26 tháng 3 năm 2026)" in lines
