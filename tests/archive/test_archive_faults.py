"""The database failing in the middle of an ingest: one line, what is stored is whole, a re-run
goes on (issue 11)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from variants import bulk_letters

from vbdieuhanh.archive import ingest as ingest_module
from vbdieuhanh.archive import open_archive
from vbdieuhanh.archive.ingest import ingest
from vbdieuhanh.archive.store import ArchiveError, connect


def _folder(folder: Path, count: int) -> Path:
    bulk_letters(folder, count)  # distinct real-looking letters
    return folder


def test_disk_full_mid_ingest_is_one_line_and_a_rerun_goes_on(tmp_path: Path, monkeypatch) -> None:
    folder = _folder(tmp_path / "letters", 8)
    url = str(tmp_path / "vb.db")
    real_write = ingest_module.write
    written = []

    def failing_write(store, resolver, prepared, **options):  # the disk fills after 3 documents
        if len(written) == 3:
            raise ArchiveError(url, "the database failed: database or disk is full")
        written.append(prepared.hash)
        return real_write(store, resolver, prepared, **options)

    monkeypatch.setattr(ingest_module, "write", failing_write)
    with pytest.raises(ArchiveError, match="database or disk is full"):
        ingest([str(folder)], url, workers=0, progress=False)
    monkeypatch.setattr(ingest_module, "write", real_write)
    with open_archive(url, create=False) as archive:
        assert archive.stats()["documents"] >= 3
    report = ingest([str(folder)], url, workers=0, progress=False)
    assert (report.stored + report.unchanged, report.failed) == (8, 0)


def test_a_driver_error_while_logging_is_one_line(tmp_path: Path, monkeypatch) -> None:
    """The connection lost while the run records a failure: the driver's error becomes one line."""
    folder = _folder(tmp_path / "letters", 2)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    url = str(tmp_path / "vb.db")

    def lost(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(ingest_module, "record_failure", lost)
    expected = r"the database failed \(disk I/O error\) after \d+ documents; .*run the ingest again"
    with pytest.raises(ArchiveError, match=expected):
        ingest([str(folder)], url, workers=0, progress=False)


def test_sqlite_disk_full_is_recognised(tmp_path: Path) -> None:
    store = connect(str(tmp_path / "vb.db"))
    assert store._lost(sqlite3.OperationalError("database or disk is full"))
    assert not store._lost(sqlite3.OperationalError("database is locked"))
    store.close()
