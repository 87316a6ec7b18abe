"""Compare a record with a golden file (the rules are in each golden file's ``_comment``)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any


def fold(value: Any) -> Any:
    """NFC and whitespace folding of strings, recursively."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()
    if isinstance(value, list):
        return [fold(v) for v in value]
    if isinstance(value, dict):
        return {k: fold(v) for k, v in value.items()}
    return value


def mismatches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Every way ``actual`` fails ``expected``; an empty list means it matches."""
    problems: list[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        for key, want in expected.items():
            here = f"{path}.{key}" if path else key
            if key == "_comment":
                continue
            if key == "text_starts":
                if not fold(actual.get("text", "")).startswith(fold(want)):
                    problems.append(f"{here}: {fold(actual.get('text'))[:80]!r} does not start with {want!r}")
            elif key == "text_contains":
                if fold(want) not in fold(actual.get("text", "")):
                    problems.append(f"{here}: {want!r} not in task text")
            elif key == "subject_starts":
                if not fold(actual.get("subject") or "").startswith(fold(want)):
                    problems.append(f"{here}: subject {actual.get('subject')!r}")
            elif key == "assignees_include":
                names = [fold(a["name"]) for a in actual.get("assignees", [])]
                problems += [f"{here}: {w!r} not in {names}" for w in want if fold(w) not in names]
            elif key == "warnings_include_codes_for":
                codes = {w["code"] for w in actual.get("warnings", [])}
                problems += [
                    f"{here}: no warning {w!r} in {sorted(codes)}"
                    for w in want
                    if w.replace(" ", "_") not in codes
                ]
            elif key not in actual:
                problems.append(f"{here}: missing")
            else:
                problems += mismatches(want, actual[key], here)
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            got = len(actual) if isinstance(actual, list) else actual
            return [f"{path}: expected {len(expected)} items, got {got}"]
        for i, (want, got) in enumerate(zip(expected, actual, strict=True)):
            problems += mismatches(want, got, f"{path}[{i}]")
        return problems
    if fold(expected) != fold(actual):
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return problems
