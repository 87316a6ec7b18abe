"""Indicators from report and news texts: results and targets with what, value, unit, year, province."""

from __future__ import annotations

from pathlib import Path

import vbdieuhanh
from vbdieuhanh.extract.indicators import extract_indicators


def test_news_seed_results_and_targets(seed_paths: list[Path]) -> None:
    news = vbdieuhanh.parse_file(next(p for p in seed_paths if "news" in p.name))
    found = {(i.kind, i.year, i.what): i for i in extract_indicators(news.text)}
    result = found[("result", 2018, "tiếp nhận đơn vị máu")]
    assert (result.value, result.unit, result.share_of_target, result.province) == (
        19416,
        "đơn vị máu",
        134,
        "Kiên Giang",
    )
    target = found[("target", 2019, "tiếp nhận đơn vị máu")]
    assert (target.value, target.comparator, target.province) == (17000, "at_least", "Kiên Giang")
    assert found[("target", 2019, "hiến máu tình nguyện")].comparator == "more_than"
    assert found[("result", 2018, "tỷ lệ dân số hiến máu")].value == 1.12
    assert news.text[result.source.start : result.source.end] == "19.416 đơn vị máu"
    assert len(found) == len(extract_indicators(news.text))  # the repeated paragraph is not counted twice
    assert news.indicators == extract_indicators(news.text)  # the parser fills the record's indicators


def test_figures_without_a_cue_are_not_indicators() -> None:
    text = "Cấp tỉnh 400 triệu đồng/năm; ngày 14/6 tôn vinh người hiến máu; 15/15 huyện có Ban Chỉ đạo."
    assert extract_indicators(text) == []


def test_a_report_sentence_with_the_documents_province_and_year() -> None:
    text = (
        "Toàn tỉnh đã tiếp nhận được 12.345 đơn vị máu, đạt 102% kế hoạch. Năm 2022 phấn đấu đạt 95% tỷ lệ."
    )
    first, second = extract_indicators(text, province="Lai Châu", year=2021)
    assert (first.kind, first.value, first.share_of_target, first.year, first.province) == (
        "result", 12345, 102, 2021, "Lai Châu"
    )  # fmt: skip
    assert (second.kind, second.year, second.unit) == ("target", 2022, "%")
