"""Plain text and Markdown files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import EmptyDocumentError, UnsupportedFormatError
from ..layout import Layout, ReaderNote, layout_from_text
from . import tcvn3, vni
from .safety import check_file, scrub

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode_text(data: bytes, path: str) -> tuple[str, list[ReaderNote]]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM); bytes of the 8-bit Vietnamese encodings (TCVN3,
    VNI) are converted, anything else falls back to Windows-1258; each fallback leaves a note."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError as error:
                note = ReaderNote(
                    "invalid_bytes",
                    f"the file starts with a {encoding.upper()} byte-order mark but holds invalid bytes "
                    f"({error.reason} at byte {error.start}); they were replaced with U+FFFD",
                )
                return scrub(data.decode(encoding, "replace")), [note]
    if b"\x00" in data[:4096]:
        raise UnsupportedFormatError(path, "binary content, not a text file")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        latin = data.decode("latin-1")
        if legacy_decoder(latin) is not None:
            return latin, []  # the caller converts it (and says so)
        try:
            text = data.decode("cp1258")
        except UnicodeDecodeError:
            raise UnsupportedFormatError(
                path, f"not UTF-8 text ({error.reason} at byte {error.start})"
            ) from error
        note = ReaderNote("legacy_encoding", "not valid UTF-8; decoded as Windows-1258")
        return text, [note]


def legacy_decoder(text: str) -> tuple[Callable[[str], str], ReaderNote] | None:
    """How to convert text typed in an 8-bit Vietnamese font (TCVN3 "C«ng v¨n", VNI "Coâng vaên")
    and read without it, with the note that says so; None for Unicode text."""
    if vni.looks_like_vni(text) and not tcvn3.has_tcvn3_only_bytes(text):
        return vni.decode, ReaderNote("legacy_encoding", vni.VNI_GUESSED)
    if tcvn3.looks_like_tcvn3(text):
        return tcvn3.decode_lines, ReaderNote("legacy_encoding", tcvn3.TCVN3_GUESSED)
    return None


def read_text(path: Path) -> Layout:
    """A text or Markdown file as a one-page layout."""
    check_file(path)
    data = path.read_bytes()
    text, notes = decode_text(data, str(path))
    if not text.strip():
        raise EmptyDocumentError(str(path), "the file has no text")
    legacy = legacy_decoder(text)
    if legacy is not None:
        decoder, note = legacy
        text = decoder(text)
        notes.append(note)
    layout = layout_from_text(text.replace("\r\n", "\n"), str(path))
    layout.notes.extend(notes)
    return layout
