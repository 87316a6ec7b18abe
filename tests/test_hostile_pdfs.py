"""Hostile PDFs end within the documented limits (docs/limits.md): a record, or one typed line.

Every PDF is written here by hand, object by object, so that its damage is exact: thousands of
pages, broken cross-reference tables, page trees that loop or lie about their size.
"""

from __future__ import annotations

import time
from pathlib import Path

import vbdieuhanh
from vbdieuhanh.readers.pdf import read_pdf

TEXT = b"BT /F1 12 Tf 72 720 Td (Cong van so 12 cua Uy ban nhan dan tinh ve viec hop) Tj ET"
PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
    b"/Resources << /Font << /F1 4 0 R >> >> >>"
)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object's body: its dictionary (``/Length`` and ``extra``) and its bytes."""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def build(objects: dict[int, bytes]) -> bytes:
    """A PDF of these objects (by number; 1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def letter(**changes: bytes) -> dict[int, bytes]:
    """The objects of a one-page letter (catalog 1, page tree 2, text 3, font 4, page 5), changed."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Count 1 /Kids [5 0 R] >>",
        3: stream(TEXT),
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        5: PAGE,
    }
    objects.update({int(key[1:]): value for key, value in changes.items()})
    return objects


# --- thousands of pages ---------------------------------------------------------------------------


def many_pages(count: int) -> bytes:
    """A text PDF of ``count`` pages sharing one content stream."""
    objects = letter(o2=b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
        count, b" ".join(b"%d 0 R" % (10 + i) for i in range(count))
    ))  # fmt: skip
    del objects[5]
    objects.update({10 + i: PAGE for i in range(count)})
    return build(objects)


def test_a_pdf_of_2500_pages_is_read_to_the_page_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(many_pages(2500))
    started = time.monotonic()
    layout = read_pdf(path, ocr="never")
    assert time.monotonic() - started < 30
    assert layout.pages == 2500
    assert {line.page for line in layout.lines if line.text} == set(range(1, 501))
    assert [note.code for note in layout.notes] == ["pages_limited"]
    assert "has 2500 pages; only the first 500 were read" in layout.notes[0].message
    document = vbdieuhanh.parse_file(path)
    assert [w.code for w in document.warnings if w.code == "pages_limited"] == ["pages_limited"]
