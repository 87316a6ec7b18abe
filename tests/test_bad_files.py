"""Bad files raise one typed error of the library, naming the file and the cause.

PDF part: encrypted, corrupt, truncated, zero pages, blank pages, empty, a '.pdf' that is not a PDF.
The bad files are made here from a PDF written by fpdf2 (and pdfium for the zero-page one).
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF

import vbdieuhanh
from vbdieuhanh import (
    CorruptFileError,
    EmptyDocumentError,
    EncryptedFileError,
    UnsupportedFormatError,
    VbdhError,
)


def _pdf(*, user_password: str | None = None, owner_password: str | None = None, text: bool = True) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    if text:
        pdf.set_font("helvetica", size=12)
        for line in ("UBND TINH LAI CHAU", "So: 12/UBND-VX", "Noi nhan:", "- Luu: VT."):
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    if owner_password:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    return bytes(pdf.output())


def _zero_pages() -> bytes:
    document = pdfium.PdfDocument.new()
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def _garbage() -> bytes:
    return b"%PDF-1.7\n" + bytes((i * 37) % 256 for i in range(4000)) + b"\n%%EOF\n"


BAD_PDFS = [
    (
        "password.pdf",
        lambda: _pdf(user_password="secret", owner_password="owner"),
        EncryptedFileError,
        "password",
    ),
    ("corrupt.pdf", _garbage, CorruptFileError, "damaged"),
    ("truncated.pdf", lambda: _pdf()[: len(_pdf()) * 6 // 10], CorruptFileError, "truncated"),
    ("zero-pages.pdf", _zero_pages, EmptyDocumentError, "no pages"),
    ("blank.pdf", lambda: _pdf(text=False), EmptyDocumentError, "blank"),
    ("empty.pdf", lambda: b"", EmptyDocumentError, "empty"),
    ("letter.pdf", lambda: "Số: 12/UBND-VX\nKính gửi: Sở Y tế".encode(), UnsupportedFormatError, "not pdf"),
]


@pytest.mark.parametrize(("name", "make", "error", "cause"), BAD_PDFS, ids=[case[0] for case in BAD_PDFS])
def test_bad_pdf(tmp_path: Path, name: str, make, error: type[VbdhError], cause: str) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(error) as info:
        vbdieuhanh.parse_file(path)
    assert type(info.value) is error
    assert info.value.path == str(path)
    assert cause in info.value.cause
    assert str(info.value) == f"{path}: {info.value.cause}"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_errors_do_not_depend_on_the_engine(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "password.pdf"
    path.write_bytes(_pdf(user_password="secret", owner_password="owner"))
    with pytest.raises(EncryptedFileError):
        vbdieuhanh.parse_file(path, pdf_engine=engine)


def test_owner_password_only_is_readable(tmp_path: Path) -> None:
    """Encrypted for permissions only (no user password): every reader opens it, so do we."""
    path = tmp_path / "permissions.pdf"
    path.write_bytes(_pdf(owner_password="owner"))
    doc = vbdieuhanh.parse_file(path)
    assert "So: 12/UBND-VX" in doc.text


def test_good_pdf_of_the_same_maker_reads(tmp_path: Path) -> None:
    """The control: the unbroken file the bad ones are made from."""
    path = tmp_path / "good.pdf"
    path.write_bytes(_pdf())
    assert vbdieuhanh.parse_file(path).text.startswith("UBND TINH LAI CHAU")


def test_an_error_crosses_a_process_pool_whole(tmp_path: Path) -> None:
    """The error a worker process raises reaches the parent as itself: it could not be unpickled
    (its __init__ takes two arguments), which broke the pool."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    pool = ProcessPoolExecutor(1, mp_context=get_context("spawn"))
    with pool, pytest.raises(CorruptFileError) as raised:
        pool.submit(vbdieuhanh.parse_file, bad).result(timeout=120)
    assert (raised.value.path, raised.value.code) == (str(bad), "corrupt")
    assert "truncated" in raised.value.cause
