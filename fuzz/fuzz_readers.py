"""Coverage-guided fuzzing of the readers with atheris (libFuzzer for Python).

Each input is written to a temporary file and read by one reader, chosen by its first byte: DOCX,
PDF (without OCR), HTML or text. Only the library's typed errors (VbdhError) may come out; any
other exception is a crash that atheris reports with the input that caused it.

    pip install atheris                      # needs a clang-built CPython on some systems
    mkdir -p fuzz/corpus && cp tests/data/fixtures/*.{docx,pdf,txt} fuzz/corpus/
    PYTHONPATH=. python fuzz/fuzz_readers.py fuzz/corpus -runs=1000000 -max_len=200000 -timeout=20

Seeds starting with the bytes of a real DOCX or PDF are read as such (their first byte, 'P' or
'%', picks the reader); the fuzzer mutates from there.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from vbdieuhanh.errors import VbdhError
    from vbdieuhanh.readers.docx import read_docx
    from vbdieuhanh.readers.html import read_html
    from vbdieuhanh.readers.pdf import read_pdf
    from vbdieuhanh.readers.text import read_text

FOLDER = Path(tempfile.mkdtemp(prefix="vbdh-atheris-"))
READERS = {
    ord("P"): (read_docx, ".docx"),  # 'PK\x03\x04'
    ord("%"): (lambda path: read_pdf(path, ocr="never"), ".pdf"),
    ord("<"): (read_html, ".html"),
}


def test_one_input(data: bytes) -> None:
    if not data:
        return
    reader, suffix = READERS.get(data[0], (read_text, ".txt"))
    path = FOLDER / f"input{suffix}"
    path.write_bytes(data)
    try:
        layout = reader(path)
    except VbdhError as error:
        if "\n" in str(error):
            raise AssertionError(f"a multi-line error: {error!r}") from error
        return
    finally:
        path.unlink(missing_ok=True)
    for line in layout.lines:
        line.text.encode("utf-8")


def main() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
