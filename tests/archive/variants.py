"""Realistic archives for tests and benchmarks, built from real documents.

- the three seeds as they are;
- real legal texts from the vbpl.vn crawl (20 of ``../shared/corpus/real/text/vbpl_central_crawl_*``,
  copied to ``tests/data/archive/vbpl_sample.jsonl.gz``);
- real numbers, dates and subjects of Bình Dương directives (428 rows of the shared metadata CSV,
  copied to ``tests/data/archive/binhduong_metadata_sample.csv``) set into the layout of the real
  Lai Châu letter;
- variants of the real Kiên Giang and Lai Châu letters for other provinces, numbers and dates,
  answering national directives written in the same style (the national letters are not in the
  corpus, so their text is composed here from the wording the provincial letters quote).

Everything is deterministic: the same arguments give the same files.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
DATA = ROOT / "tests" / "data" / "archive"  # small copies of the shared corpus: the suite needs no ../shared
KIENGIANG = (SAMPLES / "kiengiang_114-BCD-KGVX_2021.txt").read_text(encoding="utf-8")
LAICHAU = (SAMPLES / "laichau_UBND-VX_2021-03.txt").read_text(encoding="utf-8")
COMMITTEE = "Ban Chỉ đạo Quốc gia vận động hiến máu tình nguyện"

NATIONAL = """BỘ Y TẾ
BAN CHỈ ĐẠO QUỐC GIA
VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {number}/CV-BCĐQG
V/v {subject}

Hà Nội, ngày {day} tháng {month} năm {year}

Kính gửi: Ban Chỉ đạo vận động hiến máu tình nguyện các tỉnh, thành phố trực thuộc Trung ương.

Thời gian qua, dịch bệnh Covid-19 diễn biến phức tạp, nhiều đơn vị đã hoãn, hủy lịch tổ chức hiến máu \
trong khi nhu cầu máu cho cấp cứu và điều trị không giảm. Để bảo đảm đủ máu cho người bệnh, Ban Chỉ đạo \
Quốc gia vận động hiến máu tình nguyện đề nghị Ban Chỉ đạo vận động hiến máu tình nguyện các tỉnh, thành \
phố thực hiện một số nội dung sau:

1. Tăng cường tuyên truyền, vận động cán bộ, công chức, viên chức, người lao động và Nhân dân tham gia \
hiến máu tình nguyện; bảo đảm an toàn phòng, chống dịch bệnh Covid-19 tại các điểm hiến máu.

2. Chủ động phối hợp với các cơ sở y tế, đơn vị tiếp nhận máu xây dựng kế hoạch tổ chức hiến máu phù hợp \
với tình hình dịch bệnh tại địa phương.

3. Báo cáo kết quả thực hiện về Ban Chỉ đạo Quốc gia (qua Văn phòng Ban Chỉ đạo) trước ngày {deadline}.

Nơi nhận:
- Như trên;
- Bộ Y tế (để b/c);
- Hội Chữ thập đỏ Việt Nam;
- Viện Huyết học - Truyền máu Trung ương;
- Lưu: VT, VPBCĐ.

TM. BAN CHỈ ĐẠO
KT. TRƯỞNG BAN
PHÓ TRƯỞNG BAN

Nguyễn Văn Thành
"""

MINISTRY = """BỘ Y TẾ

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {number}/BYT-KCB
V/v bảo đảm cung ứng máu và chế phẩm máu

Hà Nội, ngày {day} tháng {month} năm {year}

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.

Để bảo đảm đủ máu và chế phẩm máu cho cấp cứu, điều trị người bệnh, Bộ Y tế đề nghị Ủy ban nhân dân các \
tỉnh, thành phố trực thuộc Trung ương chỉ đạo thực hiện các nội dung sau:

1. Chỉ đạo Sở Y tế phối hợp với Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh xây dựng kế hoạch tiếp \
nhận máu năm {year}.

2. Báo cáo kết quả thực hiện về Bộ Y tế (Cục Quản lý Khám, chữa bệnh) trước ngày {deadline}.

Nơi nhận:
- Như trên;
- Bộ trưởng (để b/c);
- Lưu: VT, KCB.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Trường Sơn
"""


def long_date(value: date) -> str:
    return f"ngày {value.day:02d} tháng {value.month} năm {value.year}"


def short_date(value: date) -> str:
    return f"{value.day}/{value.month}/{value.year}"


def initials(province: str) -> str:
    return "".join(word[0] for word in province.split()).upper()


def national_letter(number: int, issued: date, deadline: date, subject: str) -> str:
    return NATIONAL.format(
        number=number, subject=subject, day=f"{issued.day:02d}", month=issued.month, year=issued.year,
        deadline=short_date(deadline),
    )  # fmt: skip


def ministry_letter(number: int, issued: date, deadline: date) -> str:
    return MINISTRY.format(
        number=number,
        day=f"{issued.day:02d}",
        month=issued.month,
        year=issued.year,
        deadline=short_date(deadline),
    )


def committee_letter(
    province: str, number: int, issued: date, cited: str, *, earlier: tuple[int, date] | None = None
) -> str:
    """The real Kiên Giang letter, for another province, number and date, carrying out ``cited``."""
    quoted = "Công văn số 29/CV-BCĐQG ngày 13/5/2021 của Ban Chỉ đạo Quốc gia vận động hiến máu tình nguyện"
    text = KIENGIANG.replace(quoted, cited)
    code = f"BCĐ-{initials(province)}VX"
    earlier = earlier or (max(number - 40, 1), issued - timedelta(days=90))
    text = text.replace("31/BCĐ-KGVX ngày 22/02/2021", f"{earlier[0]}/{code} ngày {earlier[1]:%d/%m/%Y}")
    text = text.replace("114/BCĐ-KGVX", f"{number}/{code}").replace(
        "ngày 04 tháng 6 năm 2021", long_date(issued)
    )
    return text.replace("KIÊN GIANG", province.upper()).replace("Kiên Giang", province)


def council_letter(province: str, number: int, issued: date, cited: str) -> str:
    """The real Lai Châu letter from another province's people's committee, carrying out ``cited``."""
    quoted = "Công văn số 10/CV-BCĐQG, ngày 02/02/2021 của Ban Chỉ đạo quốc gia Vận động hiến máu tình nguyện"
    quoted += " (HMTN)"
    text = LAICHAU.replace(quoted, cited)
    text = text.replace("Số: /UBND-VX", f"Số: {number}/UBND-VX")
    text = text.replace("ngày tháng 3 năm 2021", long_date(issued))
    return text.replace("LAI CHÂU", province.upper()).replace("Lai Châu", province)


def district_letter(province: str, district: str, number: int, issued: date, cited: str) -> str:
    """A district's people's committee acting on its province's letter."""
    text = council_letter(province, number, issued, cited)
    text = text.replace(
        f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}", f"ỦY BAN NHÂN DÂN\nHUYỆN {district.upper()}"
    )
    return text.replace(f"{province}, {long_date(issued)}", f"{district}, {long_date(issued)}")


def binhduong_rows() -> list[dict[str, str]]:
    """The CSV's rows with a usable number, each (number, date) once (the CSV lists 444 twice)."""
    with (DATA / "binhduong_metadata_sample.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if re.fullmatch(r"\d+/[^/\s]+", r["so_ky_hieu"])]
    unique = {(r["so_ky_hieu"], r["ngay_ban_hanh"]): r for r in reversed(rows)}
    return sorted(unique.values(), key=lambda r: int(r[""]))


def binhduong_letter(row: dict[str, str]) -> str:
    """A real Bình Dương number, date and subject in the layout of the real Lai Châu letter."""
    number, symbol = row["so_ky_hieu"].split("/", 1)
    day, month, year = row["ngay_ban_hanh"].split("/")
    text = LAICHAU.replace("Số: /UBND-VX", f"Số: {number}/{symbol}")
    text = text.replace("ngày tháng 3 năm 2021", f"ngày {day} tháng {int(month)} năm {year}")
    subject = row["trich_yeu"].strip().rstrip(".")
    text = text.replace(
        "V/v tiếp tục đẩy mạnh công tác\nhiển máu tình nguyện trong bối\ncảnh dịch bệnh Covid-19",
        f"V/v {subject}",
    )
    return text.replace("LAI CHÂU", "BÌNH DƯƠNG").replace("Lai Châu", "Bình Dương")


def vbpl_texts(limit: int, *, max_chars: int = 30_000) -> Iterator[tuple[str, str]]:
    """Real Vietnamese legal texts (id, text), shortest-first within each file, up to ``limit``."""
    count = 0
    with gzip.open(DATA / "vbpl_sample.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("lang") != "vi" or len(record["text"]) > max_chars:
                continue
            yield record["id"], record["text"]
            count += 1
            if count >= limit:
                return


@dataclass
class Scenario:
    """What the realistic archive holds, so that tests know what to expect."""

    directive: str = "45/CV-BCĐQG"
    directive_date: date = date(2021, 7, 20)
    deadline: date = date(2021, 8, 31)
    ministry: str = "512/BYT-KCB"
    ministry_date: date = date(2021, 8, 2)
    committees: dict[str, tuple[str, date]] = field(default_factory=dict)  # province → (number, date)
    councils: dict[str, tuple[str, date]] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # province → its committee letter's file
    district: tuple[str, str, str, date] | None = None  # province, district, number, date
    without_issuer: str = "Sóc Trăng"  # its letter cites the directive without the issuer, and comes first


ANSWERING = {"Lai Châu": 9, "Cao Bằng": 15, "Nghệ An": 21, "Quảng Ninh": 30, "Sóc Trăng": 44}
COUNCILS = {"Yên Bái": 26}


def build_realistic(folder: Path, *, vbpl: int = 20, binhduong: int = 40) -> Scenario:
    """Write a realistic archive in three batches: ``early`` (a letter citing the national directive
    without its issuer), ``first`` (the other responses and real documents) and ``second`` (the
    directives they answer, so that the placeholders of the first batches are merged)."""
    early, first, second = folder / "early", folder / "first", folder / "second"
    for part in (early, first, second):
        part.mkdir(parents=True)
    s = Scenario()
    cited = f"Công văn số {s.directive} ngày {short_date(s.directive_date)} của {COMMITTEE}"
    for i, (province, lag) in enumerate(sorted(ANSWERING.items())):
        issued = s.directive_date + timedelta(days=lag)
        number = 120 + i * 7
        quote, target = cited, first
        if province == s.without_issuer:
            quote, target = f"Công văn số {s.directive} ngày {short_date(s.directive_date)}", early
        name = f"{initials(province)}_{number}-BCD_{issued:%Y}.txt"
        (target / name).write_text(committee_letter(province, number, issued, quote), encoding="utf-8")
        s.committees[province] = (f"{number}/BCĐ-{initials(province)}VX", issued)
        s.files[province] = name
    for province, lag in COUNCILS.items():
        issued = s.directive_date + timedelta(days=lag)
        name = f"{initials(province)}_UBND-VX_{issued:%Y%m%d}.txt"
        (first / name).write_text(council_letter(province, 1402, issued, cited), encoding="utf-8")
        s.councils[province] = ("1402/UBND-VX", issued)
    province_number, province_date = s.committees["Lai Châu"]
    issued = province_date + timedelta(days=6)
    quote = (
        f"Công văn số {province_number} ngày {short_date(province_date)} của Ban Chỉ đạo vận động hiến máu "
        "tình nguyện tỉnh Lai Châu"
    )
    (first / "LC_TamDuong_UBND-VX.txt").write_text(
        district_letter("Lai Châu", "Tam Đường", 611, issued, quote), encoding="utf-8"
    )
    s.district = ("Lai Châu", "Tam Đường", "611/UBND-VX", issued)
    lc_answer = s.ministry_date + timedelta(days=12)
    ministry_cite = f"Công văn số {s.ministry} ngày {short_date(s.ministry_date)} của Bộ Y tế"
    (first / "LC_UBND-VX_ministry.txt").write_text(
        council_letter("Lai Châu", 1577, lc_answer, ministry_cite), encoding="utf-8"
    )
    s.councils["Lai Châu"] = ("1577/UBND-VX", lc_answer)
    for name in sorted(p.name for p in SAMPLES.glob("*.txt")):
        (first / name).write_text((SAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    for doc_id, text in vbpl_texts(vbpl):
        (first / f"vbpl_{doc_id}.txt").write_text(text, encoding="utf-8")
    for row in random.Random(7).sample(binhduong_rows(), binhduong):
        safe = row["so_ky_hieu"].replace("/", "_")
        (first / f"binhduong_{safe}_{row['ngay_ban_hanh'].replace('/', '')}.txt").write_text(
            binhduong_letter(row), encoding="utf-8"
        )
    subject = "tiếp tục đẩy mạnh hiến máu tình nguyện trong dịp hè"
    (second / "BCDQG_45.txt").write_text(
        national_letter(45, s.directive_date, s.deadline, subject), encoding="utf-8"
    )
    ministry_number = int(s.ministry.split("/")[0])
    (second / "BYT_512.txt").write_text(
        ministry_letter(ministry_number, s.ministry_date, s.ministry_date + timedelta(days=30)),
        encoding="utf-8",
    )
    return s


def changed_version(text: str) -> str:
    """The same letter (same number, issuer, date) with an edited body: a new version."""
    return text.replace("thực hiện một số nội dung sau:", "khẩn trương thực hiện một số nội dung sau:", 1)


def bulk_letters(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    """``count`` distinct short letters (real Bình Dương metadata, renumbered past the CSV so that
    every file is a different document), for ingest-throughput and kill tests."""
    rows = binhduong_rows()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        row = dict(rows[i % len(rows)])
        number, symbol = row["so_ky_hieu"].split("/", 1)
        cycle = i // len(rows)
        # numbers stay within six digits, as real ones do (longer ones are not read as numbers);
        # past 100 cycles the year moves on instead
        row["so_ky_hieu"] = f"{int(number) + 10_000 * (cycle % 100)}/{symbol}"
        if cycle >= 100:
            day, month, year = row["ngay_ban_hanh"].split("/")
            row["ngay_ban_hanh"] = f"{day}/{month}/{int(year) + cycle // 100}"
        path = folder / f"bd_{i:06d}.txt"
        path.write_text(binhduong_letter(row), encoding="utf-8")
        paths.append(path)
    return paths
