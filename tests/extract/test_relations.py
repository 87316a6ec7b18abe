"""A citation is carried out (IMPLEMENTS) when its clause says so, else only cited (CITES)."""

from __future__ import annotations

import pytest

import vbdieuhanh
from vbdieuhanh.extract.relations import implements


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("đồng thời thực hiện tốt Công văn số 29/CV-BCĐQG", True),
        ("chương trình HMTN theo kế hoạch số 2149/KH-UBND", True),
        ("Căn cứ Công văn số 29/CV-BCĐQG", False),
        ("Thực hiện nhiệm vụ năm 2021. Căn cứ Công văn số 29/CV-BCĐQG", False),
        ("xử lý theo quy định tại Công văn số 29/CV-BCĐQG", False),
        ("Sở đề nghị các đơn vị theo \t Công văn số 29/CV-BCĐQG", True),
        ("triển  khai Công văn số 29/CV-BCĐQG", True),
    ],
)
def test_a_citation_is_implemented_when_its_clause_says_so(sentence: str, expected: bool) -> None:
    start = sentence.index("Công văn") if "Công văn" in sentence else sentence.index("kế hoạch")
    assert implements(sentence, start) is expected
    # the cue words looked for on a lowered key of the text (its own lower case: nothing to fold)
    assert implements(sentence, start, sentence.lower()) is expected


def test_the_record_says_which_citations_are_carried_out() -> None:
    """Decided at parse time, so that the archive reads the record, not the text."""
    document = vbdieuhanh.parse_text(
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2021 của UBND tỉnh Kiên Giang;\n"
        "Thực hiện Công văn số 29/CV-BCĐQG ngày 13/5/2021 của Ban Chỉ đạo quốc gia vận động hiến máu "
        "tình nguyện, Sở Y tế đề nghị các đơn vị triển khai thực hiện.\n"
    )
    relation = {c.number_symbol: c.implements for c in document.citations}
    assert relation == {"12/QĐ-UBND": False, "29/CV-BCĐQG": True}
