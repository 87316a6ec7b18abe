"""Checks made before a file is read: that it is a regular file, of a bounded size; that a zip
package declares bounded sizes; and text made safe to store (no lone surrogates)."""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile
from pathlib import Path

from ..errors import EmptyDocumentError, FileTooLargeError, NotRegularFileError, UnreadableFileError
from .limits import Limits, current, megabytes

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
HEAD_BYTES = 2048


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _oserror(name: str, error: OSError) -> UnreadableFileError:
    if isinstance(error, FileNotFoundError):
        return UnreadableFileError(name, "no such file")
    if isinstance(error, PermissionError):
        return UnreadableFileError(name, "permission denied")
    if error.errno == errno.ELOOP:
        return UnreadableFileError(name, "a loop of symbolic links")
    return UnreadableFileError(name, error.strerror or str(error))


def regular_size(path: str | Path, limits: Limits | None = None, *, name: str | None = None) -> int:
    """The size of a regular file within the size limit, checked with stat before any byte is read.

    FIFOs, devices (a symbolic link to /dev/zero), sockets and folders are refused: opening a FIFO
    waits for a writer, and a device never ends.
    """
    limits = limits or current()
    name = name or str(path)
    try:
        info = os.stat(path)
    except OSError as error:
        raise _oserror(name, error) from error
    if stat.S_ISDIR(info.st_mode):
        raise NotRegularFileError(name, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFileError(name, f"not a regular file ({file_kind(info.st_mode)}); not read")
    if info.st_size > limits.max_bytes:
        raise FileTooLargeError(
            name, f"{megabytes(info.st_size)} is over the {megabytes(limits.max_bytes)} limit (max_bytes)"
        )
    return info.st_size


def open_regular(path: str | Path, name: str | None = None) -> int:
    """A file descriptor of a regular file, opened without blocking (a FIFO swapped in after the
    stat check does not hang) and checked again on the open descriptor."""
    name = name or str(path)
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _oserror(name, error) from error
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotRegularFileError(name, f"not a regular file ({file_kind(mode)}); not read")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return fd


def check_file(path: str | Path, limits: Limits | None = None) -> tuple[int, bytes]:
    """Size and first bytes of a file that may be read: regular, not empty, within the size limit."""
    name = str(path)
    size = regular_size(path, limits)
    fd = open_regular(path, name)
    try:
        head = os.read(fd, HEAD_BYTES)
    except OSError as error:
        raise _oserror(name, error) from error
    finally:
        os.close(fd)
    if size == 0:
        raise EmptyDocumentError(name, "the file is empty (0 bytes)")
    return size, head


def check_zip_sizes(archive: zipfile.ZipFile, name: str, limits: Limits | None = None) -> None:
    """Refuse a zip package (DOCX) whose parts declare more bytes than the limits, before any is
    inflated: zipfile never inflates a member past its declared size, so a bomb stops here."""
    limits = limits or current()
    total = 0
    for info in archive.infolist():
        if info.file_size > limits.max_part_bytes:
            raise FileTooLargeError(
                name,
                f"the part {info.filename!r} inflates to {megabytes(info.file_size)}, over the "
                f"{megabytes(limits.max_part_bytes)} limit (max_part_bytes): a zip bomb?",
            )
        total += info.file_size
    if total > limits.max_unzipped_bytes:
        raise FileTooLargeError(
            name,
            f"the package inflates to {megabytes(total)}, over the {megabytes(limits.max_unzipped_bytes)} "
            "limit (max_unzipped_bytes): a zip bomb?",
        )


def scrub(text: str) -> str:
    """Text that can be encoded and stored: lone surrogates (from a DOCX symbol, a PDF text layer,
    an HTML character reference) become U+FFFD."""
    return _SURROGATE_RE.sub("\ufffd", text) if _SURROGATE_RE.search(text) else text
