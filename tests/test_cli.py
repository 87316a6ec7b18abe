"""The ``vbdieuhanh`` command: JSON, JSON lines and tables; one-line errors that name the file and
the cause, a non-zero exit, and a batch that goes on after a bad file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vbdieuhanh.cli import main

ROOT = Path(__file__).resolve().parents[1]
LETTER = ROOT / "samples" / "kiengiang_114-BCD-KGVX_2021.txt"


def test_parse_prints_the_record_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(LETTER)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["number_symbol"] == "114/BCĐ-KGVX"
    assert record["issue_date"] == "2021-06-04"


def test_table_is_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(LETTER), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "114/BCĐ-KGVX" in out and "Kiên Giang" in out


def test_a_folder_gives_one_line_per_document_and_skips_its_readme(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("kiengiang_114-BCD-KGVX_2021.txt", "laichau_UBND-VX_2021-03.txt"):
        shutil.copy(ROOT / "samples" / name, tmp_path / name)
    (tmp_path / "README.md").write_text("# Notes about these letters\n", encoding="utf-8")
    assert main(["parse", str(tmp_path), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["symbol"] for line in lines] == ["BCĐ-KGVX", "UBND-VX"]


def test_a_bad_file_gives_one_line_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")  # cut short: no %%EOF
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["parse", str(broken), str(empty), str(LETTER), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["number_symbol"] for line in captured.out.splitlines()] == ["114/BCĐ-KGVX"]
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2 and "Traceback" not in captured.err
    assert str(broken) in errors[0] and "truncated" in errors[0]
    assert str(empty) in errors[1] and "empty" in errors[1]


def test_a_missing_file_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "no/such/letter.pdf"]) == 1
    err = capsys.readouterr().err
    assert "no/such/letter.pdf" in err and "Traceback" not in err


def test_schema_is_the_records_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"number_symbol", "issue_date", "tasks", "citations"} <= set(schema["properties"])
