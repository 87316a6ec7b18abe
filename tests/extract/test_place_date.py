"""Địa danh, ngày tháng: place and issue date with the precision the document gives.

A day left blank gives month precision and ``missing_day``; day and month left blank give the year
and ``missing_month``; a date that cannot be real is not invented. Receipt stamps ("ĐẾN … Ngày …"),
dates in the body and gazette running heads are not the issue date.
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, doc, record

CASES = [
    # ---- full dates ----
    (
        "pdf/kiengiang_GM-745-UBND_2017_hoatoc_scan.pdf: handwritten day in 'ngày 22 tháng 12 năm 2017'",
        doc("kiengiang_gm745_2017_scan"),
        {"place": "Kiên Giang", "issue_date": "2017-12-22"},
    ),
    (
        "pdf/quangngai_CT-11-UBND_2021_scan.pdf (UBND tỉnh Quảng Ngãi, 2021)",
        doc("quangngai_ct11_2021_scan_p1"),
        {"place": "Quảng Ngãi", "issue_date": "2021-05-11"},
    ),
    (
        "pdf/phutho_CV-275-STTTT-CNTT_2011_scan.pdf (Sở TTTT Phú Thọ, 2011)",
        doc("phutho_cv275_2011_scan"),
        {"place": "Phú Thọ", "issue_date": "2011-12-16"},
    ),
    (
        "pdf/ttg_CV-464-TTg-CDS_2026_scan.pdf: a receipt stamp 'ĐẾN … Ngày: 04/5/2026' under the date line",
        doc("ttg_cv464_2026_scan_p1_p3"),
        {"place": "Hà Nội", "issue_date": "2026-04-30"},
    ),
    (
        "pdf/lamdong_CV-1413-CAT-PC04_2026_scan.pdf (Công an tỉnh Lâm Đồng, 2026)",
        doc("lamdong_cv1413_2026_scan"),
        {"place": "Lâm Đồng", "issue_date": "2026-03-16"},
    ),
    (
        "pdf/moet_CV-1849-BGDDT-GDPT_2026_scan.pdf: the number is blank but the day is typed",
        doc("moet_cv1849_2026_scan_p1"),
        {"place": "Hà Nội", "issue_date": "2026-04-10", "warnings_exclude_codes": ["missing_day"]},
    ),
    (
        "pdf/uit_TB-01-TB-BGH_2013_scan.pdf: 'Tp. Hồ Chí Minh, ngày 22 tháng 01 năm 2013'",
        doc("uit_tb01_2013_scan_p1"),
        {"place": "Tp. Hồ Chí Minh", "issue_date": "2013-01-22"},
    ),
    (
        "pdf/caobang_QD-157-QD-UB_1999_archive_scan.pdf: a 1999 date line ending with a full stop",
        doc("caobang_qd157_1999_scan_p1"),
        {"place": "Cao Bằng", "issue_date": "1999-02-22"},
    ),
    (
        "doc/binhduong_CT-09-2009-CT-UBND.doc: a town as the place, after a tab, double spaces inside",
        doc("binhduong_ct09_2009"),
        {"place": "Thủ Dầu Một", "issue_date": "2009-04-15"},
    ),
    (
        "doc/cantho_QD-09-2010-QD-UBND.doc: 'Cần Thơ, ngày 21 tháng  01  năm 2010'",
        doc("cantho_qd09_2010"),
        {"place": "Cần Thơ", "issue_date": "2010-01-21"},
    ),
    (
        "doc/hyaptech_TTr-ACCP_2009.doc: 'Hưng Yên,  ngày 25  tháng 5  năm 2009' (leading spaces)",
        doc("hyaptech_ttr_2009"),
        {"place": "Hưng Yên", "issue_date": "2009-05-25"},
    ),
    (
        "doc/uit_TB-03-TB-DTDH_2014.doc: 'Tp.HCM, ngày 10 tháng 3 năm 2014'",
        doc("uit_tb03_2014"),
        {"place": "Tp.HCM", "issue_date": "2014-03-10"},
    ),
    (
        "doc/hanoi_QD-15-2010-QD-UBND.doc: rule lines between the motto and the number, 'tháng 04'",
        doc("hanoi_qd15_2010_decision"),
        {"place": "Hà Nội", "issue_date": "2010-04-26"},
    ),
    (
        "pdf/dongthap_KH-58-THPTCL2_2026.pdf: place/date on the number line",
        doc("dongthap_kh58_2026"),
        {"place": "Đồng Tháp", "issue_date": "2026-04-15"},
    ),
    (
        "text/byt_QD-3467-QD-BYT_2024_vlm-ocr.txt: the motto printed before the issuer",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nBỘ Y TẾ\nSố:3467/QĐ-BYT\n"
        "Hà Nội, ngày 15 tháng 11 năm 2024\n\nQUYẾT ĐỊNH\nGiá dịch vụ khám bệnh, chữa bệnh áp dụng tại\n"
        "Bệnh viện Nhi Trung ương\n",
        {"place": "Hà Nội", "issue_date": "2024-11-15"},
    ),
    (
        "text/chinhphu_ND-28-2021-ND-CP_ocr-fields.json field 'Number': date after the number on one line",
        "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 28/2021/NĐ-CP Hà Nội, ngày 26 tháng 3 năm 2021 \n"
        "NGHI ĐỊNH Quy định cơ chế quản lý tài chính dự án đầu tư theo phương thức đối tác công tư \n",
        {"place": "Hà Nội", "issue_date": "2021-03-26"},
    ),
    (
        "vbpl crawl doc_000048 (Bộ GDĐT, 2026): single-digit month 'tháng 1'",
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO\n\nCỘNG HÒA XÃ HỘI CHỦ NGHÍA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 03/2026/TT-BGDVĐT\n\nHà Nội, ngày 30 tháng 1 năm 2026\n\nTHÔNG TƯ\n\n"
        "QUY ĐỊNH QUY TẮC ỨNG XỬ CỦA NHÀ GIÁO\n",
        {"place": "Hà Nội", "issue_date": "2026-01-30"},
    ),
    (
        "vbpl crawl doc_000707 (Chủ tịch nước, 2024)",
        "CHỦ TỊCH NƯỚC\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "---------------\n\nSố: 758/2024/QĐ-CTN\n\nHà Nội, ngày 30 tháng 7 năm 2024\n\nQUYẾT ĐỊNH\n\n"
        "VỀ ĐẶC XÁ NĂM 2024\n\n__________\n\nCHỦ TỊCH\n\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
        {"place": "Hà Nội", "issue_date": "2024-07-30"},
    ),
    # ---- blank day (drafts; signed PDFs whose day the signing tool stamps as an image) ----
    (
        "pdf/quangngai_CV-507-UBND-KGVX_2025.pdf: 'Số: /UBND-KGVX Quảng Ngãi, ngày tháng 01 năm 2025'",
        doc("quangngai_cv507_2025"),
        {"place": "Quảng Ngãi", "issue_date": "2025-01", "warnings_include_codes_for": ["missing day"]},
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_giao-CAT-HD46_draft.docx: 'ngày         tháng 12  năm 2025'",
        doc("lamdong_cv_hd46_draft_2025"),
        {"place": "Lâm Đồng", "issue_date": "2025-12", "warnings_include_codes_for": ["missing day"]},
    ),
    (
        "pdf/dongthap_BC-355-HDXTH_2026.pdf: 'Đồng Tháp, ngày tháng 4 năm 2026'",
        doc("dongthap_bc355_2026"),
        {"place": "Đồng Tháp", "issue_date": "2026-04", "warnings_include_codes_for": ["missing day"]},
    ),
    (
        "doc/phutho_KH-STTTT_2011_draft.doc: 'Phú Thọ, ngày    tháng 12 năm 2011'",
        doc("phutho_kh_stttt_draft_2011"),
        {"place": "Phú Thọ", "issue_date": "2011-12", "warnings_include_codes_for": ["missing day"]},
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-PCI_draft.docx: the date line in decomposed Unicode",
        doc("lamdong_tb_pci_draft_2026"),
        {"place": "Lâm Đồng", "issue_date": "2026-04", "warnings_include_codes_for": ["missing day"]},
    ),
    (
        "pdf/danang_CV-STTTT-TTBCXB_2018_ocr.pdf: OCR turned the handwritten day into '0§'",
        doc("danang_cv_ocr_2018"),
        # the day is unreadable: month precision, not day 0 and not a guess
        {"issue_date": "2018-02", "warnings_include_codes_for": ["missing day"]},
    ),
    # ---- blank day and month ----
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf: 'Thành phố Hồ Chí Minh, ngày tháng năm 2025'",
        doc("hcm_cv4728_2025"),
        {
            "place": "Thành phố Hồ Chí Minh",
            "issue_date": "2025",
            "warnings_include_codes_for": ["missing month"],
        },
    ),
    (
        "docx/lamdong_KH-UBND_2026_thi-dua-CCHC_draft.docx: 'ngày        tháng       năm 2026'",
        doc("lamdong_kh_thidua_draft_2026"),
        {"place": "Lâm Đồng", "issue_date": "2026", "warnings_include_codes_for": ["missing month"]},
    ),
    (
        "pdf/vktqg_CV-185-VKTQG-QLKH_2026.pdf: 'Hà Nội, ngày tháng năm 2026'",
        doc("vktqg_cv185_2026"),
        {"place": "Hà Nội", "issue_date": "2026", "warnings_include_codes_for": ["missing month"]},
    ),
    (
        "pdf/hcm_QD-2858-QD-UBND_2025.pdf: two header columns interleaved on the number line",
        doc("hcm_qd2858_2025"),
        {"place": "Thành phố Hồ Chí Minh", "issue_date": "2025"},
    ),
    # ---- no usable date ----
    (
        "pdf/tcthads_QD-draft-chuyen-ngach_2020.pdf: 'Hà Nội, ngày ..... tháng ..... năm .......'",
        doc("tcthads_qd_draft_2020"),
        # not even the year is given; the dates in Điều 1 ('ngày 1 tháng 6 năm 2020') are not the issue date
        {"place": "Hà Nội", "issue_date": None},
    ),
    (
        "vbpl crawl doc_000234 (Bộ TNMT, 2024): 'ngày 32 tháng 12 năm 2024' is not a real date",
        "BỘ TÀI NGUYÊN\n\nVÀ MÔI TRƯỜNG\n\nSố: 51/2024/TT-BTNMT\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 32 tháng 12 năm 2024\n\nTHÔNG TƯ\n\n"
        "Quy định định mức kinh tế - kỹ thuật lập, điều chỉnh\n\nquy hoạch, kế hoạch sử dụng đất quốc gia\n",
        # the month and year are sound, the day is a typo: keep what is certain (month precision) and
        # say why, rather than dropping the date or inventing the 31st
        {"issue_date": "2024-12", "warnings_include_codes_for": ["invalid date"]},
    ),
    (
        "vbpl crawl doc_000064 (Ủy ban Thường vụ Quốc hội, 2025): the text has no place/date line",
        "UỶ BAN THƯỜNG VỤ QUỐC HỘI\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Nghị quyết số: 114/2025/UBTVQH15\n\nNGHỊ QUYẾT\n\n"
        "Quy định chi tiết và hướng dẫn thi hành Luật Hoạt động giám sát của Quốc hội\n\n"
        "và Hội đồng nhân dân về hoạt động giám sát của Hội đồng nhân dân\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\n"
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều "
        "theo Nghị quyết số 203/2025/QH15;\n",
        {"issue_date": None, "place": None, "warnings_include_codes_for": ["missing date"]},
    ),
    (
        "pdf/quochoi_HienPhap-2013_congbao.pdf: the gazette running head 'Ngày 29-12-2013' is not a date "
        "line",
        doc("quochoi_hienphap_2013_excerpt"),
        # (the adoption date 28/11/2013 in the closing formula would be acceptable; the gazette date is not)
        {"issue_date_not": "2013-12-29", "number_symbol": None},
    ),
    (
        "pdf/dalat-univ_QD-2015-DHDL_hocphi_ocr.pdf: OCR 'Lâm Đông' for Lâm Đồng, trailing full stop",
        doc("dalat_qd_ocr_2015"),
        # a records officer enters the province's real name (the OCR lost the grave accent)
        {"place": "Lâm Đồng", "issue_date": "2015-08-20"},
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_place_date(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])


def test_a_blank_date_line_is_warned_about_once() -> None:
    """'ngày … tháng … năm …' is found but empty: one warning says so (not a second one saying
    that no date line was found)."""
    text = (
        "UBND TỈNH LAI CHÂU\nSố: /UBND-VX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Lai Châu, ngày … tháng … năm …\nV/v họp\n\nKính gửi: Sở Y tế.\n\nNội dung họp.\n"
    )
    rec = record(text)
    assert rec["place"] == "Lai Châu" and rec["issue_date"] is None
    assert [w["code"] for w in rec["warnings"]].count("missing_date") == 1
