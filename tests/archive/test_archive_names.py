"""Names of bodies to keys, in the context of their document; document keys (no database)."""

from __future__ import annotations

import pytest

import vbdieuhanh
from vbdieuhanh.archive.keys import dates_compatible, document_key
from vbdieuhanh.models import Agency
from vbdieuhanh.names.bodies import Context, bodies, body, context_for
from vbdieuhanh.names.keys import fold_key, number_symbol_key

LAI_CHAU = context_for(
    Agency(name="Ủy ban nhân dân tỉnh Lai Châu", province="Lai Châu", level="province"), {}, None
)
KIEN_GIANG = context_for(
    Agency(
        name="Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Kiên Giang",
        province="Kiên Giang",
        level="province",
        parent=Agency(name="Ủy ban nhân dân tỉnh Kiên Giang", province="Kiên Giang", level="province"),
    ),
    {"HMTN": "hiến máu tình nguyện"},
    "Kiên Giang",
)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("- UBND tỉnh: U1 (b/c);", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("CT, các PCT. UBND tỉnh", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("Uỷ ban nhân dân tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("Ban Chỉ đạo vận động HMTN tỉnh", "Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Lai Châu"),
    ],
)
def test_a_name_is_completed_and_expanded_in_its_document(written: str, expected: str) -> None:
    found = body(written, LAI_CHAU)
    assert found is not None and fold_key(found.name) == fold_key(expected)
    assert found.key == fold_key(expected) and found.province == "Lai Châu"


def test_spelling_variants_fold_together() -> None:
    pairs = [
        ("Ủy ban nhân dân tỉnh Thanh Hóa", "UỶ BAN NHÂN DÂN TỈNH THANH HOÁ"),
        ("Sở Văn hóa, Thể thao và Du lịch tỉnh Khánh Hòa", "Sở Văn hoá,Thể thao và Du lịch  tỉnh Khánh Hoà"),
        ("Viện Huyết học - Truyền máu Trung ương", "Viện Huyết học–Truyền máu Trung ương"),
    ]
    for a, b in pairs:
        assert body(a, Context(), listed=False).key == body(b, Context(), listed=False).key


def test_a_short_form_is_the_issuer_it_abbreviates() -> None:
    ((found, method),) = bodies(["Ban Chỉ đạo tỉnh"], KIEN_GIANG, listed=False)
    assert found.name == "Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Kiên Giang"
    assert method == "context"
    ((other, method),) = bodies(["Ban Chỉ đạo tỉnh"], LAI_CHAU, listed=False)
    assert other.name == "Ban Chỉ đạo tỉnh Lai Châu" and method == "exact"  # no such committee in that letter


def test_entries_that_name_no_body_are_dropped() -> None:
    assert body("Chánh, Phó CVP", KIEN_GIANG) is None
    assert body("Lưu: VT, pthtran", KIEN_GIANG) is None


def test_groups_have_one_key_a_stem_and_a_member_level() -> None:
    a = body("UBND các huyện, thị xã, thành phố", LAI_CHAU)
    b = body("Ủy ban nhân dân các huyện, thành phố", LAI_CHAU)
    assert a.key == b.key == "ủy ban nhân dân các huyện | lai châu"
    assert (a.collective, a.stem, a.member_level) == (True, "ủy ban nhân dân", "district")
    national = body("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", Context(), listed=False)
    assert (national.level, national.province, national.member_level) == ("central", None, "province")


def test_central_bodies_have_no_province_and_local_units_take_the_documents() -> None:
    assert body("Bộ Y tế", KIEN_GIANG).province is None
    assert body("Hội Chữ thập đỏ Việt Nam", KIEN_GIANG).level == "central"
    unit = body("Khoa Huyết học và Truyền máu", KIEN_GIANG, listed=False)
    assert unit.key == "khoa huyết học và truyền máu | kiên giang"


def test_district_bodies_find_their_province_when_the_district_is_unique() -> None:
    found = body("Ủy ban nhân dân huyện Tam Đường", Context(), listed=False)
    assert (found.province, found.level) == ("Lai Châu", "district")


def test_number_symbol_and_document_keys() -> None:
    assert number_symbol_key("0114 / BCĐ – KGVX") == number_symbol_key("114/BCÐ-KGVX") == "114/BCĐ-KGVX"
    assert document_key("29/CV-BCĐQG", "2021-05-13", None) == "29/CV-BCĐQG|2021-05-13|?"
    assert dates_compatible("2021-03", "2021-03-05") and dates_compatible(None, "2021-03-05")
    assert not dates_compatible("2021-03-04", "2021-03-05")


def test_seed_letters_give_the_bodies_of_their_tasks(seed_paths) -> None:
    record = vbdieuhanh.parse_file(next(p for p in seed_paths if "kiengiang_114" in p.name))
    context = context_for(record.issuer, record.abbreviations, record.place)
    names = [a.name for t in record.iter_tasks() for a in t.assignees]
    keys = {b.key for b, _ in bodies(names, context, listed=False)}
    assert "bệnh viện đa khoa tỉnh kiên giang" in keys
    assert "ban chỉ đạo vận động hiến máu tình nguyện các huyện | kiên giang" in keys
