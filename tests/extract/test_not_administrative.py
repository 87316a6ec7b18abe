"""Texts that are not directives, or lack parts of one: nothing may be invented for them.

A news report, a court precedent, a personal schedule, an OCR dump whose only "signature" is the
e-signature stamp of the portal, a draft decree without a header: no number, issuer, date or signer
is to be made up from numbers, dates and titles met in the body.
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, doc, record

NOTHING = {"number": None, "number_symbol": None, "issue_date": None, "issuer": None, "signer": None}

CASES = [
    (
        "samples/kiengiang_news_redcross_2019.txt (news report, 2019): two paragraphs with figures and dates",
        "Năm 2019, Kiên Giang phấn đấu tiếp nhận 17.000 đơn vị máu trở lên, trong đó hiến máu tình nguyện "
        "trên "
        "98%, tỷ lệ người hiến máu nhắc lại đạt 90%, tỷ lệ dân số tham gia hiến máu đạt 1,45%.\n\n"
        "Để đạt được mục tiêu trên, Ban Chỉ đạo tỉnh Kiên Giang đã đề ra các giải pháp cơ bản như: Tập huấn "
        "kỹ "
        "năng tuyên truyền, vận động hiến máu tình nguyện cho lực lượng tuyên truyền viên cơ sở về chuyển "
        "đổi hành "
        "vi trong hiến máu tình nguyện, mở rộng đối tượng đến tổ nhân dân tự quản và quần chúng nhân dân; tổ "
        "chức "
        "mít tinh “Ngày toàn dân tham gia hiến máu tình nguyện” 7/4; lễ tôn vinh người hiến máu tình nguyện "
        "nhân "
        "“Ngày thế giới tôn vinh người hiến máu” 14/6, đặc biệt là phối hợp thực hiện Chương trình “Hành "
        "trình "
        "đỏ” ; Tăng cường vai trò, trách nhiệm và sự phối hợp của các thành viên Ban Chỉ đạo các cấp.\n\n"
        "Theo redcross.org.vn",
        {"is_administrative": False, **NOTHING, "tasks": []},
    ),
    (
        "samples/kiengiang_news_redcross_2019.txt: the caption lines and the first paragraph",
        "Năm 2018, Kiên Giang đã tổ chức 80 điểm hiến máu tập trung, tiếp nhận được 19.416 đơn vị máu phục "
        "vụ cho "
        "cấp cứu và điều trị, đạt 134% chỉ tiêu năm 2018, trong đó hiến máu tình nguyện đạt 98%; tỷ lệ hiến "
        "máu "
        "nhắc lại đạt 90%; tỷ lệ dân số hiến máu đạt 1,12%).\n\nKiên Giang: Phong trào hiến máu phát triển "
        "sâu "
        "rộng\n Chương trình giọt hồng đất Kiên Giang\n",
        {"is_administrative": False, **NOTHING},
    ),
    (
        "docx/tandtc_AnLe-24-2018-AL.docx (Tòa án nhân dân tối cao, 2018): a court precedent, no "
        "administrative"
        " header",
        doc("tandtc_anle24_2018"),
        # the body cites 'Quyết định số 269/QĐ-CA ngày 06 tháng 11 năm 2018' and a court decision: neither is
        # this text's number or date
        {"is_administrative": False, **NOTHING},
    ),
    (
        "doc/phutho_Ke-hoach-tap-huan_2011_HTML-saved-as-doc.doc: a personal weekly schedule (the .doc is "
        "HTML)",
        doc("phutho_html_as_doc_2011"),
        {"is_administrative": False, **NOTHING, "tasks": []},
    ),
    (
        "docx/bqp_VBHN-46_ocr-output_2026.docx, page 1: an OCR tool's dump with the portal's e-signature "
        "stamp",
        doc("bqp_vbhn46_ocr_page1"),
        # 'Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ … Thời gian ký: 05.05.2026' is the publication stamp,
        # not the signer or the issue date; page 1 has no signature block and no date line
        {"signer": None, "issue_date": None, "issue_date_not": "2026-05-05"},
    ),
    (
        "docx/bxd_ND-draft-quan-ly-chat-luong-xay-dung_2026.docx (draft decree, chapter I): no header, no "
        "signature",
        doc("bxd_nd_draft_2026_chapter1"),
        # the draft cites 'Luật Xây dựng số 135/2025/QH15' and many others; none is its own number
        NOTHING,
    ),
    (
        "docx/spkthy_TB-trien-khai-do-an-5_2013.docx (faculty notice): no number line and no date line",
        doc("spkthy_tb_2013"),
        # '15h30 thứ 7 ngày 24/8/2013' is a deadline inside the notice, not its date
        {"number": None, "number_symbol": None, "issue_date": None, "place": None},
    ),
    (
        "doc/hyaptech_TTr-ACCP_2009.doc: a tờ trình without 'Số:'; the event date 9/6/2009 is not a number "
        "or date",
        doc("hyaptech_ttr_2009"),
        {"number_symbol": None, "issue_date": "2009-05-25"},
    ),
    (
        "pdf/quochoi_HienPhap-2013_congbao.pdf: the gazette's running head is not the Constitution's number",
        doc("quochoi_hienphap_2013_excerpt"),
        {"number": None, "number_symbol": None, "issue_date_not": "2013-12-29"},
    ),
    (
        "text/binhduong_..._4056.csv row 1 subject, wrapped as a minimal text: a subject line alone",
        "V/v triển khai một số nhiệm vụ thực hiện công tác bhyt học sinh, sinh viên\n",
        {"is_administrative": False, **NOTHING},
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_not_administrative(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])
