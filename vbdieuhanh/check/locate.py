"""Lines of a text file for findings: the normalised text drops blank lines and Markdown marks, so a
finding's line there is moved to the line of the file that holds the same words."""

from __future__ import annotations

from pathlib import Path

from ..models import Document
from .findings import Finding


def _plain(line: str) -> str:
    return " ".join(line.replace("*", "").replace("#", "").replace("_", " ").split())


def to_file_lines(document: Document, findings: list[Finding], path: str | Path) -> list[Finding]:
    """Findings with ``line`` counted in the text file itself; others (PDF, DOCX) are returned as is."""
    if document.format != "text":
        return findings
    try:
        raw = Path(path).read_text(encoding="utf-8-sig", errors="replace").split("\n")
    except OSError:
        return findings
    original = [_plain(line) for line in raw]
    normalised = document.text.split("\n")
    out = []
    for finding in findings:
        if finding.line is None or finding.line > len(normalised):
            out.append(finding)
            continue
        words = _plain(normalised[finding.line - 1])[:40]
        line = next(
            (i + 1 for i in range(finding.line - 1, len(original)) if words and words in original[i]),
            None,
        )
        out.append(finding.model_copy(update={"line": line}) if line else finding)
    return out
