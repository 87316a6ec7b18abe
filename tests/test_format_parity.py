"""The same directive gives the same record from plain text, DOCX, PDF and a scanned PDF.

Fixtures come from ``scripts/build_fixtures.py`` (see tests/data/fixtures/README.md). The plain
text record is the reference; every other format must agree with it on the fields below.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest

import vbdieuhanh
from vbdieuhanh.models import Document

FIXTURES = Path(__file__).parent / "data" / "fixtures"
SOURCES = sorted(p.stem for p in (FIXTURES / "sources").glob("*.json"))
FIRST_WORDS = 5
# Known differences, each an expected failure (strict) until fixed, with its owner and the exact
# difference, so that the fix shows up as an unexpected pass.
KNOWN_ISSUES = {
    ("dongthap_KH-58-THPTCL2_2026", ".scan.pdf"): (
        "OCR: the items of section II come out under I.4 (I.4.1 …) and III is numbered II (the line "
        "'II. NỘI DUNG SINH HOẠT CHUYÊN MÔN' is not read as a heading)"
    ),
    ("lamdong_CV-963-SNV-CCHCVTLT_2025", ".scan.pdf"): (
        "OCR: citation '688/QĐ-BCĐ' is read as '688/QĐ-BCPĐ'"
    ),
}


def _cases(suffixes: tuple[str, ...]) -> list[Any]:
    """(name, file suffix) pairs, known issues marked as expected failures."""
    cases = []
    for name in SOURCES:
        for suffix in suffixes:
            reason = KNOWN_ISSUES.get((name, suffix.replace(".multipage", "")))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(name, suffix, marks=marks, id=f"{name}{suffix}"))
    return cases


def _fold(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def parity_view(doc: Document) -> dict[str, Any]:
    """The fields every format must agree on."""
    return {
        "is_administrative": doc.is_administrative,
        "number_symbol": doc.number_symbol,
        "issue_date": doc.issue_date,
        "issuer": _fold(doc.issuer.name) if doc.issuer else None,
        "subject": _fold(doc.subject),
        "signer": (_fold(doc.signer.name), _fold(doc.signer.position)) if doc.signer else None,
        "addressees": [_fold(a.name) for a in doc.addressees],
        "tasks": [(t.id, " ".join(t.text.split()[:FIRST_WORDS])) for t in doc.iter_tasks()],
        "citations": [c.number_symbol for c in doc.citations],
    }


def skeleton(value: Any) -> Any:
    """Letters without tone and vowel marks, in lower case: what OCR must get right."""
    if isinstance(value, str):
        stripped = "".join(c for c in unicodedata.normalize("NFD", value) if not unicodedata.combining(c))
        return stripped.replace("đ", "d").replace("Đ", "D").lower()
    if isinstance(value, (list, tuple)):
        return [skeleton(v) for v in value]
    if isinstance(value, dict):
        return {key: skeleton(v) for key, v in value.items()}
    return value


def _differences(reference: dict[str, Any], other: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {key: (reference[key], other[key]) for key in reference if reference[key] != other[key]}


def _reference(name: str) -> dict[str, Any]:
    return parity_view(vbdieuhanh.parse_file(FIXTURES / f"{name}.txt"))


def test_fixtures_are_built() -> None:
    """Every source has its text, DOCX, PDF, page images and scan (run scripts/build_fixtures.py)."""
    assert SOURCES, "no fixture sources"
    for name in SOURCES:
        for suffix in (".txt", ".docx", ".pdf", ".page-1.png", ".scan.pdf"):
            assert (FIXTURES / f"{name}{suffix}").is_file(), f"{name}{suffix} missing"


@pytest.mark.parametrize("name", SOURCES)
def test_reference_text_is_a_directive_or_not(name: str) -> None:
    """The plain-text reference itself parses to what the source is (guards the fixture texts)."""
    view = _reference(name)
    assert view["is_administrative"] == (name != "kiengiang_news_redcross_2019")
    if view["is_administrative"]:
        assert view["issuer"] and view["signer"] and view["issue_date"], view


@pytest.mark.parametrize(
    ("fixture", "seed"),
    [
        ("kiengiang_114-BCD-KGVX_2021", "kiengiang_114-BCD-KGVX_2021"),
        ("laichau_UBND-VX_2021-03", "laichau_UBND-VX_2021-03"),
        ("kiengiang_news_redcross_2019", "kiengiang_news_redcross_2019"),
    ],
)
def test_fixture_text_keeps_the_seed_record(fixture: str, seed: str, samples_dir: Path) -> None:
    """The fixture text rebuilt from the structured source gives the seed's own record."""
    seed_view = parity_view(vbdieuhanh.parse_file(samples_dir / f"{seed}.txt"))
    assert _differences(seed_view, _reference(fixture)) == {}


@pytest.mark.parametrize(("name", "suffix"), _cases((".docx", ".multipage.docx")))
def test_docx_matches_text(name: str, suffix: str) -> None:
    path = FIXTURES / f"{name}{suffix}"
    if not path.is_file():
        pytest.skip(f"{name} has no {suffix} variant")
    view = parity_view(vbdieuhanh.parse_file(path))
    assert _differences(_reference(name), view) == {}


@pytest.mark.parametrize(("name", "suffix"), _cases((".pdf", ".multipage.pdf")))
def test_pdf_matches_text(name: str, suffix: str) -> None:
    path = FIXTURES / f"{name}{suffix}"
    if not path.is_file():
        pytest.skip(f"{name} has no {suffix} variant")
    view = parity_view(vbdieuhanh.parse_file(path))
    assert _differences(_reference(name), view) == {}


@pytest.mark.ocr
@pytest.mark.parametrize(("name", "suffix"), _cases((".scan.pdf",)))
def test_scan_matches_text(name: str, suffix: str) -> None:
    """OCR misreads tone marks ("Tống" for "Tổng"): compared without them, the rest must agree."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")
    view = skeleton(parity_view(vbdieuhanh.parse_file(FIXTURES / f"{name}{suffix}")))
    assert _differences(skeleton(_reference(name)), view) == {}
