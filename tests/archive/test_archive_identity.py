"""One identity per body and per document on real documents; search with and without accents;
exports officials open (XLSX, CSV with a BOM) and one-line errors for bad dates (issue 9)."""

from __future__ import annotations

import io
import unicodedata
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

import vbdieuhanh
from vbdieuhanh.archive import open_archive
from vbdieuhanh.archive.lookup import AmbiguousBody, AmbiguousDocument
from vbdieuhanh.archive.prepare import prepare
from vbdieuhanh.cli import main
from vbdieuhanh.models import Agency, Document
from vbdieuhanh.names.bodies import Context, body

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
WEB = ROOT / "tests" / "data" / "web"
POSTS = ROOT / "tests" / "data" / "real" / "web_TT-23-2025-BTP_posts.md"
PROVINCES = {"An Giang", "Bắc Ninh", "Quảng Ngãi", "Cần Thơ", "Hà Nội"}


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


# --- bodies -----------------------------------------------------------------------------------


def test_one_body_found_by_five_spellings(archive_url: str) -> None:
    """The Kiên Giang health department issued KH 1942 (a real scan): every way a user writes it finds
    the one body; its own letter names it 'Sở Y tế' and the key is the same. (Its letter also names
    the An Giang department: 'Sở Y tế' alone is listed, see the next test.)"""
    spellings = [
        "Sở Y tế tỉnh Kiên Giang",  # full
        "SYT Kiên Giang",  # abbreviated, without 'tỉnh'
        unicodedata.normalize("NFD", "SỞ Y TẾ TỈNH KIÊN GIANG"),  # capitals, decomposed marks
        "So Y te Kien Giang",  # no accents
        "sở y tế kiên giang",  # lower case, without 'tỉnh'
    ]
    with open_archive(archive_url) as archive:
        archive.ingest([str(SAMPLES / "kiengiang_KH-1942-SYT_2017_scan.pdf")], workers=0, progress=False)
        found = {tuple(a.id for a in archive.bodies(s)) for s in spellings}
        assert found == {("sở y tế tỉnh kiên giang",)}
        kept = archive.store.scalar("SELECT COUNT(*) FROM agencies WHERE id LIKE 'sở y tế%kiên giang'")
    assert kept == 1


def test_a_name_in_several_provinces_is_listed_not_picked(tmp_path: Path) -> None:
    with open_archive(str(tmp_path / "a.db")) as archive:
        archive.ingest([str(SAMPLES)], workers=0, progress=False)
        with pytest.raises(AmbiguousBody) as error:
            archive.tasks("Sở Y tế")
        assert {c.province for c in error.value.candidates} >= {"Kiên Giang", "An Giang"}
        assert [a.province for a in archive.bodies("So Y te Kien Giang")] == ["Kiên Giang"]
    code, _, err = _run("tasks", "--assignee", "Sở Y tế", "--db", str(tmp_path / "a.db"))
    assert code == 1 and "add the province" in err and "Traceback" not in err


def test_a_person_or_a_post_is_never_a_body() -> None:
    """Thông tư 23/2025/TT-BTP (real) gives tasks to posts: the body a post heads is the assignee,
    a bare post ('Vụ trưởng', 'Cục trưởng') or a person is none."""
    prepared = prepare(vbdieuhanh.parse_file(POSTS), "x")
    names = {b.name for t in prepared.tasks for b, _, _ in t.assignees}
    assert "Trường Đại học Luật Hà Nội" in names
    posts = ("Hiệu trưởng", "Vụ trưởng", "Cục trưởng", "Chánh Văn phòng", "Người đứng đầu")
    assert not [n for n in names if n.startswith(posts)]
    assert body("PGS.TS Nguyễn Văn A - Hiệu trưởng", Context(), listed=False) is None
    chairman = body("Chủ tịch UBND tỉnh", Context(province="Kiên Giang", places={"tỉnh": "tỉnh Kiên Giang"}))
    assert chairman is not None and chairman.name == "Ủy ban nhân dân tỉnh Kiên Giang"


# --- documents --------------------------------------------------------------------------------


def _document(number: str | None, issuer: str, date: str, subject: str, text: str = "") -> Document:
    return Document(
        is_administrative=True, doc_type="Quyết định" if number else "Công văn", number_symbol=number,
        issuer=Agency(name=issuer), issue_date=date, subject=subject, text=text or subject,
    )  # fmt: skip


def test_a_damaged_directive_merges_with_the_placeholder_its_responses_made(archive_url: str) -> None:
    """The five real provincial responses cite 3740/QĐ-BTC of 05/11/2025 by the Bộ Tài chính; the
    decision itself arrives with a stray word in its issuer and its day lost: one node, with why."""
    with open_archive(archive_url) as archive:
        archive.ingest([str(WEB)], workers=0, progress=False)
        damaged = _document(
            "3740/QĐ-BTC", "Bộ Tài chính Quyết", "2025-11", "Về việc công bố thủ tục hành chính"
        )
        outcome = archive.add(damaged)
        followup = archive.followup("3740/QĐ-BTC")
        merges = archive.merges()
    assert followup.directive.id == outcome.document_id and followup.directive.status == "stored"
    assert {r.province for r in followup.responses} == PROVINCES
    (merge,) = merges
    assert merge["into"] == outcome.document_id
    assert "a word more or less" in merge["reason"] and "2025-11" in merge["reason"]


def test_a_number_of_two_documents_gives_a_choice(archive_url: str) -> None:
    with open_archive(archive_url) as archive:
        archive.add(
            _document(
                "16/KH-MTTQ-BTT", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng", "2025-03-02", "Kế hoạch A"
            )
        )
        archive.add(
            _document(
                "16/KH-MTTQ-BTT", "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tà Nung", "2025-08-10", "Kế hoạch B"
            )
        )
        with pytest.raises(AmbiguousDocument) as error:
            archive.followup("16/KH-MTTQ-BTT")
        assert "--issuer" in str(error.value) and "10/08/2025" in str(error.value)
        assert (
            archive.followup("16/KH-MTTQ-BTT", issuer="mat tran xa ta nung").directive.subject == "Kế hoạch B"
        )
        assert archive.followup("16/KH-MTTQ-BTT", date="2025-03").directive.subject == "Kế hoạch A"


def test_an_unnumbered_letter_in_two_formats_is_one_document(archive_url: str) -> None:
    issuer, subject = "Sở Y tế tỉnh Kiên Giang", "Về việc  tăng cường hiến máu tình nguyện."
    with open_archive(archive_url) as archive:
        first = archive.add(_document(None, issuer, "2021-06-04", subject, "bản .docx"), digest="a" * 64)
        second = archive.add(
            _document(None, issuer, "2021-06-04", subject.upper(), "bản .pdf"), digest="b" * 64
        )
        hits = archive.search("tang cuong hien mau")
    assert first.document_id == second.document_id and second.status == "new_version"
    assert not first.document_id.startswith("sha256:")
    assert [h.name for h in hits] == [
        "Công văn, Sở Y tế tỉnh Kiên Giang, 04/06/2021: VỀ VIỆC TĂNG CƯỜNG HIẾN MÁU TÌNH NGUYỆN."
    ]


# --- search -----------------------------------------------------------------------------------


def test_search_with_and_without_accents(archive_url: str) -> None:
    with open_archive(archive_url) as archive:
        archive.ingest([str(SAMPLES)], workers=0, progress=False)
        accented = archive.search("hiến máu")
        bare = archive.search("HIEN MAU")
        kien_giang = archive.search("hien mau", province="kien giang", date_from="2021", date_to="2021")
        letters = archive.search(
            "hiến máu", doc_type="cong van", issuer="BCĐ vận động hiến máu tỉnh Kiên Giang"
        )
    assert accented and [h.document_id for h in accented] == [h.document_id for h in bare]
    assert [h.number_symbol for h in kien_giang] == ["114/BCĐ-KGVX"]
    assert "hien mau" in kien_giang[0].snippet and kien_giang[0].issue_date == "2021-06-04"
    assert [h.number_symbol for h in letters] == ["114/BCĐ-KGVX"]


# --- exports ----------------------------------------------------------------------------------


def test_xlsx_holds_what_the_html_shows_and_csv_has_a_bom(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    db = str(tmp_path / "web.db")
    with open_archive(db) as archive:
        archive.ingest([str(WEB)], workers=0, progress=False)
    xlsx, html = tmp_path / "f.xlsx", tmp_path / "f.html"
    code, out, _ = _run(
        "followup", "3740/QĐ-BTC", "--db", db, "--format", "csv", "--xlsx", str(xlsx), "--html", str(html)
    )
    assert code == 0 and out.startswith("\ufeff")
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Văn bản thực hiện", "Nhiệm vụ × cơ quan", "Văn bản"]
    rows = list(book["Văn bản thực hiện"].iter_rows(min_row=2, values_only=True))
    assert {r[0] for r in rows} == PROVINCES and sorted(r[4] for r in rows) == [12, 13, 15, 20, 21]
    page = html.read_text(encoding="utf-8")
    for row in rows:
        assert str(row[2]) in page and row[3].strftime("%d/%m/%Y") in page
    assert book["Văn bản"].cell(2, 2).value == "3740/QĐ-BTC"


@pytest.mark.parametrize("bad", ["2021-13-45", "32/01/2026", "tomorrow"])
def test_a_bad_as_of_is_one_line(tmp_path: Path, bad: str) -> None:
    db = str(tmp_path / "web.db")
    with open_archive(db) as archive:
        archive.ingest([str(WEB)], workers=0, progress=False)
    assert _run("followup", "3740/QĐ-BTC", "--db", db, "--as-of", "03/12/2026")[0] == 0
    code, _, err = _run("followup", "3740/QĐ-BTC", "--db", db, "--as-of", bad)
    assert code == 1 and err.count("\n") == 1 and "dd/mm/yyyy" in err
    code, _, err = _run("followup", "3740/QĐ-BTC", "--db", db, "--depth", "-1")
    assert code == 1 and err.count("\n") == 1
