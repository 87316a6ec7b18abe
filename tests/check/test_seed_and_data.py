"""The Lai Châu seed (a draft left blank for registration), the rules file's loader, and the record
left as the parser made it."""

from __future__ import annotations

from pathlib import Path

import pytest

from vbdieuhanh import parse_file
from vbdieuhanh.check import FormatRulesError, check, check_file, parse_rules, rules, with_findings

ROOT = Path(__file__).resolve().parents[2]
LAI_CHAU = ROOT / "samples" / "laichau_UBND-VX_2021-03.txt"
SHARED = ROOT.parent / "shared" / "corpus" / "real"


def test_the_lai_chau_seed_is_flagged_as_a_draft_left_blank_for_registration() -> None:
    _, findings = check_file(LAI_CHAU)
    by_code = {f.code: f for f in findings}
    assert set(by_code) == {"SO02", "NG02"}
    for code in ("SO02", "NG02"):
        assert by_code[code].severity == "error"
        assert "dự thảo để trống chờ Văn thư đăng ký" in by_code[code].message
        assert "draft left blank for the Văn thư to register" in by_code[code].message_en
    lines = LAI_CHAU.read_text(encoding="utf-8").split("\n")
    assert lines[by_code["SO02"].line - 1] == "Số: /UBND-VX"  # lines of the file itself
    assert lines[by_code["NG02"].line - 1].startswith("Lai Châu, ngày tháng 3")


def test_check_leaves_the_record_as_the_parser_made_it() -> None:
    document = parse_file(LAI_CHAU)
    before = document.model_dump_json()
    findings = check(document)
    assert document.model_dump_json() == before
    extended = with_findings(document, findings)
    assert [w.code for w in extended.warnings][-2:] == ["format:SO02", "format:NG02"]
    assert document.model_dump_json() == before


def test_every_rule_row_is_complete() -> None:
    for rule in rules().values():
        assert rule.reference and rule.message_vi and rule.message_en and rule.fix
        assert rule.code[:2].isalpha() and rule.code[2:].isdigit()


@pytest.mark.parametrize(
    ("row", "what"),
    [
        ("SO99\tnumber\tfatal\tall\tNĐ 30\tvi\ten\tfix", "severity 'fatal'"),
        ("SO99\tnumber\terror\tall\tNĐ 30\tvi\ten", "7 columns"),
        ("SO99\tnumber\terror\tall\t\tvi\ten\tfix", "empty reference"),
        ("SO99\tnumber\terror\tsome\tNĐ 30\tvi\ten\tfix", "scope 'some'"),
        ("SO99\tnumber\terror\tall\tNĐ 30\tvi {oops\ten\tfix", "bad message template"),
    ],
)
def test_a_malformed_row_fails_loudly_naming_the_file_and_line(row: str, what: str) -> None:
    text = "# code\tfamily\n" + "SO98\tnumber\terror\tall\tNĐ 30\tvi\ten\tfix\n" + row + "\n"
    with pytest.raises(FormatRulesError, match=rf"^rules\.tsv, line 3: .*{what}"):
        parse_rules(text, "rules.tsv")


def test_a_code_defined_twice_is_refused() -> None:
    row = "SO98\tnumber\terror\tall\tNĐ 30\tvi\ten\tfix\n"
    with pytest.raises(FormatRulesError, match="line 2: the code SO98 is defined twice"):
        parse_rules(row * 2, "rules.tsv")


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus (../shared) is not here")
def test_no_rule_fires_on_most_of_the_real_pdfs() -> None:
    pdfs = sorted((SHARED / "pdf").glob("*.pdf"))[:12]
    counts: dict[str, int] = {}
    checked = 0
    for path in pdfs:
        document, findings = check_file(path, ocr="never")
        if document.is_administrative:
            checked += 1
            for code in {f.code for f in findings}:
                counts[code] = counts.get(code, 0) + 1
    assert checked
    assert all(n * 2 <= checked for n in counts.values()), counts
