"""Batch ingest: folders, globs and zip files; failures recorded and summarised; exit codes; and a
kill -9 in the middle of a run, then a second run: every document stored once, none lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from variants import bulk_letters

from vbdieuhanh import Document
from vbdieuhanh.archive import open_archive
from vbdieuhanh.archive.ingest import ingest
from vbdieuhanh.archive.inputs import Item, iter_items
from vbdieuhanh.archive.queries import failures

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vbdieuhanh.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


def _bad_inputs(folder: Path) -> dict[str, str]:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text " * 20)
    (folder / "broken.zip").write_bytes(b"PK\x03\x04 truncated")
    return {"empty.txt": "empty", "binary.txt": "unsupported_format", "broken.zip": "corrupt"}


def test_folders_globs_and_zip_files(tmp_path: Path, seed_paths: list[Path]) -> None:
    letters = bulk_letters(tmp_path / "letters", 6)
    with zipfile.ZipFile(tmp_path / "batch.zip", "w") as archive:
        for path in seed_paths:
            archive.write(path, f"seeds/{path.name}")
        archive.writestr("nested.zip", b"PK")
        archive.writestr("__MACOSX/._x.txt", b"junk")
    names = [
        i.name for i in iter_items([str(tmp_path / "letters"), str(tmp_path / "*.zip"), str(letters[0])])
    ]
    assert len(names) == 6 + 4 + 1
    assert f"{tmp_path / 'batch.zip'}!seeds/{seed_paths[0].name}" in names
    url = str(tmp_path / "a.db")
    report = ingest([str(tmp_path / "letters"), str(tmp_path / "*.zip")], url, workers=2, progress=False)
    assert (report.stored, report.failed) == (9, 1)
    # a zip inside a zip is read (down to Limits.max_zip_depth); this one is broken
    assert [(name, error.split(" (")[0]) for name, error in report.failures] == [
        (f"{tmp_path / 'batch.zip'}!nested.zip", "corrupt: not a readable zip file")
    ]
    with open_archive(url) as opened:
        files = {r[0] for r in opened.store.rows("SELECT file FROM versions")}
        assert f"{tmp_path / 'batch.zip'}!seeds/kiengiang_114-BCD-KGVX_2021.txt" in files
        assert opened.document("114/BCĐ-KGVX").file.endswith(
            "batch.zip!seeds/kiengiang_114-BCD-KGVX_2021.txt"
        )


def test_bad_inputs_never_stop_a_batch_and_are_recorded_with_their_cause(
    archive_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    bulk_letters(folder, 5)
    causes = _bad_inputs(folder)
    report = ingest([str(folder), str(tmp_path / "missing.txt")], archive_url, workers=2, progress=False)
    assert report.stored == 5 and report.failed == 4 and not report.ok
    with open_archive(archive_url) as archive:
        rows = failures(archive.store)
    found = {Path(r["path"]).name: r["error"].split(":")[0] for r in rows}
    assert found == {**causes, "missing.txt": "unreadable"}
    assert archive_url  # the run is recorded with its counts
    with open_archive(archive_url) as archive:
        last = archive.stats()["last_run"]
        assert (last["stored"], last["failed"], last["seen"]) == (5, 4, 9) and last["finished_at"]


def test_cli_summarises_failures_and_its_exit_code_says_whether_anything_failed(tmp_path: Path) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    bulk_letters(good, 3)
    bad.mkdir()
    _bad_inputs(bad)
    db = str(tmp_path / "cli.db")
    ok = _cli("ingest", str(good), "--db", db, "--workers", "0")
    assert ok.returncode == 0, ok.stderr
    assert "3 stored, 0 new versions, 0 unchanged, 0 failed" in ok.stderr
    failed = _cli("ingest", str(good), str(bad), "--db", db, "--workers", "0")
    assert failed.returncode == 1
    assert "3 unchanged, 3 failed" in failed.stderr
    assert "empty.txt: empty: the file is empty (0 bytes)" in failed.stderr
    shown = _cli("ingest", str(good), "--db", db, "--workers", "0", "--progress")
    assert shown.returncode == 0 and "doc/s" in shown.stderr and "3/3" in shown.stderr
    listed = _cli("failures", "--db", db, "--run", "2", "--format", "csv")
    assert listed.returncode == 0 and listed.stdout.count("\n") == 4
    url = _cli("stats", "--db", "postgresql://someone:pw@127.0.0.1:9/none")
    assert url.returncode == 1 and url.stderr.count("\n") == 1 and "pw" not in url.stderr


def _stored(url: str) -> int:
    if "://" not in url:
        try:
            with sqlite3.connect(f"file:{url}?mode=ro", uri=True, timeout=5) as conn:
                return int(conn.execute("SELECT COUNT(*) FROM versions").fetchone()[0])
        except sqlite3.Error:
            return 0
    import psycopg

    try:
        with psycopg.connect(url, autocommit=True) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM versions").fetchone()[0])
    except psycopg.Error:
        return 0


def test_kill_9_in_the_middle_then_a_second_run_stores_every_document_once(
    archive_url: str, tmp_path: Path
) -> None:
    total = 400
    folder = tmp_path / "letters"
    paths = bulk_letters(folder, total)
    command = [sys.executable, "-m", "vbdieuhanh.cli", "ingest", str(folder), "--db", archive_url]
    command += ["--workers", "2", "--batch", "4", "--no-progress"]
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _stored(archive_url) < 40:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the first run stored nothing"
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the parent and its workers, mid-run
    process.wait(timeout=30)
    first = _stored(archive_url)
    assert 40 <= first < total, "kill -9 did not land in the middle of the run"
    again = _cli("ingest", str(folder), "--db", archive_url, "--workers", "2", "--no-progress")
    assert again.returncode == 0, again.stderr
    with open_archive(archive_url) as archive:
        store = archive.store
        assert store.scalar("SELECT COUNT(*) FROM versions") == total
        assert store.scalar("SELECT COUNT(DISTINCT file) FROM versions") == total
        assert {Path(r[0]).name for r in store.rows("SELECT file FROM versions")} == {p.name for p in paths}
        assert store.scalar("SELECT COUNT(*) FROM documents WHERE status = 'stored'") == total
        # no half-written document: every stored document has its version and all its tasks
        assert store.scalar(
            "SELECT COUNT(*) FROM documents d LEFT JOIN versions v ON v.hash = d.current_hash "
            "WHERE d.status = 'stored' AND v.hash IS NULL"
        ) == 0  # fmt: skip
        tasks = dict(store.rows("SELECT document_id, COUNT(*) FROM tasks GROUP BY document_id"))
        for doc_id, record in store.rows(
            "SELECT d.id, v.record FROM documents d JOIN versions v ON v.hash = d.current_hash"
        ):
            parsed = (
                Document.model_validate(record)
                if isinstance(record, dict)
                else Document.model_validate_json(record)
            )
            assert tasks.get(doc_id, 0) == len(parsed.iter_tasks())
        runs = store.rows("SELECT stored, unchanged, failed, finished_at FROM ingest_runs ORDER BY id")
        assert len(runs) == 2 and runs[0][3] is None  # the killed run never finished
        assert runs[1][0] == total - first and runs[1][1] == first and runs[1][2] == 0
        if store.dialect == "sqlite":
            assert store.scalar("PRAGMA integrity_check") == "ok"


@pytest.mark.slow
def test_memory_stays_flat_over_a_large_ingest(tmp_path: Path) -> None:
    """Parent peak memory for 3,000 documents is within a few MB of that for 300."""
    import json

    script = (
        "import json, resource, sys\n"
        "from vbdieuhanh.archive.ingest import ingest\n"
        "if __name__ == '__main__':\n"
        "    ingest([sys.argv[1]], sys.argv[2], workers=2, progress=False)\n"
        "    print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    )
    runner = tmp_path / "run.py"
    runner.write_text(script)
    peaks = []
    for count in (300, 3000):
        folder = tmp_path / f"in{count}"
        bulk_letters(folder, count)
        out = subprocess.run(
            [sys.executable, str(runner), str(folder), str(tmp_path / f"{count}.db")],
            capture_output=True, text=True, check=True, cwd=ROOT, timeout=600,
        )  # fmt: skip
        peaks.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert peaks[1] - peaks[0] < 30_000, peaks  # KiB


def test_a_file_that_kills_its_worker_fails_alone(tmp_path: Path) -> None:
    from crashing import CrashingItem

    from vbdieuhanh.archive.batch import batches as _batches
    from vbdieuhanh.archive.ingest import _Pool
    from vbdieuhanh.archive.migrations import migrate
    from vbdieuhanh.archive.store import connect

    url = str(tmp_path / "a.db")
    migrate(connect(url))
    good = bulk_letters(tmp_path / "in", 5)
    items = [Item(str(p)) for p in good[:3]] + [CrashingItem(str(tmp_path / "boom.txt"))]
    items += [Item(str(p)) for p in good[3:]]
    results = {r.name: r for r in _Pool(url, 2).run(_batches(iter(items), 2))}
    assert len(results) == 6
    assert (
        results[str(tmp_path / "boom.txt")].error == "crash: the worker process died while reading this file"
    )
    assert all(results[str(p)].prepared is not None for p in good)
