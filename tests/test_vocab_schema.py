"""Every data file has a declared schema and fits it; a malformed row fails naming file and line."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from vbdieuhanh import lexicon, vocab
from vbdieuhanh.errors import VbdhError
from vbdieuhanh.vocab import SCHEMAS, DataFileError, check_json, check_rows, data_json, data_rows, glyphs

DATA = Path(str(resources.files("vbdieuhanh").joinpath("data")))
FILES = sorted(p.name for p in DATA.iterdir() if p.is_file())


def test_every_data_file_has_a_schema_and_every_schema_a_file() -> None:
    declared = set(SCHEMAS) | set(vocab.JSON_FILES)
    assert set(FILES) - declared == set(), "data files without a schema in vbdieuhanh/vocab.py"
    assert declared - set(FILES) == set(), "schemas without a data file"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_data_file_fits_its_schema(name: str) -> None:
    rows = data_rows(name)
    assert rows
    width = len(SCHEMAS[name].columns)
    assert all(len(row) <= width for row in rows)


def test_json_data_file_fits_its_schema() -> None:
    assert data_json("provinces.json")["provinces"]


def _copy_with(name: str, line: str) -> tuple[str, int]:
    """The text of data file ``name`` with ``line`` appended (written to a temporary copy), and the
    number of the appended line."""
    text = (DATA / name).read_text(encoding="utf-8").rstrip("\n") + "\n" + line + "\n"
    return text, text.count("\n")


def test_spaces_instead_of_a_tab_fail_naming_file_and_line(tmp_path: Path) -> None:
    text, number = _copy_with("authority_marks.tsv", "TUQX    thừa ủy quyền    yes")
    copy = tmp_path / "authority_marks.tsv"
    copy.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        check_rows("authority_marks.tsv", copy.read_text(encoding="utf-8"))
    message = str(caught.value)
    assert f"authority_marks.tsv:{number}:" in message
    assert "spaces instead of a tab" in message
    assert caught.value.line == number
    assert isinstance(caught.value, VbdhError)


def test_a_value_outside_a_closed_column_fails(tmp_path: Path) -> None:
    text, number = _copy_with("marks.tsv", "KHẨN CẤP\turgent")
    with pytest.raises(DataFileError, match=rf"marks\.tsv:{number}: column 'kind' is 'urgent', not one of"):
        check_rows("marks.tsv", text)


@pytest.mark.parametrize(
    ("name", "line", "cause"),
    [
        ("task_verbs.txt", "chỉ đạo\tthêm", "expected 1 tab-separated columns"),
        ("agency_terms.tsv", "SỞ MỚI\tSở Mới\thead", "expected 4 to 5"),
        ("agency_terms.tsv", "SỞ MỚI\t\thead\tfield", "column 'canonical' is empty"),
        ("recurrence.tsv", "hằng tháng\tmonthly", "phrase 'hằng tháng' repeats line"),
        ("glyphs.tsv", "bullet\t2022\tbullet", "not /U"),
        ("surnames.txt", " Nguyễn", "spaces around"),
    ],
)
def test_malformed_rows_fail_naming_file_and_line(name: str, line: str, cause: str) -> None:
    text, number = _copy_with(name, line)
    with pytest.raises(DataFileError, match=rf"{name.replace('.', '[.]')}:{number}: .*{cause}"):
        check_rows(name, text)


def test_a_file_without_a_schema_fails() -> None:
    with pytest.raises(DataFileError, match="no schema declared"):
        check_rows("new_words.tsv", "a\tb\n")


def test_bad_json_fails() -> None:
    with pytest.raises(DataFileError, match="period must be legacy or 2025"):
        check_json(
            "provinces.json",
            {
                "reorganisation_date": "2025-07-01",
                "provinces": [
                    {"name": "A", "full_name": "Tỉnh A", "code": "1", "period": "new", "successor": None}
                ],
            },
        )


def test_glyph_sets_keep_their_characters() -> None:
    assert glyphs("bullet") == "-–+•*"
    assert glyphs("bullet_in_line") == "-–+•"
    assert set(glyphs("terminal")) == set(".;:!?")
    assert set(glyphs("terminal_or_closing")) == set('.;:!?)"”»')
    assert set(glyphs("bullet_name")) == set("-–—+•*·")
    assert set(glyphs("bullet_item")) == set(
        "-–+•*\uf0a7\uf0b7\uf0d8\uf076\uf0fc\u25cf\u25aa\u2022\u25e6\u27a2"
    )


def test_localities_hold_the_locality_words_of_agency_terms() -> None:
    """data/localities.tsv and the locality rows of data/agency_terms.tsv name the same words."""
    in_terms = {term.canonical for term in lexicon.agency_terms().values() if term.kind == "locality"}
    assert set(lexicon.localities()) == in_terms


def test_authority_marks() -> None:
    assert list(lexicon.authority_marks()) == ["TM", "KT", "TL", "TUQ", "Q"]
    assert lexicon.authority_marks_in_line() == ("TM", "KT", "TL", "TUQ")


def test_deadline_patterns_take_their_words_and_triggers_from_the_data() -> None:
    from vbdieuhanh.extract import deadlines

    words = lexicon.deadline_context()
    assert set(deadlines._BY_TAILS) <= set(words["by"]), "a 'by' word with a tail left the data"
    assert deadlines._BY_RE.triggers == words["by"]
    assert deadlines._YEAR_RE.triggers == tuple(f"{w} năm" for w in words["within_year"])
    assert deadlines._BY_RE.regex.match("chậm nhất vào ngày 25/12")
    assert deadlines._QUARTER_RE.regex.match("trước hết quý ii năm 2019")
