"""One comparison for the table-driven extractor tests (tests/extract/test_*.py).

Every case is ``(source, text, expected)``: ``source`` names the real document the text was copied
from, ``text`` is fed to :func:`vbdieuhanh.parse_text`, and ``expected`` lists only the keys the case
is about. Plain keys are compared with ``tests/golden.py``'s :func:`mismatches` (NFC and whitespace
folding, lists matched in order and in full, nested objects checked only on the keys given, and its
special keys ``text_starts``, ``text_contains``, ``subject_starts``, ``assignees_include`` and
``warnings_include_codes_for``). A few more keys are handled here:

``task_find``
    a list of task expectations; each is located anywhere in the task tree (depth first) by
    ``text_starts`` (a prefix of the task text) or, failing that, by ``find`` (a substring), and the
    rest of its keys are compared with that task. Extra keys inside a task expectation:
    ``roles`` {name: "lead" | "coordinate"} (each name must be an assignee with that role),
    ``report_to_include`` [names], ``assignees_exclude_containing`` [substrings no assignee may
    contain], ``subtask_count`` (int).
``no_task_starting``
    sentences of the document that must not be (the start of) a task: narrative, receipt, basis and
    closing formulas, table cells.
``no_assignee_containing``
    substrings that no assignee of any task may contain (a verb or a closing formula taken as a body).
``citation_find``
    a list of citation expectations, each located by ``number_symbol`` or by ``find`` (a substring
    of the citation text); the other keys are compared with that citation. Extra key:
    ``title_contains``.
``citations_exclude``
    number_symbols that must not be cited.
``abbreviations_exact``
    the whole abbreviations dict (an empty dict means: none defined).
``subject_contains`` / ``issuer_name_ci`` / ``issuer_parent_name_ci`` / ``signer_position_ci``
    containment in the subject; case-insensitive equality for names whose casing a records
    officer could write either way.
``<field>_not``
    a value the top-level field must not have (e.g. ``issue_date_not``: a receipt-stamp date).
``warnings_exclude_codes``
    warning codes that must not be present.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from golden import fold, mismatches

import vbdieuhanh

CASES_DIR = Path(__file__).resolve().parents[1] / "data" / "cases"


@cache
def doc(name: str) -> str:
    """A whole real document from tests/data/cases (see SOURCES.md there for where each comes from)."""
    return (CASES_DIR / f"{name}.txt").read_text(encoding="utf-8")


def record(text: str) -> dict[str, Any]:
    """The parser's JSON record for ``text``."""
    return json.loads(vbdieuhanh.parse_text(text).model_dump_json())


def _walk(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for task in tasks:
        out.append(task)
        out.extend(_walk(task.get("subtasks") or []))
    return out


def _brief(task: dict[str, Any]) -> str:
    return f"{task.get('id')}: {fold(task.get('text') or '')[:70]!r}"


def _check_task(spec: dict[str, Any], tasks: list[dict[str, Any]]) -> list[str]:
    spec = dict(spec)
    starts = spec.get("text_starts")
    find = spec.pop("find", None)
    where = f"task[{starts or find!r}]"
    found = None
    for task in tasks:
        text = fold(task.get("text") or "")
        if (starts and text.startswith(fold(starts))) or (find and fold(find) in text):
            found = task
            break
    if found is None:
        listing = "; ".join(_brief(t) for t in tasks[:12]) or "no tasks"
        return [f"{where}: not found among {len(tasks)} tasks ({listing})"]
    problems: list[str] = []
    assignees = found.get("assignees") or []
    for name, role in spec.pop("roles", {}).items():
        got = [a["role"] for a in assignees if fold(a["name"]) == fold(name)]
        if role not in got:
            names = [(a["name"], a["role"]) for a in assignees]
            problems.append(f"{where}.roles: {name!r} as {role} not in {names}")
    for name in spec.pop("report_to_include", []):
        got = [fold(r) for r in found.get("report_to") or []]
        if fold(name) not in got:
            problems.append(f"{where}.report_to: {name!r} not in {found.get('report_to')}")
    for part in spec.pop("assignees_exclude_containing", []):
        bad = [a["name"] for a in assignees if fold(part) in fold(a["name"])]
        if bad:
            problems.append(f"{where}.assignees: unexpected {bad}")
    if "subtask_count" in spec:
        want = spec.pop("subtask_count")
        got = len(found.get("subtasks") or [])
        if got != want:
            problems.append(f"{where}.subtasks: expected {want}, got {got}")
    problems += mismatches(spec, found, where)
    return problems


def _check_citation(spec: dict[str, Any], citations: list[dict[str, Any]]) -> list[str]:
    spec = dict(spec)
    find = spec.pop("find", None)
    key = spec.get("number_symbol")
    where = f"citation[{key or find!r}]"
    found = None
    for cite in citations:
        if key is not None and fold(cite.get("number_symbol")) == fold(key):
            found = cite
            break
        if key is None and find and fold(find) in fold(cite.get("text") or ""):
            found = cite
            break
    if found is None:
        listing = [c.get("number_symbol") or fold(c.get("text") or "")[:40] for c in citations]
        return [f"{where}: not found among {listing}"]
    problems: list[str] = []
    if "title_contains" in spec:
        want = spec.pop("title_contains")
        if fold(want) not in fold(found.get("title") or ""):
            problems.append(f"{where}.title: {want!r} not in {found.get('title')!r}")
    problems += mismatches(spec, found, where)
    return problems


def _ci_equal(label: str, want: str, got: Any) -> list[str]:
    if not isinstance(got, str) or fold(got).casefold() != fold(want).casefold():
        return [f"{label}: expected {want!r} (any case), got {got!r}"]
    return []


def check(expected: dict[str, Any], rec: dict[str, Any]) -> list[str]:
    """Every way the record ``rec`` fails the case's ``expected`` keys."""
    assert expected, "a case must expect something"
    expected = dict(expected)
    problems: list[str] = []
    tasks = _walk(rec.get("tasks") or [])
    for spec in expected.pop("task_find", []):
        problems += _check_task(spec, tasks)
    for start in expected.pop("no_task_starting", []):
        bad = [_brief(t) for t in tasks if fold(t.get("text") or "").startswith(fold(start))]
        if bad:
            problems.append(f"not a task: {start!r} became {bad}")
    for part in expected.pop("no_assignee_containing", []):
        bad = [
            (t.get("id"), a["name"])
            for t in tasks
            for a in t.get("assignees") or []
            if fold(part) in fold(a["name"])
        ]
        if bad:
            problems.append(f"assignees containing {part!r}: {bad}")
    citations = rec.get("citations") or []
    for spec in expected.pop("citation_find", []):
        problems += _check_citation(spec, citations)
    for number_symbol in expected.pop("citations_exclude", []):
        if any(fold(c.get("number_symbol")) == fold(number_symbol) for c in citations):
            problems.append(f"citations: {number_symbol!r} should not be cited")
    if "abbreviations_exact" in expected:
        want = expected.pop("abbreviations_exact")
        if fold(rec.get("abbreviations")) != fold(want):
            problems.append(f"abbreviations: expected exactly {want!r}, got {rec.get('abbreviations')!r}")
    if "subject_contains" in expected:
        want = expected.pop("subject_contains")
        if fold(want) not in fold(rec.get("subject") or ""):
            problems.append(f"subject: {want!r} not in {rec.get('subject')!r}")
    issuer = rec.get("issuer") or {}
    if "issuer_name_ci" in expected:
        problems += _ci_equal("issuer.name", expected.pop("issuer_name_ci"), issuer.get("name"))
    if "issuer_parent_name_ci" in expected:
        parent = issuer.get("parent") or {}
        problems += _ci_equal("issuer.parent.name", expected.pop("issuer_parent_name_ci"), parent.get("name"))
    if "signer_position_ci" in expected:
        signer = rec.get("signer") or {}
        problems += _ci_equal("signer.position", expected.pop("signer_position_ci"), signer.get("position"))
    for key in [k for k in expected if k.endswith("_not")]:
        field, banned = key[: -len("_not")], expected.pop(key)
        if fold(rec.get(field)) == fold(banned):
            problems.append(f"{field}: must not be {banned!r}")
    codes = {w["code"] for w in rec.get("warnings") or []}
    for code in expected.pop("warnings_exclude_codes", []):
        if code in codes:
            problems.append(f"warnings: unexpected {code!r}")
    problems += mismatches(expected, rec)
    return problems


def case_ids(cases: list[tuple[str, str, dict[str, Any]]]) -> list[str]:
    """Short ASCII test ids: the index and the source file's stem (or crawl record id)."""
    out = []
    for i, (source, _, _) in enumerate(cases):
        first = source.split()[0].rstrip(":,")
        stem = first.rsplit("/", 1)[-1].rsplit(".", 1)[0] if "/" in first else first
        if "crawl" in source and "doc_" in source:
            stem = "vbpl_" + source.split("doc_", 1)[1].split()[0]
        stem = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "" for ch in stem)
        out.append(f"{i:02d}-{stem[:48]}")
    return out
