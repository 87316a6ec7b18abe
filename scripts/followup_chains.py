"""Follow-up of the real chains of the portal pages: which responses are found, with province and lag.

Ingests a folder of scraped pages (default ``../shared/corpus/real/web``; its README lists the
chains) into a temporary SQLite archive and prints, for each chain, the responses the follow-up
finds against those expected: province, number and lag in days.

    python scripts/followup_chains.py [FOLDER]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from vbdieuhanh.archive import open_archive

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "real" / "web"
# directive → the responses the corpus README names (number → province)
CHAINS: dict[str, dict[str, str]] = {
    "3740/QĐ-BTC": {
        "2015/QĐ-UBND": "An Giang",
        "1486/QĐ-UBND": "Bắc Ninh",
        "1622/QĐ-UBND": "Quảng Ngãi",
        "2666/QĐ-UBND": "Cần Thơ",
        "1609/QĐ-TTPVHCC": "Hà Nội",
    },
    "800/QĐ-BDTTG": {"2708/QĐ-UBND": "", "1630/QĐ-UBND": "", "2740/QĐ-UBND": "", "1509/QĐ-UBND": ""},
}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    if not folder.is_dir():
        print(f"{folder} is not a folder", file=sys.stderr)
        return 2
    found_total = expected_total = 0
    with tempfile.TemporaryDirectory() as tmp, open_archive(str(Path(tmp) / "chains.db")) as archive:
        report = archive.ingest([str(folder)])
        print(f"{folder.name}: {report.stored} documents stored, {report.failed} failed")
        for ref, expected in CHAINS.items():
            followup = archive.followup(ref)
            d = followup.directive
            print(f"\n{ref} ({d.issuer or '?'}, {d.issue_date or '?'}, {d.status})")
            got = {r.number_symbol: r for r in followup.responses if r.depth == 1}
            hits = 0
            for number, province in expected.items():
                r = got.get(number)
                ok = r is not None and r.province is not None and r.lag_days is not None
                ok = ok and (not province or (r is not None and r.province == province))
                hits += ok
                where = f"{r.province or '—'}, {r.issue_date}, lag {r.lag_days} days" if r else "not found"
                print(f"  {'✓' if ok else '✗'} {number:<18} {where}")
            for number, r in got.items():
                if number not in expected:
                    extra = f"{r.province or '—'}, {r.issue_date}, lag {r.lag_days} days"
                    print(f"  + {number or r.name:<18} {extra}")
            print(f"  found with province and lag: {hits}/{len(expected)}")
            found_total += hits
            expected_total += len(expected)
    print(f"\nall chains: {found_total}/{expected_total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
