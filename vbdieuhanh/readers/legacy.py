"""Word 97 (.doc) and RTF files, converted to DOCX with LibreOffice and read as DOCX.

``soffice --headless --convert-to docx`` runs with a private profile directory (one per process,
so parallel processes never share one) under a time limit. Without LibreOffice the error says how
to install it. Encrypted files are recognised before conversion from the OLE directory: an
``EncryptedPackage`` stream (password-protected .docx) or the encryption flag of the Word 97
file information block. Text in the TCVN3 fonts of the 1990s is decoded by the DOCX reader.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from functools import cache
from pathlib import Path

from ..errors import (
    CorruptFileError,
    EncryptedFileError,
    MissingDependencyError,
    TimeLimitError,
    UnsupportedFormatError,
)
from ..layout import Layout
from .docx import OLE_MAGIC, read_docx
from .limits import current
from .safety import check_file

INSTALL_HINT = (
    "reading legacy .doc/.rtf files needs LibreOffice, which is not installed "
    "(apt-get install libreoffice-writer-nogui)"
)
_FIB_ENCRYPTED = 0x0100  # fEncrypted in the flags of the Word 97 FibBase
_FIB_OBFUSCATED = 0x8000  # fObfuscated: XOR "encryption", also password-protected
_lock = threading.Lock()  # one conversion at a time per profile


def read_doc(path: Path) -> Layout:
    """A Word 97 .doc or an RTF file as a layout (through a temporary DOCX)."""
    name = str(path)
    _, head = check_file(path)
    is_ole = head.startswith(OLE_MAGIC)
    if is_ole:
        _check_ole(path.read_bytes(), name)
    with tempfile.TemporaryDirectory(prefix="vbdh-doc-") as workdir:
        converted = convert_to_docx(path, Path(workdir))
        layout = read_docx(converted)
    layout.source = name
    layout.format = "doc" if is_ole else "rtf"
    return layout


def convert_to_docx(path: Path, workdir: Path) -> Path:
    """Convert a file LibreOffice Writer opens into ``workdir/out/document.docx``."""
    name = str(path)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise MissingDependencyError(name, INSTALL_HINT)
    source = workdir / ("document" + (path.suffix.lower() or ".doc"))
    shutil.copyfile(path, source)  # a plain name: no surprises from spaces or a leading '-'
    out = workdir / "out"
    command = [
        soffice,
        f"-env:UserInstallation={_profile_dir().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]
    with _lock:
        stderr = _run(command, name)
    result = out / "document.docx"
    if not result.is_file():
        detail = stderr.strip().splitlines()[-1] if stderr.strip() else "no output"
        raise CorruptFileError(name, f"LibreOffice could not convert it ({detail})")
    return result


@cache
def _profile_dir() -> Path:
    """This process's LibreOffice profile, removed at exit."""
    path = Path(tempfile.mkdtemp(prefix="vbdh-lo-profile-"))
    atexit.register(shutil.rmtree, path, True)
    return path


def _run(command: list[str], name: str) -> str:
    """Run LibreOffice in its own process group; kill the group if it overruns the time limit
    (``Limits.convert_timeout``)."""
    timeout = current().convert_timeout
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        text=True,
    )
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as error:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        cause = f"LibreOffice did not convert it within {timeout:g} s (limit convert_timeout)"
        raise TimeLimitError(name, cause) from error
    return stderr


# --- the OLE container --------------------------------------------------------------------------


def _check_ole(data: bytes, name: str) -> None:
    """Raise for encrypted files and for OLE files that are not Word documents."""
    if ole_stream(data, "EncryptedPackage") is not None:
        raise EncryptedFileError(name, "the Word document is password-protected (encrypted package)")
    word = ole_stream(data, "WordDocument")
    if word is None:
        raise UnsupportedFormatError(name, "an OLE file without a WordDocument stream (Excel or PowerPoint?)")
    offset = word[0]
    flags = int.from_bytes(data[offset + 0x0A : offset + 0x0C], "little")
    if flags & (_FIB_ENCRYPTED | _FIB_OBFUSCATED):
        raise EncryptedFileError(name, "the Word 97 document is password-protected")


def ole_stream(data: bytes, stream: str) -> tuple[int, int] | None:
    """(file offset, size) of a stream of an OLE compound file, found by its directory entry.

    Directory entries are 128 bytes, aligned in sectors: a UTF-16 name with its byte length at
    0x40, the first sector at 0x74 and the size at 0x78. Streams this looks for (WordDocument,
    EncryptedPackage) are larger than the 4 KB mini-stream cutoff, so they live in full sectors.
    """
    sector = 1 << int.from_bytes(data[0x1E:0x20], "little")
    if sector not in (512, 4096):
        return None
    encoded = stream.encode("utf-16-le") + b"\x00\x00"
    position = data.find(encoded, sector)
    while position >= 0:
        entry = data[position : position + 128]
        if (position - sector) % 128 == 0 and int.from_bytes(entry[0x40:0x42], "little") == len(encoded):
            first = int.from_bytes(entry[0x74:0x78], "little")
            return (first + 1) * sector, int.from_bytes(entry[0x78:0x7C], "little")
        position = data.find(encoded, position + 1)
    return None
