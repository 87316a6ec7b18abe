"""The decoding filters of PDF streams, run on pieces of data so that no stream is held whole.

Each decoder takes the encoded bytes in pieces and yields the decoded bytes in pieces of at most
about ``OUT_CHUNK``; it ends at the end of its data or at the first error, as pdfium keeps what it
decoded before an error. Image filters (DCT, JPX, CCITT, JBIG2) and unknown ones end a chain: their
input is what is counted.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Callable, Iterator

OUT_CHUNK = 1 << 20  # decoded bytes a decoder may yield at a time
_SPACE_RE = re.compile(rb"[\0\t\n\f\r ]+")


def inflate(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """FlateDecode."""
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


def lzw(pieces: Iterator[bytes], early: int = 1) -> Iterator[bytes]:
    """LZWDecode: 9- to 12-bit codes, each a string one byte longer than an earlier one, so that a
    few bytes of codes can stand for hundreds of times as many."""
    table: list[bytes] = [bytes([i]) for i in range(256)] + [b"", b""]
    width, bits, count, previous = 9, 0, 0, b""
    out: list[bytes] = []
    size = 0
    for piece in pieces:
        for byte in piece:
            bits = bits << 8 | byte
            count += 8
            if count < width:
                continue
            count -= width
            code = bits >> count
            bits &= (1 << count) - 1
            if code == 256:
                del table[258:]
                width, previous = 9, b""
                continue
            if code == 257:
                yield b"".join(out)
                return
            if code < len(table):
                entry = table[code]
            elif code == len(table) and previous:
                entry = previous + previous[:1]
            else:  # a code not yet in the table: the data is damaged
                yield b"".join(out)
                return
            if previous and len(table) < 4096:
                table.append(previous + entry[:1])
            if len(table) + early >= 1 << width and width < 12:
                width += 1
            previous = entry
            out.append(entry)
            size += len(entry)
            if size >= OUT_CHUNK:
                yield b"".join(out)
                out, size = [], 0
    yield b"".join(out)


def run_length(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """RunLengthDecode: a length byte, then that many bytes plus one, or one byte repeated."""
    pending = b""
    for piece in pieces:
        data = pending + piece
        out: list[bytes] = []
        at = 0
        while at < len(data):
            length = data[at]
            if length == 128:
                yield b"".join(out)
                return
            need = length + 2 if length < 128 else 2
            if at + need > len(data):
                break
            out.append(data[at + 1 : at + need] if length < 128 else data[at + 1 : at + 2] * (257 - length))
            at += need
        pending = data[at:]
        yield b"".join(out)


def ascii85(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """ASCII85Decode, up to ``~>``."""
    pending = b""
    for piece in pieces:
        data = pending + _SPACE_RE.sub(b"", piece).replace(b"z", b"!!!!!")
        end = data.find(b"~")
        whole = data[:end] if end >= 0 else data[: len(data) - len(data) % 5]
        try:
            yield base64.a85decode(whole)
        except ValueError:
            return
        if end >= 0:
            return
        pending = data[len(whole) :]
    if pending:
        try:
            yield base64.a85decode(pending)
        except ValueError:
            return


def ascii_hex(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """ASCIIHexDecode, up to ``>``."""
    pending = b""
    for piece in pieces:
        data = pending + _SPACE_RE.sub(b"", piece)
        end = data.find(b">")
        whole = data[:end] if end >= 0 else data[: len(data) - len(data) % 2]
        try:
            yield bytes.fromhex((whole + b"0" if len(whole) % 2 else whole).decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            return
        if end >= 0:
            return
        pending = data[len(whole) :]


_DECODERS: dict[str, Callable[[Iterator[bytes]], Iterator[bytes]]] = {
    "FlateDecode": inflate,
    "Fl": inflate,
    "LZWDecode": lzw,
    "LZW": lzw,
    "RunLengthDecode": run_length,
    "RL": run_length,
    "ASCII85Decode": ascii85,
    "A85": ascii85,
    "ASCIIHexDecode": ascii_hex,
    "AHx": ascii_hex,
}
NON_FLATE = frozenset(_DECODERS) - {"FlateDecode", "Fl"}


def decode(pieces: Iterator[bytes], filters: list[str], early_change: int = 1) -> Iterator[bytes]:
    """The bytes of a stream through its filters, in order, up to the first image or unknown one."""
    for name in filters:
        if name in ("LZWDecode", "LZW"):
            pieces = lzw(pieces, early_change)
        elif name in _DECODERS:
            pieces = _DECODERS[name](pieces)
        else:
            break
    return pieces
