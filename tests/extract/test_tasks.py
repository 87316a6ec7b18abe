"""Nhiệm vụ: numbered items as a tree, prose instructions, who leads and who coordinates, deadlines,
recurrences and report duties, on real directives.

Conventions: assignee names as written; "Giao X chủ trì, phối hợp (với) Y" makes X lead and Y
coordinate; a heading or a preamble that names bodies ("… đề nghị A thực hiện một số nội dung sau:",
"1. Sở Tư pháp" over lettered points, "Giao Sở Nội vụ:") gives its items those bodies as inherited
assignees; "Đối với …" names a subject, not a body, unless it names one; dates in citations inside
the task are not deadlines. Tasks are located by the start of their text (or a phrase in it), so
these cases do not depend on how the parser numbers ids, except where an id is asserted. The last
cases list sentences that are not tasks at all (the account of a meeting, what the sender already
did or received, basis and closing formulas, cells of a timetable or a form), each beside a task the
same document does ask; KNOWN_GAPS holds such tasks the parser does not find yet (strict xfails).
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, doc, record

VBPL_1_TASKS = (
    "CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 249/2025/NĐ-CP\n\n"
    "Hà Nội, ngày 19 tháng 09 năm 2025\n\nNGHỊ ĐỊNH\n\nQuy định cơ chế, chính sách thu hút chuyên gia khoa "
    "học, công nghệ, đổi mới sáng tạo và chuyển đổi số\n\nĐiều 14. Trách nhiệm thực hiện\n\n"
    "9. Các bộ, cơ quan trung ương, Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương có trách nhiệm:\n\n"
    "a) Xây dựng, đề xuất chương trình, nhiệm vụ, dự án khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi "
    "số cần tuyển chọn chuyên gia;\n\nb) Cung cấp đầy đủ dữ liệu, hồ sơ, thông tin liên quan đến chương "
    "trình, nhiệm vụ, dự án khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; bố trí nguồn lực, tạo "
    "điều kiện để chuyên gia thực hiện; phối hợp xử lý các vướng mắc kỹ thuật, pháp lý, tài chính theo đề "
    "xuất của chuyên gia;\n\nc) Thanh tra, kiểm tra, giám sát các chương trình, nhiệm vụ, dự án có sử dụng "
    "chuyên gia; định kỳ báo cáo Chính phủ, Thủ tướng Chính phủ, Bộ Khoa học và Công nghệ về tình hình, kết "
    "quả thực hiện các nhiệm vụ của chuyên gia trong phạm vi lĩnh vực, địa phương quản lý trước ngày 15 "
    "tháng 11 hàng năm, đồng thời gửi Bộ Nội vụ để theo dõi.\n\nĐiều 15. Hiệu lực thi hành\n\n"
    "Nghị định này có hiệu lực kể từ ngày ký ban hành.\n\nTM. CHÍNH PHỦ\n\nKT. THỦ TƯỚNG\n\nPHÓ THỦ TƯỚNG\n\n"
    "(Đã ký)\n\nNguyễn Hòa Bình"
)

VBPL_60_TASK = (
    "BỘ DÂN TỘC VÀ TÔN GIÁO\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh "
    "phúc\n\n"
    "---------------\n\nSố: 01/2026/TT-BDTTG\n\nHà Nội, ngày 13 tháng 01 năm 2026\n\nTHÔNG TƯ\n\n"
    "QUY ĐỊNH PHÂN CẤP MỘT SỐ NHIỆM VỤ QUẢN LÝ NHÀ NƯỚC VỀ TÍN NGƯỠNG, TÔN GIÁO CỦA BỘ DÂN TỘC VÀ TÔN "
    "GIÁO\n\n"
    "3. Định kỳ hàng năm (chậm nhất vào ngày 25/12), báo cáo Bộ trưởng về tình hình, kết quả thực hiện các "
    "nội dung được phân cấp; trong trường hợp cần thiết, Bộ trưởng yêu cầu Ban Tôn giáo Chính phủ báo cáo về "
    "việc thực hiện thẩm quyền được phân cấp.\n\nKT. BỘ TRƯỞNG\n\nTHỨ TRƯỞNG\n\n(Đã ký)\n\nNguyễn Hải Trung"
)

CASES = [
    # ---- "Giao X chủ trì, phối hợp Y", numbered ----
    (
        "pdf/quangngai_CV-299-UBND-THCS_2025_hoatoc_scan.pdf, item 1: 'Giao A chủ trì, phối hợp B … trước "
        "ngày'",
        doc("quangngai_cv299_2025_scan"),
        {
            "task_find": [
                {
                    "text_starts": "Giao Sở Giao thông vận tải chủ trì",
                    "id": "1",
                    "roles": {
                        "Sở Giao thông vận tải": "lead",
                        "Sở Nông nghiệp và Phát triển nông thôn": "coordinate",
                    },
                    "deadline": {"date": "2025-01-20", "kind": "by"},
                }
            ]
        },
    ),
    (
        "pdf/quangngai_CV-299-UBND-THCS_2025_hoatoc_scan.pdf, item 2: 'giao …' after a long 'Căn cứ' clause",
        doc("quangngai_cv299_2025_scan"),
        {
            "task_find": [
                {
                    "text_starts": "Căn cứ quy định tại khoản 4 Điều 14",
                    "id": "2",
                    "roles": {
                        "Sở Nông nghiệp và Phát triển nông thôn": "lead",
                        "Sở Giao thông vận tải": "coordinate",
                    },
                    # 18/12/2024 is the date of the cited decree, not a deadline
                    "deadline": None,
                }
            ]
        },
    ),
    # ---- prose instructions (no list) ----
    (
        "pdf/quangngai_CV-507-UBND-KGVX_2025.pdf: 'Chủ tịch UBND tỉnh giao Sở … chủ trì, … (trước ngày "
        "10/02/2025)'",
        doc("quangngai_cv507_2025"),
        {
            "task_find": [
                {
                    "find": "giao Sở Thông tin và Truyền thông chủ trì",
                    "kind": "prose",
                    # 'phối hợp với các cơ quan, đơn vị, địa phương liên quan' names no particular
                    # body: an unspecific helper is no assignee (gold-corpus convention)
                    "roles": {"Sở Thông tin và Truyền thông": "lead"},
                    "assignees_exclude_containing": ["liên quan"],
                    "deadline": {"date": "2025-02-10", "kind": "by"},
                    "report_to_include": ["Bộ Thông tin và Truyền thông", "UBND tỉnh"],
                }
            ]
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_giao-CAT-HD46_draft.docx: 'Chủ tịch … giao Công an tỉnh nghiên cứu …'",
        doc("lamdong_cv_hd46_draft_2025"),
        {
            "task_find": [
                {
                    "find": "giao Công an tỉnh nghiên cứu",
                    "kind": "prose",
                    "roles": {"Công an tỉnh": "lead"},
                    # 05/12/2025 is the date of the cited guidance
                    "deadline": None,
                }
            ]
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2026_giao-SKHCN-3653_draft.docx: 'chủ trì, phối với' (the word 'hợp' is "
        "missing)",
        doc("lamdong_cv_3653_draft_2026"),
        {
            "task_find": [
                {
                    "find": "giao Sở Khoa học và Công nghệ chủ trì",
                    "roles": {"Sở Khoa học và Công nghệ": "lead", "Công an tỉnh": "coordinate"},
                    "report_to_include": ["Ủy ban nhân dân tỉnh"],
                }
            ]
        },
    ),
    (
        "pdf/phutho_CV-275-STTTT-CNTT_2011_scan.pdf: 'đề nghị các đơn vị … trước ngày 22/ 12/ 2011' (spaces "
        "in the date)",
        doc("phutho_cv275_2011_scan"),
        {
            "task_find": [
                {
                    "find": "đăng ký danh sách tham gia Hội thi",
                    # 'đề nghị các đơn vị' asks the bodies the letter is addressed to (Kính gửi)
                    "assignees_include": ["Các đơn vị trực thuộc sở", "Các cơ quan báo chí, xuất bản, PTTH"],
                    "deadline": {"date": "2011-12-22", "kind": "by"},
                }
            ]
        },
    ),
    (
        "pdf/phutho_CV-UBND-KSTTHC_2011_scan.pdf: 'Giao các sở, ban, ngành, UBND các huyện, thành, thị xây "
        "dựng …'",
        doc("phutho_cv4532_2011_scan"),
        {
            "task_find": [
                {
                    "find": "xây dựng Kế hoạch rà soát quy định",
                    "assignees_include": ["UBND các huyện, thành, thị"],
                },
                {"find": "trước ngày 05/01/2012", "deadline": {"date": "2012-01-05", "kind": "by"}},
            ]
        },
    ),
    (
        "pdf/lamdong_CV-963-SNV-CCHCVTLT_2025.pdf: closing request 'Đề nghị A, B, C, D … chậm nhất ngày "
        "27/8/2025'",
        doc("lamdong_cv963_2025"),
        {
            "task_find": [
                {
                    "find": "chậm nhất ngày 27/8/2025",
                    "assignees_include": [
                        "Văn phòng UBND tỉnh",
                        "Sở Tư pháp",
                        "Sở Tài chính",
                        "Sở Khoa học và Công nghệ",
                    ],
                    "deadline": {"date": "2025-08-27", "kind": "by"},
                }
            ]
        },
    ),
    # ---- the body at the start of the sentence; a company; page breaks ----
    (
        "pdf/quangngai_TB-11-UBND_2025.pdf, item 1: a company (name with commas) leads; report to UBND tỉnh",
        doc("quangngai_tb11_2025"),
        {
            "task_find": [
                {
                    "text_starts": "Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi tiếp "
                    "thu",
                    "roles": {"Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi": "lead"},
                    "deadline": {"date": "2025-02-08", "kind": "by"},
                    "report_to_include": ["UBND tỉnh"],
                }
            ]
        },
    ),
    (
        "pdf/quangngai_TB-11-UBND_2025.pdf, item 2: 'Trên cơ sở báo cáo của Công ty …, giao Sở Tài chính chủ "
        "trì'"
        " across a page break",
        doc("quangngai_tb11_2025"),
        {
            "task_find": [
                {
                    "text_starts": "Trên cơ sở báo cáo của Công ty",
                    "roles": {"Sở Tài chính": "lead", "Sở Kế hoạch và Đầu tư": "coordinate"},
                    "assignees_exclude_containing": ["Công ty"],
                    "deadline": {"date": "2025-02-20", "kind": "by"},
                }
            ]
        },
    ),
    (
        "pdf/quangngai_TB-11-UBND_2025.pdf, item 3: 'Giao Sở Nội vụ tiếp thu …, chủ trì, phối hợp với các "
        "Sở: …'",
        doc("quangngai_tb11_2025"),
        {
            "task_find": [
                {
                    "text_starts": "Giao Sở Nội vụ tiếp thu",
                    "roles": {"Sở Nội vụ": "lead"},
                    "deadline": {"date": "2025-02-20", "kind": "by"},
                }
            ]
        },
    ),
    (
        "pdf/quangngai_TB-565-UBND_2024.pdf, item 2: 'Giao Sở LĐTBXH, Ban Dân tộc tỉnh … chịu trách nhiệm:' "
        "+ a)–c)",
        doc("quangngai_tb565_2024"),
        {
            "task_find": [
                {
                    "text_starts": "Giao Sở Lao động - Thương binh và Xã hội, Ban Dân tộc tỉnh",
                    "roles": {"Sở Lao động - Thương binh và Xã hội": "lead", "Ban Dân tộc tỉnh": "lead"},
                    "subtask_count": 3,
                }
            ]
        },
    ),
    (
        "pdf/quangngai_TB-565-UBND_2024.pdf, item 3: two bodies open the sentence",
        doc("quangngai_tb565_2024"),
        {
            "task_find": [
                {
                    "text_starts": "Sở Kế hoạch - Đầu tư, Sở Tài chính theo chức năng",
                    "roles": {"Sở Kế hoạch - Đầu tư": "lead", "Sở Tài chính": "lead"},
                }
            ]
        },
    ),
    (
        "pdf/quangngai_TB-565-UBND_2024.pdf, item 6: 'UBND các huyện, thị xã, thành phố chịu trách nhiệm:'",
        doc("quangngai_tb565_2024"),
        {
            "task_find": [
                {
                    "text_starts": "UBND các huyện, thị xã, thành phố chịu trách nhiệm",
                    "roles": {"UBND các huyện, thị xã, thành phố": "lead"},
                }
            ]
        },
    ),
    (
        "pdf/quangngai_TB-565-UBND_2024.pdf, item 6 dash: a district (UBND huyện Trà Bồng) with its own "
        "deadline",
        doc("quangngai_tb565_2024"),
        {
            "task_find": [
                {
                    "text_starts": "UBND huyện Trà Bồng tiếp tục chỉ đạo",
                    "roles": {"UBND huyện Trà Bồng": "lead"},
                    "deadline": {"date": "2024-11-30", "kind": "by"},
                    "report_to_include": ["Sở Lao động - Thương binh và Xã hội"],
                }
            ]
        },
    ),
    (
        "pdf/quangngai_TB-565-UBND_2024.pdf, item 7: 'Đối với các nội dung kiến nghị …:' then 'Giao A, B, C, "
        "D, E …'",
        doc("quangngai_tb565_2024"),
        {
            "task_find": [
                {
                    "text_starts": "Đối với các nội dung kiến nghị",
                    "roles": {
                        "Ban Dân tộc tỉnh": "lead",
                        "Sở Lao động - Thương binh và Xã hội": "lead",
                        "Sở Kế hoạch và Đầu tư": "lead",
                        "Sở Nông nghiệp và Phát triển nông thôn": "lead",
                        "Sở Tài chính": "lead",
                    },
                    "assignees_exclude_containing": ["nội dung kiến nghị"],
                }
            ]
        },
    ),
    (
        "pdf/quangngai_TB-542-UBND_2024.pdf: '- Giao Ban Dân tộc tỉnh tổng hợp' after a page break",
        doc("quangngai_tb542_2024"),
        {
            "task_find": [
                {"find": "Giao Ban Dân tộc tỉnh tổng hợp", "roles": {"Ban Dân tộc tỉnh": "lead"}},
                {"find": "gửi danh sách đại biểu", "deadline": {"date": "2024-11-07", "kind": "by"}},
            ]
        },
    ),
    # ---- preambles and headings that give the assignees ----
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf, item 1: preamble 'đề nghị Thủ trưởng các cơ sở giáo dục …'; "
        "the item"
        " runs over a page break",
        doc("hcm_cv4728_2025"),
        {
            "task_find": [
                {
                    "text_starts": "Tổ chức thực hiện chương trình giáo dục về phòng, chống ma túy",
                    "id": "1",
                    "assignees_include": ["Thủ trưởng các cơ sở giáo dục"],
                    "assignees_inherited": True,
                    "text_contains": "ngày 18 tháng 3 năm 2025 của Bộ Chính trị về tiếp tục thực hiện Chỉ "
                    "thị số "
                    "36-CT/TW",
                }
            ]
        },
    ),
    (
        "pdf/hcm_CV-4728-SGDDT-HSSV_2025.pdf, item 6: a report duty",
        doc("hcm_cv4728_2025"),
        {
            "task_find": [
                {
                    "text_starts": "Thực hiện báo cáo về Sở Giáo dục và Đào tạo",
                    "id": "6",
                    "assignees_inherited": True,
                    "report_to_include": ["Sở Giáo dục và Đào tạo"],
                }
            ]
        },
    ),
    (
        "pdf/quangngai_CT-11-UBND_2021_scan.pdf, item 1: 'Sở Giáo dục và Đào tạo chịu trách nhiệm …:' over "
        "a)–e)",
        doc("quangngai_ct11_2021_scan_p1"),
        {
            "task_find": [
                {
                    "text_starts": "Sở Giáo dục và Đào tạo chịu trách nhiệm toàn diện",
                    "id": "1",
                    "roles": {"Sở Giáo dục và Đào tạo": "lead"},
                    "subtasks": [
                        {"id": "1.a", "text_starts": "Ban hành các văn bản chỉ đạo"},
                        {"id": "1.b", "text_starts": "Cung cấp chính xác"},
                        {"id": "1.c", "text_starts": "Bảo đảm an toàn, nghiêm túc"},
                        {"id": "1.d", "text_starts": "Chuẩn bị đầy đủ các điều kiện"},
                        {"id": "1.e", "text_starts": "Tổ chức thanh tra, kiểm tra"},
                    ],
                },
                {
                    "text_starts": "Tổ chức thanh tra, kiểm tra công tác chuẩn bị",
                    "assignees_include": ["Sở Giáo dục và Đào tạo"],
                    "assignees_inherited": True,
                },
            ]
        },
    ),
    (
        "pdf/ttg_CV-464-TTg-CDS_2026_scan.pdf, item 1.a: long-form deadline, report to the Prime Minister",
        doc("ttg_cv464_2026_scan_p1_p3"),
        {
            "task_find": [
                {
                    "text_starts": "Các bộ, cơ quan ngang bộ khẩn trương triển khai",
                    "id": "1.a",
                    "roles": {"Các bộ, cơ quan ngang bộ": "lead"},
                    "deadline": {"date": "2026-05-20", "kind": "by"},
                    "report_to_include": ["Thủ tướng Chính phủ"],
                },
                {
                    "text_starts": "Văn phòng Chính phủ theo dõi, đôn đốc",
                    "roles": {"Văn phòng Chính phủ": "lead"},
                },
            ]
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_nhan-rong-mo-hinh-CCHC_draft.docx, item 1: a heading of three bodies "
        "over a), b)",
        doc("lamdong_cv_nhanrong_draft_2025"),
        {
            "task_find": [
                {
                    "text_starts": "Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh, Trưởng Ban Quản lý",
                    "assignees_include": [
                        "Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh",
                        "Trưởng Ban Quản lý các khu công nghiệp",
                        "Chủ tịch UBND các xã, phường, đặc khu",
                    ],
                    "subtask_count": 2,
                },
                {
                    # "Kế hoạch cải cách hành chính hằng năm" is an annual plan, not a recurring deadline
                    "text_starts": "Chủ động áp dụng triển khai và nhân rộng",
                    "assignees_inherited": True,
                    "deadline": None,
                },
                {
                    "text_starts": "Khẩn trương hoàn thành việc công bố danh mục",
                    "deadline": {"date": "2025-11-30", "kind": "by"},
                },
            ]
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_cai-thien-chi-so-CCHC_draft.docx, I.1.a: heading 'Văn phòng Ủy ban "
        "nhân dân tỉnh'",
        doc("lamdong_cv_caithien_draft_2025"),
        {
            "task_find": [
                {
                    "text_starts": "Rà soát, thống kê kết quả thực hiện các nhiệm vụ Chính phủ",
                    "id": "I.1.a",
                    "assignees_include": ["Văn phòng Ủy ban nhân dân tỉnh"],
                    "assignees_inherited": True,
                    "deadline": {"date": "2025-12-20", "kind": "by"},
                },
                {
                    "text_starts": "Định kỳ trước 16 giờ ngày thứ Sáu hằng tuần",
                    "deadline": {"kind": "recurring", "recurrence": "weekly"},
                },
                {
                    "text_starts": "Tiếp tục liên hệ và gửi thông tin đến doanh nghiệp",
                    "deadline": {"date": "2025-12", "kind": "within"},
                },
                {"find": "Kế hoạch số 36/KH-STP", "deadline": {"date": "2025-12-25", "kind": "by"}},
            ]
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_cai-thien-chi-so-CCHC_draft.docx, II.2: 'Giao Sở Nội vụ:' and 'Giao "
        "Thanh tra"
        " tỉnh chủ trì, phối hợp Sở Nội vụ, Văn phòng …'",
        doc("lamdong_cv_caithien_draft_2025"),
        {
            "task_find": [
                {"text_starts": "Giao Sở Nội vụ", "roles": {"Sở Nội vụ": "lead"}, "subtask_count": 3},
                {
                    "text_starts": "Giao Thanh tra tỉnh chủ trì",
                    "roles": {
                        "Thanh tra tỉnh": "lead",
                        "Sở Nội vụ": "coordinate",
                        "Văn phòng Ủy ban nhân dân tỉnh": "coordinate",
                    },
                },
            ]
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-hoi-nghi-CCHC_draft.docx: 'Giao Sở Tư pháp chủ trì …:' over "
        "a)–c);"
        " printed numbering jumps from 5. to 7.",
        doc("lamdong_tb_hoinghi_draft_2026"),
        {
            "task_find": [
                {
                    "text_starts": "Tổ chức rà soát toàn bộ hệ thống văn bản quy phạm pháp luật",
                    "assignees_include": ["Sở Tư pháp"],
                    "assignees_inherited": True,
                },
                {
                    "text_starts": "Trách nhiệm của các sở, ban, ngành, UBND các xã, phường, đặc khu",
                    "id": "II.7",
                },
                {
                    "text_starts": "Chủ trì, tổ chức đánh giá và công khai hằng tháng",
                    "assignees_include": ["Sở Nội vụ"],
                    "deadline": {"kind": "recurring", "recurrence": "monthly"},
                },
            ]
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-cao-toc_draft.docx: 'Đối với hạng mục …: Giao Ban QLDA số 1 chủ "
        "trì,"
        " phối hợp …'",
        doc("lamdong_tb_caotoc_draft_2026"),
        {
            "task_find": [
                {
                    "text_starts": "Đối với hạng mục đường dẫn vào các hạng mục công trình thi công",
                    "roles": {
                        "Ban Quản lý dự án đầu tư xây dựng số 1": "lead",
                        "Sở Nông nghiệp và Môi trường": "coordinate",
                    },
                    "assignees_exclude_containing": ["hạng mục"],
                }
            ]
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-cao-toc_draft.docx: communes after the 2025 reorganisation",
        doc("lamdong_tb_caotoc_draft_2026"),
        {
            "task_find": [
                {"text_starts": "UBND xã Bảo Lâm 2", "roles": {"UBND xã Bảo Lâm 2": "lead"}},
                # the point names the commune; its dash line (part of the point) gives the deadline,
                # which is the point's too, and does not repeat the commune
                {
                    "text_starts": "UBND Phường 2 Bảo Lộc",
                    "roles": {"UBND Phường 2 Bảo Lộc": "lead"},
                    "deadline": {"date": "2026-04", "kind": "within"},
                },
                {
                    "text_starts": "Khẩn trương, phối hợp Trung tâm Phát triển quỹ đất tỉnh tập trung xét "
                    "pháp lý",
                    "label": "-",
                    "roles": {"Trung tâm Phát triển quỹ đất tỉnh": "coordinate"},
                    "assignees_exclude_containing": ["UBND Phường 2 Bảo Lộc"],
                    "deadline": {"date": "2026-04", "kind": "within"},
                },
                {
                    "text_starts": "Tổ chức theo dõi, cập nhật việc thực hiện các kết luận",
                    "deadline": {"kind": "recurring"},
                    "report_to_include": ["UBND tỉnh"],
                },
            ]
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-PCI_draft.docx: item 1 is Word auto-numbering (no '1.' in the "
        "text): its dashes take the body of the sentence that introduces them, and '2.' is not nested "
        "under them",
        doc("lamdong_tb_pci_draft_2026"),
        {
            "task_find": [
                {
                    "text_starts": "Nghiên cứu về nội dung, tên gọi Hội nghị",
                    "roles": {"Trung tâm Xúc đầu tư, Thương mại và Du lịch": "lead"},
                },
                {"text_starts": "Đối với tiến độ thu hút", "id": "2", "assignees": []},
                {
                    "text_starts": "Giao Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
                    "roles": {"Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh": "lead"},
                    "deadline": {"date": "2026-05", "kind": "within"},
                },
                # a dash line of point a): its partners and deadline are the point's; it does not
                # repeat the point's lead
                {
                    "text_starts": "Chủ trì, phối hợp với Sở Tài chính và các sở, ngành, địa phương liên "
                    "quan khẩn "
                    "trương rà soát danh mục 72 dự án",
                    "label": "-",
                    "assignees_exclude_containing": ["Trung tâm Xúc tiến"],
                    "roles": {"Sở Tài chính": "coordinate"},
                    "deadline": {"date": "2026-05", "kind": "within"},
                    "report_to_include": ["UBND tỉnh"],
                },
                {
                    "text_starts": "Giao Sở Tài chính",
                    "roles": {
                        "Sở Tài chính": "lead",
                        "Sở Xây dựng": "coordinate",
                        "Sở Nông nghiệp và Môi trường": "coordinate",
                    },
                },
                {"text_starts": "Về nội dung dự thảo Kế hoạch", "id": "3"},
            ],
            # the closing formula "UBND tỉnh trân trọng thông báo …" assigns nothing
            "no_assignee_containing": ["trân trọng"],
        },
    ),
    (
        "docx/lamdong_KH-UBND_2026_thi-dua-CCHC_draft.docx, VII: who implements the plan",
        doc("lamdong_kh_thidua_draft_2026"),
        {
            "task_find": [
                {
                    "text_starts": "Căn cứ nội dung Kế hoạch này và điều kiện thực tế",
                    "assignees_include": ["UBND các xã, phường, đặc khu"],
                    "deadline": {"date": "2026-03-15", "kind": "by"},
                },
                {
                    "text_starts": "Sở Văn hóa, Thể thao và Du lịch chủ trì",
                    "roles": {"Sở Văn hóa, Thể thao và Du lịch": "lead"},
                },
                {
                    "text_starts": "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                    "roles": {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": "lead"},
                },
            ],
            # sections I-VI state aims, scope, targets, timing, award rules and money: no tasks
            # (gold-corpus convention for plans); their dates ('trong Quý I/2026', 'trước ngày
            # 15/02/2027') are no deadlines of a task
            "no_task_starting": [
                "MỤC ĐÍCH, YÊU CẦU",
                "PHẠM VI, ĐỐI TƯỢNG VÀ NỘI DUNG THI ĐUA",
                "THỜI GIAN THI ĐUA VÀ TIẾN ĐỘ THỰC HIỆN",
                "Căn cứ Kế hoạch phát động thi đua của UBND tỉnh",
                "TIÊU CHUẨN, HÌNH THỨC, HỒ SƠ KHEN THƯỞNG",
                "Thời gian gửi hồ sơ khen thưởng",
            ],
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_cai-nghien-ma-tuy_draft.docx: deadline at the end of a sentence full of"
        " dated citations",
        doc("lamdong_cv_cainghien_draft_2025"),
        {
            "task_find": [
                {
                    "text_starts": "Giao Sở Y tế tiến hành rà soát",
                    "roles": {"Sở Y tế": "lead"},
                    "deadline": {"date": "2025-11-05", "kind": "by"},
                },
                {
                    "text_starts": "Giao Ủy ban nhân dân các xã, phường, đặc khu",
                    "roles": {"Ủy ban nhân dân các xã, phường, đặc khu": "lead"},
                    "deadline": None,
                },
                {"text_starts": "Giao Công an tỉnh tổ chức thẩm định", "roles": {"Công an tỉnh": "lead"}},
                {"text_starts": "Giao Sở Tài chính tham mưu", "roles": {"Sở Tài chính": "lead"}},
                {"find": "Giao Công an tỉnh theo dõi, đôn đốc", "roles": {"Công an tỉnh": "lead"}},
            ]
        },
    ),
    (
        "pdf/kiengiang_KH-1942-SYT_2017_scan.pdf: 'hạn chót 13/10/2017'; 'Giao Hội đồng … chủ trì và phối "
        "hợp'",
        doc("kiengiang_kh1942_2017_scan"),
        {
            "task_find": [
                {"find": "hạn chót 13/10/2017", "deadline": {"date": "2017-10-13", "kind": "by"}},
                {"find": "thời gian thực hiện: trước ngày 20/10/2017", "deadline": {"date": "2017-10-20"}},
                {
                    "find": "trước ngày 10/11/2017",
                    "deadline": {"date": "2017-11-10", "kind": "by"},
                    "report_to_include": ["Hội đồng Khoa học – Công nghệ ngành Y tế"],
                },
                {
                    "find": "Giao Hội đồng Khoa học – Công nghệ ngành Y tế chủ trì",
                    "roles": {"Hội đồng Khoa học – Công nghệ ngành Y tế": "lead"},
                },
            ]
        },
    ),
    (
        "pdf/kiengiang_GM-745-UBND_2017_hoatoc_scan.pdf: '* Giao Sở Y tế chuẩn bị báo cáo …' (asterisk "
        "bullet)",
        doc("kiengiang_gm745_2017_scan"),
        {"task_find": [{"find": "Giao Sở Y tế chuẩn bị báo cáo", "roles": {"Sở Y tế": "lead"}}]},
    ),
    (
        "doc/cdgdvn_CV-172-CDN-TGNC.doc, item 3: 'Báo cáo kết quả triển khai về CĐGD Việt Nam trước ngày "
        "05/10/2013'",
        doc("cdgdvn_cv172_2013"),
        {
            "task_find": [
                {
                    "text_starts": "Báo cáo kết quả triển khai",
                    "id": "3",
                    "assignees_inherited": True,
                    "deadline": {"date": "2013-10-05", "kind": "by"},
                    "report_to_include": ["CĐGD Việt Nam"],
                }
            ]
        },
    ),
    (
        "doc/binhduong_CT-09-2009-CT-UBND.doc: 'định kỳ sáu tháng báo cáo Uỷ ban nhân dân tỉnh' (number in "
        "words)",
        doc("binhduong_ct09_2009"),
        {
            "task_find": [
                {
                    "find": "Giao Sở Khoa học và Công nghệ theo dõi, đôn đốc",
                    "roles": {"Sở Khoa học và Công nghệ": "lead"},
                    "deadline": {"kind": "recurring", "recurrence": "semiannual"},
                    "report_to_include": ["Uỷ ban nhân dân tỉnh"],
                },
                {
                    "text_starts": "Ủy ban nhân dân các huyện, thị xã căn cứ vào các nội dung nhiệm vụ",
                    "roles": {
                        "Ủy ban nhân dân các huyện, thị xã": "lead",
                        "Sở Khoa học và Công nghệ": "coordinate",
                    },
                },
            ]
        },
    ),
    (
        "doc/ttg_QD-698-QD-TTg_2009.doc, Điều 1 V: 'Bộ Giáo dục và Đào tạo chủ trì triển khai các nhiệm vụ:' "
        "a)–i)",
        doc("ttg_qd698_2009"),
        {
            "task_find": [
                {
                    "text_starts": "Bộ Giáo dục và Đào tạo chủ trì triển khai các nhiệm vụ",
                    "roles": {"Bộ Giáo dục và Đào tạo": "lead"},
                    # a b c d đ e g h i
                    "subtask_count": 9,
                },
                {
                    "text_starts": "Chủ trì, phối hợp với Bộ Thông tin và Truyền thông, Bộ Giáo dục và Đào "
                    "tạo xây "
                    "dựng và ban hành",
                    "roles": {
                        "Bộ Nội vụ": "lead",
                        "Bộ Thông tin và Truyền thông": "coordinate",
                        "Bộ Giáo dục và Đào tạo": "coordinate",
                    },
                },
                {
                    "text_starts": "Bộ Giáo dục và Đào tạo chủ trì, phối hợp với Bộ Thông tin và Truyền "
                    "thông, Bộ Kế "
                    "hoạch và Đầu tư, Bộ Tài chính",
                    "roles": {
                        "Bộ Giáo dục và Đào tạo": "lead",
                        "Bộ Thông tin và Truyền thông": "coordinate",
                        "Bộ Kế hoạch và Đầu tư": "coordinate",
                        "Bộ Tài chính": "coordinate",
                    },
                },
            ]
        },
    ),
    (
        "pdf/dongthap_KH-362-SGDDT_2026.pdf, VI: headings naming the unit; '4. Đối với Uỷ ban nhân dân cấp "
        "xã, …'",
        doc("dongthap_kh362_2026"),
        {
            "task_find": [
                {
                    "find": "Chủ trì, phối hợp các Phòng của Sở GDĐT có liên quan xây dựng kế",
                    "assignees_include": ["Phòng Giáo dục Phổ thông"],
                },
                {
                    "text_starts": "Đối với Uỷ ban nhân dân cấp xã, các trường phổ thông",
                    "assignees_include": ["Uỷ ban nhân dân cấp xã"],
                },
            ]
        },
    ),
    (
        "pdf/dongthap_KH-58-THPTCL2_2026.pdf, IV: '- Trường THPT Cao Lãnh 2 xây dựng kế hoạch, điều hành …'",
        doc("dongthap_kh58_2026"),
        {
            "task_find": [
                {
                    "text_starts": "Trường THPT Cao Lãnh 2 xây dựng kế hoạch",
                    "roles": {"Trường THPT Cao Lãnh 2": "lead"},
                }
            ]
        },
    ),
    (
        "pdf/uit_TB-01-TB-BGH_2013_scan.pdf, item 2: 'Phòng Đào tạo Đại học thực hiện các biện pháp …'",
        doc("uit_tb01_2013_scan_p1"),
        {
            "task_find": [
                {"text_starts": "Phòng Đào tạo Đại học thực hiện", "roles": {"Phòng Đào tạo Đại học": "lead"}}
            ]
        },
    ),
    (
        "pdf/hcm_KH-230-THPTPB_2025.pdf: only VII PHÂN CÔNG TRÁCH NHIỆM gives out work; each item names "
        "the post before its colon",
        doc("hcm_kh230_2025"),
        {
            "task_find": [
                {"text_starts": "PHÂN CÔNG TRÁCH NHIỆM", "id": "VII", "assignees": [], "subtask_count": 8},
                {
                    "text_starts": "Phó Hiệu trưởng: Ông Nguyễn Văn Thành",
                    "roles": {"Phó Hiệu trưởng": "lead"},
                },
                {"text_starts": "22 GVCN: Chịu trách nhiệm", "roles": {"22 GVCN": "lead"}},
            ],
            # aims, participants, rules, rounds, timetable and budget (sections I-VI) are no tasks,
            # nor is the registration deadline 'trước 17h00 ngày 10/12/2025' stated in I.4
            "no_task_starting": [
                "MỤC ĐÍCH, YÊU CẦU",
                "Yêu cầu cụ thể",
                "ĐỐI TƯỢNG VÀ ĐIỀU KIỆN DỰ THI",
                "LỊCH CHI TIẾT TỔ CHỨC",
                "NGÂN SÁCH DỰ KIẾN",
            ],
        },
    ),
    (
        "pdf/hcm_QD-2858-QD-UBND_2025.pdf, Điều 4: the bodies that carry out a decision",
        doc("hcm_qd2858_2025"),
        {
            "task_find": [
                {
                    "find": "Giám đốc Kho bạc nhà nước Khu vực II",
                    "kind": "article",
                    "assignees_include": ["Giám đốc Sở Tài chính", "Giám đốc Kho bạc nhà nước Khu vực II"],
                }
            ]
        },
    ),
    (
        "vbpl crawl doc_000001 (NĐ 249/2025), Điều 14.9.c: 'trước ngày 15 tháng 11 hàng năm', reports to "
        "three bodies",
        VBPL_1_TASKS,
        {
            "task_find": [
                {
                    "text_starts": "Thanh tra, kiểm tra, giám sát các chương trình",
                    "assignees_include": ["Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"],
                    "deadline": {"kind": "recurring", "recurrence": "yearly"},
                    "report_to_include": ["Chính phủ", "Thủ tướng Chính phủ", "Bộ Khoa học và Công nghệ"],
                }
            ]
        },
    ),
    (
        "vbpl crawl doc_000060 (Bộ Dân tộc và Tôn giáo, 2026): 'Định kỳ hàng năm (chậm nhất vào ngày 25/12), "
        "báo cáo"
        " Bộ trưởng'",
        VBPL_60_TASK,
        {
            "task_find": [
                {
                    "text_starts": "Định kỳ hàng năm",
                    "deadline": {"kind": "recurring", "recurrence": "yearly"},
                    "report_to_include": ["Bộ trưởng"],
                }
            ]
        },
    ),
    # ---- sentences that are not tasks ----
    (
        "pdf/botuphap_CV-935-VP-TCKT_2019.pdf: what the issuing office already did is not a task",
        doc("btp_cv935_2019"),
        {
            "no_task_starting": ["Văn phòng Bộ đã tổ chức lấy ý kiến góp ý dự thảo"],
            # what the letter does ask: the addressees study the draft before the meeting
            "task_find": [
                {
                    "find": "để các đơn vị nghiên cứu, tham gia, đóng góp ý kiến tại cuộc họp",
                    "roles": {
                        "Thủ trưởng các đơn vị thuộc khối Văn phòng": "lead",
                        "Tổ trưởng tổ công đoàn các đơn vị thuộc khối Văn phòng": "lead",
                    },
                }
            ],
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-hoi-nghi-CCHC_draft.docx: the account of the meeting",
        doc("lamdong_tb_hoinghi_draft_2026"),
        {
            "no_task_starting": ["Ngày 22/01/2026, đồng chí Nguyễn Ngọc Phúc"],
            # "1. Về cải cách thể chế / Giao Sở Tư pháp chủ trì, …: / a) Tổ chức rà soát …"
            "task_find": [
                {
                    "text_starts": "Tổ chức rà soát toàn bộ hệ thống văn bản quy phạm pháp luật",
                    "roles": {"Sở Tư pháp": "lead"},
                }
            ],
        },
    ),
    (
        "pdf/quangngai_TB-11-UBND_2025.pdf: 'Ngày 03/01/2025, Phó Chủ tịch UBND tỉnh Võ Phiên chủ trì họp …'",
        doc("quangngai_tb11_2025"),
        {
            "no_task_starting": ["Ngày 03/01/2025, Phó Chủ tịch UBND tỉnh"],
            # "1. Công ty … tiếp thu các ý kiến tại cuộc họp, … báo cáo UBND tỉnh … trước ngày 08/02/2025."
            "task_find": [
                {
                    "text_starts": "Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ",
                    "roles": {"Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi": "lead"},
                    "deadline": {"date": "2025-02-08"},
                }
            ],
        },
    ),
    (
        "pdf/quangngai_TB-565-UBND_2024.pdf: 'Ngày 12/11/2024, tại trụ sở UBND tỉnh, Phó Chủ tịch … chủ trì "
        "…'",
        doc("quangngai_tb565_2024"),
        {
            "no_task_starting": ["Ngày 12/11/2024, tại trụ sở UBND tỉnh"],
            # "2. Giao Sở Lao động - Thương binh và Xã hội, Ban Dân tộc tỉnh … chịu trách nhiệm: a) … b) …"
            "task_find": [
                {
                    "text_starts": "Giao Sở Lao động - Thương binh và Xã hội, Ban Dân tộc tỉnh",
                    "roles": {"Sở Lao động - Thương binh và Xã hội": "lead", "Ban Dân tộc tỉnh": "lead"},
                }
            ],
        },
    ),
    (
        "docx/lamdong_CV-UBND-NC_2025_giao-CAT-HD46_draft.docx: 'Ủy ban nhân dân tỉnh nhận được Hướng dẫn …'",
        doc("lamdong_cv_hd46_draft_2025"),
        {
            "no_task_starting": ["Ủy ban nhân dân tỉnh nhận được"],
            "task_find": [
                {
                    "text_starts": "Chủ tịch Ủy ban nhân dân tỉnh giao Công an tỉnh nghiên cứu",
                    "roles": {"Công an tỉnh": "lead"},
                }
            ],
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-PCI_draft.docx: the account of the meeting; '… trân trọng thông "
        "báo …'",
        doc("lamdong_tb_pci_draft_2026"),
        {
            "no_task_starting": ["UBND tỉnh trân trọng thông báo", "Ngày 20/4/2026, UBND tỉnh Lâm Đồng"],
            # "b) Giao Sở Tài chính Chủ trì, phối hợp với Sở Xây dựng, Sở Nông nghiệp và Môi trường …"
            "task_find": [
                {
                    "text_starts": "Giao Sở Tài chính Chủ trì",
                    "roles": {
                        "Sở Tài chính": "lead",
                        "Sở Xây dựng": "coordinate",
                        "Sở Nông nghiệp và Môi trường": "coordinate",
                    },
                }
            ],
        },
    ),
    (
        "doc/moet_TB-54-TB-BGDDT_2009.doc: the closing 'Bộ Giáo dục và Đào tạo trân trọng thông báo …'",
        doc("moet_tb54_2009"),
        {
            "no_task_starting": ["Bộ Giáo dục và Đào tạo trân trọng thông báo"],
            # "b) Điều chỉnh … thanh tra của Bộ …: - … - … Bộ GDĐT căn cứ tình hình cụ thể, bố trí …"
            "task_find": [
                {
                    "text_starts": "Điều chỉnh chức năng, nhiệm vụ của lực lượng thanh tra của Bộ",
                    "roles": {"Bộ GDĐT": "lead"},
                    "subtask_count": 2,
                }
            ],
        },
    ),
    (
        "pdf/ttg_QD-20-2019-QD-TTg.pdf: the enacting formula 'Thủ tướng Chính phủ quy định …'",
        doc("ttg_qd20_2019_excerpt"),
        {
            "no_task_starting": ["Thủ tướng Chính phủ quy định chức năng"],
            # "2. Thống đốc Ngân hàng Nhà nước, các Bộ trưởng, … chịu trách nhiệm thi hành Quyết định này./."
            "task_find": [
                {
                    "text_starts": "Thống đốc Ngân hàng Nhà nước, các Bộ trưởng",
                    "roles": {"Thống đốc Ngân hàng Nhà nước": "lead", "các Bộ trưởng": "lead"},
                }
            ],
        },
    ),
    (
        "pdf/vktqg_CV-185-VKTQG-QLKH_2026.pdf: the sender's own opinion 'Sau khi nghiên cứu, Viện … thống "
        "nhất'",
        doc("vktqg_cv185_2026"),
        {"no_task_starting": ["Sau khi nghiên cứu, Viện Kiến trúc Quốc gia"]},
    ),
    (
        "pdf/hcm_QD-2858-QD-UBND_2025.pdf: a basis clause 'Xét đề nghị Sở Tài chính tại các Công văn …'",
        doc("hcm_qd2858_2025"),
        {
            "no_task_starting": ["Xét đề nghị Sở Tài chính"],
            "task_find": [
                {
                    "find": "Giao các cơ quan, đơn vị có tên tại phụ lục chi tiết đính kèm",
                    "roles": {"các cơ quan, đơn vị có tên tại phụ lục chi tiết đính kèm": "lead"},
                },
                {
                    "find": "Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Sở Tài chính",
                    "roles": {
                        "Chánh Văn phòng Ủy ban nhân dân Thành phố": "lead",
                        "Giám đốc Sở Tài chính": "lead",
                    },
                },
            ],
        },
    ),
    (
        "pdf/phutho_CV-UBND-KSTTHC_2011_scan.pdf: the line that introduces the instructions",
        doc("phutho_cv4532_2011_scan"),
        {
            "no_task_starting": ["Chủ tịch UBND tỉnh có ý kiến như sau"],
            # the instruction itself, and the deadline of the next paragraph ("… trước ngày 05/01/2012")
            "task_find": [
                {
                    "text_starts": "Giao các sở, ban, ngành, UBND các huyện, thành, thị xây dựng Kế hoạch",
                    "roles": {"các sở, ban, ngành": "lead", "UBND các huyện, thành, thị": "lead"},
                    "deadline": {"date": "2012-01-05"},
                }
            ],
        },
    ),
    (
        "doc/phutho_KH-STTTT_2011_draft.doc: cells of the training timetable ('Phòng Bưu chính', …)",
        doc("phutho_kh_stttt_draft_2011"),
        {
            "no_task_starting": ["Phòng Bưu chính", "Phòng Viễn thông"],
            "task_find": [
                {
                    "text_starts": "Phòng Công nghệ thông tin",
                    "roles": {"Phòng Công nghệ thông tin": "lead"},
                }
            ],
        },
    ),
    (
        "docx/spkthy_TB-trien-khai-do-an-5_2013.docx: a field of the annexed form, 'Ngành: Công nghệ thông "
        "tin'",
        doc("spkthy_tb_2013"),
        {"no_task_starting": ["Ngành: Công nghệ thông tin"]},
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_tasks(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])


# What these documents ask, read from the text, that the parser does not yet find (strict xfails:
# they fail the day the parser gets it right, so the case moves up into CASES).
KNOWN_GAPS = [
    (
        "pdf/vktqg_CV-185-VKTQG-QLKH_2026.pdf: 'Viện Kiến trúc Quốc gia kính báo cáo Bộ Xây dựng, Cục Giám "
        "định … xem xét, tổng hợp./.' asks the ministry, not the sender",
        doc("vktqg_cv185_2026"),
        {
            "task_find": [
                {"text_starts": "Viện Kiến trúc Quốc gia kính báo cáo", "roles": {"Bộ Xây dựng": "lead"}}
            ]
        },
        "the sender is taken as the lead ('Viện Kiến trúc Quốc gia kính'), the body asked is Bộ Xây dựng",
    ),
    (
        "docx/spkthy_TB-trien-khai-do-an-5_2013.docx: 'Chú ý: Đúng 15h30 thứ 7 ngày 24/8/2013 lớp trưởng các "
        "lớp TK8.1, TK8.4, TK9LN thực hiện các yêu cầu sau: + Nộp bản cứng …'",
        doc("spkthy_tb_2013"),
        {"task_find": [{"find": "lớp trưởng các lớp TK8.1, TK8.4, TK9LN thực hiện các yêu cầu sau"}]},
        "the notice's one instruction (to the class monitors, due 24/8/2013) is not found: no tasks at all",
    ),
    (
        "doc/moet_TB-54-TB-BGDDT_2009.doc: 'c) Huy động giám thị từ trường ĐH, CĐ tham gia coi thi trong "
        "phòng thi: Bộ GD&ĐT huy động giám thị …'",
        doc("moet_tb54_2009"),
        {"task_find": [{"text_starts": "Huy động giám thị từ trường ĐH, CĐ", "roles": {"Bộ GD&ĐT": "lead"}}]},
        "'Bộ GD&ĐT huy động …' after the item's colon is not taken as its assignee (no assignees)",
    ),
]


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        pytest.param(source, text, expected, marks=pytest.mark.xfail(strict=True, reason=reason))
        for source, text, expected, reason in KNOWN_GAPS
    ],
    ids=case_ids([case[:3] for case in KNOWN_GAPS]),
)
def test_tasks_known_gaps(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])


def test_a_recurrence_ends_the_body_reported_to() -> None:
    """'báo cáo UBND tỉnh hằng năm (chậm nhất ngày 25/12)': the report goes to 'UBND tỉnh'."""
    text = (
        "UBND TỈNH LAI CHÂU\nSỞ Y TẾ\nSố: 12/SYT-NV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 1 tháng 2 năm 2021\nV/v triển khai\n\n"
        "Kính gửi: Các bệnh viện\n\n"
        "1. Các bệnh viện tổng hợp kết quả, báo cáo UBND tỉnh hằng năm (chậm nhất ngày 25/12).\n"
    )
    task = record(text)["tasks"][0]
    assert task["report_to"] == ["UBND tỉnh"]
    assert (task["deadline"]["kind"], task["deadline"]["recurrence"]) == ("recurring", "yearly")


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Tổ chức Hội nghị sơ kết vào ngày 20/5/2025 tại Hội trường UBND tỉnh.", "2025-05-20"),
        ("Các trường cử giáo viên dự họp vào lúc 14 giờ 00 ngày 28/4/2026.", "2026-04-28"),
        ("Các đơn vị tham dự lễ phát động vào ngày 15 tháng 3 năm 2024.", "2024-03-15"),
    ],
)
def test_the_day_something_takes_place(sentence: str, date: str) -> None:
    """'vào ngày …' gives the day the task takes place (kind 'on'), not a deadline to beat."""
    text = (
        "UBND TỈNH LAI CHÂU\nSỞ Y TẾ\nSố: 12/SYT-NV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 1 tháng 2 năm 2021\nV/v triển khai\n\n1. {sentence}\n"
    )
    deadline = record(text)["tasks"][0]["deadline"]
    assert (deadline["kind"], deadline["date"]) == ("on", date)


def test_the_effect_words_share_a_run_fold_tones_never_writes() -> None:
    """_select looks for the run all effect phrases share before folding: fold_tones writes none of
    its letters, so a folded text holds the run only where the text did."""
    from vbdieuhanh.extract.tasks import _effect_core
    from vbdieuhanh.lexicon import task_headings
    from vbdieuhanh.tones import _FOLD_TABLE

    core = _effect_core()
    assert core
    assert all(core in phrase for phrase in task_headings()["effect"])
    assert not set(core) & set("".join(_FOLD_TABLE.values()))


@pytest.mark.parametrize("text", ["", ".", "?! a", "Điều 1.5 có. b", "a./. b", "ab!", "x 3.", "a. b? c"])
def test_the_first_sentence_end_is_that_of_the_sentences(text: str) -> None:
    """_first_sentence_end reads the first of _sentences, or the whole text when none starts it."""
    from vbdieuhanh.extract.tasks import _first_sentence_end, _sentences

    first = _sentences(text, 0, len(text))[:1]
    assert _first_sentence_end(text) == (first[0][1] if first and first[0][0] == 0 else len(text))
