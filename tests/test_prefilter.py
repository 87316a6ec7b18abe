"""The prefilters find what their patterns find, only faster: checked against plain scans on the real
letters of tests/data/cases and on crafted texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vbdieuhanh import prefilter
from vbdieuhanh.extract.citations import _CITED_SCAN, _PARTY_SCAN
from vbdieuhanh.extract.tasks import _scanners
from vbdieuhanh.prefilter import AroundSlash, Prefiltered, scan_together

CASES = sorted((Path(__file__).parent / "data" / "cases").glob("*.txt"))
LETTERS = [path.read_text(encoding="utf-8") for path in CASES]


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_scan_together_finds_what_each_pattern_finds_alone() -> None:
    patterns = [p for p in _scanners() if isinstance(p, Prefiltered)]
    assert len(patterns) >= 5 and LETTERS
    for text in LETTERS:
        lower = text.lower()
        together = scan_together(patterns, lower, 0, len(lower))
        alone = [p.finditer(lower, 0, len(lower)) for p in patterns]
        assert [_spans(m) for m in together] == [_spans(m) for m in alone]


@given(
    st.lists(
        st.lists(st.text(alphabet="abợ ", min_size=1, max_size=3), min_size=1, max_size=3),
        min_size=1,
        max_size=4,
    ),
    st.text(alphabet="abợ x", max_size=60),
    st.integers(0, 10),
    st.integers(0, 10),
)
@settings(max_examples=300, deadline=None)
def test_scan_together_finds_what_each_finds_alone_with_overlapping_triggers(
    trigger_sets: list[list[str]], text: str, cut_start: int, cut_end: int
) -> None:
    """Triggers that overlap, nest, repeat or are prefixes of each other, over any window of the text:
    the automaton's scan gives each pattern what its own str.find scan gives it."""
    patterns = [
        Prefiltered(re.compile(f"(?:{'|'.join(map(re.escape, triggers))})[a ]?x?"), tuple(triggers))
        for triggers in trigger_sets
    ]
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    together = scan_together(patterns, text, start, end)
    assert [_spans(m) for m in together] == [_spans(p.finditer(text, start, end)) for p in patterns]


def test_scan_together_tries_every_pattern_whose_trigger_is_a_prefix_of_another() -> None:
    """'báo cáo' begins where the longer trigger 'báo cáo kết quả' is found: both patterns match."""
    short = Prefiltered(re.compile(r"báo cáo \w+"), ("báo cáo",))
    long = Prefiltered(re.compile(r"báo cáo kết quả"), ("báo cáo kết quả",))
    other = Prefiltered(re.compile(r"giao \w+"), ("giao",))
    text = "đề nghị báo cáo kết quả, giao sở và báo cáo ubnd"
    found = scan_together([short, long, other], text, 0, len(text))
    assert [[m.group() for m in matches] for matches in found] == [
        ["báo cáo kết", "báo cáo ubnd"],
        ["báo cáo kết quả"],
        ["giao sở"],
    ]
    assert found[0][0].span() == short.finditer(text, 0, len(text))[0].span()


def test_the_trigger_table_stays_bounded_as_new_patterns_come() -> None:
    """A vocabulary overlay makes new pattern objects each time it changes; their trigger tables do not
    pile up, and a table made again after the clearing still finds the same."""
    text = "đề nghị báo cáo kết quả, giao sở và báo cáo ubnd"
    for round_ in range(prefilter._MAX_DISPATCH + 40):
        short = Prefiltered(re.compile(r"báo cáo \w+"), ("báo cáo",))
        other = Prefiltered(re.compile(r"giao \w+"), ("giao",))
        found = scan_together([short, other], text, 0, len(text))
        expected = [["báo cáo kết", "báo cáo ubnd"], ["giao sở"]]
        assert [[m.group() for m in matches] for matches in found] == expected
        assert len(prefilter._DISPATCH) <= prefilter._MAX_DISPATCH, round_


def _stepping_back(scanner: AroundSlash, text: str) -> list[re.Match[str]]:
    """The scan without its shortcut: step back from every '/'."""
    found: list[re.Match[str]] = []
    next_free, at = 0, text.find("/")
    while at >= 0:
        begin = scanner._number_start(text, at, max(0, at - scanner.reach))
        if begin is not None and begin >= next_free and (match := scanner.regex.match(text, begin)):
            found.append(match)
            next_free = match.end()
        at = text.find("/", max(at + 1, next_free))
    return found


PARTY = [
    "Kết luận số 132-KL/TW ngày 18/3/2025 của Bộ Chính trị",
    "Chỉ thị số 05 - CT/TW, Nghị quyết 18-NQ/TW và Công văn 12/UBND-VX",
    "Quy định 105- QĐ/TW; Hướng dẫn 25-HD/BTGTW ngày 01/01/2024",
    "Văn bản 1234 -KH/TU, Thông báo số 7-TB/TU.",
    "không có số nào: 12/2025, 3/4, a/b, -/-",
]


@pytest.mark.parametrize("text", PARTY + LETTERS[:20], ids=range(len(PARTY) + min(20, len(LETTERS))))
def test_party_numbers_found_as_stepping_back_finds_them(text: str) -> None:
    assert _spans(_PARTY_SCAN.finditer(text, 0, len(text))) == _spans(_stepping_back(_PARTY_SCAN, text))
    assert _spans(_CITED_SCAN.finditer(text, 0, len(text))) == _spans(_stepping_back(_CITED_SCAN, text))


def test_party_numbers_in_the_table_are_found() -> None:
    found = [m.group() for text in PARTY for m in _PARTY_SCAN.finditer(text, 0, len(text))]
    expected = ["132-KL/TW", "05 - CT/TW", "18-NQ/TW", "105- QĐ/TW", "25-HD/BTGTW", "1234 -KH/TU", "7-TB/TU"]
    assert found == expected


@pytest.mark.parametrize(
    ("alternatives", "written"),
    [
        (["phối hợp với", "phối hợp", "phát hành", "kết hợp"], r"ph(?:ối\ hợp(?:\ với|)|át\ hành)|kết\ hợp"),
        (["hàng tháng", "hằng tháng", "hàng tuần"], r"h(?:àng\ t(?:háng|uần)|ằng\ tháng)"),
        (["trong", "trong năm"], r"trong(?:|\ năm)"),  # an ending before a longer one keeps its place
        (["a?b", "ac"], "a?b|ac"),  # a quantified first character is not grouped
        (["[ab]c", "ad"], "[ab]c|ad"),
    ],
)
def test_grouped_writes_a_tree_of_common_beginnings(alternatives: list[str], written: str) -> None:
    escaped = [a if any(c in a for c in "?[") else re.escape(a) for a in alternatives]
    assert prefilter.grouped(escaped) == written


@given(
    st.lists(st.text(alphabet="ab ợ-", min_size=0, max_size=4), min_size=1, max_size=8),
    st.text(alphabet="ab ợ-x", max_size=40),
    st.sampled_from(["", "b", r"(?!a)", r"\b"]),
)
@settings(max_examples=400, deadline=None)
def test_grouped_finds_what_the_plain_alternation_finds(
    alternatives: list[str], text: str, after: str
) -> None:
    """Same matches, same spans, same alternative chosen (in any order of the alternatives, empty ones
    and duplicates included, and followed by more pattern, so that backtracking into them counts)."""
    escaped = [re.escape(a) for a in alternatives]
    plain = re.compile(f"(?:{'|'.join(escaped)}){after}")
    tree = re.compile(f"(?:{prefilter.grouped(escaped)}){after}")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
