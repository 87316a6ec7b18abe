"""With the three seeds ingested, the archive answers what issue 4 asks (on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from vbdieuhanh.archive import Archive, open_archive

COMMITTEE = "agency:ban chỉ đạo quốc gia vận động hiến máu tình nguyện"


@pytest.fixture
def seeded(archive_url: str, seed_paths: list[Path]) -> Iterator[Archive]:
    with open_archive(archive_url) as archive:
        for path in seed_paths:
            assert archive.add_file(path).status == "stored"
        yield archive


def _letter(graph, file_part: str) -> str:
    found = [n for n, d in graph.nodes(data=True) if d["type"] == "Document" and d.get("status") == "stored"]
    docs = [n for n in found if any(file_part in str(e) for e in graph.nodes[n].values())]
    assert len(docs) == 1, docs
    return docs[0]


def test_both_provinces_link_to_the_national_committee_through_the_letters_they_cite(seeded: Archive) -> None:
    graph = seeded.graph()
    assert graph.nodes[COMMITTEE]["name"] == "Ban Chỉ đạo Quốc gia vận động hiến máu tình nguyện"
    letters = {
        "Kiên Giang": ("114/BCĐ-KGVX", "29/CV-BCĐQG"),
        "Lai Châu": (None, "10/CV-BCĐQG"),
    }
    for province, (number, cited) in letters.items():
        letter = next(
            n
            for n, d in graph.nodes(data=True)
            if d["type"] == "Document" and d.get("province") == province and d.get("number_symbol") == number
            and d.get("status") == "stored"
        )  # fmt: skip
        targets = [
            dst
            for src, dst, kind in graph.edges(keys=True)
            if src == letter
            and kind in ("CITES", "IMPLEMENTS")
            and graph.nodes[dst].get("number_symbol") == cited
        ]
        assert len(targets) == 1, (province, targets)
        national = targets[0]
        assert graph.nodes[national]["status"] == "placeholder"
        assert graph.has_edge(national, COMMITTEE, "ISSUED_BY")


def test_followup_lists_kien_giang_letter_with_a_lag_of_22_days(seeded: Archive) -> None:
    followup = seeded.followup("29/CV-BCĐQG", as_of="2021-07-01")
    assert followup.directive.status == "placeholder"
    assert followup.directive.issuer == "Ban Chỉ đạo Quốc gia vận động hiến máu tình nguyện"
    (response,) = followup.responses
    assert response.number_symbol == "114/BCĐ-KGVX"
    assert (response.lag_days, response.lag_exact) == (22, True)
    assert response.province == "Kiên Giang"
    assert response.relation == "IMPLEMENTS"
    assert list(followup.by_province()) == ["Kiên Giang"]


def test_as_of_a_date_before_the_answer_the_directive_is_unanswered(seeded: Archive) -> None:
    assert seeded.followup("29/CV-BCĐQG", as_of="2021-06-03").responses == []  # 114/BCĐ-KGVX is of 06-04


def test_lai_chau_letter_dated_to_the_month_has_an_approximate_lag(seeded: Archive) -> None:
    (response,) = seeded.followup("10/CV-BCĐQG").responses
    assert response.issuer == "Ủy ban nhân dân tỉnh Lai Châu"
    assert (response.lag_days, response.lag_exact) == (27, False)  # 2021-03 counted from 2021-03-01


def test_kien_giang_is_succeeded_by_an_giang_on_2025_07_01(seeded: Archive) -> None:
    graph = seeded.graph()
    edge = graph.get_edge_data("agency:tỉnh kiên giang", "agency:tỉnh an giang", "SUCCEEDED_BY")
    assert edge is not None and edge["date"] == "2025-07-01"
    assert "202/2025/QH15" in edge["basis"]
    body = graph.get_edge_data(
        "agency:ủy ban nhân dân tỉnh kiên giang", "agency:ủy ban nhân dân tỉnh an giang", "SUCCEEDED_BY"
    )
    assert body is not None and body["date"] == "2025-07-01"
    assert graph.nodes["agency:ủy ban nhân dân tỉnh kiên giang"]["name"] == "Ủy ban nhân dân tỉnh Kiên Giang"
    lai_chau = "agency:ủy ban nhân dân tỉnh lai châu"
    assert not [
        e for e in graph.out_edges(lai_chau, keys=True) if e[2] == "SUCCEEDED_BY"
    ]  # unchanged in 2025


def test_news_text_gives_the_2018_result_and_the_2019_target(seeded: Archive) -> None:
    rows = seeded.indicators(province="Kiên Giang", what="tiếp nhận đơn vị máu")
    result = [r for r in rows if r["kind"] == "result"]
    target = [r for r in rows if r["kind"] == "target"]
    assert [(r["year"], r["value"], r["unit"], r["share_of_target"]) for r in result] == [
        (2018, 19416.0, "đơn vị máu", 134.0)
    ]
    assert [(r["year"], r["value"], r["comparator"]) for r in target] == [(2019, 17000.0, "at_least")]
    graph = seeded.graph()
    indicator = next(
        n for n, d in graph.nodes(data=True) if d["type"] == "Indicator" and d.get("value") == 19416.0
    )
    assert graph.has_edge(indicator, "agency:tỉnh kiên giang", "ABOUT")
    assert any(kind == "HAS_INDICATOR" for _, _, kind in graph.in_edges(indicator, keys=True))


def test_names_resolve_in_the_context_of_their_document(seeded: Archive) -> None:
    graph = seeded.graph()
    committee = "agency:ban chỉ đạo vận động hiến máu tình nguyện tỉnh kiên giang"
    # "Ban Chỉ đạo tỉnh" citing 31/BCĐ-KGVX in the Kiên Giang committee's letter is that committee
    cited = next(n for n, d in graph.nodes(data=True) if d.get("number_symbol") == "31/BCĐ-KGVX")
    assert graph.has_edge(cited, committee, "ISSUED_BY")
    assert graph.has_edge("agency:ủy ban nhân dân tỉnh kiên giang", committee, "PARENT_OF")
    # "UBND tỉnh: U1 (b/c)" in the Lai Châu letter is the Lai Châu people's committee
    copied = [
        d
        for s, d, k in graph.edges(keys=True)
        if k == "COPIED_TO" and graph.nodes[s].get("province") == "Lai Châu"
    ]
    assert "agency:ủy ban nhân dân tỉnh lai châu" in copied
    assert "agency:ban chỉ đạo vận động hiến máu tình nguyện tỉnh lai châu" in {
        d for _, d, k in graph.edges(keys=True) if k == "ADDRESSED_TO"
    }


def test_reingesting_the_seeds_changes_nothing(seeded: Archive, seed_paths: list[Path]) -> None:
    before = seeded.stats()
    assert [seeded.add_file(p).status for p in seed_paths] == ["unchanged"] * 3
    assert seeded.stats() == before
