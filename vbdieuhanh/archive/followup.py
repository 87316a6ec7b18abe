"""Follow-up of a directive: who acted on it, when, and which of its tasks are still unanswered.

For a directive (stored, or a placeholder other documents cite) the follow-up gives:

- **responses**: the documents that cite or implement it, and (depth 2, 3…) the documents that
  implement those (a district acting on the province's letter that acted on the national one), each
  with its issuer, province, number, date and lag in days from the directive;
- **tasks**: each task with its assignees; an assignee has answered a task when a response that
  addresses it (:mod:`.taskmatch`: its citing sentence, subject and own tasks matched to the task, or
  the directive cited as a whole) comes from it, from a body under it (PARENT_OF), or, for a group
  ("Ban Chỉ đạo … các tỉnh, thành phố"), from one of its members; each answer keeps its evidence. An
  answer after the deadline is late; no answer found is "not found in the archive" (open, or
  overdue after the deadline), which says what the archive holds, not that the body did not act;
- **expected** (the document-level view): the bodies the directive addresses or tells to act,
  groups expanded to their members on the directive's date (63 provinces before 2025-07-01, 34
  after; a province's districts), each answered, answered by another body of its province, open or
  overdue.

A lag is exact when both dates are; a date given to the month ("2021-03") counts from its first day.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ..lexicon import task_match_words
from ..names.bodies import place_phrase
from ..names.keys import fold_key
from ..values import EdgeType, FollowStatus, PartialDate
from .lookup import CHUNK, AgencyRow, agencies, ancestors, find_document, is_member, label
from .store import Store
from .successors import districts_on, provinces_on
from .taskmatch import DirectiveTask, Evidence, TaskMatcher

CENTRAL = "Trung ương"


@dataclass(slots=True)
class Directive:
    id: str
    status: str
    doc_type: str | None
    number_symbol: str | None
    issue_date: str | None
    issuer: str | None
    issuer_id: str | None
    province: str | None
    subject: str | None

    @property
    def name(self) -> str:
        return label(self.number_symbol, self.doc_type, self.issuer, self.issue_date, self.subject, self.id)


@dataclass(slots=True)
class Response:
    """A document that cites or implements the directive (or, at depth 2+, a response to it)."""

    document_id: str
    number_symbol: str | None
    doc_type: str | None
    issue_date: str | None
    subject: str | None
    issuer: str | None
    issuer_id: str | None
    province: str | None
    level: str | None
    relation: str  # IMPLEMENTS | CITES
    depth: int
    via: str | None  # the response it answers, at depth 2+
    lag_days: int | None
    lag_exact: bool
    status: str = "stored"
    via_id: str | None = None  # the id of the response it answers, at depth 2+

    @property
    def name(self) -> str:
        """How a person reads it: its number, or its type, issuer, date and subject."""
        return label(
            self.number_symbol, self.doc_type, self.issuer, self.issue_date, self.subject, self.document_id
        )


@dataclass(slots=True)
class AssigneeStatus:
    name: str
    agency_id: str
    role: str
    province: str | None
    collective: bool
    status: FollowStatus  # answered | late | partial (some members of a group) | overdue | open
    answered_by: list[str] = field(default_factory=list)
    first_lag_days: int | None = None
    members_answered: int | None = None
    members_expected: int | None = None
    evidence: list[Evidence] = field(default_factory=list)  # why each response in answered_by counts
    # its responses to the directive that address other tasks (so this one is not found in them)
    other_responses: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TaskStatus:
    id: str
    path: str
    text: str
    deadline: str | None
    deadline_text: str | None
    assignees: list[AssigneeStatus] = field(default_factory=list)


@dataclass(slots=True)
class Expected:
    """A body the directive expects to act, with what it did."""

    name: str
    province: str | None
    group: str | None
    # answered | late | province_answered (another body of its province) | overdue | open
    status: FollowStatus
    answered_by: list[str] = field(default_factory=list)
    lag_days: int | None = None


@dataclass(slots=True)
class FollowUp:
    directive: Directive
    as_of: str
    responses: list[Response]
    tasks: list[TaskStatus]
    expected: list[Expected]

    def by_province(self) -> dict[str, list[Response]]:
        """Responses grouped by province (central bodies under 'Trung ương'), earliest first."""
        out: dict[str, list[Response]] = {}
        for response in sorted(self.responses, key=lambda r: (r.issue_date or "9999", r.depth)):
            out.setdefault(response.province or CENTRAL, []).append(response)
        return dict(sorted(out.items()))

    def overdue(self) -> list[tuple[str, str, str]]:
        """(task path, body, deadline) of every lead assignee or expected member past its deadline."""
        rows = [
            (t.path, a.name, t.deadline or "")
            for t in self.tasks
            for a in t.assignees
            if a.status == FollowStatus.OVERDUE and not a.collective
        ]
        rows += [("", e.name, "") for e in self.expected if e.status == FollowStatus.OVERDUE]
        return rows

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["by_province"] = {p: [r.document_id for r in rs] for p, rs in self.by_province().items()}
        return data


def day(value: str | None) -> tuple[date | None, bool]:
    """A date and whether it is exact; '2021-03' gives 2021-03-01, not exact; a yearly date without a
    year ('--12-25') or an unreadable value gives None."""
    parsed = PartialDate.parse_or_none(value)
    if parsed is None:
        return None, False
    return parsed.first_day(), parsed.exact


def due_day(value: str | None, year: int | None = None) -> date | None:
    """The last day a deadline allows: '2021-06' → 2021-06-30, '2021' → 2021-12-31; a yearly
    deadline ('--12-25') falls in ``year`` (None without one)."""
    parsed = PartialDate.parse_or_none(value)
    return parsed.last_day(year) if parsed is not None else None


def _lag(start: str | None, end: str | None) -> tuple[int | None, bool]:
    first, exact_first = day(start)
    last, exact_last = day(end)
    if first is None or last is None:
        return None, False
    return (last - first).days, exact_first and exact_last


def _directive(store: Store, doc_id: str) -> Directive:
    row = store.one(
        "SELECT d.id, d.status, d.doc_type, d.number_symbol, d.issue_date, a.name, d.issuer_id, d.province, "
        "d.subject FROM documents d LEFT JOIN agencies a ON a.id = d.issuer_id WHERE d.id = ?",
        (doc_id,),
    )
    assert row is not None
    return Directive(*row)


def _responses(store: Store, directive: Directive, depth: int) -> list[Response]:
    found: dict[str, Response] = {}
    frontier = {directive.id: None}
    for level in range(1, depth + 1):
        kinds = "('CITES', 'IMPLEMENTS')" if level == 1 else "('IMPLEMENTS')"
        edges: dict[str, tuple[str, str]] = {}  # responding doc → (relation, the doc it answers)
        targets = list(frontier)
        for start in range(0, len(targets), CHUNK):
            chunk = targets[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT document_id, type, dst FROM edges WHERE dst IN ({marks}) AND type IN {kinds}"
            for doc_id, kind, dst in store.rows(sql, [f"doc:{t}" for t in chunk]):
                if doc_id in found or doc_id == directive.id:
                    continue
                relation = (
                    EdgeType.IMPLEMENTS
                    if kind == EdgeType.IMPLEMENTS or edges.get(doc_id, ("",))[0] == EdgeType.IMPLEMENTS
                    else kind
                )
                edges[doc_id] = (relation, dst.removeprefix("doc:"))
        if not edges:
            break
        ids = list(edges)
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows += store.rows(
                "SELECT id, number_symbol, doc_type, issue_date, subject, issuer_id, province, status "
                f"FROM documents WHERE id IN ({marks})",
                chunk,
            )
        issuers = agencies(store, [str(r[5]) for r in rows if r[5]])
        via_numbers = {t: found[t].name for t in frontier if t in found}
        next_frontier: dict[str, None] = {}
        for doc_id, number, doc_type, issued, subject, issuer_id, province, status in rows:
            relation, answers = edges[doc_id]
            agency = issuers.get(issuer_id) if issuer_id else None
            lag, exact = _lag(directive.issue_date, issued)
            found[doc_id] = Response(
                doc_id, number, doc_type, issued, subject, agency.name if agency else None, issuer_id,
                province or (agency.province if agency else None), agency.level if agency else None,
                relation, level, via_numbers.get(answers), lag, exact, status,
                answers if level > 1 else None,
            )  # fmt: skip
            if relation == EdgeType.IMPLEMENTS:
                next_frontier[doc_id] = None
        frontier = next_frontier
    return sorted(found.values(), key=lambda r: (r.issue_date or "9999", r.number_symbol or ""))


class _Matcher:
    """Which responses come from a body: itself, a body under it, or a member of its group."""

    def __init__(self, store: Store, responses: list[Response]) -> None:
        self.responses = [r for r in responses if r.issuer_id]
        cache: dict[str, list[str]] = {}
        self.chains = {
            r.issuer_id: ancestors(store, r.issuer_id, cache) for r in self.responses if r.issuer_id
        }
        self.rows = agencies(store, [a for chain in self.chains.values() for a in chain])
        self.by_name: dict[str, list[tuple[Response, str | None]]] = {}
        for response in self.responses:
            for agency_id in self.chains[response.issuer_id or ""]:
                row = self.rows.get(agency_id)
                if row is not None:
                    self.by_name.setdefault(fold_key(row.name), []).append((response, row.province))

    def answers(self, agency: AgencyRow) -> list[Response]:
        out = []
        for response in self.responses:
            chain = self.chains[response.issuer_id or ""]
            if agency.id in chain or (
                agency.collective and any(c in self.rows and is_member(self.rows[c], agency) for c in chain)
            ):
                out.append(response)
        return out

    def answers_by_name(self, name: str, province: str | None) -> list[Response]:
        """Responses from the body with this name (a group member that may not be stored yet)."""
        found = self.by_name.get(fold_key(name), [])
        unique = {id(r): r for r, where in found if province is None or where in (None, province)}
        return list(unique.values())


def _status(answers: list[Response], deadline: str | None, as_of: date) -> FollowStatus:
    due = due_day(deadline, as_of.year)
    if answers:
        first, _ = day(min(a.issue_date or "9999" for a in answers))
        return FollowStatus.LATE if due and first and first > due else FollowStatus.ANSWERED
    return FollowStatus.OVERDUE if due and as_of > due else FollowStatus.OPEN


def _members(group: AgencyRow, on: str | None) -> list[tuple[str, str | None]]:
    """(name, province) of the members of a group on a date, when the group says who they are."""
    if not group.stem:
        return []
    key = fold_key(group.name)
    prefix = group.name[: len(group.stem)] if key.startswith(group.stem) else group.stem
    # "Thành viên Ban Chỉ đạo … các huyện": of each district, its Ban Chỉ đạo (listed once)
    for word in task_match_words().get("member", ()):
        if fold_key(prefix).startswith(word + " "):
            prefix = prefix[len(word) + 1 :]
            break
    prefix = prefix[:1].upper() + prefix[1:]
    if group.member_level == "province":
        return [(f"{prefix} {place_phrase(p)}", p) for p in provinces_on(on)]
    if group.member_level == "district" and group.province:
        return [
            (f"{prefix} {d[:1].lower()}{d[1:]}", group.province) for d in districts_on(group.province, on)
        ]
    return []


def followup(
    store: Store,
    ref: str,
    *,
    as_of: str | None = None,
    depth: int = 2,
    issuer: str | None = None,
    date: str | None = None,
) -> FollowUp:
    """The follow-up of the directive ``ref`` names (number-symbol, id or content hash; ``issuer``
    and ``date`` choose among documents with the same number)."""
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth}")
    directive = _directive(store, find_document(store, ref, issuer=issuer, date=date))
    today = day(as_of)[0] if as_of else _dt.date.today()
    assert today is not None
    # as of a date, only what was issued by then counts ("2021-03" counts from its first day)
    responses = [r for r in _responses(store, directive, depth) if (day(r.issue_date)[0] or today) <= today]
    matcher = _Matcher(store, responses)
    task_rows = store.rows(
        "SELECT id, path, text, deadline_date, deadline_text FROM tasks WHERE document_id = ? "
        "ORDER BY position",
        (directive.id,),
    )
    assigned = store.rows(
        "SELECT src, dst, role FROM edges WHERE document_id = ? AND type = 'ASSIGNED_TO'", (directive.id,)
    )
    addressed = store.rows(
        "SELECT dst FROM edges WHERE document_id = ? AND type = 'ADDRESSED_TO'", (directive.id,)
    )
    ids = [str(dst) for _, dst, _ in assigned] + [str(a[0]) for a in addressed]
    rows = agencies(store, [i.removeprefix("agency:") for i in ids])
    names: dict[str, list[str]] = {}
    for src, dst, _ in assigned:
        body = rows.get(str(dst).removeprefix("agency:"))
        if body is not None:
            names.setdefault(str(src).removeprefix("task:"), []).append(body.name)
    task_matcher = TaskMatcher(
        store, directive.id, directive.number_symbol, directive.subject,
        [DirectiveTask(str(t[0]), str(t[1]), str(t[2]), tuple(names.get(str(t[0]), ()))) for t in task_rows],
        directive.issuer,
    )  # fmt: skip
    task_matcher.load((r.document_id, r.name, r.via_id) for r in sorted(responses, key=lambda r: r.depth))

    def answering(found: list[Response], task_id: str) -> list[tuple[Response, Evidence]]:
        out = []
        for response in found:
            evidence = task_matcher.evidence(response.document_id, response.name, task_id)
            if evidence is not None:
                out.append((response, evidence))
        return out

    group_deadline: dict[str, str | None] = {}
    tasks: list[TaskStatus] = []
    for task_id, path, text, deadline, deadline_text in task_rows:
        status = TaskStatus(task_id, path, text, deadline, deadline_text)
        for src, dst, role in assigned:
            if src != f"task:{task_id}":
                continue
            agency = rows[dst.removeprefix("agency:")]
            found = matcher.answers(agency)
            matched = answering(found, task_id)
            answers = [r for r, _ in matched]
            lag = min((a.lag_days for a in answers if a.lag_days is not None), default=None)
            entry = AssigneeStatus(
                agency.name, agency.id, role, agency.province, agency.collective,
                _status(answers, deadline, today), [a.name for a in answers], lag,
                evidence=[e for _, e in matched],
                other_responses=[r.name for r in found if r not in answers],
            )  # fmt: skip
            members = _members(agency, directive.issue_date)
            if members:
                entry.members_expected = len(members)
                entry.members_answered = sum(
                    bool(answering(matcher.answers_by_name(n, p), task_id)) for n, p in members
                )
                if 0 < entry.members_answered < entry.members_expected:
                    entry.status = FollowStatus.PARTIAL
            status.assignees.append(entry)
            if role == "lead":
                group_deadline[agency.id] = min(
                    filter(None, (group_deadline.get(agency.id), deadline)), default=None
                )
        tasks.append(status)
    expected: list[Expected] = []
    seen: set[str] = set()
    leads = {str(dst).removeprefix("agency:") for _, dst, role in assigned if role == "lead"}
    targets = [*(str(a[0]).removeprefix("agency:") for a in addressed), *sorted(leads)]
    answered_provinces = {r.province for r in responses if r.province}
    for agency_id in targets:
        target = rows.get(agency_id)
        if target is None:
            continue
        deadline = group_deadline.get(agency_id)
        members = (
            _members(target, directive.issue_date) if target.collective else [(target.name, target.province)]
        )
        for name, province in members:
            if fold_key(name) in seen:
                continue
            seen.add(fold_key(name))
            answers = (
                matcher.answers_by_name(name, province) if target.collective else matcher.answers(target)
            )
            state = _status(answers, deadline, today)
            if not answers and province in answered_provinces:
                state = FollowStatus.PROVINCE_ANSWERED
            lag = min((a.lag_days for a in answers if a.lag_days is not None), default=None)
            group = target.name if target.collective else None
            expected.append(Expected(name, province, group, state, [a.name for a in answers], lag))
    return FollowUp(directive, today.isoformat(), responses, tasks, expected)
