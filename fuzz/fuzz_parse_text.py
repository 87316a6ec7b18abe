"""Coverage-guided fuzzing of parse_text with atheris (libFuzzer for Python).

Each input is decoded as UTF-8, invalid bytes kept as lone surrogates ("surrogatepass", then
"surrogateescape"), and parsed. parse_text must return a Document (it raises no error of its own)
that dumps to JSON, with every span inside the normalised text and the input; anything else is a
crash that atheris reports with the input that caused it.

    pip install atheris                      # in the test extra; needs a clang-built CPython on some systems
    mkdir -p fuzz/corpus-text && cp tests/data/cases/*.txt samples/*.txt fuzz/corpus-text/
    PYTHONPATH=. nice -n 19 python fuzz/fuzz_parse_text.py fuzz/corpus-text -dict=fuzz/parse_text.dict \\
        -max_len=1200 -timeout=20 -max_total_time=3300     # about 1,000,000 executions

The seeds are real letters; libFuzzer mutates their bytes and splices them, and the dictionary adds
the words and marks the parser looks for. A longer ``-max_len`` (20000) reaches whole letters at a
third of the speed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import atheris

with atheris.instrument_imports():
    import vbdieuhanh


def decode(data: bytes) -> str:
    """The input as text, invalid UTF-8 kept as lone surrogates (which the parser must survive)."""
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return data.decode("utf-8", "surrogateescape")


def test_one_input(data: bytes) -> None:
    text = decode(data)
    document = vbdieuhanh.parse_text(text)
    document.model_dump_json()
    for source in _sources(document.model_dump()):
        if not 0 <= source["start"] <= source["end"] <= len(document.text):
            raise AssertionError(f"a span outside the normalised text: {source!r}")
        if source["source_start"] is not None and not 0 <= source["source_start"] <= len(text):
            raise AssertionError(f"a span outside the input: {source!r}")


def _sources(value: object) -> Iterator[dict[str, Any]]:
    """Every Source of a dumped record."""
    if isinstance(value, dict):
        if value.keys() == vbdieuhanh.Source.model_fields.keys():
            yield value
        for item in value.values():
            yield from _sources(item)
    elif isinstance(value, list):
        for item in value:
            yield from _sources(item)


def main() -> None:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
