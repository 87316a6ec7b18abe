"""Which tasks of a directive a response answers, and the evidence.

A response (a document citing or implementing the directive) answers the tasks it addresses. What it
says is read from its record: the sentence around its citation of the directive, its subject and its
own tasks. Each is compared with each task of the directive:

- **label**: the citing sentence points at the task by its label ("tại mục 2 Quyết định số …",
  "nhiệm vụ 3"; the words before a label are in ``data/task_match.tsv``); a label also covers the
  items under it ('2' covers '2.a');
- **words**: the content words they share (pairs of adjacent syllables after folding with
  :func:`~vbdieuhanh.names.keys.fold_key`, stop words of ``task_match.tsv`` dropped), leaving out the
  words of the directive's own subject and those every task of the directive has (they tell no task
  apart); naming the task's assignee in the citing sentence adds one. ``THRESHOLD`` or more is a match.

A response that points at some tasks (a label, or words of its citing sentence or of its subject)
answers those, and the other tasks its own tasks restate. A response that points at none cites the
directive as a whole ("triển khai Quyết định số 3740/QĐ-BTC …"): it answers every task of the body
that wrote it. A response at depth 2 (a district acting on its province's letter) answers what the
letter it acts on answers. Each answer keeps its :class:`Evidence`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from ..lexicon import task_match_words
from ..names.keys import fold_key, number_symbol_key
from .lookup import CHUNK
from .store import Store

THRESHOLD = 2  # shared content words (+1 for the assignee named) for a match
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n\s*\n")
_CLAUSE = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")  # runs of words between punctuation and digits
_SHOW = 300  # characters of a sentence kept as evidence


@dataclass(slots=True)
class Evidence:
    """Why a response counts as answering a task."""

    document_id: str
    response: str  # its number, or its type, issuer, date and subject
    basis: str  # label | words | restated | whole | via
    where: str  # sentence | subject | tasks | "" (whole, via)
    words: list[str] = field(default_factory=list)  # the shared words, or the labels cited
    text: str = ""  # the sentence (subject, task) they are in
    score: int = 0

    def describe(self) -> str:
        """One line for a person: '114/BCĐ-KGVX: words "tuyên truyền, vận động" in its citing sentence'."""
        said = ", ".join(self.words)
        if self.basis == "label":
            return f"{self.response}: cites {said} of the directive"
        if self.basis in ("words", "restated"):
            place = {"sentence": "its citing sentence", "subject": "its subject", "tasks": "its tasks"}
            return f'{self.response}: words "{said}" in {place.get(self.where, self.where)}'
        if self.basis == "via":
            return f"{self.response}: acts on {self.text}"
        return f"{self.response}: cites the directive as a whole"


@dataclass(slots=True)
class Addressed:
    """What one response addresses: every task of its body (``whole``) or the tasks in ``tasks``."""

    whole: bool
    sentence: str
    tasks: dict[str, Evidence] = field(default_factory=dict)
    via: str | None = None  # the response it acts on (depth 2+)


@dataclass(frozen=True, slots=True)
class DirectiveTask:
    id: str
    path: str
    text: str
    assignees: tuple[str, ...] = ()


@cache
def _stops() -> frozenset[str]:
    return frozenset(s for entry in task_match_words().get("stop", ()) for s in entry.split())


def words(text: str | None) -> set[str]:
    """The content words of a text: adjacent syllables, folded, stop words dropped ('Tăng cường tuyên
    truyền, vận động' → {'tuyên truyền', 'vận động'}); a lone syllable between stop words is kept."""
    if not text:
        return set()
    stops = _stops()
    out: set[str] = set()
    for clause in _CLAUSE.findall(fold_key(text)):
        run: list[str] = []
        for syllable in [*clause.split(), ""]:
            if syllable and syllable not in stops:
                run.append(syllable)
                continue
            if len(run) == 1 and len(run[0]) > 3:
                out.add(run[0])
            out.update(f"{a} {b}" for a, b in pairwise(run))
            run = []
    return out


def _unreplied(text: str) -> str:
    """A response's sentence or subject without the phrases that only say it answers ("báo cáo kết
    quả thực hiện", "phúc đáp"; data/task_match.tsv, kind reply)."""
    folded = fold_key(text)
    for cue in task_match_words().get("reply", ()):
        folded = re.sub(rf"(?<!\w){re.escape(cue)}(?!\w)", " . ", folded)
    return folded


def phrases(text: str, shared: set[str]) -> list[str]:
    """The shared words as the phrases of ``text`` they make up ('báo cáo', 'cáo kết', 'kết quả' →
    'báo cáo kết quả'), in the order of the text."""
    out: list[str] = []
    for clause in _CLAUSE.findall(fold_key(text)):
        syllables = clause.split()
        covered = [s in shared for s in syllables]
        for i, pair in enumerate(pairwise(syllables)):
            if " ".join(pair) in shared:
                covered[i] = covered[i + 1] = True
        i = 0
        while i < len(syllables):
            j = i
            while j < len(syllables) and covered[j]:
                j += 1
            if j > i and (phrase := " ".join(syllables[i:j])) not in out:
                out.append(phrase)
            i = max(j, i + 1)
    return out


def _label_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in task_match_words().get("label", ()))
    one = r"(?:[ivxlc]+|\d+|[a-zđ])(?:\.(?:\d+|[a-zđ]))*"
    return re.compile(rf"(?<!\w)(?:{cues})\s+({one}(?:\s*(?:,|và)\s*{one})*)(?!\w)")


_LABELS: list[re.Pattern[str]] = []


def labels(sentence: str) -> list[str]:
    """The task labels a sentence points at: 'tại mục 2 và mục 3' → ['2', '3'], 'nhiệm vụ II.1' → ['ii.1']."""
    if not _LABELS:
        _LABELS.append(_label_pattern())
    out: list[str] = []
    for match in _LABELS[0].finditer(fold_key(sentence)):
        out += [p.strip() for p in re.split(r",|\bvà\b", match.group(1)) if p.strip()]
    return out


def _path_key(path: str) -> str:
    """'Điều 4.1' → '4.1', 'II.2' → 'ii.2', "2'" → '2'."""
    key = fold_key(path).rstrip("'")
    for cue in task_match_words().get("label", ()):
        if key.startswith(cue + " "):
            return key[len(cue) + 1 :]
    return key


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end]: from the end of the previous one ('.', ';', a blank line)
    to the end of its own."""
    before = text[max(0, start - 800) : start]
    cut = [m.end() for m in _SENTENCE_END.finditer(before)]
    left = start - len(before) + (cut[-1] if cut else 0)
    after = _SENTENCE_END.search(text, end)
    right = after.start() + 1 if after and after.start() - end < 600 else min(len(text), end + 600)
    return " ".join(text[left:right].split())


def _short(text: str) -> str:
    return text if len(text) <= _SHOW else text[: _SHOW - 1] + "…"


def _record(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    try:
        loaded = json.loads(value) if value else {}
    except (TypeError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _own_tasks(record: dict[str, Any]) -> list[str]:
    out: list[str] = []
    stack = list(record.get("tasks") or [])
    while stack:
        task = stack.pop()
        out.append(str(task.get("text") or ""))
        stack.extend(task.get("subtasks") or [])
    return out


class TaskMatcher:
    """The tasks of one directive, matched against the responses to it (read once each)."""

    def __init__(
        self,
        store: Store,
        directive_id: str,
        number_symbol: str | None,
        subject: str | None,
        tasks: Sequence[DirectiveTask],
        issuer: str | None = None,
    ) -> None:
        self.store = store
        self.directive_id = directive_id
        self.key = number_symbol_key(number_symbol) if number_symbol else None
        self.tasks = list(tasks)
        common = set.intersection(*(words(t.text) for t in tasks)) if len(tasks) > 1 else set()
        self.skip = words(subject) | words(issuer) | common
        # a task's words without the names of its assignees: they say who, not what
        self.task_words = {
            t.id: words(t.text) - self.skip - set().union(*(words(a) for a in t.assignees)) for t in tasks
        }
        self.found: dict[str, Addressed] = {}
        self.quoted: dict[str, str] = {}  # a citing sentence → the citation in it (its words say nothing)

    def load(self, responses: Iterable[tuple[str, str, str | None]]) -> None:
        """Read and match the responses not read yet: (document id, name, the id of the response it
        acts on at depth 2+, None at depth 1). Depth-1 responses first."""
        items = [r for r in responses if r[0] not in self.found]
        direct = [r for r in items if r[2] is None]
        ids = [r[0] for r in direct]
        records: dict[str, dict[str, Any]] = {}
        cited: dict[str, list[str]] = {}
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            for doc_id, record in self.store.rows(
                "SELECT d.id, v.record FROM documents d JOIN versions v ON v.hash = d.current_hash "
                f"WHERE d.id IN ({marks})",
                chunk,
            ):
                records[str(doc_id)] = _record(record)
            for doc_id, text in self.store.rows(
                "SELECT document_id, text FROM edges WHERE dst = ? AND type IN ('CITES', 'IMPLEMENTS') "
                f"AND document_id IN ({marks})",
                [f"doc:{self.directive_id}", *chunk],
            ):
                cited.setdefault(str(doc_id), []).append(str(text or ""))
        via_names = {doc_id: name for doc_id, name, _ in items}
        for doc_id, name, _ in direct:
            self.found[doc_id] = self._match(doc_id, name, records.get(doc_id, {}), cited.get(doc_id, []))
        for doc_id, name, via in items:
            if via is None:
                continue
            origin = self.found.get(via)
            origin_name = via_names.get(via, via)
            if origin is None:
                self.found[doc_id] = Addressed(True, "", via=origin_name)
                continue
            tasks = {
                t: Evidence(doc_id, name, "via", "", e.words, e.response, e.score)
                for t, e in origin.tasks.items()
            }
            self.found[doc_id] = Addressed(origin.whole, origin.sentence, tasks, origin_name)

    def _sentences(self, record: dict[str, Any], cited: list[str]) -> list[str]:
        """The sentences citing the directive (every mention of its number), the body's first, the
        subject line's last."""
        text = str(record.get("text") or "")
        spans: dict[int, int] = {}  # start → end of each mention
        for citation in record.get("citations") or []:
            number = str(citation.get("number_symbol") or "")
            same_number = bool(number and self.key and number_symbol_key(number) == self.key)
            if not (citation.get("text") in cited or same_number):
                continue
            source = citation.get("source") or {}
            quoted = str(citation.get("text") or "")
            start = source.get("start")
            if start is None and quoted and (found := text.find(quoted)) >= 0:
                start = found
            if start is not None:
                spans[int(start)] = int(source.get("end") or int(start) + len(quoted))
            at = text.find(number) if number else -1
            while at >= 0:  # the other mentions ("mentions": 2 or more)
                if not any(s <= at < e for s, e in spans.items()):
                    spans[at] = at + len(number)
                at = text.find(number, at + 1)
        subject = ((record.get("sources") or {}).get("subject") or {}).get("end") or 0
        out: list[tuple[bool, str]] = []
        for start, end in sorted(spans.items()):
            sentence = sentence_around(text, start, end)
            if sentence not in self.quoted:
                self.quoted[sentence] = " ".join(text[start:end].split())
                out.append((start < int(subject), sentence))
        ordered = [s for _, s in sorted(out, key=lambda item: item[0])]
        return ordered or [c for c in cited if c]

    def _match(self, doc_id: str, name: str, record: dict[str, Any], cited: list[str]) -> Addressed:
        sentences = self._sentences(record, cited)
        sentence = sentences[0] if sentences else ""
        said = [
            (s, words(_unreplied(s.replace(self.quoted.get(s, "\0"), " . "))) - self.skip) for s in sentences
        ]
        subject = str(record.get("subject") or "")
        subject_words = words(_unreplied(subject)) - self.skip
        own = [(t, words(t) - self.skip) for t in _own_tasks(record)]
        pointed: dict[str, Evidence] = {}
        restated: dict[str, Evidence] = {}
        cited_labels = {label for s in sentences for label in labels(s)}
        for task in self.tasks:
            key = _path_key(task.path)
            hits = sorted(label for label in cited_labels if key == label or key.startswith(label + "."))
            if hits:
                pointed[task.id] = Evidence(doc_id, name, "label", "sentence", hits, _short(sentence), 3)
                continue
            wanted = self.task_words[task.id]
            best: Evidence | None = None
            for where, text, have in [
                *(("sentence", s, w) for s, w in said),
                ("subject", subject, subject_words),
            ]:
                shared = wanted & have
                named = where == "sentence" and any(fold_key(a) in fold_key(text) for a in task.assignees)
                score = len(shared) + named
                if shared and score >= THRESHOLD and (best is None or score > best.score):
                    best = Evidence(doc_id, name, "words", where, phrases(text, shared), _short(text), score)
            if best is not None:
                pointed[task.id] = best
                continue
            for text, have in own:
                shared = wanted & have
                if len(shared) >= THRESHOLD and (
                    task.id not in restated or len(shared) > restated[task.id].score
                ):
                    restated[task.id] = Evidence(
                        doc_id, name, "restated", "tasks", phrases(text, shared), _short(text), len(shared)
                    )
        if not pointed:
            return Addressed(True, _short(sentence))
        return Addressed(False, _short(sentence), {**restated, **pointed})

    def evidence(self, doc_id: str, name: str, task_id: str) -> Evidence | None:
        """Why the response answers the task, or None when it addresses other tasks."""
        found = self.found.get(doc_id)
        if found is None:
            return None
        if found.whole and found.via is not None:
            return Evidence(doc_id, name, "via", "", [], found.via)
        if found.whole:
            return Evidence(doc_id, name, "whole", "", [], found.sentence)
        return found.tasks.get(task_id)
