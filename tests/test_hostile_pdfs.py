"""Hostile PDFs end within the documented limits (docs/limits.md): a record, or one typed line.

Every PDF is written here by hand, object by object, so that its damage is exact: thousands of
pages, broken cross-reference tables, page trees that loop or lie about their size.
"""

from __future__ import annotations

import base64
import io
import os
import re
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pdfminer.lzw import lzwdecode

import vbdieuhanh
from vbdieuhanh.errors import FileTooLargeError, VbdhError
from vbdieuhanh.readers import pdf_filters, pdf_streams, read_file
from vbdieuhanh.readers.limits import use_limits
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


def letter(changes: dict[int, bytes] | None = None) -> dict[int, bytes]:
    """The objects of a one-page letter (catalog 1, page tree 2, text 3, font 4, page 5), changed."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Count 1 /Kids [5 0 R] >>",
        3: stream(TEXT),
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        5: PAGE,
    }
    objects.update(changes or {})
    return objects


def outcome(path: Path, seconds: float = 10) -> str:
    """'record' when the file parses, else the code of its one-line typed error; within ``seconds``."""
    started = time.monotonic()
    try:
        document = vbdieuhanh.parse_file(path)
    except VbdhError as error:
        assert "\n" not in str(error) and str(error).startswith(str(path))
        result = error.code
    else:
        assert document.text.startswith("Cong van so 12")
        result = "record"
    assert time.monotonic() - started < seconds
    return result


# --- thousands of pages ---------------------------------------------------------------------------


def many_pages(count: int) -> bytes:
    """A text PDF of ``count`` pages sharing one content stream."""
    kids = b" ".join(b"%d 0 R" % (10 + i) for i in range(count))
    objects = letter({2: b"<< /Type /Pages /Count %d /Kids [%s] >>" % (count, kids)})
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


# --- broken cross-reference tables ----------------------------------------------------------------


def _xref(data: bytes) -> int:
    found = re.search(rb"startxref\n(\d+)", data)
    assert found is not None
    return int(found.group(1))


def _shift_offsets(data: bytes) -> bytes:
    return re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), data)


def _cut_table(data: bytes) -> bytes:
    at = _xref(data)
    table = data[at:].split(b"\n")
    return data[:at] + b"\n".join(table[:4]) + b"\n" + data[data.index(b"trailer") :]


def _past_the_end(data: bytes) -> bytes:
    return data.replace(b"startxref\n%d" % _xref(data), b"startxref\n%d" % (10 * len(data)))


def _no_trailer(data: bytes) -> bytes:
    return data[: data.index(b"trailer")] + b"startxref\n%d\n%%%%EOF\n" % _xref(data)


def _no_table(data: bytes) -> bytes:
    return data[: _xref(data)] + b"%%EOF\n"


def _huge_table(data: bytes) -> bytes:
    return data[: _xref(data)] + b"xref\n0 999999999\nzzzz" + data[data.index(b"trailer") :]


# what pdfium (pypdfium2 5.15) makes of each: it rebuilds a table it cannot use from the objects,
# but not without a trailer to name the catalog
BROKEN_XREFS = [
    ("wrong_offsets", _shift_offsets, "record"),
    ("truncated_table", _cut_table, "record"),
    ("startxref_past_the_end", _past_the_end, "record"),
    ("no_trailer", _no_trailer, "corrupt"),
    ("no_table", _no_table, "corrupt"),
    ("table_of_a_billion_entries", _huge_table, "corrupt"),
]


@pytest.mark.parametrize(
    ("damage", "expected"), [(d, e) for _, d, e in BROKEN_XREFS], ids=[n for n, _, _ in BROKEN_XREFS]
)
def test_a_broken_cross_reference_table(
    tmp_path: Path, damage: Callable[[bytes], bytes], expected: str
) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(damage(build(letter())))
    assert outcome(path) == expected


# --- page trees that loop or lie ------------------------------------------------------------------


def _chain(depth: int, twice: bool) -> dict[int, bytes]:
    """A page tree ``depth`` nodes deep; with ``twice`` each node lists the next one twice, so the
    tree has 2**depth paths to its one page."""
    nodes = {2: b"<< /Type /Pages /Count 1 /Kids [10 0 R] >>"}
    for i in range(depth):
        kid = b"5 0 R" if i == depth - 1 else b"%d 0 R" % (11 + i)
        nodes[10 + i] = b"<< /Type /Pages /Count 1 /Kids [%s] >>" % (kid + b" " + kid if twice else kid)
    return nodes


PAGE_TREES = [
    ("kids_include_the_node", letter({2: b"<< /Type /Pages /Count 2 /Kids [5 0 R 2 0 R] >>"}), "corrupt"),
    (
        "kids_include_an_ancestor",
        letter(
            {
                2: b"<< /Type /Pages /Count 2 /Kids [6 0 R] >>",
                6: b"<< /Type /Pages /Parent 2 0 R /Count 2 /Kids [5 0 R 2 0 R] >>",
                5: PAGE.replace(b"/Parent 2 0 R", b"/Parent 6 0 R"),
            }
        ),
        "record",
    ),
    (
        "parent_cycle",
        letter(
            {
                2: b"<< /Type /Pages /Parent 6 0 R /Count 1 /Kids [5 0 R] >>",
                6: b"<< /Type /Pages /Parent 2 0 R /Count 1 /Kids [2 0 R] >>",
            }
        ),
        "record",
    ),
    ("page_its_own_parent", letter({5: PAGE.replace(b"/Parent 2 0 R", b"/Parent 5 0 R")}), "record"),
    ("count_huge", letter({2: b"<< /Type /Pages /Count 2147483647 /Kids [5 0 R] >>"}), "record"),
    (
        "count_beyond_64_bits",
        letter({2: b"<< /Type /Pages /Count 99999999999999999999 /Kids [5 0 R] >>"}),
        "record",
    ),
    ("count_negative", letter({2: b"<< /Type /Pages /Count -5 /Kids [5 0 R] >>"}), "record"),
    (
        "100000_levels_deep",
        letter(_chain(100_000, twice=False)),
        "corrupt",
    ),
    ("2_to_the_60_paths", letter(_chain(60, twice=True)), "record"),
]


@pytest.mark.parametrize(
    ("objects", "expected"), [(o, e) for _, o, e in PAGE_TREES], ids=[n for n, _, _ in PAGE_TREES]
)
def test_a_page_tree_that_loops_or_lies(tmp_path: Path, objects: dict[int, bytes], expected: str) -> None:
    path = tmp_path / "tree.pdf"
    path.write_bytes(build(objects))
    assert outcome(path) == expected


# --- inflate bombs ----------------------------------------------------------------------------------


def zeros(megabytes: int) -> bytes:
    """Flate data of ``megabytes`` MiB of zeros (about 1,000 times smaller)."""
    compressor = zlib.compressobj()
    block = bytes(1 << 20)
    return b"".join([*(compressor.compress(block) for _ in range(megabytes)), compressor.flush()])


def _bomb(tmp_path: Path, *contents: bytes, layers: int = 1) -> Path:
    """The letter with more content streams after its text, each of the given Flate data (inflated
    ``layers`` times over)."""
    refs = b" ".join(b"%d 0 R" % (10 + i) for i in range(len(contents)))
    objects = letter({5: PAGE.replace(b"/Contents 3 0 R", b"/Contents [3 0 R %s]" % refs)})
    flate = b" /Filter [%s]" % b" ".join([b"/FlateDecode"] * layers)
    objects.update({10 + i: stream(data, flate) for i, data in enumerate(contents)})
    path = tmp_path / "bomb.pdf"
    path.write_bytes(build(objects))
    return path


MB = 1 << 20


def test_a_stream_that_inflates_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = _bomb(tmp_path, zeros(3))
    with use_limits(max_stream_bytes=4 * MB):
        assert outcome(path) == "record"
    with use_limits(max_stream_bytes=2 * MB), pytest.raises(FileTooLargeError) as raised:
        read_file(path)
    assert re.search(
        r"the stream at byte [\d,]+ inflates to more than 2 MB \(limit max_stream_bytes\)", str(raised.value)
    )


def test_flate_inside_flate_is_inflated_layer_by_layer(tmp_path: Path) -> None:
    data = zeros(3)
    for _ in range(5):
        data = zlib.compress(data)
    path = _bomb(tmp_path, data, layers=6)  # 3 MB from some 50 bytes: pdfium inflates every layer
    assert path.stat().st_size < 2_000
    with use_limits(max_stream_bytes=4 * MB):
        assert outcome(path) == "record"
    with use_limits(max_stream_bytes=2 * MB), pytest.raises(FileTooLargeError, match="max_stream_bytes"):
        read_file(path)


def test_streams_that_inflate_past_the_limit_together_are_refused(tmp_path: Path) -> None:
    path = _bomb(tmp_path, zeros(2), zeros(2), zeros(2))
    with use_limits(max_stream_bytes=3 * MB, max_inflated_bytes=7 * MB):
        assert outcome(path) == "record"
    with (
        use_limits(max_stream_bytes=3 * MB, max_inflated_bytes=5 * MB),
        pytest.raises(FileTooLargeError) as raised,
    ):
        read_file(path)
    assert "the streams of the PDF inflate to more than 5 MB (limit max_inflated_bytes)" in str(raised.value)


_READ_IN_A_CHILD = """
import re, sys, time
import vbdieuhanh
from vbdieuhanh.errors import VbdhError
started = time.monotonic()
try:
    vbdieuhanh.parse_file(sys.argv[1])
    outcome = "record"
except VbdhError as error:
    outcome = error.code
status = open("/proc/self/status").read()  # the peak of this process (ru_maxrss counts the parent's)
print(outcome, time.monotonic() - started, int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) // 1024)
"""


def _read_in_a_child(path: Path) -> tuple[str, str, str]:
    """The outcome, seconds and peak megabytes of reading ``path`` in a child process."""
    done = subprocess.run(
        [sys.executable, "-c", _READ_IN_A_CHILD, str(path)],
        capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )  # fmt: skip
    code, seconds, megabytes = done.stdout.split()
    return code, seconds, megabytes


def test_a_500_mb_content_stream_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """pdfium would inflate it whole: 1 GB of memory and 5 s for a 510 KB file."""
    path = _bomb(tmp_path, zeros(500))
    assert path.stat().st_size < 600_000
    code, seconds, megabytes = _read_in_a_child(path)
    assert code == "too_large"
    assert int(megabytes) < 250, f"{megabytes} MB"
    assert float(seconds) < 20


@pytest.mark.parametrize("block", [7, 8, 9, 16, 1 << 22])
def test_stream_keywords_are_found_across_blocks(monkeypatch: pytest.MonkeyPatch, block: int) -> None:
    data = build(letter()) + b"stream\r\nstream\rxstream\n" + b"x" * 13 + b"stream\r\n"
    monkeypatch.setattr(pdf_streams, "SCAN_CHUNK", block)
    expected = [found.end() for found in re.finditer(rb"stream(?:\r\n|\n|\r)", data)]
    assert list(pdf_streams._stream_starts(io.BytesIO(data))) == expected
    assert len(expected) == 6  # the letter's 'stream' and 'endstream', and the four added


# --- content pdfium parses many times over ---------------------------------------------------------


def form_chain(times: int, depth: int) -> dict[int, bytes]:
    """Forms 10, 11, …: each draws the next ``times`` times (as ``/X``), the last draws the text."""
    draws = b" ".join([b"q /X Do Q"] * times)
    objects = {}
    for level in range(depth):
        drawn = b" /XObject << /X %d 0 R >>" % (11 + level) if level < depth - 1 else b""
        objects[10 + level] = stream(
            draws if level < depth - 1 else TEXT,
            b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources <<%s /Font << /F1 4 0 R >> >>"
            % drawn,
        )
    return objects


def nested_forms(times: int, depth: int) -> bytes:
    """The letter whose page draws a form ``times`` times, which draws another ``times`` times, and
    so on ``depth`` forms deep, the last drawing the text: ``times ** depth`` texts from 2 KB."""
    draws = b" ".join([b"q /X Do Q"] * times)
    objects = letter({3: stream(draws), 5: PAGE.replace(b"/Font", b"/XObject << /X 10 0 R >> /Font")})
    objects.update(form_chain(times, depth))
    return build(objects)


def test_forms_that_draw_forms_are_counted_before_pdfium(tmp_path: Path) -> None:
    """pdfium parses a form each time it is drawn: six levels of ten (a million texts from a 2 KB
    file) took it over 6 GB; five levels, 36 s and 2 GB. Refused from the file's objects."""
    path = tmp_path / "forms.pdf"
    for depth in (6, 8):
        path.write_bytes(nested_forms(10, depth))
        assert path.stat().st_size < 3_000
        started = time.monotonic()
        with pytest.raises(FileTooLargeError) as raised:
            read_file(path)
        assert time.monotonic() - started < 2
        assert "more than 20,000 content streams and forms" in str(raised.value)
        assert "(limit max_drawn_streams)" in str(raised.value)
    path.write_bytes(nested_forms(10, 3))  # 1,111 forms drawn, 1,000 texts
    assert len(read_pdf(path, ocr="never").lines) > 0
    with use_limits(max_drawn_streams=1_000), pytest.raises(FileTooLargeError, match="max_drawn_streams"):
        read_file(path)


def annotated(times: int, depth: int, states: bool = False) -> bytes:
    """The letter with one annotation whose appearance (``/AP /N``, or its ``/On`` state) draws a
    ``form_chain`` ``times`` times: pdfium draws it when it renders the page for OCR, while the
    page's own content is the plain text."""
    objects = letter({5: PAGE.replace(b"/Contents", b"/Annots [20 0 R] /Contents")})
    appearance = b"<< /On 21 0 R /Off 22 0 R >>" if states else b"21 0 R"
    objects[20] = b"<< /Type /Annot /Subtype /Stamp /Rect [0 0 9 9] /AP << /N %s >> /AS /On >>" % appearance
    form = b" /Type /XObject /Subtype /Form /BBox [0 0 9 9]"
    draws = b" ".join([b"q /X Do Q"] * times)
    objects[21] = stream(draws, form + b" /Resources << /XObject << /X 10 0 R >> >>")
    objects[22] = stream(b"", form)
    objects.update(form_chain(times, depth))
    return build(objects)


@pytest.mark.parametrize("states", [False, True], ids=["appearance", "appearance_states"])
def test_forms_an_annotation_draws_are_counted(tmp_path: Path, states: bool) -> None:
    """An annotation's appearance is a form pdfium draws with the page (OCR renders it): a stamp
    drawing forms six levels of ten deep is refused like the same forms in the page's content."""
    path = tmp_path / "stamp.pdf"
    path.write_bytes(annotated(10, 6, states))
    with pytest.raises(FileTooLargeError, match="max_drawn_streams"):
        read_file(path)
    path.write_bytes(annotated(10, 2, states))  # a stamp of 111 forms: read
    assert len(read_pdf(path, ocr="never").lines) > 0
    with use_limits(max_drawn_streams=100), pytest.raises(FileTooLargeError, match="max_drawn_streams"):
        read_file(path)


def test_pages_inside_object_streams_are_counted(tmp_path: Path) -> None:
    """The catalog, page tree and page packed in a Flate object stream, as PDF 1.5 writers do."""
    draws = b" ".join([b"/X Do"] * 10)
    objects = letter({3: stream(draws), 5: PAGE.replace(b"/Font", b"/XObject << /X 10 0 R >> /Font")})
    for level in range(6):
        drawn = b"/X %d 0 R" % (11 + level) if level < 5 else b""
        objects[10 + level] = stream(
            draws if level < 5 else TEXT, b" /Subtype /Form /Resources << /XObject << %s >> >>" % drawn
        )
    packed = {number: objects.pop(number) for number in (1, 2, 5)}
    header = b" ".join(
        b"%d %d" % (number, sum(len(v) + 1 for v in list(packed.values())[:i]))
        for i, number in enumerate(packed)
    )
    body = b"\n".join(packed.values())
    objects[30] = stream(
        zlib.compress(header + b"\n" + body),
        b" /Type /ObjStm /N 3 /First %d /Filter /FlateDecode" % (len(header) + 1),
    )
    path = tmp_path / "packed.pdf"
    path.write_bytes(build(objects))
    with pytest.raises(FileTooLargeError, match="max_drawn_streams"):
        pdf_streams.check_streams(path)


def test_a_form_that_draws_itself_is_refused(tmp_path: Path) -> None:
    """pdfium draws a form inside itself until its depth limit: drawing itself twice, 2**30 forms and
    more (pdfium aborted the process). Drawing itself once is 64 forms at most: read."""
    objects = letter({3: stream(b"/X Do"), 5: PAGE.replace(b"/Font", b"/XObject << /X 10 0 R >> /Font")})
    resources = b" /Resources << /XObject << /X 10 0 R >> /Font << /F1 4 0 R >> >>"
    path = tmp_path / "loop.pdf"
    objects[10] = stream(TEXT + b" /X Do", b" /Subtype /Form /BBox [0 0 595 842]" + resources)
    path.write_bytes(build(objects))
    assert len(read_pdf(path, ocr="never").lines) > 0
    objects[10] = stream(TEXT + b" /X Do /X Do", b" /Subtype /Form /BBox [0 0 595 842]" + resources)
    path.write_bytes(build(objects))
    started = time.monotonic()
    with pytest.raises(FileTooLargeError, match="max_drawn_streams"):
        read_file(path)
    assert time.monotonic() - started < 2


def _listed(times: int, data: bytes = b"", pages: int = 1) -> bytes:
    """The letter whose pages (``pages`` of them) list stream 10, of Flate ``data``, ``times`` times
    after the text (the text stream itself ``times`` times when there is no data)."""
    ref = b"10 0 R" if data else b"3 0 R"
    objects = letter(
        {5: PAGE.replace(b"/Contents 3 0 R", b"/Contents [3 0 R %s]" % b" ".join([ref] * times))}
    )
    if data:
        objects[10] = stream(data, b" /Filter /FlateDecode")
    kids = b" ".join(b"%d 0 R" % (20 + i) for i in range(pages))
    objects[2] = b"<< /Type /Pages /Count %d /Kids [5 0 R %s] >>" % (pages + 1, kids)
    objects.update({20 + i: objects[5] for i in range(pages)})
    return build(objects)


def test_a_stream_listed_100000_times_is_refused(tmp_path: Path) -> None:
    """pdfium parses each listing: 1.2 s and 156 MB for a 600 KB file, ten times that for 6 MB."""
    path = tmp_path / "listed.pdf"
    path.write_bytes(_listed(100_000))
    started = time.monotonic()
    with pytest.raises(
        FileTooLargeError, match=r"more than 20,000 content streams .*\(limit max_drawn_streams\)"
    ):
        read_file(path)
    assert time.monotonic() - started < 3


def test_an_object_of_a_million_values_is_refused(tmp_path: Path) -> None:
    """A page listing its stream 400,000 times (1.2 million values, 2.4 MB): refused when it is
    parsed, not counted after."""
    path = tmp_path / "listed.pdf"
    path.write_bytes(_listed(400_000))
    started = time.monotonic()
    with pytest.raises(FileTooLargeError, match=r"object 5 holds more than 1,000,000 values"):
        read_file(path)
    assert time.monotonic() - started < 10


def test_only_the_pages_pdfium_reads_are_summed(tmp_path: Path) -> None:
    """1,000 pages of one stream each: the 500 costliest are summed, as pdfium reads 500."""
    path = tmp_path / "long.pdf"
    path.write_bytes(many_pages(1_000))
    with use_limits(max_drawn_streams=500):
        assert outcome(path) == "record"
    with use_limits(max_drawn_streams=499):
        assert outcome(path) == "too_large"
    with use_limits(max_drawn_streams=999, max_pages=1_000):
        assert outcome(path) == "too_large"


def test_objects_that_overlap_are_refused(tmp_path: Path) -> None:
    """Page headers inside one unclosed string: each page parsed to the end of the file (quadratic
    time for the check) unless the bytes parsed are bounded (``PARSE_BUDGET`` times the file)."""
    fake = b"".join(b"%d 0 obj << /Type /Page /Contents 3 0 R /X (" % (100 + i) for i in range(20_000))
    path = tmp_path / "overlap.pdf"
    path.write_bytes(build(letter({6: b"(" + fake})))
    started = time.monotonic()
    with pytest.raises(FileTooLargeError, match="its objects overlap"):
        pdf_streams.check_streams(path)
    assert time.monotonic() - started < 5


def test_content_parsed_many_times_over_is_refused(tmp_path: Path) -> None:
    """One 100 MB stream listed ten times took pdfium 4 s and 2 GB (each within ``max_stream_bytes``);
    the content is counted with each listing, on one page or many."""
    path = tmp_path / "listed.pdf"
    for times, pages in ((5, 0), (1, 4)):
        path.write_bytes(_listed(times, zeros(2), pages))
        with use_limits(max_content_bytes=12 * MB):
            assert outcome(path) == "record"
        with use_limits(max_content_bytes=8 * MB), pytest.raises(FileTooLargeError) as raised:
            read_file(path)
        assert "more than 8 MB of content, each stream counted as often as a page lists it" in str(
            raised.value
        )
        assert "(limit max_content_bytes)" in str(raised.value)


# --- filters other than Flate ----------------------------------------------------------------------


def lzw_bomb(repeats: int) -> bytes:
    """LZW codes of spaces: each code a space longer than the one before until the table is full
    (4,093 codes, 8 MB), then the longest ``repeats`` times (4,093 spaces for 12 bits each)."""
    out = bytearray()
    bits = count = 0
    width = 9

    def emit(code: int) -> None:
        nonlocal bits, count
        bits, count = bits << width | code, count + width
        while count >= 8:
            count -= 8
            out.append(bits >> count & 0xFF)
        bits &= (1 << count) - 1

    emit(256)
    emit(0x20)
    for table, code in enumerate(range(258, 4095), start=259):
        emit(code)
        if table + 1 >= 1 << width:
            width += 1
    for _ in range(repeats):
        emit(4094)
    emit(257)
    return bytes(out) + (bytes([bits << (8 - count) & 0xFF]) if count else b"")


def _filtered(tmp_path: Path, data: bytes, filters: bytes) -> Path:
    path = tmp_path / "filtered.pdf"
    objects = letter({5: PAGE.replace(b"/Contents 3 0 R", b"/Contents [3 0 R 10 0 R]")})
    objects[10] = stream(data, b" /Filter " + filters)
    path.write_bytes(build(objects))
    return path


ENCODED = [
    ("lzw", lambda: lzw_bomb(600), b"/LZWDecode"),  # 10 MB from 9 KB
    ("ascii85_flate", lambda: base64.a85encode(zeros(10)) + b"~>", b"[/ASCII85Decode /FlateDecode]"),
    ("asciihex_flate", lambda: zeros(10).hex().encode() + b">", b"[/AHx /Fl]"),
    ("run_length", lambda: b"\x81 " * (10 * MB // 128) + b"\x80", b"/RunLengthDecode"),
]


@pytest.mark.parametrize(("make", "filters"), [(m, f) for _, m, f in ENCODED], ids=[n for n, _, _ in ENCODED])
def test_streams_behind_other_filters_are_decoded_and_counted(
    tmp_path: Path, make: Callable[[], bytes], filters: bytes
) -> None:
    """Flate data behind ASCII85 or hex has no zlib header to be seen; LZW swells hundreds of times
    (a 155 KB stream: 400 MB, which took pdfium 2.5 s and 900 MB)."""
    path = _filtered(tmp_path, make(), filters)
    with use_limits(max_stream_bytes=12 * MB):
        assert outcome(path) == "record"
    with use_limits(max_stream_bytes=8 * MB), pytest.raises(FileTooLargeError, match="max_stream_bytes"):
        read_file(path)


def _pieces(data: bytes, size: int) -> Iterator[bytes]:
    return (data[i : i + size] for i in range(0, len(data), size))


@pytest.mark.parametrize("size", [1, 7, 4096])
def test_the_decoders_match_whole_decoding_whatever_the_pieces(size: int) -> None:
    text = bytes(1000) + TEXT * 300
    assert b"".join(pdf_filters.lzw(_pieces(lzw_bomb(3), size))) == lzwdecode(lzw_bomb(3))
    assert b"".join(pdf_filters.ascii85(_pieces(base64.a85encode(text) + b"~>", size))) == text
    assert b"".join(pdf_filters.ascii_hex(_pieces(text.hex().encode() + b" >", size))) == text
    runs = b"".join(b"\x63" + text[i : i + 100] for i in range(0, len(text), 100)) + b"\xfe!\x80"
    assert b"".join(pdf_filters.run_length(_pieces(runs, size))) == text + b"!!!"
    assert (
        b"".join(pdf_filters.decode(_pieces(zlib.compress(text).hex().encode(), size), ["AHx", "Fl"])) == text
    )


CHILD_CASES = [
    ("forms_7_deep", lambda: nested_forms(10, 7), "too_large"),
    ("lzw_300_mb", lambda: _raw_filtered(lzw_bomb(84_000), b"/LZWDecode"), "too_large"),
    ("run_length_100_mb", lambda: _raw_filtered(b"\x81 " * (100 * MB // 128) + b"\x80", b"/RL"), "record"),
]


def _raw_filtered(data: bytes, filters: bytes) -> bytes:
    objects = letter({5: PAGE.replace(b"/Contents 3 0 R", b"/Contents [3 0 R 10 0 R]")})
    objects[10] = stream(data, b" /Filter " + filters)
    return build(objects)


@pytest.mark.parametrize(
    ("make", "expected"), [(m, e) for _, m, e in CHILD_CASES], ids=[n for n, _, _ in CHILD_CASES]
)
def test_hostile_content_ends_in_bounded_memory(
    tmp_path: Path, make: Callable[[], bytes], expected: str
) -> None:
    """Before: seven levels of forms took pdfium over 6 GB; a 110 KB LZW stream of 300 MB, about
    900 MB for each 400 MB. pdfium leaves run-length data of 100 MB undecoded (it decoded 16 MB)."""
    path = tmp_path / "hostile.pdf"
    path.write_bytes(make())
    code, seconds, megabytes = _read_in_a_child(path)
    assert code == expected
    assert int(megabytes) < 150, f"{megabytes} MB"
    assert float(seconds) < 10
