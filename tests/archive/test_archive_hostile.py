"""Hostile values and paths in the archive: formulas, control characters, odd paths, bad options."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from vbdieuhanh.archive import open_archive
from vbdieuhanh.archive.ingest import ingest
from vbdieuhanh.cells import safe_cell, xml_text
from vbdieuhanh.errors import VbdhError

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "laichau_UBND-VX_2021-03.txt"


def _hostile_letter(folder: Path) -> Path:
    """The real Lai Châu letter with a formula and U+FFFF in its subject and a task."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("V/v", 'V/v =HYPERLINK("http://x.example") \uffff', 1)
    path = folder / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+84 912", "'+84 912"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-5", "-5"),
        ("Sở Y tế", "Sở Y tế"),
        (12, 12),
    ],
)
def test_a_spreadsheet_never_runs_a_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def test_xml_text_drops_what_xml_cannot_hold() -> None:
    assert xml_text("Sở\x01 Y\uffff tế\ud800") == "Sở Y tế"


def test_graph_exports_stay_well_formed_and_safe(tmp_path: Path) -> None:
    """U+FFFF made GraphML fail and left a 0-byte file; formulas went verbatim into the CSV."""
    from xml.etree import ElementTree

    with open_archive(str(tmp_path / "vb.db")) as archive:
        archive.add_file(_hostile_letter(tmp_path))
        graphml = archive.export_graph(tmp_path / "graph.graphml", "graphml")
        ElementTree.parse(graphml)  # well-formed
        assert "HYPERLINK" in graphml.read_text(encoding="utf-8")
        assert not list(tmp_path.glob("*.partial"))
        folder = archive.export_graph(tmp_path / "csv", "csv")
    with (folder / "nodes.csv").open(encoding="utf-8") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_an_archive_path_with_hash_and_question_mark(tmp_path: Path) -> None:
    """'#' or '?' in the path ended the SQLite URI the workers open: every document failed."""
    folder = tmp_path / "lưu #1 ?"
    folder.mkdir()
    report = ingest([str(SAMPLE)], str(folder / "vb.db"), workers=1, progress=False)
    assert (report.stored, report.failed) == (1, 0)


@pytest.mark.parametrize(("option", "value"), [("batch", 0), ("batch", -5), ("workers", -1)])
def test_bad_ingest_options_are_one_line(tmp_path: Path, option: str, value: int) -> None:
    with pytest.raises(VbdhError, match=f"--{option} must"):
        ingest([str(SAMPLE)], str(tmp_path / "vb.db"), progress=False, **{option: value})
