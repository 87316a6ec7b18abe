"""The PDF reader: column split, page furniture and paragraphs on real and generated PDFs, both engines,
pages without a usable text layer, and every real PDF of the corpus."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import corpus_expectations
import pytest
from pdf_samples import build_pdf, font_family, has_tesseract_vie, seed_letter

import vbdieuhanh
from vbdieuhanh import Document, Layout, MissingDependencyError
from vbdieuhanh.layout import Line
from vbdieuhanh.readers import ocr as ocr_module
from vbdieuhanh.readers.columns import PageWords, Word, assemble
from vbdieuhanh.readers.pdf import is_garbled, read_pdf

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "corpus" / "real" / "pdf"
REAL_PDFS = sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []
FIXTURES = ROOT / "tests" / "data" / "fixtures"
needs_real = pytest.mark.skipif(not REAL_PDFS, reason="../shared/corpus/real/pdf is not beside the project")
needs_tesseract = pytest.mark.skipif(
    not has_tesseract_vie(),
    reason="Tesseract with the Vietnamese model is missing: apt-get install tesseract-ocr tesseract-ocr-vie",
)


@cache
def layout(name: str, engine: str = "pdfium", ocr: str = "never") -> Layout:
    return read_pdf(REAL / name, engine=engine, ocr=ocr)


@cache
def record(name: str, engine: str = "pdfium") -> Document:
    return vbdieuhanh.parse_layout(layout(name, engine))


def texts(lines: list[Line], column: str | None, page: int | None = None) -> list[str]:
    return [ln.text for ln in lines if ln.text and ln.column == column and (page is None or ln.page == page)]


# --- column split on real PDFs -------------------------------------------------------------------

# file, number line (left column), place-date line (right column), signer name (right footer column)
COLUMNS = [
    (
        "quangngai_CV-507-UBND-KGVX_2025.pdf",
        "Số: 507 /UBND-KGVX",  # number and day stamped by the e-signing system (widgets)
        "Quảng Ngãi, ngày 24 tháng 01 năm 2025",
        "Phùng Tô Long",
    ),
    (
        "lamdong_CV-963-SNV-CCHCVTLT_2025.pdf",
        "Số: 963 /SNV-CCHC&VTLT",
        "Lâm Đồng, ngày 21 tháng 8 năm 2025",
        "Trần Hữu Tuấn",
    ),
    (
        "botuphap_CV-935-VP-TCKT_2019.pdf",
        "Số: 935/VP-TCKT",
        "Hà Nội, ngày 14 tháng 11 năm 2019",
        "Nguyễn Quốc Hoàn",
    ),
    # the content stream interleaves the header columns line by line
    (
        "dongthap_QD-337-QD-SGDDT_2026_78pages.pdf",
        "Số: 337/QĐ-SGDĐT",
        "Đồng Tháp, ngày 14 tháng 4 năm 2026",
        "Lê Quang Trí",
    ),
    (
        "ttg_QD-20-2019-QD-TTg.pdf",
        "Số: 20/2019/QĐ-TTg",
        "Hà Nội, ngày 12 tháng 6 năm 2019",
        "Nguyễn Xuân Phúc",
    ),
    (
        "hcm_QD-2858-QD-UBND_2025.pdf",
        "Số: 2858 /QĐ-UBND",
        "Thành phố Hồ Chí Minh, ngày 21 tháng 11 năm 2025",
        "Nguyễn Văn Dũng",
    ),
]
SLOW_ON_PDFPLUMBER = {"dongthap_QD-337-QD-SGDDT_2026_78pages.pdf"}  # 78 pages: 6 s with pdfplumber


def _engine_cases() -> list:
    cases = []
    for case in COLUMNS:
        for engine in ("pdfium", "pdfplumber"):
            marks = [pytest.mark.slow] if engine == "pdfplumber" and case[0] in SLOW_ON_PDFPLUMBER else []
            cases.append(pytest.param(*case, engine, marks=marks, id=f"{case[0][:24]}-{engine}"))
    return cases


def regions(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The header (the column lines before the first full-width line) and the footer (the next run
    of column lines: an annex may follow it)."""
    body = next(i for i, ln in enumerate(lines) if ln.text and ln.column is None)
    start = next(i for i in range(body, len(lines)) if lines[i].column is not None)
    end = next((i for i in range(start, len(lines)) if lines[i].text and lines[i].column is None), len(lines))
    return lines[:body], lines[start:end]


@needs_real
@pytest.mark.parametrize(("name", "number_line", "place_date", "signer", "engine"), _engine_cases())
def test_header_and_footer_columns(
    name: str, number_line: str, place_date: str, signer: str, engine: str
) -> None:
    header, footer = regions(layout(name, engine).lines)
    left, right = texts(header, "left"), texts(header, "right")
    assert number_line in left
    assert place_date in right
    assert not any("Số:" in t and "ngày" in t for t in left + right)  # nothing interleaved
    columns = [ln.column for ln in header if ln.text]
    assert columns == sorted(columns)  # the whole left column, then the whole right one
    footer_left, footer_right = texts(footer, "left"), texts(footer, "right")
    assert footer_left[0].startswith("Nơi nhận")
    assert signer in footer_right
    assert not any("Nơi nhận" in t for t in footer_right)
    assert [ln.column for ln in footer if ln.text] == sorted(ln.column for ln in footer if ln.text)


@needs_real
def test_annex_heading_on_the_next_page_is_not_read_into_the_footer() -> None:
    """KH 362: the signature ends page 3 and the centred "Phụ lục I" heading opens page 4; its words
    fall on both sides of the footer's column gap but belong to one line of the annex."""
    doc = record("dongthap_KH-362-SGDDT_2026.pdf")
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.position) == ("Nguyễn Phương Toàn", "Phó Giám đốc")
    _, footer = regions(layout("dongthap_KH-362-SGDDT_2026.pdf").lines)
    assert not any(t.startswith("Phụ lục") for t in texts(footer, "left"))


@needs_real
def test_pdfium_reads_interleaved_columns_apart() -> None:
    """pdfium's own text of QĐ 337 puts both header columns on one line; the reader does not."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(REAL / "dongthap_QD-337-QD-SGDDT_2026_78pages.pdf")
    raw = document[0].get_textpage().get_text_range()
    document.close()
    assert "UBND TỈNH ĐỒNG THÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in raw
    lines = layout("dongthap_QD-337-QD-SGDDT_2026_78pages.pdf").lines
    assert texts(lines, "left", 1)[:2] == ["UBND TỈNH ĐỒNG THÁP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert texts(lines, "right", 1)[:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]


# --- page furniture ------------------------------------------------------------------------------


@needs_real
def test_page_numbers_at_the_top_centre_are_dropped() -> None:
    lines = layout("dongthap_QD-337-QD-SGDDT_2026_78pages.pdf").lines
    for page in (2, 3, 50, 78):
        first = next(ln for ln in lines if ln.page == page and ln.text)
        assert first.text != str(page)
    assert not any(ln.text.strip() in {"2", "3", "4"} and ln.bbox and ln.bbox[1] < 40 for ln in lines)


@needs_real
def test_running_cong_bao_header_is_dropped_and_noted() -> None:
    result = layout("quochoi_HienPhap-2013_congbao.pdf")
    assert not any("CÔNG BÁO/Số" in ln.text for ln in result.lines)
    assert [n.code for n in result.notes].count("running_header") == 1
    assert "CÔNG BÁO/Số # + #/Ngày #-#-#" in result.notes[0].message
    first = next(ln for ln in result.lines if ln.text)
    assert first.text == "QUỐC HỘI" and first.column == "left"


# --- both engines give the same record -----------------------------------------------------------

ENGINE_PARITY = [
    "botuphap_CV-935-VP-TCKT_2019.pdf",
    "dongthap_KH-58-THPTCL2_2026.pdf",
    "hcm_CV-4728-SGDDT-HSSV_2025.pdf",
    "lamdong_CV-963-SNV-CCHCVTLT_2025.pdf",
    "quangngai_CV-507-UBND-KGVX_2025.pdf",
    "quangngai_TB-542-UBND_2024.pdf",
    "tcthads_QD-draft-chuyen-ngach_2020.pdf",
    "vktqg_CV-185-VKTQG-QLKH_2026.pdf",
]


def fields(doc: Document) -> dict[str, object]:
    """The record fields both engines must agree on."""
    return {
        "number_symbol": doc.number_symbol,
        "issue_date": doc.issue_date,
        "doc_type": doc.doc_type,
        "issuer": doc.issuer.name if doc.issuer else None,
        "subject": doc.subject,
        "signer": (doc.signer.name, doc.signer.position) if doc.signer else None,
        "addressees": [a.name for a in doc.addressees],
        "recipients": [r.name for r in doc.recipients],
        "tasks": [(t.id, t.text.split()[:3]) for t in doc.tasks],
        "citations": len(doc.citations),
        "warnings": sorted(w.code for w in doc.warnings),
    }


@needs_real
@pytest.mark.parametrize("name", ENGINE_PARITY)
def test_engines_give_the_same_record(name: str) -> None:
    pdfium_record, plumber_record = fields(record(name, "pdfium")), fields(record(name, "pdfplumber"))
    assert pdfium_record == plumber_record
    assert pdfium_record["issuer"]


@needs_real
@pytest.mark.parametrize("name", ["quangngai_TB-542-UBND_2024.pdf", "tcthads_QD-draft-chuyen-ngach_2020.pdf"])
def test_engines_give_the_same_header_lines(name: str) -> None:
    """A stray space glyph inside 'CỘNG' does not split the word with either engine."""
    for engine in ("pdfium", "pdfplumber"):
        lines = layout(name, engine).lines
        assert not any(
            " NG HÒA" in t or " ÀNH" in t for t in texts(lines, "left", 1) + texts(lines, "right", 1)
        )


@needs_real
def test_font_facts() -> None:
    lines = layout("quangngai_CV-507-UBND-KGVX_2025.pdf").lines
    by_text = {ln.text: ln for ln in lines}
    assert by_text["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].bold is True
    assert by_text["Quảng Ngãi, ngày 24 tháng 01 năm 2025"].italic is True
    assert by_text["Quảng Ngãi, ngày 24 tháng 01 năm 2025"].bold is False
    assert by_text["- Như trên;"].size == 11.0
    assert by_text["Kính gửi: Sở Thông tin và Truyền thông"].size == 14.0


@needs_real
def test_word_hyphenated_at_a_line_end_is_joined() -> None:
    """pdfium marks the hyphen of '1849/BGDĐT-' at a line end with U+FFFE and joins 'GDPT.'."""
    for engine in ("pdfium", "pdfplumber"):
        text = "\n".join(ln.text for ln in layout("dongthap_KH-362-SGDDT_2026.pdf", engine).lines)
        assert "Công văn số 1849/BGDĐT-GDPT." in text
        assert "\ufffe" not in text and "\nGDPT." not in text


# --- pages without a usable text layer -----------------------------------------------------------


@needs_real
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("lamdong_TB-493-UBND_2025_scan.pdf", "garbled_text_layer"),  # 'uY BAN NgAN nAN'
        ("phutho_QD-3-2025-QD-UBND_scan.pdf", "no_text_layer"),
        ("bentre_TB-STTTT_2011_chuky_scan.pdf", "no_text_layer"),
    ],
)
def test_scans_are_detected(name: str, code: str) -> None:
    result = layout(name)
    assert result.lines == []
    assert [n.code for n in result.notes] == [code]
    assert "OCR is off" in result.notes[0].message


def test_signature_stamp_over_a_scan_counts_as_no_text(pdf_dir: Path) -> None:
    """A scanned page whose only text is the digital-signature stamp is a scan."""
    from fpdf import FPDF
    from PIL import Image

    scan = pdf_dir / "scan.png"
    Image.new("L", (1240, 1754), 230).save(scan)
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(str(scan), x=0, y=0, w=210, h=297)
    pdf.set_font("helvetica", size=7)
    pdf.set_xy(140, 10)
    pdf.multi_cell(60, 3, "Signed by: Van phong UBND tinh\nEmail: vp@example.gov.vn\nTime: 12.01.2025 09:14")
    path = pdf_dir / "stamped-scan.pdf"
    pdf.output(str(path))
    result = read_pdf(path, ocr="never")
    assert result.lines == []
    assert [n.code for n in result.notes] == ["no_text_layer"]


def test_garbled_layer_check() -> None:
    garbled = "uY BAN NgAN nAN TINH LAMDONG ceNG HoA xA ugr cuu xcuia vrET NAM DQc l$p - Tg do " * 3
    assert is_garbled(garbled)
    assert not is_garbled("Ủy ban nhân dân tỉnh Lâm Đồng thông báo kết luận của Phó Chủ tịch " * 3)
    assert not is_garbled("uY BAN NgAN")  # too short to judge
    english = "The Prime Minister directs the ministries and provincial People's Committees to implement "
    assert not is_garbled(english * 3)  # no diacritics, but real words


@needs_real
def test_ocr_layer_over_a_scan_is_noted_and_repaired() -> None:
    result = layout("dalat-univ_QD-2015-DHDL_hocphi_ocr.pdf")
    codes = [n.code for n in result.notes]
    assert "ocr_text_layer" in codes
    repairs = [n.message for n in result.notes if n.code == "ocr_repair"]
    assert any("'QUYÉT ĐỊNH' → 'QUYẾT ĐỊNH'" in m for m in repairs)
    assert "QUYẾT ĐỊNH" in [ln.text for ln in result.lines]


# --- every real PDF ------------------------------------------------------------------------------


@needs_real
@pytest.mark.parametrize("exp", corpus_expectations.params("pdf"))
def test_every_real_pdf_gives_its_number(exp: corpus_expectations.Expectation) -> None:
    """ocr='never' for speed: each PDF gives the number its header shows, or no number and the warning
    that says why (tests/data/corpus_expectations.csv: a scan has no text layer, a draft no number)."""
    doc = vbdieuhanh.parse_file(REAL / exp.name, ocr="never")
    corpus_expectations.check_number(doc, exp)
    if exp.warning not in corpus_expectations.NO_TEXT:
        assert doc.issuer is not None


def test_every_real_pdf_has_an_expectation() -> None:
    """A PDF added to the corpus gets its row in tests/data/corpus_expectations.csv."""
    if not REAL_PDFS:
        pytest.skip("../shared/corpus/real/pdf is not beside the project")
    listed = {exp.name for exp in corpus_expectations.expectations("pdf")}
    assert listed == {path.name for path in REAL_PDFS}


# --- generated PDFs: page breaks, hyphens, paragraphs, running headers ---------------------------


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if font_family() is None:
        pytest.skip("no serif TTF with Vietnamese glyphs installed")
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def seed_pdf(pdf_dir: Path) -> Path:
    """The seed letter with a running header, and a symbol hyphenated at a line end."""
    return build_pdf(
        seed_letter(),
        pdf_dir / "seed.pdf",
        running_header="Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Kiên Giang - 2021",
        raw_lines=["Các đơn vị gửi báo cáo theo mẫu số 1849/BGDĐT-", "GDPT trước ngày 30/6/2021."],
    )


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_generated_pdf_equals_the_text_record(pdf_dir: Path, engine: str) -> None:
    letter = seed_letter()
    path = build_pdf(letter, pdf_dir / f"plain-{engine}.pdf")
    pdf = fields(vbdieuhanh.parse_file(path, pdf_engine=engine))
    text = fields(vbdieuhanh.parse_text(letter.text()))
    assert pdf == text
    assert pdf["number_symbol"] == "114/BCĐ-KGVX"
    assert [t[0] for t in pdf["tasks"]] == ["1", "2", "3", "4"]


def test_generated_pdf_layout(seed_pdf: Path) -> None:
    result = read_pdf(seed_pdf)
    lines = result.lines
    pages = sorted({ln.page for ln in lines})
    assert pages == [1, 2]
    # the page number "2" at the top centre and the running header are gone
    assert not any(ln.text == "2" for ln in lines)
    assert not any("Kiên Giang - 2021" in ln.text for ln in lines)
    assert any(n.code == "running_header" for n in result.notes)
    # a sentence broken across the page boundary: no blank line between its halves
    last_p1 = max(i for i, ln in enumerate(lines) if ln.page == 1 and ln.text)
    first_p2 = next(i for i, ln in enumerate(lines) if ln.page == 2)
    assert lines[last_p1].text[-1] not in ".;:"
    assert first_p2 == last_p1 + 1 and lines[first_p2].text
    # paragraphs are set apart by blank lines, wrapped lines are not
    body = [ln.text for ln in lines if ln.column is None]
    starts = [body[i + 1][:12] for i, t in enumerate(body[:-1]) if t == ""]
    assert {"Hiện nay tìn", "Tại tỉnh Kiê", "1. Tăng cườn", "2. Báo cáo c"} <= set(starts)
    # the hyphenated symbol at a line end is joined onto the first line
    assert "Các đơn vị gửi báo cáo theo mẫu số 1849/BGDĐT-GDPT" in body
    assert "trước ngày 30/6/2021." in body
    # font facts
    header = {ln.text: ln for ln in lines if ln.column}
    assert header["BCĐ. VẬN ĐỘNG HIẾN"].bold and not header["UBND TỈNH KIÊN GIANG"].bold
    assert header["Kiên Giang, ngày 04 tháng 6 năm 2021"].italic
    assert header["Số: 114/BCĐ-KGVX"].size == 13.0


def test_footer_running_onto_the_next_page_keeps_its_columns(pdf_dir: Path) -> None:
    path = build_pdf(seed_letter(), pdf_dir / "footer.pdf", footer_split=3)
    lines = read_pdf(path).lines
    footer = [(ln.page, ln.column, ln.text) for ln in lines if ln.text and ln.column and ln.page >= 2]
    assert [page for page, _, _ in footer] == [2, 2, 2, 3, 3, 3, 3, 3, 2, 3]
    assert [text for _, column, text in footer if column == "left"][::7] == [
        "Nơi nhận:",
        "- Lưu: VT, pthtran.",
    ]
    assert [text for _, column, text in footer if column == "right"] == [
        "PHÓ CHỦ TỊCH UBND TỈNH",
        "Nguyễn Lưu Trung",
    ]
    doc = vbdieuhanh.parse_file(path)
    assert doc.signer is not None and doc.signer.name == "Nguyễn Lưu Trung"
    assert len(doc.recipients) == 6


def _fixtures(suffix: str) -> list[Path]:
    return sorted(FIXTURES.glob(f"*{suffix}")) if FIXTURES.is_dir() else []


@pytest.mark.parametrize(
    "path", [p for p in _fixtures(".pdf") if not p.name.endswith(".scan.pdf")], ids=lambda p: p.name
)
def test_fixture_pdfs_equal_their_text(path: Path) -> None:
    """The cross-format fixtures (scripts/build_fixtures.py), when built: same key fields as the .txt."""
    text_path = FIXTURES / (path.name.split(".")[0] + ".txt")
    if not text_path.is_file():
        pytest.skip(f"no {text_path.name}")
    pdf, text = fields(vbdieuhanh.parse_file(path)), fields(vbdieuhanh.parse_file(text_path))
    for key in ("number_symbol", "signer", "addressees", "recipients"):
        assert pdf[key] == text[key], key
    assert [t[0] for t in pdf["tasks"]] == [t[0] for t in text["tasks"]]


# --- geometry, without a PDF ---------------------------------------------------------------------


def _word(text: str, x0: float, top: float, size: float = 12.0) -> Word:
    return Word(text, x0, top, x0 + 6.0 * len(text), top + size)


def test_columns_split_at_the_widest_gap() -> None:
    words = [
        _word("UBND", 100, 50),
        _word("TỈNH", 130, 50),
        _word("CỘNG", 320, 50),
        _word("HÒA", 350, 50),
        _word("Số:", 110, 66),
        _word("12/UBND-VX", 130, 66),
        _word("Lai", 330, 66),
        _word("Châu,", 350, 66),
        _word("ngày", 386, 66),
        _word("Kính", 250, 100),
        _word("gửi:", 280, 100),
        _word("Sở", 310, 100),
    ]
    lines, notes = assemble([PageWords(1, 595, 842, words)])
    assert [(ln.column, ln.text) for ln in lines if ln.text] == [
        ("left", "UBND TỈNH"),
        ("left", "Số: 12/UBND-VX"),
        ("right", "CỘNG HÒA"),
        ("right", "Lai Châu, ngày"),
        (None, "Kính gửi: Sở"),
    ]
    assert notes == []


# --- Tesseract missing ---------------------------------------------------------------------------


@needs_real
def test_scan_without_tesseract_names_the_os_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: None)
    with pytest.raises(MissingDependencyError) as info:
        vbdieuhanh.parse_file(REAL / "bentre_TB-STTTT_2011_chuky_scan.pdf", ocr="auto")
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in info.value.cause
    assert info.value.path.endswith("bentre_TB-STTTT_2011_chuky_scan.pdf")


@needs_real
@needs_tesseract
def test_scan_without_the_vietnamese_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_module, "_languages", lambda binary: frozenset({"eng", "osd"}))
    with pytest.raises(MissingDependencyError, match=r"no model for 'vie'.*tesseract-ocr-vie"):
        vbdieuhanh.parse_file(REAL / "bentre_TB-STTTT_2011_chuky_scan.pdf", ocr="auto")


# --- OCR of real scans: a bounded subset by default, the rest when slow tests run ----------------


@needs_real
@needs_tesseract
@pytest.mark.ocr
def test_ocr_of_a_one_page_scan() -> None:
    """CV 299/UBND-THCS (Quảng Ngãi), 1 page of text + 1 blank page: the bounded OCR run."""
    result = layout("quangngai_CV-299-UBND-THCS_2025_hoatoc_scan.pdf", ocr="auto")
    assert result.ocr and result.format == "ocr"
    assert "Quảng Ngãi, ngày" in " ".join(texts(result.lines, "right", 1))
    assert any(t.startswith("Số:") and "/UBND-TTHC" in t for t in texts(result.lines, "left", 1))
    doc = vbdieuhanh.parse_layout(result)
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert [a.name for a in doc.addressees][:1] == ["Sở Giao thông vận tải"]
    assert doc.sources["issue_date"].page == 1 and doc.sources["issue_date"].bbox is not None


SCANS = [
    ("quangngai_TB-46-UBND_2025_scan.pdf", "Ủy ban nhân dân tỉnh Quảng Ngãi", "Thông báo"),
    ("lamdong_TB-493-UBND_2025_scan.pdf", "Ủy ban nhân dân tỉnh Lâm Đồng", "Thông báo"),
    ("kiengiang_KH-1942-SYT_2017_scan.pdf", "Sở Y tế tỉnh Kiên Giang", "Kế hoạch"),
    ("moet_CV-1849-BGDDT-GDPT_2026_scan.pdf", "Bộ Giáo dục và Đào tạo", "Công văn"),
]


@cache
def ocr_record(name: str) -> Document:
    return vbdieuhanh.parse_file(REAL / name, ocr="auto")


@needs_real
@needs_tesseract
@pytest.mark.ocr
@pytest.mark.slow
@pytest.mark.parametrize(("name", "issuer", "doc_type"), SCANS, ids=lambda v: str(v)[:30])
def test_ocr_of_real_scans(name: str, issuer: str, doc_type: str) -> None:
    doc = ocr_record(name)
    assert doc.format == "ocr" and doc.doc_type == doc_type
    assert doc.issuer is not None and doc.issuer.name == issuer


@needs_real
@needs_tesseract
@pytest.mark.ocr
@pytest.mark.slow
@pytest.mark.parametrize("exp", corpus_expectations.params("pdf", ocr="auto"))
def test_ocr_of_real_scans_gives_the_number(exp: corpus_expectations.Expectation) -> None:
    """The number the page image shows (tests/data/corpus_expectations.csv, rows with ocr=auto)."""
    corpus_expectations.check_number(ocr_record(exp.name), exp)
