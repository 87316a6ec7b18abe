"""The SQLite archive locked by another writer while an ingest runs: the ingest waits for the lock
(busy timeout) instead of failing, and stores every document once the other writer lets go."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from variants import bulk_letters

from vbdieuhanh.archive.ingest import ingest


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
