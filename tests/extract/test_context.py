"""Context.source: the Source it builds without validation is the one validation would build."""

from __future__ import annotations

import pickle

import pytest

from vbdieuhanh.extract.context import Context
from vbdieuhanh.layout import Layout, Line, layout_from_text
from vbdieuhanh.models import Source
from vbdieuhanh.normalize import normalize
from vbdieuhanh.zones import find_zones

LETTER = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 12/UBND-VX
V/v triển khai Kế hoạch số 29/KH-UBND

Kính gửi: Sở Y tế.

Giao Sở Y tế chủ trì, phối hợp với các đơn vị liên quan báo cáo trước ngày 10/02/2025.
"""


def _context(layout: Layout) -> Context:
    nt = normalize(layout)
    return Context(nt, find_zones(nt))


def _validated(source: Source) -> Source:
    return Source.model_validate(source.model_dump())


def test_a_text_source_equals_the_validated_one() -> None:
    ctx = _context(layout_from_text(LETTER, "<text>"))
    start = ctx.nt.text.index("Sở Y tế chủ trì")
    source = ctx.source(start, start + 7)
    assert source == _validated(source)
    assert source.model_fields_set == _validated(source).model_fields_set
    assert LETTER[source.source_start : source.source_end] == "Sở Y tế"


def test_a_pdf_box_in_whole_points_becomes_floats_as_validation_makes_it() -> None:
    lines = [
        Line(text="ỦY BAN NHÂN DÂN", page=1, bbox=(72, 40, 300, 52)),
        Line(text="Số: 12/UBND-VX", page=1, bbox=(72, 60, 200, 72)),
        Line(text="Kính gửi: Sở Y tế.", page=1, bbox=(72, 80, 260, 92)),
        Line(text="Giao Sở Y tế chủ trì báo cáo.", page=2, bbox=(72, 100, 400, 112)),
    ]
    ctx = _context(Layout(format="pdf", pages=2, lines=lines, source="x.pdf"))
    start = ctx.nt.text.index("Kính gửi")
    source = ctx.source(start, ctx.nt.text.index("Giao") + 4)
    assert source.page == 1
    assert source.bbox == (72.0, 80.0, 260.0, 92.0)
    assert all(isinstance(x, float) for x in source.bbox)
    assert source.model_dump_json() == _validated(source).model_dump_json()


def test_a_built_source_behaves_as_a_model() -> None:
    ctx = _context(layout_from_text(LETTER, "<text>"))
    source = ctx.source(0, 5)
    assert pickle.loads(pickle.dumps(source)) == source
    source.page = 3  # assignment records the field as set, as on a validated model
    assert "page" in source.model_fields_set
    assert source.model_copy(update={"end": 9}).end == 9
    with pytest.raises(AttributeError):
        _ = source.no_such_field  # type: ignore[attr-defined]
