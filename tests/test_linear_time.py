"""Time grows linearly with the input: crafted inputs at 1×, 4× and 16× their size.

Each family once took quadratic time (issue 11): many percentages in one sentence
(extract/indicators.py), a long tab-separated line in the header (zones.py column gaps), a run-on
sentence naming many bodies (extract/tasks.py bodies_at), thousands of items all labelled "1.".
A quadratic family takes about 256 times longer at 16× the size; the bound below allows 64 (the
machine's noise, caches warming), so the test fails on quadratic growth and passes on linear.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import vbdieuhanh

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 12/UBND-VX\nKiên Giang, ngày 05 tháng 01 năm 2021\n"
    "V/v báo cáo kết quả\nKính gửi: Sở Y tế\n"
)

FAMILIES: dict[str, Callable[[int], str]] = {
    "percentages in one sentence": lambda n: (
        HEAD
        + "Năm 2020, toàn tỉnh tiếp nhận được 19.416 đơn vị máu, đạt "
        + " và ".join(f"{i % 90 + 10},5% kế hoạch, tăng {i % 50}% so với cùng kỳ" for i in range(60 * n))
        + ".\n"
    ),
    "a long tab-separated header line": lambda n: "\t".join(["ỦY BAN NHÂN DÂN"] * (50 * n)) + "\n" + HEAD,
    "a run-on sentence naming bodies": lambda n: (
        HEAD
        + "UBND tỉnh giao "
        + ", ".join("Sở Tài chính chủ trì phối hợp với Sở Nội vụ" for _ in range(50 * n))
        + ".\n"
    ),
    "items all labelled 1.": lambda n: (
        HEAD + "".join(f"1. Sở Y tế thực hiện việc số {i}.\n" for i in range(50 * n))
    ),
}


def _seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        vbdieuhanh.parse_text(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("family", FAMILIES)
def test_time_grows_linearly(family: str) -> None:
    make = FAMILIES[family]
    vbdieuhanh.parse_text(make(1))  # caches warmed
    small, large = _seconds(make(4)), _seconds(make(64))
    assert large / small < 64, f"{family}: 16× the input took {large / small:.0f}× the time"
