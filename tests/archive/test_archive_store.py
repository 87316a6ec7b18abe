"""The store: URLs and their errors, versioned migrations, idempotent writes, versions, placeholders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from variants import committee_letter, national_letter, short_date

import vbdieuhanh
from vbdieuhanh.archive import ArchiveError, open_archive
from vbdieuhanh.archive.migrations import LATEST, MIGRATIONS, Migration, migrate, schema_version
from vbdieuhanh.archive.store import connect, lock_id, redact

CITED = f"Công văn số 45/CV-BCĐQG ngày {short_date(date(2021, 7, 20))}"


def letter(province: str = "Lai Châu", number: int = 127, body_edit: str = "", cited: str = CITED) -> str:
    text = committee_letter(province, number, date(2021, 7, 29), cited)
    return text.replace("thực hiện một số nội dung sau:", f"thực hiện {body_edit}một số nội dung sau:", 1)


def test_bad_urls_give_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match=r"unknown database scheme 'mysql'"):
        connect("mysql://u@h/db")
    with pytest.raises(ArchiveError, match=r"u:\*\*\*@127\.0\.0\.1:1/x: cannot connect to PostgreSQL"):
        connect("postgresql://u:secret@127.0.0.1:1/x")
    with pytest.raises(ArchiveError, match="cannot open the SQLite archive"):
        connect(str(tmp_path / "missing" / "x.db"), readonly=True)
    assert redact("postgresql://me:pw@host/db") == "postgresql://me:***@host/db"
    assert "\n" not in str(ArchiveError("x", "cause"))


def test_sqlite_urls(tmp_path: Path) -> None:
    for url in (str(tmp_path / "a.db"), f"sqlite:///{tmp_path / 'b.db'}".replace("///", "////", 1)):
        store = connect(url)
        assert migrate(store) == LATEST
        store.close()
    assert (tmp_path / "a.db").exists() and (tmp_path / "b.db").exists()


def test_migrations_are_versioned_applied_once_and_a_newer_archive_is_refused(archive_url: str) -> None:
    store = connect(archive_url)
    assert migrate(store) == LATEST and schema_version(store) == LATEST
    assert migrate(store) == LATEST  # a second open applies nothing
    extra = Migration(LATEST + 1, "a test column", ("ALTER TABLE documents ADD COLUMN note TEXT",))
    assert migrate(store, (*MIGRATIONS, extra)) == LATEST + 1
    assert migrate(store, (*MIGRATIONS, extra)) == LATEST + 1
    assert store.scalar("SELECT COUNT(*) FROM schema_migrations") == len(MIGRATIONS) + 1
    with pytest.raises(ArchiveError, match="newer than this library"):
        migrate(store)
    store.close()


def test_a_changed_file_with_the_same_number_issuer_and_date_is_a_new_version(archive_url: str) -> None:
    with open_archive(archive_url) as archive:
        first = archive.add(vbdieuhanh.parse_text(letter()))
        again = archive.add(vbdieuhanh.parse_text(letter()))
        second = archive.add(vbdieuhanh.parse_text(letter(body_edit="khẩn trương ")))
        assert (first.status, again.status, second.status) == ("stored", "unchanged", "new_version")
        assert first.document_id == second.document_id and second.version == 2
        store = archive.store
        assert store.scalar("SELECT COUNT(*) FROM versions WHERE document_id = ?", (first.document_id,)) == 2
        assert store.scalar("SELECT versions FROM documents WHERE id = ?", (first.document_id,)) == 2
        assert "khẩn trương" in archive.document("127/BCĐ-LCVX").text
        # the derived rows are those of the current version, not doubled
        tasks = store.scalar("SELECT COUNT(*) FROM tasks WHERE document_id = ?", (first.document_id,))
        assert tasks == 4
        other = archive.add(vbdieuhanh.parse_text(letter(number=128)))
        assert other.status == "stored" and other.document_id != first.document_id


def test_a_placeholder_without_issuer_is_merged_when_the_document_arrives(archive_url: str) -> None:
    with open_archive(archive_url) as archive:
        archive.add(vbdieuhanh.parse_text(letter()))
        placeholder = "45/CV-BCĐQG|2021-07-20|?"
        assert (
            archive.store.scalar("SELECT status FROM documents WHERE id = ?", (placeholder,)) == "placeholder"
        )
        outcome = archive.add(
            vbdieuhanh.parse_text(national_letter(45, date(2021, 7, 20), date(2021, 8, 31), "x"))
        )
        assert outcome.status == "stored" and outcome.document_id != placeholder
        assert archive.store.one("SELECT 1 FROM documents WHERE id = ?", (placeholder,)) is None
        assert archive.store.scalar(
            "SELECT document_id FROM merges WHERE placeholder_id = ?", (placeholder,)
        ) == (outcome.document_id)
        (response,) = archive.followup(placeholder).responses  # the old id still finds the document
        assert response.number_symbol == "127/BCĐ-LCVX" and response.lag_days == 9


def test_a_new_version_that_drops_a_citation_drops_its_orphan_placeholder(archive_url: str) -> None:
    with open_archive(archive_url) as archive:
        archive.add(vbdieuhanh.parse_text(letter()))
        assert archive.store.scalar("SELECT COUNT(*) FROM documents WHERE ns_key = '45/CV-BCĐQG'") == 1
        archive.add(vbdieuhanh.parse_text(letter(cited="Công văn số 46/CV-BCĐQG ngày 21/7/2021")))
        assert archive.store.scalar("SELECT COUNT(*) FROM documents WHERE ns_key = '45/CV-BCĐQG'") == 0
        assert archive.store.scalar("SELECT COUNT(*) FROM documents WHERE ns_key = '46/CV-BCĐQG'") == 1


def test_unknown_references_and_ambiguous_numbers_are_clear_errors(archive_url: str) -> None:
    with open_archive(archive_url) as archive:
        archive.add(vbdieuhanh.parse_text(letter()))
        archive.add(vbdieuhanh.parse_text(letter(province="Cao Bằng").replace("BCĐ-CBVX", "BCĐ-LCVX", 1)))
        with pytest.raises(ArchiveError, match="no document with this number"):
            archive.followup("999/XX")
        with pytest.raises(ArchiveError, match="2 documents have this number"):
            archive.followup("127/BCĐ-LCVX")
        with pytest.raises(ArchiveError, match="no such body"):
            archive.tasks("Sở Ngoại vụ tỉnh Cà Mau")
        # 92 % like the Lai Châu committee's name, but another province: not a typo of it
        with pytest.raises(ArchiveError, match=r"no such body.*closest: Ban Chỉ đạo"):
            archive.tasks("Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Lào Cai")


def test_reading_commands_refuse_a_path_that_holds_no_archive(archive_url: str) -> None:
    with pytest.raises(ArchiveError, match="no archive"):
        open_archive(archive_url, create=False)
    if "://" not in archive_url:
        assert not Path(archive_url).exists()  # a mistyped --db leaves nothing behind
    with open_archive(archive_url) as archive:  # creating is what ingest does
        assert archive.stats()["documents"] == 0
    with open_archive(archive_url, create=False) as archive:
        assert archive.stats()["documents"] == 0


def test_writers_of_one_province_do_not_wait_for_each_other_once_its_bodies_are_known(make_url) -> None:
    """Every PostgreSQL writer locked the provinces of all the bodies of its document for its whole
    transaction, so two writers of Lai Châu letters took turns (in benchmarks/dask_postgres.py at
    50,000 letters, waiting for those locks was 77 % of the server's statement time). Bodies this
    writer has already resolved are not locked again; new ones still are."""
    import psycopg

    from vbdieuhanh.archive.prepare import prepare
    from vbdieuhanh.archive.resolve import AgencyResolver
    from vbdieuhanh.archive.write import write

    url = make_url("postgres")
    store = connect(url)
    migrate(store)
    resolver = AgencyResolver(store)
    first = prepare(vbdieuhanh.parse_text(letter(number=127)), "a" * 64)
    assert "province:Lai Châu" in first.lock_keys(resolver.settled)  # its bodies are new here
    assert write(store, resolver, first).status == "stored"
    second = prepare(vbdieuhanh.parse_text(letter(number=128)), "b" * 64)
    assert [k for k in second.lock_keys(resolver.settled) if not k.startswith("doc:")] == []
    with psycopg.connect(url) as other:  # another writer, creating a body of Lai Châu, holds its lock
        other.execute("SELECT pg_advisory_xact_lock(%s)", (lock_id("province:Lai Châu"),))
        store.execute("SET lock_timeout = '5s'")
        assert write(store, resolver, second).status == "stored"
        held = other.execute(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
        )
        assert held.fetchone() == (1,)
    store.close()


def test_a_postgres_writer_locks_every_key_in_one_statement(make_url) -> None:
    import psycopg

    url = make_url("postgres")
    store = connect(url)
    keys, shared = ["doc:1/UBND-VX", "agency:b", "province:Lai Châu", "agency:a", "agency:b"], ["doc:2/CV"]
    with store.transaction(), psycopg.connect(url, autocommit=True) as other:
        store.lock(keys, shared=[*shared, "agency:a"])  # a key given both ways is locked alone

        def taken(how: str, key: str) -> bool:
            return bool(
                other.execute(f"SELECT pg_try_advisory_xact_{how}(%s)", (lock_id(key),)).fetchone()[0]
            )

        assert [taken("lock_shared", k) for k in keys] == [False] * len(keys)
        assert (taken("lock_shared", "doc:2/CV"), taken("lock", "doc:2/CV")) == (True, False)
    store.close()


def test_writers_citing_one_number_write_side_by_side(make_url) -> None:
    """Every writer locked the numbers its document cites for its whole transaction: at 50,000
    letters three quarters cited one directive, and their writers took turns. They lock it shared
    now; only making its placeholder waits for the others."""
    import psycopg

    from vbdieuhanh.archive.prepare import prepare
    from vbdieuhanh.archive.resolve import AgencyResolver
    from vbdieuhanh.archive.write import write

    url = make_url("postgres")
    store = connect(url)
    migrate(store)
    resolver = AgencyResolver(store)
    first, second = (
        prepare(vbdieuhanh.parse_text(letter(number=n)), h * 64) for n, h in ((127, "a"), (128, "b"))
    )
    cited = f"doc:{first.citations[0].ns_key}"
    store.execute("SET lock_timeout = '2s'")
    with psycopg.connect(url) as other:  # another writer citing the same number, in its transaction
        other.execute("SELECT pg_advisory_xact_lock_shared(%s)", (lock_id(cited),))
        with pytest.raises(ArchiveError, match="lock timeout"):  # its placeholder waits for that writer
            write(store, resolver, first)
    assert write(store, resolver, first).status == "stored"  # the placeholder is made
    with psycopg.connect(url) as other:
        other.execute("SELECT pg_advisory_xact_lock_shared(%s)", (lock_id(cited),))
        assert write(store, resolver, second).status == "stored"  # citing it does not wait
    placeholders = "SELECT COUNT(*) FROM documents WHERE ns_key = ? AND status = 'placeholder'"
    assert store.scalar(placeholders, (first.citations[0].ns_key,)) == 1
    store.close()


def test_a_placeholder_is_not_dropped_under_a_writer_that_cites_it(make_url) -> None:
    """A new version that stops citing a number dropped its placeholder as soon as it saw no edge
    to it, while another writer, citing that number in a transaction not yet committed, was adding
    one: the edge then pointed at no document. The number is locked alone before the drop now, so
    the dropping writer waits for the citing one, sees its edge and keeps the placeholder."""
    import threading

    from vbdieuhanh.archive.prepare import prepare
    from vbdieuhanh.archive.resolve import AgencyResolver
    from vbdieuhanh.archive.write import _write, write

    url = make_url("postgres")
    setup, dropping, citing = connect(url), connect(url), connect(url)
    migrate(setup)
    old, new = (
        prepare(vbdieuhanh.parse_text(letter(cited=cited)), h * 64)
        for cited, h in ((CITED, "a"), ("Công văn số 46/CV-BCĐQG ngày 21/7/2021", "b"))
    )
    other = prepare(vbdieuhanh.parse_text(letter(province="Cao Bằng", number=128)), "c" * 64)
    write(setup, AgencyResolver(setup), old)  # cites 45/CV-BCĐQG: its placeholder is made
    cited_by_other = threading.Event()
    release = threading.Event()

    def cite_and_wait() -> None:  # the other writer: its edge to 45/CV-BCĐQG, not yet committed
        with citing.transaction():
            citing.lock([], shared=other.cited_keys())
            _write(citing, AgencyResolver(citing), other, None, None)
            cited_by_other.set()
            release.wait(30)

    holder = threading.Thread(target=cite_and_wait)
    holder.start()
    assert cited_by_other.wait(30)
    dropper = threading.Thread(target=lambda: write(dropping, AgencyResolver(dropping), new))
    dropper.start()
    dropper.join(3)  # it waits for the citing writer now; before, it dropped the placeholder here
    release.set()
    holder.join(30)
    dropper.join(30)
    dangling = (
        "SELECT COUNT(*) FROM edges WHERE dst LIKE 'doc:%' "
        "AND substr(dst, 5) NOT IN (SELECT id FROM documents)"
    )
    assert setup.scalar(dangling) == 0
    assert setup.scalar("SELECT COUNT(*) FROM documents WHERE ns_key = '45/CV-BCĐQG'") == 1
    for store in (setup, dropping, citing):
        store.close()


def test_a_documents_search_text_does_not_stay_in_the_word_cache() -> None:
    """Each document's folded text stayed in strip_marks' cache: +14 KB a document in the writer."""
    from vbdieuhanh.archive.prepare import fold_search
    from vbdieuhanh.tones import strip_marks

    held = strip_marks.cache_info().currsize
    assert fold_search(letter(number=991) + "\nHIẾN MÁU Đ").endswith("hien mau d")
    assert strip_marks.cache_info().currsize == held
