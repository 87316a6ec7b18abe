"""Time grows linearly with the input: crafted inputs at 1×, 4× and 16× a base size.

Each family once took quadratic time (issue 11): many percentages in one sentence
(extract/indicators.py), a long tab-separated line in the header (zones.py column gaps), a run-on
sentence naming many bodies (extract/tasks.py bodies_at), thousands of items all labelled "1.".
The fuzzing issue added the others, three of which were quadratic too: a flood of combining marks
of two classes (CPython's NFC orders them by swaps), a run of spaces in a line that lost its breaks
(relines.py rescanned the spaces at each one it gave back) and thousands of "Số:" lines (each read
as a citation and checked against every earlier one).
A quadratic family takes about 16 times longer at each 4× step and 256 times longer at 16× the
size; the bounds below allow 12 a step and 64 in all (the machine's noise, caches warming), so the
test fails on quadratic growth and passes on linear. The base size is 4 units of a family, large
enough that a parse's fixed cost does not hide the growth.
With ``--runslow`` two families run again at the sizes the issue names (a 5 MB line, 100,000 list
items), against a sixteenth of that size.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import vbdieuhanh
from vbdieuhanh.zones import title_type

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 12/UBND-VX\nKiên Giang, ngày 05 tháng 01 năm 2021\n"
    "V/v báo cáo kết quả\nKính gửi: Sở Y tế\n"
)

SENTENCE = (
    "Sở Y tế chủ trì, phối hợp với UBND các huyện thực hiện Công văn số 15/SYT-NV ngày 05/01/2021 "
    "trước ngày 30/6/2021. "
)
MARKERS = ["-", "+", "a)", None]  # None: the item's number

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
    # about 7 KB a unit: 5 MB at 720
    "one line that lost its breaks": lambda n: HEAD.replace("\n", " ") + SENTENCE * (60 * n),
    # 100,000 items at 1,600
    "list items": lambda n: (
        HEAD + "".join(f"{MARKERS[i % 4] or f'{i}.'} Sở Y tế thực hiện việc số {i};\n" for i in range(64 * n))
    ),
    "deep numbering": lambda n: (
        HEAD
        + "".join(f"{'1.' * (i % 12 + 1)} Sở Y tế thực hiện việc số {i}.\n" for i in range(50 * n))
        + "1." * (100 * n)
        + " Sở Y tế.\n"
    ),
    "a run of Số:": lambda n: HEAD + "Số: " * (500 * n) + "\nSố:" + " Số: 12/" * (200 * n) + "\n",
    "Số: lines": lambda n: HEAD + "Số: 15/SYT-NV\n" * (200 * n),
    "digits and slashes": lambda n: (
        HEAD + "9" * (2000 * n) + "\n" + "12/" * (500 * n) + "\n" + "/" * (1000 * n)
    ),
    "capital letters": lambda n: (
        "ỦY BAN NHÂN DÂN TỈNH " * (50 * n)
        + "\n"
        + HEAD
        + "ỦY BAN NHÂN DÂN TỈNH " * (50 * n)
        + "A" * (500 * n)
    ),
    "a flood of combining marks": lambda n: HEAD + "Sở Y tế" + "\u0301\u0323" * (1000 * n) + " thực hiện.\n",
    "a run of spaces in a line that lost its breaks": lambda n: (
        HEAD.replace("\n", " ") + "a" + " " * (1000 * n) + "b\n"
    ),
}
# the sizes: a 5 MB line, 100,000 list items
FULL_SIZE = {"one line that lost its breaks": 720, "list items": 1600}


def _seconds(text: str, repeat: int = 3) -> float:
    """CPU seconds of the fastest of ``repeat`` parses: CPU time, not wall-clock, so that other
    processes on a loaded machine (the test workers themselves) do not count."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        vbdieuhanh.parse_text(text)
        best = min(best, time.process_time() - start)
    return best


BASE = 4  # units of a family at 1×


def _growth_problem(family: str) -> str | None:
    """What breaks the linear bounds in one measurement of ``family``, or None."""
    make = FAMILIES[family]
    one, four, sixteen = (_seconds(make(BASE * size)) for size in (1, 4, 16))
    if four / one >= 12:
        return f"{family}: 4× the input took {four / one:.0f}× the time"
    if sixteen / four >= 12:
        return f"{family}: 16× the input took {sixteen / four:.0f}× the time of 4×"
    if sixteen / one >= 64:
        return f"{family}: 16× the input took {sixteen / one:.0f}× the time"
    return None


@pytest.mark.parametrize("family", FAMILIES)
def test_time_grows_linearly(family: str) -> None:
    """Measured again, up to three times in all, when a bound breaks: a busy machine (the other test
    worker, an OCR subprocess) can slow one measurement two-fold, while quadratic growth breaks the
    bounds every time (it takes 16× a step, not 4×)."""
    vbdieuhanh.parse_text(FAMILIES[family](1))  # caches warmed
    problems = []
    for _ in range(3):
        problem = _growth_problem(family)
        if problem is None:
            return
        problems.append(problem)
    pytest.fail("; ".join(problems))


@pytest.mark.slow
@pytest.mark.parametrize("family", FULL_SIZE)
def test_time_grows_linearly_at_full_size(family: str) -> None:
    make, n = FAMILIES[family], FULL_SIZE[family]
    small, large = _seconds(make(n // 16), repeat=1), _seconds(make(n), repeat=1)
    assert large / small < 64, f"{family}: 16× the input took {large / small:.0f}× the time"


def test_title_type_of_a_line_of_many_words_grows_linearly() -> None:
    """zones.title_type once made one prefix of the line per space (a line of n words: n prefixes of
    about n/2 words); a parse calls it on every upper-case header line. Timed on its own: in a whole
    parse the header scan stops long before such a line costs."""

    def seconds(words: int) -> float:
        best = float("inf")
        for attempt in range(3):
            line = "S " * words + str(attempt)  # a new line each time: title_type keeps its answers
            start = time.process_time()
            title_type(line)
            best = min(best, time.process_time() - start)
        return best

    title_type("QUYẾT ĐỊNH")  # its table built
    small, large = seconds(2_000), seconds(32_000)
    assert large / small < 64, f"16× the words took {large / small:.0f}× the time"
