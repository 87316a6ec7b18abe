"""Normalisation keeps offsets true: NFC, tone folding, Markdown, page breaks, noise characters."""

from __future__ import annotations

import unicodedata

import pytest

import vbdieuhanh
from vbdieuhanh.layout import layout_from_text
from vbdieuhanh.normalize import fold_tones, normalize

FOLD_CASES = [
    # (written, folded): old-style tone placement → new style, same length
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("UỶ BAN THƯỜNG VỤ QUỐC HỘI", "ỦY BAN THƯỜNG VỤ QUỐC HỘI"),
    ("thuỷ lợi, tuỳ theo, huỷ bỏ", "thủy lợi, tùy theo, hủy bỏ"),
    ("Khánh Hoà, Thanh Hoá, Hoà Bình", "Khánh Hòa, Thanh Hóa, Hòa Bình"),
    ("khoẻ mạnh, hoạ sĩ", "khỏe mạnh, họa sĩ"),
    # "quý", "quỹ": after q the tone already sits on the y
    ("quý II năm 2019, quỹ phòng chống thiên tai", "quý II năm 2019, quỹ phòng chống thiên tai"),
    ("hòa, Ủy, thủy", "hòa, Ủy, thủy"),
]


@pytest.mark.parametrize(("written", "folded"), FOLD_CASES)
def test_fold_tones(written: str, folded: str) -> None:
    assert fold_tones(written) == folded
    assert len(fold_tones(written)) == len(written)


def test_nfd_input_is_composed_and_offsets_map_back() -> None:
    raw = unicodedata.normalize("NFD", "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/UBND-VX")
    nt = normalize(layout_from_text(raw))
    assert nt.text == "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/UBND-VX"
    at = nt.text.index("LAI CHÂU")
    start, end = nt.source_offset(at), nt.source_offset(at + len("LAI CHÂU"))
    assert start is not None and end is not None
    assert unicodedata.normalize("NFC", raw[start:end]) == "LAI CHÂU"


def test_markdown_bold_and_spaces_are_removed_with_offsets_kept() -> None:
    raw = "**UBND TỈNH KIÊN GIANG\nBCĐ. VẬN ĐỘNG HIẾN**\nSố:   114/BCĐ-KGVX"
    nt = normalize(layout_from_text(raw))
    assert nt.text == "UBND TỈNH KIÊN GIANG\nBCĐ. VẬN ĐỘNG HIẾN\nSố: 114/BCĐ-KGVX"
    for word in ("KIÊN", "HIẾN", "114/BCĐ"):
        at = nt.text.index(word)
        source = nt.source_offset(at)
        assert source is not None and raw[source : source + len(word)] == word


def test_page_break_inside_a_sentence_is_mended() -> None:
    raw = "1. Tăng cường truyền thông; tích\n\n\n\ncực tuyên truyền thông điệp 5K.\n\n2. Báo cáo kết quả."
    nt = normalize(layout_from_text(raw))
    assert "tích cực tuyên truyền" in nt.text
    assert nt.mended_breaks == 1
    assert "5K.\n\n2. Báo cáo" in nt.text  # a real paragraph break stays


def test_numbered_item_cut_by_a_page_break_is_mended() -> None:
    # Lai Châu seed: "4. Đảm bảo … phòng, chống dịch bệnh" / blank line / "Covid-19 theo chỉ đạo …"
    raw = "4. Đảm bảo thực hiện nghiêm các biện pháp phòng, chống dịch bệnh\n\nCovid-19 theo chỉ đạo."
    assert "dịch bệnh Covid-19 theo" in normalize(layout_from_text(raw)).text


@pytest.mark.parametrize(
    "raw",
    [
        "Kính gửi:\n\n- Sở Y tế;",  # a label before its list
        "V/v tăng cường công tác\n\nHà Nội, ngày 04 tháng 6 năm 2021",  # header lines
        "MÁU TÌNH NGUYỆN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",  # upper-case header
        "Thực hiện tốt các nội dung trên./.\n\nNơi nhận:",
        "Độc lập - Tự do - Hạnh phúc\n\nĐồng Tháp, ngày 15 tháng 4 năm 2026",  # "Đ" is a capital
        "phòng, chống dịch bệnh\n\nỦy ban nhân dân các huyện",
    ],
)
def test_paragraph_breaks_are_not_mended(raw: str) -> None:
    assert normalize(layout_from_text(raw)).mended_breaks == 0


def test_lookalike_and_invisible_characters() -> None:
    nt = normalize(layout_from_text("Số: 06/2026/TT-BT\u0421\u200b\nngày\u00a004"))  # Cyrillic С, ZWSP, NBSP
    assert nt.text == "Số: 06/2026/TT-BTC\nngày 04"


def test_spans_point_into_the_normalised_text(samples_dir) -> None:
    record = vbdieuhanh.parse_file(samples_dir / "kiengiang_114-BCD-KGVX_2021.txt")
    text = record.text
    number = record.sources["number_symbol"]
    assert text[number.start : number.end] == "114/BCĐ-KGVX"
    date = record.sources["issue_date"]
    assert text[date.start : date.end] == "ngày 04 tháng 6 năm 2021"
    assert record.signer is not None and record.signer.source is not None
    assert record.signer.name in text[record.signer.source.start : record.signer.source.end]
    for citation in record.citations:
        assert citation.source is not None
        assert citation.number_symbol in text[citation.source.start : citation.source.end]
    raw = (samples_dir / "kiengiang_114-BCD-KGVX_2021.txt").read_text(encoding="utf-8")
    assert number.source_start is not None
    assert raw[number.source_start : number.source_start + 12] == "114/BCĐ-KGVX"


@pytest.mark.parametrize("word", ["Liên đoàn", "hoàn thành", "toàn dân", "Huỳnh", "HOÀN THÀNH", "khoảng"])
def test_fold_leaves_closed_syllables(word: str) -> None:
    """With a final consonant the tone sits on the second vowel in both styles: nothing to fold."""
    assert fold_tones(word) == word


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # a crawler's Markdown: table bars, italic stars on word edges, heading hashes
        ("|", ""),
        ("* *", ""),
        ("#", ""),
        ("*Hà Nội, ngày 20", "Hà Nội, ngày 20"),
        ("tháng 11 năm 2025 *", "tháng 11 năm 2025"),
        ("*V/v ch**ính sách thu**ế*", "V/v chính sách thuế"),
        ("**Kính gửi:** Thuế tỉnh Quảng Trị.", "Kính gửi: Thuế tỉnh Quảng Trị."),
        ("# Quyết định", "Quyết định"),
        ("Số: 17/2021/QĐ-UBND |", "Số: 17/2021/QĐ-UBND"),
        # a bullet, a footnote mark and a multiplication stay
        ("* Sở Y tế", "* Sở Y tế"),
        ("theo mẫu (*) đính kèm", "theo mẫu (*) đính kèm"),
        # tone marks floating apart from their letters are dropped with their space
        ("tình hình bị thiêt hai ̀ ̣ ̣ do bão", "tình hình bị thiêt hai do bão"),
    ],
)
def test_converter_furniture_is_cleaned(raw: str, clean: str) -> None:
    assert normalize(layout_from_text(raw)).text == clean


def test_a_bar_between_table_cells_is_a_column_gap() -> None:
    nt = normalize(layout_from_text("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI"))
    assert nt.text == "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI"
    assert [nt.text[g - 3 : g + 3] for g in nt.gaps] == ["DÂN CỘ"]


def test_an_impossible_month_keeps_the_year_with_a_warning() -> None:
    text = (
        "UBND TỈNH BÌNH AN\nSố: 15/UBND-VX\nBình An, ngày 14 tháng 44 năm 2024\nV/v họp\nKính gửi: Sở Y tế\n"
    )
    document = vbdieuhanh.parse_text(text + "Đề nghị Sở Y tế dự họp./.\n")
    assert document.issue_date == "2024"
    (warning,) = [w for w in document.warnings if w.code == "invalid_date"]
    assert "the year only" in warning.message


def test_a_long_text_folds_as_its_parts() -> None:
    """A text longer than a line is searched vowel by vowel: it folds as its lines do."""
    written = "\n".join(written for written, _ in FOLD_CASES) * 2
    assert len(written) > 200
    assert fold_tones(written) == "\n".join(folded for _, folded in FOLD_CASES) * 2


def test_settled_characters_need_no_cleaning_and_stay_in_nfc() -> None:
    """What _UNSETTLED_RE lets through, clean_line keeps and NFC neither changes nor composes with the
    character before it: a text of such characters takes the fast path rightly."""
    from vbdieuhanh.normalize import _SPECIAL_RE, _UNSETTLED_RE

    # the second characters of canonical pairs ("a" + U+0300 → "à"), and the Hangul vowels and finals
    composing = {
        int(d.split()[1], 16)
        for d in map(unicodedata.decomposition, map(chr, range(0x110000)))
        if d and not d.startswith("<") and len(d.split()) == 2
    }
    composing |= set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    settled = [chr(code) for code in range(0x110000) if not _UNSETTLED_RE.match(chr(code))]
    assert len(settled) > 7000
    for char in settled:
        assert not _SPECIAL_RE.match(char), hex(ord(char))
        assert unicodedata.combining(char) == 0 and unicodedata.normalize("NFC", char) == char, hex(ord(char))
        assert ord(char) not in composing, hex(ord(char))
