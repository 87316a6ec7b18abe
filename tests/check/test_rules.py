"""Every rule fires on a realistic failing line and stays silent on a passing one (one row each)."""

from __future__ import annotations

import pytest

from vbdieuhanh import parse_text
from vbdieuhanh.check import check, missing_functions, rules

from .conftest import CONG_VAN, QUYET_DINH

CV, QD = "cv", "qd"
BASES = {CV: CONG_VAN, QD: QUYET_DINH}

# (code, base, text in the base, failing replacement, passing replacement)
CASES = [
    (
        "QH01",
        CV,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
        "",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
    ),
    (
        "QH02",
        CV,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ),
    ("QH03", CV, "Độc lập - Tự do - Hạnh phúc", "Độc lập-Tự do-Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
    ("QH03", CV, "Độc lập - Tự do - Hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "Độc lập - Tự do - Hạnh phúc"),
    (
        "CQ01",
        CV,
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n",
        "SỞ Y TẾ TỈNH LAI CHÂU\n",
        "UBND TỈNH LAI CHÂU\nSỞ Y TẾ\n",
    ),
    ("SO01", CV, "Số: 125/UBND-VX\n", "", "Số: 125/UBND-VX\n"),
    ("SO02", CV, "Số: 125/UBND-VX", "Số:      /UBND-VX", "Số: 125/UBND-VX"),
    ("SO03", CV, "Số: 125/UBND-VX", "Số: 5/UBND-VX", "Số: 05/UBND-VX"),
    ("SO04", CV, "Số: 125/UBND-VX", "Số: 125/UBND - VX", "Số: 125/UBND-VX"),
    ("SO05", QD, "Số: 337/QĐ-UBND", "Số: 337/UBND-KGVX", "Số: 337/QĐ-UBND"),
    ("SO06", CV, "Số: 125/UBND-VX", "Số: 125/CV-UBND", "Số: 125/UBND-VX"),
    (
        "SO07",
        QD,
        "QUYẾT ĐỊNH\nVề việc thành lập",
        "NGHỊ ĐỊNH\nVề việc thành lập",
        "NGHỊ ĐỊNH\nVề việc thành lập",
    ),
    ("NG01", CV, "Lai Châu, ngày 15 tháng 3 năm 2021\n", "", "Lai Châu, ngày 15 tháng 3 năm 2021\n"),
    ("NG02", CV, "ngày 15 tháng 3", "ngày    tháng 3", "ngày 15 tháng 3"),
    ("NG03", CV, "ngày 15 tháng 3 năm 2021", "ngày 5 tháng 3 năm 2021", "ngày 05 tháng 3 năm 2021"),
    ("NG03", CV, "ngày 15 tháng 3 năm 2021", "ngày 15 tháng 2 năm 2021", "ngày 15 tháng 02 năm 2021"),
    (
        "NG04",
        CV,
        "Lai Châu, ngày 15 tháng 3 năm 2021",
        "Lai Châu, 15/3/2021",
        "Lai Châu, ngày 15 tháng 3 năm 2021",
    ),
    ("NG05", CV, "Lai Châu, ngày", "Điện Biên, ngày", "Tam Đường, ngày"),
    ("NG06", CV, "TỈNH LAI CHÂU\n", "TỈNH AN GIANG\n", "TỈNH AN GIANG\n"),
    ("NG07", CV, "Lai Châu, ngày", "TP. HCM, ngày", "Thành phố Hồ Chí Minh, ngày"),
    ("TY01", CV, "V/v tiếp tục", "Về việc tiếp tục", "V/v tiếp tục"),
    (
        "TY02",
        QD,
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác chuyển đổi số\n",
        "",
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác chuyển đổi số\n",
    ),
    (
        "KG01",
        QD,
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\n",
        "Kính gửi: Sở Thông tin và Truyền thông.\n",
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP\n",
    ),
    ("NN01", CV, "- Như trên;\n- Sở Y tế;", "- Sở Y tế;\n- Như trên;", "- Như trên;\n- Sở Y tế;"),
    ("NN02", CV, "- Lưu: VT, VX3.", "- VX3.", "- Lưu: Văn thư, VX3."),
    ("NN02", CV, "- Lưu: VT, VX3.", "- Lưu: VX3, hồ sơ.", "- Lưu: VT, VX3."),
    (
        "NN03",
        CV,
        "Nơi nhận:\n- Như trên;\n- Sở Y tế;\n- Lưu: VT, VX3.\n",
        "",
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n",
    ),
    ("KY01", CV, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
    (
        "KY01",
        CV,
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        "TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH",
        "TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN\nPHÓ CHỦ TỊCH",
    ),
    ("KY02", CV, "\nTống Thanh Hải\n", "\n", "\nTống Thanh Hải\n"),
    ("KY03", CV, "Tống Thanh Hải", "PGS.TS. Tống Thanh Hải", "Tống Thanh Hải"),
    ("NC01", CV, "tổ chức hiến máu./.", "tổ chức hiến máu.", "tổ chức hiến máu./."),
    ("DM01", CV, "Số: 125/UBND-VX\n", "Số: 125/UBND-VX\nRẤT KHẨN\n", "Số: 125/UBND-VX\nTHƯỢNG KHẨN\n"),
]


def _codes(text: str) -> list[str]:
    return [finding.code for finding in check(parse_text(text))]


@pytest.mark.parametrize(
    ("code", "base", "old", "bad", "good"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_fires_on_the_failing_line_and_not_on_the_passing_one(
    code: str, base: str, old: str, bad: str, good: str
) -> None:
    text = BASES[base]
    assert old in text
    failing, passing = text.replace(old, bad, 1), text.replace(old, good, 1)
    if code == "NG06":  # the place after 1 July 2025 is the merged province's new name
        failing = failing.replace(
            "Lai Châu, ngày 15 tháng 3 năm 2021", "Kiên Giang, ngày 15 tháng 8 năm 2025"
        )
        passing = passing.replace("Lai Châu, ngày 15 tháng 3 năm 2021", "An Giang, ngày 15 tháng 8 năm 2025")
    if code == "SO07":
        failing = failing.replace("337/QĐ-UBND", "15/NĐ-CP")
        passing = passing.replace("337/QĐ-UBND", "15/2024/NĐ-CP")
    assert code in _codes(failing)
    assert code not in _codes(passing)


@pytest.mark.parametrize("base", [CONG_VAN, QUYET_DINH])
def test_the_clean_letters_have_no_finding(base: str) -> None:
    assert check(parse_text(base)) == []


def test_every_rule_has_a_function_and_every_function_a_rule() -> None:
    assert missing_functions() == (set(), set())


def test_every_rule_is_tested_here_or_in_the_layout_tests() -> None:
    tested = {case[0] for case in CASES} | {"LY01", "LY02", "LY03"}
    assert set(rules()) == tested


def test_a_finding_says_where_and_how_to_fix() -> None:
    text = CONG_VAN.replace("ngày 15 tháng 3", "ngày 5 tháng 3")
    (finding,) = check(parse_text(text))
    assert finding.code == "NG03" and finding.severity == "warning"
    assert finding.line == 10 and finding.span is not None
    assert text.split("\n")[finding.line - 1].startswith("Lai Châu, ngày 5")
    assert finding.fix is not None and "ngày 05 tháng 3 năm 2021" in finding.fix
    assert finding.reference.startswith("NĐ 30/2020, Phụ lục I")


def test_select_and_ignore_take_codes_and_prefixes() -> None:
    text = CONG_VAN.replace("Số: 125/UBND-VX", "Số: 5/UBND-VX").replace("ngày 15", "ngày 5")
    document = parse_text(text)
    assert [f.code for f in check(document)] == ["SO03", "NG03"]
    assert [f.code for f in check(document, select=["SO"])] == ["SO03"]
    assert [f.code for f in check(document, ignore=["so03"])] == ["NG03"]


def test_a_news_text_is_not_judged() -> None:
    news = "Sáng 14/6, Hội Chữ thập đỏ tỉnh tổ chức Ngày hội hiến máu, tiếp nhận 300 đơn vị máu."
    assert check(parse_text(news)) == []


def test_a_party_document_gets_no_decree_30_finding() -> None:
    party = """ĐẢNG BỘ TỈNH KIÊN GIANG
TỈNH ỦY
*
Số 15-CV/TU

ĐẢNG CỘNG SẢN VIỆT NAM

Kiên Giang, ngày 4 tháng 6 năm 2021

Kính gửi: Các huyện ủy, thành ủy.

Ban Thường vụ Tỉnh ủy yêu cầu các huyện ủy triển khai thực hiện.

Nơi nhận:
- Các huyện ủy;
- Lưu VPTU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn A
"""
    assert check(parse_text(party)) == []
