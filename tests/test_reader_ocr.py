"""The OCR reader: a rendered page of a seed document gives the text's record, word boxes give the
same column split as a PDF, key-word confusions are repaired and reported."""

from __future__ import annotations

import io
import random
from functools import cache
from pathlib import Path

import pytest
from pdf_samples import (
    Letter,
    build_pdf,
    font_family,
    has_tesseract_vie,
    laichau_letter,
    render_png,
    short_letter,
)

import vbdieuhanh
from vbdieuhanh import CorruptFileError, Document, Layout, MissingDependencyError
from vbdieuhanh.layout import Line
from vbdieuhanh.readers import ocr as ocr_module
from vbdieuhanh.readers import read_file
from vbdieuhanh.readers.ocr import read_image, tsv_words
from vbdieuhanh.readers.ocr_repair import confusions, repair_lines, repair_name, repair_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "fixtures"


needs_tesseract = pytest.mark.skipif(
    not has_tesseract_vie(),
    reason="Tesseract with the Vietnamese model is missing: apt-get install tesseract-ocr tesseract-ocr-vie",
)
needs_font = pytest.mark.skipif(font_family() is None, reason="no serif TTF with Vietnamese glyphs installed")

LETTERS = {"kiengiang_114": short_letter, "laichau": laichau_letter}


@pytest.fixture(scope="module")
def page_images(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Page 1 of each one-page seed letter, rendered at 300 dpi like a clean office scan."""
    if font_family() is None:
        pytest.skip("no serif TTF with Vietnamese glyphs installed")
    folder = tmp_path_factory.mktemp("ocr")
    images = {}
    for name, letter in LETTERS.items():
        pdf = build_pdf(letter(), folder / f"{name}.pdf", header_size=14)
        images[name] = render_png(pdf, folder / f"{name}.png", dpi=300)
    return images


@cache
def ocr_layout(path: Path) -> Layout:
    """Each page image is read once per test run (Tesseract takes about a second a page)."""
    return read_file(path)


def key_fields(doc: Document) -> dict[str, object]:
    return {
        "number_symbol": doc.number_symbol,
        "issue_date": doc.issue_date,
        "issuer": doc.issuer.name if doc.issuer else None,
        "signer": (doc.signer.name, doc.signer.position) if doc.signer else None,
    }


# --- rendered seed pages -------------------------------------------------------------------------


@needs_tesseract
@needs_font
@pytest.mark.ocr
@pytest.mark.parametrize("name", list(LETTERS))
def test_rendered_page_gives_the_text_record(page_images: dict[str, Path], name: str) -> None:
    ocr_doc = vbdieuhanh.parse_layout(ocr_layout(page_images[name]))
    text_doc = vbdieuhanh.parse_text(Letter.text(LETTERS[name]()))
    assert ocr_doc.format == "ocr" and ocr_doc.pages == 1
    assert key_fields(ocr_doc) == key_fields(text_doc)
    assert ocr_doc.issuer is not None and ocr_doc.sources["issue_date"].bbox is not None


@needs_tesseract
@needs_font
@pytest.mark.ocr
def test_ocr_word_boxes_split_the_columns(page_images: dict[str, Path]) -> None:
    layout = ocr_layout(page_images["kiengiang_114"])
    assert layout.ocr and layout.format == "ocr"
    header = [ln for ln in layout.lines if ln.page == 1 and ln.text and ln.bbox and ln.bbox[1] < 150]
    left = [ln.text for ln in header if ln.column == "left"]
    right = [ln.text for ln in header if ln.column == "right"]
    assert "Số: 114/BCĐ-KGVX" in left
    assert "Kiên Giang, ngày 04 tháng 6 năm 2021" in right
    assert not any("Số:" in t and "ngày" in t for t in left + right)
    footer = [ln for ln in layout.lines if ln.text and ln.column and ln.bbox and ln.bbox[1] > 400]
    assert next(ln.text for ln in footer if ln.column == "left") == "Nơi nhận:"
    assert "Nguyễn Lưu Trung" in [ln.text for ln in footer if ln.column == "right"]
    # boxes are in PDF points of an A4 page
    assert all(0 <= ln.bbox[0] < ln.bbox[2] <= 596 and 0 <= ln.bbox[1] < ln.bbox[3] <= 843 for ln in header)


@needs_tesseract
@needs_font
@pytest.mark.ocr
def test_repairs_are_reported(page_images: dict[str, Path]) -> None:
    """The Lai Châu letter has 'hiển máu' in its subject: repaired for matching, with a warning."""
    doc = vbdieuhanh.parse_layout(ocr_layout(page_images["laichau"]))
    repairs = [w.message for w in doc.warnings if w.code == "ocr_repair"]
    assert any("'hiển máu' → 'hiến máu'" in m and m.startswith("page 1:") for m in repairs)
    assert doc.subject is not None and "hiến máu tình nguyện" in doc.subject


@needs_tesseract
@needs_font
@pytest.mark.ocr
@pytest.mark.slow
def test_degraded_scan_keeps_the_key_fields(page_images: dict[str, Path], tmp_path: Path) -> None:
    """Turned 0.4°, speckled and saved as JPEG: number, date, issuer and signer survive."""
    from PIL import Image

    image = Image.open(page_images["kiengiang_114"]).convert("L")
    image = image.rotate(0.4, expand=True, fillcolor=255)
    pixels = image.load()
    rng = random.Random(7)
    for _ in range(15000):
        pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.choice((0, 255))
    path = tmp_path / "scan.jpg"
    image.save(path, quality=60, dpi=(300, 300))
    doc = vbdieuhanh.parse_file(path)
    expected = key_fields(vbdieuhanh.parse_text(Letter.text(short_letter())))
    assert key_fields(doc) == expected


def _fixture_scans() -> list[Path]:
    return sorted(FIXTURES.glob("*.scan.pdf")) if FIXTURES.is_dir() else []


@needs_tesseract
@needs_font
@pytest.mark.ocr
@pytest.mark.slow
def test_ocr_always_reads_a_text_pdf_from_its_image(tmp_path: Path) -> None:
    letter = short_letter()
    path = build_pdf(letter, tmp_path / "letter.pdf", header_size=14)
    doc = vbdieuhanh.parse_file(path, ocr="always")
    assert doc.format == "ocr"
    assert key_fields(doc) == key_fields(vbdieuhanh.parse_text(letter.text()))


@needs_tesseract
@pytest.mark.ocr
@pytest.mark.slow
@pytest.mark.parametrize("path", _fixture_scans(), ids=lambda p: p.name)
def test_fixture_scans_give_the_text_record(path: Path) -> None:
    """The image-only fixture PDFs of scripts/build_fixtures.py, when built."""
    text_path = FIXTURES / (path.name.split(".")[0] + ".txt")
    if not text_path.is_file():
        pytest.skip(f"no {text_path.name}")
    ocr_doc, text_doc = vbdieuhanh.parse_file(path), vbdieuhanh.parse_file(text_path)
    assert ocr_doc.format == "ocr"
    ocr_fields, text_fields = key_fields(ocr_doc), key_fields(text_doc)
    assert ocr_fields["number_symbol"] == text_fields["number_symbol"]
    assert ocr_fields["issue_date"] == text_fields["issue_date"]


# --- the repair table ----------------------------------------------------------------------------

REPAIRS = [
    ("Sô: 12/UBND-VX", "Số: 12/UBND-VX"),
    ("Sồ: 114/BCĐ-KGVX", "Số: 114/BCĐ-KGVX"),
    ("QUYÉT ĐỊNH", "QUYẾT ĐỊNH"),
    ("Kinh gửi: Sở Y tế", "Kính gửi: Sở Y tế"),
    ("Nơi nhân:", "Nơi nhận:"),
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHIA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("CỌNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("công tác hiển máu tình nguyện", "công tác hiến máu tình nguyện"),
    ("KT, GIÁM ĐÓC", "KT. GIÁM ĐỐC"),
    ("Lai Châu, ngày 12 tháng 3 nãm 2021", "Lai Châu, ngày 12 tháng 3 năm 2021"),
    ("4, Đối với các cơ quan thành viên", "4. Đối với các cơ quan thành viên"),  # a list marker
    ("Số: 114/BCĐ\u00d0-KGVX", "Số: 114/BCĐ-KGVX"),  # 'Đ' read as 'Đ' + an Icelandic eth
]
UNTOUCHED = [
    "Số: 12/UBND-VX",
    "Sổ tay hướng dẫn nghiệp vụ",  # 'Sổ' without a colon is a word
    "phát triển kinh tế - xã hội",  # 'Kinh' only at a line start, before 'gửi'
    "màn hình hiển thị",
    "theo Sô: 12",  # a number label only at the line start
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Sở Tài nguyên và Môi trường",  # 'nguyên' is a word; only 'tình nguyên' is not
    "4, 5 và 6 tháng đầu năm",  # numbers in a list, not an item marker
]


@pytest.mark.parametrize(("wrong", "right"), REPAIRS)
def test_repair_table(wrong: str, right: str) -> None:
    repaired, applied = repair_text(wrong)
    assert repaired == right
    assert applied


@pytest.mark.parametrize("text", UNTOUCHED)
def test_repair_table_leaves_real_words(text: str) -> None:
    assert repair_text(text) == (text, [])


def test_repair_table_is_general() -> None:
    """Every entry names a key word of the layout, not a phrase of one document."""
    assert 40 <= len(confusions()) <= 120
    for entry in confusions():
        assert entry.wrong != entry.right and len(entry.wrong.split()) <= 6


def test_repairs_only_on_ocr_pages_and_each_is_noted() -> None:
    lines = [Line("Sô: 12/UBND-VX", page=1), Line("Nơi nhân:", page=2), Line("Sô: 7/UBND", page=3)]
    notes = repair_lines(lines, {1, 2})
    assert [ln.text for ln in lines] == ["Số: 12/UBND-VX", "Nơi nhận:", "Sô: 7/UBND"]
    assert [n.code for n in notes] == ["ocr_repair", "ocr_repair"]
    assert notes[0].message == "page 1: OCR text repaired 'Sô:' → 'Số:' in 'Sô: 12/UBND-VX'"


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        # the family name lost its first letter at a column's edge, or had it read as a digit
        ("guyễn Quốc Việt", "Nguyễn Quốc Việt"),
        ("uỳnh Thị Lan", "Huỳnh Thị Lan"),
        ("Thiếu tướng 1rương Minh Đương", "Thiếu tướng Trương Minh Đương"),
        # not a name alone on its line, a known family name already, or only a case change
        ("các cơ quan Nhà Nước", "các cơ quan Nhà Nước"),
        ("quan Văn Phòng", "quan Văn Phòng"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("nh Vĩnh Lạc", "nh Vĩnh Lạc"),  # two letters lost: not guessed
    ],
)
def test_a_signers_family_name_damaged_by_ocr_is_repaired(line: str, repaired: str) -> None:
    assert repair_name(line)[0] == repaired


def test_name_repairs_are_noted_on_ocr_pages_only() -> None:
    lines = [Line("guyễn Quốc Việt", page=1), Line("guyễn Quốc Việt", page=2)]
    notes = repair_lines(lines, {1})
    assert [ln.text for ln in lines] == ["Nguyễn Quốc Việt", "guyễn Quốc Việt"]
    assert notes[0].message == "page 1: OCR text repaired 'guyễn' → 'Nguyễn' in 'guyễn Quốc Việt'"


# --- Tesseract's TSV -----------------------------------------------------------------------------

TSV = "\n".join(
    [
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "5\t1\t1\t1\t1\t1\t300\t300\t150\t50\t96.5\tKính",
        "5\t1\t1\t1\t1\t2\t470\t300\t120\t50\t95.0\tgửi:",
        "5\t1\t1\t1\t1\t3\t700\t300\t30\t40\t3.0\tmè",  # a speck: dropped
        "5\t1\t1\t1\t1\t4\t740\t300\t30\t40\t91.0\t ",  # a rule: no text
        "4\t1\t2\t1\t1\t0\t100\t600\t500\t50\t-1\t",
        "5\t1\t2\t1\t1\t1\t100\t600\t60\t50\t20.0\tw",  # a line of specks: dropped
        "5\t1\t2\t1\t1\t2\t180\t600\t60\t50\t12.0\tÀ",
        "5\t1\t3\t1\t2\t1\t100\t700\t200\t50\t93.0\tSố:",
    ]
)


def test_tsv_words_in_points_with_line_groups() -> None:
    words = tsv_words(TSV, 72 / 300)
    assert [w.text for w in words] == ["Kính", "gửi:", "Số:"]
    first = words[0]
    assert (first.x0, first.top, first.x1, first.bottom) == (72.0, 72.0, 108.0, 84.0)
    assert words[0].group == words[1].group != words[2].group


# --- errors --------------------------------------------------------------------------------------


def test_missing_tesseract_names_the_os_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    path = tmp_path / "page.png"
    Image.new("L", (100, 100), 255).save(path)
    monkeypatch.setattr(ocr_module.shutil, "which", lambda name: None)
    with pytest.raises(MissingDependencyError) as info:
        vbdieuhanh.parse_file(path)
    assert info.value.path == str(path)
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in str(info.value)


@needs_tesseract
def test_corrupt_image(tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(CorruptFileError, match="cannot be decoded"):
        vbdieuhanh.parse_file(path)


@needs_tesseract
@pytest.mark.ocr
def test_blank_image_is_noted(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "blank.png"
    buffer = io.BytesIO()
    Image.new("L", (1240, 1754), 255).save(buffer, format="PNG", dpi=(150, 150))
    path.write_bytes(buffer.getvalue())
    layout = read_image(path)
    assert layout.lines == [] and [n.code for n in layout.notes] == ["no_text_found"]
