"""Follow-ups and task lists as terminal tables for people (dd/mm/yyyy dates), and the follow-up's
rows for the other formats; JSON, CSV and XLSX are written by :mod:`vbdieuhanh.listing`."""

from __future__ import annotations

import io
from typing import Any

from ..names.keys import fold_key
from .assignments import TaskAssignment
from .followup import CENTRAL, AssigneeStatus, FollowUp
from .lookup import short_date

FOLLOWUP_COLUMNS = (
    "section", "province", "body", "number_symbol", "issue_date", "lag_days", "relation", "task", "role",
    "status", "answered_by", "evidence",
)  # fmt: skip
# what a person reads for a status: nothing found is never "did not act"
STATUS_TEXT = {
    "open": "not found in the archive",
    "overdue": "overdue: not found in the archive",
    "province_answered": "another body of its province answered",
}


def status_text(status: str) -> str:
    """The status as a person reads it ('open' → 'not found in the archive')."""
    return STATUS_TEXT.get(str(status), str(status))


def evidence_text(a: AssigneeStatus) -> str:
    """Why each response counts for the task, and the body's responses that address other tasks."""
    parts = [e.describe() for e in a.evidence]
    if a.other_responses:
        parts.append(f"{', '.join(a.other_responses)}: addresses other tasks")
    return "; ".join(parts)


def _lag(days: int | None, exact: bool = True) -> str:
    return "" if days is None else f"{'' if exact else '≥'}{days}"


def _render(*tables: Any) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=140, markup=False, highlight=False)  # text is never markup
    for table in tables:
        console.print(table)
    return buffer.getvalue()


def followup_rows(followup: FollowUp) -> list[dict[str, Any]]:
    """One row per response, per task assignee and per expected body."""
    rows: list[dict[str, Any]] = []
    for r in followup.responses:
        rows.append(
            {"section": "response", "province": r.province or CENTRAL, "body": r.issuer,
             "number_symbol": r.number_symbol, "issue_date": r.issue_date,
             "lag_days": _lag(r.lag_days, r.lag_exact),
             "relation": r.relation if not r.via else f"{r.relation} via {r.via}"}
        )  # fmt: skip
    for task in followup.tasks:
        for a in task.assignees:
            members = f" ({a.members_answered}/{a.members_expected})" if a.members_expected else ""
            rows.append(
                {"section": "task", "province": a.province or "", "body": a.name, "task": task.path,
                 "role": a.role, "status": status_text(a.status) + members,
                 "answered_by": "; ".join(a.answered_by), "evidence": evidence_text(a)}
            )  # fmt: skip
    for e in followup.expected:
        rows.append(
            {"section": "expected", "province": e.province or CENTRAL, "body": e.name,
             "status": status_text(e.status),
             "lag_days": _lag(e.lag_days), "answered_by": "; ".join(e.answered_by)}
        )  # fmt: skip
    return rows


def followup_table(followup: FollowUp) -> str:
    """The follow-up for a terminal: the directive, its responses, its tasks, who has not answered."""
    from rich.table import Table

    d = followup.directive
    held = "placeholder: cited, not in the archive" if d.status == "placeholder" else "stored"
    title = f"{d.doc_type or 'Văn bản'} {d.number_symbol}" if d.number_symbol else d.name
    head = Table(title=title, show_header=False)
    for name, value in (
        ("issuer", d.issuer), ("date", d.issue_date), ("subject", d.subject), ("status", held),
        ("as of", followup.as_of),
    ):  # fmt: skip
        head.add_row(name, (short_date(value) if name in ("date", "as of") else value) or "—")
    responses = Table(title="Responses (documents citing or implementing it)")
    for column in ("province", "body", "number", "date", "lag (days)", "relation"):
        responses.add_column(column)
    for province, items in followup.by_province().items():
        for r in items:
            via = f" via {r.via}" if r.via else ""
            responses.add_row(
                province, r.issuer or "—", r.name, short_date(r.issue_date) or "—",
                _lag(r.lag_days, r.lag_exact), r.relation.lower() + via,
            )  # fmt: skip
    tasks = Table(title="Tasks")
    for column in ("task", "deadline", "assignee", "role", "status", "answered by: evidence"):
        tasks.add_column(column, overflow="fold")
    for task in followup.tasks:
        for a in task.assignees:
            members = f" ({a.members_answered}/{a.members_expected})" if a.members_expected else ""
            tasks.add_row(
                task.path,
                short_date(task.deadline),
                a.name,
                a.role,
                status_text(a.status) + members,
                evidence_text(a),
            )
    parts: list[Any] = [head, responses, tasks]
    waiting = [e for e in followup.expected if e.status in ("overdue", "open", "province_answered")]
    # one entry per body, even when two groups of the directive name it
    waiting = list({fold_key(e.name): e for e in waiting}.values())
    if followup.expected:
        done = len(followup.expected) - len(waiting)
        listed = ", ".join(e.name for e in waiting[:12]) + (
            f" … (+{len(waiting) - 12})" if len(waiting) > 12 else ""
        )
        parts.append(
            f"Expected bodies: {done}/{len(followup.expected)} answered. "
            f"No answer found in the archive: {listed or '—'}"
        )
    overdue = followup.overdue()
    if overdue:
        parts.append(
            f"Overdue: {len(overdue)} (task, body) pairs past their deadline with no answer found "
            "in the archive"
        )
    return _render(*parts)


def assignments_table(rows: list[TaskAssignment]) -> str:
    """What a body was told to do, for a terminal."""
    from rich.table import Table

    table = Table(title=f"{len(rows)} tasks")
    for column in ("document", "date", "issuer", "task", "role", "via group", "deadline", "status", "text"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(
            r.name, short_date(r.issue_date), r.issuer or "", r.task, r.role, r.via or "",
            short_date(r.deadline), r.status + (f" ({', '.join(r.answered_by)})" if r.answered_by else ""),
            r.text[:140] + ("…" if len(r.text) > 140 else ""),
        )  # fmt: skip
    return _render(table)
