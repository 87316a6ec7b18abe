"""One Archive shared by four threads: 200 letters added without an error (the archive's lock keeps
its one connection to one thread at a time), while another thread reads."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from vbdieuhanh.archive import open_archive

SEED = Path(__file__).resolve().parents[2] / "samples" / "kiengiang_114-BCD-KGVX_2021.txt"


def _letters(folder: Path, count: int) -> list[Path]:
    """The Kiên Giang letter renumbered: ``count`` distinct documents."""
    text = SEED.read_text(encoding="utf-8")
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"kg_{i:03d}.txt"
        path.write_text(text.replace("114/BCĐ-KGVX", f"{1000 + i}/BCĐ-KGVX"), encoding="utf-8")
        paths.append(path)
    return paths


def test_four_threads_share_one_archive(tmp_path: Path) -> None:
    paths = _letters(tmp_path / "in", 200)
    stop = threading.Event()
    reads: list[int] = []
    with open_archive(str(tmp_path / "shared.db")) as archive:

        def reader() -> None:
            while not stop.is_set():
                reads.append(int(archive.stats()["documents"]))

        def add(chunk: list[Path]) -> list[str]:
            return [archive.add_file(path).status for path in chunk]

        watcher = threading.Thread(target=reader)
        watcher.start()
        try:
            with ThreadPoolExecutor(4) as pool:
                statuses = [s for chunk in pool.map(add, [paths[i::4] for i in range(4)]) for s in chunk]
        finally:
            stop.set()
            watcher.join()
        assert statuses.count("stored") == 200
        assert archive.store.scalar("SELECT COUNT(*) FROM documents WHERE status = 'stored'") == 200
        assert archive.store.scalar("SELECT COUNT(*) FROM versions") == 200
        assert archive.document("1199/BCĐ-KGVX").number == 1199
    assert reads  # the reader ran alongside


def test_add_file_refuses_a_fifo_without_blocking(tmp_path) -> None:
    """Archive.add_file read a FIFO whole before its checks: it blocked for ever."""
    import os

    import pytest

    from vbdieuhanh.archive import open_archive
    from vbdieuhanh.errors import VbdhError

    fifo = tmp_path / "letter.txt"
    os.mkfifo(fifo)
    with (
        open_archive(str(tmp_path / "vb.db")) as archive,
        pytest.raises(VbdhError, match="FIFO"),
    ):
        archive.add_file(fifo)
