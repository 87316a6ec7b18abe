"""Every real text of the shared corpus parses, and what the parser could not find is said.

Inputs (all of ``../shared/corpus/real/text`` plus the seeds and the case files):
the 818 vbpl.vn texts of the crawl (574 Vietnamese, 244 official English translations), the VLM-OCR
text of QĐ 3467/QĐ-BYT, the OCR field JSON of NĐ 28/2021/NĐ-CP read as text, the 4,056 rows of the
Bình Dương metadata CSV wrapped as minimal documents (header, number, date, V/v), the 17 records of
the Quảng Ngãi OCR tool's JSON read as text, the three seeds and ``tests/data/cases``.

Checks: no input raises; for every record the parser calls administrative, a missing number,
date, issuer or signer comes with a warning that explains it (and a date of month or year
precision says which part was blank); the Bình Dương numbers and dates survive the round trip.
Skipped when ``../shared`` is not beside the project.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import vbdieuhanh

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEXT = SHARED / "corpus" / "real" / "text"

# A missing value is explained by a warning whose code names it ("missing_number",
# "unreadable_number", "missing_day", "invalid_date", "missing_signer_name", …).
EXPLAINS = {
    "number": ("number",),
    "date": ("date",),
    "day": ("day", "date"),
    "month": ("month", "date"),
    "issuer": ("issuer",),
    "signer": ("signer",),
}

Texts = list[tuple[str, str]]


def _vbpl(lang: str) -> Texts:
    out: Texts = []
    for path in sorted(TEXT.glob("vbpl_central_crawl_*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                if rec.get("lang") == lang:
                    out.append((rec["id"], rec["text"]))
    return out


def _json_strings(value: Any) -> list[str]:
    """The strings of an OCR field JSON in document order (keys that are headings included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    if isinstance(value, dict):
        out: list[str] = []
        for key, item in value.items():
            if key not in {"Name", "Description", "Number", "Topic"}:
                out.append(key)
            out.extend(_json_strings(item))
        return out
    return []


def _chinhphu_json() -> Texts:
    data = json.loads((TEXT / "chinhphu_ND-28-2021-ND-CP_ocr-fields.json").read_text(encoding="utf-8"))
    return [("chinhphu_ND-28-2021-ND-CP_ocr-fields", "\n".join(_json_strings(data)))]


def _quangngai_tool_json() -> Texts:
    path = TEXT / "quangngai_ocr-tool-field-output_NOT-ground-truth.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    out: Texts = []
    for rec in data:
        fields = ["CQBH Trên", "CQBH Dưới", "Số Ký Hiệu", "Ngày Ban Hành", "Loại Văn Bản", "Nội Dung Chính"]
        tail = ["Nơi Nhận", "Chức Vụ", "Chữ Ký"]
        lines = [str(rec.get(k) or "") for k in fields] + [str(rec.get(k) or "") for k in tail]
        out.append((f"quangngai-tool-{rec.get('ID')}", "\n".join(lines)))
    return out


def _binhduong_rows() -> list[dict[str, str]]:
    with (TEXT / "binhduong_van-ban-chi-dao-dieu-hanh_metadata_4056.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _binhduong_text(row: dict[str, str]) -> str:
    """A CSV row as the minimal document it describes (the CSV has no text of its own)."""
    day, month, year = row["ngay_ban_hanh"].split("/")
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"Số: {row['so_ky_hieu']}\nBình Dương, ngày {day} tháng {month} năm {year}\n"
        f"V/v {row['trich_yeu']}\n"
    )


def _binhduong() -> Texts:
    return [(f"binhduong-row-{row['']}", _binhduong_text(row)) for row in _binhduong_rows()]


def _byt_ocr() -> Texts:
    return [("byt_QD-3467", (TEXT / "byt_QD-3467-QD-BYT_2024_vlm-ocr.txt").read_text(encoding="utf-8"))]


def _seeds() -> Texts:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "samples").glob("*.txt"))]


def _cases() -> Texts:
    cases = ROOT / "tests" / "data" / "cases"
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(cases.glob("*.txt"))]


GROUPS: dict[str, Callable[[], Texts]] = {
    "vbpl-vi": lambda: _vbpl("vi"),
    "vbpl-en": lambda: _vbpl("en"),
    "byt-vlm-ocr": _byt_ocr,
    "chinhphu-ocr-json": _chinhphu_json,
    "binhduong-csv": _binhduong,
    "quangngai-tool-json": _quangngai_tool_json,
    "seeds": _seeds,
    "cases": _cases,
}
EXPECTED_COUNTS = {
    "vbpl-vi": 574,
    "vbpl-en": 244,
    "binhduong-csv": 4056,
    "quangngai-tool-json": 17,
    "seeds": 3,
}


@cache
def parsed(group: str) -> list[tuple[str, vbdieuhanh.Document | Exception]]:
    out: list[tuple[str, vbdieuhanh.Document | Exception]] = []
    for name, text in GROUPS[group]():
        try:
            out.append((name, vbdieuhanh.parse_text(text)))
        except Exception as error:  # the test reports every failure, not only the first
            out.append((name, error))
    return out


def unexplained(doc: vbdieuhanh.Document) -> list[str]:
    """Missing values of an administrative record that no warning explains."""
    codes = [w.code for w in doc.warnings]

    def said(what: str) -> bool:
        return any(word in code for code in codes for word in EXPLAINS[what])

    out = []
    if doc.number_symbol is None and not said("number"):
        out.append("number_symbol is None but no warning about the number")
    if doc.issue_date is None:
        if not said("date"):
            out.append("issue_date is None but no warning about the date")
    elif re.fullmatch(r"\d{4}-\d{2}", doc.issue_date) and not said("day"):
        out.append(f"issue_date {doc.issue_date} has no day but no warning about the day")
    elif re.fullmatch(r"\d{4}", doc.issue_date) and not said("month"):
        out.append(f"issue_date {doc.issue_date} has no month but no warning about the month")
    if doc.issuer is None and not said("issuer"):
        out.append("issuer is None but no warning about the issuer")
    if (doc.signer is None or doc.signer.name is None) and not said("signer"):
        out.append("no signer (or no signer name) but no warning about the signer")
    out += [f"warning {w.code!r} has an empty message" for w in doc.warnings if not w.message.strip()]
    return out


@pytest.mark.parametrize("group", list(GROUPS))
def test_every_text_parses(shared_dir: Path, group: str) -> None:
    results = parsed(group)
    assert results, f"no texts found for {group}"
    if group in EXPECTED_COUNTS:
        assert len(results) == EXPECTED_COUNTS[group], f"{group}: {len(results)} texts"
    errors = [f"{name}: {type(res).__name__}: {res}" for name, res in results if isinstance(res, Exception)]
    assert not errors, f"{len(errors)} of {len(results)} {group} texts raised:\n" + "\n".join(errors)


@pytest.mark.parametrize("group", [g for g in GROUPS if g != "vbpl-en"])
def test_missing_values_are_explained(shared_dir: Path, group: str) -> None:
    problems = []
    administrative = 0
    for name, res in parsed(group):
        if isinstance(res, Exception) or not res.is_administrative:
            continue
        administrative += 1
        problems += [f"{name}: {p}" for p in unexplained(res)]
    assert administrative, f"no {group} text was read as administrative"
    assert not problems, f"{len(problems)} unexplained gaps in {group}:\n" + "\n".join(problems)


def _canonical(number_symbol: str) -> str:
    text = unicodedata.normalize("NFC", number_symbol).replace("\u00d0", "Đ")
    return re.sub(r"\s+", "", text)


def test_binhduong_numbers_and_dates_round_trip(shared_dir: Path) -> None:
    """The CSV's real number/symbol and date come back from the minimal documents built from them.

    A handful of the portal's values are malformed ("1830 QĐ-UBND" has no slash, "157/TB_UBND" an
    underscore, "26/KH-BCĐ (138)" a bracketed note); up to 0.5 % may disagree, every date must agree.
    """
    rows = _binhduong_rows()
    results = dict(parsed("binhduong-csv"))
    numbered = dates = 0
    number_misses, date_misses = [], []
    for row in rows:
        doc = results[f"binhduong-row-{row['']}"]
        assert not isinstance(doc, Exception)
        day, month, year = row["ngay_ban_hanh"].split("/")
        dates += 1
        if doc.issue_date != f"{year}-{month}-{day}":
            date_misses.append(f"{row['ngay_ban_hanh']} → {doc.issue_date}")
        if row["so_ky_hieu"].strip():
            numbered += 1
            if doc.number_symbol is None or _canonical(doc.number_symbol) != _canonical(row["so_ky_hieu"]):
                number_misses.append(f"{row['so_ky_hieu']!r} → {doc.number_symbol!r}")
    assert numbered == 4053 and dates == 4056
    assert not date_misses, "\n".join(date_misses)
    listing = "\n".join(number_misses)
    assert len(number_misses) <= numbered * 0.005, f"{len(number_misses)} misses:\n{listing}"
