"""``vbdieuhanh check``: exit codes, --select / --ignore, text, JSON and SARIF output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vbdieuhanh.cli import main

from .conftest import CONG_VAN

ROOT = Path(__file__).resolve().parents[2]
LAI_CHAU = str(ROOT / "samples" / "laichau_UBND-VX_2021-03.txt")


@pytest.fixture
def clean(tmp_path: Path) -> str:
    path = tmp_path / "clean.txt"
    path.write_text(CONG_VAN, encoding="utf-8")
    return str(path)


def test_exit_0_without_errors(clean: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", clean]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out


def test_exit_1_with_errors_and_one_line_per_finding(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", LAI_CHAU]) == 1
    out = capsys.readouterr().out
    assert f"{LAI_CHAU}:9: error SO02 " in out and f"{LAI_CHAU}:14: error NG02 " in out
    assert "[NĐ 30/2020, Phụ lục I, Phần I, mục II.3.a]" in out


def test_exit_2_when_a_file_cannot_be_read(
    clean: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.pdf")
    assert main(["check", clean, missing]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and missing in captured.err and "Traceback" not in captured.err
    assert "1 file(s)" in captured.out  # the readable file is still checked


def test_ignore_and_select(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", LAI_CHAU, "--ignore", "SO02,NG"]) == 0
    assert main(["check", LAI_CHAU, "--select", "NG02"]) == 1
    out = capsys.readouterr().out
    assert "SO02" not in out.split("1 file(s)")[-1] and "NG02" in out


def test_json_lists_findings_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", LAI_CHAU, "--format", "json"])
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["file"] == LAI_CHAU
    assert [f["code"] for f in entry["findings"]] == ["SO02", "NG02"]
    assert set(entry["findings"][0]) >= {"code", "severity", "message", "reference", "line", "span", "fix"}


def test_sarif_is_a_minimal_valid_2_1_0_log(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", LAI_CHAU, "--format", "sarif", "--lang", "en"])
    log = json.loads(capsys.readouterr().out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert ids == ["SO02", "NG02"]
    for result in run["results"]:
        assert result["ruleId"] in ids and ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] == "error" and result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].endswith("laichau_UBND-VX_2021-03.txt")
        assert location["region"]["startLine"] >= 1
    assert "draft left blank" in run["results"][0]["message"]["text"]
