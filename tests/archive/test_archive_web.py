"""Scraped portal pages as an archive: the follow-up of a national decision over the provinces that
acted on it (on SQLite and PostgreSQL). The pages are real (tests/data/web/README.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vbdieuhanh.archive import open_archive

WEB = Path(__file__).resolve().parents[1] / "data" / "web"
SHARED_WEB = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real" / "web"
LAGS = {"An Giang": 13, "Bắc Ninh": 12, "Quảng Ngãi": 15, "Cần Thơ": 21, "Hà Nội": 20}


def test_followup_of_3740_lists_the_five_provincial_responses(archive_url: str) -> None:
    with open_archive(archive_url) as archive:
        report = archive.ingest([str(WEB)])
        assert (report.stored, report.failed) == (5, 0)  # the folder's README.md is not read
        followup = archive.followup("3740/QĐ-BTC")
    assert followup.directive.issuer == "Bộ Tài chính"
    assert followup.directive.issue_date == "2025-11-05"
    lags = {r.province: r.lag_days for r in followup.responses}
    assert lags == LAGS
    assert all(r.lag_exact and r.relation == "CITES" for r in followup.responses)


@pytest.mark.skipif(not SHARED_WEB.is_dir(), reason="../shared/corpus/real/web is not beside the project")
def test_the_whole_portal_folder_gives_the_same_five_responses(tmp_path: Path) -> None:
    """190 pages, articles and forms among them: the chain is found the same, nothing fails."""
    with open_archive(os.fspath(tmp_path / "web.db")) as archive:
        report = archive.ingest([str(SHARED_WEB)])
        assert report.failed == 0
        lags = {r.province: r.lag_days for r in archive.followup("3740/QĐ-BTC").responses}
    assert lags == LAGS
