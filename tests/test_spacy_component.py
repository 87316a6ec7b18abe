"""The spaCy component puts the record's values on the Doc, at the characters the user gave."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

spacy = pytest.importorskip(
    "spacy",
    reason="spaCy (the optional 'nlp' extra) is not installed: pip install 'vbdieuhanh[nlp]'",
    exc_type=ModuleNotFoundError,
)

import vbdieuhanh.spacy_component  # noqa: E402,F401  (registers the factory)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    pipeline = spacy.blank("xx")
    pipeline.add_pipe("vbdieuhanh")
    return pipeline


def test_entities_of_a_real_letter(nlp, samples_dir: Path) -> None:  # type: ignore[no-untyped-def]
    text = (samples_dir / "laichau_UBND-VX_2021-03.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    found = {(span.text, span.label_) for span in doc.spans["vbdieuhanh"]}
    assert ("Tổng Thanh Hải", "PERSON") in found
    assert ("ngày tháng 3 năm 2021", "DATE") in found
    assert ("UBND các huyện, thành phố", "ORG") in found
    assert ("Lai Châu", "LOC") in found
    assert any(label == "CITATION" and "2149/KH-UBND" in t for t, label in found)
    assert doc._.vbdieuhanh.symbol == "UBND-VX"
    # entities do not overlap
    ends = [(e.start, e.end) for e in doc.ents]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))


def test_markdown_input_keeps_offsets(nlp, samples_dir: Path) -> None:  # type: ignore[no-untyped-def]
    text = (samples_dir / "kiengiang_114-BCD-KGVX_2021.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    numbers = [span.text for span in doc.spans["vbdieuhanh"] if span.label_ == "DOC_NUMBER"]
    assert numbers == ["114/BCĐ-KGVX"]
    orgs = [span.text for span in doc.spans["vbdieuhanh"] if span.label_ == "ORG"]
    assert "UBND TỈNH KIÊN GIANG" in orgs  # the issuer's parent, as written under the ** markers
