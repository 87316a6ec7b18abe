"""Inflate bombs in a PDF, found before pdfium inflates a stream whole.

pdfium inflates a page's content stream whole into memory (twice over while it grows it): a 510 KB
file whose content stream is 500 MB of zeros takes it 5 s and 1 GB, a 3 MB one 20 s and 4 GB. Every
stream of the file that holds Flate data (a zlib header after the ``stream`` keyword, through
nested Flate layers) is inflated here in small pieces, counting bytes and keeping none, up to the
limits ``Limits.max_stream_bytes`` (one stream) and ``Limits.max_inflated_bytes`` (all of them).
The file is read a block at a time, never whole.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from ..errors import FileTooLargeError
from .limits import Limits, current, megabytes

_STREAM_RE = re.compile(rb"stream(?:\r\n|\n|\r)")  # "endstream" too: no zlib data follows it
SCAN_CHUNK = 1 << 22  # bytes searched for the stream keyword at a time
KEYWORD = len(b"stream\r\n")
RAW_CHUNK = 1 << 16  # compressed bytes fed to zlib at a time
OUT_CHUNK = 1 << 20  # inflated bytes zlib may return at a time
MAX_LAYERS = 64  # Flate inside Flate: layers inflated in turn


def _is_zlib(head: bytes) -> bool:
    """Two bytes that begin zlib data: method 8 (deflate) and a header checksum."""
    return len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0


def _stream_starts(handle: BinaryIO) -> Iterator[int]:
    """The offsets just after each ``stream`` keyword and its end of line, read a block at a time."""
    offset = 0  # of data[0] in the file
    data = b""
    while True:
        block = handle.read(SCAN_CHUNK)
        data += block
        # a match in the last bytes may be cut short: it is found again with the next block
        end = max(0, len(data) - KEYWORD) if block else len(data)
        for found in _STREAM_RE.finditer(data):
            if found.start() < end:
                yield offset + found.end()
        if not block:
            return
        offset += end
        data = data[end:]


def _raw(handle: BinaryIO, start: int) -> Iterator[bytes]:
    """The bytes of the file from ``start`` on, in pieces."""
    handle.seek(start)
    while piece := handle.read(RAW_CHUNK):
        yield piece


def _inflate(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """The inflated bytes of zlib data, in pieces of at most ``OUT_CHUNK``; ends at the end of the
    data or at the first error (pdfium keeps what it inflated before an error too)."""
    inflater = zlib.decompressobj()
    for piece in pieces:
        pending = piece
        while pending:
            try:
                out = inflater.decompress(pending, OUT_CHUNK)
            except zlib.error:
                return
            pending = inflater.unconsumed_tail
            if out:
                yield out
            if inflater.eof:
                return


def _layers(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """Inflate while what comes out is zlib data itself (pdfium inflates 40 nested layers and more)."""
    for _ in range(MAX_LAYERS):
        taken: list[bytes] = []
        head = b""
        for piece in pieces:  # the first two bytes, though a piece may hold one
            taken.append(piece)
            head += piece[:2]
            if len(head) >= 2:
                break
        pieces = chain(taken, pieces)
        if not _is_zlib(head):
            break
        pieces = _inflate(pieces)
    return pieces


def check_streams(path: Path, limits: Limits | None = None) -> None:
    """Refuse a PDF with a stream that inflates past ``max_stream_bytes``, or streams that together
    inflate past ``max_inflated_bytes``; stop counting at the limit, so the check ends quickly."""
    limits = limits or current()
    name = str(path)
    total = 0
    with path.open("rb") as scan, path.open("rb") as handle:
        for start in _stream_starts(scan):
            handle.seek(start)
            if not _is_zlib(handle.read(2)):
                continue
            size = 0
            for piece in _layers(_raw(handle, start)):
                size += len(piece)
                if size > limits.max_stream_bytes:
                    raise FileTooLargeError(
                        name,
                        f"the stream at byte {start:,} inflates to more than "
                        f"{megabytes(limits.max_stream_bytes)} (limit max_stream_bytes): an inflate bomb?",
                    )
                if total + size > limits.max_inflated_bytes:
                    raise FileTooLargeError(
                        name,
                        f"the streams of the PDF inflate to more than {megabytes(limits.max_inflated_bytes)} "
                        "(limit max_inflated_bytes): an inflate bomb?",
                    )
            total += size
