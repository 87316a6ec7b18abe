"""Decoding bombs in a PDF, and content pdfium would parse many times over, found before pdfium opens it.

pdfium inflates a page's content stream whole into memory (twice over while it grows it): a 510 KB
file whose content stream is 500 MB of zeros takes it 5 s and 1 GB, a 3 MB one 20 s and 4 GB. Every
stream of the file that holds Flate data (a zlib header after the ``stream`` keyword, through
nested Flate layers) is inflated here in small pieces, counting bytes and keeping none, up to the
limits ``Limits.max_stream_bytes`` (one stream) and ``Limits.max_inflated_bytes`` (all of them);
so is every stream whose filters include LZW, run length, ASCII85 or ASCII hex (``pdf_filters``):
LZW swells hundreds of times, and Flate behind the others shows no zlib header.
Then the pages' content is counted from the file's objects (``pdf_objects``, ``_check_content``):
each content stream as often as a page lists it, each form as often as it is drawn.
The file is read a block at a time, or mapped, never read whole.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO, NamedTuple

from ..errors import FileTooLargeError
from .limits import Limits, current, megabytes
from .pdf_filters import NON_FLATE, inflate
from .pdf_objects import Objects, Ref, Stream

_STREAM_RE = re.compile(rb"stream(?:\r\n|\n|\r)")  # "endstream" too: no zlib data follows it
SCAN_CHUNK = 1 << 22  # bytes searched for the stream keyword at a time
KEYWORD = len(b"stream\r\n")
RAW_CHUNK = 1 << 16  # compressed bytes fed to zlib at a time
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
        pieces = inflate(pieces)
    return pieces


def check_streams(path: Path, limits: Limits | None = None) -> None:
    """Refuse a PDF with a stream that decodes past ``max_stream_bytes``, or streams that together
    decode past ``max_inflated_bytes``, or pages that would make pdfium parse too much content
    (``_check_content``); stop counting at the limit, so the check ends quickly."""
    limits = limits or current()
    name = str(path)
    total = 0
    with (
        Objects(path, limits.max_stream_bytes) as objects,
        path.open("rb") as scan,
        path.open("rb") as handle,
    ):
        for start in _stream_starts(scan):
            handle.seek(max(0, start - KEYWORD - 3))
            before = handle.read(start - handle.tell())
            head = handle.read(2)
            if _is_zlib(head):
                pieces = _layers(_raw(handle, start))
            elif before.rstrip(b"\r\n").endswith(b"endstream"):
                continue
            else:
                stream = _encoded(objects, start)
                if stream is None:
                    continue
                pieces = objects.decoded(stream)
            size = 0
            for piece in pieces:
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
        _check_content(objects, name, limits)


def _encoded(objects: Objects, start: int) -> Stream | None:
    """The stream whose data begins at ``start`` when a filter other than Flate comes in its chain
    (LZW, run length, ASCII85, ASCII hex: Flate data behind them has no zlib header to be seen)."""
    number = objects.header_before(start)
    stream = objects.stream_of(Ref(number, 0)) if number is not None else None
    if stream is None or stream.start != start or not NON_FLATE.intersection(objects.filters(stream)):
        return None
    return stream


_DO_RE = re.compile(rb"/([^\0\t\n\f\r ()<>\[\]{}/%]{1,127})[\0\t\n\f\r ]*Do(?![^\0\t\n\f\r ()<>\[\]{}/%])")
KEEP = 160  # bytes of a piece kept for the next one: a name and its Do may be cut between them
# forms inside forms counted: pdfium draws them 30 levels deep, not 45, even a form that draws itself
MAX_FORM_DEPTH = 64


class _Cost(NamedTuple):
    """What pdfium parses: content streams and forms (each listing and each drawing), their bytes."""

    streams: int
    size: int

    def __add__(self, other: object) -> _Cost:
        assert isinstance(other, _Cost)
        return _Cost(self.streams + other.streams, self.size + other.size)

    def times(self, count: int) -> _Cost:
        return _Cost(self.streams * count, self.size * count)


class _Content:
    """The content of pages and forms, each stream decoded once, counted as often as it is parsed."""

    def __init__(self, objects: Objects) -> None:
        self.objects = objects
        self._read: dict[int, tuple[int, Counter[str]]] = {}  # where its data begins: size, names drawn
        self._forms: dict[tuple[int, int, int], _Cost] = {}  # form, resources, depth: its cost

    def measure(self, stream: Stream) -> tuple[int, Counter[str]]:
        """The decoded size of a content stream and how often it draws each name (``Do``)."""
        if stream.start not in self._read:
            size = 0
            names: Counter[str] = Counter()
            tail = b""
            for piece in self.objects.decoded(stream):
                size += len(piece)
                data = tail + piece
                cut = max(len(data) - KEEP, 0)
                for found in _DO_RE.finditer(data):
                    if found.start() >= cut:
                        cut = found.start()
                        break
                    names[found.group(1).decode("latin-1")] += 1
                tail = data[cut:]
            names.update(found.group(1).decode("latin-1") for found in _DO_RE.finditer(tail))
            self._read[stream.start] = size, names
        return self._read[stream.start]

    def drawn(self, names: Counter[str], resources: object, depth: int) -> _Cost:
        """What drawing these names parses: the forms among them, with what they draw in turn."""
        resources = self.objects.get(resources)
        xobjects = self.objects.get(resources.get("XObject")) if isinstance(resources, dict) else None
        cost = _Cost(0, 0)
        if not isinstance(xobjects, dict) or depth > MAX_FORM_DEPTH:
            return cost
        for name, count in names.items():
            stream = self.objects.stream_of(xobjects.get(name))
            if stream is None or self.objects.get(stream.dictionary.get("Subtype")) != "Form":
                continue
            cost += self.form(stream, resources, depth).times(count)
        return cost

    def form(self, stream: Stream, parent: object, depth: int) -> _Cost:
        """What one drawing of a form parses (a form without resources uses its drawer's)."""
        own = stream.dictionary.get("Resources")
        resources = parent if own is None else own
        key = (stream.start, id(resources) if own is None else 0, depth)
        if key not in self._forms:
            size, names = self.measure(stream)
            self._forms[key] = _Cost(1, size) + self.drawn(names, resources, depth + 1)
        return self._forms[key]


def _resources(objects: Objects, page: dict[str, object]) -> object:
    """A page's resources, its own or inherited from the page tree."""
    node: object = page
    for _ in range(MAX_FORM_DEPTH):
        if not isinstance(node, dict):
            return None
        if "Resources" in node:
            return node["Resources"]
        node = objects.get(node.get("Parent"))
    return None


class _Largest:
    """The sum of the ``count`` largest numbers added."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.sum = 0
        self._heap: list[int] = []

    def given(self, number: int) -> int:
        """The sum if ``number`` were added too."""
        if len(self._heap) < self.count:
            return self.sum + number
        return self.sum + max(0, number - self._heap[0])

    def add(self, number: int) -> None:
        self.sum = self.given(number)
        if len(self._heap) >= self.count:
            heapq.heappushpop(self._heap, number)
        else:
            heapq.heappush(self._heap, number)


def _appearances(objects: Objects, page: dict[str, object]) -> Iterator[Stream]:
    """The normal appearance streams (``/AP /N``, each state's) of a page's annotations: pdfium draws
    them as forms with the page when it renders it for OCR (a stamp, a signature's picture)."""
    annotations = objects.get(page.get("Annots"))
    for ref in annotations if isinstance(annotations, list) else ():
        annotation = objects.get(ref)
        appearance = objects.get(annotation.get("AP")) if isinstance(annotation, dict) else None
        normal = appearance.get("N") if isinstance(appearance, dict) else None
        stream = objects.stream_of(normal)
        if stream is not None:
            yield stream
            continue
        states = objects.get(normal)  # {/On …, /Off …}: only one is drawn, each is counted
        for state in states.values() if isinstance(states, dict) else ():
            stream = objects.stream_of(state)
            if stream is not None:
                yield stream


def _check_content(objects: Objects, name: str, limits: Limits) -> None:
    """Refuse pages that make pdfium parse more content streams and forms than ``max_drawn_streams``,
    or more content than ``max_content_bytes``: pdfium parses a stream each time a page lists it in
    its ``/Contents`` and a form each time it is drawn (a form drawing another ten times, six levels
    deep, is a million forms; an annotation's appearance is a form too), and keeps what it parsed
    while the document is read. Every page is counted, and the ``max_pages`` costliest are summed:
    pdfium reads no more pages than that."""
    content = _Content(objects)
    streams, sizes = _Largest(limits.max_pages), _Largest(limits.max_pages)
    for page in objects.pages():
        listed = objects.get(page.get("Contents"))
        resources = _resources(objects, page)
        cost = _Cost(0, 0)
        for ref in listed if isinstance(listed, list) else [page.get("Contents")]:
            stream = objects.stream_of(ref)
            if stream is None:
                continue
            size, names = content.measure(stream)
            cost += _Cost(1, size) + content.drawn(names, resources, 1)
            _check_cost(cost, streams, sizes, name, limits)
        for appearance in _appearances(objects, page):
            cost += content.form(appearance, resources, 1)
            _check_cost(cost, streams, sizes, name, limits)
        streams.add(cost.streams)
        sizes.add(cost.size)


def _check_cost(cost: _Cost, streams: _Largest, sizes: _Largest, name: str, limits: Limits) -> None:
    """Raise when a page's cost so far, with the costliest other pages, passes a limit."""
    if streams.given(cost.streams) > limits.max_drawn_streams:
        raise FileTooLargeError(
            name,
            f"its pages make pdfium parse more than {limits.max_drawn_streams:,} content streams "
            "and forms, each counted as often as a page lists it or it is drawn "
            "(limit max_drawn_streams): forms that draw forms, or a stream listed many times?",
        )
    if sizes.given(cost.size) > limits.max_content_bytes:
        raise FileTooLargeError(
            name,
            f"its pages make pdfium parse more than {megabytes(limits.max_content_bytes)} of "
            "content, each stream counted as often as a page lists it or it is drawn "
            "(limit max_content_bytes): a stream listed many times?",
        )
