"""What reading e-signed PDFs costs: the reader with and without its annotation pass, and the other
way to get the annotations' text (pdfminer interpreting each appearance stream).

For every text-layer PDF of ``../shared/corpus/real/pdf`` (every page has usable text), in one run,
the best of ``--rounds``:

- ``reader``            ``read_pdf(path, ocr="never")`` (pypdfium2): pages with widget, free-text or
                        stamp annotations are flattened in memory and read again
- ``reader, no annots`` the same with the annotation check answering "none": the text layer only
- ``pdfminer AP``       the alternative: import pdfplumber, open the file, interpret each widget's
                        normal appearance stream with pdfminer (no layout, no sorting); timed on the
                        files with widgets, the import once

Figures are summed over files with and without annotated pages; the cost of the annotation pass is
"reader" minus "reader, no annots", per annotated page.

    python benchmarks/esigned_pdfs.py [--shared ../shared] [--rounds 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from vbdieuhanh.readers import pdf as pdf_reader
from vbdieuhanh.readers import pdf_annotations
from vbdieuhanh.readers.pdf import is_garbled, read_pdf

ROOT = Path(__file__).resolve().parents[1]


def text_layer_pdfs(shared: Path) -> list[tuple[Path, int, int]]:
    """(path, pages, pages with text annotations) of the PDFs whose every page has a usable text layer."""
    found = []
    for path in sorted((shared / "corpus" / "real" / "pdf").glob("*.pdf")):
        document = pdfium.PdfDocument(path)
        pages = [document[i] for i in range(len(document))]
        texts = [page.get_textpage().get_text_range() for page in pages]
        annotated = sum(pdf_annotations.has_text_annotations(page) for page in pages)
        document.close()
        if texts and all(t.strip() and not is_garbled(t) for t in texts):
            found.append((path, len(pages), annotated))
    return found


def best(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def without_annotations(path: Path) -> None:
    """The reader with the annotation pass switched off."""
    check = pdf_annotations.has_text_annotations
    pdf_reader.pdf_annotations.has_text_annotations = lambda page: False  # type: ignore[assignment]
    try:
        read_pdf(path, ocr="never")
    finally:
        pdf_reader.pdf_annotations.has_text_annotations = check  # type: ignore[assignment]


def pdfminer_appearances(path: Path) -> int:
    """Characters drawn by the widgets' appearance streams, read with pdfminer (the alternative)."""
    import pdfplumber
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import LIT

    def chars(item: Any) -> int:
        if isinstance(item, LTChar):
            return 1
        return sum(chars(child) for child in item) if isinstance(item, LTContainer) else 0

    count = 0
    with pdfplumber.open(path) as document:
        for page in document.pages:
            annotations = [resolve1(a) for a in resolve1(page.page_obj.attrs.get("Annots")) or []]
            widgets = [a for a in annotations if a.get("Subtype") == LIT("Widget")]
            manager = PDFResourceManager()
            device = PDFPageAggregator(manager)
            interpreter = PDFPageInterpreter(manager, device)
            for widget in widgets:
                stream = resolve1(resolve1(widget.get("AP") or {}).get("N"))
                if not isinstance(stream, PDFStream):
                    continue
                rect = [float(resolve1(v)) for v in resolve1(widget["Rect"])]
                box = [float(resolve1(v)) for v in resolve1(stream.get("BBox"))]
                ctm = (1, 0, 0, 1, min(rect[0], rect[2]) - box[0], min(rect[1], rect[3]) - box[1])
                device.begin_page(page.page_obj, ctm)
                interpreter.init_resources(resolve1(stream.get("Resources")) or {})
                interpreter.init_state(ctm)
                interpreter.execute([stream])
                device.end_page(page.page_obj)
                count += chars(device.get_result())
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    files = text_layer_pdfs(args.shared)
    if not files:
        print(f"no text-layer PDFs under {args.shared}/corpus/real/pdf", file=sys.stderr)
        return 1
    read_pdf(files[0][0], ocr="never")  # warm up
    start = time.perf_counter()
    import pdfplumber  # noqa: F401  (the alternative's import, timed once)

    import_s = time.perf_counter() - start
    groups: dict[bool, dict[str, float]] = {
        flag: {"files": 0, "pages": 0, "annotated": 0, "reader": 0.0, "plain": 0.0, "pdfminer": 0.0}
        for flag in (False, True)
    }
    for path, pages, annotated in files:
        group = groups[annotated > 0]
        group["files"] += 1
        group["pages"] += pages
        group["annotated"] += annotated
        group["reader"] += best(lambda p=path: read_pdf(p, ocr="never"), args.rounds)
        group["plain"] += best(lambda p=path: without_annotations(p), args.rounds)
        if annotated:
            group["pdfminer"] += best(lambda p=path: pdfminer_appearances(p), args.rounds)
    for flag, label in ((False, "without annotations"), (True, "with annotations")):
        g = groups[flag]
        print(
            f"{label:20} {g['files']:3.0f} files {g['pages']:4.0f} pages ({g['annotated']:3.0f} annotated): "
            f"reader {g['reader'] * 1000:7.1f} ms ({g['pages'] / g['reader']:5.1f} pages/s), "
            f"no annots {g['plain'] * 1000:7.1f} ms ({g['pages'] / g['plain']:5.1f} pages/s)"
        )
    g = groups[True]
    extra = (g["reader"] - g["plain"]) / g["annotated"] * 1000
    print(f"annotation pass: {extra:.1f} ms per annotated page (flatten, load again, second text page)")
    print(
        f"pdfminer appearance streams instead: {g['pdfminer'] * 1000:.1f} ms on the {g['files']:.0f} "
        f"files ({g['pdfminer'] / g['annotated'] * 1000:.1f} ms per annotated page) "
        f"+ {import_s * 1000:.0f} ms to import pdfplumber/pdfminer once"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
