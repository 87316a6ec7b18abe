"""What underthesea and spaCy would cost in the parser's hot path, measured on the same texts.

The design card names underthesea and spaCy. This script measures, on the bundled samples and the
short legal texts of the vbpl crawl, the time of: vbdieuhanh.parse_text (the whole parser);
underthesea.sent_tokenize and word_tokenize; spacy.blank("xx") tokenisation; and the spaCy
component (parse + spans). It prints ms per document so the choices in docs/dependencies.md can be
checked.

    python benchmarks/nlp_packages.py [--shared ../shared] [--limit 100]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

import vbdieuhanh

ROOT = Path(__file__).resolve().parents[1]


def per_document(texts: list[str], work: Callable[[str], object]) -> float:
    """Milliseconds per document, after one warm-up call."""
    work(texts[0])
    started = time.perf_counter()
    for text in texts:
        work(text)
    return 1000 * (time.perf_counter() - started) / len(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    for path in sorted((args.shared / "corpus/real/text").glob("vbpl_central_crawl_*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            texts += [
                r["text"] for r in map(json.loads, handle) if r["lang"] == "vi" and len(r["text"]) < 8000
            ]
    texts = texts[: args.limit]
    print(f"{len(texts)} texts, {sum(map(len, texts)) / len(texts):.0f} characters on average")
    rows = [("vbdieuhanh.parse_text", per_document(texts, vbdieuhanh.parse_text))]
    started = time.perf_counter()
    import underthesea

    rows.append(("underthesea import", 1000 * (time.perf_counter() - started)))
    rows.append(("underthesea.sent_tokenize", per_document(texts, underthesea.sent_tokenize)))
    rows.append(("underthesea.word_tokenize", per_document(texts, underthesea.word_tokenize)))
    import spacy

    from vbdieuhanh import spacy_component  # noqa: F401  (registers the component)

    blank = spacy.blank("xx")
    rows.append(('spacy.blank("xx") tokeniser', per_document(texts, blank.make_doc)))
    with_component = spacy.blank("xx")
    with_component.add_pipe("vbdieuhanh")
    rows.append(("spaCy + vbdieuhanh component", per_document(texts, with_component)))
    for name, ms in rows:
        print(f"  {name:32} {ms:9.2f} ms{' (once)' if 'import' in name else ' / document'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
