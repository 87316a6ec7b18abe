"""What a body was told to do: the tasks assigned to it, or to a group it belongs to, and whether
it has answered each: a later document of it, or of a body under it, citing the task's document and
addressing the task (:mod:`.taskmatch`; a document citing the directive as a whole addresses all its
tasks). An answer not found is "not found in the archive" (open, or overdue after the deadline)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..values import FollowStatus
from .followup import day, due_day
from .lookup import AGENCY_COLUMNS, agency_from_row, find_agency, is_member, label
from .store import Store
from .taskmatch import DirectiveTask, TaskMatcher


@dataclass(slots=True)
class TaskAssignment:
    """One task given to the body."""

    document_id: str
    number_symbol: str | None
    doc_type: str | None
    issue_date: str | None
    issuer: str | None
    task: str
    text: str
    role: str
    via: str | None  # the group it was told as a member of
    deadline: str | None
    deadline_text: str | None
    status: FollowStatus  # answered | late | overdue | open
    answered_by: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)  # why each document in answered_by counts

    @property
    def name(self) -> str:
        """The document as a person reads it: its number, or its type, issuer, date."""
        return label(self.number_symbol, self.doc_type, self.issuer, self.issue_date, None, self.document_id)


def _subordinates(store: Store, agency_id: str) -> list[str]:
    """The body and every body under it (PARENT_OF, any depth)."""
    out, frontier = [agency_id], [agency_id]
    while frontier:
        marks = ", ".join("?" * len(frontier))
        rows = store.rows(
            f"SELECT dst FROM agency_links WHERE type = 'PARENT_OF' AND src IN ({marks})", frontier
        )
        frontier = [str(r[0]) for r in rows if r[0] not in out]
        out += frontier
    return out


def tasks_of(store: Store, assignee: str, *, as_of: str | None = None) -> list[TaskAssignment]:
    """The tasks assigned to the body named ``assignee``, directly or through a group, oldest first."""
    agency = find_agency(store, assignee)
    today = day(as_of)[0] if as_of else date.today()
    groups: dict[str, str | None] = {agency.id: None}
    collectives = f"SELECT {AGENCY_COLUMNS} FROM agencies WHERE collective = 1 AND stem IS NOT NULL"
    for group_row in store.rows(collectives):
        group = agency_from_row(group_row)
        if is_member(agency, group):
            groups[group.id] = group.name
    bodies = _subordinates(store, agency.id)
    body_marks = ", ".join("?" * len(bodies))
    answers: dict[str, list[tuple[str, str | None, str | None]]] = {}

    def answered_by(doc_id: str) -> list[tuple[str, str | None, str | None]]:
        if doc_id not in answers:
            answers[doc_id] = store.rows(
                "SELECT DISTINCT d.id, d.number_symbol, d.issue_date FROM edges e JOIN documents d "
                "ON d.id = e.document_id WHERE e.dst = ? AND e.type IN ('CITES', 'IMPLEMENTS') "
                f"AND d.issuer_id IN ({body_marks}) ORDER BY d.issue_date",
                (f"doc:{doc_id}", *bodies),
            )
        return answers[doc_id]

    matchers: dict[str, TaskMatcher] = {}

    def matcher_of(
        doc_id: str, number: str | None, found: list[tuple[str, str | None, str | None]]
    ) -> TaskMatcher:
        if doc_id not in matchers:
            subject, issuer = store.one(
                "SELECT d.subject, a.name FROM documents d LEFT JOIN agencies a ON a.id = d.issuer_id "
                "WHERE d.id = ?",
                (doc_id,),
            ) or (None, None)
            rows = store.rows(
                "SELECT id, path, text FROM tasks WHERE document_id = ? ORDER BY position", (doc_id,)
            )
            named: dict[str, list[str]] = {}
            for task_node, name in store.rows(
                "SELECT e.src, a.name FROM edges e JOIN agencies a ON 'agency:' || a.id = e.dst "
                "WHERE e.document_id = ? AND e.type = 'ASSIGNED_TO'",
                (doc_id,),
            ):
                named.setdefault(str(task_node).removeprefix("task:"), []).append(str(name))
            tasks = [DirectiveTask(str(i), str(p), str(t), tuple(named.get(str(i), ()))) for i, p, t in rows]
            matchers[doc_id] = TaskMatcher(store, doc_id, number, subject, tasks, issuer)
        matcher = matchers[doc_id]
        matcher.load((str(a[0]), str(a[1] or a[0]), None) for a in found)
        return matcher

    out: list[TaskAssignment] = []
    for group_id, via in groups.items():
        edges = store.rows(
            "SELECT src, role FROM edges WHERE dst = ? AND type = 'ASSIGNED_TO'", (f"agency:{group_id}",)
        )
        for src, role in edges:
            row = store.one(
                "SELECT t.document_id, d.number_symbol, d.doc_type, d.issue_date, a.name, t.path, t.text, "
                "t.deadline_date, t.deadline_text FROM tasks t JOIN documents d ON d.id = t.document_id "
                "LEFT JOIN agencies a ON a.id = d.issuer_id WHERE t.id = ?",
                (str(src).removeprefix("task:"),),
            )
            if row is None:
                continue
            doc_id, number, doc_type, issued, issuer, path, text, deadline, deadline_text = row
            task_id = str(src).removeprefix("task:")
            cited = answered_by(doc_id)
            matcher = matcher_of(doc_id, number, cited)
            found, evidence = [], []
            for answer in cited:
                why = matcher.evidence(str(answer[0]), str(answer[1] or answer[0]), task_id)
                if why is not None:
                    found.append(answer)
                    evidence.append(why.describe())
            due = due_day(deadline, today.year if today else None)
            if found:
                first = day(found[0][2])[0]
                status = FollowStatus.LATE if due and first and first > due else FollowStatus.ANSWERED
            else:
                status = FollowStatus.OVERDUE if due and today and today > due else FollowStatus.OPEN
            out.append(
                TaskAssignment(
                    doc_id, number, doc_type, issued, issuer, path, text, role, via, deadline, deadline_text,
                    status, [str(a[1] or a[0]) for a in found], evidence,
                )
            )  # fmt: skip
    return sorted(out, key=lambda t: (t.issue_date or "", t.number_symbol or "", t.task))
