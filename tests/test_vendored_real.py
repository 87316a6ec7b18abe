"""The real files vendored in tests/data/real (copies of ../shared files, see SOURCES.md there) give the
values of their rows in tests/data/corpus_expectations.csv: these run in a clone without ../shared."""

from __future__ import annotations

import shutil
from pathlib import Path

import corpus_expectations
import pytest

import vbdieuhanh

REAL = Path(__file__).parent / "data" / "real"
HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))


def _row(file: str) -> corpus_expectations.Expectation:
    folder = file.split("/", 1)[0]
    return next(exp for exp in corpus_expectations.expectations(folder) if exp.file == file)


def test_vendored_docx_draft() -> None:
    exp = _row("docx/lamdong_CV-UBND-NC_2025_giao-CAT-HD46_draft.docx")
    doc = vbdieuhanh.parse_file(REAL / exp.name)
    corpus_expectations.check_number(doc, exp)
    assert doc.issue_date == "2025-12"  # "Lâm Đồng, ngày         tháng 12  năm 2025"
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert [a.name for a in doc.addressees] == ["Công an tỉnh"]
    assert [(a.name, a.role) for t in doc.tasks for a in t.assignees] == [("Công an tỉnh", "lead")]


@pytest.mark.libreoffice
@pytest.mark.skipif(
    not HAS_SOFFICE, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
)
def test_vendored_word97_doc() -> None:
    exp = _row("doc/cantho_QD-09-2010-QD-UBND.doc")
    doc = vbdieuhanh.parse_file(REAL / exp.name)
    corpus_expectations.check_number(doc, exp)
    assert doc.issue_date == "2010-01-21"  # "Cần Thơ, ngày 21 tháng  01  năm 2010"
    assert doc.doc_type == "Quyết định"
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân thành phố Cần Thơ"


def test_vendored_files_are_the_shared_ones(shared_dir: Path) -> None:
    """No local edits: each copy equals its file in ../shared/corpus/real."""
    for exp in (
        _row("doc/cantho_QD-09-2010-QD-UBND.doc"),
        _row("docx/lamdong_CV-UBND-NC_2025_giao-CAT-HD46_draft.docx"),
    ):
        assert (REAL / exp.name).read_bytes() == (shared_dir / "corpus" / "real" / exp.file).read_bytes()
