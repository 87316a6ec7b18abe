"""Writing a new document reads no table whole: each statement of an ingest into a stored archive is
checked with SQLite's EXPLAIN QUERY PLAN. A full scan on the write path makes an ingest slow down as
the archive grows (the delete of a new document's search row read the whole FTS5 table: 10,000
letters took 157 s, 108 of them in that statement)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from variants import COMMITTEE, bulk_letters, changed_version, council_letter, national_letter

from vbdieuhanh.archive import open_archive
from vbdieuhanh.archive import store as store_module
from vbdieuhanh.archive.ingest import ingest

SMALL_TABLES = {"sqlite_master", "schema_migrations"}  # read whole by design: a few rows


def _full_scans(plan: list[str]) -> list[str]:
    """Steps that read a whole table: a plain SCAN, or a virtual table's index 0 with no constraint
    (FTS5 shows a look-up by rowid as 'INDEX 0:=', a full scan as 'INDEX 0:')."""
    return [
        step
        for step in plan
        if step.startswith("SCAN")
        and step.split()[1] not in SMALL_TABLES
        and ("INDEX" not in step or step.endswith("VIRTUAL TABLE INDEX 0:"))
    ]


def test_ingesting_into_a_stored_archive_reads_no_table_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New documents, directives that replace their placeholders, and new versions."""
    bulk_letters(tmp_path / "first", 20)
    bulk_letters(tmp_path / "second", 20, start=20)
    for letter in sorted((tmp_path / "first").iterdir())[:5]:  # changed files of stored documents
        changed = letter.read_text(encoding="utf-8") + "\nGhi chú: bản sửa.\n"
        (tmp_path / "second" / f"changed-{letter.name}").write_text(changed, encoding="utf-8")
    # provinces answer directives the archive does not hold yet (placeholders); then they arrive
    for number in range(60, 63):
        cited = f"Công văn số {number}/CV-BCĐQG ngày 13/5/2021 của {COMMITTEE}"
        answer = council_letter("Lai Châu", number + 100, date(2021, 6, 1), cited)
        (tmp_path / "first" / f"answer-{number}.txt").write_text(answer, encoding="utf-8")
        directive = national_letter(number, date(2021, 5, 13), date(2021, 6, 30), "V/v hiến máu")
        (tmp_path / "second" / f"directive-{number}.txt").write_text(directive, encoding="utf-8")
    db = tmp_path / "vb.db"
    ingest([str(tmp_path / "first")], str(db), workers=0, progress=False)
    statements: dict[str, Any] = {}
    real_execute = store_module.SQLiteStore.execute

    def recording(self: store_module.SQLiteStore, sql: str, params: Any = ()) -> Any:
        statements.setdefault(sql, params)
        return real_execute(self, sql, params)

    monkeypatch.setattr(store_module.SQLiteStore, "execute", recording)
    report = ingest([str(tmp_path / "second")], str(db), workers=0, progress=False)
    assert (report.stored, report.new_versions) == (23, 5)
    with sqlite3.connect(db) as conn:  # the directives took the place of their placeholders
        statuses = conn.execute("SELECT status FROM documents WHERE number_symbol LIKE '6_/CV-BCĐQG'")
        assert [row[0] for row in statuses] == ["stored"] * 3
    checked = 0
    with sqlite3.connect(db) as conn:
        for sql, params in statements.items():
            if not sql.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE")):
                continue
            plan = [str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
            assert not _full_scans(plan), f"{' '.join(sql.split())}: {plan}"
            checked += 1
    assert checked >= 10  # the write path was seen


def test_a_new_version_replaces_its_search_row(archive_url: str, tmp_path: Path) -> None:
    """The search row of a stored document is replaced when a changed file arrives."""

    [letter] = bulk_letters(tmp_path / "v1", 1)
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text + "\nGhi chú: khinh khí cầu.\n", encoding="utf-8")
    newer = tmp_path / "v2" / letter.name
    newer.parent.mkdir()
    newer.write_text(changed_version(text) + "\nGhi chú: tàu ngầm.\n", encoding="utf-8")
    with open_archive(archive_url) as archive:
        archive.ingest([str(letter)], workers=0, progress=False)
        assert len(archive.search("khinh khí cầu")) == 1 and not archive.search("tàu ngầm")
        report = archive.ingest([str(newer)], workers=0, progress=False)
        assert report.new_versions == 1
        assert len(archive.search("tàu ngầm")) == 1
        assert not archive.search("khinh khí cầu")  # the old version's words are gone


def test_an_archive_made_before_search_rows_finds_and_replaces_its_old_rows(tmp_path: Path) -> None:
    """Migration 4 maps the FTS5 rows an older archive holds to their documents."""
    from vbdieuhanh.archive.migrations import MIGRATIONS, migrate
    from vbdieuhanh.archive.store import connect

    [letter] = bulk_letters(tmp_path / "v1", 1)
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text + "\nGhi chú: khinh khí cầu.\n", encoding="utf-8")
    db = str(tmp_path / "old.db")
    with open_archive(db) as archive:
        archive.ingest([str(letter)], workers=0, progress=False)
    store = connect(db)  # as the library before migration 4 left it: no search_rows
    store.execute("DROP TABLE search_rows")
    store.execute("DELETE FROM schema_migrations WHERE version = 4")
    assert migrate(store, MIGRATIONS) == 4
    assert store.scalar("SELECT count(*) FROM search_rows") == 1
    store.close()
    newer = tmp_path / "v2" / letter.name
    newer.parent.mkdir()
    newer.write_text(changed_version(text) + "\nGhi chú: tàu ngầm.\n", encoding="utf-8")
    with open_archive(db) as archive:
        assert archive.ingest([str(newer)], workers=0, progress=False).new_versions == 1
        assert len(archive.search("tàu ngầm")) == 1 and not archive.search("khinh khí cầu")
