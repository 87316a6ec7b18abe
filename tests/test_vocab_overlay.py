"""A user vocabulary overlay: a folder of data files read after the bundled ones (rows appended,
checked against the same schema), set by ``VBDH_VOCAB`` or ``vbdieuhanh.set_vocabulary_overlay``."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import vbdieuhanh
from vbdieuhanh import lexicon
from vbdieuhanh.vocab import DataFileError

ROOT = Path(__file__).resolve().parents[1]
LETTER = "UBND TỈNH LAI CHÂU\nSố: 12/PGY-VX\n\nPHIẾU GÓP Ý\nVề dự thảo kế hoạch\n"


@pytest.fixture
def overlay(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "vocab"
    folder.mkdir()
    yield folder
    vbdieuhanh.set_vocabulary_overlay(None)  # back to the bundled data, caches cleared


def test_rows_of_the_overlay_are_added_to_the_bundled_ones(overlay: Path) -> None:
    before = len(lexicon.doc_types())
    assert "Phiếu góp ý" not in {t.name for t in lexicon.doc_types()}
    (overlay / "doc_types.tsv").write_text("# local types\nPGY\tPhiếu góp ý\tadmin\n", encoding="utf-8")
    vbdieuhanh.set_vocabulary_overlay(overlay)
    assert vbdieuhanh.vocabulary_overlay() == overlay
    names = [t.name for t in lexicon.doc_types()]
    assert len(names) == before + 1 and names[-1] == "Phiếu góp ý"
    assert lexicon.doc_type_by_code()["PGY"].name == "Phiếu góp ý"
    vbdieuhanh.set_vocabulary_overlay(None)
    assert len(lexicon.doc_types()) == before


def test_the_parser_reads_the_overlay(overlay: Path) -> None:
    assert vbdieuhanh.parse_text(LETTER).doc_type == "Công văn"
    (overlay / "doc_types.tsv").write_text("PGY\tPhiếu góp ý\tadmin\n", encoding="utf-8")
    vbdieuhanh.set_vocabulary_overlay(overlay)
    assert vbdieuhanh.parse_text(LETTER).doc_type == "Phiếu góp ý"


def test_a_bad_overlay_row_names_the_overlay_file_and_its_line(overlay: Path) -> None:
    (overlay / "doc_types.tsv").write_text(
        "PGY\tPhiếu góp ý\tadmin\nPGZ\tPhiếu\tnewsletter\n", encoding="utf-8"
    )
    vbdieuhanh.set_vocabulary_overlay(overlay)
    with pytest.raises(DataFileError) as caught:
        lexicon.doc_types()
    assert str(caught.value).startswith(f"{overlay}/doc_types.tsv:2: column 'family' is 'newsletter'")


def test_a_row_repeating_a_bundled_key_is_refused(overlay: Path) -> None:
    (overlay / "doc_types.tsv").write_text("CV\tCông văn\tadmin\n", encoding="utf-8")
    vbdieuhanh.set_vocabulary_overlay(overlay)
    with pytest.raises(DataFileError, match=r"doc_types\.tsv:1: name 'Công văn' repeats line"):
        lexicon.doc_types()


def test_a_file_without_a_schema_is_refused(overlay: Path) -> None:
    (overlay / "my_words.txt").write_text("x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"my_words\.txt: not a data file of vbdieuhanh"):
        vbdieuhanh.set_vocabulary_overlay(overlay)


def test_the_environment_variable_sets_it_for_a_new_process(overlay: Path) -> None:
    (overlay / "doc_types.tsv").write_text("PGY\tPhiếu góp ý\tadmin\n", encoding="utf-8")
    code = "from vbdieuhanh import lexicon; print(lexicon.doc_type_by_code()['PGY'].name)"
    env = {**os.environ, "VBDH_VOCAB": str(overlay)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Phiếu góp ý"
