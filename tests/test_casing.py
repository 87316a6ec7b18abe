"""Casing of names written in capitals, as they appear in headers and signature blocks."""

from __future__ import annotations

import pytest

from vbdieuhanh.names.casing import (
    agency_case,
    find_province,
    position_case,
    repair_body_name,
    repair_province,
)

AGENCIES = [
    ("UBND TỈNH LAI CHÂU", "Ủy ban nhân dân tỉnh Lai Châu"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
    ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Bộ Tài nguyên và Môi trường"),
    ("UỶ BAN NHÂN DÂN TỈNH KHÁNH HOÀ", "Ủy ban nhân dân tỉnh Khánh Hòa"),  # old tone marks
    ("Sở Y tế", "Sở Y tế"),  # already cased: unchanged
    ("TỈNH ỦY LAI CHÂU", "Tỉnh ủy Lai Châu"),  # a head that only a place follows
    ("UBND PHÚ THỌ", "Ủy ban nhân dân Phú Thọ"),
    # ordinary words that hold a unit word ("xã hội") are not places (data/common_nouns.txt)
    ("BẢO HIỂM XÃ HỘI TỈNH BÌNH AN", "Bảo hiểm xã hội tỉnh Bình An"),
    ("BHXH TỈNH BÌNH AN", "Bảo hiểm xã hội tỉnh Bình An"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH BÌNH AN", "Sở Lao động - Thương binh và Xã hội tỉnh Bình An"),
    ("NGÂN HÀNG CHÍNH SÁCH XÃ HỘI TỈNH BÌNH AN", "Ngân hàng Chính sách xã hội tỉnh Bình An"),
    ("PHÒNG VĂN HÓA - XÃ HỘI HUYỆN AN LÃO", "Phòng Văn hóa - Xã hội huyện An Lão"),
    ("BAN VĂN HÓA - XÃ HỘI HĐND TỈNH", "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh"),
    ("LIÊN MINH HỢP TÁC XÃ TỈNH BÌNH AN", "Liên minh hợp tác xã tỉnh Bình An"),
    ("MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH BÌNH AN", "Mặt trận Tổ quốc Việt Nam tỉnh Bình An"),
    ("QUẬN ỦY BA ĐÌNH", "Quận ủy Ba Đình"),  # a head that only a place follows
    # … but the unit word before a place name is a place: communes named "Hội Xuân", "Hội An"
    ("ỦY BAN NHÂN DÂN XÃ HỘI XUÂN", "Ủy ban nhân dân xã Hội Xuân"),
    ("HỘI LIÊN HIỆP PHỤ NỮ XÃ HỘI AN", "Hội Liên hiệp phụ nữ xã Hội An"),
]
POSITIONS = [
    ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
    ("PHÓ CHỦ TỊCH UBND TỈNH", "Phó Chủ tịch UBND tỉnh"),
    ("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Giám đốc Sở Giáo dục và Đào tạo"),  # the title ends in a head
    ("CHÁNH VĂN PHÒNG", "Chánh Văn phòng"),
    ("CHÁNH VĂN PHÒNG UBND TỈNH", "Chánh Văn phòng UBND tỉnh"),  # a body follows the title
    ("THỦ TƯỚNG", "Thủ tướng"),
]


@pytest.mark.parametrize(("raw", "expected"), AGENCIES)
def test_agency_case(raw: str, expected: str) -> None:
    assert agency_case(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), POSITIONS)
def test_position_case(raw: str, expected: str) -> None:
    assert position_case(raw) == expected


@pytest.mark.parametrize(
    ("name", "province"),
    [("Ủy ban nhân dân tỉnh Kiên Giang", "Kiên Giang"), ("Sở Y tế thành phố Cần Thơ", "Cần Thơ")],
)
def test_find_province(name: str, province: str) -> None:
    assert find_province(name) == province


@pytest.mark.parametrize(
    ("name", "repaired"),
    [
        ("Công an tỉnh Lâm Đòng", "Công an tỉnh Lâm Đồng"),  # OCR: a wrong tone mark
        ("Ủy ban nhân dân Tĩnh cao bằng", "Ủy ban nhân dân tỉnh Cao Bằng"),  # "tỉnh" misread, case lost
        ("Ủy ban nhân dân Tinh quang ngaài", "Ủy ban nhân dân tỉnh Quảng Ngãi"),  # a near miss after "tỉnh"
        ("Ủy ban nhân dân tỉnh Kiên Giang", "Ủy ban nhân dân tỉnh Kiên Giang"),  # already right
        ("Sở Thông tin và Truyền thông tỉnh Bén", "Sở Thông tin và Truyền thông tỉnh Bén"),  # too damaged
        ("Trường Đại học Đà Lạt", "Trường Đại học Đà Lạt"),  # a city, not a province: left alone
    ],
)
def test_repair_province(name: str, repaired: str) -> None:
    assert repair_province(name) == repaired


@pytest.mark.parametrize(
    ("name", "repaired"),
    [
        ("Sơ Y Te tỉnh Kiên Giang", "Sở Y tế tỉnh Kiên Giang"),  # OCR of a 2017 scan (KH 1942/SYT)
        ("Sở Thông tin và Truyèn thông tỉnh Bến Tre", "Sở Thông tin và Truyền thông tỉnh Bến Tre"),
        ("Sở Giáo dục và đào tạo", "Sở Giáo dục và Đào tạo"),  # a title's lost capital
        ("Sở Y tế", "Sở Y tế"),
        ("Sở Tài chính tỉnh Lâm Đồng", "Sở Tài chính tỉnh Lâm Đồng"),
        ("Sở Tư pháp tỉnh", "Sở Tư pháp tỉnh"),
        ("Trung tâm Y tế huyện", "Trung tâm Y tế huyện"),  # not a department: unchanged
    ],
)
def test_repair_body_name(name: str, repaired: str) -> None:
    assert repair_body_name(name) == repaired
