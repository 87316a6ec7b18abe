"""Resolution against the archive: exact keys, fuzzy matches above the documented threshold only,
recorded as such; new agencies get their reorganisation links."""

from __future__ import annotations

from vbdieuhanh.archive.migrations import migrate
from vbdieuhanh.archive.resolve import FUZZY_THRESHOLD, AgencyResolver, distinctive
from vbdieuhanh.archive.store import connect
from vbdieuhanh.names.bodies import Context, body


def _resolve(store, name: str, province: str | None = None):
    resolver = AgencyResolver(store)
    result = store.atomic(lambda: resolver.resolve(body(name, Context(province=province), listed=False)))
    resolver.commit()
    return result


def test_fuzzy_matches_need_the_threshold_and_are_recorded(archive_url: str) -> None:
    store = connect(archive_url)
    migrate(store)
    assert _resolve(store, "Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Lai Châu").method == "new"
    typo = _resolve(store, "Ban Chỉ đạo vận động hiển máu tình nguyện tỉnh Lai Châu")
    assert typo.method == "fuzzy" and typo.score >= FUZZY_THRESHOLD
    assert typo.id == "ban chỉ đạo vận động hiến máu tình nguyện tỉnh lai châu"
    alias = store.one("SELECT agency_id, method, score FROM agency_aliases")
    assert alias == (typo.id, "fuzzy", typo.score)
    assert _resolve(store, "Ban Chỉ đạo vận động hiển máu tình nguyện tỉnh Lai Châu").method == "fuzzy"
    # same head and place, different distinctive part: never merged
    assert _resolve(store, "Sở Nội vụ tỉnh Lai Châu").method == "new"
    assert _resolve(store, "Sở Ngoại vụ tỉnh Lai Châu").method == "new"
    # the same name in another province is another body
    assert _resolve(store, "Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Lào Cai").method == "new"
    store.close()


def test_the_distinctive_part_leaves_out_head_and_place() -> None:
    found = body("Sở Ngoại vụ tỉnh Lai Châu", Context(), listed=False)
    assert distinctive(found) == "ngoại vụ"


def test_a_new_body_of_a_merged_province_brings_its_successor_links(archive_url: str) -> None:
    store = connect(archive_url)
    migrate(store)
    _resolve(store, "Sở Y tế tỉnh Hậu Giang")
    links = set(store.rows("SELECT src, dst, type, date FROM agency_links"))
    assert ("tỉnh hậu giang", "thành phố cần thơ", "SUCCEEDED_BY", "2025-07-01") in links
    assert ("sở y tế tỉnh hậu giang", "sở y tế thành phố cần thơ", "SUCCEEDED_BY", "2025-07-01") in links
    kinds = dict(store.rows("SELECT id, kind FROM agencies"))
    assert kinds["tỉnh hậu giang"] == kinds["thành phố cần thơ"] == "admin_unit"
    _resolve(store, "Ủy ban nhân dân huyện Phú Quốc", "Kiên Giang")
    dissolved = store.scalar(
        "SELECT dissolved_on FROM agencies WHERE id LIKE 'ủy ban nhân dân huyện phú quốc%'"
    )
    assert dissolved == "2025-07-01"
    store.close()
