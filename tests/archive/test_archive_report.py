"""The follow-up report: terminal, JSON and CSV output, and the HTML page checked in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser import CHROMIUM, NO_CHROMIUM, chromium, dump_dom
from variants import build_realistic

from vbdieuhanh.archive.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("report")
    build_realistic(folder, vbpl=0, binhduong=0)
    db = str(folder / "archive.db")
    for part in ("early", "first", "second"):
        ingest([str(folder / part)], db, workers=0, progress=False)
    return db


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "vbdieuhanh.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT, check=True)


def test_followup_as_table_json_and_csv(archive_db: str) -> None:
    table = _cli("followup", "45/CV-BCĐQG", "--db", archive_db, "--as-of", "2021-10-01").stdout
    assert "127/BCĐ-LCVX" in table and "Lai Châu" in table and "partial (5/63)" in table
    data = json.loads(_cli("followup", "45/CV-BCĐQG", "--db", archive_db, "--format", "json").stdout)
    assert data["directive"]["number_symbol"] == "45/CV-BCĐQG"
    assert {"Lai Châu", "Cao Bằng", "Nghệ An", "Quảng Ninh", "Sóc Trăng", "Yên Bái"} <= set(
        data["by_province"]
    )
    rows = list(
        csv.DictReader(
            io.StringIO(
                _cli("followup", "45/CV-BCĐQG", "--db", archive_db, "--format", "csv").stdout.removeprefix(
                    "\ufeff"
                )
            )
        )
    )
    assert {r["section"] for r in rows} == {"response", "task", "expected"}
    tasks = _cli(
        "tasks", "--assignee", "Ủy ban nhân dân tỉnh Lai Châu", "--db", archive_db, "--format", "json"
    )
    assert [t["task"] for t in json.loads(tasks.stdout) if t["number_symbol"] == "512/BYT-KCB"] == ["1", "2"]


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_html_report_renders_in_headless_chromium(archive_db: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    _cli("followup", "45/CV-BCĐQG", "--db", archive_db, "--as-of", "2021-10-01", "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", html), (
        "the page must be self-contained"
    )
    assert "<script" not in html
    dom = dump_dom(page, tmp_path / "profile")
    assert "Theo dõi thực hiện: Công văn 45/CV-BCĐQG" in dom
    assert dom.count("<circle") == 7  # six provinces' letters and the district's, on the timeline
    matrix = dom[dom.index('class="matrix"') :]
    matrix = matrix[: matrix.index("</table>")]
    # header, the 63 provinces' committees, the group as a whole, the coordinating bodies
    assert matrix.count("<tr>") == 1 + 63 + 1 + 1
    assert "quá hạn" in matrix and "đã thực hiện" in matrix and "tỉnh đã có văn bản" in matrix
    shot = tmp_path / "report.png"
    chromium(page, tmp_path / "profile", "--window-size=1280,1800", f"--screenshot={shot}")
    assert shot.exists() and shot.stat().st_size > 20_000
