"""Legacy Word files: .doc and RTF through LibreOffice, TCVN3 text, HTML saved as .doc."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import corpus_expectations
import pytest

import vbdieuhanh
from vbdieuhanh.errors import (
    CorruptFileError,
    EncryptedFileError,
    MissingDependencyError,
    TimeLimitError,
    UnsupportedFormatError,
)
from vbdieuhanh.readers import legacy, read_file
from vbdieuhanh.readers.html import parse_html
from vbdieuhanh.readers.legacy import ole_stream
from vbdieuhanh.readers.limits import Limits

DOC_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "doc"
DOC_FILES = sorted(DOC_DIR.glob("*.doc")) if DOC_DIR.is_dir() else []
TCVN3_DOC = DOC_DIR / "lethuy_KDIEM-DANG-VIEN-2011_TCVN3.doc"
HTML_DOC = DOC_DIR / "phutho_Ke-hoach-tap-huan_2011_HTML-saved-as-doc.doc"
# a copy of ../shared/corpus/real/doc/cantho_QD-09-2010-QD-UBND.doc (tests/data/real/SOURCES.md)
VENDORED_DOC = Path(__file__).parent / "data" / "real" / "cantho_QD-09-2010-QD-UBND.doc"
HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
needs_corpus = pytest.mark.skipif(not DOC_FILES, reason="../shared/corpus/real/doc is not beside the project")
needs_soffice = pytest.mark.skipif(
    not HAS_SOFFICE, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
)

# (file, field, expected), read from the documents by hand
REAL_VALUES = [
    ("ttg_QD-698-QD-TTg_2009.doc", "number_symbol", "698/QĐ-TTg"),
    ("ttg_QD-698-QD-TTg_2009.doc", "issue_date", "2009-06-01"),
    ("cdgdvn_CV-172-CDN-TGNC.doc", "number_symbol", "172/CĐN-TGNC"),
    ("binhduong_CT-09-2009-CT-UBND.doc", "number_symbol", "09/2009/CT-UBND"),
    ("moet_TB-54-TB-BGDDT_2009.doc", "number_symbol", "54/TB-BGDĐT"),
]


def _doc_params() -> list:
    """The .doc rows of tests/data/corpus_expectations.csv; the Word 97 ones need LibreOffice."""
    out = []
    for param in corpus_expectations.params("doc"):
        (exp,) = param.values
        marks = list(param.marks)
        if exp.format == "doc":
            marks += [pytest.mark.libreoffice, needs_soffice]
        out.append(pytest.param(exp, marks=marks, id=param.id))
    return out


@needs_corpus
@pytest.mark.parametrize("exp", _doc_params())
def test_each_real_doc_converts_and_gives_its_number(exp: corpus_expectations.Expectation) -> None:
    """Each .doc converts (an HTML page saved as .doc is read as HTML) and gives the number its header
    shows, or no number and the warning that says why (a draft's blank number, no 'Số:' line)."""
    path = DOC_DIR / exp.name
    layout = read_file(path)
    assert layout.format == exp.format
    assert layout.source == str(path)
    if exp.format == "doc":
        assert sum(len(line.text.strip()) for line in layout.lines) > 200
    corpus_expectations.check_number(vbdieuhanh.parse_layout(layout), exp)


@needs_corpus
def test_every_real_doc_has_an_expectation() -> None:
    assert {exp.name for exp in corpus_expectations.expectations("doc")} == {p.name for p in DOC_FILES}


@pytest.mark.libreoffice
@needs_corpus
@needs_soffice
@pytest.mark.parametrize(("name", "field", "expected"), REAL_VALUES)
def test_real_doc_values(name: str, field: str, expected: str) -> None:
    assert getattr(vbdieuhanh.parse_file(DOC_DIR / name), field) == expected


@pytest.mark.libreoffice
@needs_corpus
@needs_soffice
def test_tcvn3_doc_reads_as_vietnamese() -> None:
    layout = read_file(TCVN3_DOC)
    text = "\n".join(line.text for line in layout.lines)
    for phrase in (
        "ĐẢNG BỘ CƠ QUAN UBND",
        "HUYỆN LỆ THUỶ",
        "Lệ Thuỷ, ngày",
        "tư tưởng",
        "Phó Chánh thanh tra",
    ):
        assert phrase in text
    assert not set("§¶¬Ö") & set(text)
    assert [note.code for note in layout.notes] == ["legacy_encoding"]


@needs_corpus
def test_html_saved_as_doc_is_read_as_html() -> None:
    layout = read_file(HTML_DOC)
    assert layout.format == "html"
    texts = [line.text.strip() for line in layout.lines if line.text.strip()]
    assert texts[0] == "LỊCH LÀM VIỆC CÁ NHÂN"
    assert "Làm công tác văn thư" in texts


@needs_corpus
def test_html_parsers_agree() -> None:
    """lxml and the standard library's html.parser give the same lines."""
    text = HTML_DOC.read_text(encoding="utf-8-sig")
    lines_lxml = [(line.text, line.block) for line in parse_html(text)]
    assert lines_lxml == [(line.text, line.block) for line in parse_html(text, prefer_lxml=False)]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Kính gửi:</p><p>- Sở Y tế;<br>- Sở Nội vụ.</p>", ["Kính gửi:", "- Sở Y tế;", "- Sở Nội vụ."]),
        ("<table><tr><td>UBND TỈNH</td><td>CỘNG HÒA</td></tr></table>", ["UBND TỈNH", "", "CỘNG HÒA"]),
        ("<head><title>x</title><style>p{}</style></head><p>Số:\n  12/UBND</p>", ["Số: 12/UBND"]),
        ("<!--[if gte mso 9]><xml><o:Pages>1</o:Pages></xml><![endif]--><p>V/v&nbsp;họp</p>", ["V/v\xa0họp"]),
    ],
)
def test_html_blocks(html: str, expected: list[str]) -> None:
    for prefer_lxml in (True, False):
        lines = [line.text for line in parse_html(html, prefer_lxml=prefer_lxml)]
        while lines and not lines[-1]:
            lines.pop()
        assert lines == expected


def test_tcvn3_html_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "kiem-diem.htm"
    path.write_text("<html><body><p>§¶ng bé c¬ quan UBND huyÖn LÖ Thuû</p></body></html>", encoding="utf-8")
    layout = read_file(path)
    assert layout.lines[0].text == "Đảng bộ cơ quan UBND huyện Lệ Thuỷ"
    assert layout.notes[0].code == "legacy_encoding"


# --- without LibreOffice, and when it fails -----------------------------------------------------


def _fake_soffice(directory: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Put a stand-in 'soffice' first on PATH."""
    fake = directory / "soffice"
    fake.write_text("#!/bin/sh\n" + script + "\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{directory}{os.pathsep}{os.environ.get('PATH', '')}")


@pytest.fixture
def rtf(tmp_path: Path) -> Path:
    path = tmp_path / "cong-van.rtf"
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Times New Roman;}}\f0 UBND T\'cdNH\par}")
    return path


def test_missing_libreoffice_says_how_to_install(rtf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy.shutil, "which", lambda name: None)
    with pytest.raises(MissingDependencyError) as raised:
        read_file(rtf)
    assert str(rtf) in str(raised.value)
    assert "apt-get install libreoffice-writer-nogui" in str(raised.value)


def test_libreoffice_failure_is_a_corrupt_file(
    rtf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, 'echo "Error: source file could not be loaded" >&2; exit 1', monkeypatch)
    with pytest.raises(CorruptFileError, match="source file could not be loaded"):
        read_file(rtf)


def test_libreoffice_is_stopped_at_the_time_limit(
    rtf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, "sleep 30", monkeypatch)
    started = time.monotonic()
    with pytest.raises(TimeLimitError, match=r"within 0\.5 s \(limit convert_timeout\)") as raised:
        read_file(rtf, limits=Limits(convert_timeout=0.5))
    assert raised.value.code == "timeout"
    assert time.monotonic() - started < 10


@pytest.mark.libreoffice
@needs_soffice
def test_rtf_in_tcvn3_fonts(tmp_path: Path) -> None:
    path = tmp_path / "kiem-diem.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi{\fonttbl{\f0 .VnTime;}{\f1 .VnTimeH;}}"
        rb"\f1 \'a7\'b6ng b\'e9 c\'ac quan\par\f0 L\'d6 Thu\'fb, ng\'b5y 29 th\'b8ng 11 n\'a8m 2011\par}"
    )
    layout = read_file(path)
    assert layout.format == "rtf"
    assert [line.text for line in layout.lines if line.text] == [
        "ĐẢNG BỘ CƠ QUAN",
        "Lệ Thuỷ, ngày 29 tháng 11 năm 2011",
    ]


# --- encrypted and foreign OLE files ------------------------------------------------------------


def test_encrypted_word97_is_refused_before_conversion(tmp_path: Path) -> None:
    """The fEncrypted flag of the Word 97 file information block marks a password-protected .doc."""
    data = bytearray(VENDORED_DOC.read_bytes())
    offset, _ = ole_stream(bytes(data), "WordDocument")
    data[offset + 0x0B] |= 0x01  # fEncrypted is bit 8 of the flags at 0x0A
    path = tmp_path / "QD9UB1.doc"
    path.write_bytes(bytes(data))
    with pytest.raises(EncryptedFileError, match="password"):
        read_file(path)


def test_ole_file_that_is_not_word(tmp_path: Path) -> None:
    data = VENDORED_DOC.read_bytes()
    renamed = data.replace("WordDocument".encode("utf-16-le"), "Workbook\x00\x00\x00\x00".encode("utf-16-le"))
    path = tmp_path / "bang-tinh.doc"
    path.write_bytes(renamed)
    with pytest.raises(UnsupportedFormatError, match="WordDocument"):
        read_file(path)


def test_encrypted_docx_in_its_ole_wrapper() -> None:
    path = Path(__file__).parent / "data" / "fixtures" / "bad" / "encrypted.docx"
    with pytest.raises(EncryptedFileError) as raised:
        read_file(path)
    assert str(path) in str(raised.value)
