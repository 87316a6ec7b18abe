"""Chữ ký: authority marks (TM., KT., TL., with or without a space), position, name; "(Đã ký)" and
stamp noise are not the name; ranks and academic titles go to ``honorifics``, not into the name.

Conventions: marks are written "KT. Giám đốc" (one space, sentence case, the decree's spelling of
titles: "Chánh Văn phòng", "Thủ tướng"); old tone marks are normalised ("UỶ" → "Ủy"); a name
typed in capitals is given in title case.
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, doc, record

VBPL_HEAD_BQP = (
    "BỘ QUỐC PHÒNG\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "---------------\n\nSố: 141/2025/TT-BQP\n\nHà Nội, ngày 12 tháng 12 năm 2025\n\nTHÔNG TƯ\n\n"
    "Quy định một số nội dung về hoạt động đấu thầu trong phạm vi quản lý của Bộ Quốc phòng\n\n"
    "____________\n\n"
)
VBPL_HEAD_TTCP = (
    "THANH TRA CHÍNH PHỦ\n\nCỘNG HOÀ XÃ HỘI CHỦ NCHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 07/2025/TT-TTCP\n\nHà Nội, ngày 29 tháng 12 năm 2025\n\nTHÔNG TƯ\n\nQuy định về mẫu Thẻ thanh "
    "tra\n\n"
    "và việc cấp, quản lý, sử dụng Thẻ thanh tra\n\n"
)
VBPL_HEAD_NHNN = (
    "NGÂN HÀNG NHÀ NƯỚC\n\nVIỆT NAM\n\n_________\n\nSố: 62/2025/TT-NHNN\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n________________________\n\n"
    "Hà Nội, ngày 31 tháng 12 năm 2025\n\nTHÔNG TƯ\n\n"
    "Quy định về hệ thống kiểm soát nội bộ của tổ chức tín dụng là hợp tác xã,\n\ntổ chức tài chính vi mô\n\n"
)
VBPL_HEAD_CP = (
    "CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 249/2025/NĐ-CP\n\n"
    "Hà Nội, ngày 19 tháng 09 năm 2025\n\nNGHỊ ĐỊNH\n\nQuy định cơ chế, chính sách thu hút chuyên gia khoa "
    "học, công nghệ, đổi mới sáng tạo và chuyển đổi số\n\n"
)
VBPL_HEAD_QH = (
    "QUỐC HỘI\n\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\nLuật số: "
    "121/2025/QH15\n\n"
    "Hà Nội, ngày 10 tháng 12 năm 2025\n\nLUẬT\n\nHOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN\n\n"
)
VBPL_HEAD_UBTVQH = (
    "ỦY BAN THƯỜNG VỤ\n\nQUỐC HỘI\n\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
    "Độc lập - Tự do - Hạnh phúc\n\n---------------\n\nNghị quyết số: 104/2025/UBTVQH15\n\n"
    "Hà Nội, ngày 26 tháng 9 năm 2025\n\nNGHỊ QUYẾT\n\n"
    "BAN HÀNH QUY CHẾ LÀM VIỆC MẪU CỦA HỘI ĐỒNG NHÂN XÃ, PHƯỜNG, ĐẶC KHU\n\nỦY BAN THƯỜNG VỤ QUỐC HỘI\n\n"
)

CASES = [
    # ---- marks without a space, old tone marks ----
    (
        "pdf/botuphap_CV-935-VP-TCKT_2019.pdf: 'KT.CHÁNH VĂN PHÒNG' (no space)",
        doc("btp_cv935_2019"),
        {
            "signer": {
                "name": "Nguyễn Quốc Hoàn",
                "position": "Phó Chánh Văn phòng",
                "authority": ["KT. Chánh Văn phòng"],
            }
        },
    ),
    (
        "pdf/kiengiang_KH-1942-SYT_2017_scan.pdf: 'KT.GIÁM ĐỐC' (no space), seal over the signature",
        doc("kiengiang_kh1942_2017_scan"),
        {"signer": {"name": "Hà Văn Phúc", "position": "Phó Giám đốc", "authority": ["KT. Giám đốc"]}},
    ),
    (
        "pdf/dongthap_BC-355-HDXTH_2026.pdf: the chairman's title, then the one he holds concurrently",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nHỘI ĐỒNG XÉT THĂNG HẠNG\nSố: 355/BC-HĐXTH\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Đồng Tháp, ngày 16 tháng 4 năm 2026\n\nBÁO CÁO\nKết quả xét thăng hạng\n\n"
        "Hội đồng báo cáo kết quả xét thăng hạng./.\n\nNơi nhận:\n- Sở Nội vụ;\n- Lưu: VT, HĐXTH.\n\n"
        "TM. HỘI ĐỒNG\nCHỦ TỊCH\nGIÁM ĐỐC SỞ GIÁO DỤC VÀ\nĐÀO TẠO\n\nLê Quang Trí\n",
        {"signer": {"name": "Lê Quang Trí", "position": "Chủ tịch", "authority": ["TM. Hội đồng"]}},
    ),
    (
        "pdf/lamdong_CV-963-SNV-CCHCVTLT_2025.pdf: 'KT.GIÁM ĐỐC'",
        doc("lamdong_cv963_2025"),
        {"signer": {"name": "Trần Hữu Tuấn", "position": "Phó Giám đốc", "authority": ["KT. Giám đốc"]}},
    ),
    (
        "pdf/dongthap_KH-58-THPTCL2_2026.pdf: 'KT.HIỆU TRƯỞNG' (school)",
        doc("dongthap_kh58_2026"),
        {
            "signer": {
                "name": "Trần Thanh Vũ",
                "position": "Phó Hiệu trưởng",
                "authority": ["KT. Hiệu trưởng"],
            }
        },
    ),
    (
        "pdf/phutho_CV-UBND-KSTTHC_2011_scan.pdf: 'TL.CHỦ TỊCH' (no space)",
        doc("phutho_cv4532_2011_scan"),
        {
            "signer": {
                "name": "Trần Thị Thu Hương",
                "position": "Chánh Văn phòng",
                "authority": ["TL. Chủ tịch"],
            }
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-hoi-nghi-CCHC_draft.docx: 'TL.CHỦ TỊCH' then 'KT. CHÁNH VĂN "
        "PHÒNG'",
        doc("lamdong_tb_hoinghi_draft_2026"),
        {
            "signer": {
                "name": "Trịnh Ngọc Duệ",
                "position": "Phó Chánh Văn phòng",
                "authority": ["TL. Chủ tịch", "KT. Chánh Văn phòng"],
            }
        },
    ),
    (
        "doc/binhduong_CT-09-2009-CT-UBND.doc: 'TM. UỶ BAN NHÂN DÂN' / 'KT.CHỦ TỊCH' after tabs beside "
        "recipients",
        doc("binhduong_ct09_2009"),
        {
            "signer": {
                "name": "Nguyễn Văn Hiệp",
                "position": "Phó Chủ tịch",
                "authority": ["TM. Ủy ban nhân dân", "KT. Chủ tịch"],
            }
        },
    ),
    (
        "doc/cantho_QD-09-2010-QD-UBND.doc: 'TM.ỦY BAN NHÂN DÂN' / 'KT.CHỦ TỊCH', '(đã ký)', padding spaces",
        doc("cantho_qd09_2010"),
        {
            "signer": {
                "name": "Trần Tuấn Anh",
                "position": "Phó Chủ tịch",
                "authority": ["TM. Ủy ban nhân dân", "KT. Chủ tịch"],
            }
        },
    ),
    (
        "doc/hanoi_QD-15-2010-QD-UBND.doc: TM. / KT. / PHÓ CHỦ TỊCH / (đã ký)",
        doc("hanoi_qd15_2010_decision"),
        {
            "signer": {
                "name": "Ngô Thị Thanh Hằng",
                "position": "Phó Chủ tịch",
                "authority": ["TM. Ủy ban nhân dân", "KT. Chủ tịch"],
            }
        },
    ),
    (
        "doc/cdgdvn_CV-172-CDN-TGNC.doc: 'TM. BAN THƯỜNG VỤ' with a soft hyphen inside 'THƯỜNG'",
        doc("cdgdvn_cv172_2013"),
        {
            "signer": {
                "name": "Nguyễn Thị Bích Hợp",
                "position": "Phó Chủ tịch",
                "authority": ["TM. Ban Thường vụ"],
            }
        },
    ),
    # ---- TL. + KT. chains ----
    (
        "pdf/quangngai_CV-507-UBND-KGVX_2025.pdf: TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG",
        doc("quangngai_cv507_2025"),
        {
            "signer": {
                "name": "Phùng Tô Long",
                "position": "Phó Chánh Văn phòng",
                "authority": ["TL. Chủ tịch", "KT. Chánh Văn phòng"],
            }
        },
    ),
    (
        "pdf/quangngai_TB-11-UBND_2025.pdf: 'TL. CHỦ TỊCH' printed on the 'Nơi nhận:' line, the rest after "
        "the list",
        doc("quangngai_tb11_2025"),
        {
            "signer": {
                "name": "Nguyễn Phước Bình",
                "position": "Phó Chánh Văn phòng",
                "authority": ["TL. Chủ tịch", "KT. Chánh Văn phòng"],
            }
        },
    ),
    (
        "docx/lamdong_TB-UBND_2026_ket-luan-PCI_draft.docx: the authority marks in decomposed Unicode",
        doc("lamdong_tb_pci_draft_2026"),
        {
            "signer": {
                "name": "Trịnh Ngọc Duệ",
                "position": "Phó Chánh Văn phòng",
                "authority": ["TL. Chủ tịch", "KT. Chánh Văn phòng"],
            }
        },
    ),
    (
        "pdf/kiengiang_GM-745-UBND_2017_hoatoc_scan.pdf: TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG, seal over the name",
        doc("kiengiang_gm745_2017_scan"),
        {
            "signer": {
                "name": "Huỳnh Vĩnh Lạc",
                "position": "Chánh Văn phòng",
                "authority": ["TL. Chủ tịch"],
            }
        },
    ),
    (
        "doc/moet_TB-54-TB-BGDDT_2009.doc: 'TL. BỘ TRƯỞNG' / 'CHÁNH VĂN PHÒNG' then blank lines",
        doc("moet_tb54_2009"),
        {
            "signer": {
                "name": "Trần Quang Quý",
                "position": "Chánh Văn phòng",
                "authority": ["TL. Bộ trưởng"],
            }
        },
    ),
    (
        "pdf/hcm_QD-2858-QD-UBND_2025.pdf: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        doc("hcm_qd2858_2025"),
        {
            "signer": {
                "name": "Nguyễn Văn Dũng",
                "position": "Phó Chủ tịch",
                "authority": ["TM. Ủy ban nhân dân", "KT. Chủ tịch"],
            }
        },
    ),
    # ---- heads signing in person, central bodies ----
    (
        "docx/lamdong_CV-UBND-NC_2025_nhan-rong-mo-hinh-CCHC_draft.docx: the Chairman signs in person ('CHỦ "
        "TỊCH')",
        doc("lamdong_cv_nhanrong_draft_2025"),
        {"signer": {"name": "Hồ Văn Mười", "position": "Chủ tịch", "authority": []}},
    ),
    (
        "doc/ttg_QD-698-QD-TTg_2009.doc: KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG / (đã ký), trailing spaces",
        doc("ttg_qd698_2009"),
        {
            "signer": {
                "name": "Nguyễn Thiện Nhân",
                "position": "Phó Thủ tướng",
                "authority": ["KT. Thủ tướng"],
            }
        },
    ),
    (
        "pdf/ttg_QD-20-2019-QD-TTg.pdf: 'THỦ TƯỚNG' signing in person",
        doc("ttg_qd20_2019_excerpt"),
        {"signer": {"name": "Nguyễn Xuân Phúc", "position": "Thủ tướng", "authority": []}},
    ),
    (
        "pdf/ttg_CV-464-TTg-CDS_2026_scan.pdf: KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG under the seal",
        doc("ttg_cv464_2026_scan_p1_p3"),
        {
            "signer": {
                "name": "Phạm Thị Thanh Trà",
                "position": "Phó Thủ tướng",
                "authority": ["KT. Thủ tướng"],
            }
        },
    ),
    (
        "vbpl crawl doc_000001 (Chính phủ, 2025): TM. CHÍNH PHỦ / KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG / (Đã ký)",
        VBPL_HEAD_CP
        + "Điều 16. Trách nhiệm thi hành\n\nCác Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ "
        "quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và tổ chức, cá "
        "nhân có liên quan chịu trách nhiệm thi hành Nghị định này.\n\nTM. CHÍNH PHỦ\n\nKT. THỦ TƯỚNG\n\n"
        "PHÓ THỦ TƯỚNG\n\n(Đã ký)\n\nNguyễn Hòa Bình",
        {
            "signer": {
                "name": "Nguyễn Hòa Bình",
                "position": "Phó Thủ tướng",
                "authority": ["TM. Chính phủ", "KT. Thủ tướng"],
            }
        },
    ),
    (
        "vbpl crawl doc_000002 (Quốc hội, 2025): 'CHỦ TỊCH QUỐC HỘI' / '(Đã ký)'",
        VBPL_HEAD_QH
        + "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, Kỳ họp thứ 10 "
        "thông qua ngày 10 tháng 12 năm 2025.\n\nCHỦ TỊCH QUỐC HỘI\n\n(Đã ký)\n\nTrần Thanh Mẫn",
        {"signer": {"name": "Trần Thanh Mẫn", "position": "Chủ tịch Quốc hội", "authority": []}},
    ),
    (
        "pdf/quochoi_HienPhap-2013_congbao.pdf: 'CHỦ TỊCH QUỐC HỘI' at the end of the Constitution",
        doc("quochoi_hienphap_2013_excerpt"),
        {"signer": {"name": "Nguyễn Sinh Hùng", "position": "Chủ tịch Quốc hội"}},
    ),
    (
        "vbpl crawl doc_000085 (2025): the resolution's signature, then its annex with a blank signing form",
        VBPL_HEAD_UBTVQH
        + "Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam "
        "khóa XV, Phiên họp thứ 49 thông qua ngày 26 tháng 9 năm 2025.\n\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\n\n"
        "CHỦ TỊCH\n\n(Đã ký)\n\nTrần Thanh Mẫn\n\nỦY BAN THƯỜNG VỤ\n\nQUỐC HỘI\n\n-------\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n---------------\n\n"
        "QUY CHẾ LÀM VIỆC MẪU\n\nCỦA HỘI ĐỒNG NHÂN DÂN XÃ, PHƯỜNG, ĐẶC KHU\n\n(Ban hành kèm theo Nghị quyết "
        "số "
        "104/2025/UBTVQH15\n\nngày 26 tháng 9 năm 2025 của Ủy ban Thường vụ Quốc hội)\n\n"
        "Biên bản này được lập thành 03 bản vào hồi ... giờ ... phút ngày ... tháng ... năm... tại...\n\n"
        "TM. BAN KIỂM PHIẾU\n\nTRƯỞNG BAN\n\n(Ký, ghi rõ họ, tên)",
        {
            "signer": {
                "name": "Trần Thanh Mẫn",
                "position": "Chủ tịch",
                "authority": ["TM. Ủy ban Thường vụ Quốc hội"],
            }
        },
    ),
    (
        "vbpl crawl doc_000133 (Thanh tra Chính phủ, 2025): KT. TỔNG THANH TRA / PHÓ TỔNG THANH TRA",
        VBPL_HEAD_TTCP
        + "2. Trong quá trình thực hiện, nếu có các vấn đề phát sinh hoặc khó khăn, vướng mắc, đề "
        "nghị các cơ quan, tổ chức, đơn vị, cá nhân phản ánh kịp thời về Thanh tra Chính phủ để nghiên cứu, "
        "sửa "
        "đổi, bổ sung cho phù hợp./.\n\nKT. TỔNG THANH TRA\n\nPHÓ TỔNG THANH TRA\n\n(Đã ký)\n\nLê Tiến Đạt",
        {
            "signer": {
                "name": "Lê Tiến Đạt",
                "position": "Phó Tổng Thanh tra",
                "authority": ["KT. Tổng Thanh tra"],
            }
        },
    ),
    (
        "vbpl crawl doc_000087 (NHNN, 2025): 'THỐNG ĐỐC' / 'PHÓ THỐNG ĐỐC' (the crawl dropped 'KT.')",
        VBPL_HEAD_NHNN
        + "Điều 57. Trách nhiệm tổ chức thực hiện\n\nThủ trưởng các đơn vị thuộc Ngân hàng Nhà nước, "
        "ngân hàng hợp tác xã, quỹ tín dụng nhân dân, tổ chức tài chính vi mô và các tổ chức, cá nhân có "
        "liên "
        "quan chịu trách nhiệm tổ chức thực hiện Thông tư này./.\n\nTHỐNG ĐỐC\n\nPHÓ THỐNG ĐỐC\n\n(Đã ký)\n\n"
        "Đoàn Thái Sơn",
        {"signer": {"name": "Đoàn Thái Sơn", "position": "Phó Thống đốc"}},
    ),
    # ---- ranks and academic titles before the name ----
    (
        "vbpl crawl doc_000012 (Bộ Quốc phòng, 2025): 'Thượng tướng Vũ Hải Sản'",
        VBPL_HEAD_BQP
        + "2. Cục trưởng Cục Tài chính/BQP chịu trách nhiệm tổ chức triển khai, thực hiện Thông tư "
        "này./.\n\nKT. BỘ TRƯỞNG\n\nTHỨ TRƯỞNG\n\nThượng tướng Vũ Hải Sản",
        {
            "signer": {
                "name": "Vũ Hải Sản",
                "position": "Thứ trưởng",
                "authority": ["KT. Bộ trưởng"],
                "honorifics": ["Thượng tướng"],
            }
        },
    ),
    (
        "pdf/lamdong_CV-1413-CAT-PC04_2026_scan.pdf: 'GIÁM ĐỐC' / 'Thiếu tướng Trương Minh Đương'",
        doc("lamdong_cv1413_2026_scan"),
        {
            "signer": {
                "name": "Trương Minh Đương",
                "position": "Giám đốc",
                "authority": [],
                "honorifics": ["Thiếu tướng"],
            }
        },
    ),
    (
        "pdf/dalat-univ_QD-2015-DHDL_hocphi_ocr.pdf: 'PGS.TS. NGUYÊN ĐỨC HÒA' glued to a recipient line by "
        "OCR",
        doc("dalat_qd_ocr_2015"),
        # the OCR dropped the tilde of Nguyễn; the name is taken as the text gives it, in title case
        {"signer": {"name": "Nguyên Đức Hòa", "honorifics": ["PGS.TS."]}},
    ),
    # ---- other shapes ----
    (
        "pdf/tcthads_QD-draft-chuyen-ngach_2020.pdf: 'Tổng cục trưởng' over a name typed in capitals",
        doc("tcthads_qd_draft_2020"),
        {"signer": {"name": "Nguyễn Ngọc Anh", "position": "Tổng cục trưởng"}},
    ),
    (
        "pdf/dongthap_BC-355-HDXTH_2026.pdf: TM. HỘI ĐỒNG / CHỦ TỊCH / GIÁM ĐỐC SỞ … (a concurrent title)",
        doc("dongthap_bc355_2026"),
        {"signer": {"name": "Lê Quang Trí", "authority": ["TM. Hội đồng"]}},
    ),
    (
        "doc/uit_TB-03-TB-DTDH_2014.doc: 'KT. TRƯỞNG PHÒNG ĐÀO TẠO ĐẠI HỌC' / 'PHÓ TRƯỞNG PHÒNG' / '(đã ký)'",
        doc("uit_tb03_2014"),
        {"signer": {"name": "Lê Ngô Thục Vi"}, "signer_position_ci": "Phó Trưởng phòng"},
    ),
    (
        "pdf/hcm_KH-230-THPTPB_2025.pdf: KT. HIỆU TRƯỞNG / PHÓ HIỆU TRƯỞNG after member tables",
        doc("hcm_kh230_2025"),
        {
            "signer": {
                "name": "Nguyễn Văn Thành",
                "position": "Phó Hiệu trưởng",
                "authority": ["KT. Hiệu trưởng"],
            }
        },
    ),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_signer(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])
