"""Nhiệm vụ on the shapes of real directives (robustness spec §5), on texts written for these tests:
invented bodies, numbers and dates in the exact shape of real plans, notices and decisions.

What is a task: the items of a numbered or lettered list that give out work. Plan sections that
state aims, people, time, place, rules or money are not, nor the points of an article that only
lists what it approves, nor an article that only says when the text takes effect, nor an item that
only agrees to something. A dash line under an item is part of it. An unnumbered paragraph inside a
list does not end the list.
"""

from __future__ import annotations

import pytest
from casecheck import case_ids, check, record

_HEADER = (
    "UBND TỈNH HÒA BÌNH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nHòa Bình, ngày 12 tháng 3 năm 2025\n{title}\n\n"
)
_SIGNATURE = "\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\n\nTrần Văn Khải\n"


def plan(body: str) -> str:
    """A kế hoạch of a department: header, body, signature."""
    header = _HEADER.format(number="41/KH-SGDĐT", title="KẾ HOẠCH\nTổ chức Ngày hội đọc sách năm 2025")
    return header + body + _SIGNATURE


def letter(body: str) -> str:
    """A công văn of a department to the schools."""
    header = _HEADER.format(number="215/SGDĐT-GDTrH", title="V/v triển khai nhiệm vụ năm học")
    return header + "Kính gửi: Các trường trung học phổ thông.\n\n" + body + _SIGNATURE


def decision(body: str) -> str:
    """A quyết định of a provincial People's Committee."""
    header = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 377/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHòa Bình, ngày 12 tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
        "Về việc phê duyệt kết quả tuyển dụng viên chức năm 2025\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Viên chức ngày 15 tháng 11 năm 2010;\n\n"
        "QUYẾT ĐỊNH:\n\n"
    )
    return header + body + "\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nCHỦ TỊCH\n\nLê Văn Hào\n"


def notice(body: str) -> str:
    """A thông báo of a provincial People's Committee."""
    header = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 88/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHòa Bình, ngày 12 tháng 3 năm 2025\nTHÔNG BÁO\n"
        "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về tiến độ dự án\n\n"
    )
    return header + body + _SIGNATURE


PLAN_SECTIONS = plan(
    "Thực hiện Kế hoạch số 12/KH-UBND ngày 02/01/2025 của UBND tỉnh, Sở Giáo dục và Đào tạo xây dựng "
    "Kế hoạch như sau:\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nKhơi dậy phong trào đọc sách trong học sinh.\n\n"
    "2. Yêu cầu\n\nCác đơn vị tổ chức chu đáo, tiết kiệm, hiệu quả.\n\n"
    "II. THỜI GIAN, ĐỊA ĐIỂM\n\n1. Thời gian: 08 giờ 00 ngày 21/4/2025.\n\n"
    "2. Địa điểm: Hội trường Trường THPT Lạc Sơn.\n\n"
    "III. THÀNH PHẦN THAM DỰ\n\n- Lãnh đạo Sở Giáo dục và Đào tạo;\n\n- Đại diện các trường THPT.\n\n"
    "IV. KINH PHÍ\n\nKinh phí tổ chức từ nguồn chi thường xuyên năm 2025 của Sở.\n\n"
    "V. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Giáo dục Trung học chủ trì tham mưu tổ chức Ngày hội; báo cáo "
    "kết quả trước ngày 30/4/2025.\n\n2. Văn phòng Sở chuẩn bị hội trường, khánh tiết.\n\n"
    "3. Kinh phí: Phòng Kế hoạch - Tài chính bố trí kinh phí theo quy định."
)

INVITATION = notice(
    "UBND tỉnh tổ chức Hội nghị sơ kết Chương trình như sau:\n\n"
    "1. Thành phần\n\n- Đồng chí Phó Chủ tịch UBND tỉnh;\n\n"
    "- Lãnh đạo các sở, ngành liên quan (giao Sở Kế hoạch và Đầu tư mời);\n\n"
    "2. Thời gian: Vào lúc 14 giờ 00 phút, ngày 18/3/2025.\n\n"
    "3. Địa điểm: Hội trường tầng 3, trụ sở UBND tỉnh.\n\n"
    "4. Phân công nhiệm vụ:\n\n"
    "- Giao Sở Kế hoạch và Đầu tư chuẩn bị báo cáo, gửi về Văn phòng UBND tỉnh trước ngày 16/3/2025."
)

APPROVAL = decision(
    "Điều 1. Phê duyệt kết quả tuyển dụng viên chức năm 2025, cụ thể như sau:\n\n"
    "1. Tổng số hồ sơ tiếp nhận là 412 hồ sơ, chia ra:\n\n- Giáo viên trung học phổ thông: 230 hồ sơ;\n\n"
    "- Nhân viên: 182 hồ sơ.\n\n2. Tổng số người trúng tuyển là 96 người.\n\n"
    "Điều 2. Giao Sở Nội vụ thông báo kết quả đến người dự tuyển trước ngày 25/3/2025.\n\n"
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và Thủ trưởng các cơ quan, đơn vị liên quan "
    "chịu trách nhiệm thi hành Quyết định này./."
)

APPROVED_PLAN = decision(
    "Điều 1. Phê duyệt Đề án phát triển thư viện trường học giai đoạn 2025 - 2030 với những nội dung "
    "chủ yếu sau đây:\n\n"
    "I. MỤC TIÊU\n\n1. Mục tiêu chung\n\nNâng cao chất lượng thư viện trường học.\n\n"
    "II. CÁC GIẢI PHÁP\n\n1. Đổi mới hoạt động thư viện theo hướng thư viện số.\n\n"
    "2. Tăng cường đầu tư sách, báo cho thư viện các trường vùng khó khăn.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Giáo dục và Đào tạo chủ trì triển khai Đề án.\n\n"
    "2. Sở Tài chính bố trí kinh phí hằng năm để thực hiện Đề án.\n\n"
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành. Chánh Văn phòng UBND tỉnh, "
    "Giám đốc Sở Giáo dục và Đào tạo chịu trách nhiệm thi hành Quyết định này./."
)

CONCLUSIONS = notice(
    "Sau khi nghe báo cáo, Phó Chủ tịch UBND tỉnh kết luận như sau:\n\n"
    "1. Đồng ý chủ trương điều chỉnh tiến độ Dự án đường tỉnh 435 đến hết năm 2026.\n\n"
    "2. Thống nhất tổ chức lễ khởi công Dự án trong tháng 5/2025. Giao Sở Xây dựng chủ trì, phối hợp "
    "với UBND huyện Lạc Thủy chuẩn bị các điều kiện tổ chức lễ khởi công.\n\n"
    "3. Đối với công tác giải phóng mặt bằng:\n\n"
    "a) UBND huyện Lạc Thủy hoàn thành chi trả bồi thường trước ngày 30/4/2025;\n\n"
    "b) Trung tâm Phát triển quỹ đất tỉnh rà soát hồ sơ đất đai của 14 hộ dân:\n\n"
    "- Lập phương án hỗ trợ tái định cư;\n\n- Trình phê duyệt trong tháng 4/2025.\n\n"
    "Sở Tài nguyên và Môi trường căn cứ kết quả rà soát, hướng dẫn thủ tục thu hồi đất.\n\n"
    "c) Ban Quản lý dự án đầu tư xây dựng tỉnh bàn giao mặt bằng cho nhà thầu.\n\n"
    "UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."
)

UNSPECIFIC = letter(
    "Thực hiện Kế hoạch số 05/KH-UBND ngày 10/01/2025 của UBND tỉnh, Sở Giáo dục và Đào tạo đề nghị "
    "các đơn vị thực hiện một số nội dung sau:\n\n"
    "1. Xây dựng kế hoạch tổ chức Tuần lễ học tập suốt đời năm 2025.\n\n"
    "2. Giao Phòng Giáo dục Trung học chủ trì, phối hợp với Văn phòng Sở và các phòng, đơn vị liên quan "
    "kiểm tra việc thực hiện; phối hợp với các cơ quan, đơn vị, địa phương tuyên truyền kết quả.\n\n"
    "3. Các cơ quan, đơn vị, địa phương phải công khai kết quả trên cổng thông tin điện tử.\n\n"
    "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các đơn vị phản ánh về Sở (qua Phòng Giáo dục "
    "Trung học) để được hướng dẫn."
)

CONSULTATION = letter(
    "Sở Giáo dục và Đào tạo xây dựng dự thảo Quy chế gửi lấy ý kiến các cơ quan có liên quan (gồm: Văn "
    "phòng UBND tỉnh, Sở Tư pháp, Sở Tài chính) như sau:\n\n"
    "1. Góp ý dự thảo Quy chế phối hợp quản lý dạy thêm, học thêm.\n\n"
    "2. Cử 01 lãnh đạo phòng chuyên môn tham gia Tổ soạn thảo.\n\n"
    "Đề nghị Văn phòng UBND tỉnh, Sở Tư pháp, Sở Tài chính có văn bản góp ý và gửi về Sở Giáo dục và Đào "
    "tạo chậm nhất ngày 20/3/2025 để tổng hợp./."
)

NAMES = notice(
    "Phó Chủ tịch UBND tỉnh kết luận và chỉ đạo như sau:\n\n"
    "1. Giao Ban Dân tộc tỉnh chủ trì, phối hợp với các Sở: Tài chính, Kế hoạch và Đầu tư rà soát danh "
    "mục dự án (các cơ sở KCB không được thu thêm chi phí ngoài danh mục).\n\n"
    "2. Sở, ban, ngành, Ủy ban nhân dân huyện, thị xã là đầu mối theo dõi việc thực hiện.\n\n"
    "3. Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh):\n\n"
    "a) Công khai thủ tục hành chính trước ngày 15/4/2025;\n\n"
    "b) Tiếp nhận hồ sơ trực tuyến.\n\n"
    "4. Lĩnh vực đo lường: Ủy ban nhân dân các huyện chủ động phối hợp với Liên đoàn Thương mại và Công "
    "nghiệp Việt Nam (VCCI) tổ chức tập huấn.\n\n"
    "5. Trách nhiệm của các sở, ban, ngành, UBND các xã, phường:\n\n"
    "a) Rà soát thủ tục hành chính thuộc thẩm quyền;\n\n"
    "b) Giao Sở Nội vụ chủ trì tổng hợp kết quả đánh giá.\n\n"
    "6. Giao Trung tâm Xúc tiến Đầu tư tỉnh:\n\n"
    "- Chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch xúc tiến đầu tư;\n\n"
    "- Sau khi có kết quả, giao Trung tâm chủ trì phối hợp với Sở Tài chính tổ chức hội nghị.\n\n"
    "7. Đối với Ủy ban nhân dân huyện Tân Lạc, các trường phổ thông Đề nghị Ủy ban nhân dân huyện chỉ đạo "
    "các trường chuẩn bị hồ sơ.\n\n"
    "8. Phòng Kế hoạch - Tài chính dự trù kinh phí, phối hợp với Bộ Công an trong công tác kiểm tra."
)

SOCIAL_INSURANCE = letter(
    "Để triển khai chính sách bảo hiểm y tế học sinh, sinh viên năm học 2025 - 2026, Sở Giáo dục và Đào "
    "tạo đề nghị BHXH các huyện nghiên cứu, phối hợp cùng các cơ sở y tế triển khai, đồng thời thực hiện "
    "một số nội dung sau:\n\n"
    "1/ Rà soát danh sách học sinh chưa tham gia bảo hiểm y tế.\n\n"
    "2/ Tổ chức cấp thẻ bảo hiểm y tế trước ngày 30/10/2025.\n\n"
    "3/ Đ/c Chủ tịch UBND huyện Lạc Sơn chỉ đạo các xã vận động học sinh tham gia.\n\n"
    "4/ Thủ trưởng các đơn vị trực thuộc Sở tổ chức quán triệt nội dung này.\n\n"
    "5/ Giao cơ quan Thuế và các Vụ, Cục thuộc Bộ phối hợp kiểm tra việc trích nộp."
)

DIRECTING = notice(
    "Phó Chủ tịch UBND tỉnh kết luận như sau:\n\n"
    "1. Chỉ đạo Sở Tư pháp kết hợp với Công an tỉnh và Sở Y tế đẩy nhanh việc cấp phiếu lý lịch tư pháp.\n\n"
    "2. UBND huyện Kim Bôi chỉ đạo các xã rà soát hộ nghèo trong tháng 4/2025."
)

MINISTRY_REQUEST = (
    "BỘ Y TẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 733/BYT-KCB\n"
    "V/v bảo đảm thuốc điều trị\nHà Nội, ngày 05 tháng 3 năm 2025\n\n"
    "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
    "Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo thực hiện các nội "
    "dung sau:\n\n1. Chỉ đạo Sở Y tế rà soát nhu cầu thuốc điều trị năm 2025.\n\n"
    "2. Báo cáo kết quả thực hiện về Bộ Y tế trước ngày 30/4/2025.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT, KCB.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Thuấn\n"
)

OCR_SECTIONS = plan(
    "1. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nKhơi dậy phong trào đọc sách trong học sinh.\n\n"
    "Il. TỔ CHỨC THỰC HIỆN\n\n1. Phòng Giáo dục Trung học chủ trì tổ chức Ngày hội.\n\n"
    "2. Văn phòng Sở chuẩn bị hội trường, khánh tiết."
)

GUIDANCE = letter(
    "Thực hiện Thông tư số 08/2021/TT-BGDĐT, Sở Giáo dục và Đào tạo hướng dẫn một số nội dung như sau:\n\n"
    "1. Học sinh được miễn học phí khi có hoàn cảnh khó khăn theo quy định.\n\n"
    "2. Mức hỗ trợ chi phí học tập là 150.000 đồng/học sinh/tháng.\n\n"
    "3. Tổ chức rà soát, lập danh sách học sinh được hỗ trợ, gửi về Sở trước ngày 15/10/2025.\n\n"
    "4. Các trường công khai danh sách tại bảng tin nhà trường."
)

ATTENDEES_AND_BASIS = notice(
    "Căn cứ kết quả kiểm tra thực tế, UBND tỉnh thông báo như sau:\n\n"
    "- Đồng chí Phó Chủ tịch UBND tỉnh;\n\n- Lãnh đạo Sở Xây dựng, Sở Tài chính.\n\n"
    "Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát hồ sơ dự án:\n\n"
    "- Hoàn thành thẩm định trước ngày 20/4/2025;\n\n- Báo cáo UBND tỉnh kết quả thẩm định."
)

REVIEW_PLAN = plan(
    "Sở Giáo dục và Đào tạo xây dựng Kế hoạch phát triển văn hóa đọc năm 2025 như sau:\n\n"
    "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n\n1. Công tác tuyên truyền được đẩy mạnh.\n\n"
    "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN\n\n1. Một số trường chưa bố trí thư viện thân thiện.\n\n"
    "III. NỘI DUNG THỰC HIỆN\n\n1. Tổ chức tuần lễ hưởng ứng Ngày sách Việt Nam.\n\n"
    "2. Phát động cuộc thi giới thiệu sách trực tuyến.\n\n"
    "IV. NỘI DUNG KIỂM TRA\n\nViệc bố trí không gian đọc tại các trường.\n\n"
    "V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n\n1. Phòng Giáo dục Trung học tham mưu kế hoạch năm 2025."
)

MEETING = notice(
    "Sau khi nghe lãnh đạo Sở Giáo dục và Đào tạo, Sở Tài chính và các sở, ngành, địa phương báo cáo tình "
    "hình thực hiện, Phó Chủ tịch UBND tỉnh kết luận như sau:\n\n"
    "1. Cho phép các trường tổ chức học 2 buổi/ngày từ học kỳ II năm học 2024 - 2025.\n\n"
    "2. Yêu cầu Thủ trưởng các cơ quan, đơn vị, địa phương, các Chủ đầu tư khẩn trương giải ngân vốn "
    "được giao."
)

WITH_ANNEX = plan(
    "Sở Giáo dục và Đào tạo xây dựng Kế hoạch như sau:\n\n"
    "I. TỔ CHỨC THỰC HIỆN\n\n1. Các trường đăng ký danh sách đội tuyển theo Phụ lục 1.\n\n"
    "Phụ lục 1: DANH SÁCH CÁC TRƯỜNG THAM GIA\n\n1. Trường THPT Lạc Sơn\n\n2. Trường THPT Kim Bôi\n\n"
    "3. Trường THPT Đà Bắc"
)

PURPOSE = letter(
    "Sở Giáo dục và Đào tạo đã xây dựng dự thảo Quy chế thi đua của ngành. Sở Giáo dục và Đào tạo xin gửi "
    "trước dự thảo để các đơn vị nghiên cứu, đóng góp ý kiến tại hội nghị ngày 20/3/2025.\n\n"
    "Sở Giáo dục và Đào tạo thông báo để các cơ quan, đơn vị biết."
)

CASES = [
    # ---- plan sections that give out no work ----
    (
        "a kế hoạch: I. MỤC ĐÍCH, YÊU CẦU … IV. KINH PHÍ are no tasks; V. TỔ CHỨC THỰC HIỆN is",
        PLAN_SECTIONS,
        {
            "task_find": [
                {"text_starts": "TỔ CHỨC THỰC HIỆN", "id": "V", "subtask_count": 3},
                {
                    "text_starts": "Phòng Giáo dục Trung học chủ trì",
                    "id": "V.1",
                    "roles": {"Phòng Giáo dục Trung học": "lead"},
                    "deadline": {"date": "2025-04-30", "kind": "by"},
                },
                # under a heading that gives out work, an item headed 'Kinh phí' is kept
                {"text_starts": "Kinh phí: Phòng Kế hoạch - Tài chính", "id": "V.3"},
            ],
            "no_task_starting": [
                "MỤC ĐÍCH, YÊU CẦU",
                "Mục đích",
                "Yêu cầu",
                "THỜI GIAN, ĐỊA ĐIỂM",
                "Thời gian",
                "Địa điểm",
                "THÀNH PHẦN THAM DỰ",
                "Lãnh đạo Sở Giáo dục và Đào tạo",
                "KINH PHÍ",
            ],
        },
    ),
    (
        "a notice in place of an invitation: time and place are no tasks; attendees are, only because "
        "they give one order in passing ('giao Sở … mời')",
        INVITATION,
        {
            "task_find": [
                {"text_starts": "Thành phần", "id": "1"},
                {
                    "text_starts": "Phân công nhiệm vụ",
                    "id": "4",
                    # the dash line's deadline is the item's
                    "deadline": {"date": "2025-03-16", "kind": "by"},
                },
                {
                    "text_starts": "Giao Sở Kế hoạch và Đầu tư chuẩn bị báo cáo",
                    "label": "-",
                    "roles": {"Sở Kế hoạch và Đầu tư": "lead"},
                },
            ],
            "no_task_starting": ["Thời gian: Vào lúc 14 giờ", "Địa điểm: Hội trường tầng 3"],
        },
    ),
    # ---- decisions ----
    (
        "a quyết định: the figures listed under 'Phê duyệt kết quả …, cụ thể như sau:' are no tasks; the "
        "article that only says when the decision takes effect is none either",
        APPROVAL,
        {
            "task_find": [
                {"text_starts": "Phê duyệt kết quả tuyển dụng", "id": "Điều 1", "subtasks": []},
                {"text_starts": "Giao Sở Nội vụ thông báo", "id": "Điều 2", "roles": {"Sở Nội vụ": "lead"}},
                {
                    "text_starts": "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ",
                    "id": "Điều 4",
                    "assignees_include": ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Nội vụ"],
                },
            ],
            "no_task_starting": ["Tổng số hồ sơ tiếp nhận", "Tổng số người trúng tuyển", "Quyết định này có"],
        },
    ),
    (
        "a quyết định approving a plan: its aims are no tasks, its measures and its implementation are; "
        "an entry-into-force article that names the executors stays",
        APPROVED_PLAN,
        {
            "task_find": [
                {"text_starts": "CÁC GIẢI PHÁP", "id": "Điều 1.II", "subtask_count": 2},
                {
                    "text_starts": "Sở Tài chính bố trí kinh phí hằng năm",
                    "id": "Điều 1.III.2",
                    "roles": {"Sở Tài chính": "lead"},
                },
                {
                    "text_starts": "Quyết định này có hiệu lực thi hành",
                    "id": "Điều 2",
                    "assignees_include": ["Giám đốc Sở Giáo dục và Đào tạo"],
                },
            ],
            "no_task_starting": ["MỤC TIÊU", "Mục tiêu chung"],
        },
    ),
    # ---- approvals, nesting, dash lines ----
    (
        "a notice of conclusions: 'Đồng ý …' only approves; 'Thống nhất …. Giao …' gives an order; a "
        "paragraph between b) and c) does not end the list, and its body acts in b)",
        CONCLUSIONS,
        {
            "task_find": [
                {
                    "text_starts": "Thống nhất tổ chức lễ khởi công",
                    "id": "2",
                    "roles": {"Sở Xây dựng": "lead"},
                },
                {
                    "text_starts": "Đối với công tác giải phóng mặt bằng",
                    "id": "3",
                    "subtask_count": 3,
                },
                {
                    "text_starts": "UBND huyện Lạc Thủy hoàn thành chi trả",
                    "id": "3.a",
                    "deadline": {"date": "2025-04-30", "kind": "by"},
                },
                {
                    "text_starts": "Trung tâm Phát triển quỹ đất tỉnh rà soát",
                    "id": "3.b",
                    "roles": {
                        "Trung tâm Phát triển quỹ đất tỉnh": "lead",
                        "Sở Tài nguyên và Môi trường": "lead",
                    },
                    "text_contains": "căn cứ kết quả rà soát",
                    # 'Trình phê duyệt trong tháng 4/2025' in its second dash line
                    "deadline": {"date": "2025-04", "kind": "within"},
                },
                {
                    "text_starts": "Ban Quản lý dự án đầu tư xây dựng tỉnh bàn giao",
                    "id": "3.c",
                    "roles": {"Ban Quản lý dự án đầu tư xây dựng tỉnh": "lead"},
                },
                # the dash lines of 3.b are marked as such and repeat none of the item's bodies
                {"text_starts": "Lập phương án hỗ trợ tái định cư", "label": "-", "assignees": []},
            ],
            "no_task_starting": ["Đồng ý chủ trương", "UBND tỉnh thông báo"],
        },
    ),
    # ---- who leads, who helps ----
    (
        "unspecific helpers ('các phòng, đơn vị liên quan', 'các cơ quan, đơn vị, địa phương') are no "
        "assignees; 'đề nghị các đơn vị' and 'Các cơ quan, đơn vị, địa phương phải …' mean the addressees",
        UNSPECIFIC,
        {
            "task_find": [
                {
                    "text_starts": "Xây dựng kế hoạch tổ chức Tuần lễ",
                    "assignees_inherited": True,
                    "assignees": [{"name": "Các trường trung học phổ thông", "role": "lead"}],
                },
                {
                    "text_starts": "Giao Phòng Giáo dục Trung học chủ trì",
                    "roles": {"Phòng Giáo dục Trung học": "lead", "Văn phòng Sở": "coordinate"},
                    "assignees_exclude_containing": ["liên quan", "các cơ quan"],
                },
                {
                    "text_starts": "Các cơ quan, đơn vị, địa phương phải công khai",
                    "roles": {"Các trường trung học phổ thông": "lead"},
                },
                {"find": "đề nghị các đơn vị phản ánh", "roles": {"Các trường trung học phổ thông": "lead"}},
            ]
        },
    ),
    (
        "a consultation: 'lấy ý kiến các cơ quan có liên quan (gồm: A, B, C)' asks A, B and C; the "
        "closing request to them sets the deadline of every item",
        CONSULTATION,
        {
            "task_find": [
                {
                    "text_starts": "Góp ý dự thảo Quy chế",
                    "roles": {"Văn phòng UBND tỉnh": "lead", "Sở Tư pháp": "lead", "Sở Tài chính": "lead"},
                    "deadline": {"date": "2025-03-20", "kind": "by"},
                },
                {"text_starts": "Cử 01 lãnh đạo phòng", "deadline": {"date": "2025-03-20", "kind": "by"}},
            ]
        },
    ),
    (
        "where a body's name ends, and what a heading names: a list sharing one head, a negation, 'Sở, "
        "ban, ngành' as one body, a unit in brackets, a topic before a colon, 'Trách nhiệm của …', an "
        "acronym in brackets, a bare head that points back",
        NAMES,
        {
            "task_find": [
                {
                    "text_starts": "Giao Ban Dân tộc tỉnh chủ trì",
                    "roles": {
                        "Ban Dân tộc tỉnh": "lead",
                        "các Sở: Tài chính, Kế hoạch và Đầu tư": "coordinate",
                    },
                    "assignees_exclude_containing": ["KCB"],
                },
                {
                    "text_starts": "Sở, ban, ngành, Ủy ban nhân dân huyện",
                    "roles": {"Sở, ban, ngành": "lead", "Ủy ban nhân dân huyện, thị xã": "lead"},
                },
                {"text_starts": "Văn phòng UBND tỉnh (Trung tâm", "roles": {"Văn phòng UBND tỉnh": "lead"}},
                {
                    "text_starts": "Công khai thủ tục hành chính",
                    "assignees_inherited": True,
                    "roles": {"Văn phòng UBND tỉnh": "lead"},
                },
                {
                    "text_starts": "Lĩnh vực đo lường",
                    "roles": {
                        "Ủy ban nhân dân các huyện": "lead",
                        "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)": "coordinate",
                    },
                },
                {
                    "text_starts": "Trách nhiệm của các sở, ban, ngành",
                    "roles": {"các sở, ban, ngành": "lead", "UBND các xã, phường": "lead"},
                },
                {"text_starts": "Rà soát thủ tục hành chính thuộc", "roles": {"UBND các xã, phường": "lead"}},
                # the dash lines repeat neither the item's body nor each other's partner, and 'giao
                # Trung tâm' points back at the centre named in full
                {
                    "text_starts": "Chủ trì, phối hợp với Sở Tài chính xây dựng",
                    "assignees": [{"name": "Sở Tài chính", "role": "coordinate"}],
                },
                {"text_starts": "Sau khi có kết quả", "assignees": []},
                # a cue in capitals run into the heading ends the name; so do 'dự trù', 'trong công tác'
                {
                    "text_starts": "Đối với Ủy ban nhân dân huyện Tân Lạc",
                    "roles": {"Ủy ban nhân dân huyện Tân Lạc": "lead", "các trường phổ thông": "lead"},
                    "assignees_exclude_containing": ["Đề nghị"],
                },
                {
                    "text_starts": "Phòng Kế hoạch - Tài chính dự trù",
                    "assignees": [
                        {"name": "Phòng Kế hoạch - Tài chính", "role": "lead"},
                        {"name": "Bộ Công an", "role": "coordinate"},
                    ],
                },
            ],
            "no_assignee_containing": ["thông báo", "không"],
        },
    ),
    (
        "the account of a meeting names bodies but gives no order; 'Cho phép …' only allows; a generic "
        "name listed beside particular ones stays as printed",
        MEETING,
        {
            "task_find": [
                {
                    "text_starts": "Yêu cầu Thủ trưởng các cơ quan, đơn vị, địa phương",
                    "roles": {"Thủ trưởng các cơ quan, đơn vị, địa phương": "lead", "các Chủ đầu tư": "lead"},
                }
            ],
            "no_task_starting": ["Sau khi nghe lãnh đạo", "Cho phép các trường"],
        },
    ),
    (
        "the numbered rows of an annex ('Phụ lục 1: DANH SÁCH …') are no tasks",
        WITH_ANNEX,
        {
            "task_find": [{"text_starts": "TỔ CHỨC THỰC HIỆN", "subtask_count": 1}],
            "no_task_starting": ["Trường THPT Lạc Sơn", "Trường THPT Kim Bôi"],
        },
    ),
    (
        "outside lists, a purpose asks the bodies after it when they are to act ('gửi trước dự thảo để "
        "các đơn vị nghiên cứu'), not when they are only told ('để các cơ quan, đơn vị biết')",
        PURPOSE,
        {
            "task_find": [
                {
                    "find": "xin gửi trước dự thảo để các đơn vị nghiên cứu",
                    "kind": "prose",
                    "roles": {"Các trường trung học phổ thông": "lead"},
                }
            ],
            "no_task_starting": ["Sở Giáo dục và Đào tạo thông báo để"],
        },
    ),
    (
        "an account (results, shortcomings) and a list of what is checked are no tasks; the activities "
        "to carry out ('NỘI DUNG THỰC HIỆN') and the tasks ahead are, with or without a body",
        REVIEW_PLAN,
        {
            "task_find": [
                {"text_starts": "NỘI DUNG THỰC HIỆN", "id": "III", "subtask_count": 2},
                {"text_starts": "Phát động cuộc thi giới thiệu sách", "id": "III.2"},
                {"text_starts": "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", "id": "V", "subtask_count": 1},
            ],
            "no_task_starting": [
                "KẾT QUẢ THỰC HIỆN NĂM 2024",
                "Công tác tuyên truyền được đẩy mạnh",
                "TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                "NỘI DUNG KIỂM TRA",
            ],
        },
    ),
    (
        "the introducing sentence gives every item its lead and its partner; '1/' markers; heads such as "
        "BHXH, 'Đ/c Chủ tịch …', 'Thủ trưởng các đơn vị …', 'cơ quan Thuế', 'các Vụ, Cục'",
        SOCIAL_INSURANCE,
        {
            "task_find": [
                {
                    "text_starts": "Rà soát danh sách học sinh chưa tham gia",
                    "id": "1",
                    "assignees_inherited": True,
                    "roles": {"BHXH các huyện": "lead", "các cơ sở y tế": "coordinate"},
                },
                {
                    "text_starts": "Tổ chức cấp thẻ bảo hiểm y tế",
                    "id": "2",
                    "roles": {"BHXH các huyện": "lead", "các cơ sở y tế": "coordinate"},
                    "deadline": {"date": "2025-10-30", "kind": "by"},
                },
                {
                    "text_starts": "Đ/c Chủ tịch UBND huyện Lạc Sơn",
                    "roles": {"Đ/c Chủ tịch UBND huyện Lạc Sơn": "lead"},
                },
                {
                    "text_starts": "Thủ trưởng các đơn vị trực thuộc Sở",
                    "roles": {"Thủ trưởng các đơn vị trực thuộc Sở": "lead"},
                },
                {
                    "text_starts": "Giao cơ quan Thuế và các Vụ, Cục thuộc Bộ",
                    "roles": {"cơ quan Thuế": "lead", "các Vụ, Cục thuộc Bộ": "lead"},
                },
            ]
        },
    ),
    (
        "'Chỉ đạo X kết hợp với Y …' where the writer speaks: X leads, Y helps; 'UBND huyện chỉ đạo các "
        "xã …': the district acts",
        DIRECTING,
        {
            "task_find": [
                {
                    "text_starts": "Chỉ đạo Sở Tư pháp kết hợp với",
                    "assignees": [
                        {"name": "Sở Tư pháp", "role": "lead"},
                        {"name": "Công an tỉnh", "role": "coordinate"},
                        {"name": "Sở Y tế", "role": "coordinate"},
                    ],
                },
                {
                    "text_starts": "UBND huyện Kim Bôi chỉ đạo các xã",
                    "assignees": [{"name": "UBND huyện Kim Bôi", "role": "lead"}],
                },
            ]
        },
    ),
    (
        "'đề nghị UBND các tỉnh …: 1. Chỉ đạo Sở Y tế …': the province directs its department, both lead",
        MINISTRY_REQUEST,
        {
            "task_find": [
                {
                    "text_starts": "Chỉ đạo Sở Y tế rà soát",
                    "roles": {
                        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương": "lead",
                        "Sở Y tế": "lead",
                    },
                }
            ]
        },
    ),
    (
        "section numerals misread by OCR: '1.' for the first section 'I.' before a section II, 'Il.' for II",
        OCR_SECTIONS,
        {
            "task_find": [
                {"text_starts": "TỔ CHỨC THỰC HIỆN", "id": "II", "label": "Il.", "subtask_count": 2},
                {"text_starts": "Văn phòng Sở chuẩn bị hội trường", "id": "II.2"},
            ],
            "no_task_starting": ["MỤC ĐÍCH, YÊU CẦU", "Mục đích"],
        },
    ),
    (
        "a guidance list ('Sở … hướng dẫn … như sau:'): items that state rules are no tasks, orders are",
        GUIDANCE,
        {
            "task_find": [
                {
                    "text_starts": "Tổ chức rà soát, lập danh sách",
                    "deadline": {"date": "2025-10-15", "kind": "by"},
                },
                {"text_starts": "Các trường công khai danh sách", "roles": {"Các trường": "lead"}},
            ],
            "no_task_starting": ["Học sinh được miễn học phí", "Mức hỗ trợ chi phí học tập"],
        },
    ),
    (
        "dash lines outside a numbered list: attendees are no tasks; lines introduced by an order are",
        ATTENDEES_AND_BASIS,
        {
            "task_find": [
                {
                    "text_starts": "Hoàn thành thẩm định trước ngày 20/4/2025",
                    "roles": {"Sở Xây dựng": "lead"},
                    "deadline": {"date": "2025-04-20", "kind": "by"},
                }
            ],
            "no_task_starting": ["Đồng chí Phó Chủ tịch UBND tỉnh", "Lãnh đạo Sở Xây dựng, Sở Tài chính"],
        },
    ),
    (
        "a wrapped line that opens with a reference ('Điều 12 Luật …') continues its item; the list goes on",
        letter(
            "Sở đề nghị các trường thực hiện các nội dung sau:\n1. Trường THPT Hòa Bình thanh toán theo quy "
            "định tại khoản 4\nĐiều 12 Luật Đất đai:\na) Trường hợp thứ nhất thanh toán một lần.\n"
            "b) Trường hợp thứ hai thanh toán theo tiến độ.\n2. Các trường rà soát hồ sơ, báo cáo trước "
            "ngày 30/4/2025.\n3. Phòng Kế hoạch - Tài chính tổng hợp, báo cáo Giám đốc Sở."
        ),
        {
            "task_find": [
                {
                    "text_starts": "Trường THPT Hòa Bình thanh toán",
                    "text_contains": "Điều 12 Luật Đất đai",
                    "subtask_count": 2,
                },
                {"text_starts": "Các trường rà soát hồ sơ", "id": "2"},
                {"text_starts": "Phòng Kế hoạch - Tài chính tổng hợp", "id": "3"},
            ],
            "no_task_starting": ["Điều 12 Luật Đất đai"],
        },
    ),
    (
        "a section headed 'NỘI DUNG' whose points are all work to do is a task; acknowledgments are not",
        plan(
            "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao văn hóa đọc.\nII. NỘI DUNG\n1. Kiện toàn Ban Chỉ đạo Ngày hội.\n"
            "2. Tổ chức tuyên truyền trên các trang thông tin.\n"
            "3. Diễn tập phương án phòng cháy tại hội trường.\n"
            "III. KẾT QUẢ NĂM TRƯỚC\n1. Ghi nhận, biểu dương các trường đã tổ chức tốt Ngày hội năm 2024.\n"
            "IV. TỔ CHỨC THỰC HIỆN\n1. Phòng Giáo dục Trung học chủ trì thực hiện Kế hoạch."
        ),
        {
            "task_find": [
                {"text_starts": "NỘI DUNG", "subtask_count": 3},
                {"text_starts": "Phòng Giáo dục Trung học chủ trì"},
            ],
            "no_task_starting": ["MỤC ĐÍCH", "Ghi nhận, biểu dương"],
        },
    ),
    (
        "bodies' names: news agencies, post holders, contractors, a group's head before a colon, the "
        "compound 'chính trị - xã hội', a fronted 'căn cứ'",
        decision(
            "Điều 1. Đài Phát thanh tỉnh, Báo Hòa Bình, Thông tấn xã Việt Nam tăng cường tuyên truyền.\n\n"
            "Điều 2. Giám đốc Sở Nội vụ, Phó Giám đốc Sở Tài chính phụ trách lĩnh vực trực tiếp chỉ đạo; "
            "Ban Quản lý dự án, các nhà thầu hoàn thành công trình.\n\n"
            "Điều 3. Các sở, ban, ngành, tổ chức chính trị - xã hội, Ủy ban nhân dân các xã căn cứ Kế hoạch "
            "xây dựng kế hoạch cụ thể.\n\n"
            "Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở: Nội vụ, Tài chính; Chủ tịch Ủy "
            "ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này./."
        ),
        {
            "task_find": [
                {
                    "text_starts": "Đài Phát thanh tỉnh",
                    "roles": {
                        "Đài Phát thanh tỉnh": "lead",
                        "Báo Hòa Bình": "lead",
                        "Thông tấn xã Việt Nam": "lead",
                    },
                },
                {
                    "text_starts": "Giám đốc Sở Nội vụ",
                    "roles": {
                        "Giám đốc Sở Nội vụ": "lead",
                        "Phó Giám đốc Sở Tài chính phụ trách lĩnh vực": "lead",
                        "Ban Quản lý dự án": "lead",
                        "các nhà thầu": "lead",
                    },
                },
                {
                    "text_starts": "Các sở, ban, ngành",
                    "roles": {
                        "Các sở, ban, ngành, tổ chức chính trị - xã hội": "lead",
                        "Ủy ban nhân dân các xã": "lead",
                    },
                },
                {
                    "text_starts": "Chánh Văn phòng",
                    "roles": {
                        "Giám đốc các sở: Nội vụ, Tài chính": "lead",
                        "Chủ tịch Ủy ban nhân dân các xã": "lead",
                    },
                },
            ],
        },
    ),
]


LABELLED_PLAN = plan(
    "II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Rà soát, kiện toàn đội ngũ cán bộ làm công tác thư viện.\n"
    "Đơn vị chủ trì thực hiện: Các trường, Phòng Giáo dục Trung học.\nĐơn vị phối hợp: Sở Nội vụ, Sở "
    "Tài chính.\nThời gian thực hiện: Tháng 12/2025.\n\n2. Tổ chức Ngày hội đọc sách cấp tỉnh.\n"
    "Cơ quan chủ trì: Thư viện tỉnh.\nThời gian thực hiện: Hằng năm.\n\n3. Tuyên truyền trên báo, đài.\n"
    "Cơ quan chủ trì: Báo Hòa Bình.\nThời gian thực hiện: Quý IV/2025.\n\n4. Số hóa tài liệu quý hiếm.\n"
    "Đơn vị thực hiện: Thư viện tỉnh.\nThời gian thực hiện: Thường xuyên."
)


@pytest.mark.parametrize(
    ("item", "leads", "coordinates", "deadline"),
    [
        (
            "Rà soát, kiện toàn",
            ["Các trường", "Phòng Giáo dục Trung học"],
            ["Sở Nội vụ", "Sở Tài chính"],
            ("Tháng 12/2025", "2025-12", "within", None),
        ),
        ("Tổ chức Ngày hội", ["Thư viện tỉnh"], [], ("Hằng năm", None, "recurring", "yearly")),
        ("Tuyên truyền trên báo", ["Báo Hòa Bình"], [], ("Quý IV/2025", "2025-12-31", "within", None)),
        ("Số hóa tài liệu", ["Thư viện tỉnh"], [], None),  # "thường xuyên" is ongoing, not a deadline
    ],
)
def test_labelled_lines_under_an_item(
    item: str, leads: list[str], coordinates: list[str], deadline: tuple | None
) -> None:
    """'Đơn vị chủ trì thực hiện: …', 'Đơn vị phối hợp: …', 'Thời gian thực hiện: …' under a plan's
    item give its bodies and deadline; the lines are part of the item, not prose tasks."""
    rec = record(LABELLED_PLAN)
    section = next(t for t in rec["tasks"] if t["id"] == "II")
    task = next(t for t in section["subtasks"] if t["text"].startswith(item))
    assert [a["name"] for a in task["assignees"] if a["role"] == "lead"] == leads
    assert [a["name"] for a in task["assignees"] if a["role"] == "coordinate"] == coordinates
    got = task["deadline"]
    assert (got and (got["text"], got["date"], got["kind"], got["recurrence"])) == deadline
    assert not any(t["id"].startswith("P") for t in rec["tasks"])


def test_a_body_cut_by_a_line_break_is_one_body() -> None:
    """A crawler's wrap inside a name ('… Đài Tiếng nói Việt' / 'Nam, …', 'Chánh Văn phòng' / 'UBND …')."""
    rec = record(
        decision(
            "Điều 1. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt\nNam, Thông tấn xã Việt Nam tăng cường "
            "đưa tin.\n\n"
            "Điều 2. Chánh Văn phòng\nUBND tỉnh; Giám đốc Sở Nội vụ và các tổ chức, cá nhân có liên quan "
            "chịu trách nhiệm thi hành Quyết định này./."
        )
    )
    first, second = rec["tasks"][0], rec["tasks"][1]
    assert [a["name"] for a in first["assignees"]] == [
        "Đài Truyền hình Việt Nam",
        "Đài Tiếng nói Việt Nam",
        "Thông tấn xã Việt Nam",
    ]
    names = [a["name"] for a in second["assignees"]]
    assert names[:2] == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Nội vụ"]
    assert "Chánh Văn phòng" not in names and "các" not in names


@pytest.mark.parametrize(("source", "text", "expected"), CASES, ids=case_ids(CASES))
def test_tasks(source: str, text: str, expected: dict) -> None:
    problems = check(expected, record(text))
    assert not problems, "\n".join([source, *problems])


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        # a year as the limit
        ("Sở Nội vụ xây dựng và ban hành trước năm 2026: quy chế thi đua của ngành.", ("by", "2026", None)),
        ("Kết thúc năm 2025, các trường hoàn thành việc số hóa hồ sơ học sinh.", ("by", "2025", None)),
        # the end of the time given
        (
            "Trung tâm Phát triển quỹ đất tỉnh dự kiến khởi công trước ngày 30/4/2025 các đoạn tuyến đã có "
            "mặt bằng; yêu cầu đến 30/5/2025 phải bàn giao toàn bộ mặt bằng.",
            ("by", "2025-05-30", None),
        ),
        ("Các trường tổ chức ôn tập đến hết ngày 15/5/2025.", ("by", "2025-05-15", None)),
        # a monthly duty after a yearly plan's name
        (
            "UBND các huyện căn cứ kế hoạch cải cách hành chính hằng năm của địa phương mình, định kỳ hằng "
            "tháng có trách nhiệm rà soát, báo cáo kết quả.",
            ("recurring", None, "monthly"),
        ),
        (
            "Phòng Nội vụ tổng hợp, tự đánh giá chỉ số cải cách hành chính hằng tháng của huyện.",
            ("recurring", None, "monthly"),
        ),
        (
            "Sở Y tế chủ trì, tổ chức hàng năm hội nghị tổng kết công tác phòng, chống dịch.",
            ("recurring", None, "yearly"),
        ),
        # days counted from an event
        (
            "Các trường gửi báo cáo về Sở trong thời hạn 05 ngày làm việc kể từ ngày kết thúc kỳ thi.",
            ("within", None, None),
        ),
    ],
)
def test_deadline_shapes(sentence: str, deadline: tuple[str, str | None, str | None]) -> None:
    """Time limits printed as a year, as the end of a period, or as a duty's frequency."""
    found = record(letter(f"1. {sentence}"))["tasks"][0]["deadline"]
    assert found is not None, sentence
    assert (found["kind"], found["date"], found["recurrence"]) == deadline


@pytest.mark.parametrize(
    "sentence",
    [
        "Các trường đưa nội dung này vào Kế hoạch giáo dục nhà trường hằng năm để tổ chức thực hiện.",
        "Rà soát số học sinh bỏ học tính đến ngày 30/3/2025 và đề xuất giải pháp.",
        "Rà soát các hộ gia đình sử dụng đất ở ổn định trước năm 1990 và đề xuất cấp giấy chứng nhận.",
        "Các trường dự kiến khởi công xây dựng phòng học trước ngày 30/6/2025 theo kế hoạch vốn được giao.",
        "Tổng kết kết quả thực hiện chương trình trong vòng 5 năm qua.",
    ],
)
def test_dates_that_limit_nothing(sentence: str) -> None:
    """A plan's name with its frequency, a reference date, a past year, a planned start."""
    assert record(letter(f"1. {sentence}"))["tasks"][0]["deadline"] is None, sentence
