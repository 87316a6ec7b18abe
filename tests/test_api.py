"""The library API: bytes and file objects, logging, the exported names."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

import vbdieuhanh

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED = SAMPLES / "kiengiang_114-BCD-KGVX_2021.txt"
PDF = SAMPLES / "quangngai_CV-507-UBND-KGVX_2025.pdf"


def _same(a: vbdieuhanh.Document, b: vbdieuhanh.Document) -> bool:
    return a.model_dump(exclude={"file"}) == b.model_dump(exclude={"file"})


def test_parse_bytes_and_file_objects_give_the_path_record() -> None:
    expected = vbdieuhanh.parse_file(SEED)
    from_bytes = vbdieuhanh.parse_bytes(SEED.read_bytes(), "letter.txt")
    assert _same(from_bytes, expected) and from_bytes.file == "letter.txt"
    with SEED.open("rb") as handle:
        from_handle = vbdieuhanh.parse_file(handle)
    assert _same(from_handle, expected) and from_handle.file == str(SEED)
    from_buffer = vbdieuhanh.parse_file(io.BytesIO(PDF.read_bytes()), name="upload.pdf")
    assert (
        from_buffer.format == "pdf" and from_buffer.number_symbol == vbdieuhanh.parse_file(PDF).number_symbol
    )


def test_errors_name_the_given_name() -> None:
    with pytest.raises(vbdieuhanh.EmptyDocumentError, match=r"^upload\.txt: "):
        vbdieuhanh.parse_bytes(b"", "upload.txt")
    with pytest.raises(TypeError):
        vbdieuhanh.parse_file(io.StringIO("text"))  # type: ignore[arg-type]


def test_logging_debug_records_and_no_handler_of_its_own(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("vbdieuhanh")
    assert all(isinstance(h, logging.NullHandler) for h in logger.handlers)
    with caplog.at_level(logging.DEBUG, logger="vbdieuhanh"):
        vbdieuhanh.parse_file(SEED)
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("vbdieuhanh")]
    assert any("reading the file" in m for m in messages)
    assert any("read by the text reader" in m for m in messages)
    assert any("parsed in" in m for m in messages)


def test_public_names_are_exported() -> None:
    for name in vbdieuhanh.__all__:
        assert hasattr(vbdieuhanh, name), name
    for name in ("Document", "Task", "Layout", "ReaderNote", "parse_bytes", "apply_corrections"):
        assert name in vbdieuhanh.__all__
