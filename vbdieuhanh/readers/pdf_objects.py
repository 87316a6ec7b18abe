"""The objects of a PDF read from its bytes, without pdfium: enough to see what pdfium would parse.

The file is mapped, not read. Objects are found by their ``N G obj`` headers (as pdfium rebuilds a
broken cross-reference table) and in object streams; a later definition replaces an earlier one.
An object is parsed only when it is asked for; a value that cannot be parsed is ``None``.
"""

from __future__ import annotations

import mmap
import re
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import NamedTuple, cast

from ..errors import FileTooLargeError
from . import pdf_filters

_WHITE = rb"\0\t\n\f\r "
_REGULAR = rb"[^\0\t\n\f\r ()<>\[\]{}/%]"
_OBJ_RE = re.compile(rb"obj(?!" + _REGULAR + rb")")  # a literal first: searched fast
_HEADER_RE = re.compile(rb"(?<![0-9])(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+\Z")
_TOKEN_RE = re.compile(
    rb"(?:[\0\t\n\f\r ]|%[^\r\n]*)*(?:(<<|>>|\[|\]|\(|<[0-9A-Fa-f\0\t\n\f\r ]*>)|/("
    + _REGULAR
    + rb"*)|([+-]?(?:\d+\.?\d*|\.\d+))(?!"
    + _REGULAR
    + rb")|("
    + _REGULAR
    + rb"+))"
)
_STRING_RE = re.compile(rb"\\.|[()]", re.S)
_STREAM_RE = re.compile(rb"[\0\t\n\f\r ]*stream(?:\r\n|\n|\r)")
_NAME_ESCAPE_RE = re.compile(rb"#([0-9A-Fa-f]{2})")
_OBJSTM_RE = re.compile(rb"/Type[\0\t\n\f\r ]*/ObjStm(?!" + _REGULAR + rb")")
PAGE_RE = re.compile(rb"/Type[\0\t\n\f\r ]*/Page(?!" + _REGULAR + rb")")
MAX_NESTING = 256  # arrays and dictionaries inside each other
PARSE_BUDGET = 4  # times the file (and its object streams) that the objects parsed may span
MAX_TOKENS = 1_000_000  # in one object: more is refused (a page listing 333,333 content streams)


class _TooManyTokens(Exception):
    """An object of more than ``MAX_TOKENS`` tokens."""


class Ref(NamedTuple):
    number: int
    generation: int


class Name(str):
    """A PDF name, without its slash."""


Value = object  # int, float, bool, None, Name, bytes (a string), Ref, list, dict[str, Value]


class Stream(NamedTuple):
    """A stream object: its dictionary and where its data begins and ends in the file."""

    dictionary: dict[str, Value]
    start: int
    end: int


def parse(data: bytes | mmap.mmap, at: int) -> tuple[Value, int]:
    """The object that begins at ``at`` and where it ends; ``None`` when it cannot be parsed. Raise
    ``_TooManyTokens`` past ``MAX_TOKENS``."""
    stack: list[list[Value]] = [[]]
    kinds: list[bytes] = []
    tokens = 0
    while tokens < MAX_TOKENS:
        tokens += 1
        found = _TOKEN_RE.match(data, at)
        if found is None:
            return None, at
        at = found.end()
        delimiter, name, number, word = found.groups()
        top = stack[-1]
        if delimiter in (b"<<", b"["):
            if len(stack) > MAX_NESTING:
                return None, at
            stack.append([])
            kinds.append(delimiter)
            continue
        if delimiter in (b">>", b"]"):
            if not kinds or (kinds.pop() == b"<<") != (delimiter == b">>"):
                return None, at
            items = stack.pop()
            value: Value = items if delimiter == b"]" else _dictionary(items)
        elif delimiter == b"(":
            value, at = _string(data, at)
        elif delimiter is not None:
            value = bytes.fromhex(_white(delimiter[1:-1]) + ("0" if len(_white(delimiter[1:-1])) % 2 else ""))
        elif name is not None:
            value = Name(_NAME_ESCAPE_RE.sub(lambda m: bytes([int(m.group(1), 16)]), name).decode("latin-1"))
        elif number is not None:
            value = float(number) if b"." in number else int(number)
        elif word == b"R" and len(top) >= 2 and type(top[-1]) is int and type(top[-2]) is int:
            generation, number_ = top.pop(), top.pop()
            value = Ref(cast(int, number_), cast(int, generation))
        else:
            value = {b"true": True, b"false": False}.get(word or b"")
            if word not in (b"true", b"false", b"null") and not kinds:
                return None, at  # a keyword (endobj, stream) before any value
        stack[-1].append(value)
        if not kinds:
            return stack[0][0], at
    raise _TooManyTokens


def _white(hexdigits: bytes) -> str:
    return re.sub(rb"[\0\t\n\f\r ]", b"", hexdigits).decode("ascii")


def _string(data: bytes | mmap.mmap, at: int) -> tuple[bytes, int]:
    """A literal string whose ``(`` ends before ``at``, and its end. Its bytes are not kept (nothing
    here reads them): an empty string."""
    depth = 1
    for found in _STRING_RE.finditer(data, at):
        token = found.group()
        if token == b"(":
            depth += 1
        elif token == b")":
            depth -= 1
            if depth == 0:
                return b"", found.end()
    return b"", len(data)


def _dictionary(items: list[Value]) -> dict[str, Value]:
    """Keys and values in turn; a key that is not a name is skipped with its value."""
    return {key: value for key, value in zip(items[::2], items[1::2], strict=False) if isinstance(key, Name)}


class Objects:
    """The objects of a PDF file, found by their headers and in object streams."""

    def __init__(self, path: Path, max_stream_bytes: int) -> None:
        self.name = str(path)
        self._file = path.open("rb")
        size = self._file.seek(0, 2)
        self.data: bytes | mmap.mmap = (
            mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        )
        self._max_stream_bytes = max_stream_bytes
        self._headers: list[int] = []  # the offsets of every object header, in order
        self._where: dict[int, int] = {}  # object number: offset after its header
        self._packed: dict[int, tuple[bytes, int]] = {}  # object number: its object stream, offset
        self._unpacked: list[tuple[bytes, list[int], list[int]]] = []  # data, offsets, object numbers
        self._cache: dict[int, tuple[Value, int]] = {}  # object number: the object, where it ends
        # bytes the objects parsed may span: each object once, unless objects overlap (headers inside
        # a long string or array, each parsed to its end: quadratic, so bounded)
        self._budget = PARSE_BUDGET * size + (1 << 24)
        for keyword in _OBJ_RE.finditer(self.data):
            head = self.data[max(0, keyword.start() - 32) : keyword.start()]
            found = _HEADER_RE.search(head)
            if found is not None:
                self._headers.append(keyword.start())
                self._where[int(found.group(1))] = keyword.end()
        self._unpacked_all = False  # object streams are decoded when first needed

    def __enter__(self) -> Objects:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if isinstance(self.data, mmap.mmap):
            self.data.close()
        self._file.close()

    def header_before(self, offset: int) -> int | None:
        """The object number whose header is the last one before ``offset``."""
        index = bisect_right(self._headers, offset) - 1
        if index < 0:
            return None
        at = self._headers[index]
        found = _HEADER_RE.search(self.data[max(0, at - 32) : at])
        return int(found.group(1)) if found else None

    def _unpack(self, number: int | None) -> None:
        """Index the objects of the object stream ``number`` (those not defined later in the file)."""
        stream = self.stream_of(Ref(number, 0)) if number is not None else None
        if stream is None or stream.dictionary.get("Type") != "ObjStm":
            return
        first, count = stream.dictionary.get("First"), stream.dictionary.get("N")
        if not isinstance(first, int) or not isinstance(count, int):
            return
        data = b"".join(self.decoded(stream))
        pairs = re.findall(rb"\d+", data[:first])
        position = self._where.get(number, 0) if number is not None else 0
        numbers: list[int] = []
        offsets: list[int] = []
        for object_number, offset in zip(pairs[: 2 * count : 2], pairs[1 : 2 * count : 2], strict=False):
            key = int(object_number)
            numbers.append(key)
            offsets.append(first + int(offset))
            if self._where.get(key, -1) < position and key not in self._packed:
                self._where.pop(key, None)
                self._packed[key] = (data, offsets[-1])
        self._unpacked.append((data, offsets, numbers))
        self._budget += PARSE_BUDGET * len(data)

    def _unpack_all(self) -> None:
        """Index the objects of every object stream, once."""
        if not self._unpacked_all:
            self._unpacked_all = True
            for found in _OBJSTM_RE.finditer(self.data):
                self._unpack(self.header_before(found.start()))

    def pages(self) -> Iterator[dict[str, Value]]:
        """The page objects: those that say ``/Type /Page``, in the file and in object streams."""
        self._unpack_all()
        numbers: dict[int, None] = {}
        for found in PAGE_RE.finditer(self.data):
            number = self.header_before(found.start())
            if number is not None:
                numbers[number] = None
        for data, offsets, packed in self._unpacked:
            for found in PAGE_RE.finditer(data):
                index = bisect_right(offsets, found.start()) - 1
                if index >= 0:
                    numbers[packed[index]] = None
        for number in numbers:
            page = self.get(Ref(number, 0))
            if isinstance(page, dict) and page.get("Type") == "Page":
                yield page

    def get(self, value: Value) -> Value:
        """The object a reference names (``None`` when there is none); any other value as it is."""
        if not isinstance(value, Ref):
            return value
        if value.number not in self._cache:
            self._cache[value.number] = None, 0  # a reference to itself ends here
            if value.number not in self._where:
                self._unpack_all()
            at = self._where.get(value.number)
            data, offset = (self.data, at) if at is not None else self._packed.get(value.number, (b"", 0))
            try:
                self._cache[value.number] = parse(data, offset)
            except _TooManyTokens:
                raise FileTooLargeError(
                    self.name,
                    f"object {value.number} holds more than {MAX_TOKENS:,} values: not a real document",
                ) from None
            self._budget -= self._cache[value.number][1] - offset
            if self._budget < 0:
                raise FileTooLargeError(
                    self.name,
                    f"its objects overlap: reading them spans over {PARSE_BUDGET} times the file: "
                    "not a real document",
                )
        return self._cache[value.number][0]

    def stream_of(self, value: Value) -> Stream | None:
        """The stream a reference names, or ``None`` (for any other value too)."""
        if not isinstance(value, Ref) or value.number not in self._where:
            return None
        dictionary = self.get(value)
        if not isinstance(dictionary, dict):
            return None
        keyword = _STREAM_RE.match(self.data, self._cache[value.number][1])
        if keyword is None:
            return None
        start = keyword.end()
        length = self.get(dictionary.get("Length"))
        end = start + length if isinstance(length, int) and 0 <= length <= len(self.data) - start else -1
        if end < 0 or self.data[end : end + 20].lstrip(_WHITE)[:9] != b"endstream":
            end = self.data.find(b"endstream", start)
        return Stream(dictionary, start, len(self.data) if end < 0 else end)

    def raw(self, stream: Stream) -> Iterator[bytes]:
        """The encoded bytes of a stream, in pieces."""
        for at in range(stream.start, stream.end, 1 << 16):
            yield bytes(self.data[at : min(at + (1 << 16), stream.end)])

    def decoded(self, stream: Stream) -> Iterator[bytes]:
        """The decoded bytes of a stream, in pieces, up to ``max_stream_bytes`` and one piece more."""
        size = 0
        for piece in pdf_filters.decode(self.raw(stream), self.filters(stream), self.early_change(stream)):
            yield piece
            size += len(piece)
            if size > self._max_stream_bytes:
                return

    def filters(self, stream: Stream) -> list[str]:
        """The names of a stream's filters, in order."""
        value = self.get(stream.dictionary.get("Filter"))
        values = value if isinstance(value, list) else [value]
        return [str(self.get(item)) for item in values if isinstance(self.get(item), Name)]

    def early_change(self, stream: Stream) -> int:
        """The LZW ``EarlyChange`` of a stream (1 unless its decoding parameters say 0)."""
        parameters = self.get(stream.dictionary.get("DecodeParms"))
        for item in parameters if isinstance(parameters, list) else [parameters]:
            item = self.get(item)
            if isinstance(item, dict) and self.get(item.get("EarlyChange")) == 0:
                return 0
        return 1
