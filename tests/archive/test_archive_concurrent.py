"""Two ingests into one SQLite archive at once: every document stored once, the archive whole
(issue 11)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from variants import bulk_letters

ROOT = Path(__file__).resolve().parents[2]


def test_two_ingests_into_one_sqlite_file(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    bulk_letters(folder, 40)
    db = tmp_path / "vb.db"
    script = (
        "import sys; from vbdieuhanh.archive.ingest import ingest\n"
        "if __name__ == '__main__':\n"
        "    r = ingest([sys.argv[1]], sys.argv[2], workers=1, batch=2, progress=False)\n"
        "    print(r.stored, r.unchanged, r.failed)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(folder), str(db)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    counts = [tuple(int(n) for n in run.communicate(timeout=300)[0].split()) for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert sum(stored for stored, _, _ in counts) == 40  # each document stored by one of them
    assert all(failed == 0 for _, _, failed in counts)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT COUNT(*) FROM versions").fetchone() == (40,)
