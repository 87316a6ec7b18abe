"""Agreement of the parser with the vbpl crawl's page titles (type and number-symbol).

The crawl of vbpl.vn (``../shared/corpus/real/text/vbpl_central_crawl_*.jsonl.gz``) gives, for each
legal text, a page title naming its type and number ("Nghị định số 249/2025/NĐ-CP …"). This script
parses each Vietnamese text and reports how many got a number_symbol, an issue_date and an issuer,
and how often the number_symbol and doc_type agree with the title.

    python benchmarks/corpus_agreement.py [--shared ../shared] [--show-misses 20] [--json out.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

import vbdieuhanh
from vbdieuhanh.normalize import fold_tones

TITLE_NUMBER_RE = re.compile(r"\bsố\s*:?\s*(\d\S*/\S+)", re.I)


def canonical(number_symbol: str) -> str:
    """Fold what differs between a title and the text: spaces, dashes, case, lookalike letters."""
    text = unicodedata.normalize("NFC", number_symbol)
    text = text.translate(str.maketrans("АВСЕНКМОРТХ", "ABCEHKMOPTX"))
    text = re.sub(r"\s+", "", fold_tones(text)).replace("–", "-").upper()
    return re.sub(r"^0+(?=\d)", "", text)


def title_number(title: str) -> str | None:
    match = TITLE_NUMBER_RE.search(re.sub(r"\s*([/–-])\s*", r"\1", title))
    return canonical(match.group(1)) if match else None


def title_type(title: str) -> str:
    return fold_tones(title.split(" số")[0].split(" SỐ")[0].strip()).lower()


def load(shared: Path) -> list[dict[str, str]]:
    records = []
    for path in sorted((shared / "corpus" / "real" / "text").glob("vbpl_central_crawl_*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle)
    return [r for r in records if r.get("lang") == "vi"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--show-misses", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    records = load(args.shared)
    if not records:
        print(f"no crawl files under {args.shared}", file=sys.stderr)
        return 2
    counts = dict.fromkeys(
        (
            "texts",
            "errors",
            "administrative",
            "number_symbol",
            "issue_date",
            "issuer",
            "signer",
            "titled",
            "number_agrees",
            "type_agrees",
        ),
        0,
    )
    misses = []
    started = time.perf_counter()
    for record in records:
        counts["texts"] += 1
        try:
            doc = vbdieuhanh.parse_text(record["text"])
        except Exception as error:  # the measurement must see every failure
            counts["errors"] += 1
            misses.append((record["id"], "error", repr(error)))
            continue
        counts["administrative"] += doc.is_administrative
        counts["number_symbol"] += doc.number_symbol is not None
        counts["issue_date"] += doc.issue_date is not None
        counts["issuer"] += doc.issuer is not None
        counts["signer"] += doc.signer is not None and doc.signer.name is not None
        expected = title_number(record["page_title"])
        if expected is None:
            continue
        counts["titled"] += 1
        got = canonical(doc.number_symbol) if doc.number_symbol else None
        if got == expected:
            counts["number_agrees"] += 1
        else:
            misses.append((record["id"], expected, got))
        if doc.doc_type and title_type(record["page_title"]).startswith(fold_tones(doc.doc_type).lower()):
            counts["type_agrees"] += 1
    elapsed = time.perf_counter() - started
    n = counts["texts"]
    rate = n / elapsed
    print(f"{n} Vietnamese texts parsed in {elapsed:.1f} s ({rate:.0f} texts/s), {counts['errors']} errors")
    for key in ("administrative", "number_symbol", "issue_date", "issuer", "signer"):
        print(f"  {key:15} {counts[key]:4d} / {n}  ({100 * counts[key] / n:.1f} %)")
    titled = counts["titled"] or 1
    print(
        f"  number_symbol agrees with the page title: {counts['number_agrees']} / {counts['titled']} "
        f"({100 * counts['number_agrees'] / titled:.1f} %)"
    )
    print(
        f"  doc_type agrees with the page title:      {counts['type_agrees']} / {counts['titled']} "
        f"({100 * counts['type_agrees'] / titled:.1f} %)"
    )
    for miss in misses[: args.show_misses]:
        print("  miss:", *miss)
    if args.json:
        args.json.write_text(
            json.dumps(
                {"counts": counts, "seconds": elapsed, "misses": misses}, ensure_ascii=False, indent=1
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
