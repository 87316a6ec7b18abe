"""The files an ingest reads: files, folders (walked in order), glob patterns and zip files (their
members), produced one at a time so that no list of the whole archive is ever held.

Bounds (see docs/limits.md): folder walks and recursive globs never follow symbolic links to folders
(a link loop would never end); FIFOs, devices and sockets are refused before they are opened; every
file and zip member is size-checked (by ``stat``, by the size the zip declares) before a byte is
read, then hashed in chunks, never read whole; a zip file is opened once per process for all its
members; zips inside zips are read down to ``Limits.max_zip_depth``. Members that cannot be read
safely are reported, never skipped in silence: a second member with the name of an earlier one,
a name that climbs out of the zip (``../x.pdf``, ``..\\x.pdf``, ``/etc/x.pdf``), a member over the
size limit.
"""

from __future__ import annotations

import atexit
import glob
import hashlib
import os
import re
import shutil
import struct
import tempfile
import zipfile
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import (
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    UnsupportedFormatError,
    VbdhError,
)
from ..models import Document
from ..readers import is_document_name
from ..readers.limits import current, megabytes
from ..readers.safety import open_regular, regular_size

# Zip files are opened and their members read like the files of a folder.
ZIP_SUFFIX = ".zip"
CHUNK = 1 << 20  # bytes hashed or copied at a time
OPEN_ZIPS = 4  # zip files kept open per process
_GLOB_CHARS = frozenset("*?[")
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True, slots=True)
class Item:
    """One document to ingest: a file, or a member of a zip file; ``error`` when it cannot be listed.

    ``member`` is the member's name as shown ("inner.zip!letter.pdf" inside a nested zip);
    ``chain`` the positions of the member in the zip directories from the outer zip in, so that
    two members of one name stay apart and nothing is looked up by name twice.
    """

    path: str
    member: str | None = None
    error: str | None = None
    chain: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        return f"{self.path}!{self.member}" if self.member else self.path

    def _member_info(self) -> tuple[zipfile.ZipFile, zipfile.ZipInfo]:
        assert self.member is not None
        if self.chain:
            archive = _open_zip(self.path, self.chain[:-1])
            info = archive.infolist()[self.chain[-1]]
        else:  # made by hand, from a name
            archive = _open_zip(self.path, ())
            info = archive.getinfo(self.member)
        limits = current()
        if info.file_size > limits.max_bytes:
            raise FileTooLargeError(self.name, _over(info.file_size, limits.max_bytes))
        return archive, info

    def _stream(self) -> IO[bytes]:
        """The bytes of the file or member, after the checks (regular file, size limit)."""
        if self.member is None:
            regular_size(self.path)
            return os.fdopen(open_regular(self.path), "rb")
        archive, info = self._member_info()
        try:
            return archive.open(info)
        except _ZIP_ERRORS as error:
            raise _zip_error(self.name, error) from error

    def _chunks(self) -> Iterator[bytes]:
        limit = current().max_bytes
        total = 0
        with self._stream() as stream:
            while True:
                try:
                    chunk = stream.read(CHUNK)
                except _ZIP_ERRORS as error:
                    raise _zip_error(self.name, error) from error
                if not chunk:
                    return
                total += len(chunk)
                if total > limit:  # a file that grows while it is read
                    raise FileTooLargeError(self.name, _over(total, limit))
                yield chunk

    def read(self) -> bytes:
        """The bytes of the file or member (size-checked first; prefer ``digest`` for hashing)."""
        return b"".join(self._chunks())

    def digest(self) -> str:
        """SHA-256 of the bytes, read in chunks after the size check (never the whole file at once)."""
        hasher = hashlib.sha256()
        for chunk in self._chunks():
            hasher.update(chunk)
        return hasher.hexdigest()

    def parse(self) -> Document:
        """Parse with the library's readers; a zip member goes through a temporary file."""
        from .. import parse_file

        if self.member is None:
            return parse_file(self.path)
        suffix = Path(self.member.replace("\\", "/")).suffix
        fd, local = tempfile.mkstemp(suffix=suffix, prefix="vbdh-member-")  # a file, not a folder:
        try:  # removing a folder costs milliseconds on some file systems, a file microseconds
            with os.fdopen(fd, "wb") as out:
                for chunk in self._chunks():
                    out.write(chunk)
            document = parse_file(local)
        finally:
            os.unlink(local)
        document.file = self.name
        return document


def _over(size: int, limit: int) -> str:
    return f"{megabytes(size)} is over the {megabytes(limit)} limit (max_bytes)"


_ZIP_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError)


def _zip_error(name: str, error: Exception) -> VbdhError:
    """zipfile's error on reading a member as the library's error."""
    if isinstance(error, VbdhError):
        return error
    if isinstance(error, RuntimeError) and "encrypted" in str(error).lower():
        return EncryptedFileError(name, "the zip member is password-protected")
    if isinstance(error, NotImplementedError):
        return UnsupportedFormatError(name, f"the zip member cannot be unpacked ({error})")
    return CorruptFileError(name, f"the zip member is damaged ({error})")


# --- zip files, opened once per process ----------------------------------------------------------

_open_zips: OrderedDict[tuple[str, tuple[int, ...]], tuple[object, zipfile.ZipFile]] = OrderedDict()
_extracted: dict[tuple[str, tuple[int, ...]], Path] = {}


def _open_zip(path: str, chain: tuple[int, ...]) -> zipfile.ZipFile:
    """The zip file (or the zip inside it at ``chain``), opened once and kept for its next members."""
    key = (path, chain)
    stamp: object = None
    if not chain:
        regular_size(path)
        info = os.stat(path)
        stamp = (info.st_mtime_ns, info.st_size)
    cached = _open_zips.get(key)
    if cached is not None and cached[0] == stamp:
        _open_zips.move_to_end(key)
        return cached[1]
    if chain:
        source: str | Path = _extract_zip(path, chain)
    else:
        source = path
    limit = current().max_zip_members
    if _member_count(source, limit + 1) > limit:  # before zipfile builds an object per member
        raise FileTooLargeError(str(source), f"more than {limit:,} members (limit max_zip_members)")
    archive = zipfile.ZipFile(source)
    if cached is not None:
        cached[1].close()
    _open_zips[key] = (stamp, archive)
    _open_zips.move_to_end(key)
    while len(_open_zips) > OPEN_ZIPS:
        _, (_, oldest) = _open_zips.popitem(last=False)
        oldest.close()
    return archive


_END = b"PK\x05\x06"  # the end of central directory record
_END64 = b"PK\x06\x06"  # the zip64 one, 56 bytes, then its 20-byte locator before the end record
_END64_LOCATOR = b"PK\x06\x07"
_CENTRAL = b"PK\x01\x02"
_HEADER = 46  # bytes of a central directory header before its name, extra field and comment


def _central_directory(handle: IO[bytes]) -> tuple[int, int]:
    """Where a zip's central directory starts and how long it is, found from its end records as
    zipfile finds them; (0, 0) without an end record (zipfile then says what is wrong)."""
    size = handle.seek(0, os.SEEK_END)
    start = max(0, size - 22 - 0xFFFF)  # the 22-byte end record, then a comment of up to 65,535 bytes
    handle.seek(start)
    tail = handle.read()
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < 22:
        return 0, 0
    end = start + at
    length = int.from_bytes(tail[at + 12 : at + 16], "little")
    if at >= 20 and tail[at - 20 : at - 16] == _END64_LOCATOR:
        handle.seek(max(0, end - 76))
        record = handle.read(56)
        if record[:4] == _END64:
            end -= 76
            length = int.from_bytes(record[40:48], "little")
    return max(0, end - length), length


def _member_count(path: str | Path, stop: int) -> int:
    """The members a zip's central directory lists, counted up to ``stop`` from their headers
    (zipfile makes an object of each, some 600 bytes, before it can be asked how many)."""
    count = 0
    with open(path, "rb") as handle:
        start, length = _central_directory(handle)
        handle.seek(start)
        while count < stop and handle.tell() < start + length:
            header = handle.read(_HEADER)
            if len(header) < _HEADER or header[:4] != _CENTRAL:
                break
            name, extra, comment = struct.unpack_from("<3H", header, 28)
            handle.seek(name + extra + comment, os.SEEK_CUR)
            count += 1
    return count


def _extract_zip(path: str, chain: tuple[int, ...]) -> Path:
    """A zip inside a zip copied to this process's temporary folder (size-checked), once."""
    key = (path, chain)
    if key not in _extracted or not _extracted[key].exists():
        parent = _open_zip(path, chain[:-1])
        info = parent.infolist()[chain[-1]]
        limit = current().max_bytes
        if info.file_size > limit:
            raise FileTooLargeError(f"{path}!{info.filename}", _over(info.file_size, limit))
        target = _scratch() / f"{len(_extracted)}.zip"
        try:
            with parent.open(info) as member, target.open("wb") as out:
                shutil.copyfileobj(member, out, CHUNK)
        except _ZIP_ERRORS as error:
            raise _zip_error(f"{path}!{info.filename}", error) from error
        _extracted[key] = target
    return _extracted[key]


_scratch_dir: list[Path] = []


def _scratch() -> Path:
    if not _scratch_dir:
        folder = Path(tempfile.mkdtemp(prefix="vbdh-zips-"))
        atexit.register(shutil.rmtree, folder, True)
        _scratch_dir.append(folder)
    return _scratch_dir[0]


def _climbs(name: str) -> bool:
    """A member name that would land outside the folder it is unpacked in."""
    return name.startswith("/") or bool(_DRIVE_RE.match(name)) or ".." in name.split("/")


def _zip_items(path: str, chain: tuple[int, ...] = (), prefix: str = "") -> Iterator[Item]:
    label = prefix.rstrip("!") or None
    try:
        members = _open_zip(path, chain).infolist()
    except VbdhError as error:
        yield Item(path, label, error=f"{error.code}: {error.cause}")
        return
    except _ZIP_ERRORS as error:
        yield Item(path, label, error=f"corrupt: not a readable zip file ({error})")
        return
    limits = current()
    seen: dict[str, int] = {}
    for index, info in enumerate(members):
        raw = info.filename
        name = raw.replace("\\", "/")  # zips made on Windows may use backslashes
        base = name.rsplit("/", 1)[-1]
        if info.is_dir() or name.startswith("__MACOSX/") or not base:
            continue
        shown = prefix + raw
        is_zip = base.lower().endswith(ZIP_SUFFIX)
        if not is_zip and not is_document_name(base):
            continue
        if _climbs(name):
            yield Item(
                path, shown, error=f"unsafe_name: the member name {raw!r} climbs out of the zip; not read"
            )
            continue
        if name in seen:
            cause = f"member {index + 1} has the name of member {seen[name] + 1} ({raw!r}); not read"
            yield Item(path, shown, error=f"duplicate_member: {cause}")
            continue
        seen[name] = index
        if info.file_size > limits.max_bytes:
            yield Item(path, shown, error=f"too_large: {_over(info.file_size, limits.max_bytes)}")
        elif not is_zip:
            yield Item(path, shown, chain=(*chain, index))
        elif len(chain) + 1 >= limits.max_zip_depth:
            depth = len(chain) + 1
            cause = f"a zip inside {depth} zip(s) is not read (limit max_zip_depth={limits.max_zip_depth})"
            yield Item(path, shown, error=f"unsupported_format: {cause}")
        else:
            yield from _zip_items(path, (*chain, index), shown + "!")


def _file_items(path: str) -> Iterator[Item]:
    if path.lower().endswith(ZIP_SUFFIX):
        yield from _zip_items(path)
    else:
        yield Item(path)


def _walk(folder: str) -> Iterator[Item]:
    """Documents and zip files under a folder, in order; links to folders are not followed."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            if is_document_name(name) or name.lower().endswith(ZIP_SUFFIX):
                yield from _file_items(os.path.join(root, name))


# --- glob patterns, without following links ------------------------------------------------------


def _segment(part: str) -> str:
    """A regular expression for one path segment of a glob pattern (no '/' crossed)."""
    out = ["(?!\\.)"] if part[:1] in _GLOB_CHARS else []
    i = 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            j = i + 1
            j += part[j : j + 1] == "!"
            j += part[j : j + 1] == "]"
            end = part.find("]", j)
            if end < 0:
                out.append(re.escape(char))
            else:
                body = part[i + 1 : end]
                body = "^" + body[1:] if body.startswith("!") else body
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob pattern with '**' (any folders, none hidden) as a regular expression over paths."""
    parts = pattern.split("/")
    out: list[str] = []
    for number, part in enumerate(parts):
        last = number == len(parts) - 1
        if part == "**":
            out.append("(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?" if last else "(?:(?!\\.)[^/]*/)*")
        else:
            out.append(_segment(part) + ("" if last else "/"))
    return re.compile("".join(out), re.S)


def safe_glob(pattern: str) -> Iterator[str]:
    """The paths a glob pattern matches, in order; '**' walks folders without following links to
    folders, so a link loop ends (``glob.glob`` with ``recursive=True`` follows them)."""
    if "**" not in pattern:
        yield from sorted(glob.iglob(pattern))
        return
    parts = pattern.split("/")
    fixed = next(i for i, part in enumerate(parts) if _GLOB_CHARS & set(part))
    base = "/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else "")
    regex = glob_regex(pattern)
    start = base or "."
    for root, dirs, files in os.walk(start, followlinks=False):
        dirs.sort()
        for name in sorted(dirs + files):
            full = os.path.join(root, name)
            shown = full[2:] if not base and full.startswith("./") else full
            if regex.fullmatch(shown):
                yield shown


def iter_items(paths: Sequence[str]) -> Iterator[Item]:
    """Every document the paths name, in order; a missing path is an item with an error."""
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path)
        elif os.path.lexists(path):
            yield from _file_items(path)  # a FIFO, a device or a link loop is refused when read
        elif _GLOB_CHARS & set(path):
            matched = False
            for match in safe_glob(path):
                matched = True
                yield from _walk(match) if os.path.isdir(match) else _file_items(match)
            if not matched:
                yield Item(path, error="unreadable: the pattern matches no file")
        else:
            yield Item(path, error="unreadable: no such file or folder")


def count_items(paths: Sequence[str]) -> int:
    """How many items the paths name (a second walk, to give the progress bar a total)."""
    return sum(1 for _ in iter_items(paths))
