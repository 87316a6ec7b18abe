"""Documents as they really arrive: inside scraped pages, flattened or wrapped by converters, damaged
by OCR engines and old converters (``../shared/spec/robustness.md`` §1–3).

The real pages are copied byte for byte from a portal crawl (tests/data/cases/SOURCES.md). The other
cases are invented (made-up numbers, bodies and places: "tỉnh Bình An" does not exist) but have the
exact shape of a real failure; each failed before the rule it tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from casecheck import case_ids, check, doc, record

from vbdieuhanh.layout import layout_from_text
from vbdieuhanh.parser import parse_layout

HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
)
FOOTER = "Nơi nhận:\n- Như trên;\n- Lưu: VT, VX.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"
BODY = "Ủy ban nhân dân tỉnh đề nghị Sở Y tế chủ trì, phối hợp với các cơ quan liên quan thực hiện./.\n"


def _letter(
    number_line: str = "Số: 15/UBND-VX", date_line: str = "Bình An, ngày 14 tháng 08 năm 2024"
) -> str:
    return f"{HEADER}{number_line}\n{date_line}\nV/v tăng cường kiểm tra\nKính gửi: Sở Y tế\n{BODY}{FOOTER}"


# A portal page: notices, a metadata table whose values must never be read, then the document.
PORTAL_FURNITURE = (
    "|\n|\nBản dịch này thuộc quyền sở hữu của **\nTHƯ VIỆN**. Mọi hành vi sao chép là vi phạm pháp luật.\n"
    "X\n**\nCÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN\n**\nClick vào phần bôi vàng để xem chi tiết.\n|\n|\n"
    "Đang tải văn bản...\n#\n**Số hiệu:**\n|\n999/QĐ-UBND\n|\n|\n**Loại văn bản:**\n|\nQuyết định\n|\n"
    "**Nơi ban hành:**\n|\nTỉnh Bình An\n|\n|\n**Người ký:**\n|\nLê Văn Bảng\n|\n**Ngày ban hành:**\n|\n"
    "01/01/2020\n|\n|\n**Tình trạng:**\n|\nĐã biết\n|\n|\n"
)
PORTAL_DOCUMENT = (
    "**ỦY BAN NHÂN DÂN\n**\nTỈNH BÌNH AN\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n|\n|\nSố: 1234/QĐ-UBND\n|\n*Bình An, ngày 18\n"
    "tháng 11 năm 2025*\n|\n* *\n**QUYẾT ĐỊNH**\nVỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH\n"
    "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH AN**\n*Căn cứ Quyết định số 3740/QĐ-BTC ngày 05 tháng\n"
    "11 năm 2025 của Bộ trưởng Bộ Tài chính;*\n**QUYẾT ĐỊNH:**\n**Điều 1.** Công bố kèm theo Quyết định "
    "này Danh mục thủ tục hành chính.\n**Điều 2.** Giám đốc Sở Tài chính chịu trách nhiệm thi hành "
    "Quyết định này./.\n|\n*Nơi nhận:*\n- Như Điều 2;\n- Lưu: VT.\n|\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n"
    "**Trần\nVăn Hùng**\n|\n"
)
PORTAL_AFTER = (
    "**FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN**\n|\n**Địa chỉ:**\n|\n17 Nguyễn Gia Thiều, TP.HCM\n|\n"
    "TP. HCM, ngày 31/05/2021\nThưa Quý khách,\n**THÔNG BÁO **\n**Kính gửi:** Quý Thành viên,\n"
    "Trân trọng cảm ơn Quý Thành viên.\n"
)
PORTAL_FIELDS = {
    "number_symbol": "1234/QĐ-UBND",
    "issue_date": "2025-11-18",
    "place": "Bình An",
    "doc_type": "Quyết định",
    "issuer": {"name": "Ủy ban nhân dân tỉnh Bình An"},
    "signer": {"name": "Trần Văn Hùng", "position": "Phó Chủ tịch", "authority": ["KT. Chủ tịch"]},
    "citation_find": [{"number_symbol": "3740/QĐ-BTC", "date": "2025-11-05"}],
}

CASES = [
    # ---- §1 the document inside a web page ----
    (
        "web/036bd85f1f56f768.md: a portal page with its metadata table, QĐ 2666 of Cần Thơ",
        doc("web_cantho_qd2666_2025"),
        {
            "number_symbol": "2666/QĐ-UBND",
            "issue_date": "2025-11-26",
            "doc_type": "Quyết định",
            "issuer": {"name": "Ủy ban nhân dân thành phố Cần Thơ"},
            "signer": {"name": "Vương Quốc Nam"},
            "citation_find": [{"number_symbol": "3740/QĐ-BTC", "date": "2025-11-05"}],
            "warnings_exclude_codes": ["not_administrative"],
        },
    ),
    (
        "web/3eb6b0065020aac4.md: 'Số:' and the number on two lines, bold marks inside words",
        doc("web_cucthue_cv5664_2025"),
        {
            "number_symbol": "5664/CT-CS",
            "issue_date": "2025-12-01",
            "doc_type": "Công văn",
            "subject": "chính sách thuế",
            "issuer": {"name": "Cục Thuế", "parent": {"name": "Bộ Tài chính"}},
        },
    ),
    (
        "web/fe1e8de161e04a1e.md: the signer's name wrapped after the family name ('Trần' / 'Chí Hùng')",
        doc("web_cantho_qd2533_2025"),
        {"number_symbol": "2533/QĐ-UBND", "signer": {"name": "Trần Chí Hùng", "position": "Phó Chủ tịch"}},
    ),
    (
        "web/a3b56e35d1c2d0d2.md: the place-and-date line wrapped after 'năm'",
        doc("web_hcm_qd2833_2025"),
        {"number_symbol": "2833/QĐ-UBND", "issue_date": "2025-11-19", "place": "Thành phố Hồ Chí Minh"},
    ),
    (
        "web/4ea650b6faa46d71.md: header flattened into one cell row, glued rules and motto, no date line",
        doc("web_chinhphu_nd16_2025"),
        {"number_symbol": "16/2025/NĐ-CP", "issuer": {"name": "Chính phủ"}, "doc_type": "Nghị định"},
    ),
    (
        "invented: a portal page, its table, the document, the site's own notices after it",
        PORTAL_FURNITURE + PORTAL_DOCUMENT + PORTAL_AFTER,
        PORTAL_FIELDS,
    ),
    (
        "invented: the same page with the metadata table cut out (as the portal scorer does)",
        PORTAL_DOCUMENT + PORTAL_AFTER,
        PORTAL_FIELDS,
    ),
    (
        "invented: a page whose document lost its date line: the table's date is never taken",
        PORTAL_FURNITURE + PORTAL_DOCUMENT.replace("*Bình An, ngày 18\ntháng 11 năm 2025*\n", ""),
        {"number_symbol": "1234/QĐ-UBND", "issue_date": None, "issue_date_not": "2020-01-01"},
    ),
    # ---- §2 layout flattened or wrapped by converters ----
    (
        "invented: a header row holding both columns, rules and motto typed between the cells",
        "ỦY BAN NHÂN DÂN TỈNH BÌNH AN ------- Số: 17/2021/QĐ-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "Độc lập - Tự do - Hạnh phúc --------------- Bình An, ngày 09 tháng 4 năm 2021 |\nQUYẾT ĐỊNH\n"
        "Về việc ban hành Quy chế phối hợp\nỦY BAN NHÂN DÂN TỈNH BÌNH AN\nCăn cứ Luật Tổ chức chính quyền "
        "địa phương ngày 19 tháng 6 năm 2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy "
        "chế phối hợp.\nĐiều 2. Quyết định này có hiệu lực từ ngày ký./.\n" + FOOTER,
        {
            "number_symbol": "17/2021/QĐ-UBND",
            "issue_date": "2021-04-09",
            "issuer": {"name": "Ủy ban nhân dân tỉnh Bình An"},
            "doc_type": "Quyết định",
        },
    ),
    (
        "invented: a body glued to its rule and the Quốc hiệu glued to the motto",
        "BỘ NỘI VỤ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |\n"
        "Số: 45/BNV-TCCB |\nHà Nội, ngày 02 tháng 3 năm 2023\nV/v báo cáo biên chế\n"
        "Kính gửi: Ủy ban nhân dân các tỉnh\nBộ Nội vụ đề nghị các tỉnh báo cáo./.\n" + FOOTER,
        {"number_symbol": "45/BNV-TCCB", "issue_date": "2023-03-02", "issuer": {"name": "Bộ Nội vụ"}},
    ),
    (
        "invented: a crawler joined the date and 'Kính gửi:', the number and the V/v",
        "BỘ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 3105/BCT-TTTN V/v tăng cường kiểm tra thị trường\nHà Nội, ngày 12 tháng 05 năm 2019 Kính gửi:\n"
        "- Sở Công Thương các tỉnh;\n- Cục Quản lý thị trường các tỉnh.\nThực hiện chỉ đạo của Thủ tướng "
        "Chính phủ, Bộ Công Thương đề nghị các đơn vị tăng cường kiểm tra thị trường.\n" + FOOTER,
        {
            "number_symbol": "3105/BCT-TTTN",
            "subject": "tăng cường kiểm tra thị trường",
            "issue_date": "2019-05-12",
            "addressees": [{"name": "Sở Công Thương các tỉnh"}, {"name": "Cục Quản lý thị trường các tỉnh"}],
            "no_task_starting": ["Sở Công Thương các tỉnh", "Cục Quản lý thị trường"],
        },
    ),
    (
        "invented: 'Kính gửi:' and the body's first sentence on the date line",
        "BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 2210/BYT-KCB\n"
        "V/v phòng chống dịch\nHà Nội, ngày 12 tháng 05 năm 2019 Kính gửi: Đ/c Chủ tịch Ủy ban nhân dân các "
        "tỉnh, thành phố trực thuộc Trung ương Thực hiện Luật Phòng, chống bệnh truyền nhiễm, Bộ Y tế đề "
        "nghị Đ/c Chủ tịch chỉ đạo các Sở Y tế tăng cường giám sát.\n" + FOOTER,
        {
            "issue_date": "2019-05-12",
            "addressees": [
                {"name": "Đ/c Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"}
            ],
        },
    ),
    (
        "invented: the whole signature block on one line",
        _letter().replace(
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n", "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Minh Hải\n"
        ),
        {"signer": {"authority": ["KT. Bộ trưởng"], "position": "Thứ trưởng", "name": "Đỗ Minh Hải"}},
    ),
    (
        "invented: the mark's body and the signer's title on one line, the name below",
        _letter().replace("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH\n"),
        {"signer": {"authority": ["TM. Ủy ban nhân dân"], "position": "Chủ tịch", "name": "Nguyễn Văn An"}},
    ),
    (
        "invented: a title glued to the name",
        _letter().replace(
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCHTrần Thị Mai\n"
        ),
        {"signer": {"position": "Phó Chủ tịch", "name": "Trần Thị Mai"}},
    ),
    (
        "invented: two titles joined by a comma, no mark",
        _letter().replace(
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n", "BỘ TRƯỞNG, CHỦ NHIỆM\nPhan Văn Tâm\n"
        ),
        {"signer": {"position": "Bộ trưởng, Chủ nhiệm", "name": "Phan Văn Tâm"}},
    ),
    (
        "invented: a signer's name wrapped after two words",
        _letter().replace("Nguyễn Văn An\n", "Lê Hải\nHòa\n"),
        {"signer": {"name": "Lê Hải Hòa"}},
    ),
    (
        "invented: the place-and-date line wrapped after 'tháng'",
        _letter(date_line="Bình An, ngày 14 tháng\n08 năm 2024"),
        {"place": "Bình An", "issue_date": "2024-08-14"},
    ),
    (
        "invented: the place-and-date line wrapped inside the place name",
        _letter(date_line="Thành phố Hồ\nChí Minh, ngày 14 tháng 08 năm 2024"),
        {"place": "Thành phố Hồ Chí Minh", "issue_date": "2024-08-14"},
    ),
    (
        "invented: 'Số:' alone, the number on the next line",
        _letter(number_line="Số:\n15/UBND-VX"),
        {"number_symbol": "15/UBND-VX"},
    ),
    (
        "invented: a wrapped motto tail beside the body's name is not part of the issuer",
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI\nTỈNH BÌNH AN\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        + _letter().split("Hạnh phúc\n", 1)[1],
        {"issuer": {"name": "Ủy ban nhân dân tỉnh Bình An"}, "number_symbol": "15/UBND-VX"},
    ),
    (
        "invented: the same with table cells and an '0O0' rule",
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI\nTỈNH BÌNH AN | CHỦ NGHĨA VIỆT NAM\n"
        "0O0 | Độc lập - Tự do - Hạnh phúc\n" + _letter().split("Hạnh phúc\n", 1)[1],
        {"issuer": {"name": "Ủy ban nhân dân tỉnh Bình An"}, "number_symbol": "15/UBND-VX"},
    ),
    (
        "invented: a Word text-box label glued to the number",
        _letter(number_line="straight connector 2Số: 415 /UBND-VX"),
        {"number_symbol": "415/UBND-VX", "issuer": {"name": "Ủy ban nhân dân tỉnh Bình An"}},
    ),
    # ---- §3 damaged text layers ----
    (
        "invented: an OCR layer that lost the header's diacritics, a lower-case 'số', a full stop after the "
        "place, 'thang', a misread 'Kính', junk and a title glued to a recipient in the footer",
        "VAN PHONG UY BAN NHAN DAN\nTINH QUANG NGAI\nCONG HOA XÃ HOI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hanh phúc\nsố: 5120 /CT -KK Quảng Ngãi. ngày 21 thang 03 năm 2022\n"
        "V/v tăng cường kiểm tra\nSite gửi: Sở Y tế\nVăn phòng đề nghị Sở Y tế thực hiện./.\n"
        "Noi nhận:} - KT. CỤC TRƯỞNG\n- Như trên; — PHO CỤC TRUONG\nff\nÿ\n} -\nLuu: VT\nNguyễn Văn An\n",
        {
            "number_symbol": "5120/CT-KK",
            "issue_date": "2022-03-21",
            "place": "Quảng Ngãi",
            "issuer": {"name": "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi"},
            "addressees": [{"name": "Sở Y tế"}],
            "recipients": [{"name": "Như trên"}],
            "archive": ["VT"],
            "signer": {
                "authority": ["KT. Cục trưởng"],
                "position": "Phó Cục trưởng",
                "name": "Nguyễn Văn An",
            },
            "warnings_exclude_codes": ["not_administrative"],
        },
    ),
    (
        "invented: 'Not nhận:' read for 'Nơi nhận:' by an OCR engine",
        _letter().replace("Nơi nhận:", "Not nhận:"),
        {"recipients": [{"name": "Như trên"}], "archive": ["VT", "VX"]},
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_layout_robustness(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])


def test_a_body_line_starting_with_so_lower_case_is_not_a_number_line() -> None:
    """'số 3653/VPCP…' continuing a V/v subject is not the number line: lower-case 'số' needs a colon."""
    text = _letter().replace("V/v tăng cường kiểm tra", "V/v triển khai thực hiện Công văn\nsố 3653/VPCP-CĐS")
    rec = record(text)
    assert rec["number_symbol"] == "15/UBND-VX"
    assert rec["subject"] == "triển khai thực hiện Công văn số 3653/VPCP-CĐS"


HEADLESS = (
    "THÔNG TƯ\nSỬA ĐỔI MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 07/2024/TT-BAN\nCăn cứ Luật Tổ chức Chính phủ;\n"
    "Điều 1. Sửa đổi Điều 4 như sau.\nĐiều 2. Tổ chức thực hiện\n1. Cục Quản lý chủ trì, phối hợp với "
    "các đơn vị hướng dẫn thực hiện Thông tư này.\n2. Thủ trưởng các đơn vị chịu trách nhiệm thi hành.\n"
    "Điều 3. Thông tư này có hiệu lực từ ngày 03 tháng 01 năm 2026./.\nNơi nhận:\n- Như Điều 2;\n"
    "- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Văn Bình\n"
    "PHỤ LỤC\nTÊN TỔ CHỨC\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: …/…\n…, ngày … tháng … năm …\nĐƠN ĐỀ NGHỊ\n"
)


def test_a_document_that_lost_its_header_keeps_its_signer_and_tasks() -> None:
    """A scraped page without the header: the signature, the recipients and the closing mark weigh
    enough to read its tasks; the form in its annex (Quốc hiệu, 'Số:', a date line) is not its header."""
    rec = record(HEADLESS)
    assert rec["is_administrative"] is True
    assert rec["doc_type"] == "Thông tư"
    assert rec["signer"]["name"] == "Lê Văn Bình"
    assert rec["number_symbol"] is None and rec["issue_date"] is None
    leads = [a["name"] for t in rec["tasks"] for s in t["subtasks"] for a in s["assignees"]]
    assert "Cục Quản lý" in leads


def test_citations_are_read_from_a_text_judged_not_administrative() -> None:
    """A court precedent has no header and no signature, but the documents it cites are real."""
    text = (
        "ÁN LỆ SỐ 99/2030/AL\nVề hiệu lực của hợp đồng\nNguồn án lệ:\nQuyết định giám đốc thẩm số "
        "27/2015/DS-GĐT ngày 24-4-2015 của Tòa án nhân dân tối cao. Theo Quyết định số 269/QĐ-CA ngày 06 "
        "tháng 11 năm 2018 của Chánh án Tòa án nhân dân tối cao, các bên phải thực hiện nghĩa vụ.\n"
    )
    rec = record(text)
    assert rec["is_administrative"] is False and rec["tasks"] == []
    assert "269/QĐ-CA" in [c["number_symbol"] for c in rec["citations"]]


def test_a_news_article_with_lists_gets_no_tasks() -> None:
    """Numbered lists in a text with no part of a directive are not tasks."""
    text = (
        "Thẻ căn cước mới có gì khác?\n1. Thẻ có hai mặt, in hoa văn màu xanh.\n2. Công dân đến cơ quan "
        "công an để làm thủ tục cấp đổi.\n3. Cơ quan công an trả thẻ trong 7 ngày.\nTheo Báo Nhân Dân\n"
    )
    rec = record(text)
    assert rec["is_administrative"] is False and rec["tasks"] == [] and rec["signer"] is None


def _ocr_record(text: str) -> dict:
    """The record of ``text`` read as if an OCR engine had produced it (name repairs apply)."""
    layout = layout_from_text(text)
    layout.ocr = True
    return json.loads(parse_layout(layout).model_dump_json())


OCR_CASES = [
    (
        "invented: the signer's title lost to a seal, the name alone after the list",
        _letter().replace("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n", "£ = 4\n"),
        {"signer": {"name": "Nguyễn Văn An"}},
    ),
    (
        "invented: no 'Nơi nhận:' label survived; the name after the 'Lưu:' entry",
        _letter().replace("Nơi nhận:\n", "").replace("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n", ""),
        {"signer": {"name": "Nguyễn Văn An"}},
    ),
    (
        "invented: an addressee's department and province misspelt by the OCR engine",
        _letter().replace(
            "Kính gửi: Sở Y tế",
            "Kính gửi:\n- Sở Nông nghiệp và Phát triên nông thôn;\n- Ủy ban nhân dân tỉnh Lâm Đông.",
        ),
        {
            "addressees": [
                {"name": "Sở Nông nghiệp và Phát triển nông thôn"},
                {"name": "Ủy ban nhân dân tỉnh Lâm Đồng"},
            ]
        },
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), OCR_CASES, ids=case_ids(OCR_CASES))
def test_ocr_damage(source: str, text: str, expected: dict) -> None:
    problems = check(expected, _ocr_record(text))
    assert not problems, "\n".join([source, *problems])


def test_a_date_line_that_lost_its_day_word_gives_the_month() -> None:
    """'Kiên Giang, tháng 12 năm 2017': the day (and 'ngày') handwritten, lost by OCR."""
    rec = record(
        _letter(date_line="Bình An, tháng 12 năm 2017").replace("V/v tăng cường kiểm tra\n", "GIẤY MỜI\n")
    )
    assert (rec["place"], rec["issue_date"], rec["doc_type"]) == ("Bình An", "2017-12", "Giấy mời")
    assert "missing_day" in [w["code"] for w in rec["warnings"]]


def test_addressees_on_bullet_lines_end_where_the_body_begins() -> None:
    text = _letter().replace(
        "Kính gửi: Sở Y tế\n",
        "Kính gửi: - Thủ trưởng các đơn vị thuộc khối Văn phòng\n- Tổ trưởng tổ công đoàn các đơn vị "
        "Thực hiện quy định về chế độ tự chủ, Văn phòng đề nghị các đơn vị góp ý.\n",
    )
    rec = record(text)
    assert [a["name"] for a in rec["addressees"]] == [
        "Thủ trưởng các đơn vị thuộc khối Văn phòng",
        "Tổ trưởng tổ công đoàn các đơn vị",
    ]


def test_a_bullet_of_several_bodies_is_split_unless_a_head_lists_them() -> None:
    text = _letter().replace(
        "Kính gửi: Sở Y tế\n", "Kính gửi:\n- Báo Bình An; Báo Công an Bình An;\n- Các sở, ngành: TC; XD;\n"
    )
    assert [a["name"] for a in record(text)["addressees"]] == [
        "Báo Bình An",
        "Báo Công an Bình An",
        "Các sở, ngành: TC; XD",
    ]


@pytest.mark.parametrize(
    "name", ["kiengiang_114-BCD-KGVX_2021", "laichau_UBND-VX_2021-03"], ids=["kiengiang", "laichau"]
)
def test_a_document_on_one_line_reads_as_the_same_document(name: str) -> None:
    """A converter lost every line break: header, addressees, items, recipients and signature on one
    line give the same record as the text with its breaks."""
    text = (Path(__file__).resolve().parents[2] / "samples" / f"{name}.txt").read_text(encoding="utf-8")
    lined, flat = record(text), record(" ".join(text.split()))
    fields = ("number_symbol", "issue_date", "place", "doc_type", "subject")
    assert {f: flat[f] for f in fields} == {f: lined[f] for f in fields}
    assert flat["issuer"]["name"] == lined["issuer"]["name"]
    assert flat["signer"]["name"] == lined["signer"]["name"]
    assert [a["name"] for a in flat["addressees"]] == [a["name"] for a in lined["addressees"]]
    assert [r["name"] for r in flat["recipients"]] == [r["name"] for r in lined["recipients"]]
    assert [c["number_symbol"] for c in flat["citations"]] == [c["number_symbol"] for c in lined["citations"]]
    assert [t["id"] for t in flat["tasks"]] == [t["id"] for t in lined["tasks"]]
    span, lined_span = flat["sources"]["issue_date"], lined["sources"]["issue_date"]
    written = text[lined_span["source_start"] : lined_span["source_end"]]
    assert " ".join(text.split())[span["source_start"] : span["source_end"]] == " ".join(written.split())


@pytest.mark.parametrize(
    ("line", "issuer", "parent"),
    [
        (
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI SỞ Y TẾ",
            "Sở Y tế tỉnh Quảng Ngãi",
            "Ủy ban nhân dân tỉnh Quảng Ngãi",
        ),
        ("BỘ CÔNG AN CÔNG AN TỈNH LÂM ĐỒNG", "Công an tỉnh Lâm Đồng", "Bộ Công an"),
        ("BAN TUYÊN GIÁO TỈNH ỦY", "Ban Tuyên giáo Tỉnh ủy", None),  # one body: "TỈNH ỦY" is part of it
    ],
)
def test_two_bodies_joined_on_one_header_line(line: str, issuer: str, parent: str | None) -> None:
    rec = record(_letter().replace("ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n", line + "\n"))
    assert rec["issuer"]["name"] == issuer
    assert (rec["issuer"]["parent"] or {}).get("name") == parent


def test_a_cong_dien_names_its_addressees_after_the_senders_dien() -> None:
    """'THỦ TƯỚNG CHÍNH PHỦ điện:' stands where a letter has 'Kính gửi:'; a wrapped entry goes on."""
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 301/CĐ-TTg\nHà Nội, ngày 02 tháng 12 năm 2030\nCÔNG ĐIỆN\nVề việc ứng phó bão số 15\n"
        "THỦ TƯỚNG CHÍNH PHỦ điện:\n- Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và\nMôi trường;\n"
        "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển.\n"
        "Để chủ động ứng phó với bão số 15, Thủ tướng Chính phủ yêu cầu các Bộ, địa phương thực hiện các "
        "nhiệm vụ sau:\n1. Theo dõi chặt chẽ diễn biến của bão, báo cáo trước ngày 05/12/2030.\n"
        "2. Tổ chức sơ tán dân ở vùng nguy hiểm./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTHỦ TƯỚNG\n"
        "Nguyễn Văn Bình\n"
    )
    rec = record(text)
    assert [a["name"] for a in rec["addressees"]] == [
        "Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển",
    ]
    assert [t["id"] for t in rec["tasks"]][:2] == ["1", "2"]


def test_dong_kinh_gui_adds_addressees() -> None:
    text = _letter().replace(
        "Kính gửi: Sở Y tế\n",
        "Kính gửi:\n- Sở Y tế;\n- Sở Tài chính.\nĐồng kính gửi:\n- Bộ Y tế (để báo cáo).\n",
    )
    assert [a["name"] for a in record(text)["addressees"]] == [
        "Sở Y tế",
        "Sở Tài chính",
        "Bộ Y tế (để báo cáo)",
    ]


ATTACHED_PLAN = (
    "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nSố: 901/QĐ-BVHTTDL\nHà Nội, ngày 18 tháng 11 năm 2030\nQUYẾT ĐỊNH\n"
    "Về việc ban hành Kế hoạch phát triển thư viện\nBỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n"
    "Căn cứ Nghị định số 43/2030/NĐ-CP ngày 01 tháng 3 năm 2030 của Chính phủ;\nQUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển thư viện.\n"
    "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n"
    "Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Thư viện chịu trách nhiệm thi hành Quyết định này./.\n"
    "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nLê Văn Thành\n"
    "KẾ HOẠCH\nPHÁT TRIỂN THƯ VIỆN\n(Kèm theo Quyết định số 901/QĐ-BVHTTDL ngày 18 tháng 11 năm 2030)\n"
    "I. MỤC ĐÍCH, YÊU CẦU\nTriển khai Quyết định số 77/QĐ-TTg ngày 02/01/2030 của Thủ tướng Chính phủ.\n"
    "II. TỔ CHỨC THỰC HIỆN\n1. Vụ Thư viện chủ trì, phối hợp với Vụ Kế hoạch, Tài chính xây dựng đề án, "
    "hoàn thành trước ngày 30/6/2031.\n"
    "2. Sở Văn hóa, Thể thao và Du lịch các tỉnh rà soát mạng lưới thư viện.\n"
    "PHỤ LỤC\nDANH MỤC THƯ VIỆN\n1. Thư viện tỉnh A\n2. Thư viện tỉnh B\n"
)


def test_a_plan_attached_after_the_signature_gives_its_tasks_and_citations() -> None:
    """'KẾ HOẠCH' / '(Kèm theo Quyết định số …)' after the decision's signature: its sections are read
    as a list of their own (an annex's rows are not)."""
    rec = record(ATTACHED_PLAN)
    ids = [t["id"] for t in rec["tasks"]]
    assert "Điều 3" in ids and "II" in ids and "I" not in ids
    section = next(t for t in rec["tasks"] if t["id"] == "II")
    first = section["subtasks"][0]
    assert [(a["name"], a["role"]) for a in first["assignees"]][:2] == [
        ("Vụ Thư viện", "lead"),
        ("Vụ Kế hoạch, Tài chính", "coordinate"),
    ]
    assert first["deadline"]["date"] == "2031-06-30"
    assert "77/QĐ-TTg" in [c["number_symbol"] for c in rec["citations"]]
    assert not any(t["text"].startswith("Thư viện tỉnh") for t in rec["tasks"])


def test_a_plan_mentioned_after_the_signature_without_kem_theo_is_not_read() -> None:
    text = ATTACHED_PLAN.replace("(Kèm theo Quyết định số 901/QĐ-BVHTTDL ngày 18 tháng 11 năm 2030)\n", "")
    assert "II" not in [t["id"] for t in record(text)["tasks"]]
