"""Plain text and Markdown files."""

from __future__ import annotations

from pathlib import Path

from ..errors import EmptyDocumentError, UnsupportedFormatError
from ..layout import Layout, ReaderNote, layout_from_text

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_text(data: bytes, path: str) -> tuple[str, list[ReaderNote]]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM); fall back to Windows-1258 with a note."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), []
    if b"\x00" in data[:4096]:
        raise UnsupportedFormatError(path, "binary content, not a text file")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        try:
            text = data.decode("cp1258")
        except UnicodeDecodeError:
            raise UnsupportedFormatError(
                path, f"not UTF-8 text ({error.reason} at byte {error.start})"
            ) from error
        note = ReaderNote("legacy_encoding", "not valid UTF-8; decoded as Windows-1258")
        return text, [note]


def read_text(path: Path) -> Layout:
    """A text or Markdown file as a one-page layout."""
    data = path.read_bytes()
    text, notes = decode_text(data, str(path))
    if not text.strip():
        raise EmptyDocumentError(str(path), "the file has no text")
    layout = layout_from_text(text.replace("\r\n", "\n"), str(path))
    layout.notes.extend(notes)
    return layout
