"""Errors the library raises. Each names the file and the cause in one line."""

from __future__ import annotations

import re
from typing import Any

# control characters (a newline, ESC of a terminal sequence), bidi overrides, lone surrogates
_UNSAFE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """A file name or cause on one safe line: control, bidi and surrogate characters escaped ('\\n')."""
    return _UNSAFE_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class VbdhError(Exception):
    """Base class of every error vbdieuhanh raises on purpose.

    ``str(error)`` is one line, "<file>: <cause>", with control characters of the file name escaped;
    ``path`` and ``cause`` keep them as they are.
    """

    code = "error"

    def __init__(self, path: str, cause: str) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{printable(str(path))}: {printable(cause)}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled whole (a process pool or a Dask worker sends it back), whatever the subclass takes."""
        return _rebuild, (type(self), self.path, self.cause, self.__dict__)


def _rebuild(kind: type[VbdhError], path: str, cause: str, state: dict[str, Any]) -> VbdhError:
    error = kind.__new__(kind)
    VbdhError.__init__(error, path, cause)
    error.__dict__.update(state)
    return error


class UnreadableFileError(VbdhError):
    """The file cannot be opened or read (missing, a directory, no permission)."""

    code = "unreadable"


class UnsupportedFormatError(VbdhError):
    """The file is not a format the library reads (or its content is not what its name says)."""

    code = "unsupported_format"


class EmptyDocumentError(VbdhError):
    """The file holds no text (empty file, zero pages, only blank pages)."""

    code = "empty"


class CorruptFileError(VbdhError):
    """The file is damaged or truncated."""

    code = "corrupt"


class EncryptedFileError(VbdhError):
    """The file is password-protected or encrypted."""

    code = "encrypted"


class FileTooLargeError(VbdhError):
    """The file is larger than the limit set for one document."""

    code = "too_large"


class MissingDependencyError(VbdhError):
    """An optional tool (Tesseract, LibreOffice) needed for this file is not installed."""

    code = "missing_dependency"


class NotRegularFileError(UnreadableFileError):
    """A FIFO, a device (/dev/zero), a socket or a folder where a file was expected: never opened."""

    code = "not_regular_file"


class TimeLimitError(VbdhError):
    """A tool (Tesseract, LibreOffice) did not finish within its time limit and was stopped."""

    code = "timeout"
