"""Speed regression check for CI: the parser's time as a ratio to a fixed workload run alongside it.

    python benchmarks/regression.py            # check against benchmarks/regression.json
    python benchmarks/regression.py --update   # store this machine's ratio as the new reference

Absolute times depend on the machine and on what else it runs; a ratio does much less. The
reference workload is the same texts read by plain Python (NFC normalisation, lower case, a split
into words and a few regular expressions), timed in the same process, interleaved with the parser,
the median of ``--rounds`` pairs. The texts are the real letters of ``tests/data/cases`` (64 files,
1–30 KB), so the check needs no ``../shared``. It fails (exit 1) when the ratio is more than 30 %
above the stored one, and says so in one line either way.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

import vbdieuhanh

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "benchmarks" / "regression.json"
TOLERANCE = 1.30
_WORDS = re.compile(r"\w+")
_PATTERNS = [re.compile(p) for p in (r"\d+/[\wĐđ-]+", r"ngày\s+\d+", r"[.;:]\s", r"[A-ZĐ]{2,}")]


def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "cases").glob("*.txt"))]


def reference(corpus: list[str]) -> None:
    """A fixed workload of the same kind (text in, strings and regexes), not the parser."""
    for text in corpus:
        folded = unicodedata.normalize("NFC", text).lower()
        words = _WORDS.findall(folded)
        counts: dict[str, int] = {}
        for word in words:
            counts[word] = counts.get(word, 0) + 1
        for pattern in _PATTERNS:
            pattern.findall(text)


def parse_all(corpus: list[str]) -> None:
    for text in corpus:
        vbdieuhanh.parse_text(text)


def _best(work, corpus: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        work(corpus)
        best = min(best, time.process_time() - start)
    return best


def ratio(rounds: int) -> float:
    """The median over ``rounds`` of the parser's time over the reference's, each pair measured
    back to back (a busy moment touches both of a pair)."""
    corpus = texts()
    parse_all(corpus)  # caches and compiled patterns warmed
    ratios = []
    for _ in range(rounds):
        parser = _best(parse_all, corpus, 1)
        ratios.append(parser / _best(reference, corpus, 3))
    return statistics.median(ratios)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--update", action="store_true", help="store this run's ratio as the reference")
    args = parser.parse_args(argv)
    measured = ratio(args.rounds)
    if args.update or not FIGURES.exists():
        FIGURES.write_text(json.dumps({"ratio": round(measured, 2)}, indent=1) + "\n", encoding="utf-8")
        print(f"speed reference stored: the parser takes {measured:.1f}× the reference workload")
        return 0
    stored = json.loads(FIGURES.read_text(encoding="utf-8"))["ratio"]
    verdict = "OK" if measured <= stored * TOLERANCE else "REGRESSION"
    limit = stored * TOLERANCE
    print(
        f"speed {verdict}: parser {measured:.1f}× the reference workload "
        f"(stored {stored:.1f}×, limit {limit:.1f}×)"
    )
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
