"""Speed of the PDF readers: raw text extraction per engine, the full parse, and the OCR overhead.

Text-layer PDFs are the corpus PDFs (``../shared/corpus/real/pdf``) whose every page carries usable
text, plus the fixtures' PDFs (``tests/data/fixtures/*.pdf``) when they are built. For the same
files and pages, in one run:

- ``pdfium raw``        open + ``get_text_range()`` of every page (pypdfium2)
- ``pdfplumber raw``    open + ``extract_text()`` of every page
- ``parse pdfium``      ``vbdieuhanh.parse_file(path, pdf_engine="pdfium", ocr="never")``
- ``parse pdfplumber``  ``vbdieuhanh.parse_file(path, pdf_engine="pdfplumber", ocr="never")``

Each figure is the best of ``--rounds`` runs per file (pdfplumber: one run, it is slow), summed over
the files; pages/s = pages / seconds. Target: parse pdfium ≤ 10 × pdfium raw (≈ 80+ pages/s).

Agreement: for every file both engines' layouts (line texts and columns) and records (number,
date, type, issuer, subject, signer, addressees, recipients, tasks, citations, warnings) are compared.

OCR overhead: for each file of ``--ocr-files`` (scans, 3 pages by default) the pages are rendered
the way the reader does, Tesseract alone is timed on those images with the reader's concurrency (two
processes, ``OMP_THREAD_LIMIT=1``), then ``parse_file(path, ocr="auto")``. Overhead = parse /
Tesseract alone, summed over the files, the median of ``--ocr-rounds``; target ≤ 1.2.

    python benchmarks/pdf_engines.py [--shared ../shared] [--rounds 5] [--no-ocr] [--no-agreement]
                                     [--per-file] [--ocr-files NAME.pdf ...] [--ocr-rounds 3]
                                     [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

import vbdieuhanh
from vbdieuhanh.readers import ocr
from vbdieuhanh.readers.pdf import is_garbled, read_pdf

ROOT = Path(__file__).resolve().parents[1]
OCR_FILES = ["bentre_TB-STTTT_2011_chuky_scan.pdf", "kiengiang_KH-1942-SYT_2017_scan.pdf"]
TARGET_PARSE_RATIO = 10.0
TARGET_OCR_OVERHEAD = 1.2


def text_layer_pdfs(shared: Path) -> list[tuple[Path, int]]:
    """(path, pages) of the PDFs whose every page has a usable text layer."""
    paths = sorted((shared / "corpus" / "real" / "pdf").glob("*.pdf"))
    paths += sorted(p for p in (ROOT / "tests" / "data" / "fixtures").glob("*.pdf") if ".scan." not in p.name)
    found = []
    for path in paths:
        document = pdfium.PdfDocument(path)
        texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
        document.close()
        if texts and all(t.strip() and not is_garbled(t) for t in texts):
            found.append((path, len(texts)))
    return found


def pdfium_raw(path: Path) -> None:
    document = pdfium.PdfDocument(path)
    for index in range(len(document)):
        document[index].get_textpage().get_text_range()
    document.close()


def pdfplumber_raw(path: Path) -> None:
    with pdfplumber.open(path) as document:
        for page in document.pages:
            page.extract_text()


def best(run: Callable[[Path], object], path: Path, rounds: int) -> float:
    """The fastest of ``rounds`` timed runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run(path)
        times.append(time.perf_counter() - start)
    return min(times)


def measure_text(files: list[tuple[Path, int]], rounds: int) -> dict[str, dict[str, float]]:
    """Seconds per file for each measure (same files, same run)."""
    measures: dict[str, Callable[[Path], object]] = {
        "pdfium raw": pdfium_raw,
        "parse pdfium": lambda p: vbdieuhanh.parse_file(p, pdf_engine="pdfium", ocr="never"),
        "pdfplumber raw": pdfplumber_raw,
        "parse pdfplumber": lambda p: vbdieuhanh.parse_file(p, pdf_engine="pdfplumber", ocr="never"),
    }
    for path, _ in files[:1]:  # warm up imports and caches
        for run in measures.values():
            run(path)
    results: dict[str, dict[str, float]] = {name: {} for name in measures}
    for path, _ in files:
        for name, run in measures.items():
            results[name][str(path)] = best(run, path, 1 if "pdfplumber" in name else rounds)
    return results


def record_fields(doc: vbdieuhanh.Document) -> dict[str, object]:
    """The fields both engines must agree on."""
    return {
        "number_symbol": doc.number_symbol,
        "issue_date": doc.issue_date,
        "doc_type": doc.doc_type,
        "issuer": doc.issuer.name if doc.issuer else None,
        "subject": doc.subject,
        "signer": (doc.signer.name, doc.signer.position) if doc.signer else None,
        "addressees": [a.name for a in doc.addressees],
        "recipients": [r.name for r in doc.recipients],
        "tasks": [(t.id, t.text) for t in doc.tasks],
        "citations": [_without_sources(c.model_dump()) for c in doc.citations],
        "warnings": sorted(w.code for w in doc.warnings),
    }


def _without_sources(value: object) -> object:
    """A dumped model without its Source entries (boxes differ a little between engines)."""
    if isinstance(value, dict):
        return {k: _without_sources(v) for k, v in value.items() if "source" not in k}
    if isinstance(value, list):
        return [_without_sources(v) for v in value]
    return value


def measure_agreement(files: list[tuple[Path, int]]) -> dict[str, object]:
    """How often the two engines give the same lines (text and column) and the same record."""
    same_lines = same_records = lines_total = lines_same = 0
    differing: list[str] = []
    for path, _ in files:
        layouts = [read_pdf(path, engine=engine, ocr="never") for engine in ("pdfium", "pdfplumber")]
        pairs = [[(ln.column, ln.text) for ln in layout.lines if ln.text] for layout in layouts]
        matcher = SequenceMatcher(a=pairs[0], b=pairs[1], autojunk=False)
        lines_same += sum(block.size for block in matcher.get_matching_blocks())
        lines_total += max(len(pairs[0]), len(pairs[1]))
        same_lines += pairs[0] == pairs[1]
        records = [record_fields(vbdieuhanh.parse_layout(layout)) for layout in layouts]
        if records[0] == records[1]:
            same_records += 1
        else:
            differing.append(
                f"{path.name}: {sorted(k for k in records[0] if records[0][k] != records[1][k])}"
            )
    return {
        "files": len(files),
        "same_lines_files": same_lines,
        "same_lines_share": lines_same / lines_total,
        "same_record_files": same_records,
        "record_differences": differing,
    }


def _tesseract(binary: str, image: bytes, dpi: int) -> None:
    command = [binary, "stdin", "stdout", "-l", "vie", "--psm", "3", "--dpi", str(dpi), "tsv"]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    subprocess.run(command, input=image, capture_output=True, env=env, check=True)


def measure_ocr(paths: list[Path]) -> dict[str, float]:
    """Tesseract alone on each file's rendered pages (two at a time, as the reader runs them) vs the
    reader's OCR of the same file; summed over the files."""
    binary = shutil.which("tesseract")
    if binary is None or not paths:
        return {}
    alone = parse = 0.0
    pages = 0
    for path in paths:
        document = pdfium.PdfDocument(path)
        images = [ocr._render(document[i]) for i in range(len(document))]
        document.close()
        pages += len(images)
        _tesseract(binary, *images[0])  # warm up: model load, page cache
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=ocr.WORKERS) as pool:
            list(pool.map(lambda job: _tesseract(binary, *job), images))
        alone += time.perf_counter() - start
        start = time.perf_counter()
        vbdieuhanh.parse_file(path, ocr="auto")
        parse += time.perf_counter() - start
    return {"pages": pages, "tesseract_alone_s": alone, "parse_ocr_s": parse, "overhead": parse / alone}


def report(files: list[tuple[Path, int]], results: dict[str, dict[str, float]], per_file: bool) -> dict:
    """Print the table; return the figures."""
    pages = sum(n for _, n in files)
    raw = sum(results["pdfium raw"].values())
    print(f"{len(files)} text-layer PDFs, {pages} pages\n")
    print(f"{'measure':18} {'seconds':>9} {'pages/s':>9} {'× pdfium raw':>13}")
    summary: dict = {"files": len(files), "pages": pages, "measures": {}}
    for name, by_file in results.items():
        seconds = sum(by_file.values())
        ratio = seconds / raw
        print(f"{name:18} {seconds:9.3f} {pages / seconds:9.1f} {ratio:13.2f}")
        summary["measures"][name] = {
            "seconds": seconds,
            "pages_per_s": pages / seconds,
            "x_pdfium_raw": ratio,
        }
    ratio = summary["measures"]["parse pdfium"]["x_pdfium_raw"]
    verdict = "OK" if ratio <= TARGET_PARSE_RATIO else "OVER TARGET"
    print(f"\nfull parse (pdfium) / pdfium raw = {ratio:.2f} (target ≤ {TARGET_PARSE_RATIO:g}): {verdict}")
    speedup = (
        summary["measures"]["parse pdfplumber"]["seconds"] / summary["measures"]["parse pdfium"]["seconds"]
    )
    print(f"parse with pdfium is {speedup:.1f}× faster than with pdfplumber")
    if per_file:
        print(f"\n{'file':48} {'pages':>5} {'raw ms':>8} {'parse ms':>9} {'ratio':>6} {'plumber ms':>11}")
        for path, count in files:
            raw_ms = results["pdfium raw"][str(path)] * 1000
            parse_ms = results["parse pdfium"][str(path)] * 1000
            plumber_ms = results["parse pdfplumber"][str(path)] * 1000
            label = ("fixtures/" if path.parent.name == "fixtures" else "") + path.name
            print(
                f"{label[:48]:48} {count:5} {raw_ms:8.1f} {parse_ms:9.1f} "
                f"{parse_ms / raw_ms:6.2f} {plumber_ms:11.1f}"
            )
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-ocr", action="store_true")
    parser.add_argument("--no-agreement", action="store_true")
    parser.add_argument("--per-file", action="store_true")
    parser.add_argument("--ocr-files", nargs="*", default=OCR_FILES)
    parser.add_argument("--ocr-rounds", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    files = text_layer_pdfs(args.shared)
    if not files:
        print(f"no text-layer PDFs under {args.shared}/corpus/real/pdf", file=sys.stderr)
        return 1
    summary = report(files, measure_text(files, args.rounds), args.per_file)
    if not args.no_agreement:
        agreement = measure_agreement(files)
        print(
            f"\nengines agree: same lines and columns in {agreement['same_lines_files']}/"
            f"{agreement['files']} files ({agreement['same_lines_share']:.1%} of lines), same record in "
            f"{agreement['same_record_files']}/{agreement['files']} files"
        )
        for line in agreement["record_differences"]:
            print(f"  record differs: {line}")
        summary["agreement"] = agreement
    if not args.no_ocr:
        scans = [args.shared / "corpus" / "real" / "pdf" / name for name in args.ocr_files]
        rounds = [measure_ocr([p for p in scans if p.is_file()]) for _ in range(args.ocr_rounds)]
        if rounds and rounds[0]:
            figures = sorted(rounds, key=lambda r: r["overhead"])[len(rounds) // 2]
            verdict = "OK" if figures["overhead"] <= TARGET_OCR_OVERHEAD else "OVER TARGET"
            overheads = ", ".join(f"{r['overhead']:.2f}" for r in rounds)
            print(
                f"\nOCR, {figures['pages']} pages (median of {len(rounds)} rounds): Tesseract alone "
                f"{figures['tesseract_alone_s']:.2f} s, parse_file(ocr='auto') "
                f"{figures['parse_ocr_s']:.2f} s, overhead {figures['overhead']:.2f}× "
                f"(target ≤ {TARGET_OCR_OVERHEAD:g}): {verdict}; rounds: {overheads}"
            )
            summary["ocr"] = {**figures, "rounds": [r["overhead"] for r in rounds]}
        else:
            print("\nOCR: tesseract is not installed; skipped")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
