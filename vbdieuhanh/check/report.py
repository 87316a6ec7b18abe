"""Findings as text for people, JSON for programs, SARIF 2.1.0 for editors and CI systems."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .engine import fill
from .findings import Finding
from .rules import rules

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}

Checked = tuple[str, list[Finding]]  # (file, findings)


def _message(finding: Finding, lang: str) -> str:
    return finding.message_en if lang == "en" else finding.message


def to_text(results: list[Checked], lang: str = "vi") -> str:
    """One line per finding, 'file:line: severity CODE message [reference]', then the fix, then a total."""
    lines: list[str] = []
    counts: Counter[str] = Counter()
    for path, findings in results:
        for f in findings:
            counts[f.severity] += 1
            where = f"{path}:{f.line}" if f.line else path
            page = f" ({'page' if lang == 'en' else 'trang'} {f.page})" if f.page and f.page > 1 else ""
            lines.append(f"{where}:{page} {f.severity} {f.code} {_message(f, lang)} [{f.reference}]")
            if f.fix:
                lines.append(f"    → {f.fix}")
    total = (
        f"{len(results)} file(s): {counts['error']} error(s), {counts['warning']} warning(s), "
        f"{counts['info']} info"
    )
    return "\n".join([*lines, total]) + "\n"


def to_json(results: list[Checked]) -> str:
    payload = [
        {"file": path, "findings": [f.model_dump(mode="json") for f in findings]}
        for path, findings in results
    ]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    candidate = Path(path)
    return candidate.as_posix() if not candidate.is_absolute() else candidate.as_uri()


def to_sarif(results: list[Checked], version: str, lang: str = "vi") -> str:
    """A SARIF 2.1.0 log with one run: the rules as tool.driver.rules, one result per finding."""
    specs = rules()
    used = sorted({f.code for _, findings in results for f in findings}, key=list(specs).index)
    driver_rules: list[dict[str, Any]] = [
        {
            "id": code,
            "name": f"{specs[code].family}/{code}",
            "shortDescription": {
                "text": fill(specs[code].message_en if lang == "en" else specs[code].message_vi, {})
            },
            "help": {"text": f"{fill(specs[code].fix, {})} ({specs[code].reference})"},
            "defaultConfiguration": {"level": _SARIF_LEVEL[specs[code].severity]},
            "properties": {"reference": specs[code].reference, "family": specs[code].family},
        }
        for code in used
    ]
    index = {code: i for i, code in enumerate(used)}
    sarif_results: list[dict[str, Any]] = []
    for path, findings in results:
        for f in findings:
            location: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
            if f.line:
                location["region"] = {"startLine": f.line}
            sarif_results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": _SARIF_LEVEL[f.severity],
                    "message": {"text": f"{_message(f, lang)} [{f.reference}]"},
                    "locations": [{"physicalLocation": location}],
                }
            )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "vbdieuhanh check",
                        "version": version,
                        "informationUri": "https://pypi.org/project/vbdieuhanh/",
                        "rules": driver_rules,
                    }
                },
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
