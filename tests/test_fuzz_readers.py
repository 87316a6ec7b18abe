"""Property-based tests of the readers over mutated real files: whatever the bytes, a reader returns
a layout or raises one of the library's typed errors (``VbdhError``), never anything else.

The readers are called directly (``read_docx``, ``read_pdf``, ``read_text``, ``read_html``), not
through ``read_file``, whose last-resort net would hide an escaping exception. A bounded number of
examples runs by default (a few seconds each); ``--runslow`` runs the long version.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vbdieuhanh.errors import VbdhError
from vbdieuhanh.readers.docx import read_docx
from vbdieuhanh.readers.html import read_html
from vbdieuhanh.readers.pdf import read_pdf
from vbdieuhanh.readers.text import read_text

FIXTURES = Path(__file__).parent / "data" / "fixtures"
DOCX = (FIXTURES / "quangngai_CV-507-UBND-KGVX_2025.docx").read_bytes()
PDF = (FIXTURES / "laichau_UBND-VX_2021-03.pdf").read_bytes()
TEXT = (FIXTURES / "laichau_UBND-VX_2021-03.txt").read_bytes()[:3000]
FAST = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
LONG = settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))

# values hostile to a numeric or an on/off attribute of WordprocessingML
HOSTILE_VALUES = ["999999999999", "²", "x", "9" * 5000, "-1", "", "1e9", "0", "D800", "%9", "\u0661", "true"]


def _read(reader, data: bytes, suffix: str) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory(prefix="vbdh-fuzz-") as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            layout = reader(path)
        except VbdhError as error:
            assert "\n" not in str(error)
            return
        for line in layout.lines:
            line.text.encode("utf-8")  # storable: no lone surrogates


def _mutate_bytes(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(data)
    for position, value in edits:
        out[position % len(out)] = value
    return bytes(out[:cut] if cut else out)


byte_edits = st.lists(st.tuples(st.integers(0, 1 << 30), st.integers(0, 255)), min_size=1, max_size=30)
cuts = st.one_of(st.none(), st.integers(1, 1 << 30))


def _docx_xml_mutation(data: bytes, part_index: int, choices: list[tuple[int, str]], junk: str) -> bytes:
    """Replace attribute values of one XML part with hostile ones, and insert junk text."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = source.infolist()
        xml_parts = [i.filename for i in infos if i.filename.endswith(".xml")]
        target = xml_parts[part_index % len(xml_parts)]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
            for info in infos:
                blob = source.read(info.filename)
                if info.filename == target:
                    text = blob.decode("utf-8", "replace")
                    values = list(re.finditer(r'w:val="[^"]*"', text))
                    for index, value in choices:
                        if values:
                            match = values[index % len(values)]
                            text = text[: match.start()] + f'w:val="{value}"' + text[match.end() :]
                            values = list(re.finditer(r'w:val="[^"]*"', text))
                    if junk:
                        spot = (len(junk) * 7919) % max(1, len(text))
                        text = text[:spot] + junk + text[spot:]
                    blob = text.encode("utf-8", "surrogatepass")
                new.writestr(info.filename, blob)
    return out.getvalue()


def _check_docx_bytes(edits: list[tuple[int, int]], cut: int | None) -> None:
    _read(read_docx, _mutate_bytes(DOCX, edits, cut), ".docx")


def _check_docx_xml(part: int, choices: list[tuple[int, str]], junk: str) -> None:
    _read(read_docx, _docx_xml_mutation(DOCX, part, choices, junk), ".docx")


def _check_pdf(edits: list[tuple[int, int]], cut: int | None) -> None:
    _read(lambda path: read_pdf(path, ocr="never"), _mutate_bytes(PDF, edits, cut), ".pdf")


xml_choices = st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(HOSTILE_VALUES)), max_size=8)
xml_junk = st.sampled_from(["", "<", "&", "&#xD800;", "<w:p>", "]]>", "\ud800", "<!DOCTYPE x>", "\x00"])
texts = st.binary(max_size=2000).map(lambda junk: TEXT[: len(junk) % len(TEXT)] + junk)


@FAST
@given(byte_edits, cuts)
def test_mutated_docx_bytes(edits: list[tuple[int, int]], cut: int | None) -> None:
    _check_docx_bytes(edits, cut)


@FAST
@given(st.integers(0, 100), xml_choices, xml_junk)
def test_mutated_docx_xml(part: int, choices: list[tuple[int, str]], junk: str) -> None:
    _check_docx_xml(part, choices, junk)


@FAST
@given(byte_edits, cuts)
def test_mutated_pdf(edits: list[tuple[int, int]], cut: int | None) -> None:
    _check_pdf(edits, cut)


@FAST
@given(texts)
def test_text_and_html_of_any_bytes(data: bytes) -> None:
    _read(read_text, data, ".txt")
    _read(read_html, b"<html><meta charset='utf-8'>" + data, ".html")


@pytest.mark.slow
@LONG
@given(byte_edits, cuts, st.integers(0, 100), xml_choices, xml_junk)
def test_mutated_readers_long_run(
    edits: list[tuple[int, int]], cut: int | None, part: int, choices: list[tuple[int, str]], junk: str
) -> None:
    _check_docx_bytes(edits, cut)
    _check_docx_xml(part, choices, junk)
    _check_pdf(edits, cut)


def test_crashes_found_by_fuzzing_stay_fixed() -> None:
    """Inputs atheris found escaping as raw exceptions (fuzz/fuzz_readers.py), now typed errors."""
    # a DOCX whose zip directory puts a member's header before the start of the file: OSError (EINVAL)
    with pytest.raises(VbdhError, match="damaged Word package"):
        read_docx(FIXTURES / "bad" / "fuzz-negative-seek.docx")
    # a member name flagged UTF-8 that is not: UnicodeDecodeError inside zipfile
    with pytest.raises(VbdhError, match="zip"):
        read_docx(FIXTURES / "bad" / "fuzz-bad-utf8-name.docx")
