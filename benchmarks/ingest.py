"""Ingest throughput: documents per second with 2 worker processes into SQLite, and peak memory.

    python benchmarks/ingest.py [--documents 10000] [--legal 0] [--workers 2] [--keep DIR] [--json out.json]

Generates ``--documents`` realistic letters from real material (tests/archive/variants.py): the real
numbers, dates and subjects of Bình Dương directives (428 rows of the shared metadata, vendored in
tests/data/archive) set in the layout of the real Lai Châu
letter (renumbered past the CSV so every file is a distinct document), and the real Kiên Giang and
Lai Châu letters re-issued by every province with other numbers and dates, answering national
directives; ``--legal N`` adds N real vbpl.vn legal texts (long: ~30 ms each to parse). Then it runs
the ingest (the same code as ``vbdieuhanh ingest DIR --db X --workers 2``) in a fresh process and
reports documents/s, the CPU time per document of that process (the writer) and of its workers,
the rate two otherwise idle cores would give (2 s of CPU per second over the CPU per document; the
wall-clock rate drops when other jobs share the machine, so the load average is reported too), and
the peak resident memory (ru_maxrss) of that process and of its worker processes. It also times the
parser alone (CPU time, one core), to show how much of the ingest is parsing. Target: ≥ 300/s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "archive"))

from variants import (  # noqa: E402
    COMMITTEE,
    bulk_letters,
    committee_letter,
    council_letter,
    national_letter,
    short_date,
    vbpl_texts,
)

from vbdieuhanh.lexicon import provinces  # noqa: E402


def generate(folder: Path, documents: int, legal: int) -> int:
    """Write the corpus; return the number of files."""
    rng = random.Random(11)
    names = [p.name for p in provinces() if p.period == "legacy" and p.full_name.startswith("Tỉnh")]
    provincial = documents // 4
    directives = max(1, provincial // 40)
    letters = folder / "letters"
    letters.mkdir(parents=True)
    count = 0
    for d in range(directives):
        issued = date(2019, 1, 7) + timedelta(days=7 * d)
        number = 10 + d
        (letters / f"national_{number}.txt").write_text(
            national_letter(number, issued, issued + timedelta(days=40), "đẩy mạnh hiến máu tình nguyện"),
            encoding="utf-8",
        )
        count += 1
        cited = f"Công văn số {number}/CV-BCĐQG ngày {short_date(issued)} của {COMMITTEE}"
        for province in rng.sample(names, min(len(names), provincial // directives)):
            answered = issued + timedelta(days=rng.randint(3, 60))
            make = committee_letter if rng.random() < 0.7 else council_letter
            text = make(province, rng.randint(100, 9999), answered, cited)
            (letters / f"{province}_{number}_{count}.txt").write_text(text, encoding="utf-8")
            count += 1
    bulk_letters(folder / "binhduong", documents - count)
    count = documents
    legal_folder = folder / "legal"
    legal_folder.mkdir()
    for doc_id, text in vbpl_texts(legal, max_chars=10**9):
        (legal_folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        count += 1
    return count


def parse_rate(folder: Path, sample: int = 400) -> float:
    """Documents per second of the parser alone, on one core, over a sample of the corpus."""
    import vbdieuhanh

    files = sorted(folder.rglob("*.txt"))
    chosen = random.Random(3).sample(files, min(sample, len(files)))
    start = time.process_time()  # CPU time: other load on the machine does not count
    for path in chosen:
        vbdieuhanh.parse_file(path)
    return len(chosen) / (time.process_time() - start)


def run_ingest(folder: str, db: str, workers: int) -> None:
    """The measured part, in its own process: ingest, then report time and peak memory as JSON."""
    from vbdieuhanh.archive.ingest import ingest

    load = os.getloadavg()[0]
    start = time.perf_counter()
    report = ingest([folder], db, workers=workers, progress=False)
    seconds = time.perf_counter() - start
    parent = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    parent_cpu = (parent.ru_utime + parent.ru_stime) / report.seen * 1000
    worker_cpu = (children.ru_utime + children.ru_stime) / report.seen * 1000
    usage = {
        "documents": report.seen,
        "stored": report.stored,
        "new_versions": report.new_versions,
        "unchanged": report.unchanged,  # generated letters that came out byte-identical to another
        "failed": report.failed,
        "seconds": round(seconds, 2),
        "documents_per_second": round(report.seen / seconds, 1),
        "parent_cpu_ms_per_document": round(parent_cpu, 2),
        "worker_cpu_ms_per_document": round(worker_cpu, 2),
        # what two cores with nothing else to do give: all the CPU work, spread over both
        "documents_per_second_on_2_free_cores": round(2000 / (parent_cpu + worker_cpu), 1),
        "load_average_before": round(load, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
        "parent_max_rss_mb": round(parent.ru_maxrss / 1024, 1),
        "worker_max_rss_mb": round(children.ru_maxrss / 1024, 1),
    }
    print(json.dumps(usage))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000, help="generated letters")
    parser.add_argument("--legal", type=int, default=0, help="real vbpl.vn legal texts to add (up to 574)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this folder")
    parser.add_argument("--json", type=Path, help="also write the result here")
    parser.add_argument("--run-ingest", nargs=2, metavar=("FOLDER", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_ingest:
        run_ingest(*args.run_ingest, args.workers)
        return
    with tempfile.TemporaryDirectory(prefix="vbdh-bench-") as scratch:
        folder = args.keep or Path(scratch) / "corpus"
        total = generate(folder, args.documents, args.legal)
        db = Path(scratch) / "bench.db"
        command = [sys.executable, __file__, "--workers", str(args.workers), "--run-ingest"]
        command += [str(folder), str(db)]
        out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        result.update(
            files=total,
            workers=args.workers,
            parse_only_cpu_one_core_per_second=round(parse_rate(folder), 1),
            db_mb=round(db.stat().st_size / 2**20, 1),
            target_per_second=300,
        )
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
