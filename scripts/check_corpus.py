"""Count the format checker's findings per rule on the real corpus and the samples, to judge false alarms.

    PYTHONPATH=. python scripts/check_corpus.py                     # ../shared next to the repository
    PYTHONPATH=. python scripts/check_corpus.py --shared /path/to/shared --samples-per-rule 3

Reads ``samples/`` and ``corpus/real/{pdf,docx,doc,web}`` without OCR (a scan without a text layer is
skipped, and counted as such), runs ``vbdieuhanh.check.check`` on each record, and prints, for each rule,
how many documents it fires on out of the administrative documents checked, then a sample of each
(file:line and message). A rule that fires on most official documents is wrong until proven otherwise.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from vbdieuhanh.check import Finding, check_file, rules
from vbdieuhanh.errors import VbdhError

ROOT = Path(__file__).resolve().parents[1]


def inputs(shared: Path) -> list[Path]:
    """The samples and the corpus files the library reads, in sorted order."""
    found = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix != ".md")
    real = shared / "corpus" / "real"
    for folder in ("pdf", "docx", "doc", "web"):
        found += sorted(p for p in (real / folder).glob("*") if p.is_file() and p.suffix != ".csv")
    return [p for p in found if p.name != "README.md"]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared materials")
    parser.add_argument("--samples-per-rule", type=int, default=1, help="samples printed per rule")
    args = parser.parse_args()
    if not (args.shared / "corpus" / "real").is_dir():
        print(f"check_corpus: no corpus at {args.shared}/corpus/real", file=sys.stderr)
        return 2
    documents: Counter[str] = Counter()  # rule → documents it fires on
    total: Counter[str] = Counter()  # rule → findings
    samples: dict[str, list[tuple[str, Finding]]] = defaultdict(list)
    checked = skipped = plain = 0
    for path in inputs(args.shared):
        name = str(path.relative_to(args.shared)) if path.is_relative_to(args.shared) else path.name
        try:
            document, findings = check_file(path, ocr="never")
        except VbdhError as error:
            skipped += 1
            print(f"skipped {name}: {error.cause}", file=sys.stderr)
            continue
        if not document.is_administrative:
            plain += 1
            continue
        checked += 1
        for code in {f.code for f in findings}:
            documents[code] += 1
        for finding in findings:
            total[finding.code] += 1
            if len(samples[finding.code]) < args.samples_per_rule:
                samples[finding.code].append((name, finding))
    print(f"{checked} administrative documents checked, {plain} other texts, {skipped} files skipped")
    print(f"{'rule':<6} {'sev':<8} {'docs':>5} {'share':>6} {'hits':>5}  family")
    for code, spec in rules().items():
        share = f"{100 * documents[code] / checked:.0f}%" if checked else "-"
        print(f"{code:<6} {spec.severity:<8} {documents[code]:>5} {share:>6} {total[code]:>5}  {spec.family}")
    print()
    for code in rules():
        for name, finding in samples.get(code, []):
            where = f"{name}:{finding.line}" if finding.line else name
            print(f"{code} {where}: {finding.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
