"""Loại văn bản, trích yếu, độ khẩn: type from the title line / V/v / symbol, the subject joined
across lines (without the "V/v" / "Về việc" marker and the trailing full stop), and urgency marks.

Công văn has no type code (doc_type_code null). A "V/v" under a title (THÔNG BÁO, TỜ TRÌNH) is the
subject of that type, not a công văn.
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, doc, record

CASES = [
    (
        "a numbered item after a blank line is the body, not the rest of the V/v subject",
        "UBND TỈNH LAI CHÂU\nSỞ Y TẾ\nSố: 12/SYT-NV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 1 tháng 2 năm 2021\nV/v triển khai\n\n"
        "1. tổ chức Hội nghị sơ kết vào ngày 20/5/2025 tại Hội trường.\n",
        {"subject": "triển khai"},
    ),
    # ---- urgency (stamps transcribed from the page images) ----
    (
        "pdf/kiengiang_GM-745-UBND_2017_hoatoc_scan.pdf: red HỎA TỐC stamp beside the title of a giấy mời",
        doc("kiengiang_gm745_2017_scan"),
        {
            "urgency": "HỎA TỐC",
            "doc_type": "Giấy mời",
            "doc_type_code": "GM",
            "subject": "Hội nghị trực tuyến tăng cường công tác phòng, chống dịch bệnh mùa đông xuân 2017 - "
            "2018",
        },
    ),
    (
        "pdf/quangngai_CV-299-UBND-THCS_2025_hoatoc_scan.pdf: HỎA TỐC stamp on a công văn",
        doc("quangngai_cv299_2025_scan"),
        {
            "urgency": "HỎA TỐC",
            "doc_type": "Công văn",
            "doc_type_code": None,
            "subject": "công bố Danh mục TTHC và xây dựng quy trình nội bộ giải quyết TTHC",
        },
    ),
    (
        "pdf/phutho_CV-275-STTTT-CNTT_2011_scan.pdf: no urgency mark; V/v ends with a full stop",
        doc("phutho_cv275_2011_scan"),
        {
            "urgency": None,
            "secrecy": None,
            "doc_type": "Công văn",
            "subject": "đăng ký danh sách tham gia Hội thi kỹ năng sử dụng máy tính",
        },
    ),
    # ---- công văn subjects ----
    (
        "pdf/botuphap_CV-935-VP-TCKT_2019.pdf: V/v over three lines, left column before the motto",
        doc("btp_cv935_2019"),
        {
            "doc_type": "Công văn",
            "doc_type_code": None,
            "subject": "lấy ý kiến thông qua dự thảo Quy chế chi tiêu nội bộ của Văn phòng Bộ Tư pháp",
        },
    ),
    (
        "pdf/vktqg_CV-185-VKTQG-QLKH_2026.pdf: V/v over four lines",
        doc("vktqg_cv185_2026"),
        {
            "doc_type": "Công văn",
            "subject": "góp ý Dự thảo Nghị định của Chính phủ quy định chi tiết một số nội dung về quản lý "
            "chất lượng, thi công xây dựng và bảo trì công trình xây dựng",
        },
    ),
    (
        "pdf/quangngai_CV-507-UBND-KGVX_2025.pdf: V/v over five lines that cite a decision",
        doc("quangngai_cv507_2025"),
        {
            "doc_type": "Công văn",
            "subject": "góp ý dự thảo Quyết định sửa đổi, bổ sung một số điều của Quyết định số "
            "2269/QĐ-TTg về Chương trình cung cấp dịch vụ viễn thông công ích",
        },
    ),
    (
        "pdf/lamdong_CV-1413-CAT-PC04_2026_scan.pdf: V/v under the date line",
        doc("lamdong_cv1413_2026_scan"),
        {
            "doc_type": "Công văn",
            "subject": "hỗ trợ kinh phí đối với lực lượng trực tiếp tham gia công tác đấu tranh PCTP về "
            "ma túy và quản lý cai nghiện ma túy",
        },
    ),
    (
        "pdf/phutho_CV-UBND-KSTTHC_2011_scan.pdf: 'Về việc …' in the V/v box, over two lines",
        doc("phutho_cv4532_2011_scan"),
        {
            "doc_type": "Công văn",
            "subject": "xây dựng kế hoạch rà soát quy định, thủ tục hành chính",
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2026_giao-SKHCN-3653_draft.docx: V/v split over three paragraphs of a cell",
        doc("lamdong_cv_3653_draft_2026"),
        {
            "doc_type": "Công văn",
            "subject": "triển khai thực hiện Công văn số 3653/VPCP-CĐS của Văn phòng Chính phủ",
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_cai-nghien-ma-tuy_draft.docx: a công văn draft with no V/v at all",
        doc("lamdong_cv_cainghien_draft_2025"),
        # nothing to invent: the first body sentence is not a subject
        {"doc_type": "Công văn", "doc_type_code": None, "subject": None},
    ),
    (
        "pdf/cucthue_CV-2191-CT-CS_2026_scan.pdf: 'V/v chính sách thuế TNDN'",
        doc("cucthue_cv2191_2026_scan_p1"),
        {"doc_type": "Công văn", "subject": "chính sách thuế TNDN"},
    ),
    # ---- typed documents ----
    (
        "pdf/quangngai_CT-11-UBND_2021_scan.pdf: CHỈ THỊ with a two-line 'Về …' subject",
        doc("quangngai_ct11_2021_scan_p1"),
        {
            "doc_type": "Chỉ thị",
            "doc_type_code": "CT",
            "subject_contains": "tăng cường chỉ đạo Kỳ thi tốt nghiệp trung học phổ thông năm 2021 trên địa "
            "bàn "
            "tỉnh Quảng Ngãi",
        },
    ),
    (
        "pdf/quangngai_TTr-24-UBND_2025_scan.pdf: TỜ TRÌNH, 'Về việc' subject over two lines",
        doc("quangngai_ttr24_2025_scan_p1"),
        {
            "doc_type": "Tờ trình",
            "doc_type_code": "TTr",
            "subject": "miễn nhiệm chức danh Ủy viên Ủy ban nhân dân tỉnh Quảng Ngãi nhiệm kỳ 2021 - 2026",
        },
    ),
    (
        "pdf/caobang_QD-157-QD-UB_1999_archive_scan.pdf: 'QUYẾT ĐỊNH CỦA UỶ BAN NHÂN DÂN TỈNH' / 'Về việc : "
        "…'",
        doc("caobang_qd157_1999_scan_p1"),
        {
            "doc_type": "Quyết định",
            "doc_type_code": "QĐ",
            "subject": "Giao quyền sử dụng đất ở dân cư",
        },
    ),
    (
        "pdf/quangngai_QD-04-QD-BCD138_2025_scan.pdf: the signer's authority in capitals under the subject",
        doc("quangngai_qd04_bcd138_2025_scan_p1"),
        {
            "doc_type": "Quyết định",
            "subject": "công nhận địa bàn trọng điểm, phức tạp về trật tự, an toàn xã hội chuyển hóa đạt năm "
            "2024",
        },
    ),
    (
        "pdf/uit_TB-01-TB-BGH_2013_scan.pdf: '(V/v Tăng cường giám sát trong phòng thi)' in brackets",
        doc("uit_tb01_2013_scan_p1"),
        {
            "doc_type": "Thông báo",
            "doc_type_code": "TB",
            "subject": "Tăng cường giám sát trong phòng thi",
        },
    ),
    (
        "doc/uit_TB-03-TB-DTDH_2014.doc: 'THÔNG BÁO' then 'V/v …': a thông báo, not a công văn",
        doc("uit_tb03_2014"),
        {"doc_type": "Thông báo", "doc_type_code": "TB", "subject": "xét tốt nghiệp đợt 1 năm 2014"},
    ),
    (
        "doc/hyaptech_TTr-ACCP_2009.doc: 'TỜ TRÌNH' then 'V/v Xin tổ chức …'",
        doc("hyaptech_ttr_2009"),
        {
            "doc_type": "Tờ trình",
            "subject": "Xin tổ chức chương trình giao lưu chào mừng khoá đào tạo lập trình viên ACCP",
        },
    ),
    (
        "docx/spkthy_TB-trien-khai-do-an-5_2013.docx: typo 'Về về việc' in the title",
        doc("spkthy_tb_2013"),
        {"doc_type": "Thông báo", "subject_contains": "triển khai đồ án 5 năm học 2013-2014"},
    ),
    (
        "pdf/dongthap_BC-355-HDXTH_2026.pdf: BÁO CÁO with a four-line subject",
        doc("dongthap_bc355_2026"),
        {
            "doc_type": "Báo cáo",
            "doc_type_code": "BC",
            "subject": "Kết quả thẩm định và đề nghị phê duyệt kết quả kỳ xét thăng hạng và công nhận kết "
            "quả "
            "trúng tuyển thăng hạng chức danh nghề nghiệp viên chức từ hạng III lên hạng II đối với giáo "
            "viên trường trung học phổ thông trực thuộc Sở Giáo dục và Đào tạo tỉnh Đồng Tháp năm 2025",
        },
    ),
    (
        "pdf/quangngai_TB-11-UBND_2025.pdf: THÔNG BÁO kết luận, subject over four lines",
        doc("quangngai_tb11_2025"),
        {
            "doc_type": "Thông báo",
            "subject": "Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên tại cuộc họp nghe báo cáo về tình hình "
            "thực hiện công tác cổ phần hóa Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng "
            "Ngãi trong thời gian qua và nhiệm vụ trọng tâm trong thời gian đến",
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-PCI_draft.docx: unbalanced quote in the subject, kept as written",
        doc("lamdong_tb_pci_draft_2026"),
        {
            "doc_type": "Thông báo",
            "subject": "Kết luận của đồng chí Nguyễn Ngọc Phúc - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh về "
            "tiến "
            "độ thu hút các dự án đầu tư ngoài ngân sách, kết quả thực hiện kế hoạch xúc tiến đầu tư, Kế "
            "hoạch “Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2026",
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-cao-toc_draft.docx: subject split over two paragraphs",
        doc("lamdong_tb_caotoc_draft_2026"),
        {
            "doc_type": "Thông báo",
            "subject_starts": "Kết luận của đồng chí Nguyễn Hồng Hải - Ủy viên Ban Thường vụ Tỉnh ủy, Phó "
            "Chủ "
            "tịch UBND tỉnh kiểm tra công tác chuẩn bị thi công",
        },
    ),
    (
        "pdf/dongthap_KH-58-THPTCL2_2026.pdf: KẾ HOẠCH with a two-line subject",
        doc("dongthap_kh58_2026"),
        {
            "doc_type": "Kế hoạch",
            "doc_type_code": "KH",
            "subject": "Tổ chức sinh hoạt chuyên môn môn Lịch sử Cụm 2 năm học 2025 - 2026",
        },
    ),
    (
        "pdf/hcm_QD-2858-QD-UBND_2025.pdf: 'Về bổ sung dự toán …' over two lines",
        doc("hcm_qd2858_2025"),
        {
            "doc_type": "Quyết định",
            "subject_contains": "bổ sung dự toán ngân sách Thành phố năm 2025 để chi thu nhập tăng thêm theo "
            "Nghị "
            "quyết số 98/2023/QH15 ngày 24 tháng 6 năm 2023 của Quốc hội",
        },
    ),
    (
        "doc/moet_TB-54-TB-BGDDT_2009.doc: thông báo kết luận whose subject ends with '(Ngày 17 tháng 01 năm "
        "2009)'",
        doc("moet_tb54_2009"),
        {
            "doc_type": "Thông báo",
            "subject_starts": "Kết luận của Thứ trưởng thường trực Bành Tiến Long Tại Hội nghị thi và tuyển "
            "sinh "
            "năm 2009 qua cầu truyền hình",
        },
    ),
    (
        "vbpl crawl doc_000192 (2025): THÔNG TƯ LIÊN TỊCH",
        "BỘ TƯ PHÁP - BỘ CÔNG AN - BỘ QUỐC PHÒNG - BỘ TÀI CHÍNH - TÒA ÁN NHÂN DÂN TỐI CAO - "
        "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\n\nSố: 29/2025/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Hà Nội, ngày 31 tháng 12 năm 2025\n\nTHÔNG TƯ LIÊN TỊCH\n\nSửa đổi, bổ sung một số điều của Thông "
        "tư "
        "liên tịch số 10/2018/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC ngày 29 tháng 6 năm 2018 quy định về phối "
        "hợp thực hiện trợ giúp pháp lý trong hoạt động tố tụng\n",
        {
            "doc_type": "Thông tư liên tịch",
            "doc_type_code": "TTLT",
            "subject_starts": "Sửa đổi, bổ sung một số điều của Thông tư liên tịch số 10/2018/",
        },
    ),
    (
        "vbpl crawl doc_000002 (2025): LUẬT, the law's name in capitals",
        "QUỐC HỘI\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Luật số: 121/2025/QH15\n\nHà Nội, ngày 10 tháng 12 năm 2025\n\nLUẬT\n\n"
        "HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ "
        "nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15;\n",
        {"doc_type": "Luật", "doc_type_code": None},
    ),
    (
        "vbpl crawl doc_000001 (Chính phủ, 2025): NGHỊ ĐỊNH",
        "CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố: "
        "249/2025/NĐ-CP\n\n"
        "Hà Nội, ngày 19 tháng 09 năm 2025\n\nNGHỊ ĐỊNH\n\nQuy định cơ chế, chính sách thu hút chuyên gia "
        "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số\n\nCăn cứ Luật Tổ chức Chính phủ số "
        "63/2025/QH15;\n",
        {
            "doc_type": "Nghị định",
            "doc_type_code": "NĐ",
            "subject": "Quy định cơ chế, chính sách thu hút chuyên gia khoa học, công nghệ, đổi mới sáng tạo "
            "và chuyển đổi số",
        },
    ),
    (
        "vbpl crawl doc_000085 (2025): NGHỊ QUYẾT whose symbol (UBTVQH15) carries no type code",
        "ỦY BAN THƯỜNG VỤ\n\nQUỐC HỘI\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\n---------------\n\nNghị quyết số: 104/2025/UBTVQH15\n\n"
        "Hà Nội, ngày 26 tháng 9 năm 2025\n\nNGHỊ QUYẾT\n\n"
        "BAN HÀNH QUY CHẾ LÀM VIỆC MẪU CỦA HỘI ĐỒNG NHÂN XÃ, PHƯỜNG, ĐẶC KHU\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n",
        {"doc_type": "Nghị quyết", "doc_type_code": "NQ"},
    ),
    (
        "pdf/dalat-univ_QD-2015-DHDL_hocphi_ocr.pdf: OCR 'QUYÉT ĐỊNH' (É for Ế), 'W⁄%:' for V/v",
        doc("dalat_qd_ocr_2015"),
        {"doc_type": "Quyết định", "subject_contains": "Quy định mức học phí năm học 2015-2016"},
    ),
    (
        "pdf/quochoi_HienPhap-2013_congbao.pdf: HIẾN PHÁP",
        doc("quochoi_hienphap_2013_excerpt"),
        {"doc_type": "Hiến pháp", "doc_type_code": None},
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_subject_type_urgency(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])
