"""The files an ingest reads: files, folders (walked in order), glob patterns and zip files (their
members), produced one at a time so that no list of the whole archive is ever held."""

from __future__ import annotations

import glob
import os
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..models import Document
from ..readers import is_document_name

# Zip files are opened and their members read like the files of a folder.
ZIP_SUFFIX = ".zip"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Item:
    """One document to ingest: a file, or a member of a zip file; ``error`` when it cannot be listed."""

    path: str
    member: str | None = None
    error: str | None = None

    @property
    def name(self) -> str:
        return f"{self.path}!{self.member}" if self.member else self.path

    def read(self) -> bytes:
        if self.member is None:
            return Path(self.path).read_bytes()
        with zipfile.ZipFile(self.path) as archive:
            return archive.read(self.member)

    def parse(self) -> Document:
        """Parse with the library's readers; a zip member goes through a temporary file."""
        from .. import parse_file

        if self.member is None:
            return parse_file(self.path)
        suffix = Path(self.member).suffix
        with tempfile.TemporaryDirectory(prefix="vbdh-") as folder:
            local = Path(folder) / f"member{suffix}"
            local.write_bytes(self.read())
            document = parse_file(local)
        document.file = self.name
        return document


def _zip_items(path: str) -> Iterator[Item]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        yield Item(path, error=f"corrupt: not a readable zip file ({error})")
        return
    for info in members:
        name = info.filename
        if info.is_dir() or name.startswith("__MACOSX/") or Path(name).name.startswith("."):
            continue
        if Path(name).suffix.lower() == ZIP_SUFFIX:
            yield Item(path, name, error="unsupported_format: zip files inside zip files are not read")
        elif is_document_name(name):
            yield Item(path, name)


def _file_items(path: str) -> Iterator[Item]:
    if path.lower().endswith(ZIP_SUFFIX):
        yield from _zip_items(path)
    else:
        yield Item(path)


def _walk(folder: str) -> Iterator[Item]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if is_document_name(name) or name.lower().endswith(ZIP_SUFFIX):
                yield from _file_items(os.path.join(root, name))


def iter_items(paths: Sequence[str]) -> Iterator[Item]:
    """Every document the paths name, in order; a missing path is an item with an error."""
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path)
        elif os.path.isfile(path):
            yield from _file_items(path)
        elif _GLOB_CHARS & set(path):
            matched = False
            for match in glob.iglob(path, recursive=True):
                matched = True
                yield from _walk(match) if os.path.isdir(match) else _file_items(match)
            if not matched:
                yield Item(path, error="unreadable: the pattern matches no file")
        else:
            yield Item(path, error="unreadable: no such file or folder")


def count_items(paths: Sequence[str]) -> int:
    """How many items the paths name (a second walk, to give the progress bar a total)."""
    return sum(1 for _ in iter_items(paths))
