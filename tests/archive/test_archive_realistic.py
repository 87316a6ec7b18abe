"""A realistic archive: real documents (seeds, vbpl.vn legal texts, Bình Dương numbers and subjects)
plus generated variants of the real provincial letters for other provinces, numbers and dates.

A national directive (45/CV-BCĐQG, deadline 31/8/2021) is answered by five provinces' steering
committees (one of them late, one citing it without its issuer) and by one province's people's
committee, and not by the other 57 provinces; a district acts on its province's letter; a ministry
letter to all provinces' people's committees is answered by Lai Châu. The responses arrive before the
directives, so they first point to placeholders, merged when the directives arrive.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from variants import Scenario, build_realistic, changed_version

from vbdieuhanh.archive import Archive, open_archive
from vbdieuhanh.archive.ingest import IngestReport, ingest

TABLES = (
    "documents", "versions", "agencies", "agency_aliases", "agency_links", "tasks", "edges", "indicators",
    "merges",
)  # fmt: skip


@dataclass
class Built:
    url: str
    folder: Path
    scenario: Scenario
    early: IngestReport
    first: IngestReport
    placeholders_before: dict[str, int]
    second: IngestReport


def snapshot(archive: Archive) -> dict[str, object]:
    store = archive.store
    counts = {t: store.scalar(f"SELECT COUNT(*) FROM {t}") for t in TABLES}
    edges = sorted(store.rows("SELECT src, dst, type, COALESCE(role, '') FROM edges"))
    return {"counts": counts, "edges": edges}


@pytest.fixture(scope="module")
def built(module_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    folder = tmp_path_factory.mktemp("realistic")
    scenario = build_realistic(folder)
    early = ingest([str(folder / "early")], module_url, workers=0, progress=False)
    first = ingest([str(folder / "first")], module_url, workers=2, progress=False)
    with open_archive(module_url) as archive:
        placeholders = {
            ref: len(archive.followup(ref, as_of="2021-10-01").responses)
            for ref in (scenario.directive, scenario.ministry)
            if archive.store.scalar(
                "SELECT status FROM documents WHERE ns_key = ?", (ref,)
            ) == "placeholder"
        }  # fmt: skip
    second = ingest([str(folder / "second")], module_url, workers=0, progress=False)
    yield Built(module_url, folder, scenario, early, first, placeholders, second)


@pytest.fixture
def archive(built: Built) -> Iterator[Archive]:
    with open_archive(built.url) as opened:
        yield opened


def test_every_file_is_stored_once_and_nothing_failed(built: Built) -> None:
    assert built.early.ok and built.first.ok and built.second.ok, built.first.failures
    total = len(list((built.folder / "first").iterdir())) + 1
    assert built.early.stored + built.first.stored == total
    assert built.second.stored == 2


def test_the_responses_first_point_to_placeholders_that_are_merged_when_the_directives_arrive(
    built: Built, archive: Archive
) -> None:
    assert built.placeholders_before == {"45/CV-BCĐQG": 7, "512/BYT-KCB": 1}
    store = archive.store
    assert store.scalar("SELECT status FROM documents WHERE ns_key = '45/CV-BCĐQG'") == "stored"
    assert store.scalar("SELECT status FROM documents WHERE ns_key = '512/BYT-KCB'") == "stored"
    # the letter that cited it without an issuer came first: its placeholder was merged
    merged = store.scalar(
        "SELECT COUNT(*) FROM merges WHERE placeholder_id = ?", ("45/CV-BCĐQG|2021-07-20|?",)
    )
    assert merged == 1


def test_the_directive_is_answered_by_some_provinces_and_not_others(built: Built, archive: Archive) -> None:
    s = built.scenario
    followup = archive.followup(s.directive, as_of="2021-10-01")
    direct = {r.province: (r.number_symbol, r.lag_days) for r in followup.responses if r.depth == 1}
    expected = {p: (number, (issued - s.directive_date).days) for p, (number, issued) in s.committees.items()}
    expected["Yên Bái"] = (s.councils["Yên Bái"][0], (s.councils["Yên Bái"][1] - s.directive_date).days)
    assert direct == expected
    status = {e.province: e.status for e in followup.expected}
    assert len(status) == 63  # the provinces of 2021
    assert status["Lai Châu"] == status["Cao Bằng"] == "answered"
    assert status["Sóc Trăng"] == "late"  # 2 September, after the 31 August deadline
    assert status["Yên Bái"] == "province_answered"  # its people's committee answered, not the committee
    assert status["Hà Giang"] == status["Kiên Giang"] == "overdue"
    assert sum(v == "overdue" for v in status.values()) == 63 - 6
    # task by task: the provincial letters carry out tasks 1 and 2 (their citing sentence names
    # "tuyên truyền", "tiếp nhận máu"…); none is the report task 3 asks for, which is not found
    for path in ("1", "2"):
        task = next(t for t in followup.tasks if t.path == path)
        (lead,) = [a for a in task.assignees if a.role == "lead"]
        assert lead.status == "partial" and (lead.members_answered, lead.members_expected) == (5, 63)
        assert {e.basis for e in lead.evidence} <= {"words", "restated"} and lead.evidence
    task3 = next(t for t in followup.tasks if t.path == "3")
    (lead,) = [a for a in task3.assignees if a.role == "lead"]
    assert lead.status == "overdue" and (lead.members_answered, lead.members_expected) == (0, 63)
    assert len(lead.other_responses) == 5 and not lead.answered_by


def test_a_district_acting_on_its_province_letter_is_a_second_level_response(
    built: Built, archive: Archive
) -> None:
    province, district, number, issued = built.scenario.district
    followup = archive.followup(built.scenario.directive, as_of="2021-10-01")
    (deep,) = [r for r in followup.responses if r.depth == 2]
    assert (deep.number_symbol, deep.province, deep.via) == (
        number,
        province,
        built.scenario.committees[province][0],
    )
    assert deep.issuer == f"Ủy ban nhân dân huyện {district}"
    assert deep.lag_days == (issued - built.scenario.directive_date).days


def test_tasks_of_a_provincial_committee_through_the_group_it_belongs_to(
    built: Built, archive: Archive
) -> None:
    rows = archive.tasks("Ủy ban nhân dân tỉnh Lai Châu", as_of="2021-10-01")
    ministry = [r for r in rows if r.number_symbol == built.scenario.ministry]
    assert [r.task for r in ministry] == ["1", "2"]
    assert all(r.via and "các tỉnh" in r.via for r in ministry)
    assert all(r.status == "answered" and r.answered_by == ["1577/UBND-VX"] for r in ministry)
    others = archive.tasks("UBND tỉnh Cao Bằng", as_of="2021-10-01")
    assert [r.status for r in others if r.number_symbol == built.scenario.ministry] == ["open", "overdue"]


def test_reingesting_the_whole_archive_changes_nothing(built: Built, archive: Archive) -> None:
    before = snapshot(archive)
    report = ingest([str(built.folder)], built.url, workers=2, progress=False)
    assert report.ok and report.stored == report.new_versions == 0
    assert report.unchanged == report.seen
    assert snapshot(archive) == before


def test_a_changed_file_becomes_a_second_version(built: Built, archive: Archive, tmp_path: Path) -> None:
    name = built.scenario.files["Cao Bằng"]
    changed = tmp_path / name
    changed.write_text(
        changed_version((built.folder / "first" / name).read_text(encoding="utf-8")), encoding="utf-8"
    )
    report = ingest([str(changed)], built.url, workers=0, progress=False)
    assert report.new_versions == 1
    number = built.scenario.committees["Cao Bằng"][0]
    assert archive.store.scalar("SELECT versions FROM documents WHERE number_symbol = ?", (number,)) == 2
    assert "khẩn trương" in archive.document(number).text
    followup = archive.followup(built.scenario.directive, as_of="2021-10-01")
    assert [r.number_symbol for r in followup.responses].count(number) == 1


def test_real_legal_texts_are_stored_with_their_numbers(archive: Archive) -> None:
    stored = archive.store.rows("SELECT number_symbol, doc_type FROM documents WHERE file LIKE '%vbpl_%'")
    assert len(stored) == 20
    assert sum(1 for number, _ in stored if number) >= 18
