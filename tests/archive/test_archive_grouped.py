"""An ingest into SQLite commits documents in groups (Store.grouped): each document is still whole
or absent, a failure inside one leaves the others of its group stored, and readers see everything
once the ingest returns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tables import sqlite_counts
from variants import bulk_letters

from vbdieuhanh.archive import write as write_module
from vbdieuhanh.archive.ingest import ingest
from vbdieuhanh.archive.store import GROUP_DOCUMENTS


def test_a_document_that_fails_inside_its_group_leaves_no_row_and_the_others_are_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = bulk_letters(tmp_path / "letters", GROUP_DOCUMENTS * 2 + 10)  # three groups
    doomed = files[GROUP_DOCUMENTS + 5]  # in the middle of the second group
    real_graph = write_module._write_graph

    def failing_graph(store, resolver, p, *args, **kwargs):  # half of the document is already written
        if p.file and Path(p.file).name == doomed.name:
            raise RuntimeError("the write failed half-way")
        return real_graph(store, resolver, p, *args, **kwargs)

    monkeypatch.setattr(write_module, "_write_graph", failing_graph)
    db = tmp_path / "grouped.db"
    report = ingest([str(tmp_path / "letters")], str(db), workers=0, progress=False)
    assert (report.stored, report.failed) == (len(files) - 1, 1)
    assert "the write failed half-way" in report.failures[0][1]

    monkeypatch.setattr(write_module, "_write_graph", real_graph)
    doomed.unlink()  # the same folder without the failed file, ingested cleanly
    reference = tmp_path / "reference.db"
    ingest([str(tmp_path / "letters")], str(reference), workers=0, progress=False)
    assert sqlite_counts(db) == sqlite_counts(reference)  # no row of the failed document anywhere


def test_readers_see_every_document_once_the_ingest_returns(tmp_path: Path) -> None:
    files = bulk_letters(tmp_path / "letters", GROUP_DOCUMENTS + 3)  # the last group is not full
    db = tmp_path / "vb.db"
    ingest([str(tmp_path / "letters")], str(db), workers=2, progress=False)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM versions").fetchone()[0] == len(files)
        assert conn.execute("SELECT finished_at IS NOT NULL FROM ingest_runs").fetchone() == (1,)
