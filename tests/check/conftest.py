"""Realistic letters for the format rules: a công văn and a quyết định that follow Decree 30, which a
test changes in one place to make a rule fire."""

from __future__ import annotations

CONG_VAN = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 125/UBND-VX
V/v tiếp tục đẩy mạnh công tác hiến máu tình nguyện

Lai Châu, ngày 15 tháng 3 năm 2021

Kính gửi:
- Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh;
- UBND các huyện, thành phố.

Để kịp thời đáp ứng nhu cầu máu cho người bệnh, UBND tỉnh yêu cầu các cơ quan, đơn vị thực hiện tốt
một số nhiệm vụ sau:

1. Sở Y tế chủ trì, phối hợp với các cơ quan liên quan tổ chức tiếp nhận máu theo kế hoạch.

2. UBND các huyện, thành phố chỉ đạo Ban Chỉ đạo cấp huyện đôn đốc các đơn vị tổ chức hiến máu./.

Nơi nhận:
- Như trên;
- Sở Y tế;
- Lưu: VT, VX3.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Tống Thanh Hải
"""

QUYET_DINH = """ỦY BAN NHÂN DÂN
TỈNH ĐỒNG THÁP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 337/QĐ-UBND

Đồng Tháp, ngày 20 tháng 3 năm 2024

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác chuyển đổi số

ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông.

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công tác chuyển đổi số của tỉnh.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Thông tin và Truyền thông chịu trách nhiệm
thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT, KGVX.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Phạm Thiện Nghĩa
"""
