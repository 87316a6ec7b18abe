"""A disk that fills up in the middle of an ingest, for real: a 2 MB tmpfs under the SQLite archive.

The run ends with one line and a non-zero exit; the archive opens and passes SQLite's integrity
check; every document in it is whole (the tables hold what a clean ingest of the same files gives);
given room, the same command stores the rest. Mounting needs root (CI runs as root); elsewhere the
test skips with the reason.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tables import sqlite_counts
from variants import bulk_letters

from vbdieuhanh.archive.ingest import ingest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _ingest_cli(folder: Path, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vbdieuhanh", "ingest", str(folder), "--db", str(db), "--workers", "2"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_disk_full_mid_ingest_leaves_whole_documents_and_a_rerun_stores_the_rest(
    tmp_path: Path, small_disk: Path
) -> None:
    folder = tmp_path / "letters"
    files = bulk_letters(folder, 150)  # about 6 MB of archive: the disk fills after some 40
    db = small_disk / "vb.db"

    first = _ingest_cli(folder, db)
    assert first.returncode == 1, first.stderr
    assert "full" in first.stderr and "Traceback" not in first.stderr, first.stderr
    assert len(first.stderr.strip().splitlines()) == 1, first.stderr

    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    with sqlite3.connect(db) as conn:
        stored = [Path(row[0]).name for row in conn.execute("SELECT file FROM versions")]
    assert 0 < len(stored) < len(files), (len(stored), first.stderr)
    part = tmp_path / "stored"
    part.mkdir()
    for name in stored:
        (part / name).write_bytes((folder / name).read_bytes())
    reference = tmp_path / "reference.db"
    ingest([str(part)], str(reference), workers=0, progress=False)
    assert sqlite_counts(db) == sqlite_counts(reference)  # each stored document whole, nothing half-written

    second = _ingest_cli(folder, db)
    assert second.returncode == 0, second.stderr
    everything = tmp_path / "everything.db"
    ingest([str(folder)], str(everything), workers=0, progress=False)
    assert sqlite_counts(db) == sqlite_counts(everything)
