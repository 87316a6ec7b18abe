"""The reorganisation data the archive uses agrees with the maintained package (read offline)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from vbdieuhanh.archive.successors import districts_on, provinces_on
from vbdieuhanh.lexicon import provinces, reorganisation_date
from vbdieuhanh.names.bodies import place_phrase


def test_63_provinces_before_and_34_after_the_reorganisation() -> None:
    assert len(provinces_on("2021-05-13")) == 63 and len(provinces_on("2025-07-01")) == 34
    assert reorganisation_date() == "2025-07-01"
    assert "Tam Đường" in " ".join(districts_on("Lai Châu", "2021-05-13"))
    assert districts_on("Lai Châu", "2025-08-01") == []
    assert place_phrase("Cần Thơ") == "thành phố Cần Thơ" and place_phrase("Kiên Giang") == "tỉnh Kiên Giang"


def test_successors_match_vietnamadminunits_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    import vietnamadminunits as vau  # the test extra: a missing package fails, it does not skip

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("no network: the package must be read offline")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    from vietnamadminunits.database import query

    converter = json.loads(
        (Path(vau.__file__).parent / "data" / "converter_2025.json").read_text(encoding="utf-8")
    )
    new_short = {
        r["provinceKey"]: r["provinceShort"]
        for r in query("select distinct provinceKey, provinceShort from admin_units")
    }
    old_short = {
        r["provinceKey"]: r["provinceShort"]
        for r in query("select distinct provinceKey, provinceShort from admin_units_legacy")
    }
    expected = {
        old_short[old]: new_short[new] for new, olds in converter["DICT_PROVINCE"].items() for old in olds
    }
    ours = {p.name: p.successor for p in provinces() if p.period == "legacy"}
    assert ours == expected
    assert ours["Kiên Giang"] == "An Giang" and ours["Lai Châu"] == "Lai Châu"
