"""SQL only with bound parameters: hostile values through every CLI argument that reaches a query,
on SQLite and PostgreSQL, and a scan of the library's source for SQL built from runtime values."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlscan import ALLOWED, sql_calls
from variants import binhduong_letter, binhduong_rows, build_realistic

from vbdieuhanh.archive.prepare import fold_search
from vbdieuhanh.cli import main

PACKAGE = Path(__file__).resolve().parents[2] / "vbdieuhanh"
DIRECTIVE = "45/CV-BCĐQG"
PAYLOADS = {
    "quote": "'",
    "or-true": "' OR '1'='1",
    "drop": '"; DROP TABLE documents; --',
    "percent": "%",
    "underscore": "_",
    "backslash": "\\",
    "modifier-apostrophe": "\u02bc",  # ʼ, a letter to Python's \w
    "fullwidth-apostrophe": "\uff07",  # ＇
    "right-quote": "\u2019",  # ’
}

# each CLI argument or option whose value reaches a query: the arguments, given the hostile value
ARGUMENTS: dict[str, Callable[[str], list[str]]] = {
    "followup REF": lambda p: ["followup", p],
    "followup REF after a number": lambda p: ["followup", DIRECTIVE + p],
    "followup --issuer": lambda p: ["followup", DIRECTIVE, "--issuer", p],
    "followup --date": lambda p: ["followup", DIRECTIVE, "--date", p],
    "followup --as-of": lambda p: ["followup", DIRECTIVE, "--as-of", p],
    "search WORDS": lambda p: ["search", p, "--limit", "1000"],
    "search WORDS after words": lambda p: ["search", f"hiến máu {p}", "--limit", "1000"],
    "search WORDS glued to a word": lambda p: ["search", f"máu{p}", "--limit", "1000"],
    "search --issuer": lambda p: ["search", "máu", "--issuer", p],
    "search --province": lambda p: ["search", "máu", "--province", p],
    "search --type": lambda p: ["search", "máu", "--type", p],
    "search --from": lambda p: ["search", "máu", "--from", p],
    "search --to": lambda p: ["search", "máu", "--to", p],
    "search --limit": lambda p: ["search", "máu", "--limit", p],
    "tasks --assignee": lambda p: ["tasks", "--assignee", p],
    "tasks --as-of": lambda p: ["tasks", "--assignee", "Ủy ban nhân dân tỉnh Lai Châu", "--as-of", p],
    "indicators --province": lambda p: ["indicators", "--province", p],
    "indicators --what": lambda p: ["indicators", "--what", p],
    "failures --run": lambda p: ["failures", "--run", p],
}


# ---- the archive, and what it holds ----------------------------------------------------------------


@pytest.fixture(scope="module")
def archive(module_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The realistic archive, plus one letter per hostile value, saved under that value as its file
    name and ingested by naming the files on the command line."""
    folder = tmp_path_factory.mktemp("sql")
    build_realistic(folder, vbpl=3, binhduong=5)
    for part in ("early", "first", "second"):
        assert main(["-q", "ingest", str(folder / part), "--db", module_url, "--workers", "0"]) == 0
    hostile = folder / "hostile"
    hostile.mkdir()
    rows = binhduong_rows()
    names = []
    for i, payload in enumerate(PAYLOADS.values()):
        row = dict(rows[-1 - i], so_ky_hieu=f"{9000 + i}/UBND-VP")
        path = hostile / f"{payload}.txt"
        path.write_text(binhduong_letter(row), encoding="utf-8")
        names.append(str(path))
    assert main(["-q", "ingest", *names, "--db", module_url, "--workers", "0"]) == 0
    return module_url


def _connect(url: str) -> Any:
    if "://" not in url:
        return sqlite3.connect(url)
    import psycopg

    return psycopg.connect(url, autocommit=True)


def _query(url: str, sql: str) -> list[tuple[Any, ...]]:
    conn = _connect(url)
    try:
        return list(conn.execute(sql).fetchall())
    finally:
        conn.close()


def _snapshot(url: str) -> dict[str, int]:
    """Rows per table (every table, the full-text index's too)."""
    if "://" not in url:
        listing = "SELECT name FROM sqlite_master WHERE type = 'table'"
    else:
        listing = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    tables = sorted(str(name) for (name,) in _query(url, listing))
    # identifiers from the catalog, quoted: test code, not the library
    return {t: int(_query(url, f'SELECT COUNT(*) FROM "{t}"')[0][0]) for t in tables}


def _intact(url: str) -> None:
    if "://" not in url:
        assert _query(url, "PRAGMA integrity_check") == [("ok",)]
        conn = sqlite3.connect(url)
        try:  # FTS5's own check of the search index against its content
            conn.execute("INSERT INTO search_text(search_text) VALUES ('integrity-check')")
        finally:
            conn.close()


@pytest.fixture(scope="module")
def baseline(archive: str) -> dict[str, int]:
    """The counts after a first read (which records the resolution settings in ``meta``)."""
    assert main(["stats", "--db", archive]) == 0
    counts = _snapshot(archive)
    assert counts["documents"] > 20 and counts["tasks"] > 0 and counts["indicators"] > 0
    return counts


# ---- what a literal match would return -------------------------------------------------------------


def _word_match(url: str, words: str) -> set[str]:
    """The stored documents whose folded text holds every word of ``words`` as a whole word
    (runs of letters and digits: '%', '_' and quotes are not words, as for the full-text index)."""
    terms = re.findall(r"[^\W_]+", fold_search(words))
    rows = _query(
        url,
        "SELECT s.document_id, s.folded FROM search_text s JOIN documents d ON d.id = s.document_id "
        "WHERE d.status = 'stored'",
    )
    found = set()
    for doc_id, folded in rows:
        if terms and all(re.search(rf"(?<![^\W_]){re.escape(t)}(?![^\W_])", str(folded)) for t in terms):
            found.add(str(doc_id))
    return found


def _literal(case: str, payload: str, url: str) -> Callable[[dict[str, Any]], bool]:
    """Would a literal match of the hostile value return this row?"""
    if case.startswith("search WORDS"):
        words = ARGUMENTS[case](payload)[1]
        allowed = _word_match(url, words)
        return lambda row: row["document_id"] in allowed
    field = {"indicators --province": "province", "indicators --what": "what"}
    if case in field:
        return lambda row: payload.casefold() in str(row.get(field[case]) or "").casefold()
    return lambda row: False  # no document, body, type or date is named by a hostile value alone


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _clean_exit(code: int, err: str) -> None:
    """0, or one line of error: 'vbdieuhanh: …' (exit 1) or click's usage and 'Error: …' (exit 2)."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    if code == 0:
        return
    assert code in (1, 2), err
    if code == 1:
        assert len(lines) == 1 and lines[0].startswith("vbdieuhanh:"), err
    else:
        assert [line for line in lines if line.startswith("Error:")] == [lines[-1]], err


# ---- the tests -------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
@pytest.mark.parametrize("case", ARGUMENTS)
def test_hostile_values_are_only_data(
    archive: str, baseline: dict[str, int], case: str, payload: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clean exit, no row a literal match would not give, the archive unchanged and intact."""
    code, out, err = _run([*ARGUMENTS[case](payload), "--db", archive, "-f", "json"], capsys)
    _clean_exit(code, err)
    if code == 0:
        data = json.loads(out)
        rows = data["responses"] + [data["directive"]] if isinstance(data, dict) else data
        literal = _literal(case, payload, archive)
        assert [r for r in rows if not literal(r)] == []
    elif case.startswith("followup REF"):
        assert "no document with this number" in err  # not 'several documents have this number'
    assert _snapshot(archive) == baseline
    _intact(archive)


def test_the_literal_matches_find_something(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The checks above compare with real matches: a search around a hostile value finds documents."""
    code, out, _ = _run(["search", "hiến máu %", "--limit", "1000", "--db", archive, "-f", "json"], capsys)
    hits = json.loads(out)
    assert code == 0 and len(hits) > 10
    assert all(_literal("search WORDS after words", "%", archive)(h) for h in hits)
    assert not any(_literal("search WORDS after words", "' OR '1'='1", archive)(h) for h in hits)


def test_hostile_file_names_are_stored_as_written(archive: str, baseline: dict[str, int]) -> None:
    """Paths given to ``ingest`` reach the archive as values, whole."""
    files = {Path(str(f)).name for (f,) in _query(archive, "SELECT file FROM versions")}
    assert {f"{p}.txt" for p in PAYLOADS.values()} <= files
    logged = {Path(str(f)).name for (f,) in _query(archive, "SELECT path FROM ingest_log")}
    assert {f"{p}.txt" for p in PAYLOADS.values()} <= logged
    _intact(archive)


def test_every_sql_call_in_the_library_is_fixed_text() -> None:
    """Every ``.execute``/``.executemany`` (and the ``Store`` helpers ``rows``/``one``/``scalar``/
    ``stream``) gets SQL built only from literals, module constants and placeholder lists; values go
    in parameters. The dynamic SQL the library has, all fixed text:

    - placeholder lists, ``f"… IN ({', '.join('?' * len(ids))})"`` (and the filters of search.py
      joined with ' AND ', each a literal or such a list);
    - table names from a literal tuple (``for table in ("edges", "tasks", "indicators")``);
    - column lists and joins held in module constants (``AGENCY_COLUMNS``) or local literals;
    - the ``Store`` methods, which hand their caller's SQL to the driver (each caller is checked),
      PostgreSQL's ``?`` → ``%s`` rewrite of it, and the migrations' DDL, the module's own
      statements with each dialect's type names from a fixed table.
    The last two are listed by hand in ``sqlscan.ALLOWED``; nothing else may use runtime values.
    """
    calls = sql_calls(PACKAGE)
    assert len(calls) > 100  # the scan sees the archive's queries
    assert [str(c) for c in calls if not c.fixed] == []
    used = {(c.path, c.function, c.sql) for c in calls}
    assert set(ALLOWED) <= used, "an allowed form no longer exists: remove it from sqlscan.ALLOWED"


SCANNED = """
from .consts import COLUMNS
TABLES = ("a", "b")

def good(store, ids, name, flag):
    marks = ", ".join("?" * len(ids))
    where = ["x = 1"]
    where.append(f"id IN ({marks})")
    kind = "('A')" if flag else "('B')"
    store.rows(f"SELECT {COLUMNS} FROM t WHERE {' AND '.join(where)} AND k IN {kind}", ids)
    for table in TABLES:
        store.execute(f"DELETE FROM {table} WHERE name = ?", (name,))
    count = store.scalar
    count("SELECT COUNT(*) FROM t")

def bad(store, name, table, rows):
    store.rows(f"SELECT * FROM t WHERE name = '{name}'")
    store.execute("DELETE FROM " + table)
    sql = "SELECT * FROM t WHERE a = '%s'" % name
    store.one(sql)
    where = ["x = 1"]
    where.append("name = " + name)
    store.rows("SELECT * FROM t WHERE " + " AND ".join(where))
    first, second = rows
    store.executemany(first, rows)
    count = store.scalar
    count(f"SELECT COUNT(*) FROM {table}")
"""


def test_the_scan_tells_literals_from_runtime_values(tmp_path: Path) -> None:
    """The scan on a small package: the forms above pass, each runtime value is caught."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "consts.py").write_text('COLUMNS = "id, " + "name"\n', encoding="utf-8")
    (package / "mod.py").write_text(SCANNED, encoding="utf-8")
    calls = sql_calls(package)
    assert {c.function: set() for c in calls} == {"good": set(), "bad": set()}
    assert [c.line for c in calls if c.function == "good" and not c.fixed] == []
    flagged = [c.sql for c in calls if c.function == "bad" and not c.fixed]
    assert len(flagged) == 6 == sum(c.function == "bad" for c in calls), flagged
