"""Dump the record of every file of the real corpus and of the samples, to compare two versions.

A refactoring that must not change behaviour is checked by dumping before and after and diffing:

    python scripts/dump_records.py --out /tmp/before    # on the old version
    python scripts/dump_records.py --out /tmp/after     # on the new one
    diff -r /tmp/before /tmp/after                      # nothing, or only the bugs fixed on purpose

Each record is written as indented JSON, one file per input, named after the input's path; a file
that cannot be read gets its error instead. Scans are read with OCR when Tesseract is installed
(``--no-ocr`` skips it: scans then give their 'no text layer' error). The crawl's texts
(``text/*.jsonl.gz``) are parsed with ``parse_text``, one record per line.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import vbdieuhanh
from vbdieuhanh.errors import VbdhError

ROOT = Path(__file__).resolve().parents[1]


def inputs(shared: Path) -> Iterator[Path]:
    """The samples and every file of the shared corpus that the library reads, in sorted order."""
    yield from sorted(p for p in (ROOT / "samples").iterdir() if p.suffix != ".md")
    real = shared / "corpus" / "real"
    for folder in ("pdf", "docx", "doc", "web"):
        yield from sorted(p for p in (real / folder).glob("*") if p.is_file() and p.name != "README.md")
    yield from sorted(p for p in (real / "text").glob("*") if p.is_file() and not p.name.endswith(".gz"))


def crawl_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every record of the crawl's JSON-lines files."""
    for path in sorted((shared / "corpus" / "real" / "text").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                record = json.loads(line)
                yield f"{path.name}#{record.get('id') or number}", record["text"]


def dump(document: vbdieuhanh.Document | None, error: str | None) -> str:
    if error is not None:
        return json.dumps({"error": error}, ensure_ascii=False) + "\n"
    assert document is not None
    return document.model_dump_json(indent=1) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write the records to")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared materials")
    parser.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages")
    args = parser.parse_args()
    if not (args.shared / "corpus" / "real").is_dir():
        print(f"no corpus under {args.shared}: give --shared", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in inputs(args.shared):
        name = str(path.relative_to(args.shared) if args.shared in path.parents else path.relative_to(ROOT))
        try:
            document, error = vbdieuhanh.parse_file(path, ocr="never" if args.no_ocr else "auto"), None
        except VbdhError as failure:
            document, error = None, f"{type(failure).__name__}: {failure}"
        (args.out / (name.replace("/", "__") + ".json")).write_text(dump(document, error), encoding="utf-8")
        count += 1
    for name, text in crawl_texts(args.shared):
        (args.out / (name.replace("/", "__") + ".json")).write_text(dump(vbdieuhanh.parse_text(text), None))
        count += 1
    print(f"{count} records written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
