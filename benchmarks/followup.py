"""Follow-up query latency on a 100k-document archive (SQLite). Target: ≤ 100 ms.

    python benchmarks/followup.py [--documents 100000] [--db /tmp/vbdh-followup-100k.db] [--queries 30]
                                  [--json out.json]

The first run builds the archive with the real ingest (2 worker processes; about 10 minutes on
2 cores) and keeps it at ``--db``; later runs reuse it. The archive is made from real material
(tests/archive/variants.py): 200 national directives written like the letters the provinces quote;
for each, 40 provinces answer with the real Kiên Giang or Lai Châu letter re-issued for them; three
districts of the province act on each committee's letter; the three seeds; and real Bình Dương
numbers, dates and subjects in the Lai Châu layout for the rest. Then it times ``followup`` (responses
at depth 1 and 2, tasks × 63 provinces, lags) for ``--queries`` directives, the seed directive
"29/CV-BCĐQG", and ``tasks --assignee`` for a provincial people's committee, and reports median, p95
and max in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "archive"))

from variants import (  # noqa: E402
    COMMITTEE,
    SAMPLES,
    bulk_letters,
    committee_letter,
    council_letter,
    district_letter,
    initials,
    national_letter,
    short_date,
)

from vbdieuhanh.archive import open_archive  # noqa: E402
from vbdieuhanh.archive.successors import districts_on  # noqa: E402
from vbdieuhanh.lexicon import provinces  # noqa: E402

DIRECTIVES = 200  # at most; one per 500 documents
ANSWERING = 40
DISTRICTS = 3


def generate(folder: Path, documents: int) -> list[str]:
    """Write the corpus; return the directives' numbers."""
    rng = random.Random(5)
    names = [p.name for p in provinces() if p.period == "legacy" and p.full_name.startswith("Tỉnh")]
    letters = folder / "letters"
    letters.mkdir(parents=True)
    numbers, count = [], 0
    for d in range(max(1, min(DIRECTIVES, documents // 500))):
        issued = date(2018, 1, 8) + timedelta(days=7 * d)
        number = 100 + d
        numbers.append(f"{number}/CV-BCĐQG")
        text = national_letter(number, issued, issued + timedelta(days=45), "đẩy mạnh hiến máu tình nguyện")
        (letters / f"national_{number}.txt").write_text(text, encoding="utf-8")
        cited = f"Công văn số {number}/CV-BCĐQG ngày {short_date(issued)} của {COMMITTEE}"
        for province in rng.sample(names, ANSWERING):
            answered = issued + timedelta(days=rng.randint(3, 60))
            own = rng.randint(100, 9999)
            if rng.random() < 0.7:
                text = committee_letter(province, own, answered, cited)
                quote = f"Công văn số {own}/BCĐ-{initials(province)}VX ngày {short_date(answered)} của "
                quote += f"Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh {province}"
                districts = [
                    d.removeprefix("Huyện ") for d in districts_on(province, None) if d.startswith("Huyện ")
                ]
                for district in rng.sample(districts, min(DISTRICTS, len(districts))):
                    later = answered + timedelta(days=rng.randint(2, 20))
                    letter = district_letter(province, district, rng.randint(100, 999), later, quote)
                    (letters / f"d{count}.txt").write_text(letter, encoding="utf-8")
                    count += 1
            else:
                text = council_letter(province, own, answered, cited)
            (letters / f"p{count}.txt").write_text(text, encoding="utf-8")
            count += 1
    for sample in SAMPLES.glob("*.txt"):
        (letters / sample.name).write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    bulk_letters(folder / "binhduong", max(0, documents - count - len(numbers) - 3))
    return numbers


def build(db: Path, documents: int) -> list[str]:
    from vbdieuhanh.archive.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="vbdh-followup-") as scratch:
        numbers = generate(Path(scratch), documents)
        start = time.perf_counter()
        report = ingest([scratch], str(db), workers=2, progress=None)
        print(f"built {report.stored} documents in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    (db.parent / (db.name + ".directives.json")).write_text(json.dumps(numbers), encoding="utf-8")
    return numbers


def timed(call: object, repeat: int = 1) -> float:
    """Milliseconds of the fastest of ``repeat`` calls."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best * 1000


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1),
        "max_ms": round(ordered[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "vbdh-followup-100k.db")
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    listing = args.db.parent / (args.db.name + ".directives.json")
    if args.db.exists() and listing.exists():
        numbers = json.loads(listing.read_text(encoding="utf-8"))
    else:
        numbers = build(args.db, args.documents)
    with open_archive(str(args.db)) as archive:
        stats = archive.stats()
        chosen = random.Random(9).sample(numbers, min(args.queries, len(numbers)))
        first = [timed(lambda n=n: archive.followup(n, as_of="2022-06-01")) for n in chosen]  # first touch
        warm = [timed(lambda n=n: archive.followup(n, as_of="2022-06-01"), repeat=3) for n in chosen]
        example = archive.followup(chosen[0], as_of="2022-06-01")
        result = {
            "documents": stats["documents"],
            "placeholders": stats["placeholders"],
            "edges": sum(stats["edges"].values()),
            "db_mb": round(args.db.stat().st_size / 2**20, 1),
            "followup_first_call": summary(first),
            "followup_warm": summary(warm),
            "example": {
                "directive": example.directive.number_symbol,
                "responses": len(example.responses),
                "depth_2": sum(r.depth == 2 for r in example.responses),
                "expected_bodies": len(example.expected),
            },
            "followup_29_CV_BCDQG_ms": round(timed(lambda: archive.followup("29/CV-BCĐQG"), repeat=3), 1),
            "tasks_assignee_ms": round(
                timed(lambda: archive.tasks("Ủy ban nhân dân tỉnh Lai Châu", as_of="2022-06-01"), repeat=3), 1
            ),
            "load_average": round(os.getloadavg()[0], 2),
            "target_ms": 100,
        }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
