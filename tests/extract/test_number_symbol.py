"""Số, ký hiệu: the number line of real documents (blank numbers, years, Party style, spaces, look-alikes).

Conventions checked: ``number`` is the integer (leading zeros dropped), ``number_year`` the year of a
legal number (30/2020/NĐ-CP), ``symbol`` the part after the number (and after the year), and
``number_symbol`` the whole as written without inner spaces (leading zeros kept). A number left blank
("Số:      /UBND-NC") gives number null, the symbol, no number_symbol and a ``missing_number`` warning.
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, doc, record

CASES = [
    # ---- handwritten numbers filled into a typed line (scans, transcribed from the page image) ----
    (
        "pdf/kiengiang_GM-745-UBND_2017_hoatoc_scan.pdf (UBND tỉnh Kiên Giang, 2017): 'Số:745/GM-UBND'",
        doc("kiengiang_gm745_2017_scan"),
        {"number": 745, "symbol": "GM-UBND", "number_symbol": "745/GM-UBND", "number_year": None},
    ),
    (
        "pdf/quangngai_CV-299-UBND-THCS_2025_hoatoc_scan.pdf: handwritten 299 then spaces before the slash",
        doc("quangngai_cv299_2025_scan"),
        {"number": 299, "symbol": "UBND-TTHC", "number_symbol": "299/UBND-TTHC"},
    ),
    (
        "pdf/quangngai_TTr-24-UBND_2025_scan.pdf: a space inside the symbol, 'Số: 24 /TTr -UBND'",
        doc("quangngai_ttr24_2025_scan_p1"),
        {"number": 24, "symbol": "TTr-UBND", "number_symbol": "24/TTr-UBND"},
    ),
    (
        "pdf/phutho_CV-UBND-KSTTHC_2011_scan.pdf: a space after the dash, 'Số: 4532/UBND- KSTTHC'",
        doc("phutho_cv4532_2011_scan"),
        {"number": 4532, "symbol": "UBND-KSTTHC", "number_symbol": "4532/UBND-KSTTHC"},
    ),
    (
        "pdf/lamdong_CV-1413-CAT-PC04_2026_scan.pdf (Công an tỉnh Lâm Đồng): team code in brackets",
        doc("lamdong_cv1413_2026_scan"),
        {"number": 1413, "symbol": "CAT-PC04(Đ1)", "number_symbol": "1413/CAT-PC04(Đ1)"},
    ),
    (
        "pdf/quangngai_QD-04-QD-BCD138_2025_scan.pdf (Ban Chỉ đạo 138): leading zero kept, digits in symbol",
        doc("quangngai_qd04_bcd138_2025_scan_p1"),
        {"number": 4, "symbol": "QĐ-BCĐ138", "number_symbol": "04/QĐ-BCĐ138"},
    ),
    (
        "pdf/caobang_QD-157-QD-UB_1999_archive_scan.pdf (1999): old three-part symbol, space after the slash",
        doc("caobang_qd157_1999_scan_p1"),
        {"number": 157, "symbol": "QĐ-NĐ-UB", "number_symbol": "157/QĐ-NĐ-UB"},
    ),
    (
        "pdf/kiengiang_KH-1942-SYT_2017_scan.pdf (Sở Y tế Kiên Giang, 2017)",
        doc("kiengiang_kh1942_2017_scan"),
        {"number": 1942, "symbol": "KH-SYT", "number_symbol": "1942/KH-SYT"},
    ),
    (
        "pdf/ttg_CV-464-TTg-CDS_2026_scan.pdf (Thủ tướng Chính phủ, 2026): Đ inside the symbol",
        doc("ttg_cv464_2026_scan_p1_p3"),
        {"number": 464, "symbol": "TTg-CĐS", "number_symbol": "464/TTg-CĐS"},
    ),
    (
        "pdf/uit_TB-01-TB-BGH_2013_scan.pdf (Trường ĐH Công nghệ Thông tin, 2013)",
        doc("uit_tb01_2013_scan_p1"),
        {"number": 1, "symbol": "TB-BGH", "number_symbol": "01/TB-BGH"},
    ),
    # ---- legal numbers with a year ----
    (
        "doc/binhduong_CT-09-2009-CT-UBND.doc: number and place/date on one tab-separated line",
        doc("binhduong_ct09_2009"),
        {"number": 9, "number_year": 2009, "symbol": "CT-UBND", "number_symbol": "09/2009/CT-UBND"},
    ),
    (
        "doc/cantho_QD-09-2010-QD-UBND.doc: 'Số:09/2010/QĐ-UBND' with no space after the colon",
        doc("cantho_qd09_2010"),
        {"number": 9, "number_year": 2010, "symbol": "QĐ-UBND", "number_symbol": "09/2010/QĐ-UBND"},
    ),
    (
        "pdf/ttg_QD-20-2019-QD-TTg.pdf (Thủ tướng Chính phủ, 2019): rule lines around the number",
        doc("ttg_qd20_2019_excerpt"),
        {"number": 20, "number_year": 2019, "symbol": "QĐ-TTg", "number_symbol": "20/2019/QĐ-TTg"},
    ),
    (
        "vbpl crawl doc_000009 (Bộ Tài chính, 2026): 'Số' without a colon and a Cyrillic С in 'BTС'",
        "BỘ TÀI CHÍNH\n\nSố 06/2026/TT-BT\u0421\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 26 tháng 01 năm 2026\n\nTHÔNG TƯ\n\n"
        "Sửa đổi, bổ sung một số điều của Thông tư số 13/2015/TT-BTC ngày 30 tháng 01 năm 2015 của "
        "Bộ trưởng Bộ Tài chính quy định về kiểm tra, giám sát, tạm dừng làm thủ tục hải quan đối với "
        "hàng hóa xuất khẩu, nhập khẩu có yêu cầu bảo vệ quyền sở hữu trí tuệ\n",
        # a records officer types the Latin letters: the symbol is TT-BTC
        {"number": 6, "number_year": 2026, "symbol": "TT-BTC", "number_symbol": "06/2026/TT-BTC"},
    ),
    (
        "vbpl crawl doc_000147 (Bộ Tài chính, 2025): Cyrillic С after rule lines",
        "BỘ TÀI CHÍNH\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "---------------\n\nSố: 157/2025/TT-BT\u0421\n\nHà Nội, ngày 31 tháng 12 năm 2025\n\nTHÔNG TƯ\n\n"
        "Hướng dẫn đăng ký và sử dụng tài khoản tại Kho bạc Nhà nước\n",
        {"number": 157, "number_year": 2025, "symbol": "TT-BTC", "number_symbol": "157/2025/TT-BTC"},
    ),
    (
        "vbpl crawl doc_000561 (Bộ VHTTDL, 2025): a space before the slash, 'Số: 18 /2025/TT-BVHTTDL'",
        "BỘ VĂN HOÁ, THỂ THAO VÀ DU LỊCH\n\n-----------------------------------\n\n"
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 18 /2025/TT-BVHTTDL\n\n"
        "Hà Nội, ngày 11 tháng 12 năm 2025\n\nTHÔNG TƯ\n\nBãi bỏ một số văn bản quy phạm pháp luật\n\n"
        "thuộc thẩm quyền của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch\n",
        {"number": 18, "number_year": 2025, "symbol": "TT-BVHTTDL", "number_symbol": "18/2025/TT-BVHTTDL"},
    ),
    (
        "vbpl crawl doc_000349 (Ngân hàng Nhà nước, 2025): 'Số:82/2025/TT-NHNN'",
        "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số:82/2025/TT-NHNN\n\nHà Nội, ngày 31 tháng 12 năm 2025\n\nTHÔNG TƯ\n\n"
        "Quy định về trạng thái vàng của các tổ chức tín dụng\n",
        {"number": 82, "number_year": 2025, "symbol": "TT-NHNN", "number_symbol": "82/2025/TT-NHNN"},
    ),
    (
        "vbpl crawl doc_000085 (Ủy ban Thường vụ Quốc hội, 2025): 'Nghị quyết số:' and a symbol with no type",
        "ỦY BAN THƯỜNG VỤ\n\nQUỐC HỘI\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\n---------------\n\nNghị quyết số: 104/2025/UBTVQH15\n\n"
        "Hà Nội, ngày 26 tháng 9 năm 2025\n\nNGHỊ QUYẾT\n\n"
        "BAN HÀNH QUY CHẾ LÀM VIỆC MẪU CỦA HỘI ĐỒNG NHÂN XÃ, PHƯỜNG, ĐẶC KHU\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n",
        {"number": 104, "number_year": 2025, "symbol": "UBTVQH15", "number_symbol": "104/2025/UBTVQH15"},
    ),
    (
        "vbpl crawl doc_000002 (Quốc hội, 2025): 'Luật số:'",
        "QUỐC HỘI\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Luật số: 121/2025/QH15\n\nHà Nội, ngày 10 tháng 12 năm 2025\n\nLUẬT\n\n"
        "HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN\n",
        {"number": 121, "number_year": 2025, "symbol": "QH15", "number_symbol": "121/2025/QH15"},
    ),
    (
        "vbpl crawl doc_000192 (six issuers, 2025): the long joint-circular symbol",
        "BỘ TƯ PHÁP - BỘ CÔNG AN - BỘ QUỐC PHÒNG - BỘ TÀI CHÍNH - TÒA ÁN NHÂN DÂN TỐI CAO - "
        "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO\n\nSố: 29/2025/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Hà Nội, ngày 31 tháng 12 năm 2025\n\nTHÔNG TƯ LIÊN TỊCH\n",
        {
            "number": 29,
            "number_year": 2025,
            "symbol": "TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC",
            "number_symbol": "29/2025/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC",
        },
    ),
    (
        "vbpl crawl doc_000048 (Bộ GDĐT, 2026): the symbol has a typo (BGDVĐT, title says BGDĐT); kept as "
        "written",
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\n\nCỘNG HÒA XÃ HỘI CHỦ NGHÍA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 03/2026/TT-BGDVĐT\n\nHà Nội, ngày 30 tháng 1 năm 2026\n\nTHÔNG TƯ\n\n"
        "QUY ĐỊNH QUY TẮC ỨNG XỬ CỦA NHÀ GIÁO\n",
        {"number": 3, "symbol": "TT-BGDVĐT", "number_symbol": "03/2026/TT-BGDVĐT"},
    ),
    (
        "text/byt_QD-3467-QD-BYT_2024_vlm-ocr.txt (Bộ Y tế, 2024): the OCR put the motto before the issuer",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nBỘ Y TẾ\nSố:3467/QĐ-BYT\n"
        "Hà Nội, ngày 15 tháng 11 năm 2024\n\nQUYẾT ĐỊNH\nGiá dịch vụ khám bệnh, chữa bệnh áp dụng tại\n"
        "Bệnh viện Nhi Trung ương\n\nBỘ TRƯỞNG BỘ Y TẾ\n",
        {"number": 3467, "symbol": "QĐ-BYT", "number_symbol": "3467/QĐ-BYT"},
    ),
    (
        "text/chinhphu_ND-28-2021-ND-CP_ocr-fields.json, field 'Number' (number and place/date on one line)",
        "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 28/2021/NĐ-CP Hà Nội, ngày 26 tháng 3 năm 2021 \n"
        "NGHI ĐỊNH Quy định cơ chế quản lý tài chính dự án đầu tư theo phương thức đối tác công tư \n",
        {"number": 28, "number_year": 2021, "symbol": "NĐ-CP", "number_symbol": "28/2021/NĐ-CP"},
    ),
    (
        "doc/cdgdvn_CV-172-CDN-TGNC.doc (Công đoàn Giáo dục Việt Nam, 2013): Đ in a union symbol",
        doc("cdgdvn_cv172_2013"),
        {"number": 172, "symbol": "CĐN-TGNC", "number_symbol": "172/CĐN-TGNC"},
    ),
    (
        "doc/moet_TB-54-TB-BGDDT_2009.doc (Bộ GDĐT, 2009): two spaces after 'Số:'",
        doc("moet_tb54_2009"),
        {"number": 54, "symbol": "TB-BGDĐT", "number_symbol": "54/TB-BGDĐT"},
    ),
    (
        "doc/uit_TB-03-TB-DTDH_2014.doc (Phòng Đào tạo ĐH, 2014)",
        doc("uit_tb03_2014"),
        {"number": 3, "symbol": "TB-ĐTĐH", "number_symbol": "03/TB-ĐTĐH"},
    ),
    (
        "pdf/dongthap_QD-337-QD-SGDDT_2026_78pages.pdf (Sở GDĐT Đồng Tháp): number line after a two-column "
        "header",
        doc("dongthap_qd337_2026_pages1-3"),
        {"number": 337, "symbol": "QĐ-SGDĐT", "number_symbol": "337/QĐ-SGDĐT"},
    ),
    (
        "pdf/dongthap_KH-58-THPTCL2_2026.pdf (Trường THPT Cao Lãnh 2): number and place/date on one line",
        doc("dongthap_kh58_2026"),
        {"number": 58, "symbol": "KH-THPTCL2", "number_symbol": "58/KH-THPTCL2"},
    ),
    # ---- blank numbers (drafts, or filled in by the signing tool and absent from the text) ----
    (
        "pdf/moet_CV-1849-BGDDT-GDPT_2026_scan.pdf: the number is blank, the day is typed",
        doc("moet_cv1849_2026_scan_p1"),
        {
            "number": None,
            "symbol": "BGDĐT-GDPT",
            "number_symbol": None,
            "warnings_include_codes_for": ["missing number"],
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_giao-CAT-HD46_draft.docx: 'Số:             /UBND-NC'",
        doc("lamdong_cv_hd46_draft_2025"),
        {"number": None, "symbol": "UBND-NC", "warnings_include_codes_for": ["missing number"]},
    ),
    (
        "pdf/hcm_KH-230-THPTPB_2025.pdf (school): blank number, a dot inside the symbol 'KH-THPT.PB'",
        doc("hcm_kh230_2025"),
        {"number": None, "symbol": "KH-THPT.PB", "warnings_include_codes_for": ["missing number"]},
    ),
    (
        "pdf/lamdong_CV-963-SNV-CCHCVTLT_2025.pdf: blank number, '&' inside the symbol",
        doc("lamdong_cv963_2025"),
        {"number": None, "symbol": "SNV-CCHC&VTLT", "warnings_include_codes_for": ["missing number"]},
    ),
    (
        "pdf/dongthap_BC-355-HDXTH_2026.pdf (council of a Sở): 'Số: /BC-HĐXTH' under a four-line header",
        doc("dongthap_bc355_2026"),
        {"number": None, "symbol": "BC-HĐXTH", "number_symbol": None},
    ),
    (
        "pdf/quangngai_CV-507-UBND-KGVX_2025.pdf: blank number on the same line as the blank-day date",
        doc("quangngai_cv507_2025"),
        {"number": None, "symbol": "UBND-KGVX", "warnings_include_codes_for": ["missing number"]},
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-PCI_draft.docx: blank number, 'Số' in decomposed Unicode",
        doc("lamdong_tb_pci_draft_2026"),
        {"number": None, "symbol": "TB-UBND", "warnings_include_codes_for": ["missing number"]},
    ),
    (
        "doc/phutho_KH-STTTT_2011_draft.doc: 'Số:         /KH-STTTT'",
        doc("phutho_kh_stttt_draft_2011"),
        {"number": None, "symbol": "KH-STTTT", "warnings_include_codes_for": ["missing number"]},
    ),
    # ---- Bình Dương CSV: the CSV has only metadata, so its real number is wrapped in a minimal header
    #      (issuer named by the symbol, date and subject from the same CSV row) ----
    (
        "text/binhduong_..._4056.csv row '2403/QÐ-UBND' (25/10/2021): Icelandic Ð (U+00D0) for Đ",
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 2403/Q\u00d0-UBND\nBình Dương, ngày 25 tháng 10 năm 2021\nQUYẾT ĐỊNH\n"
        "Về việc chuyển mục đích sử dụng đất để thực hiện dự án khu căn hộ phú đông an bình\n",
        {"number": 2403, "symbol": "QĐ-UBND", "number_symbol": "2403/QĐ-UBND"},
    ),
    (
        "text/binhduong_..._4056.csv row '109/UBND - VX' (13/01/2021): spaces around the dash",
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 109/UBND - VX\nBình Dương, ngày 13 tháng 01 năm 2021\n"
        "V/v thực hiện chỉ thị số 01/ct-ttg ngày 05/01/2021 của thủ tướng chính phủ\n",
        {"number": 109, "symbol": "UBND-VX", "number_symbol": "109/UBND-VX"},
    ),
    (
        "text/binhduong_..._4056.csv row '1977 /QĐ-UBND' (09/08/2021): a space before the slash",
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 1977 /QĐ-UBND\nBình Dương, ngày 09 tháng 8 năm 2021\nQUYẾT ĐỊNH\n"
        "Về việc công bố thủ tục hành chính sửa đổi thuộc thẩm quyền giải quyết của sở nông nghiệp\n",
        {"number": 1977, "symbol": "QĐ-UBND", "number_symbol": "1977/QĐ-UBND"},
    ),
    (
        "text/binhduong_..._4056.csv row '139-TB/TU' (19/07/2021): a Party number (Tỉnh ủy Bình Dương)",
        "ĐẢNG BỘ TỈNH BÌNH DƯƠNG\nTỈNH ỦY\n*\nSố 139-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Bình Dương, ngày 19 tháng 7 năm 2021\nTHÔNG BÁO\n"
        "kết luận của đồng chí nguyễn văn lợi - bí thư tỉnh ủy, trưởng ban chỉ đạo phòng, chống dịch "
        "covid-19 tỉnh\n",
        # Party numbering (Hướng dẫn 36-HD/VPTW): số 139, ký hiệu TB/TU
        {"number": 139, "symbol": "TB/TU", "number_symbol": "139-TB/TU", "doc_type": "Thông báo"},
    ),
    # ---- no number line, or something that only looks like one ----
    (
        "doc/hyaptech_TTr-ACCP_2009.doc (Trung tâm Hưng Yên - Aptech): a tờ trình with no 'Số:' line",
        doc("hyaptech_ttr_2009"),
        {
            "number": None,
            "number_symbol": None,
            "symbol": None,
            "warnings_include_codes_for": ["missing number symbol"],
        },
    ),
    (
        "pdf/quochoi_HienPhap-2013_congbao.pdf: the gazette running head 'CÔNG BÁO/Số 1003 + 1004/Ngày "
        "29-12-2013'"
        " is not the Constitution's number",
        doc("quochoi_hienphap_2013_excerpt"),
        {"number": None, "number_symbol": None},
    ),
    (
        "pdf/dalat-univ_QD-2015-DHDL_hocphi_ocr.pdf: OCR garbled the number ('Số:5{Š /2015/ĐHĐL :')",
        doc("dalat_qd_ocr_2015"),
        # the digits cannot be read; a records officer would leave the number empty, not guess 5
        {"number": None, "number_symbol": None},
    ),
    (
        "pdf/danang_CV-STTTT-TTBCXB_2018_ocr.pdf: OCR turned the handwritten number into '⁄ÖÊ'",
        doc("danang_cv_ocr_2018"),
        {"number": None, "symbol": "STTTT-TTBCXB", "number_symbol": None},
    ),
    (
        "pdf/tcthads_QD-draft-chuyen-ngach_2020.pdf: the draft's number box holds a date, 'Số:01/06/2020'",
        doc("tcthads_qd_draft_2020"),
        # 01/06/2020 is the effective date written in Điều 1 (1 June 2020), not a số ký hiệu: there is
        # no ký hiệu at all, so nothing is a number/symbol
        {"number": None, "symbol": None, "number_symbol": None},
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_number_symbol(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])
