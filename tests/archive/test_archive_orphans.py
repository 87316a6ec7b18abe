"""Killing an ingest with kill -9 leaves no worker process running (issue 11)."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from variants import bulk_letters

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_end_with_a_killed_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    bulk_letters(folder, 400)
    script = (
        "import sys; from vbdieuhanh.archive.ingest import ingest\n"
        "if __name__ == '__main__':\n"
        f"    ingest([{str(folder)!r}], {str(tmp_path / 'vb.db')!r}, workers=2, batch=1, progress=False)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while time.monotonic() < deadline and len(workers) < 2:
            workers = [p for p in _children(parent.pid) if _alive(p)]
            time.sleep(0.2)
        assert len(workers) >= 2, "the ingest started no workers"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        end = time.monotonic() + 15
        while time.monotonic() < end and any(_alive(p) for p in workers):
            time.sleep(0.2)
        assert not [p for p in workers if _alive(p)], "workers kept running after the ingest was killed"
    finally:
        if parent.poll() is None:
            parent.kill()


def test_ctrl_c_stops_the_run_quietly_and_saves_its_counts(tmp_path: Path) -> None:
    """Ctrl-C printed a traceback from every worker and left the run's row without counts."""
    folder = tmp_path / "letters"
    bulk_letters(folder, 3000)
    db = tmp_path / "vb.db"
    script = (
        "import sys; from vbdieuhanh.archive.ingest import ingest\n"
        "if __name__ == '__main__':\n"
        "    try:\n"
        f"        ingest([{str(folder)!r}], {str(db)!r}, workers=2, batch=1, progress=False)\n"
        "    except KeyboardInterrupt:\n"
        "        print('interrupted', file=sys.stderr); sys.exit(130)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives it
    )
    deadline, stored = time.monotonic() + 120, 0
    while time.monotonic() < deadline and stored == 0 and parent.poll() is None:  # a loaded machine
        time.sleep(0.2)  # is slow to start the workers: wait for documents, not a fixed time
        if db.exists():
            with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(db)) as conn:
                stored = conn.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
    assert parent.poll() is None, f"the ingest ended before its Ctrl-C ({stored} documents seen stored)"
    os.killpg(parent.pid, signal.SIGINT)  # Ctrl-C reaches the whole group
    _, stderr = parent.communicate(timeout=60)
    assert parent.returncode == 130
    assert "Traceback" not in stderr
    with sqlite3.connect(db) as conn:
        seen, finished = conn.execute("SELECT seen, finished_at FROM ingest_runs").fetchone()
    assert seen > 0 and finished is None
