"""Kính gửi, Nơi nhận, Lưu: addressees and recipients as written (trailing ";" "." removed, wrapped
lines joined), "Như trên" kept as an entry and resolved to the addressees, purposes from "(b/c)",
"(để thực hiện)"…, and the "Lưu:" entries.
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, doc, record

HCM_4728_ADDRESSEES = [
    "Ủy ban nhân dân phường/xã/đặc khu",
    "Hiệu trưởng các trường phổ thông, trường phổ thông có nhiều cấp học",
    "Giám đốc các trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên, trung tâm giáo dục thường xuyên",
    "Hiệu trưởng các trường chuyên biệt",
    "Thủ trưởng các đơn vị trực thuộc Sở",
]

VBPL_24_END = (
    "BỘ CÔNG AN\n\nSố: 79/2025/TT-BCA\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh "
    "phúc\n\n"
    "Hà Nội, ngày 29 tháng 8 năm 2025\n\nTHÔNG TƯ\n\nQuy định quản lý, sử dụng nhà nghỉ dưỡng trong Công an "
    "nhân dân\n\n___________\n\n"
    "Trong quá trình thực hiện Thông tư, nếu có khó khăn, vướng mắc, Công an đơn vị, địa phương, các cơ "
    "quan, tổ chức, cá nhân báo cáo về Bộ Công an (qua Cục Hậu cần) để có hướng dẫn kịp thời./.\n\n"
    "Nơi nhận:\n\n- Các đồng chí Thứ trưởng Bộ Công an;\n\n- Đơn vị thuộc cơ quan Bộ Công an;\n\n"
    "- Công an tỉnh, thành phố trực thuộc Trung ương;\n\n- Công báo;\n\n"
    "- Cổng TTĐT Chính phủ; Cổng TTĐT Bộ Công an;\nLưu: VT, V03, H07(P5).\n\nBỘ TRƯỞNG\n\n"
    "Đại tướng Lương Tam Quang"
)

CASES = [
    # ---- Kính gửi ----
    (
        "pdf/botuphap_CV-935-VP-TCKT_2019.pdf: 'Kính gửi: - A' and ' - B' on the next line; Như trên "
        "resolves",
        doc("btp_cv935_2019"),
        {
            "addressees": [
                {"name": "Thủ trưởng các đơn vị thuộc khối Văn phòng"},
                {"name": "Tổ trưởng tổ công đoàn các đơn vị thuộc khối Văn phòng"},
            ],
            "recipients": [
                {
                    "name": "Như trên",
                    "as_above": True,
                    "resolves_to": [
                        "Thủ trưởng các đơn vị thuộc khối Văn phòng",
                        "Tổ trưởng tổ công đoàn các đơn vị thuộc khối Văn phòng",
                    ],
                }
            ],
            "archive": ["VT", "TCKT"],
        },
    ),
    (
        "pdf/ttg_CV-464-TTg-CDS_2026_scan.pdf: a receipt stamp between the V/v and 'Kính gửi:'",
        doc("ttg_cv464_2026_scan_p1_p3"),
        {
            "addressees": [
                {"name": "Bộ trưởng, Thủ trưởng cơ quan ngang Bộ"},
                {"name": "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố"},
            ]
        },
    ),
    (
        "pdf/lamdong_CV-1413-CAT-PC04_2026_scan.pdf: one person over two lines, commas inside; 'Như kính "
        "gửi'",
        doc("lamdong_cv1413_2026_scan"),
        {
            "addressees": [
                {
                    "name": "Đồng chí Hồ Văn Mười, UVBCH TW Đảng, Phó Bí thư Tỉnh Ủy, Chủ tịch Uỷ ban nhân "
                    "dân "
                    "tỉnh Lâm Đồng"
                }
            ],
            # "Như kính gửi" is the same instruction as "Như trên": send to the addressees
            "recipients": [{"name": "Như kính gửi", "as_above": True}],
            "archive": ["VT", "PC04 (Đ1)"],
        },
    ),
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf: five addressees, two of them wrapped over two and three lines",
        doc("hcm_cv4728_2025"),
        {"addressees": [{"name": n} for n in HCM_4728_ADDRESSEES]},
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_cai-nghien-ma-tuy_draft.docx: addressees indented with runs of spaces",
        doc("lamdong_cv_cainghien_draft_2025"),
        {
            "addressees": [
                {"name": "Công an tỉnh"},
                {"name": "Sở Y tế"},
                {"name": "Sở Tài chính"},
                {"name": "UBND các xã, phường, đặc khu"},
            ],
            "recipients": [
                {"name": "Như trên", "as_above": True},
                {"name": "Văn phòng Chính phủ"},
                {"name": "V01 - Bộ Công an"},
                {"name": "Thường trực Tỉnh ủy"},
                {"name": "Chủ tịch, các PCT UBND tỉnh"},
                {"name": "Chánh, các PCVP UBND tỉnh"},
            ],
            "archive": ["VT", "NC.Châu"],
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_nhan-rong-mo-hinh-CCHC_draft.docx: 'Kính gửi:' alone, then three lines",
        doc("lamdong_cv_nhanrong_draft_2025"),
        {
            "addressees": [
                {"name": "Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh"},
                {"name": "Trưởng Ban Quản lý các khu công nghiệp"},
                {"name": "Chủ tịch UBND các xã, phường, đặc khu"},
            ],
            "recipients": [
                {"name": "Như trên"},
                {"name": "Chủ tịch, các PCT UBND tỉnh"},
                {"name": "Chánh, các PCVP UBND tỉnh"},
            ],
            "archive": ["VT", "NC.Châu"],
        },
    ),
    (
        "pdf/quangngai_CV-299-UBND-THCS_2025_hoatoc_scan.pdf: a HỎA TỐC stamp before 'Kính gửi:'",
        doc("quangngai_cv299_2025_scan"),
        {
            "addressees": [
                {"name": "Sở Giao thông vận tải"},
                {"name": "Sở Nông nghiệp và Phát triển nông thôn"},
            ],
            "recipients": [
                {"name": "Như trên", "as_above": True},
                {"name": "PCT UBND tỉnh"},
                {"name": "VPUB: CVP, PCVP"},
                {"name": "Cổng TTĐT tỉnh"},
            ],
            "archive": ["VT", "TTHC(Thu)"],
        },
    ),
    (
        "pdf/quangngai_TTr-24-UBND_2025_scan.pdf: 'Kính gửi: Hội đồng nhân dân tỉnh' (a tờ trình)",
        doc("quangngai_ttr24_2025_scan_p1"),
        {"addressees": [{"name": "Hội đồng nhân dân tỉnh"}]},
    ),
    (
        "pdf/cucthue_CV-2191-CT-CS_2026_scan.pdf: 'Kính gửi: Thuế tỉnh Ninh Bình.'",
        doc("cucthue_cv2191_2026_scan_p1"),
        {"addressees": [{"name": "Thuế tỉnh Ninh Bình"}]},
    ),
    (
        "pdf/vktqg_CV-185-VKTQG-QLKH_2026.pdf: 'Kính gửi: Bộ Xây dựng.'",
        doc("vktqg_cv185_2026"),
        {
            "addressees": [{"name": "Bộ Xây dựng"}],
            "recipients": [
                {"name": "Như trên", "resolves_to": ["Bộ Xây dựng"]},
                {"name": "Viện trưởng (để b/c)", "purpose": "báo cáo"},
                {"name": "Cục GĐNN về CLCTXD"},
            ],
            "archive": ["VT", "QLKH"],
        },
    ),
    (
        "doc/hyaptech_TTr-ACCP_2009.doc: 'Kính gửi:  PGS.TS Trần Trung - Hiệu trưởng Nhà trường.'",
        doc("hyaptech_ttr_2009"),
        {"addressees": [{"name": "PGS.TS Trần Trung - Hiệu trưởng Nhà trường"}]},
    ),
    (
        "doc/cdgdvn_CV-172-CDN-TGNC.doc: blank lines after 'Kính gửi:'; soft hyphens in 'Như trên' and 'Lưu'",
        doc("cdgdvn_cv172_2013"),
        {
            "addressees": [
                {"name": "Công đoàn Giáo dục các tỉnh, thành phố trực thuộc TW"},
                {"name": "Công đoàn Cơ quan Bộ Giáo dục và Đào tạo, các đại học Quốc gia, đại học vùng"},
                {"name": "Công đoàn các trường đại học, cao đẳng và các đơn vị trực thuộc"},
            ],
            "recipients": [
                {"name": "Như trên", "as_above": True},
                {"name": "Đoàn Chủ tịch Tổng LĐLĐVN (để b/c)", "purpose": "báo cáo"},
                {"name": "Ban Tuyên giáo Tổng LĐLĐVN (để b/c)", "purpose": "báo cáo"},
                {"name": "LĐ, các ban của CĐGDVN"},
            ],
            "archive": ["VT", "TG-NC"],
        },
    ),
    (
        "docx/bttt_CV-draft-Du-thao-VB-MOI_2012.docx: the header is missing and the text starts at 'gửi:'",
        doc("bttt_cv_draft_2012"),
        {
            "addressees": [
                {"name": "Các Bộ, Cơ quan ngang Bộ, Cơ quan thuộc Chính phủ"},
                {"name": "Uỷ ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"},
                {"name": "Các tập đoàn kinh tế, tổng công ty nhà nước"},
            ]
        },
    ),
    (
        "pdf/quangngai_CV-507-UBND-KGVX_2025.pdf: inline 'Kính gửi: …'; purposes written '(b/cáo)'",
        doc("quangngai_cv507_2025"),
        {
            "addressees": [{"name": "Sở Thông tin và Truyền thông"}],
            "recipients": [
                {"name": "Như trên", "as_above": True, "resolves_to": ["Sở Thông tin và Truyền thông"]},
                {"name": "Bộ Thông tin và Truyền thông (b/cáo)", "purpose": "báo cáo"},
                {"name": "CT, PCT UBND tỉnh (b/cáo)", "purpose": "báo cáo"},
                {"name": "VPUB: CVP, PCVP, KTTH"},
                {"name": "Cổng TTĐT tỉnh"},
            ],
            "archive": ["VT", "KGVX(bnt)"],
        },
    ),
    # ---- Nơi nhận / Lưu ----
    (
        "pdf/kiengiang_GM-745-UBND_2017_hoatoc_scan.pdf: a giấy mời (no Kính gửi), 'Lưu: VT, pthtran (HT).'",
        doc("kiengiang_gm745_2017_scan"),
        {
            "addressees": [],
            "recipients": [
                {"name": "Như thành phần GM"},
                {"name": "CT, các PCT. UBND tỉnh"},
                {"name": "Chánh, Phó CVP"},
                {"name": "TT. Tin học-Công báo"},
                {"name": "Phòng QT-TV"},
                {"name": "Phòng VHXH"},
            ],
            "archive": ["VT", "pthtran (HT)"],
        },
    ),
    (
        "pdf/ttg_CV-464-TTg-CDS_2026_scan.pdf: the VPCP entry wraps over three lines",
        doc("ttg_cv464_2026_scan_p1_p3"),
        {
            "recipients": [
                {"name": "Như trên", "as_above": True},
                {"name": "TTgCP (để báo cáo)", "purpose": "báo cáo"},
                {"name": "Các PTTgCP (để trực tiếp chỉ đạo các đơn vị phụ trách)"},
                {"name": "Các bộ, cơ quan ngang bộ (để thực hiện)", "purpose": "thực hiện"},
                {"name": "UBND các tỉnh, thành phố (để thực hiện)", "purpose": "thực hiện"},
                {
                    "name": "VPCP: BTCN, các PCN, Trợ lý, Thư ký của TTg, các Phó TTg, TGĐ Cổng TTĐT, các "
                    "Vụ, "
                    "Cục đơn vị trực thuộc"
                },
            ],
            "archive": ["VT", "CĐS (2).LHQ"],
        },
    ),
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf: 'Như trên (để thực hiện)' with a purpose",
        doc("hcm_cv4728_2025"),
        {
            "recipients": [
                {
                    "name": "Như trên (để thực hiện)",
                    "as_above": True,
                    "purpose": "thực hiện",
                    "resolves_to": HCM_4728_ADDRESSEES,
                },
                {"name": "Ban Tuyên giáo và Dân vận Thành ủy (để b/c)", "purpose": "báo cáo"},
                {"name": "UBND TP.HCM (để báo cáo)", "purpose": "báo cáo"},
                {"name": "Ban Giám đốc Sở GDĐT (để báo cáo)", "purpose": "báo cáo"},
                {"name": "Các phòng thuộc Sở GDĐT (để phối hợp)", "purpose": "phối hợp"},
                {"name": "UBND phường/xã/đặc khu (để phối hợp)", "purpose": "phối hợp"},
            ],
            "archive": ["VT", "HSSV (ĐĐ)"],
        },
    ),
    (
        "pdf/quangngai_TB-11-UBND_2025.pdf: 'Nơi nhận: TL. CHỦ TỊCH' on one line; 'Các Sở:' wraps over four",
        doc("quangngai_tb11_2025"),
        {
            "recipients": [
                {"name": "CT, PCT UBND tỉnh"},
                {
                    "name": "Các Sở: Tài chính, Kế hoạch và Đầu tư, Tài nguyên và Môi trường, Xây dựng, Lao "
                    "động - "
                    "Thương binh và Xã hội, Nội vụ, Tư pháp"
                },
                {"name": "Thanh tra tỉnh"},
                {"name": "BQL KKT Dung Quất và các KCN Quảng Ngãi"},
                {"name": "Công ty QISC"},
                {"name": "VPUB: CVP, PCVP, KTN, NC"},
                {"name": "Cổng TTĐT tỉnh"},
            ],
            "archive": ["VT", "KTTHh5"],
        },
    ),
    (
        "pdf/quangngai_TB-565-UBND_2024.pdf: 'Các sở, ngành:' wraps over six lines, one ending in a comma",
        doc("quangngai_tb565_2024"),
        {
            "recipients": [
                {"name": "Thường trực Tỉnh ủy (báo cáo)", "purpose": "báo cáo"},
                {"name": "Thường trực HĐND tỉnh"},
                {"name": "CT, PCT UBND tỉnh"},
                {"name": "BTT Ủy ban MTTQ Việt Nam tỉnh"},
                {
                    "name": "Các sở, ngành: Kế hoạch và Đầu tư, Tài chính, Nông nghiệp và Phát triển nông "
                    "thôn, "
                    "Lao động-Thương binh và Xã hội, Xây dựng, Tư pháp, Công Thương, Văn hóa, Thể thao và Du "
                    "lịch, "
                    "Giáo dục và Đào tào, Y tế, Nội vụ, Thông tin và Truyền thông"
                },
                {"name": "Liên minh HTX tỉnh"},
                {"name": "Hội LHPN tỉnh"},
                {"name": "Tỉnh Đoàn"},
                {"name": "BQL dự án ĐTXD các công trình DD&CN tỉnh"},
                {"name": "UBND các huyện, thị xã, thành phố"},
                {"name": "VPUB: CVP, PCVP, KTTH, KTN"},
                {"name": "Cổng TTĐT tỉnh"},
            ],
            "archive": ["VT", "KGVXVHTin534"],
        },
    ),
    (
        "pdf/quangngai_TB-542-UBND_2024.pdf: 'Như thành phần' (a notice that replaces an invitation)",
        doc("quangngai_tb542_2024"),
        {
            "recipients": [
                {"name": "Như thành phần"},
                {"name": "CT, PCT UBND tỉnh"},
                {"name": "VPUB: CVP, PCVP (KGVX), HC-QT"},
                {"name": "Cổng TTĐT tỉnh"},
            ],
            "archive": ["VT", "KGVXVHTin507"],
        },
    ),
    (
        "pdf/dongthap_KH-362-SGDDT_2026.pdf: purposes '(để báo cáo)', '(để phối hợp)', 'Lưu VT, GDPT. Hiển "
        "(3b).'",
        doc("dongthap_kh362_2026"),
        {
            "addressees": [],
            "recipients": [
                {"name": "Đoàn kiểm tra của Bộ GDĐT (để báo cáo)", "purpose": "báo cáo"},
                {"name": "Ban Giám đốc (để báo cáo)", "purpose": "báo cáo"},
                {"name": "Các Phòng, Văn phòng Sở (để phối hợp)", "purpose": "phối hợp"},
                {"name": "UBND các xã, phường (để phối hợp)", "purpose": "phối hợp"},
                {"name": "Các trường THPT (để thực hiện)", "purpose": "thực hiện"},
            ],
            "archive": ["VT", "GDPT. Hiển (3b)"],
        },
    ),
    (
        "pdf/dongthap_KH-58-THPTCL2_2026.pdf: short purposes '(bc)' and '(ph/h)'",
        doc("dongthap_kh58_2026"),
        {
            "recipients": [
                {"name": "Sở GDĐT (bc)", "purpose": "báo cáo"},
                {"name": "Các đơn vị Cụm 2 (ph/h)", "purpose": "phối hợp"},
            ],
            "archive": ["VT", "V"],
        },
    ),
    (
        "pdf/hcm_KH-230-THPTPB_2025.pdf: 'Nơi nhận :', '(th/h)', '(biết)' glued to the name, 'Lưu VT.'",
        doc("hcm_kh230_2025"),
        {
            "recipients": [
                {"name": "Hiệu trưởng (b/c)", "purpose": "báo cáo"},
                {"name": "Tổ trưởng (th/h)", "purpose": "thực hiện"},
                {"name": "GVCN (th/h)", "purpose": "thực hiện"},
                {"name": "Đoàn TNCS HCM (th/h)", "purpose": "thực hiện"},
                {"name": "Hội CMHS trường(biết)", "purpose": "biết"},
            ],
            "archive": ["VT"],
        },
    ),
    (
        "doc/binhduong_CT-09-2009-CT-UBND.doc: recipients and the signature block on the same tab-separated "
        "lines",
        doc("binhduong_ct09_2009"),
        {
            "recipients": [
                {"name": "Bộ Khoa học và Công nghệ"},
                {"name": "Cục Kiểm tra VB QPPL (Bộ Tư pháp)"},
                {"name": "Thường trực Tỉnh ủy"},
                {"name": "Thường trực HĐND tỉnh"},
                {"name": "Đoàn Đại biểu Quốc hội tỉnh"},
                {"name": "CT, PCT UBND tỉnh"},
                {"name": "Ủy ban MTTQVN tỉnh"},
                {"name": "Các sở, ban, ngành, đoàn thể"},
                {"name": "UBND các huyện, thị xã"},
                {"name": "LĐVP, P, TH"},
                {"name": "TT Công báo tỉnh, Website tỉnh"},
            ],
            "archive": ["VT"],
        },
    ),
    (
        "doc/cantho_QD-09-2010-QD-UBND.doc: fourteen recipients, 'Lưu Văn thư' without colon",
        doc("cantho_qd09_2010"),
        {
            "recipients": [
                {"name": "Văn phòng Chính phủ (HN-TPHCM)"},
                {"name": "Bộ Tư pháp (Cục KTVB)"},
                {"name": "Bộ Khoa học và Công nghệ"},
                {"name": "TT.Thành ủy"},
                {"name": "TT. HĐND thành phố"},
                {"name": "UBMTTQ thành phố và các đoàn thể thành phố"},
                {"name": "UBND thành phố (1A,B,C,D,E)"},
                {"name": "VP Đoàn ĐBQH và HĐND thành phố"},
                {"name": "Sở, ban, ngành thành phố"},
                {"name": "Cơ quan báo, đài"},
                {"name": "Báo Cần Thơ"},
                {"name": "Website Chính phủ"},
                {"name": "TT. Công báo"},
                {"name": "TT. Lưu trữ"},
            ],
            "archive": ["Văn thư"],
        },
    ),
    (
        "doc/ttg_QD-698-QD-TTg_2009.doc: 18 recipients (one without ';'), 'Lưu: Văn thư, KGVX (5b).'",
        doc("ttg_qd698_2009"),
        {
            "recipients": [
                {"name": "Ban Bí thư Trung ương Đảng"},
                {"name": "Thủ tướng, các Phó Thủ tướng Chính phủ"},
                {"name": "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc CP"},
                {"name": "Văn phòng BCĐ TW về phòng, chống tham nhũng"},
                {"name": "HĐND, UBND các tỉnh, thành phố trực thuộc TW"},
                {"name": "Văn phòng Trung ương và các Ban của Đảng"},
                {"name": "Văn phòng Chủ tịch nước"},
                {"name": "Hội đồng Dân tộc và các Ủy ban của Quốc hội"},
                {"name": "Văn phòng Quốc hội"},
                {"name": "Tòa án nhân dân tối cao"},
                {"name": "Viện Kiểm sát nhân dân tối cao"},
                {"name": "Kiểm toán Nhà nước"},
                {"name": "UB Giám sát tài chính Quốc gia"},
                {"name": "Ngân hàng Chính sách Xã hội"},
                {"name": "Ngân hàng Phát triển Việt Nam"},
                {"name": "UBTW Mặt trận Tổ quốc Việt Nam"},
                {"name": "Cơ quan Trung ương của các đoàn thể"},
                {"name": "VPCP: BTCN, các PCN, Cổng TTĐT, các Vụ, Cục, đơn vị trực thuộc, Công báo"},
            ],
            "archive": ["Văn thư", "KGVX (5b)"],
        },
    ),
    (
        "doc/hanoi_QD-15-2010-QD-UBND.doc: 'Như Điều 3' (not the addressees) and en dashes inside entries",
        doc("hanoi_qd15_2010_decision"),
        {
            "recipients": [
                {"name": "Như Điều 3"},
                {"name": "Bộ TTTT"},
                {"name": "Cục Kiểm tra văn bản – Bộ TP"},
                {"name": "TTTU-TTHĐND TP"},
                {"name": "Đ/c Chủ tịch UBND Thành phố"},
                {"name": "Các Đ/c Phó Chủ tịch UBND TP"},
                {"name": "Website Chính phủ"},
                {"name": "Trung tâm Công báo TP"},
                {"name": "Cổng giao tiếp điện tử"},
                {"name": "Các đ/c CPVP, các Phòng CV"},
            ],
            "archive": ["VT", "VHKGh"],
        },
    ),
    (
        "doc/moet_TB-54-TB-BGDDT_2009.doc: eleven recipients, the last two without ';'",
        doc("moet_tb54_2009"),
        {
            "recipients": [
                {"name": "BT. Nguyễn Thiện Nhân (để báo cáo)", "purpose": "báo cáo"},
                {"name": "Ban Tuyên giáo Trung ương (để báo cáo)"},
                {"name": "Uỷ ban VH GD TNTN NĐ Quốc hội (để báo cáo)"},
                {"name": "Văn phòng Chính phủ (để báo cáo)"},
                {"name": "Các Thứ trưởng (để báo cáo)"},
                {"name": "Các Bộ, ngành quản lý trường (để báo cáo)"},
                {"name": "Các Cục, Vụ, Viện thuộc Bộ GD&ĐT (để thực hiện)", "purpose": "thực hiện"},
                {"name": "Các ĐH, HV, các trường ĐH, CĐ (để thực hiện)"},
                {"name": "Các trường trung cấp chuyên nghiệp (để thực hiện)"},
                {"name": "Các sở giáo dục và đào tạo (để thực hiện)"},
                {"name": "Cục Nhà trường - Bộ Quốc phòng"},
            ],
            "archive": ["VT", "VP"],
        },
    ),
    (
        "pdf/kiengiang_KH-1942-SYT_2017_scan.pdf: 'Nơi nhận :' with a space before the colon",
        doc("kiengiang_kh1942_2017_scan"),
        {
            "recipients": [
                {"name": "Giám đốc (để báo cáo)", "purpose": "báo cáo"},
                {"name": "Các Phòng chức năng SYT"},
                {"name": "Các cơ quan, đơn vị trực thuộc SYT"},
                {"name": "HĐKHCN Ngành Y tế"},
                {"name": "Website SYT"},
            ],
            "archive": ["VT", "TCCB"],
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-PCI_draft.docx: tabs after 'Nơi nhận:', ';' inside one entry",
        doc("lamdong_tb_pci_draft_2026"),
        {
            # one dash line is one entry: "TC; XD; …" lists the departments of "Các sở, ngành"
            "recipients": [
                {"name": "Chủ tịch, các PCT UBND tỉnh"},
                {
                    "name": "Các sở, ngành: TC; XD; NN&MT; CT; VH,TT&DL; YT; KHCN, TP, GD&ĐT, NV, Thanh tra "
                    "tỉnh"
                },
                {"name": "Trung tâm XTĐT Thương mại và Du lịch tỉnh"},
                {"name": "CVP, các PCVP UBND tỉnh"},
            ],
            "archive": ["VT", "NN&MT", "XDCT", "KGVX", "KTTH"],
        },
    ),
    (
        "vbpl crawl doc_000024 (Bộ Công an, 2025): header + last block; 'Lưu:' with no dash after the last "
        "entry",
        VBPL_24_END,
        {
            "archive": ["VT", "V03", "H07(P5)"],
            "signer": {"name": "Lương Tam Quang", "position": "Bộ trưởng", "honorifics": ["Đại tướng"]},
        },
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_parties(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])
