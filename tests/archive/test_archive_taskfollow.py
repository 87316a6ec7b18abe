"""Task-level follow-up: a response answers the tasks it addresses, with the evidence, and what was
not found is "not found in the archive" (tests/data/archive/taskfollow/README.md: one directive, two
tasks, two bodies; the real Kiên Giang letter for the list of expected districts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vbdieuhanh.archive import open_archive
from vbdieuhanh.archive.exports import write_xlsx
from vbdieuhanh.archive.followup import AssigneeStatus, FollowUp
from vbdieuhanh.archive.output import FOLLOWUP_COLUMNS, followup_rows, followup_table
from vbdieuhanh.archive.report_html import render
from vbdieuhanh.archive.taskmatch import labels, phrases, words
from vbdieuhanh.listing import Sheet, to_csv, to_json
from vbdieuhanh.names.keys import fold_key

DATA = Path(__file__).resolve().parents[1] / "data" / "archive" / "taskfollow"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SYT, SGD = "Sở Y tế tỉnh Kiên Giang", "Sở Giáo dục và Đào tạo tỉnh Kiên Giang"


def _entry(followup: FollowUp, path: str, body: str) -> AssigneeStatus:
    task = next(t for t in followup.tasks if t.path == path)
    return next(a for a in task.assignees if a.name == body)


@pytest.fixture
def followup(archive_url: str) -> FollowUp:
    with open_archive(archive_url) as archive:
        report = archive.ingest([str(DATA)])
        assert (report.stored, report.failed) == (3, 0)
        return archive.followup("2150/UBND-VX", as_of="2024-07-15")


def test_a_response_answers_the_task_it_addresses_and_leaves_the_other_open(followup: FollowUp) -> None:
    # Sở Giáo dục và Đào tạo reported on task 1 only: its citing sentence restates it
    first = _entry(followup, "1", SGD)
    assert first.status == "answered" and first.answered_by == ["1032/SGDĐT-CTTT"]
    (why,) = first.evidence
    assert (why.basis, why.where) == ("words", "sentence")
    assert "lăng quăng" in " ".join(why.words) and "tuyên truyền" in " ".join(why.words)
    assert why.text.startswith("Thực hiện Công văn số 2150/UBND-VX")
    # task 2 is still open for it (overdue after 30/6/2024), and its letter is named as about other tasks
    second = _entry(followup, "2", SGD)
    assert second.status == "overdue" and second.answered_by == [] and second.evidence == []
    assert second.other_responses == ["1032/SGDĐT-CTTT"]


def test_a_response_citing_the_directive_as_a_whole_answers_all_the_tasks_of_its_body(
    followup: FollowUp,
) -> None:
    for path in ("1", "2"):
        entry = _entry(followup, path, SYT)
        assert entry.status == "answered" and entry.answered_by == ["1877/SYT-NVY"]
        assert [e.basis for e in entry.evidence] == ["whole"]
        assert "Triển khai Công văn số 2150/UBND-VX" in entry.evidence[0].text
    # the document-level view stays: both bodies answered the directive
    assert {e.name: e.status for e in followup.expected} == {SYT: "answered", SGD: "answered"}
    assert {r.number_symbol: r.lag_days for r in followup.responses} == {
        "1032/SGDĐT-CTTT": 9,
        "1877/SYT-NVY": 17,
    }


def test_every_output_shows_the_evidence_and_says_not_found_rather_than_did_not_act(
    followup: FollowUp, tmp_path: Path
) -> None:
    table = followup_table(followup)
    assert "overdue: not found in the archive" in table
    assert "did not act" not in table
    data = json.loads(to_json(followup.to_dict()))
    task1 = next(t for t in data["tasks"] if t["path"] == "1")
    sgd = next(a for a in task1["assignees"] if a["name"] == SGD)
    assert sgd["evidence"][0]["basis"] == "words" and sgd["evidence"][0]["document_id"]
    csv_text = to_csv(Sheet("followup", FOLLOWUP_COLUMNS, followup_rows(followup)))
    assert "evidence" in csv_text.splitlines()[0] and "overdue: not found in the archive" in csv_text
    assert "1877/SYT-NVY: cites the directive as a whole" in csv_text
    assert "1032/SGDĐT-CTTT: addresses other tasks" in csv_text
    page = render(followup)
    assert "Căn cứ xác định nhiệm vụ đã trả lời" in page and "lăng quăng" in page
    assert "chưa thấy trong kho" in page
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(write_xlsx(followup, tmp_path / "f.xlsx"))
    sheet = book["Nhiệm vụ × cơ quan"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert all("did not" not in str(r["Căn cứ"]) for r in rows)
    (sgd2,) = [r for r in rows if r["Mục"] == "2" and r["Cơ quan"] == SGD]
    assert sgd2["Tình trạng"] == "quá hạn, chưa thấy trong kho" and "other tasks" in sgd2["Căn cứ"]


def test_the_tasks_of_a_body_are_answered_task_by_task(archive_url: str) -> None:
    with open_archive(archive_url) as archive:
        archive.ingest([str(DATA)])
        rows = {r.task: r for r in archive.tasks("Sở Giáo dục và Đào tạo Kiên Giang", as_of="2024-07-15")}
        whole = {r.task: r.status for r in archive.tasks("Sở Y tế tỉnh Kiên Giang", as_of="2024-07-15")}
    assert rows["1"].status == "answered" and rows["1"].answered_by == ["1032/SGDĐT-CTTT"]
    assert "lăng quăng" in rows["1"].evidence[0]
    assert rows["2"].status == "overdue" and rows["2"].answered_by == []
    assert whole == {"1": "answered", "2": "answered"}


def test_a_label_in_the_citing_sentence_points_at_its_task(archive_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "label"
    folder.mkdir()
    for name in ("directive.txt", "sgddt.txt"):
        text = (DATA / name).read_text(encoding="utf-8")
        if name == "sgddt.txt":  # the same letter, pointing at task 2 by its label, in other words
            text = text.replace(
                "V/v tuyên truyền diệt lăng quăng trong trường học", "V/v báo cáo kết quả"
            ).replace(
                "Thực hiện Công văn số 2150/UBND-VX",
                "Thực hiện nhiệm vụ tại mục 2 Công văn số 2150/UBND-VX",
            ).replace("tổ chức tuyên truyền cho học sinh, phụ huynh về biện pháp diệt lăng quăng, loại bỏ "
                      "dụng cụ chứa nước đọng trong khuôn viên trường học", "kiểm tra")  # fmt: skip
        (folder / name).write_text(text, encoding="utf-8")
    with open_archive(archive_url) as archive:
        archive.ingest([str(folder)])
        followup = archive.followup("2150/UBND-VX", as_of="2024-07-15")
    assert _entry(followup, "1", SGD).status == "open"
    (why,) = _entry(followup, "2", SGD).evidence
    assert (why.basis, why.words) == ("label", ["2"])


def test_labels_words_and_phrases() -> None:
    assert labels("Thực hiện nhiệm vụ tại mục 2 và 3 Quyết định số 3740/QĐ-BTC") == ["2", "3"]
    assert labels("theo điểm a, khoản II.1 Công văn") == ["a", "ii.1"]
    assert labels("Triển khai Quyết định số 3740/QĐ-BTC ngày 05/11/2025") == []
    found = words("Tăng cường tuyên truyền, vận động Nhân dân tham gia hiến máu tình nguyện")
    assert {"tuyên truyền", "vận động", "hiến máu"} <= found and "tăng cường" not in found
    text = "báo cáo kết quả rà soát về Ủy ban nhân dân tỉnh"
    assert phrases(text, {"báo cáo", "cáo kết", "kết quả"}) == ["báo cáo kết quả"]


def test_the_members_of_a_districts_committee_are_its_committee_listed_once(tmp_path: Path) -> None:
    """The real Kiên Giang letter addresses both "Thành viên Ban Chỉ đạo … các huyện, thành phố" and
    "Ban Chỉ đạo … các huyện, thành phố": each district is expected once, not twice."""
    with open_archive(str(tmp_path / "kg.db")) as archive:
        archive.ingest([str(SAMPLES / "kiengiang_114-BCD-KGVX_2021.txt")])
        followup = archive.followup("114/BCĐ-KGVX", as_of="2021-10-01")
        table = followup_table(followup)
    names = [fold_key(e.name) for e in followup.expected]
    assert len(names) == len(set(names))
    an_bien = [n for n in names if n.endswith("huyện an biên")]
    assert an_bien == ["ban chỉ đạo vận động hiến máu tình nguyện huyện an biên"]
    assert len([e for e in followup.expected if e.group]) == 15  # the 15 districts of Kiên Giang in 2021
    assert " ".join(table.split()).count("huyện An Biên") == 1
