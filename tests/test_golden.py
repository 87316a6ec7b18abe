"""The parser's output for the seed documents matches the golden files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden import mismatches

import vbdieuhanh

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = sorted((ROOT / "tests" / "data" / "golden").glob("*.expected.json"))


@pytest.mark.parametrize("golden_path", GOLDEN, ids=lambda p: p.name.split(".")[0])
def test_seed_matches_golden(golden_path: Path) -> None:
    expected = json.loads(golden_path.read_text(encoding="utf-8"))
    sample = ROOT / "samples" / (golden_path.name.replace(".expected.json", ".txt"))
    record = json.loads(vbdieuhanh.parse_file(sample).model_dump_json())
    assert mismatches(expected, record) == []


def test_golden_files_are_the_shared_ones(shared_dir: Path) -> None:
    """The copies in tests/data are the files of ../shared/spec/golden (no local edits)."""
    for path in GOLDEN:
        shared = shared_dir / "spec" / "golden" / path.name
        assert shared.read_bytes() == path.read_bytes(), path.name


def test_comparator_catches_a_wrong_value() -> None:
    """The comparison itself fails on a wrong number, a missing task and a missing warning."""
    actual = {"number": 114, "tasks": [{"id": "1", "text": "Tăng cường"}], "warnings": []}
    assert mismatches({"number": 115}, actual)
    assert mismatches({"tasks": [{"id": "1"}, {"id": "2"}]}, actual)
    assert mismatches({"warnings_include_codes_for": ["missing day"]}, actual)
    assert mismatches({"tasks": [{"id": "1", "text_starts": "Tăng cường"}]}, actual) == []
