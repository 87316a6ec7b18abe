"""Format checker: does a document follow Decree 30/2020/NĐ-CP?

>>> from vbdieuhanh import parse_file
>>> from vbdieuhanh.check import check
>>> [f.code for f in check(parse_file("samples/laichau_UBND-VX_2021-03.txt"))]
['SO02', 'NG02']

Rules are data (``vbdieuhanh/data/format_rules.tsv``) with one function each; ``check`` is opt-in and
leaves the record as the parser made it (``with_findings`` copies the findings into its warnings).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..models import Document, ParseWarning, Source
from .engine import check, missing_functions
from .findings import Finding
from .locate import to_file_lines
from .rules import FormatRulesError, Rule, parse_rules, rules


def check_file(
    path: str | Path,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    pdf_engine: str = "pdfium",
    ocr: str = "auto",
) -> tuple[Document, list[Finding]]:
    """Parse a file and check it; lines of a text file are the file's own. Raises VbdhError when the
    file cannot be read."""
    from .. import parse_file

    document = parse_file(path, pdf_engine=pdf_engine, ocr=ocr)
    findings = check(document, select=select, ignore=ignore, path=str(path))
    return document, to_file_lines(document, findings, path)


def with_findings(document: Document, findings: list[Finding]) -> Document:
    """A copy of the record with the findings added to its ``warnings`` (code 'format:<CODE>')."""
    extra = [
        ParseWarning(
            code=f"format:{f.code}",
            message=f"{f.message_en} ({f.reference})",
            source=Source(start=f.span[0], end=f.span[1], page=f.page) if f.span else None,
        )
        for f in findings
    ]
    return document.model_copy(update={"warnings": [*document.warnings, *extra]})


__all__ = [
    "Finding",
    "FormatRulesError",
    "Rule",
    "check",
    "check_file",
    "missing_functions",
    "parse_rules",
    "rules",
    "to_file_lines",
    "with_findings",
]
