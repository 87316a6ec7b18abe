"""Read time of the DOCX reader on the real corpus, against python-docx opening the same file.

For each ``../shared/corpus/real/docx/*.docx`` (or the files given) it reports, as the median of
``--repeat`` runs in one process: python-docx's ``Document()`` alone (unzip + XML parse), the
reader (``read_docx``: that plus the walk, numbering, styles), and the full ``parse_file`` (reader
plus parser), with the number of lines read.

    python benchmarks/docx_read.py [--shared ../shared] [--repeat 5] [FILE ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx

import vbdieuhanh
from vbdieuhanh.readers.docx import read_docx


def median_ms(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    files = args.files or sorted((args.shared / "corpus" / "real" / "docx").glob("*.docx"))
    if not files:
        print("no DOCX files (give files or --shared)", file=sys.stderr)
        return 1
    print(f"{'file':58} {'KiB':>6} {'lines':>6} {'python-docx':>11} {'read_docx':>9} {'parse':>8}  (ms)")
    totals = [0.0, 0.0, 0.0]
    for path in files:
        opened = median_ms(lambda p=path: docx.Document(str(p)), args.repeat)
        read = median_ms(lambda p=path: read_docx(p), args.repeat)
        parsed = median_ms(lambda p=path: vbdieuhanh.parse_file(p), args.repeat)
        lines = len(read_docx(path).lines)
        for i, value in enumerate((opened, read, parsed)):
            totals[i] += value
        size = path.stat().st_size / 1024
        print(f"{path.name[:58]:58} {size:6.0f} {lines:6d} {opened:11.1f} {read:9.1f} {parsed:8.1f}")
    opened, read, parsed = totals
    label = f"total ({len(files)} files)"
    print(f"{label:58} {'':6} {'':6} {opened:11.1f} {read:9.1f} {parsed:8.1f}")
    print(f"reader / python-docx open: {read / opened:.2f}x; full parse / reader: {parsed / read:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
