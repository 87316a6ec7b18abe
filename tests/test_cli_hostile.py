"""What reaches the terminal from a hostile file name or field: never markup, never an escape
sequence, never a traceback (issue 11)."""

from __future__ import annotations

from pathlib import Path

from vbdieuhanh.cells import terminal_text
from vbdieuhanh.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "laichau_UBND-VX_2021-03.txt"


def _hostile(folder: Path) -> Path:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "V/v", "V/v [/b] [dự thảo] \x1b]8;;http://evil.example\x07bấm\x1b]8;;\x07", 1
    )
    path = folder / "công văn [b]\x1b[31mđỏ.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_escapes_in_file_names_reach_no_terminal(tmp_path: Path, capsys) -> None:
    """ESC in a file name coloured the terminal or made a link (OSC-8) in the batch table."""
    _hostile(tmp_path)
    (tmp_path / "second.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["parse", str(tmp_path), "-f", "table"]) == 0
    shown = capsys.readouterr()
    assert "\x1b" not in shown.out + shown.err
    assert "[b]\\x1b[31mđỏ" in shown.out


def test_one_file_with_markup_as_a_table(tmp_path: Path, capsys) -> None:
    assert main(["parse", str(_hostile(tmp_path)), "-f", "table"]) == 0
    out = capsys.readouterr().out
    assert "[dự thảo]" in out and "\x1b" not in out


def test_an_empty_folder_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["parse", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_bug_is_one_line_not_a_traceback(tmp_path: Path, capsys, monkeypatch) -> None:
    import vbdieuhanh.cli as cli

    def broken(*args, **kwargs):
        raise RuntimeError("something the library did not expect")

    monkeypatch.setattr(cli, "run_parse", broken)
    assert main(["parse", str(SAMPLE)]) == 70
    err = capsys.readouterr().err
    assert "RuntimeError" in err and "Traceback" not in err and err.count("\n") == 1


def test_terminal_text() -> None:
    assert terminal_text("a\x1b[2Jb\u202e\tc\n") == "a\\x1b[2Jb\\u202e\tc\n"
