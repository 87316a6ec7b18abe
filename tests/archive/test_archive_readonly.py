"""An archive on read-only media can be read: opening it for reading writes nothing (issue 11)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from vbdieuhanh.archive import open_archive
from vbdieuhanh.archive import store as store_module

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "kiengiang_114-BCD-KGVX_2021.txt"


def _snapshot(folder: Path) -> dict[str, tuple[str, float]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime) for p in folder.iterdir()}


def test_reading_an_archive_on_read_only_media_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "cd-rom"
    folder.mkdir()
    url = str(folder / "vb.db")
    with open_archive(url) as archive:
        archive.add_file(SAMPLE)
    before = _snapshot(folder)
    # the tests run as root, for whom no permission bit forbids a write: the media is said read-only
    monkeypatch.setattr(store_module, "_writable", lambda path: False)
    with open_archive(url, create=False) as archive:
        assert archive.read_only
        assert archive.document("114/BCĐ-KGVX").number_symbol == "114/BCĐ-KGVX"
        assert archive.stats()["documents"] >= 1
    assert _snapshot(folder) == before


def test_writing_to_a_read_only_archive_is_one_line(tmp_path: Path, monkeypatch) -> None:
    url = str(tmp_path / "vb.db")
    with open_archive(url) as archive:
        archive.add_file(SAMPLE)
    monkeypatch.setattr(store_module, "_writable", lambda path: False)
    from vbdieuhanh.errors import VbdhError

    with open_archive(url, create=False) as archive, pytest.raises(VbdhError, match="read"):
        archive.add_file(Path(__file__).resolve().parents[2] / "samples" / "laichau_UBND-VX_2021-03.txt")
