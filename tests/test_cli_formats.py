"""The click CLI: --version, python -m, usage errors, --lang, -q/-v, the parse progress bar and batch
table, unexpected errors per file, the same -f table|json|jsonl|csv|xlsx on every listing command
(XLSX opened with openpyxl), spreadsheet-safe cells, and missing extras found before any work."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from vbdieuhanh import listing
from vbdieuhanh.cli import main

ROOT = Path(__file__).resolve().parents[1]
LETTER = ROOT / "samples" / "kiengiang_114-BCD-KGVX_2021.txt"
LAI_CHAU = ROOT / "samples" / "laichau_UBND-VX_2021-03.txt"


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for source in (LETTER, LAI_CHAU):
        shutil.copy(source, folder / source.name)
    return folder


def test_python_m_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "vbdieuhanh", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0 and done.stdout.strip().startswith("vbdieuhanh 0.")
    assert done.stdout.strip().endswith(("(compiled parser)", "(pure-Python parser)"))


def test_unknown_option_prints_the_commands_usage_and_one_error_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", str(LETTER), "--bogus"]) == 2
    err = capsys.readouterr().err
    assert "Usage: vbdieuhanh parse" in err
    (error,) = [line for line in err.splitlines() if line.startswith("Error:")]
    assert "No such option" in error and "--bogus" in error
    assert "Traceback" not in err


def test_help_shows_defaults_and_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["parse"], ["check"], ["tasks"], ["stats"], ["graph", "export"], ["review"]):
        assert main([*command, "-h"]) == 0
        out = capsys.readouterr().out
        assert "Examples:" in out and "vbdieuhanh " + command[0] in out.split("Examples:")[1]
    assert main(["parse", "--help"]) == 0
    assert "[default: json]" in capsys.readouterr().out


def test_batch_table_has_one_row_per_file_with_dates_dd_mm_yyyy(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(batch), "-f", "table"]) == 0
    out = capsys.readouterr().out
    assert "Số, ký hiệu" in out and "04/06/2021" in out and "2021-06-04" not in out
    assert out.count("kiengiang_114") == 1 and out.count("laichau_UBND") == 1
    assert main(["parse", str(batch), "-f", "table", "--lang", "en"]) == 0
    assert "Number" in capsys.readouterr().out


def test_parse_xlsx_has_a_documents_and_a_tasks_sheet(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "batch.xlsx"
    assert main(["parse", str(batch), "-f", "xlsx", "-o", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames == ["documents", "tasks"]
    rows = list(book["documents"].values)
    assert rows[0][:5] == ("file", "doc_type", "number_symbol", "issue_date", "issuer")
    kg = next(r for r in rows[1:] if r[2] == "114/BCĐ-KGVX")
    assert kg[3].date().isoformat() == "2021-06-04"  # a date cell, shown dd/mm/yyyy
    assert book["documents"].cell(row=rows.index(kg) + 1, column=4).number_format == "DD/MM/YYYY"
    assert len(list(book["tasks"].values)) > 2


def test_parse_csv_has_a_bom_and_one_row_per_file(batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(batch), "-f", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert len(rows) == 2 and rows[0]["number_symbol"] == "114/BCĐ-KGVX"
    assert rows[0]["issue_date"] == "2021-06-04"


def test_formula_like_cells_are_neutralised(tmp_path: Path) -> None:
    sheet = listing.Sheet(
        "failures", ("path", "error", "lag"), [{"path": "=HYPERLINK(1)", "error": "@x", "lag": "-3"}]
    )
    text = listing.to_csv(sheet)
    assert "'=HYPERLINK(1)" in text and "'@x" in text and ",-3" in text
    path = tmp_path / "f.xlsx"
    path.write_bytes(listing.to_xlsx([sheet]))
    values = list(load_workbook(path)["failures"].values)
    assert values[1] == ("'=HYPERLINK(1)", "'@x", "-3")


def test_an_unexpected_error_is_recorded_for_its_file_and_the_batch_goes_on(
    batch: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import vbdieuhanh

    real = vbdieuhanh.parse_file

    def flaky(path: Path, **options: object) -> vbdieuhanh.Document:
        if "laichau" in str(path):
            raise RuntimeError("boom")
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(vbdieuhanh, "parse_file", flaky)
    assert main(["parse", str(batch), "-f", "table", "--lang", "en"]) == 1
    captured = capsys.readouterr()
    assert "114/BCĐ-KGVX" in captured.out and "RuntimeError" in captured.out  # the error column
    (line,) = captured.err.strip().splitlines()
    assert "laichau" in line and "unexpected error (RuntimeError: boom)" in line


def test_progress_bar_on_stderr_only_when_asked_or_on_a_terminal(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(batch), "-f", "jsonl"]) == 0
    assert capsys.readouterr().err == ""  # not a terminal: nothing
    assert main(["parse", str(batch), "-f", "jsonl", "--progress", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert "2 files parsed, 0 failed" in captured.err


def test_verbose_sends_the_library_log_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    logger = logging.getLogger("vbdieuhanh")
    level, handlers = logger.level, list(logger.handlers)
    try:
        assert main(["parse", str(LETTER), "-v"]) == 0
        err = capsys.readouterr().err
        assert "vbdieuhanh: DEBUG:" in err and "parsed in" in err
    finally:
        logger.setLevel(level)
        logger.handlers[:] = handlers


def test_xlsx_to_a_terminal_is_refused_before_any_work(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["parse", "no/such/file.pdf", "-f", "xlsx", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "needs a file: add -o FILE.xlsx" in err and "no/such/file.pdf" not in err


def test_a_missing_extra_is_named_before_any_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    import vbdieuhanh.archive.ingest as ingest_module

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "networkx" else real(name, *a)
    )

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest ran although an extra is missing")

    monkeypatch.setattr(ingest_module, "ingest", never)
    assert main(["ingest", str(LETTER), "--db", str(tmp_path / "a.db"), "--lang", "en"]) == 1
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == "vbdieuhanh: error: ingest: needs networkx: pip install 'vbdieuhanh[archive]'"
    assert not (tmp_path / "a.db").exists()


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from vbdieuhanh.archive.ingest import ingest

    folder = tmp_path_factory.mktemp("listing")
    for source in sorted((ROOT / "samples").glob("*.txt")):
        shutil.copy(source, folder / source.name)
    db = str(folder / "archive.db")
    ingest([str(folder)], db, workers=0, progress=False)
    return db


LISTINGS = [
    ["tasks", "--assignee", "Ủy ban nhân dân tỉnh Lai Châu"],
    ["followup", "29/CV-BCĐQG"],
    ["indicators"],
    ["failures"],
    ["stats"],
]


@pytest.mark.parametrize("command", LISTINGS, ids=lambda c: c[0])
def test_every_listing_command_takes_every_format(
    command: list[str], archive_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = [*command, "--db", archive_db]
    assert main([*base, "-f", "json"]) == 0
    json.loads(capsys.readouterr().out)
    assert main([*base, "-f", "jsonl"]) == 0
    for line in capsys.readouterr().out.splitlines():
        json.loads(line)
    assert main([*base, "-f", "csv"]) == 0
    assert capsys.readouterr().out.startswith("\ufeff")
    assert main([*base, "-f", "table"]) == 0
    assert capsys.readouterr().out.strip()
    out = tmp_path / f"{command[0]}.xlsx"
    assert main([*base, "-f", "xlsx", "-o", str(out)]) == 0
    book = load_workbook(out)
    assert len(book.sheetnames) == 1
    assert str(out) in capsys.readouterr().err


def test_stats_table_lists_the_counts(archive_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", archive_db, "-f", "table", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Item" in out and "documents" in out and "last_run.id" in out


def test_shell_completion_lists_commands_and_choices() -> None:
    env = {
        **os.environ,
        "_VBDIEUHANH_COMPLETE": "bash_complete",
        "COMP_WORDS": "vbdieuhanh parse -f ",
        "COMP_CWORD": "3",
    }
    done = subprocess.run(
        [sys.executable, "-c", "from vbdieuhanh.cli import main; main()"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=env,
    )  # fmt: skip
    assert "plain,xlsx" in done.stdout.splitlines()


def test_the_one_file_table_speaks_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(LAI_CHAU), "-f", "table", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "issuer" in out and "(blank)/UBND-VX" in out and "Lai Châu, 03/2021" in out and "(lead)" in out
    assert main(["parse", str(LAI_CHAU), "-f", "table"]) == 0
    assert "cơ quan ban hành" in capsys.readouterr().out
