"""Văn bản được viện dẫn: full citations (type, number, date, issuer), short ones ("số 4975/UBND-KGVX"
in a list after "Công văn số …"), Party numbers ("132-KL/TW"), laws by name and date, numbers and
dates broken across lines, and issuers resolved in context ("của UBND tỉnh" in a Quảng Ngãi letter is
the Quảng Ngãi People's Committee; "của Sở Y tế" in a letter of Sở Y tế Kiên Giang is that Sở).

``issuer_raw`` is the issuer as written; ``issuer`` the resolved body. Where the text names the
signing official ("của Bộ trưởng Bộ Nội vụ", "của Chủ tịch UBND tỉnh") the issuer is the body the
official heads (Bộ Nội vụ, Ủy ban nhân dân tỉnh …), as in the cited document's own header; "Thủ
tướng Chính phủ" is itself an issuing body.
A document's own number in its annex heading is not a citation.
"""

from __future__ import annotations

import re
import sys
import time

import pytest
from casecheck import case_ids, check, doc, record

from vbdieuhanh.extract.citations import extract_citations
from vbdieuhanh.extract.context import Context
from vbdieuhanh.layout import layout_from_text
from vbdieuhanh.normalize import normalize
from vbdieuhanh.zones import find_zones

CASES = [
    # ---- Party documents ----
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf: 'Kết luận số 132-KL/TW ngày 18 tháng 3 năm 2025 của Bộ Chính "
        "trị'"
        " (three times)",
        doc("hcm_cv4728_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "132-KL/TW",
                    "doc_type": "Kết luận",
                    "number": 132,
                    "date": "2025-03-18",
                    "issuer": "Bộ Chính trị",
                    "full": True,
                    "mentions": 3,
                }
            ]
        },
    ),
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf: 'Hướng dẫn số 04/HD/BTGDVTU … của Ban Tuyên giáo và Dân vận "
        "Thành ủy'",
        doc("hcm_cv4728_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "04/HD/BTGDVTU",
                    "doc_type": "Hướng dẫn",
                    "number": 4,
                    "date": "2025-11-06",
                    "issuer_raw": "Ban Tuyên giáo và Dân vận Thành ủy",
                    # the city's Party committee: Thành ủy Thành phố Hồ Chí Minh
                    "issuer": "Ban Tuyên giáo và Dân vận Thành ủy Thành phố Hồ Chí Minh",
                }
            ]
        },
    ),
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf: 'Kế hoạch số 470-KH/TU … của Ban Thường vụ Thành ủy'; 'Chỉ thị "
        "số"
        " 36-CT/TW ngày 16 tháng' / '8 năm 2019' after a page break",
        doc("hcm_cv4728_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "470-KH/TU",
                    "doc_type": "Kế hoạch",
                    "date": "2025-06-23",
                    "issuer_raw": "Ban Thường vụ Thành ủy",
                },
                {
                    "number_symbol": "36-CT/TW",
                    "doc_type": "Chỉ thị",
                    "date": "2019-08-16",
                    "issuer": "Bộ Chính trị",
                },
            ]
        },
    ),
    (
        "pdf/lamdong_CV-1413-CAT-PC04_2026_scan.pdf: issuer before the date; a provincial Party resolution",
        doc("lamdong_cv1413_2026_scan"),
        {
            "citation_find": [
                {"number_symbol": "132-KL/TW", "date": "2025-03-18", "issuer": "Bộ Chính trị"},
                {"number_symbol": "36-CT/TW", "doc_type": "Chỉ thị", "date": "2019-08-16"},
                {
                    "number_symbol": "05-NQ/TU",
                    "doc_type": "Nghị quyết",
                    "number": 5,
                    "date": "2026-01-08",
                    "issuer": "Tỉnh ủy Lâm Đồng",
                },
            ]
        },
    ),
    (
        "pdf/ttg_CV-464-TTg-CDS_2026_scan.pdf: 'Kết luận số 18-KL/TW … của Ban Chấp hành Trung ương Đảng "
        "khóa XIV'",
        doc("ttg_cv464_2026_scan_p1_p3"),
        {
            "citation_find": [
                {
                    "number_symbol": "18-KL/TW",
                    "doc_type": "Kết luận",
                    "date": "2026-04-02",
                    "issuer_raw": "Ban Chấp hành Trung ương Đảng khóa XIV",
                }
            ]
        },
    ),
    # ---- state documents, full ----
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf: 'Kế hoạch số 7935/SGDĐT-HSSV … của Sở Giáo dục và Đào tạo' "
        "(the Sở"
        " cites itself; the symbol has no KH)",
        doc("hcm_cv4728_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "7935/SGDĐT-HSSV",
                    "doc_type": "Kế hoạch",
                    "date": "2024-12-09",
                    "issuer": "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
                },
                {
                    "number_symbol": "163/2024/QH15",
                    "doc_type": "Nghị quyết",
                    "date": "2024-11-27",
                    "issuer": "Quốc hội",
                },
                {
                    "number_symbol": "93/NQ-CP",
                    "doc_type": "Nghị quyết",
                    "date": "2025-04-13",
                    "issuer": "Chính phủ",
                },
            ]
        },
    ),
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf: 'Luật Phòng, chống ma túy năm 2021' (a law by name and year)",
        doc("hcm_cv4728_2025"),
        {
            "citation_find": [
                {
                    "find": "Luật Phòng, chống ma",
                    "doc_type": "Luật",
                    "date": "2021",
                    "title_contains": "chống ma túy",
                }
            ]
        },
    ),
    (
        "pdf/quangngai_CV-299-UBND-THCS_2025_hoatoc_scan.pdf: 'các Quyết định số: 1743/QĐ-BGTVT, "
        "1744/QĐ-BGTVT ngày"
        " 31/12/2024 của Bộ trưởng …' (two numbers share a date)",
        doc("quangngai_cv299_2025_scan"),
        {
            "citation_find": [
                {
                    "number_symbol": "1743/QĐ-BGTVT",
                    "doc_type": "Quyết định",
                    "date": "2024-12-31",
                    "issuer_raw": "Bộ trưởng Bộ Giao thông vận tải",
                },
                {
                    "number_symbol": "1744/QĐ-BGTVT",
                    "doc_type": "Quyết định",
                    "date": "2024-12-31",
                    "mentions": 2,
                },
                {
                    "number_symbol": "161/2024/NĐ-CP",
                    "doc_type": "Nghị định",
                    "number": 161,
                    "date": "2024-12-18",
                    "issuer": "Chính phủ",
                },
            ]
        },
    ),
    (
        "pdf/quangngai_CV-507-UBND-KGVX_2025.pdf: 'Công văn số' / '202/BTTTT-KHTC …'; issuer split 'của Thủ' "
        "/ 'tướng"
        " Chính phủ'",
        doc("quangngai_cv507_2025"),
        {
            "citation_find": [
                {"number_symbol": "202/BTTTT-KHTC", "doc_type": "Công văn", "date": "2025-01-21"},
                {
                    "number_symbol": "2269/QĐ-TTg",
                    "doc_type": "Quyết định",
                    "date": "2021-12-31",
                    "issuer": "Thủ tướng Chính phủ",
                },
            ]
        },
    ),
    (
        "pdf/quangngai_CT-11-UBND_2021_scan.pdf: 'Thông tư' / 'số 15/2020/TT-BGDĐT' split over lines; 'của "
        "Bộ' /"
        " 'trưởng Bộ Giáo dục và Đào tạo'",
        doc("quangngai_ct11_2021_scan_p1"),
        {
            "citation_find": [
                {
                    "number_symbol": "11/CT-TTg",
                    "doc_type": "Chỉ thị",
                    "date": "2021-04-16",
                    "issuer": "Thủ tướng Chính phủ",
                },
                {"number_symbol": "15/2020/TT-BGDĐT", "doc_type": "Thông tư", "date": "2020-05-26"},
                {
                    "number_symbol": "05/2021/TT-BGDĐT",
                    "doc_type": "Thông tư",
                    "date": "2021-03-12",
                    "issuer_raw": "Bộ trưởng Bộ Giáo dục và Đào tạo",
                },
            ]
        },
    ),
    (
        "pdf/kiengiang_KH-1942-SYT_2017_scan.pdf: 'Hướng dẫn 1236/HD-UBND' and 'Công văn 293/SYT-TCCB' "
        "without 'số';"
        " 'của Sở Y tế' resolved",
        doc("kiengiang_kh1942_2017_scan"),
        {
            "citation_find": [
                {
                    "number_symbol": "1236/HD-UBND",
                    "doc_type": "Hướng dẫn",
                    "date": "2014-11-12",
                    "issuer": "Ủy ban nhân dân tỉnh Kiên Giang",
                },
                {
                    "number_symbol": "293/SYT-TCCB",
                    "doc_type": "Công văn",
                    "date": "2017-02-20",
                    "issuer": "Sở Y tế tỉnh Kiên Giang",
                },
                {"number_symbol": "130/SYT-HĐKHCN", "doc_type": "Công văn", "date": "2012-02-21"},
                {"number_symbol": "3158/QĐ-SYT", "date": "2017-10-05", "issuer": "Sở Y tế tỉnh Kiên Giang"},
            ]
        },
    ),
    (
        "pdf/dongthap_BC-355-HDXTH_2026.pdf: leading zeros '001/2025/TT-BNV'; 'Uỷ ban' / 'nhân dân tỉnh Đồng "
        "Tháp';"
        " a date on the next line",
        doc("dongthap_bc355_2026"),
        {
            "citation_find": [
                {
                    "number_symbol": "001/2025/TT-BNV",
                    "number": 1,
                    "doc_type": "Thông tư",
                    "date": "2025-03-17",
                    "issuer": "Bộ Nội vụ",
                },
                {
                    "number_symbol": "1585/QĐ-UBND",
                    "date": "2025-11-13",
                    "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
                },
                {"number_symbol": "85/2023/NĐ-CP", "date": "2023-12-07", "issuer": "Chính phủ"},
                {"number_symbol": "294/BC-BTĐHS", "doc_type": "Báo cáo", "date": "2026-03-31"},
                {"number_symbol": "459/TB-HĐXTH", "doc_type": "Thông báo", "date": "2025-11-24"},
            ]
        },
    ),
    (
        "pdf/dongthap_KH-362-SGDDT_2026.pdf: issuer before the date with '(GDĐT)' between; 'Công văn số"
        " 1849/BGDĐT\\ufffeGDPT' (U+FFFE for a hyphen)",
        doc("dongthap_kh362_2026"),
        {
            "citation_find": [
                {
                    "number_symbol": "199/KH-BGDĐT",
                    "doc_type": "Kế hoạch",
                    "date": "2026-02-05",
                    "issuer": "Bộ Giáo dục và Đào tạo",
                },
                {
                    "number_symbol": "1849/BGDĐT-GDPT",
                    "doc_type": "Công văn",
                    "date": "2026-04-10",
                    "issuer": "Bộ Giáo dục và Đào tạo",
                    "issuer_raw": "Bộ GDĐT",
                    "mentions": 3,
                },
            ]
        },
    ),
    (
        "pdf/dongthap_KH-58-THPTCL2_2026.pdf: 'Kế hoạch 620/KH-SGDĐT' (no 'số'); 'KH-THPTCLngày' (no space)",
        doc("dongthap_kh58_2026"),
        {
            "citation_find": [
                {"number_symbol": "620/KH-SGDĐT", "doc_type": "Kế hoạch", "date": "2025-12-26"},
                {
                    "number_symbol": "09/KH-THPTCL",
                    "doc_type": "Kế hoạch",
                    "date": "2026-02-02",
                    "issuer_raw": "Trường THPT Cao Lãnh",
                },
            ]
        },
    ),
    (
        "pdf/hcm_QD-2858-QD-UBND_2025.pdf: laws by name and date, one of them an amending law listing eight "
        "laws",
        doc("hcm_qd2858_2025"),
        {
            "citation_find": [
                {
                    "find": "Luật Tổ chức chính quyền địa phương ngày 16",
                    "doc_type": "Luật",
                    "date": "2025-06-16",
                    "title_contains": "Tổ chức chính quyền địa phương",
                },
                {
                    "find": "Luật Ngân sách nhà nước ngày 25",
                    "doc_type": "Luật",
                    "date": "2015-06-25",
                    "title_contains": "Ngân sách nhà nước",
                },
                {
                    "find": "Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán",
                    "doc_type": "Luật",
                    "date": "2024-11-29",
                },
            ]
        },
    ),
    (
        "pdf/hcm_QD-2858-QD-UBND_2025.pdf: 'của Hội đồng nhân dân Thành phố'; 'các Công văn số 10587/… ngày "
        "25' /"
        " 'tháng 10 năm 2025 và số 11453/…'",
        doc("hcm_qd2858_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "98/2023/QH15",
                    "doc_type": "Nghị quyết",
                    "date": "2023-06-24",
                    "issuer": "Quốc hội",
                },
                {
                    "number_symbol": "27/2025/NQ-HĐND",
                    "date": "2025-08-28",
                    "issuer": "Hội đồng nhân dân Thành phố Hồ Chí Minh",
                },
                {"number_symbol": "10587/STC-HCSN", "doc_type": "Công văn", "date": "2025-10-25"},
                {
                    "number_symbol": "11453/STC-HCSN",
                    "doc_type": "Công văn",
                    "date": "2025-10-31",
                    "full": True,
                },
                {
                    "number_symbol": "1425/QĐ-UBND",
                    "date": "2025-09-12",
                    "issuer": "Ủy ban nhân dân Thành phố Hồ Chí Minh",
                },
            ]
        },
    ),
    (
        "pdf/hcm_KH-230-THPTPB_2025.pdf: 'của UBND TP.HCM'; a companion plan cited with U+FFFE inside its "
        "symbol",
        doc("hcm_kh230_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "468/KH-UBND",
                    "date": "2022-12-16",
                    "issuer_raw": "UBND TP.HCM",
                    "issuer": "Ủy ban nhân dân Thành phố Hồ Chí Minh",
                },
                {"number_symbol": "1665/QĐ-TTg", "date": "2017-10-20", "issuer": "Thủ tướng Chính phủ"},
                {
                    "number_symbol": "07/2022/TT-BGDĐT",
                    "date": "2022-05-23",
                    "issuer": "Bộ Giáo dục và Đào tạo",
                },
                {"number_symbol": "229/KH-THPTPB", "date": "2025-11-14", "mentions": 2},
            ]
        },
    ),
    (
        "pdf/botuphap_CV-935-VP-TCKT_2019.pdf: two internal decisions and a decree cited with its subject",
        doc("btp_cv935_2019"),
        {
            "citation_find": [
                {"number_symbol": "109/QĐ-VP", "doc_type": "Quyết định", "date": "2011-03-01"},
                {"number_symbol": "588/QĐ-VP", "doc_type": "Quyết định", "date": "2012-07-12"},
                {
                    "number_symbol": "04/2015/NĐ-CP",
                    "doc_type": "Nghị định",
                    "date": "2015-01-09",
                    "title_contains": "thực hiện dân chủ trong cơ quan hành chính nhà nước",
                },
            ]
        },
    ),
    (
        "pdf/phutho_CV-UBND-KSTTHC_2011_scan.pdf: a letter in the number ('30c/NQ-CP'); 'Văn bản số 6582/…, "
        "ngày …'",
        doc("phutho_cv4532_2011_scan"),
        {
            "citation_find": [
                {
                    "number_symbol": "30c/NQ-CP",
                    "doc_type": "Nghị quyết",
                    "date": "2011-11-08",
                    "issuer": "Chính phủ",
                },
                {"number_symbol": "6582/VPCP-KSTT", "date": "2011-09-21", "issuer": "Văn phòng Chính phủ"},
                {"number_symbol": "20/2008/NĐ-CP", "date": "2008-02-14", "issuer": "Chính phủ"},
            ]
        },
    ),
    (
        "pdf/phutho_CV-275-STTTT-CNTT_2011_scan.pdf: 'Kế hoạch số 25/KH-STTTT, ngày 6 tháng 12 năm 2011 của "
        "sở …'",
        doc("phutho_cv275_2011_scan"),
        {
            "citation_find": [
                {
                    "number_symbol": "25/KH-STTTT",
                    "doc_type": "Kế hoạch",
                    "date": "2011-12-06",
                    "issuer": "Sở Thông tin và Truyền thông tỉnh Phú Thọ",
                }
            ]
        },
    ),
    (
        "pdf/caobang_QD-157-QD-UB_1999_archive_scan.pdf: 'Quyết định số: 350 / UB-QĐ-NĐ ngày 18 tháng 9 năm "
        "1986';"
        " 'Luật đất đai … công bố ngày 24 / 7/ 1993'",
        doc("caobang_qd157_1999_scan_p1"),
        {
            "citation_find": [
                {
                    "number_symbol": "350/UB-QĐ-NĐ",
                    "doc_type": "Quyết định",
                    "date": "1986-09-18",
                    "issuer": "Ủy ban nhân dân tỉnh Cao Bằng",
                },
                {"find": "Luật đất đai", "doc_type": "Luật", "date": "1993-07-24"},
            ]
        },
    ),
    (
        "pdf/quangngai_QD-04-QD-BCD138_2025_scan.pdf: 'của Chủ tịch UBND tỉnh', 'của UBND tỉnh', a tờ trình",
        doc("quangngai_qd04_bcd138_2025_scan_p1"),
        {
            "citation_find": [
                {
                    "number_symbol": "1667/QĐ-UBND",
                    "date": "2023-11-08",
                    "issuer_raw": "Chủ tịch UBND tỉnh",
                    "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi",
                },
                {
                    "number_symbol": "67/KH-UBND",
                    "doc_type": "Kế hoạch",
                    "date": "2021-04-15",
                    "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi",
                },
                {"number_symbol": "2105/UBND-NC", "doc_type": "Công văn", "date": "2022-05-06"},
                {"number_symbol": "7603/TTr-HĐTĐ", "doc_type": "Tờ trình", "date": "2024-12-30"},
            ]
        },
    ),
    (
        "pdf/lamdong_CV-963-SNV-CCHCVTLT_2025.pdf: 'Quyết định số 688/QĐ\\ufffeBCĐ' (U+FFFE); 'của UBND "
        "tỉnh'",
        doc("lamdong_cv963_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "378/QĐ-UBND",
                    "date": "2025-07-11",
                    "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng",
                },
                {"number_symbol": "688/QĐ-BCĐ", "doc_type": "Quyết định", "date": "2025-08-08"},
            ]
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_cai-thien-chi-so-CCHC_draft.docx: 'của Sở Nội vụ' resolved to the "
        "province",
        doc("lamdong_cv_caithien_draft_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "228/BC-SNV",
                    "doc_type": "Báo cáo",
                    "date": "2025-11-28",
                    "issuer": "Sở Nội vụ tỉnh Lâm Đồng",
                },
                {
                    "number_symbol": "1187/QĐ-BNV",
                    "date": "2025-10-15",
                    "issuer_raw": "Bộ trưởng Bộ Nội vụ",
                    "issuer": "Bộ Nội vụ",
                },
                {"number_symbol": "493/TB-UBND", "doc_type": "Thông báo", "date": "2025-11-13"},
                {"number_symbol": "36/KH-STP", "date": "2025-11-05", "issuer": "Sở Tư pháp tỉnh Lâm Đồng"},
            ]
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_cai-nghien-ma-tuy_draft.docx: two decrees cited five times each",
        doc("lamdong_cv_cainghien_draft_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "116/2021/NĐ-CP",
                    "date": "2021-12-21",
                    "issuer": "Chính phủ",
                    "mentions": 5,
                },
                {
                    "number_symbol": "184/2025/NĐ-CP",
                    "date": "2025-07-01",
                    "issuer": "Chính phủ",
                    "mentions": 5,
                },
            ]
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_giao-CAT-HD46_draft.docx: a ministry's guidance with a team code",
        doc("lamdong_cv_hd46_draft_2025"),
        {
            "citation_find": [
                {
                    "number_symbol": "46/HD-BCA-C04",
                    "doc_type": "Hướng dẫn",
                    "date": "2025-12-05",
                    "issuer": "Bộ Công an",
                }
            ]
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-PCI_draft.docx: 'Kế hoạch số 1109/QĐ-UBND' (the type word and "
        "the symbol"
        " disagree; the text's type is kept)",
        doc("lamdong_tb_pci_draft_2026"),
        {
            "citation_find": [
                {
                    "number_symbol": "1109/QĐ-UBND",
                    "doc_type": "Kế hoạch",
                    "date": "2026-03-31",
                    "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng",
                },
                {"number_symbol": "1618/QĐ-UBND", "date": "2025-10-08", "mentions": 2},
            ]
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2026_giao-SKHCN-3653_draft.docx: a công văn of the Government Office",
        doc("lamdong_cv_3653_draft_2026"),
        {
            "citation_find": [
                {
                    "number_symbol": "3653/VPCP-CĐS",
                    "doc_type": "Công văn",
                    "date": "2026-04-24",
                    "issuer": "Văn phòng Chính phủ",
                }
            ]
        },
    ),
    (
        "pdf/quangngai_TB-565-UBND_2024.pdf: 'Công văn số 4643/… ngày 28/8/2024; số 4975/… ; số 5442/… và số"
        " 6138/UBND\\ufffeKGVX …' (short cites in a list)",
        doc("quangngai_tb565_2024"),
        {
            "citation_find": [
                {"number_symbol": "4643/UBND-KGVX", "doc_type": "Công văn", "date": "2024-08-28"},
                {"number_symbol": "4975/UBND-KGVX", "doc_type": "Công văn", "date": "2024-09-17"},
                {"number_symbol": "5442/UBND-KGVX", "doc_type": "Công văn", "date": "2024-10-10"},
                {"number_symbol": "6138/UBND-KGVX", "doc_type": "Công văn", "date": "2024-11-13"},
                {
                    "number_symbol": "186/KH-UBND",
                    "doc_type": "Kế hoạch",
                    "date": "2024-09-17",
                    "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi",
                },
                {"number_symbol": "184/KL-TTr", "doc_type": "Kết luận", "date": "2024-09-06"},
            ]
        },
    ),
    (
        "pdf/ttg_CV-464-TTg-CDS_2026_scan.pdf: 'văn bản số 279/BC-BTP …, … các văn bản số 5166/BTC-PC …, số"
        " 5331/BTC-PC …'; a footnote list",
        doc("ttg_cv464_2026_scan_p1_p3"),
        {
            "citation_find": [
                {"number_symbol": "279/BC-BTP", "date": "2026-04-28"},
                {"number_symbol": "5166/BTC-PC", "date": "2026-04-23"},
                {"number_symbol": "5331/BTC-PC", "date": "2026-04-28"},
                {"number_symbol": "185/TB-VPCP", "doc_type": "Thông báo", "date": "2026-04-14"},
                {"number_symbol": "432/TTg-CĐS", "date": "2026-04-23"},
            ]
        },
    ),
    (
        "pdf/ttg_QD-20-2019-QD-TTg.pdf: laws by name and date; an amending decree cites the decree it amends",
        doc("ttg_qd20_2019_excerpt"),
        {
            "citation_find": [
                {"find": "Luật tổ chức Chính phủ", "doc_type": "Luật", "date": "2015-06-19"},
                {"find": "Luật thanh tra", "doc_type": "Luật", "date": "2010-11-15"},
                {
                    "number_symbol": "26/2014/NĐ-CP",
                    "date": "2014-04-07",
                    "issuer": "Chính phủ",
                    "mentions": 2,
                },
                {"number_symbol": "43/2019/NĐ-CP", "date": "2019-05-17", "issuer": "Chính phủ"},
                {"number_symbol": "35/2014/QĐ-TTg", "date": "2014-06-12", "issuer": "Thủ tướng Chính phủ"},
            ]
        },
    ),
    (
        "doc/binhduong_CT-09-2009-CT-UBND.doc: a joint circular of two ministries",
        doc("binhduong_ct09_2009"),
        {
            "citation_find": [
                {
                    "number_symbol": "05/2008/TTLT-BKHCN-BNV",
                    "doc_type": "Thông tư liên tịch",
                    "date": "2008-06-18",
                    "issuer_raw": "Bộ Khoa học và Công nghệ và Bộ Nội vụ",
                }
            ]
        },
    ),
    (
        "doc/moet_TB-54-TB-BGDDT_2009.doc: a directive cited twice; a joint circular with '/' in its symbol",
        doc("moet_tb54_2009"),
        {
            "citation_find": [
                {
                    "number_symbol": "33/2006/CT-TTg",
                    "doc_type": "Chỉ thị",
                    "date": "2006-09-08",
                    "issuer": "Thủ tướng Chính phủ",
                    "mentions": 2,
                },
                {
                    "number_symbol": "28/2003/TTLT/BTC-BGD&ĐT",
                    "doc_type": "Thông tư liên tịch",
                    "date": "2003-04-04",
                },
            ]
        },
    ),
    (
        "doc/hanoi_QD-15-2010-QD-UBND.doc: 'số 97/2008/NĐ-CP, ngày 28/08/2008' twice; 'công văn số 278/…'",
        doc("hanoi_qd15_2010_decision"),
        {
            "citation_find": [
                {
                    "number_symbol": "97/2008/NĐ-CP",
                    "date": "2008-08-28",
                    "issuer": "Chính phủ",
                    "mentions": 2,
                },
                {
                    "number_symbol": "06/2008/TTLT-BTTTT-BCA",
                    "doc_type": "Thông tư liên tịch",
                    "date": "2008-11-28",
                },
                {"number_symbol": "278/STTTT-BCVT", "doc_type": "Công văn", "date": "2010-03-31"},
                {"find": "Luật Công nghệ thông tin", "doc_type": "Luật", "date": "2006-06-29"},
            ]
        },
    ),
    (
        "doc/cantho_QD-09-2010-QD-UBND.doc: 'Căn cư Quyết định số 10/2007/QĐ_BKHCN' (underscore typo)",
        doc("cantho_qd09_2010"),
        {
            "citation_find": [
                {"find": "10/2007/QĐ", "doc_type": "Quyết định", "date": "2007-05-11"},
                {"number_symbol": "21/2007/QĐ-TTg", "date": "2007-02-08", "issuer": "Thủ tướng Chính phủ"},
            ]
        },
    ),
    (
        "pdf/danang_CV-STTTT-TTBCXB_2018_ocr.pdf: the recalled letter, cited with a clean number in the last "
        "paragraph",
        doc("danang_cv_ocr_2018"),
        {
            "citation_find": [
                {"number_symbol": "228/STTTT-TTBCXB", "doc_type": "Công văn", "date": "2018-02-06"}
            ]
        },
    ),
    # ---- not citations ----
    (
        "pdf/dongthap_QD-337-QD-SGDDT_2026_78pages.pdf: the annex heading repeats the decision's own number",
        doc("dongthap_qd337_2026_pages1-3"),
        {
            "citations_exclude": ["337/QĐ-SGDĐT"],
            "citation_find": [
                {
                    "number_symbol": "13/2024/TT-BGDĐT",
                    "date": "2024-10-30",
                    "issuer_raw": "Bộ trưởng Bộ Giáo dục và Đào tạo",
                }
            ],
        },
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_citations(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])


def test_an_issuer_broken_across_lines_is_one_line() -> None:
    text = (
        "UBND TỈNH LAI CHÂU\nSố: 12/UBND-VX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 1 tháng 2 năm 2021\nV/v họp\n\n"
        "Thực hiện Kế hoạch số 2149/KH-UBND ngày 02/10/2020 "
        "của Ủy ban nhân dân\ntỉnh về việc họp, UBND tỉnh yêu cầu các sở thực hiện.\n"
    )
    (citation,) = record(text)["citations"]
    assert citation["issuer_raw"] == "Ủy ban nhân dân tỉnh"
    assert citation["issuer"] == "Ủy ban nhân dân tỉnh Lai Châu"


# ---- failure classes of robustness.md §6, on invented letters in the exact shape of real ones ----
_HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n-------\nSố: 418/UBND-KGVX\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nBình An, ngày 14 tháng 10 năm 2024\nV/v triển khai Chương trình\n\n"
    "Kính gửi: Các sở, ban, ngành tỉnh.\n\n"
)
_FOOTER = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, KGVX.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Bình\n"


def _letter(body: str) -> str:
    """A công văn of a provincial People's Committee around ``body``."""
    return _HEADER + body + _FOOTER


INVENTED = [
    (
        "two citations in one clause: each keeps its own date and issuer",
        _letter(
            "Căn cứ Nghị quyết số 142/2024/QH15 ngày 29/6/2024 của Quốc hội và Quyết định số 907/QĐ-TTg "
            "ngày 14/8/2024 của Thủ tướng Chính phủ về việc phê duyệt Đề án phát triển du lịch;\n"
        ),
        {
            "citation_find": [
                {"number_symbol": "142/2024/QH15", "date": "2024-06-29", "issuer": "Quốc hội"},
                {
                    "number_symbol": "907/QĐ-TTg",
                    "date": "2024-08-14",
                    "issuer": "Thủ tướng Chính phủ",
                    "title": "phê duyệt Đề án phát triển du lịch",
                },
            ]
        },
    ),
    (
        "issuer before the number: 'Bộ … đã ban hành', 'đề nghị của … tại', 'đề nghị … tại các … và số …'",
        _letter(
            "Bộ Tài chính đã ban hành Quyết định số 905/QĐ-BTC ngày 03/4/2024 về việc công bố thủ tục "
            "hành chính.\nXét đề nghị của Sở Y tế tại Tờ trình số 77/TTr-SYT ngày 15/01/2024;\n"
            "Xét đề nghị Sở Tài chính tại các Công văn số 1201/STC-NS ngày 05 tháng 9 năm 2024 và số "
            "1388/STC-NS ngày 20 tháng 9 năm 2024;\nThực hiện chỉ đạo, UBND tỉnh giao Sở Nội vụ có Kế "
            "hoạch số 61/KH-SNV ngày 2/5/2024 về việc tuyển dụng.\n"
        ),
        {
            "citation_find": [
                {"number_symbol": "905/QĐ-BTC", "issuer_raw": "Bộ Tài chính", "issuer": "Bộ Tài chính"},
                {"number_symbol": "77/TTr-SYT", "issuer_raw": "Sở Y tế", "issuer": "Sở Y tế tỉnh Bình An"},
                {"number_symbol": "1201/STC-NS", "issuer": "Sở Tài chính tỉnh Bình An"},
                {"number_symbol": "1388/STC-NS", "date": "2024-09-20", "issuer": "Sở Tài chính tỉnh Bình An"},
                {"number_symbol": "61/KH-SNV", "issuer_raw": "Sở Nội vụ"},  # not "UBND tỉnh giao Sở Nội vụ"
            ]
        },
    ),
    (
        "issuer before: '<what> tại Quyết định số …', the head of a body, a body after a comma",
        _letter(
            "Văn phòng Sở đã ban hành Quy chế chi tiêu nội bộ tại Quyết định số 45/QĐ-VP ngày 02/3/2020, "
            "nay cần sửa đổi cho phù hợp.\nTheo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số "
            "139/TTr-STP ngày 4/11/2025.\nVề mã ngành sản phẩm của Công ty TNHH An Phát, Cục Thống kê đã "
            "có công văn số 2273/CTK-CSCL ngày 15/10/2025 phúc đáp.\n"
        ),
        {
            "citation_find": [
                {"number_symbol": "45/QĐ-VP", "issuer_raw": "Văn phòng Sở"},
                {"number_symbol": "139/TTr-STP", "issuer": "Sở Tư pháp tỉnh Bình An"},
                {"number_symbol": "2273/CTK-CSCL", "issuer_raw": "Cục Thống kê"},
            ]
        },
    ),
    (
        "central bodies never take the writer's province; local ones and a bare 'tỉnh' do",
        _letter(
            "Thực hiện Công văn số 2187/UBDT-CSDT ngày 10/10/2024 của Ủy ban Dân tộc; Kết luận số "
            "95/KL-TTr ngày 06/9/2024 của Thanh tra Bộ Lao động - Thương binh và Xã hội; Công văn số "
            "881/TANDTC-PC ngày 01/8/2024 của Tòa án nhân dân tối cao; Công văn số 3310/CT-TTHT ngày "
            "9/9/2024 của Cục Thuế tỉnh; Công văn số 640/SXD-QLN ngày 11/9/2024 của Sở Xây dựng;\n"
        ),
        {
            "citation_find": [
                {"number_symbol": "2187/UBDT-CSDT", "issuer": "Ủy ban Dân tộc"},
                {
                    "number_symbol": "95/KL-TTr",
                    "issuer": "Thanh tra Bộ Lao động - Thương binh và Xã hội",
                },
                {"number_symbol": "881/TANDTC-PC", "issuer": "Tòa án nhân dân tối cao"},
                {"number_symbol": "3310/CT-TTHT", "issuer": "Cục Thuế tỉnh Bình An"},
                {"number_symbol": "640/SXD-QLN", "issuer": "Sở Xây dựng tỉnh Bình An"},
            ]
        },
    ),
    (
        "a title runs over its commas to the end of its clause",
        _letter(
            "Thực hiện Công văn số 2187/UBDT-CSDT ngày 10/10/2024 của Ủy ban Dân tộc về việc hướng dẫn công "
            "tác theo dõi, kiểm tra, đánh giá, giám sát thực hiện Chương trình mục tiêu quốc gia, UBND "
            "tỉnh đề nghị các sở thực hiện.\nCăn cứ Kế hoạch số 33/KH-UBND ngày 1/2/2024 của UBND tỉnh "
            "về phòng, chống thiên tai năm 2024, đồng thời yêu cầu các huyện báo cáo.\n"
        ),
        {
            "citation_find": [
                {
                    "number_symbol": "2187/UBDT-CSDT",
                    "title": "hướng dẫn công tác theo dõi, kiểm tra, đánh giá, giám sát thực hiện Chương "
                    "trình mục tiêu quốc gia",
                },
                {"number_symbol": "33/KH-UBND", "title": "phòng, chống thiên tai năm 2024"},
            ]
        },
    ),
    (
        "words run together by a converter",
        _letter("CăncứThôngtưsố02/2020/TT-BNVngày19tháng3năm2020của BộNội vụ quy định chế độ báo cáo;\n"),
        {
            "citation_find": [
                {
                    "number_symbol": "02/2020/TT-BNV",
                    "doc_type": "Thông tư",
                    "date": "2020-03-19",
                    "issuer": "Bộ Nội vụ",
                }
            ]
        },
    ),
    (
        "OCR damage: a doubled or spaced dash, a broken symbol, a damaged type code, a symbol with Ư",
        _letter(
            "Căn cứ Quyết định số 58/2011/QĐ- -TTg ngày 22/9/2011 của Thủ tướng Chính phủ; Quyết định số "
            "17/2015/QĐ- TTg ngày 9/6/2015 của Thủ tướng Chính phủ; Công văn số 512/S T-VHTT (gửi kèm); "
            "Thông tư số 21/2025/TT-BQP ngày 10 tháng 3 năm 2025 của Bộ trưởng Bộ Quốc phòng, được sửa "
            "đổi tại Điều 2 Thông tư số 21/2025/T-BQP và Điều 3 Thông tư số 21/2025/TF-BQP; Công văn số "
            "2210/BTTTT-ƯDCNTT ngày 17/7/2012 của Bộ Thông tin và Truyền thông;\n"
        ),
        {
            "citation_find": [
                {"number_symbol": "58/2011/QĐ-TTg", "date": "2011-09-22"},
                {"number_symbol": "17/2015/QĐ-TTg", "date": "2015-06-09"},
                {"number_symbol": "21/2025/TT-BQP", "mentions": 3, "issuer": "Bộ Quốc phòng"},
                {"number_symbol": "2210/BTTTT-ƯDCNTT", "issuer": "Bộ Thông tin và Truyền thông"},
            ],
            "citations_exclude": ["58/2011/QĐ", "512/S", "21/2025/T-BQP", "21/2025/TF-BQP"],
        },
    ),
    (
        "one number written two ways is one citation, under the spelling with a known type code",
        _letter(
            "Căn cứ Thông tư số 26/2024/TTBYT ngày 30 tháng 6 năm 2024 của Bộ trưởng Bộ Y tế; theo Thông "
            "tư số 26/2024/TT-BYT các cơ sở phải kê đơn điện tử.\n"
        ),
        {
            "citation_find": [{"number_symbol": "26/2024/TT-BYT", "date": "2024-06-30", "mentions": 2}],
            "citations_exclude": ["26/2024/TTBYT"],
        },
    ),
    (
        "not citations: an article, a phone number, dates, 'Luật này …', 'Luật sư …'",
        _letter(
            "Theo Điều 5 ngày 12/3/2024, gọi số 0912/345678 hoặc 0255/3822; hạn 228/s. Luật này có hiệu "
            "lực thi hành từ ngày 01 tháng 7 năm 2026. Luật sư Nguyễn Văn An ngày 3 tháng 4 năm 2024 có "
            "đơn.\n"
        ),
        {"citations": []},
    ),
    (
        "lists: a form's code is no citation; a list shares its issuer, and its date only with a number "
        "of the same year",
        _letter(
            "Lập hồ sơ theo Mẫu số 02/QĐ-QLDA ban hành kèm theo Thông tư số 70/2024/TT-BTC ngày 01 tháng "
            "10 năm 2024 của Bộ Tài chính; theo Nghị định số 06/2019/NĐ-CP của Chính phủ, Thông tư số "
            "10/2019/TT-BNG và Thông tư số 03/2025/TT-BNG của Bộ trưởng Bộ Ngoại giao; các Quyết định số "
            "1743/QĐ-BGTVT, 1744/QĐ-BGTVT ngày 31/12/2024 của Bộ trưởng Bộ Giao thông vận tải; các Nghị "
            "quyết số 27/2023/QH15, số 43/2024/QH15 ngày 29 tháng 6 năm 2024 của Quốc hội.\n"
        ),
        {
            "citation_find": [
                {"number_symbol": "70/2024/TT-BTC", "issuer": "Bộ Tài chính"},
                {"number_symbol": "10/2019/TT-BNG", "date": None, "issuer": "Bộ Ngoại giao"},
                {"number_symbol": "1743/QĐ-BGTVT", "date": "2024-12-31", "issuer": "Bộ Giao thông vận tải"},
                {"number_symbol": "27/2023/QH15", "date": None, "issuer": "Quốc hội"},
                {"number_symbol": "43/2024/QH15", "date": "2024-06-29", "issuer": "Quốc hội"},
            ],
            "citations_exclude": ["02/QĐ-QLDA"],
        },
    ),
    (
        "two editions of one code are two citations",
        _letter(
            "Các điều 219, 223 Bộ luật Dân sự năm 2005 (tương ứng với các điều 213, 218 Bộ luật Dân sự năm "
            "2015);\n"
        ),
        {
            "citation_find": [
                {"find": "Bộ luật Dân sự năm 2005", "date": "2005"},
                {"find": "Bộ luật Dân sự năm 2015", "date": "2015"},
            ]
        },
    ),
]

_PRECEDENT = (
    "Án lệ số 47/2021/AL về công nhận hợp đồng chuyển nhượng quyền sử dụng đất\n"
    "Được Hội đồng Thẩm phán Tòa án nhân dân tối cao thông qua ngày 25 tháng 11 năm 2021.\n"
    "Nguồn án lệ:\n"
    "Quyết định giám đốc thẩm số 33/2020/DS-GĐT ngày 9-9-2020 của Hội đồng Thẩm phán Tòa án nhân dân "
    "tối cao về vụ án dân sự “Tranh chấp hợp đồng” tại tỉnh Đồng Nai.\n"
    "- Bản án dân sự sơ thẩm số 05/2017/DSST ngày 21, 22-3-2017 của Tòa án nhân dân huyện Tân Phú, tỉnh "
    "Đồng Nai;\n"
    "- Tòa án nhân dân tỉnh Đồng Nai có Quyết định số 12/2018/QĐPT-DS ngày 4-5-2018 đình chỉ xét xử;\n"
    "- Tại Kháng nghị số 18/2020/KN-DS ngày 2-4-2020, Chánh án Tòa án nhân dân tối cao đề nghị hủy Bản "
    "án dân sự sơ thẩm số 05/2017/DS-ST ngày 22-3-2017 của Tòa án nhân dân huyện Tân Phú.\n"
)

NOT_ADMINISTRATIVE = [
    (
        "a court precedent: court types and numbers, issuers after 'của', before the type and after "
        "'Tại …,'; its own number in the first line is not a citation",
        _PRECEDENT,
        {
            "is_administrative": False,
            "citation_find": [
                {
                    "number_symbol": "33/2020/DS-GĐT",
                    "doc_type": "Quyết định",
                    "date": "2020-09-09",
                    "issuer": "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
                },
                {
                    "number_symbol": "05/2017/DSST",
                    "doc_type": "Bản án",
                    "date": "2017-03-21",
                    "issuer_raw": "Tòa án nhân dân huyện Tân Phú, tỉnh Đồng Nai",
                    "mentions": 2,
                },
                {
                    "number_symbol": "12/2018/QĐPT-DS",
                    "doc_type": "Quyết định",
                    "issuer_raw": "Tòa án nhân dân tỉnh Đồng Nai",
                },
                {
                    "number_symbol": "18/2020/KN-DS",
                    "doc_type": "Kháng nghị",
                    "issuer_raw": "Chánh án Tòa án nhân dân tối cao",
                    "issuer": "Tòa án nhân dân tối cao",
                },
            ],
            "citations_exclude": ["47/2021/AL", "05/2017/DS-ST"],
        },
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), INVENTED + NOT_ADMINISTRATIVE)
def test_citation_classes(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])


def _context(text: str) -> Context:
    nt = normalize(layout_from_text(text, "<text>"))
    return Context(nt, find_zones(nt))


def test_citations_without_header_or_issuer() -> None:
    """An OCR dump with no header: the extractor reads it with no own number and no issuer, and leaves a
    local body named without its place as written (there is no province to give it)."""
    text = (
        "trang 3\nthuc hien Ke hoach so 15/KH-UBND ngày 02/3/2023 của UBND tỉnh về việc chuyển đổi số; "
        "Công văn số 2187/UBDT-CSDT ngày 10/10/2024 của Ủy ban Dân tộc về việc hướng dẫn.\n"
    )
    citations = extract_citations(_context(text), None, None)
    by_number = {c.number_symbol: c for c in citations}
    assert by_number["15/KH-UBND"].issuer == "Ủy ban nhân dân tỉnh"
    assert by_number["15/KH-UBND"].date == "2023-03-02"
    assert by_number["2187/UBDT-CSDT"].issuer == "Ủy ban Dân tộc"
    assert extract_citations(_context(""), None, None) == []


def test_citations_of_a_letter_whose_zones_hold_no_body() -> None:
    """A draft that starts at 'Kính gửi' and ends without a signature: the header scan finds no body,
    and the text after the addressees is read for citations."""
    text = (
        "Kính gửi: - Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;\n"
        "- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
        "Ngày 12/5/2011 Bộ Thông tin và Truyền thông đã công bố Hướng dẫn lập dự toán phần mềm.\n"
        "Bộ Thông tin và Truyền thông sửa đổi một số điểm tại công văn số 1421/BTTTT-ƯDCNTT ngày 12/5/2011 "
        "của Bộ Thông tin và Truyền thông về việc hướng dẫn lập dự toán:\n"
        "1) Bổ sung vào sau mục 2 phần I như sau:\n"
    )
    rec = record(text)
    assert not rec["is_administrative"]
    assert [(c["number_symbol"], c["date"], c["issuer"]) for c in rec["citations"]] == [
        ("1421/BTTTT-ƯDCNTT", "2011-05-12", "Bộ Thông tin và Truyền thông")
    ]


def test_a_long_run_on_line_stays_fast() -> None:
    """A 100 KB line without line breaks (a crawler's flattened page) is read in linear time."""
    unit = (
        "Căn cứ Quyết định số 812/QĐ-TTg ngày 20/11/2023 của Thủ tướng Chính phủ về việc phê duyệt đề án và "
        "Công văn số 12/UBND-VX của Ủy ban nhân dân tỉnh tại Tờ trình số 3/TTr-SYT Bộ Tài chính đã ban hành "
    )
    text = _HEADER + (unit * (100_000 // len(unit) + 1))[:100_000]
    started = time.perf_counter()
    record(text)
    assert time.perf_counter() - started < 8


def test_a_text_with_a_letter_lowered_apart_reads_the_same_citations() -> None:
    """'İ' (which lowers to two letters) or 'ı' (which re.IGNORECASE reads as 'i') anywhere in a text:
    its parts are then lowered one by one, and the citations are those of the text without it."""
    text = (
        "Thực hiện Công văn số 29/CV-BCĐQG ngày 13/5/2021 của Ban Chỉ đạo Quốc gia về việc phòng, chống "
        "dịch và Quyết định số 15/QĐ-UBND của UBND tỉnh; khoản 2 Điều 6 Thông tư số 05/2020/TT-BYT. Mẫu {}.\n"
    )

    def read(text: str) -> list[tuple[str | None, ...]]:
        return [
            (c.number_symbol, c.doc_type, c.date, c.issuer_raw, c.title)
            for c in extract_citations(_context(text), None, None)
        ]

    expected = read(text.format("I"))
    assert [c[0] for c in expected] == ["29/CV-BCĐQG", "15/QĐ-UBND", "05/2020/TT-BYT"]
    for letter in ("İ", "ı"):
        assert read(text.format(letter)) == expected


def test_no_white_space_after_the_last_one_the_type_search_strips() -> None:
    """_type_before strips what a regex's \\s takes: what str.isspace takes, none after U+3000."""
    from vbdieuhanh.extract.citations import _LAST_SPACE

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = [c for c in every if c.isspace()]
    assert re.findall(r"\s", every) == spaces
    assert ord(spaces[-1]) == _LAST_SPACE
