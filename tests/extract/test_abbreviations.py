"""Chữ viết tắt: abbreviations defined in the text, "long form (ABBR)" and "(sau đây gọi/viết tắt là …)".

The value is the long form as written, starting where the abbreviated words start (the initials of
GDĐT are those of "Giáo dục và Đào tạo", not of "Bộ Giáo dục và Đào tạo"). Parentheses that only
give a purpose, an amount, an aside or a copy count define nothing.
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, doc, record

CASES = [
    (
        "lamdong_TB-493-UBND_2025_scan (OCR): a number in brackets is not a short form",
        "Triển khai Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp "
        "(gọi tắt là 766) theo Quyết định số 766/QĐ-TTg.\n",
        {"abbreviations_exact": {}},
    ),
    (
        "ttg_QD-20-2019-QD-TTg.pdf: a department named by its numeral '(Vụ I)'",
        "Vụ Thanh tra, giám sát công tác phòng, chống rửa tiền và phòng, chống tham nhũng (Vụ I).\n",
        {
            "abbreviations_exact": {
                "Vụ I": "Vụ Thanh tra, giám sát công tác phòng, chống rửa tiền và phòng, chống tham nhũng"
            }
        },
    ),
    (
        "pdf/quangngai_CV-299-UBND-THCS_2025_hoatoc_scan.pdf: 'thủ tục hành chính (TTHC)'",
        "Thực hiện nội dung các Quyết định số: 1743/QĐ-BGTVT, 1744/QĐ-BGTVT ngày 31/12/2024 của Bộ trưởng Bộ "
        "Giao thông vận tải về việc công bố thủ tục hành chính (TTHC) được ban hành mới, sửa đổi, bổ sung, "
        "thay "
        "thế trong lĩnh vực đường bộ thuộc phạm vi chức năng quản lý của Bộ Giao thông vận tải (được gửi "
        "trên "
        "Trục liên thông văn bản), Chủ tịch UBND tỉnh có ý kiến như sau:\n",
        {"abbreviations_exact": {"TTHC": "thủ tục hành chính"}},
    ),
    (
        "pdf/moet_CV-1849-BGDDT-GDPT_2026_scan.pdf: 'Bộ Giáo dục và Đào tạo (GDĐT)' (initials of the last "
        "words)",
        doc("moet_cv1849_2026_scan_p1"),
        {"abbreviations": {"GDĐT": "Giáo dục và Đào tạo"}},
    ),
    (
        "pdf/dongthap_KH-362-SGDDT_2026.pdf: '(GDĐT)' on the next line; purposes and copy counts are not"
        " abbreviations",
        doc("dongthap_kh362_2026"),
        {"abbreviations_exact": {"GDĐT": "Giáo dục và Đào tạo"}},
    ),
    (
        "pdf/quangngai_TB-11-UBND_2025.pdf: a company's English acronym after its name, across a line break",
        doc("quangngai_tb11_2025"),
        {"abbreviations": {"QISC": "Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi"}},
    ),
    (
        "pdf/lamdong_CV-963-SNV-CCHCVTLT_2025.pdf: '(gọi tắt là Ban Chỉ đạo)' and 'cải cách hành chính "
        "(CCHC)'",
        doc("lamdong_cv963_2025"),
        {
            "abbreviations": {
                "CCHC": "cải cách hành chính",
                "Ban Chỉ đạo": "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi "
                "số và "
                "Đề án 06 tỉnh Lâm Đồng",
            }
        },
    ),
    (
        "docx/lamdong_KH-UBND_2026_thi-dua-CCHC_draft.docx: '(sau đây viết tắt là CCHC)', '(dưới đây gọi tắt "
        "là"
        " Phong trào thi đua)'",
        doc("lamdong_kh_thidua_draft_2026"),
        {
            "abbreviations": {
                "CCHC": "cải cách hành chính",
                "Phong trào thi đua": "Phong trào thi đua “Đẩy mạnh cải cách hành chính nhà nước trên địa "
                "bàn tỉnh "
                "Lâm Đồng” năm 2026",
            }
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-PCI_draft.docx: PCI, VCCI and DCCI defined in passing",
        doc("lamdong_tb_pci_draft_2026"),
        {
            "abbreviations": {
                "PCI": "Chỉ số năng lực cạnh tranh cấp tỉnh",
                "VCCI": "Liên đoàn Thương mại và Công nghiệp Việt Nam",
                "DCCI": "Chỉ số năng lực cạnh tranh cấp sở, ban, ngành và địa phương",
            }
        },
    ),
    (
        "pdf/quangngai_CT-11-UBND_2021_scan.pdf: '(sau đây gọi là Kỳ thi)' after a wrapped long form",
        doc("quangngai_ct11_2021_scan_p1"),
        {"abbreviations": {"Kỳ thi": "Kỳ thi tốt nghiệp trung học phổ thông năm 2021"}},
    ),
    (
        "pdf/quangngai_QD-04-QD-BCD138_2025_scan.pdf: '(viết tắt là Ban Chỉ đạo 138 tỉnh)', '(viết tắt là "
        "TTATXH)'",
        doc("quangngai_qd04_bcd138_2025_scan_p1"),
        {
            "abbreviations": {
                "Ban Chỉ đạo 138 tỉnh": "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong "
                "trào "
                "toàn dân bảo vệ an ninh Tổ quốc tỉnh Quảng Ngãi",
                "TTATXH": "trật tự, an toàn xã hội",
            }
        },
    ),
    (
        "doc/ttg_QD-698-QD-TTg_2009.doc: 'công nghệ thông tin (sau đây viết tắt là CNTT)'",
        "1. Phát triển nguồn nhân lực công nghệ thông tin (sau đây viết tắt là CNTT) là yếu tố then chốt có "
        "ý "
        "nghĩa quyết định đối với việc phát triển và ứng dụng CNTT. Phát triển nguồn nhân lực CNTT phải đảm "
        "bảo "
        "chất lượng, đồng bộ, chú trọng tăng nhanh tỷ lệ nguồn nhân lực có trình độ cao.\n",
        {"abbreviations_exact": {"CNTT": "công nghệ thông tin"}},
    ),
    (
        "pdf/ttg_QD-20-2019-QD-TTg.pdf: '(sau đây gọi là Ngân hàng Nhà nước)' over a line break",
        "1. Cơ quan Thanh tra, giám sát ngân hàng là đơn vị tương đương Tổng\ncục, trực thuộc Ngân hàng Nhà "
        "nước "
        "Việt Nam (sau đây gọi là Ngân hàng\nNhà nước), thực hiện chức năng tham mưu, giúp Thống đốc Ngân "
        "hàng "
        "Nhà\nnước quản lý nhà nước đối với các tổ chức tín dụng, chi nhánh ngân hàng\n",
        {"abbreviations_exact": {"Ngân hàng Nhà nước": "Ngân hàng Nhà nước Việt Nam"}},
    ),
    (
        "doc/moet_TB-54-TB-BGDDT_2009.doc: three in one sentence, 'đại học (ĐH), cao đẳng (CĐ), trung cấp"
        " chuyên nghiệp (TCCN)'",
        "Tham dự Hội nghị có 617 đơn vị với 1.332 đại biểu đại diện các Bộ, Ban, ngành, các đoàn thể, hiệp "
        "hội, "
        "các đại học, học viện, các trường đại học (ĐH), cao đẳng (CĐ), trung cấp chuyên nghiệp (TCCN) và "
        "đại "
        "diện các sở giáo dục và đào tạo trên toàn quốc, trong đó tại đầu cầu Thái Nguyên có 153 đại biểu, "
        "Hà "
        "Nội có 504 đại biểu; Vinh có 97 đại biểu, Đà Nẵng có 150 đại biểu; TP. Hồ Chí Minh có 320 đại biểu "
        "và "
        "đầu cầu Cần Thơ có 108 đại biểu.\n",
        {
            "abbreviations_exact": {
                "ĐH": "đại học",
                "CĐ": "cao đẳng",
                "TCCN": "trung cấp chuyên nghiệp",
            }
        },
    ),
    (
        "doc/cdgdvn_CV-172-CDN-TGNC.doc: the acronym in the middle of the name, 'Công đoàn Giáo dục (CĐGD) "
        "Việt Nam'",
        doc("cdgdvn_cv172_2013"),
        {"abbreviations": {"CĐGD": "Công đoàn Giáo dục"}},
    ),
    (
        "doc/uit_TB-03-TB-DTDH_2014.doc: 'Phòng Đào tạo Đại học (P.ĐTĐH)' (a dotted short form)",
        doc("uit_tb03_2014"),
        {"abbreviations": {"P.ĐTĐH": "Phòng Đào tạo Đại học"}},
    ),
    (
        "pdf/hcm_KH-230-THPTPB_2025.pdf: '01 giáo viên hướng dẫn (GVHD)'",
        doc("hcm_kh230_2025"),
        {"abbreviations": {"GVHD": "giáo viên hướng dẫn"}},
    ),
    (
        "text/chinhphu_ND-28-2021-ND-CP_ocr-fields.json, 'Điều 1': '(sau đây gọi là dự án PPP)', '(sau đây "
        "gọi là"
        " Luật PPP)'",
        "Điều 1. Phạm vi điều chỉnh \n1. Nghị định này quy định về cơ chế quản lý tài chính dự án đầu tư "
        "theo "
        "phương thức đối tác công tư (sau đây gọi là dự án PPP) gồm: \na) Phương án tài chính của dự án PPP; "
        "\n"
        "2. Phần vốn đầu tư công chi cho công tác chuẩn bị dự án của cơ quan có thẩm quyền, đơn vị chuẩn bị "
        "dự "
        "án PPP, bên mời thầu, Hội đồng thẩm định dự án PPP, đơn vị được giao nhiệm vụ định dự án PPP theo "
        "quy "
        "định tại Điều 73 Luật Đầu tư theo phương thức PPP (sau đây gọi là Luật PPP), hỗ trợ xây dựng công "
        "trình, hệ thống cơ sở hạ tằng theo quy định tại điểm a khoản 5 Điều 70 Luật PPP; \n",
        {
            "abbreviations_exact": {
                "dự án PPP": "dự án đầu tư theo phương thức đối tác công tư",
                "Luật PPP": "Luật Đầu tư theo phương thức PPP",
            }
        },
    ),
    # ---- parentheses that define nothing ----
    (
        "pdf/hcm_QD-2858-QD-UBND_2025.pdf, Điều 1: an amount in words, '(Chi tiết theo Phụ lục đính kèm)', a "
        "note",
        "Điều 1. Về bổ sung dự toán kinh phí\nChấp thuận bổ sung dự toán ngân sách Thành phố năm 2025 cho "
        "các Sở,\n"
        "ngành Thành phố để thực hiện Nghị quyết số 27/2025/NQ-HĐND ngày 28\ntháng 8 năm 2025 của Hội đồng "
        "nhân "
        "dân Thành phố quy định chi thu nhập tăng\nthêm theo Nghị quyết số 98/2023/QH15 ngày 24 tháng 6 năm "
        "2023 "
        "của Quốc hội\nvề thí điểm một số cơ chế, chính sách đặc thù phát triển Thành phố Hồ Chí Minh\nvới "
        "số "
        "tiền là 673.282.000.000 đồng (Sáu trăm bảy mươi ba tỷ hai trăm tám mươi\nhai triệu đồng).\n(Chi "
        "tiết "
        "theo Phụ lục đính kèm)\n(Lưu ý: Giá trị dự toán nêu trên chỉ làm cơ sở để Ủy ban nhân dân "
        "Thành\nphố xem "
        "xét phê duyệt bổ sung dự toán và bố trí nguồn kinh phí thực hiện, không\nlàm cơ sở để thực hiện "
        "thanh "
        "quyết toán kinh phí.)\n",
        {"abbreviations_exact": {}},
    ),
    (
        "pdf/quangngai_TB-542-UBND_2024.pdf: asides '(giao Ban Dân tộc tỉnh thông báo)', '(sáng Thứ Bảy)',"
        " 'PCVP (KGVX)'",
        doc("quangngai_tb542_2024"),
        {"abbreviations_exact": {}},
    ),
    (
        "pdf/botuphap_CV-935-VP-TCKT_2019.pdf: no parenthesis at all",
        doc("btp_cv935_2019"),
        {"abbreviations_exact": {}},
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_abbreviations(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])
