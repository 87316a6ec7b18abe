"""From a record to what the archive writes: keys, bodies in context, tasks, citations, indicators.

Pure (no database), so it runs in the ingest workers next to the parser; the writer then only
resolves bodies against the archive and writes rows. A citation the parser found carried out
(``Citation.implements``: "thực hiện Công văn số 29/CV-BCĐQG …") becomes IMPLEMENTS, CITES
otherwise; it starts at the task whose text holds it, or at the
document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..models import Document, Indicator, Task
from ..names.bodies import Body, bodies, context_for
from ..names.keys import number_symbol_key
from ..tones import strip_marks


@dataclass(slots=True)
class TaskRow:
    """A task of the document, flattened, with its assignees resolved in context."""

    path: str
    parent: str | None
    position: int
    label: str | None
    kind: str
    text: str
    deadline_date: str | None
    deadline_kind: str | None
    deadline_text: str | None
    recurrence: str | None
    assignees: list[tuple[Body, str, str]] = field(default_factory=list)  # body, role, method


@dataclass(slots=True)
class CitationRow:
    """A cited document: its key parts, how the text relates to it, and where the citation sits."""

    ns_key: str
    number_symbol: str
    number: int | None
    date: str | None
    doc_type: str | None
    title: str | None
    issuer: Body | None
    relation: str  # CITES | IMPLEMENTS
    task: str | None
    text: str


@dataclass(slots=True)
class Prepared:
    """Everything the writer needs for one document version."""

    hash: str
    file: str | None
    format: str
    record_json: str
    ns_key: str | None
    number_symbol: str | None
    number: int | None
    symbol: str | None
    doc_type: str | None
    issue_date: str | None
    subject: str | None
    province: str | None
    is_administrative: bool
    issuer_chain: list[Body]  # the issuer, then its parent, …
    addressees: list[tuple[Body, str]]
    recipients: list[tuple[Body, str]]
    tasks: list[TaskRow]
    citations: list[CitationRow]
    indicators: list[Indicator]
    search_text: str = ""  # subject, text and tasks without case or marks (search.py)

    @property
    def year(self) -> int | None:
        return int(self.issue_date[:4]) if self.issue_date else None

    def lock_keys(self, settled: Callable[[Body], bool] = lambda body: False) -> list[str]:
        """What concurrent writers of this document must not write at the same time: its number,
        its bodies and their provinces (whose successor links they create). A body ``settled``
        (already resolved by a committed transaction) is left out: it creates nothing, and locking
        its province made every writer of a province wait for the others."""
        keys = {f"doc:{self.ns_key}"} if self.ns_key else set()
        found = [*self.issuer_chain, *(b for b, _ in self.addressees), *(b for b, _ in self.recipients)]
        found += [b for task in self.tasks for b, _, _ in task.assignees]
        found += [c.issuer for c in self.citations if c.issuer is not None]
        found = [b for b in found if not settled(b)]
        keys.update(f"agency:{b.key}" for b in found)
        keys.update(f"province:{b.province}" for b in found if b.province)
        return sorted(keys)

    def cited_keys(self) -> list[str]:
        """The numbers it cites: locked shared, so that citers of one number write side by side
        and only the writer of that number, or of its placeholder, waits for them."""
        return sorted({f"doc:{c.ns_key}" for c in self.citations})


def _flatten(tasks: list[Task]) -> list[tuple[Task, str | None, int]]:
    out: list[tuple[Task, str | None, int]] = []

    def walk(items: list[Task], parent: str | None) -> None:
        for task in items:
            out.append((task, parent, len(out)))
            walk(task.subtasks, task.id)

    walk(tasks, None)
    return out


def _task_at(spans: list[tuple[int, int, str]], offset: int) -> str | None:
    """The innermost task whose text holds ``offset``."""
    holding = [(end - start, path) for start, end, path in spans if start <= offset < end]
    return min(holding)[1] if holding else None


def prepare(document: Document, content_hash: str) -> Prepared:
    """What to write for one version of a document."""
    context = context_for(document.issuer, document.abbreviations, document.place)
    chain = list(context.known)
    task_rows: list[TaskRow] = []
    spans: list[tuple[int, int, str]] = []
    seen_paths: set[str] = set()
    for task, parent, position in _flatten(document.tasks):
        path = task.id
        while path in seen_paths:
            path += "'"
        seen_paths.add(path)
        if task.source is not None:
            spans.append((task.source.start, task.source.end, path))
        deadline = task.deadline
        row = TaskRow(
            path,
            parent,
            position,
            task.label,
            task.kind,
            task.text,
            deadline.date if deadline else None,
            deadline.kind if deadline else None,
            deadline.text if deadline else None,
            deadline.recurrence if deadline else None,
        )
        for role in ("lead", "coordinate"):
            names = [a.name for a in task.assignees if a.role == role]
            row.assignees += [(b, role, m) for b, m in bodies(names, context, listed=False)]
        task_rows.append(row)
    citations: list[CitationRow] = []
    for cited in document.citations:
        if not cited.number_symbol:
            continue
        start = cited.source.start if cited.source else max(document.text.find(cited.text), 0)
        issuer = bodies([cited.issuer], context, listed=False) if cited.issuer else []
        citations.append(
            CitationRow(
                number_symbol_key(cited.number_symbol),
                cited.number_symbol,
                cited.number,
                cited.date,
                cited.doc_type,
                cited.title,
                issuer[0][0] if issuer else None,
                "IMPLEMENTS" if cited.implements else "CITES",
                _task_at(spans, start),
                cited.text,
            )
        )
    as_above = {n for r in document.recipients if r.as_above for n in r.resolves_to}
    return Prepared(
        hash=content_hash,
        file=document.file,
        format=document.format,
        record_json=document.model_dump_json(),
        ns_key=number_symbol_key(document.number_symbol) if document.number_symbol else None,
        number_symbol=document.number_symbol,
        number=document.number,
        symbol=document.symbol,
        doc_type=document.doc_type,
        issue_date=document.issue_date,
        subject=document.subject,
        province=(chain[0].province if chain else None) or context.province,
        is_administrative=document.is_administrative,
        issuer_chain=chain,
        addressees=bodies([a.name for a in document.addressees], context),
        recipients=bodies(
            [r.name for r in document.recipients if not r.as_above and r.name not in as_above], context
        ),
        tasks=task_rows,
        citations=citations,
        indicators=document.indicators,
        search_text=search_text(document),
    )


def search_text(document: Document) -> str:
    """What full-text search reads, folded: subject, issuer, text and tasks ('hiến máu' → 'hien mau')."""
    parts = [document.subject or "", document.issuer.name if document.issuer else "", document.text or ""]
    parts += [row.text for row, _, _ in _flatten(document.tasks)]
    return fold_search("\n".join(parts))


def fold_search(text: str) -> str:
    """Lower case, no tone marks or accents, đ → d: how search compares words. Not through
    strip_marks' cache, which is for names and words: a document's whole text would stay in it
    (16,384 of them: a Dask worker grew to 470 MB over 50,000 letters)."""
    return strip_marks.__wrapped__(text).lower() if text else ""
