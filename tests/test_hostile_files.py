"""Hostile files end within the documented limits (docs/limits.md) with one typed, one-line error.

Every file is made here, in a temporary folder: FIFOs, links to devices and link loops, a sparse
1.1 GB file, zip bombs, absurd list numbering, broken XML parts, huge pages and images, a
Tesseract and a LibreOffice that hang, undecodable text and HTML.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import signal
import stat
import struct
import subprocess
import sys
import threading
import time
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

import vbdieuhanh
from vbdieuhanh.archive import inputs
from vbdieuhanh.archive.inputs import Item, iter_items, safe_glob
from vbdieuhanh.errors import (
    CorruptFileError,
    FileTooLargeError,
    NotRegularFileError,
    TimeLimitError,
    UnreadableFileError,
    VbdhError,
)
from vbdieuhanh.readers import iter_inputs, read_file
from vbdieuhanh.readers.docx import read_docx
from vbdieuhanh.readers.limits import Limits, current, use_limits
from vbdieuhanh.readers.ocr import read_image, render_dpi
from vbdieuhanh.readers.pdf import read_pdf
from vbdieuhanh.readers.safety import scrub

FIXTURES = Path(__file__).parent / "data" / "fixtures"
GOOD_DOCX = FIXTURES / "quangngai_CV-507-UBND-KGVX_2025.docx"
LETTER = "UBND TỈNH LAI CHÂU\nSố: 12/UBND-VX\nV/v họp\n\nKính gửi: Sở Y tế\n"


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (a FIFO opened for reading waits for a writer forever)."""

    def stop(*_: object) -> None:
        raise AssertionError(f"still running after {seconds} s: the reader hangs")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def one_line(error: VbdhError, path: Path | str) -> None:
    text = str(error)
    assert "\n" not in text and "\x1b" not in text
    assert text.startswith(str(path).replace("\n", "\\n"))


# --- special files ------------------------------------------------------------------------------


def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "letter.txt"
    os.mkfifo(fifo)
    with deadline(10), pytest.raises(NotRegularFileError, match="FIFO") as raised:
        vbdieuhanh.parse_file(fifo)
    assert raised.value.code == "not_regular_file"
    one_line(raised.value, fifo)


@pytest.mark.parametrize(("device", "name"), [("/dev/zero", "zero.pdf"), ("/dev/urandom", "random.txt")])
def test_a_link_to_a_device_is_refused(tmp_path: Path, device: str, name: str) -> None:
    link = tmp_path / name
    link.symlink_to(device)
    with deadline(10), pytest.raises(NotRegularFileError, match="character device"):
        read_file(link)


def test_a_directory_and_a_link_loop_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    with pytest.raises(NotRegularFileError, match="is a directory"):
        read_file(folder)
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(UnreadableFileError, match="loop of symbolic links"):
        read_file(tmp_path / "a.txt")


def test_names_with_a_newline_a_leading_dash_or_escapes(tmp_path: Path) -> None:
    dashed = tmp_path / "-rf letter.txt"
    dashed.write_text(LETTER, encoding="utf-8")
    assert vbdieuhanh.parse_file(dashed).number_symbol == "12/UBND-VX"
    odd = tmp_path / "công văn\n\x1b[31mđỏ.txt"
    odd.write_text(LETTER, encoding="utf-8")
    assert vbdieuhanh.parse_file(odd).number_symbol == "12/UBND-VX"
    empty = tmp_path / "trống\n\x1b]8;;x\x07.txt"
    empty.write_bytes(b"")
    with pytest.raises(VbdhError) as raised:
        read_file(empty)
    assert raised.value.path == str(empty)  # the name as it is, for programs
    assert "\n" not in str(raised.value) and "\x1b" not in str(raised.value) and "\\n" in str(raised.value)
    assert [p.name for p in iter_inputs([str(tmp_path)])] == sorted([dashed.name, odd.name, empty.name])


def test_folder_walks_and_globs_do_not_follow_link_loops(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(LETTER, encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root)  # in/sub/loop -> in
    (root / "sub" / "self").symlink_to(root / "sub")
    with deadline(20):
        assert [p.name for p in iter_inputs([str(root)])] == ["a.txt"]
        assert [i.name for i in iter_items([str(root)])] == [str(root / "sub" / "a.txt")]
        assert list(safe_glob(f"{root}/**/*.txt")) == [str(root / "sub" / "a.txt")]
        assert [i.name for i in iter_items([f"{root}/**/*.txt"])] == [str(root / "sub" / "a.txt")]


def test_glob_patterns(tmp_path: Path) -> None:
    for name in ("a/x.pdf", "a/b/y.pdf", "a/.hidden/z.pdf", "a/b/c/w.txt", "a/[1].pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = {str(Path(p).relative_to(tmp_path)) for p in safe_glob(f"{tmp_path}/a/**/*.pdf")}
    assert found == {"a/x.pdf", "a/b/y.pdf", "a/[1].pdf"}
    assert {Path(p).name for p in safe_glob(f"{tmp_path}/a/**/[!x].pdf")} == {"y.pdf"}
    assert {Path(p).name for p in safe_glob(f"{tmp_path}/a/b/**")} >= {"y.pdf", "c", "w.txt"}


def test_special_files_in_an_ingested_folder_are_reported(tmp_path: Path) -> None:
    from vbdieuhanh.archive.batch import process

    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.pdf")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "ok.txt").write_text(LETTER, encoding="utf-8")
    with deadline(30):
        results = {Path(i.name).name: process(i, lambda _: False) for i in iter_items([str(folder)])}
    assert results["pipe.pdf"].error is not None and results["pipe.pdf"].error.startswith("not_regular_file:")
    assert results["zero.txt"].error is not None and "character device" in results["zero.txt"].error
    assert results["ok.txt"].error is None and results["ok.txt"].prepared is not None


# --- sizes --------------------------------------------------------------------------------------


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_a_1_gb_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = _sparse(tmp_path / "big.txt", 1_100_000_000)
    started = time.monotonic()
    with pytest.raises(FileTooLargeError, match=r"1,100 MB is over the 210 MB limit \(max_bytes\)") as raised:
        read_file(big)
    assert raised.value.code == "too_large"
    with pytest.raises(FileTooLargeError, match="max_bytes"):
        Item(str(big)).digest()
    assert time.monotonic() - started < 5


def test_text_has_its_own_smaller_limit(tmp_path: Path) -> None:
    text = _sparse(tmp_path / "long.txt", 40_000_000)
    with pytest.raises(FileTooLargeError, match="max_text_bytes"):
        read_file(text)
    with use_limits(max_text_bytes=100_000_000), pytest.raises(VbdhError, match="binary content"):
        read_file(text)  # zeros: then refused as not text, having been allowed in


def test_limits_from_the_environment_and_per_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert Limits.from_env({"VBDH_MAX_PAGES": "50", "VBDH_OCR_TIMEOUT": "2.5"}).max_pages == 50
    assert Limits.from_env({"VBDH_OCR_TIMEOUT": "2.5"}).ocr_timeout == 2.5
    with pytest.raises(ValueError, match="VBDH_MAX_BYTES must be a number"):
        Limits.from_env({"VBDH_MAX_BYTES": "lots"})
    path = tmp_path / "a.txt"
    path.write_text(LETTER * 10, encoding="utf-8")
    monkeypatch.setenv("VBDH_MAX_BYTES", "100")
    assert current().max_bytes == 100
    with pytest.raises(FileTooLargeError, match="limit"):
        read_file(path)
    assert read_file(path, limits=Limits(max_bytes=10_000)).lines
    with use_limits(max_bytes=10_000):
        assert vbdieuhanh.parse_file(path).number_symbol == "12/UBND-VX"


def test_ingest_hashes_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    data = os.urandom(3 * inputs.CHUNK + 17)
    path.write_bytes(data)
    reads: list[int] = []
    real_fdopen = os.fdopen

    class Spy(io.BufferedReader):
        def read(self, size: int | None = -1) -> bytes:
            reads.append(-1 if size is None else size)
            return super().read(size)

    def fdopen(fd: int, mode: str = "rb") -> io.BufferedReader:
        return Spy(real_fdopen(fd, "rb", buffering=0))  # type: ignore[arg-type]

    monkeypatch.setattr(inputs.os, "fdopen", fdopen)
    assert Item(str(path)).digest() == hashlib.sha256(data).hexdigest()
    assert reads and all(0 < size <= inputs.CHUNK for size in reads)


# --- zip files given to ingest ------------------------------------------------------------------


def _zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": made on purpose
                archive.writestr(name, data)
    return path


def test_a_zip_is_opened_once_for_all_its_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _zip(tmp_path / "many.zip", [(f"d/{i:03d}.txt", LETTER.encode() + bytes([i])) for i in range(60)])
    inputs._open_zips.clear()
    opened: list[object] = []
    real = zipfile.ZipFile

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            opened.append(args[0])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(inputs.zipfile, "ZipFile", Counting)
    items = list(iter_items([str(path)]))
    digests = {item.digest() for item in items}
    assert len(items) == len(digests) == 60
    assert items[5].parse().number_symbol == "12/UBND-VX"
    assert len(opened) == 1


def test_zip_member_sizes_are_checked_before_reading(tmp_path: Path) -> None:
    path = _zip(tmp_path / "big.zip", [("small.txt", LETTER.encode()), ("big.txt", b"0" * 50_000)])
    with use_limits(max_bytes=10_000):
        items = {i.member: i for i in iter_items([str(path)])}
        assert items["big.txt"].error == "too_large: 50,000 bytes is over the 10,000 bytes limit (max_bytes)"
        assert items["small.txt"].error is None
        by_hand = Item(str(path), "big.txt")
        with pytest.raises(FileTooLargeError):
            by_hand.digest()


def test_duplicate_and_climbing_member_names_are_reported(tmp_path: Path) -> None:
    members = [
        ("a.txt", LETTER.encode()),
        ("a.txt", b"another letter"),
        ("..\\x.txt", b"escape"),
        ("../y.txt", b"escape"),
        ("/etc/z.txt", b"absolute"),
        ("C:/w.txt", b"drive"),
    ]
    path = _zip(tmp_path / "odd.zip", members)
    items = list(iter_items([str(path)]))
    errors = [(i.member, (i.error or "").split(":")[0]) for i in items]
    assert errors == [
        ("a.txt", ""),
        ("a.txt", "duplicate_member"),
        ("..\\x.txt", "unsafe_name"),
        ("../y.txt", "unsafe_name"),
        ("/etc/z.txt", "unsafe_name"),
        ("C:/w.txt", "unsafe_name"),
    ]
    assert items[0].read() == LETTER.encode()


def test_nested_zips_are_read_to_a_bounded_depth(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("letter.txt", LETTER)
    deeper = io.BytesIO()
    with zipfile.ZipFile(deeper, "w") as archive:
        archive.writestr("inner.zip", inner.getvalue())
    path = _zip(tmp_path / "outer.zip", [("inner.zip", inner.getvalue()), ("deeper.zip", deeper.getvalue())])
    items = list(iter_items([str(path)]))
    assert [(i.member, i.error) for i in items] == [
        ("inner.zip!letter.txt", None),
        (
            "deeper.zip!inner.zip",
            "unsupported_format: a zip inside 2 zip(s) is not read (limit max_zip_depth=2)",
        ),
    ]
    document = items[0].parse()
    assert document.number_symbol == "12/UBND-VX"
    assert document.file == f"{path}!inner.zip!letter.txt"
    with use_limits(max_zip_depth=3):
        assert [i.member for i in iter_items([str(path)])][-1] == "deeper.zip!inner.zip!letter.txt"


MEMBERS = 100_000
_LIST_IN_A_CHILD = """
import re, sys, time
from vbdieuhanh.archive.inputs import iter_items

def peak():  # this process's (ru_maxrss counts the parent's too: it survives exec)
    return int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))

before = peak()
started = time.monotonic()
sample = [item for index, item in enumerate(iter_items([sys.argv[1]])) if index % 100 == 0]
listed = time.monotonic() - started
started = time.monotonic()
digests = {item.digest() for item in sample if item.error is None}
grown = peak() - before
print(len(sample), len(digests), listed, time.monotonic() - started, grown // 1024, sample[0].error)
"""


@pytest.fixture(scope="module")
def big_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100,000 empty letters after 160 MB of nothing (a sparse file: no disk, no time to write)."""
    path = tmp_path_factory.mktemp("zip") / "many.zip"
    with path.open("wb") as handle:
        handle.truncate(160 << 20)
        handle.seek(160 << 20)
        with zipfile.ZipFile(handle, "w") as archive:
            for index in range(MEMBERS):
                archive.writestr(zipfile.ZipInfo(f"d/{index:06d}.txt"), b"")
    return path


def _list_in_a_child(path: Path, **env: str) -> tuple[int, str, int, float, float, int]:
    """List the zip's members in a new process; digest every 100th: what it took (seconds, MB)."""
    done = subprocess.run(
        [sys.executable, "-c", _LIST_IN_A_CHILD, str(path)],
        capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1]), **env},
    )  # fmt: skip
    sampled, digests, listed, digested, megabytes, error = done.stdout.split(maxsplit=5)
    return int(sampled), error.strip(), int(digests), float(listed), float(digested), int(megabytes)


def test_a_zip_of_100000_members_is_listed_in_bounded_memory(big_zip: Path) -> None:
    """Members are listed from zipfile's directory, one item at a time; a zip is opened once per
    process: reading the 170 MB zip into memory, or opening it again per member, fails here."""
    sampled, _, digests, listed, digested, megabytes = _list_in_a_child(big_zip)
    assert sampled == MEMBERS // 100 and digests == 1  # all empty: one digest
    assert megabytes < 120, f"{megabytes} MB"
    assert listed < 30 and digested < 20, (listed, digested)


def test_a_zip_over_the_member_limit_is_refused_before_it_is_listed(big_zip: Path) -> None:
    sampled, error, digests, _, _, megabytes = _list_in_a_child(big_zip, VBDH_MAX_ZIP_MEMBERS="50000")
    assert (sampled, error, digests) == (1, "too_large: more than 50,000 members (limit max_zip_members)", 0)
    assert megabytes < 15, f"{megabytes} MB"  # zipfile's objects for 100,000 members: some 60 MB


_INGEST_IN_A_CHILD = """
import re, resource, sys, time
from vbdieuhanh.archive.ingest import ingest

if __name__ == "__main__":
    started = time.monotonic()
    report = ingest([sys.argv[1]], sys.argv[2], workers=2, progress=False)
    status = open("/proc/self/status").read()
    parent = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) // 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(report.seen, report.failed, time.monotonic() - started, parent, workers, report.failures[0][1])
"""


@pytest.mark.slow
def test_a_zip_of_100000_empty_members_is_ingested_in_bounded_memory(big_zip: Path, tmp_path: Path) -> None:
    """Each member is a failure in the log ('empty'); the run ends, its memory flat (48 s here)."""
    done = subprocess.run(
        [sys.executable, "-c", _INGEST_IN_A_CHILD, str(big_zip), str(tmp_path / "vb.db")],
        capture_output=True, text=True, timeout=600, check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )  # fmt: skip
    seen, failed, seconds, parent, workers, failure = done.stdout.split(maxsplit=5)
    assert int(seen) == int(failed) == MEMBERS
    assert failure.strip() == "empty: the file is empty (0 bytes)"
    assert int(parent) < 250 and int(workers) < 250, (parent, workers)
    assert float(seconds) < 300


# --- DOCX ---------------------------------------------------------------------------------------


def _docx_with(tmp_path: Path, name: str, replace: dict[str, bytes], add: dict[str, bytes] = {}) -> Path:  # noqa: B006
    out = tmp_path / name
    with zipfile.ZipFile(GOOD_DOCX) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for part, data in add.items():
            target.writestr(part, data)
    return out


def test_a_docx_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    out = _docx_with(tmp_path, "bomb.docx", {})
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/bomb.bin", "w") as part,
    ):
        zeros = bytes(1 << 20)
        for _ in range(140):  # 140 MB of zeros: about 140 KB in the file
            part.write(zeros)
    assert out.stat().st_size < 2_000_000
    started = time.monotonic()
    with pytest.raises(FileTooLargeError, match=r"'word/media/bomb.bin' inflates to 147 MB.*max_part_bytes"):
        read_file(out)
    limits = Limits(max_part_bytes=1 << 30, max_unzipped_bytes=100_000_000)
    with pytest.raises(FileTooLargeError, match="max_unzipped_bytes"):
        read_file(out, limits=limits)
    assert time.monotonic() - started < 5


def _numbering_docx(tmp_path: Path, name: str, start: str, fmt: str, extra: str = "") -> Path:
    document = docx.Document()
    for index in range(3):
        paragraph = document.add_paragraph(f"Nhiệm vụ {index}", style="List Number")
        paragraph.paragraph_format.space_after = None
    numbering = document.part.numbering_part.element
    ns = numbering.nsmap["w"]
    for lvl in numbering.iter(f"{{{ns}}}lvl"):
        for child, value in (("start", start), ("numFmt", fmt)):
            element = lvl.find(f"{{{ns}}}{child}")
            if element is not None:
                element.set(f"{{{ns}}}val", value)
        if extra:
            lvl.set(f"{{{ns}}}ilvl", extra)
    path = tmp_path / name
    document.save(path)
    return path


@pytest.mark.parametrize("fmt", ["decimal", "upperRoman", "lowerLetter"])
@pytest.mark.parametrize("start", ["999999999999", "²", "x", "9" * 5000, "-5", "1.5", ""])
def test_absurd_list_numbering_is_clamped(tmp_path: Path, start: str, fmt: str) -> None:
    path = _numbering_docx(tmp_path, "list.docx", start, fmt, extra="²" if start == "²" else "")
    lines = [line.text for line in read_docx(path).lines if line.text.strip()]
    assert len(lines) == 3
    label = lines[0].split(" ")[0]
    assert len(label) <= 25, label
    if start == "999999999999" and fmt == "decimal":
        assert lines == ["32767. Nhiệm vụ 0", "32768. Nhiệm vụ 1", "32769. Nhiệm vụ 2"]


def test_non_integer_sizes_and_spacing_are_ignored(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Số: 12/UBND-VX")
    path = tmp_path / "sizes.docx"
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    xml = xml.replace(
        "<w:p>", '<w:p><w:pPr><w:spacing w:before="²" w:after="9999999999999"/></w:pPr>', 1
    ).replace("<w:r>", '<w:r><w:rPr><w:sz w:val="²"/></w:rPr>', 1)
    bad = _docx_with_part(path, tmp_path / "bad.docx", "word/document.xml", xml.encode())
    assert [line.text for line in read_docx(bad).lines if line.text] == ["Số: 12/UBND-VX"]


def _docx_with_part(source: Path, out: Path, part: str, data: bytes, content_type: str | None = None) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            blob = data if info.filename == part else old.read(info.filename)
            if info.filename == "[Content_Types].xml" and content_type is not None:
                blob = re.sub(
                    rb'(PartName="/' + part.encode() + rb'" ContentType=")[^"]*',
                    rb"\g<1>" + content_type.encode(),
                    blob,
                )
            new.writestr(info.filename, blob)
    return out


@pytest.mark.parametrize("content_type", [None, "application/xml"])
def test_xml_errors_in_the_numbering_part_are_typed(tmp_path: Path, content_type: str | None) -> None:
    path = _numbering_docx(tmp_path, "list.docx", "1", "decimal")
    bad = _docx_with_part(
        path, tmp_path / "bad.docx", "word/numbering.xml", b"<w:numbering><w:num", content_type
    )
    with pytest.raises(CorruptFileError, match="damaged Word package") as raised:
        read_file(bad)
    one_line(raised.value, bad)


def test_entities_in_a_generic_part_are_not_expanded(tmp_path: Path) -> None:
    path = _numbering_docx(tmp_path, "list.docx", "1", "decimal")
    laughs = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    laughs += b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(9)
    )
    laughs += b']><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&j;</w:numbering>'
    bad = _docx_with_part(path, tmp_path / "laughs.docx", "word/numbering.xml", laughs, "application/xml")
    with deadline(20):
        try:
            lines = [line.text for line in read_file(bad).lines if line.text]
        except VbdhError as error:
            one_line(error, bad)
        else:
            assert lines == ["Nhiệm vụ 0", "Nhiệm vụ 1", "Nhiệm vụ 2"]


def test_a_symbol_that_is_a_lone_surrogate_is_replaced(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Số: 12/UBND-VX")
    path = tmp_path / "sym.docx"
    document.save(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    xml = xml.replace("</w:r>", '<w:sym w:font="Symbol" w:char="D800"/></w:r>', 1)
    bad = _docx_with_part(path, tmp_path / "bad.docx", "word/document.xml", xml.encode())
    text = read_file(bad).lines[0].text
    assert text == "Số: 12/UBND-VX\ufffd"
    text.encode("utf-8")


# --- PDF and OCR --------------------------------------------------------------------------------


def _pdf(path: Path, pages: int) -> Path:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(0, 10, f"Trang so {number} cua van ban nay")
    pdf.output(str(path))
    return path


def test_only_the_first_pages_are_read_with_a_note(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "long.pdf", 12)
    with use_limits(max_pages=5):
        layout = read_pdf(path, ocr="never")
    assert layout.pages == 12
    assert {line.page for line in layout.lines if line.text} == {1, 2, 3, 4, 5}
    notes = [note for note in layout.notes if note.code == "pages_limited"]
    assert notes and "only the first 5 were read (limit max_pages)" in notes[0].message


def test_a_huge_page_is_rendered_at_a_bounded_size(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    from vbdieuhanh.readers.ocr import _render

    assert render_dpi(595, 842) == 300
    assert render_dpi(842, 1191) == 200
    dpi = render_dpi(14400, 14400)
    assert dpi <= 30 and (14400 * dpi / 72) ** 2 <= current().max_render_pixels
    assert render_dpi(14400, 10) * 14400 / 72 <= 30_000  # a long strip: bounded on its long side
    document = pdfium.PdfDocument.new()
    document.new_page(14400, 14400)
    page = document[0]
    image, used = _render(page)
    width, height = (int(v) for v in image.split(b"\n")[1].split())
    assert used == dpi and width * height <= current().max_render_pixels


def _fake_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "tesseract"
    script.write_text(
        '#!/bin/sh\nif [ "$1" = "--list-langs" ]; then printf "List of languages:\\nvie\\n"; exit 0; fi\n'
        "cat >/dev/null\n" + body + "\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")


TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def test_a_hanging_tesseract_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    _fake_tesseract(tmp_path, monkeypatch, "sleep 30")
    image = tmp_path / "page.png"
    Image.new("L", (200, 280), 255).save(image)
    started = time.monotonic()
    with (
        use_limits(ocr_timeout=0.5),
        pytest.raises(TimeLimitError, match=r"within 0\.5 s \(limit ocr_timeout\)"),
    ):
        read_image(image)
    assert time.monotonic() - started < 10


REAL_DOC = Path(__file__).parent / "data" / "real" / "cantho_QD-09-2010-QD-UBND.doc"


def _processes_with(text: str) -> list[int]:
    """Live processes whose command line holds ``text`` (a zombie's is empty)."""
    found = []
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
    return found


def _long_rtf(path: Path) -> Path:
    """An RTF table of 10,000 rows: LibreOffice converts it in minutes."""
    rows = b"".join(
        rb"\trowd\cellx3000\cellx6000\intbl C\'f4ng v\'e4n %d\cell %d\cell\row" % (i, i)
        for i in range(10_000)
    )
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Times New Roman;}}\f0 " + rows + b"}")
    return path


@pytest.mark.libreoffice
@pytest.mark.skipif(
    not Path("/usr/bin/soffice").exists(), reason="LibreOffice is not installed (/usr/bin/soffice)"
)
@pytest.mark.parametrize(("name", "timeout"), [("old.doc", 0.5), ("long.rtf", 1.0)])
def test_a_real_libreoffice_is_stopped_with_its_whole_process_tree(
    tmp_path: Path, name: str, timeout: float
) -> None:
    """The kill of LibreOffice's process group, met with the real soffice script and soffice.bin: on a
    real .doc while it starts, on a long RTF while it converts (killing only the script would wait
    for soffice.bin, which holds the pipes, to finish)."""
    from vbdieuhanh.readers import legacy

    path = tmp_path / name
    if name.endswith(".doc"):
        path.write_bytes(REAL_DOC.read_bytes())
    else:
        _long_rtf(path)
    profile = legacy._profile_dir().as_uri()  # on the command line of each of its processes
    seen: list[int] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            seen.extend(pid for pid in _processes_with(profile) if pid not in seen)
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.monotonic()
    try:
        with pytest.raises(
            TimeLimitError, match=rf"within {timeout:g} s \(limit convert_timeout\)"
        ) as raised:
            read_file(path, limits=Limits(convert_timeout=timeout))
    finally:
        stop.set()
        watcher.join()
    assert time.monotonic() - started < 10
    one_line(raised.value, path)
    assert len(seen) >= 2, seen  # the soffice script and the program it started
    assert _processes_with(profile) == []


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 10))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("side", [11_000, 100_000])
def test_image_decompression_bombs_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, side: int
) -> None:
    _fake_tesseract(tmp_path, monkeypatch, f'echo "{TSV_HEADER}"')
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_header(side, side))
    with deadline(20), pytest.raises(FileTooLargeError) as raised:
        read_file(bomb)
    one_line(raised.value, bomb)


def test_a_tiff_of_many_frames_is_read_to_the_page_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    _fake_tesseract(tmp_path, monkeypatch, f'echo "{TSV_HEADER}"')
    frames = [Image.new("L", (40, 56), 255) for _ in range(150)]
    tiff = tmp_path / "many.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:])
    with use_limits(max_ocr_pages=7):
        layout = read_image(tiff)
    assert layout.pages == 7
    assert any(note.code == "ocr_pages_limited" and "150 frames" in note.message for note in layout.notes)


# --- text and HTML ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + LETTER.encode() + b"\xff\xfe\xc3(",
        b"\xff\xfe" + LETTER.encode("utf-16-le") + b"\x00\xd8A",  # a lone surrogate, then an odd byte
    ],
)
def test_a_bom_followed_by_invalid_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    layout = read_file(path)
    assert [note.code for note in layout.notes] == ["invalid_bytes"]
    text = "\n".join(line.text for line in layout.lines)
    assert "\ufffd" in text and "Số: 12/UBND-VX" in text
    text.encode("utf-8")


@pytest.mark.parametrize("charset", ["undefined", "base64", "x-no-such-charset", "utf-7"])
def test_html_with_an_unusable_charset(tmp_path: Path, charset: str) -> None:
    body = "<p>UBND TỈNH LAI CHÂU</p><p>Số: 12/UBND-VX</p><p>&#xD800;x</p>"
    path = tmp_path / "page.html"
    path.write_bytes(f'<html><head><meta charset="{charset}"></head><body>{body}</body></html>'.encode())
    layout = read_file(path)
    texts = [line.text for line in layout.lines if line.text]
    assert "Số: 12/UBND-VX" in texts or charset == "utf-7"
    "\n".join(texts).encode("utf-8")
    if charset != "utf-7":
        assert any(note.code == "charset_ignored" for note in layout.notes)


def test_scrub_and_one_line_errors() -> None:
    assert scrub("a\ud800b\udfff") == "a\ufffdb\ufffd"
    assert scrub("Số") == "Số"
    error = UnreadableFileError("bad\nname\u202e.txt", "no such file")
    assert str(error) == "bad\\nname\\u202e.txt: no such file"
