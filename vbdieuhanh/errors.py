"""Errors the library raises. Each names the file and the cause in one line."""

from __future__ import annotations


class VbdhError(Exception):
    """Base class of every error vbdieuhanh raises on purpose."""

    code = "error"

    def __init__(self, path: str, cause: str) -> None:
        self.path = path
        self.cause = cause
        super().__init__(f"{path}: {cause}")


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
