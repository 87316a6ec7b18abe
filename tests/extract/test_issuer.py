"""Cơ quan ban hành: the issuing body and its parent, over one to four header lines.

Conventions: the name is in Vietnamese sentence case with abbreviations expanded ("UBND TỈNH KIÊN
GIANG" → "Ủy ban nhân dân tỉnh Kiên Giang"); a generic body under a local parent takes the parent's
place ("SỞ NỘI VỤ" under "UBND TỈNH LÂM ĐỒNG" → "Sở Nội vụ tỉnh Lâm Đồng"), a body with its own
proper name does not (a school); ``province`` is the short name ("Kiên Giang"). For
"Thành phố Hồ Chí Minh" the category word is capitalised (Decree 30/2020/NĐ-CP, Phụ lục II: a unit
named after a person is written "Thành phố Hồ Chí Minh"), so its bodies are "… Thành phố Hồ Chí Minh".
Where the casing of a proper name is a matter of house style, the case compares without case.
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, doc, record

CASES = [
    (
        "pdf/kiengiang_KH-1942-SYT_2017_scan.pdf (Tesseract): 'SỞ Y TẾ' read as 'SƠ Y TE' under its parent",
        "UBND TỈNH KIÊN GIANG\nSƠ Y TE\nSố:{34.2 /KH-SYT\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nKiên Giang, ngày {Ô- tháng 10 năm 2017\n\nKẾ HOẠCH\n"
        "Tổ chức xét công nhận Sáng kiến cấp cơ sở năm 2017\n\nCăn cứ Hướng dẫn 1236/HD-UBND ngày "
        "12/11/2014 của Ủy ban nhân dân tỉnh Kiên Giang.\n",
        {
            "issuer": {
                "name": "Sở Y tế tỉnh Kiên Giang",
                "parent": {"name": "Ủy ban nhân dân tỉnh Kiên Giang"},
            }
        },
    ),
    # ---- provinces and their departments ----
    (
        "pdf/kiengiang_GM-745-UBND_2017_hoatoc_scan.pdf: 'ỦY BAN NHÂN DÂN / TỈNH KIÊN GIANG'",
        doc("kiengiang_gm745_2017_scan"),
        {
            "issuer": {
                "name": "Ủy ban nhân dân tỉnh Kiên Giang",
                "province": "Kiên Giang",
                "level": "province",
                "parent": None,
            }
        },
    ),
    (
        "pdf/kiengiang_KH-1942-SYT_2017_scan.pdf: 'UBND TỈNH KIÊN GIANG / SỞ Y TẾ'",
        doc("kiengiang_kh1942_2017_scan"),
        {
            "issuer": {
                "name": "Sở Y tế tỉnh Kiên Giang",
                "parent": {"name": "Ủy ban nhân dân tỉnh Kiên Giang"},
                "province": "Kiên Giang",
            }
        },
    ),
    (
        "pdf/lamdong_CV-963-SNV-CCHCVTLT_2025.pdf: 'UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ'",
        doc("lamdong_cv963_2025"),
        {
            "issuer": {
                "name": "Sở Nội vụ tỉnh Lâm Đồng",
                "parent": {"name": "Ủy ban nhân dân tỉnh Lâm Đồng"},
                "province": "Lâm Đồng",
            }
        },
    ),
    (
        "pdf/phutho_CV-275-STTTT-CNTT_2011_scan.pdf: 'UBND TỈNH PHÚ THỌ / SỞ THÔNG TIN VÀ TRUYỀN THÔNG'",
        doc("phutho_cv275_2011_scan"),
        {
            "issuer": {
                "name": "Sở Thông tin và Truyền thông tỉnh Phú Thọ",
                "parent": {"name": "Ủy ban nhân dân tỉnh Phú Thọ"},
                "province": "Phú Thọ",
            }
        },
    ),
    (
        "pdf/quangngai_QD-04-QD-BCD138_2025_scan.pdf: 'UBND TỈNH QUẢNG NGÃI / BAN CHỈ ĐẠO 138'",
        doc("quangngai_qd04_bcd138_2025_scan_p1"),
        {
            "issuer": {
                "name": "Ban Chỉ đạo 138 tỉnh Quảng Ngãi",
                "parent": {"name": "Ủy ban nhân dân tỉnh Quảng Ngãi"},
                "province": "Quảng Ngãi",
            }
        },
    ),
    (
        "pdf/lamdong_CV-1413-CAT-PC04_2026_scan.pdf: 'BỘ CÔNG AN / CÔNG AN TỈNH LÂM ĐỒNG'",
        doc("lamdong_cv1413_2026_scan"),
        {
            "issuer": {
                "name": "Công an tỉnh Lâm Đồng",
                "parent": {"name": "Bộ Công an"},
                "province": "Lâm Đồng",
            }
        },
    ),
    (
        "doc/binhduong_CT-09-2009-CT-UBND.doc: issuer and motto side by side on tab-separated lines",
        doc("binhduong_ct09_2009"),
        {"issuer": {"name": "Ủy ban nhân dân tỉnh Bình Dương", "province": "Bình Dương"}},
    ),
    (
        "doc/cantho_QD-09-2010-QD-UBND.doc: 'ỦY BAN NHÂN DÂN / THÀNH PHỐ CẦN THƠ' with padding spaces",
        doc("cantho_qd09_2010"),
        {"issuer": {"name": "Ủy ban nhân dân thành phố Cần Thơ", "province": "Cần Thơ"}},
    ),
    (
        "doc/hanoi_QD-15-2010-QD-UBND.doc: 'ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI / ______'",
        doc("hanoi_qd15_2010_decision"),
        {"issuer": {"name": "Ủy ban nhân dân thành phố Hà Nội", "province": "Hà Nội"}},
    ),
    (
        "pdf/caobang_QD-157-QD-UB_1999_archive_scan.pdf: 'UỶ BAN NHÂN DÂN' (old tone mark), '-----*-----'",
        doc("caobang_qd157_1999_scan_p1"),
        {"issuer": {"name": "Ủy ban nhân dân tỉnh Cao Bằng", "province": "Cao Bằng"}},
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_cai-thien-chi-so-CCHC_draft.docx: 'ỦY BAN' in decomposed Unicode",
        doc("lamdong_cv_caithien_draft_2025"),
        {"issuer": {"name": "Ủy ban nhân dân tỉnh Lâm Đồng", "province": "Lâm Đồng"}},
    ),
    (
        "docx/dongthap_KH-362-SGDDT_2026_draft.docx: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO' in decomposed Unicode",
        doc("dongthap_kh362_draft_2026"),
        {
            "issuer": {
                "name": "Sở Giáo dục và Đào tạo tỉnh Đồng Tháp",
                "parent": {"name": "Ủy ban nhân dân tỉnh Đồng Tháp"},
                "province": "Đồng Tháp",
            }
        },
    ),
    (
        "pdf/dongthap_BC-355-HDXTH_2026.pdf: a council under a Sở, each over two lines (four header lines)",
        doc("dongthap_bc355_2026"),
        {
            "issuer_name_ci": "Hội đồng xét thăng hạng CDNN viên chức năm 2025",
            "issuer": {"parent": {"name": "Sở Giáo dục và Đào tạo tỉnh Đồng Tháp"}, "province": "Đồng Tháp"},
        },
    ),
    (
        "pdf/danang_CV-STTTT-TTBCXB_2018_ocr.pdf: OCR interleaves the motto ('UBND THÀNH PHÓ ĐÀ NẴNG. CỘNG "
        "HÒA…')",
        doc("danang_cv_ocr_2018"),
        {"issuer": {"province": "Đà Nẵng"}},
    ),
    # ---- Thành phố Hồ Chí Minh (three-line headers) ----
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf: 'ỦY BAN NHÂN DÂN / THÀNH PHỐ HỒ CHÍ MINH / SỞ GIÁO DỤC VÀ ĐÀO "
        "TẠO'",
        doc("hcm_cv4728_2025"),
        {
            "issuer": {
                "name": "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
                "parent": {"name": "Ủy ban nhân dân Thành phố Hồ Chí Minh"},
                "province": "Hồ Chí Minh",
            }
        },
    ),
    (
        "pdf/hcm_KH-230-THPTPB_2025.pdf: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO / THÀNH PHỐ HỒ CHÍ MINH / TRƯỜNG THPT PHƯỚC "
        "BỬU'",
        doc("hcm_kh230_2025"),
        {
            "issuer": {
                "name": "Trường Trung học phổ thông Phước Bửu",
                "parent": {"name": "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh"},
                "province": "Hồ Chí Minh",
            }
        },
    ),
    (
        "pdf/hcm_QD-2858-QD-UBND_2025.pdf: issuer and motto interleaved on the same two lines",
        doc("hcm_qd2858_2025"),
        {
            "issuer": {
                "name": "Ủy ban nhân dân Thành phố Hồ Chí Minh",
                "province": "Hồ Chí Minh",
                "level": "province",
            }
        },
    ),
    # ---- schools and universities ----
    (
        "pdf/dongthap_KH-58-THPTCL2_2026.pdf: 'SỞ GDĐT TỈNH ĐỒNG THÁP / TRƯỜNG THPT CAO LÃNH 2'",
        doc("dongthap_kh58_2026"),
        {
            # a school has its own proper name: no province is appended
            "issuer": {
                "name": "Trường Trung học phổ thông Cao Lãnh 2",
                "parent": {"name": "Sở Giáo dục và Đào tạo tỉnh Đồng Tháp"},
                "province": "Đồng Tháp",
            }
        },
    ),
    (
        "pdf/uit_TB-01-TB-BGH_2013_scan.pdf: 'ĐẠI HỌC QUỐC GIA TP.HCM / TRƯỜNG ĐẠI HỌC / CÔNG NGHỆ THÔNG "
        "TIN'",
        doc("uit_tb01_2013_scan_p1"),
        {
            "issuer_name_ci": "Trường Đại học Công nghệ Thông tin",
            "issuer_parent_name_ci": "Đại học Quốc gia Thành phố Hồ Chí Minh",
        },
    ),
    (
        "doc/uit_TB-03-TB-DTDH_2014.doc: 'TRƯỜNG ĐH CÔNG NGHỆ THÔNG TIN / PHÒNG ĐÀO TẠO ĐẠI HỌC'",
        doc("uit_tb03_2014"),
        {
            "issuer_name_ci": "Phòng Đào tạo Đại học",
            "issuer_parent_name_ci": "Trường Đại học Công nghệ Thông tin",
        },
    ),
    (
        "doc/hyaptech_TTr-ACCP_2009.doc: 'KHOA CÔNG NGHỆ THÔNG TIN / TRUNG TÂM HƯNG YÊN - APTECH'",
        doc("hyaptech_ttr_2009"),
        {
            "issuer_name_ci": "Trung tâm Hưng Yên - Aptech",
            "issuer_parent_name_ci": "Khoa Công nghệ thông tin",
        },
    ),
    (
        "pdf/dalat-univ_QD-2015-DHDL_hocphi_ocr.pdf: OCR splits 'TRƯỜNG / ĐẠI HỌC ĐÀ LẠT' around the motto",
        doc("dalat_qd_ocr_2015"),
        {
            "issuer_name_ci": "Trường Đại học Đà Lạt",
            "issuer_parent_name_ci": "Bộ Giáo dục và Đào tạo",
        },
    ),
    # ---- central bodies ----
    (
        "pdf/botuphap_CV-935-VP-TCKT_2019.pdf: 'BỘ TƯ PHÁP / VĂN PHÒNG'",
        doc("btp_cv935_2019"),
        {
            # "Văn phòng" alone names nothing: the office of the ministry is "Văn phòng Bộ Tư pháp"
            "issuer": {
                "name": "Văn phòng Bộ Tư pháp",
                "parent": {"name": "Bộ Tư pháp"},
                "level": "central",
                "province": None,
            }
        },
    ),
    (
        "pdf/cucthue_CV-2191-CT-CS_2026_scan.pdf: 'BỘ TÀI CHÍNH / CỤC THUẾ'",
        doc("cucthue_cv2191_2026_scan_p1"),
        {"issuer": {"name": "Cục Thuế", "parent": {"name": "Bộ Tài chính"}, "level": "central"}},
    ),
    (
        "pdf/vktqg_CV-185-VKTQG-QLKH_2026.pdf: 'BỘ XÂY DỰNG / VIỆN KIẾN TRÚC QUỐC GIA'",
        doc("vktqg_cv185_2026"),
        {
            "issuer_name_ci": "Viện Kiến trúc quốc gia",
            "issuer": {"parent": {"name": "Bộ Xây dựng"}, "level": "central"},
        },
    ),
    (
        "doc/cdgdvn_CV-172-CDN-TGNC.doc: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM / CÔNG ĐOÀN GIÁO DỤC VIỆT NAM'",
        doc("cdgdvn_cv172_2013"),
        {
            "issuer": {
                "name": "Công đoàn Giáo dục Việt Nam",
                "parent": {"name": "Tổng Liên đoàn Lao động Việt Nam"},
            }
        },
    ),
    (
        "pdf/ttg_CV-464-TTg-CDS_2026_scan.pdf: 'THỦ TƯỚNG CHÍNH PHỦ'",
        doc("ttg_cv464_2026_scan_p1_p3"),
        {"issuer": {"name": "Thủ tướng Chính phủ", "level": "central", "province": None}},
    ),
    (
        "text/byt_QD-3467-QD-BYT_2024_vlm-ocr.txt: the issuer comes after the motto",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nBỘ Y TẾ\nSố:3467/QĐ-BYT\n"
        "Hà Nội, ngày 15 tháng 11 năm 2024\n\nQUYẾT ĐỊNH\nGiá dịch vụ khám bệnh, chữa bệnh áp dụng tại\n"
        "Bệnh viện Nhi Trung ương\n\nBỘ TRƯỞNG BỘ Y TẾ\n",
        {"issuer": {"name": "Bộ Y tế", "level": "central"}},
    ),
    (
        "vbpl crawl doc_000234 (2024): 'BỘ TÀI NGUYÊN' / 'VÀ MÔI TRƯỜNG' on two lines",
        "BỘ TÀI NGUYÊN\n\nVÀ MÔI TRƯỜNG\n\nSố: 51/2024/TT-BTNMT\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 32 tháng 12 năm 2024\n\nTHÔNG TƯ\n",
        {"issuer": {"name": "Bộ Tài nguyên và Môi trường", "level": "central"}},
    ),
    (
        "vbpl crawl doc_000246 (2025): 'BỘ NÔNG NGHIỆP VÀ' / 'MÔI TRƯỜNG' then a rule line",
        "BỘ NÔNG NGHIỆP VÀ\n\nMÔI TRƯỜNG\n\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\n---------------\n\nSố: 94/2025/TT-BNNMT\n\n"
        "Hà Nội, ngày 31 tháng 12 năm 2025\n\nTHÔNG TƯ\n\nHướng dẫn chi tiết một số điều của Luật Chăn "
        "nuôi\n",
        {"issuer": {"name": "Bộ Nông nghiệp và Môi trường", "level": "central"}},
    ),
    (
        "vbpl crawl doc_000259 (2025): 'BỘ VĂN HÓA, THỂ THAO' / 'VÀ DU LỊCH'",
        "BỘ VĂN HÓA, THỂ THAO\n\nVÀ DU LỊCH\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\n---------------\n\nSố: 24/2025/TT-BVHTTDL\n\n"
        "Hà Nội, ngày 30 tháng 12 năm 2025\n\nTHÔNG TƯ\n\n"
        "QUY ĐỊNH VỀ HỆ THỐNG TRUYỀN THÔNG CƠ SỞ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN - VIỄN THÔNG\n",
        {"issuer": {"name": "Bộ Văn hóa, Thể thao và Du lịch", "level": "central"}},
    ),
    (
        "vbpl crawl doc_000087 (2025): 'NGÂN HÀNG NHÀ NƯỚC' / 'VIỆT NAM', number before the motto",
        "NGÂN HÀNG NHÀ NƯỚC\n\nVIỆT NAM\n\n_________\n\nSố: 62/2025/TT-NHNN\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n________________________\n\n"
        "Hà Nội, ngày 31 tháng 12 năm 2025\n\nTHÔNG TƯ\n\n"
        "Quy định về hệ thống kiểm soát nội bộ của tổ chức tín dụng là hợp tác xã,\n\ntổ chức tài chính vi "
        "mô\n",
        {"issuer": {"name": "Ngân hàng Nhà nước Việt Nam", "level": "central"}},
    ),
    (
        "vbpl crawl doc_000085 (2025): 'ỦY BAN THƯỜNG VỤ' / 'QUỐC HỘI'",
        "ỦY BAN THƯỜNG VỤ\n\nQUỐC HỘI\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "Độc lập - Tự do - Hạnh phúc\n\n---------------\n\nNghị quyết số: 104/2025/UBTVQH15\n\n"
        "Hà Nội, ngày 26 tháng 9 năm 2025\n\nNGHỊ QUYẾT\n\n"
        "BAN HÀNH QUY CHẾ LÀM VIỆC MẪU CỦA HỘI ĐỒNG NHÂN XÃ, PHƯỜNG, ĐẶC KHU\n",
        {"issuer": {"name": "Ủy ban Thường vụ Quốc hội", "level": "central"}},
    ),
    (
        "vbpl crawl doc_000064 (2025): 'UỶ BAN THƯỜNG VỤ QUỐC HỘI' with the old tone mark",
        "UỶ BAN THƯỜNG VỤ QUỐC HỘI\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Nghị quyết số: 114/2025/UBTVQH15\n\nNGHỊ QUYẾT\n\n"
        "Quy định chi tiết và hướng dẫn thi hành Luật Hoạt động giám sát của Quốc hội\n",
        {"issuer": {"name": "Ủy ban Thường vụ Quốc hội"}},
    ),
    (
        "vbpl crawl doc_000133 (2025): 'THANH TRA CHÍNH PHỦ', motto misspelt 'CHỦ NCHĨA'",
        "THANH TRA CHÍNH PHỦ\n\nCỘNG HOÀ XÃ HỘI CHỦ NCHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 07/2025/TT-TTCP\n\nHà Nội, ngày 29 tháng 12 năm 2025\n\nTHÔNG TƯ\n\n"
        "Quy định về mẫu Thẻ thanh tra\n\nvà việc cấp, quản lý, sử dụng Thẻ thanh tra\n",
        {"issuer": {"name": "Thanh tra Chính phủ", "level": "central"}},
    ),
    (
        "vbpl crawl doc_000707 (2024): 'CHỦ TỊCH NƯỚC'",
        "CHỦ TỊCH NƯỚC\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "---------------\n\nSố: 758/2024/QĐ-CTN\n\nHà Nội, ngày 30 tháng 7 năm 2024\n\nQUYẾT ĐỊNH\n\n"
        "VỀ ĐẶC XÁ NĂM 2024\n",
        {"issuer": {"name": "Chủ tịch nước", "level": "central"}},
    ),
    (
        "vbpl crawl doc_000002 (2025): 'QUỐC HỘI'",
        "QUỐC HỘI\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Luật số: 121/2025/QH15\n\nHà Nội, ngày 10 tháng 12 năm 2025\n\nLUẬT\n\n"
        "HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN\n",
        {"issuer": {"name": "Quốc hội", "level": "central"}},
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_issuer(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])
