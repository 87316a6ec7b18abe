"""Layout rules read from a DOCX file's settings: A4, margins, font."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as new_docx
from docx.shared import Mm

from vbdieuhanh.check import check_file

from .conftest import CONG_VAN


def _docx(
    path: Path, *, width: float = 210, height: float = 297, left: float = 30, font: str = "Times New Roman"
) -> Path:
    document = new_docx()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(left), Mm(15)
    document.styles["Normal"].font.name = font
    for line in CONG_VAN.split("\n"):
        document.add_paragraph(line)
    document.save(path)
    return path


def _codes(path: Path) -> list[str]:
    return [f.code for f in check_file(path, select=["LY"])[1]]


def test_a_docx_that_follows_the_decree_has_no_layout_finding(tmp_path: Path) -> None:
    assert _codes(_docx(tmp_path / "ok.docx")) == []


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ({"width": 215.9, "height": 279.4}, "LY01"),  # US Letter
        ({"left": 25}, "LY02"),  # left margin 25 mm, below 30–35
        ({"font": "Arial"}, "LY03"),
    ],
)
def test_a_layout_departure_is_reported(tmp_path: Path, options: dict[str, object], code: str) -> None:
    findings = check_file(_docx(tmp_path / "bad.docx", **options), select=["LY"])[1]  # type: ignore[arg-type]
    assert [f.code for f in findings] == [code]
    assert "mm" in findings[0].message or "Times New Roman" in findings[0].fix


def test_a_landscape_a4_page_is_allowed(tmp_path: Path) -> None:
    assert "LY01" not in _codes(_docx(tmp_path / "landscape.docx", width=297, height=210))


def test_text_input_has_no_layout_finding(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text(CONG_VAN, encoding="utf-8")
    assert _codes(path) == []
