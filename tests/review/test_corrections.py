"""Corrections: the file format, applying them to a record, and in the archive: kept apart from
the parse, applied at ingest and again on a re-ingest."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

import vbdieuhanh
from vbdieuhanh.corrections import SCHEMA, CorrectionError, apply_corrections, load_corrections

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "kiengiang_114-BCD-KGVX_2021.txt"


def _file(tmp_path: Path, digest: str, values: dict[str, object]) -> Path:
    path = tmp_path / "corrections.json"
    payload = {"schema": SCHEMA, "documents": [{"file": SEED.name, "sha256": digest, "set": values}]}
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return path


def test_apply_sets_values_and_keeps_the_argument() -> None:
    parsed = vbdieuhanh.parse_file(SEED)
    fixed = apply_corrections(
        parsed,
        {
            "number_symbol": "115/BCĐ-KGVX",
            "issue_date": "2021-06-05",
            "issuer.name": "Ban Chỉ đạo tỉnh Kiên Giang",
            "task[2].assignees": ["Sở Y tế", {"name": "Hội Chữ thập đỏ tỉnh", "role": "coordinate"}],
            "task[2].deadline.date": "2021-06-30",
        },
    )
    assert (fixed.number_symbol, fixed.number, fixed.symbol) == ("115/BCĐ-KGVX", 115, "BCĐ-KGVX")
    assert (
        fixed.issue_date == "2021-06-05" and fixed.issuer and fixed.issuer.name.startswith("Ban Chỉ đạo tỉnh")
    )
    task = next(t for t in fixed.iter_tasks() if t.id == "2")
    assert [(a.name, a.role) for a in task.assignees] == [
        ("Sở Y tế", "lead"),
        ("Hội Chữ thập đỏ tỉnh", "coordinate"),
    ]
    assert task.deadline is not None and task.deadline.date == "2021-06-30"
    assert parsed.number_symbol == "114/BCĐ-KGVX"  # the parse is untouched


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"issue_date": "4/6/2021"}, "ISO date"),
        ({"task[99].deadline.date": "2021-06-30"}, "no task"),
        ({"text": "x"}, "not a field"),
    ],
)
def test_bad_corrections_are_refused(tmp_path: Path, values: dict[str, object], message: str) -> None:
    digest = hashlib.sha256(SEED.read_bytes()).hexdigest()
    with pytest.raises(CorrectionError, match=message):
        apply_corrections(vbdieuhanh.parse_file(SEED), values) if "text" not in values else load_corrections(
            _file(tmp_path, digest, values)
        )


def test_a_correction_survives_a_reingest(tmp_path: Path) -> None:
    pytest.importorskip("networkx")
    from vbdieuhanh.archive import open_archive
    from vbdieuhanh.archive.ingest import ingest
    from vbdieuhanh.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    digest = hashlib.sha256(SEED.read_bytes()).hexdigest()
    fixes = _file(tmp_path, digest, {"number_symbol": "115/BCĐ-KGVX", "task[1].deadline.date": "2021-07-15"})
    db = str(tmp_path / "a.db")

    # 1. ingested with the corrections: the corrected values are what the archive answers
    assert main(["ingest", str(folder), "--db", db, "--workers", "0", "--corrections", str(fixes)]) == 0
    with open_archive(db) as archive:
        assert archive.document("115/BCĐ-KGVX").number_symbol == "115/BCĐ-KGVX"
        assert archive.document("115/BCĐ-KGVX", corrected=False).number_symbol == "114/BCĐ-KGVX"
        assert archive.store.scalar("SELECT deadline_date FROM tasks WHERE path = '1'") == "2021-07-15"
        saved = {c["field"]: (c["value"], c["parsed"]) for c in archive.corrections(digest)}
        assert saved["number_symbol"] == ("115/BCĐ-KGVX", "114/BCĐ-KGVX")
        record = json.loads(archive.store.scalar("SELECT record FROM versions WHERE hash = ?", (digest,)))
        assert record["number_symbol"] == "114/BCĐ-KGVX"  # the parse is kept

    # 2. re-ingested without the file: still corrected
    report = ingest([str(folder)], db, workers=0)
    assert report.ok and report.unchanged == 1
    with open_archive(db) as archive:
        assert archive.document(digest).number_symbol == "115/BCĐ-KGVX"

    # 3. a fresh archive, the file first, the corrections later: the stored rows are re-derived
    db2 = str(tmp_path / "b.db")
    assert ingest([str(folder)], db2, workers=0).ok
    with open_archive(db2) as archive:
        assert archive.document(digest).number_symbol == "114/BCĐ-KGVX"
        old_id = archive.store.scalar("SELECT id FROM documents WHERE status = 'stored'")
    assert ingest([str(folder)], db2, workers=0, corrections=fixes).ok
    with open_archive(db2) as archive:
        assert archive.store.scalar("SELECT COUNT(*) FROM documents WHERE status = 'stored'") == 1
        assert (
            archive.store.scalar("SELECT number_symbol FROM documents WHERE status = 'stored'")
            == "115/BCĐ-KGVX"
        )
        assert archive.document(old_id).number_symbol == "115/BCĐ-KGVX"  # the old id still finds it

        # 4. corrections saved through the API, then the same bytes written again (a re-ingest into
        # the archive, e.g. after the version was removed): applied again as they are written
        assert archive.correct({digest: {"issue_date": "2021-06-05"}}) == 1
        assert archive.document(digest).issue_date == "2021-06-05"
        archive.store.execute("DELETE FROM versions WHERE hash = ?", (digest,))
        archive.store.execute("DELETE FROM tasks")
        archive.store.execute("DELETE FROM edges")
        archive.store.execute("DELETE FROM documents")
    assert ingest([str(folder)], db2, workers=0).stored == 1
    with open_archive(db2) as archive:
        document = archive.document(digest)
        assert (document.number_symbol, document.issue_date) == ("115/BCĐ-KGVX", "2021-06-05")
        assert archive.document(digest, corrected=False).issue_date == "2021-06-04"
