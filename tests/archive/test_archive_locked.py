"""The SQLite archive locked by another writer while an ingest runs: the ingest waits for the lock
(busy timeout) instead of failing, and stores every document once the other writer lets go; a lock
held past the busy timeout ends the run in one line that says so."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from variants import bulk_letters

from vbdieuhanh.archive import store
from vbdieuhanh.archive.ingest import ingest
from vbdieuhanh.cli import main


def test_an_ingest_waits_for_another_writer_and_stores_everything(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    bulk_letters(first, 5)
    files = bulk_letters(second, 40, start=5)
    db = tmp_path / "vb.db"
    ingest([str(first)], str(db), workers=0, progress=False)

    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    other.execute("UPDATE meta SET value = value")
    released = threading.Event()

    def let_go() -> None:
        time.sleep(3)
        other.execute("COMMIT")
        released.set()

    holder = threading.Thread(target=let_go)
    holder.start()
    started = time.monotonic()
    report = ingest([str(second)], str(db), workers=2, progress=False)
    waited = time.monotonic() - started
    holder.join()
    other.close()
    assert released.is_set() and waited >= 2.5  # it did wait for the lock
    assert (report.stored, report.failed) == (len(files), 0)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM versions").fetchone() == (45,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _held(db: Path) -> sqlite3.Connection:
    """Another program's connection holding the archive's write lock."""
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE meta SET value = value")
    return other


@pytest.mark.parametrize("workers", [0, 2])
def test_a_lock_held_past_the_busy_timeout_ends_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], workers: int
) -> None:
    """It said "the database failed (database is locked)", or, when the lock was there before the
    run began, let sqlite3's OperationalError out; stored documents stay as they were, and the next
    run stores the rest."""
    first, second = tmp_path / "first", tmp_path / "second"
    bulk_letters(first, 5)
    bulk_letters(second, 10, start=5)
    db = tmp_path / "vb.db"
    ingest([str(first)], str(db), workers=0, progress=False)
    monkeypatch.setattr(store, "BUSY_SECONDS", 1)
    other = _held(db)
    try:
        code = main(["ingest", str(second), "--db", str(db), "--workers", str(workers), "--no-progress"])
    finally:
        other.rollback()
        other.close()
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(lines) == 1, lines
    assert "the archive is locked by another program (waited 1 s for it)" in lines[0]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM versions").fetchone() == (5,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    report = ingest([str(second)], str(db), workers=workers, progress=False)
    assert (report.stored, report.failed) == (10, 0)


def test_a_lock_cause_names_only_the_busy_timeout() -> None:
    assert store.lock_cause(sqlite3.OperationalError("database is locked")) is not None
    assert store.lock_cause(sqlite3.OperationalError("disk I/O error")) is None
    assert store.lock_cause(ValueError("database is locked")) is None
