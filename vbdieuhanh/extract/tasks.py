"""Tasks: numbered items as a tree, and instructions given in prose, with assignees and deadlines.

A list's introducing sentence ("đề nghị A, B và C thực hiện một số nội dung sau:") gives its items
default assignees; an item that starts with a body ("UBND các huyện chỉ đạo …"), or says "Giao …",
"Đối với …", "… chủ trì, phối hợp với …", names its own. Outside lists, sentences such as "Chủ tịch
UBND tỉnh giao Sở X chủ trì, … trước ngày 10/02/2025" become prose tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..lexicon import (
    assignee_heads,
    assignment_cues,
    executor_clauses,
    non_bodies,
    restatements,
    task_verbs,
)
from ..models import Addressee, Agency, Assignee, Task
from ..normalize import fold_tones, is_upper_text, squash
from ..zones import Seg
from .context import Context
from .deadlines import find_deadline
from .patterns import LOWER
from .prefilter import Prefiltered

_BULLETS = "-–+•*\uf0a7\uf0b7\uf0d8\uf076\uf0fc\u25cf\u25aa\u2022\u25e6\u27a2"
MARKER_RE = re.compile(
    r"^(?:(?P<article>Điều\s+(?P<article_no>\d{1,3})\s*[.:]?)"
    r"|(?P<roman>[IVXL]{1,5})\s*[.:)]"
    r"|(?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?"
    r"|(?P<arabic>\d{1,2})\s*[.)]"
    r"|\((?P<paren>\d{1,2})\)"
    r"|(?P<letter>[a-zđ])\s*\)"
    r"|(?P<letterdot>[a-zđ])\."
    rf"|(?P<bullet>[{re.escape(_BULLETS)}])"
    r")\s*(?=\S)"
)
_TERMINAL = ".;:!?"
_WRAP_WIDTH = 55  # a line this long without closing punctuation was probably wrapped
_SENTENCE_RE = re.compile(r"(?:[^.!?]|\.(?=\d|/))+(?:[.!?]|$)")
_END_MARK_RE = re.compile(r"\./\.\s*$|\./\s*$")
_REPORT_RE = Prefiltered(
    re.compile(r"(?:báo cáo(?: kết quả)?(?: về)?|gửi(?: báo cáo| kết quả| văn bản)?(?: về)?)\s+"),
    ("báo cáo", "gửi"),
)
_CHU_TRI_RE = Prefiltered(re.compile(r" chủ trì\b"), (" chủ trì",))
_OWN_VERBS_RE = re.compile(r"^\s*(?:chủ trì|có trách nhiệm|chịu trách nhiệm)\b")


@dataclass(slots=True)
class _Para:
    start: int
    end: int
    text: str
    style: str | None = None
    label: str | None = None
    body_start: int = 0  # offset of the text after the marker


@dataclass(slots=True)
class _Node:
    para: _Para
    style: str
    kind: str
    own_id: str
    extra: list[_Para] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)


def _runs_on(prev_line: str) -> bool:
    """Does a line look cut by the page width mid-sentence (long, no closing punctuation)?"""
    return (
        len(prev_line) >= _WRAP_WIDTH
        and prev_line[-1:] not in _TERMINAL
        and not prev_line.endswith(")")
        and not is_upper_text(prev_line)
    )


def _marker(text: str, prev_line: str | None) -> tuple[str, str, int] | None:
    """(style, label, length) of a list marker at the start of a paragraph."""
    match = MARKER_RE.match(text)
    if match is None:
        return None
    kind = match.lastgroup
    if kind == "article_no":
        kind = "article"
    if kind == "letterdot" and prev_line is not None and prev_line[-1:] not in _TERMINAL:
        return None
    if kind == "roman" and len(text) > match.end() and text[match.end()].islower():
        return None
    if kind in ("arabic", "dotted", "paren") and prev_line is not None and _runs_on(prev_line):
        return None  # a wrapped line that starts with a number ("2021. …") is not an item
    label = match.group(kind) if kind != "article" else match.group("article_no")
    style = f"bullet{label}" if kind == "bullet" else kind
    if kind == "letterdot":
        style = "letter"
    return style, label, match.end()


def _paragraphs(ctx: Context, segs: list[Seg]) -> list[_Para]:
    """Join wrapped lines into paragraphs.

    A line continues the paragraph when it starts in lower case, or when the line before it was cut
    by the page width (long, no closing punctuation); a marker, a blank line or a finished sentence
    starts a new paragraph. Layouts whose lines are whole paragraphs (DOCX) are never joined.
    """
    paras: list[_Para] = []
    text = ctx.nt.text
    whole = ctx.nt.layout.lines_are_paragraphs
    prev_end = None
    prev_line: str | None = None
    for start, end in segs:
        line = text[start:end]
        blank_before = prev_end is not None and "\n\n" in text[prev_end:start]
        prev_end = end
        prev = paras[-1] if paras else None
        marker = _marker(line, None if whole else prev_line)
        lower_start = line[:1].islower()
        joins = (
            prev is not None
            and marker is None
            and not whole
            and (lower_start or (not blank_before and prev_line is not None and _runs_on(prev_line)))
        )
        prev_line = line
        if not joins:
            para = _Para(start, end, line)
            if marker is not None:
                para.style, para.label, para.body_start = marker
            paras.append(para)
        else:
            assert prev is not None
            prev.text = f"{prev.text} {line}"
            prev.end = end
    return paras


# --- bodies named in text ------------------------------------------------------------------------


@cache
def _head_re() -> re.Pattern[str]:
    """Body head words ('UBND', 'Sở', 'các cơ quan'…), not when they start a non-body phrase."""
    excluded = "|".join(re.escape(p) for p in non_bodies())
    forms = {form for form, _ in assignee_heads()}
    forms |= {form[0].upper() + form[1:] for form in forms}  # "các sở" starts a sentence as "Các sở"
    heads = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?!(?:{excluded})(?!\w))(?:{heads})(?!\w)")


@cache
def _verb_re() -> re.Pattern[str]:
    """A lower-case verb that ends a body's name: ' chỉ đạo', ' tăng cường'…"""
    verbs = "|".join(re.escape(v) for v in sorted(task_verbs(), key=len, reverse=True))
    return re.compile(rf" (?:{verbs})(?=[\s,.;:]|$)")


# where a list of bodies stops: a colon, semicolon, bracket, full stop, or "- " + lower case
_PHRASE_STOP_RE = re.compile(rf"[:;(\n]|\.(?=\s|$)| - (?=[{LOWER}])")


def _starts_with_head(key: str, pos: int) -> int:
    """Length of the body head word(s) at ``pos`` (0 if none)."""
    match = _head_re().match(key, pos)
    return match.end() - pos if match else 0


def _verb_at(key: str, pos: int) -> bool:
    """Is there a task verb at ``pos`` (which follows a space)?"""
    return _verb_re().match(key, pos - 1) is not None


def bodies_at(key: str, pos: int, end: int) -> list[tuple[int, int]]:
    """Spans of the bodies listed at ``pos`` ('Sở A, Sở B và UBND các huyện'), up to the verb."""
    if not _starts_with_head(key, pos):
        return []
    stop = end
    found = _PHRASE_STOP_RE.search(key, pos, end)
    if found is not None:
        stop = found.start()
    verb = _verb_re().search(key, pos, stop)
    if verb is not None:
        stop = verb.start()
    if key.count(" ", pos, stop) > 40:
        return []
    phrase_end = stop
    while phrase_end > pos and key[phrase_end - 1] in " ,":
        phrase_end -= 1
    if phrase_end <= pos:
        return []
    # split at ", " / " và " / " với " / "; " when a new body starts there
    spans: list[tuple[int, int]] = []
    cut = pos
    protected = cut + _starts_with_head(key, cut)  # "các sở, ban, ngành" is one head
    for sep in _SEPARATOR_RE.finditer(key, pos, phrase_end):
        if sep.start() < protected:
            continue
        head = _starts_with_head(key, sep.end())
        if head:
            spans.append((cut, sep.start()))
            cut = sep.end()
            protected = cut + head
    spans.append((cut, phrase_end))
    return [(a, b) for a, b in spans if b > a]


_SEPARATOR_RE = re.compile(r", | và | với |; ")


@cache
def _cue_re() -> Prefiltered:
    """An assignment cue at the start of a clause: 'giao', 'đề nghị', 'phối hợp với'…"""
    cues = [cue for cue, _ in assignment_cues()]
    alternation = "|".join(re.escape(cue) for cue in cues)
    return Prefiltered(re.compile(rf"(?P<cue>{alternation}) (?!thông\b)"), tuple(cues))


def _clause_cues(ctx: Context, start: int, end: int) -> list[tuple[str, int]]:
    """(role, position after the cue) of assignment cues that begin a clause in [start, end)."""
    roles = dict(assignment_cues())
    lower = ctx.nt.lower
    return [
        (roles[m.group("cue")], m.end())
        for m in ctx.hits(_cue_re(), start, end, lower=True)
        if m.start() == 0 or lower[m.start() - 1] in " ,;:(\n"
    ]


def _assignees(ctx: Context, start: int, end: int, *, opening: int | None) -> list[Assignee]:
    """Lead and coordinating bodies named in key[start:end].

    With ``opening``, a body that starts the text (up to ``opening``: the item's own first
    paragraph) is a lead: "UBND các huyện chỉ đạo …", "Đối với Sở Y tế: …", "3. Sở Tư pháp".
    """
    key = ctx.nt.flat
    text = ctx.nt.text
    result: list[Assignee] = []
    seen: set[str] = set()

    def add(spans: list[tuple[int, int]], role: str) -> None:
        for a, b in spans:
            name = squash(text[a:b], " ,")
            if name and name not in seen:
                seen.add(name)
                result.append(Assignee(name=name, role=role, source=ctx.source(a, b)))  # type: ignore[arg-type]

    if opening is not None:
        pos = start
        if key.startswith("Đối với ", pos):
            pos += len("Đối với ")
        spans = bodies_at(key, pos, opening)
        if spans:
            last = spans[-1][1]
            tail = key[last:opening]
            gives_orders = bool(_clause_cues(ctx, last, min(opening, last + 16)))
            if gives_orders and pos == start:
                pass  # "Chủ tịch UBND tỉnh giao Sở X …": the body that starts the sentence assigns
            elif (
                pos != start
                or _OWN_VERBS_RE.match(tail)
                or tail.lstrip(" ,")[:1] in (":", "")
                or (tail[:1] == " " and _verb_at(key, last + 1))
            ):
                add(spans, "lead")
    for role, pos in _clause_cues(ctx, start, end):
        spans = bodies_at(key, pos, end)
        add(spans, role)
    # "…, Sở Tài chính chủ trì, phối hợp …" inside a sentence
    for match in ctx.hits(_CHU_TRI_RE, start, end, lower=True):
        head_end = match.start()
        clause_start = max(key.rfind(", ", start, head_end), key.rfind("; ", start, head_end))
        clause_start = start if clause_start < 0 else clause_start + 2
        spans = bodies_at(key, clause_start, head_end + 1)
        if spans and spans[-1][1] >= head_end - 1:
            add(spans, "lead")
    for part in _executors(ctx, start, end):
        add([part], "lead")
    # a body named twice keeps its first role; leads come first
    result.sort(key=lambda a: 0 if a.role == "lead" else 1)
    return result


@cache
def _duty_re() -> Prefiltered:
    duties = executor_clauses()["duty"]
    return Prefiltered(re.compile("|".join(re.escape(d) for d in duties)), duties)


@cache
def _label_re() -> re.Pattern[str]:
    labels = "|".join(re.escape(label) for label in executor_clauses()["label"])
    return re.compile(rf"(?:{labels})\s*:")


def _executors(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """Bodies listed before '… chịu trách nhiệm thi hành Quyết định này', one span each."""
    lower = ctx.nt.lower
    parts: list[tuple[int, int]] = []
    for duty in ctx.hits(_duty_re(), start, end, lower=True):
        sentence = max(lower.rfind(". ", start, duty.start()), start - 2) + 2
        label = _label_re().search(lower, sentence, duty.start())
        list_start = label.end() if label else sentence
        for piece in re.finditer(r"[^;]+", lower[list_start : duty.start()]):
            a, b = ctx.trimmed(list_start + piece.start(), list_start + piece.end(), " ,;:")
            if b > a:
                parts.extend(bodies_at(ctx.nt.flat, a, b) or [(a, b)])
    return parts


def _report_to(ctx: Context, start: int, end: int) -> list[str]:
    key = ctx.nt.flat
    found: list[str] = []
    for match in ctx.hits(_REPORT_RE, start, end, lower=True):
        for a, b in bodies_at(key, match.end(), end):
            name = squash(ctx.nt.text[a:b], " ,")
            name = re.sub(r"\s+(?:trước|theo|để|qua|chậm nhất)\b.*$", "", name)
            if name and name not in found:
                found.append(name)
    return found


def _is_restatement(text: str) -> bool:
    lower = text.lower()
    return any(phrase in lower for phrase in restatements())


# --- building the tree ---------------------------------------------------------------------------


def extract_tasks(ctx: Context, issuer: Agency | None, addressees: list[Addressee]) -> list[Task]:
    """Numbered items as a tree (with inherited assignees) followed by prose tasks.

    Items that name no body of their own inherit the bodies of the sentence that introduces the
    list; when that sentence names none (or only the writer itself), a letter's requests go to its
    addressees ('Kính gửi').
    """
    paras = _paragraphs(ctx, ctx.zones.body)
    roots: list[_Node] = []
    prose: list[_Para] = []
    preambles: dict[int, _Para] = {}  # id(root node) → introducing paragraph
    stack: list[_Node] = []
    last_prose: _Para | None = None
    for para in paras:
        if para.style is not None:
            node = _Node(para, para.style, _kind(para.style), para.label or "")
            styles = [n.style for n in stack]
            if para.style in styles:  # a sibling of an open item: close everything below it
                del stack[styles.index(para.style) :]
            if stack:
                stack[-1].children.append(node)
            else:
                roots.append(node)
                if last_prose is not None and last_prose.text.rstrip().endswith(":"):
                    preambles[id(node)] = last_prose
            stack.append(node)
            continue
        if stack and _belongs_to_item(stack[-1], para, ctx):
            stack[-1].extra.append(para)
            continue
        stack.clear()
        prose.append(para)
        last_prose = para
    preamble_assignees = {
        node_id: _not_the_writer(_assignees(ctx, p.start, p.end, opening=None), issuer)
        for node_id, p in preambles.items()
    }
    default = [Assignee(name=a.name, role="lead", source=a.source) for a in addressees]
    tasks: list[Task] = []
    used: set[str] = set()
    inherited: list[Assignee] = default
    _number_bullets(roots)
    for root in roots:
        if id(root) in preamble_assignees:
            inherited = preamble_assignees[id(root)] or default
        tasks.append(_to_task(ctx, root, "", inherited, used))
    introducing = {id(p) for p in preambles.values()}
    prose_tasks = _prose_tasks(ctx, [p for p in prose if id(p) not in introducing], used)
    return tasks + prose_tasks


def _not_the_writer(assignees: list[Assignee], issuer: Agency | None) -> list[Assignee]:
    """Drop the issuing body itself ('Thực hiện nhiệm vụ giao cho Sở Nội vụ, …' in its own letter)."""
    if issuer is None:
        return assignees
    own = fold_tones(issuer.name).lower()
    return [a for a in assignees if not own.startswith(fold_tones(a.name).lower())]


def _number_bullets(nodes: list[_Node]) -> None:
    """Bullets have no printed label: number them among their siblings."""
    count = 0
    for node in nodes:
        if node.style.startswith("bullet"):
            count += 1
            node.own_id = str(count)
        _number_bullets(node.children)


def _kind(style: str) -> str:
    if style == "roman":
        return "section"
    if style == "article":
        return "article"
    return "item"


def _belongs_to_item(node: _Node, para: _Para, ctx: Context) -> bool:
    """Does an unmarked paragraph continue the current item, or leave the list?"""
    text = para.text
    if para.text[:1].islower():
        return True
    own = (node.extra[-1] if node.extra else node.para).text.rstrip()
    if own.endswith(":") or node.kind in ("section", "article"):
        return not _END_MARK_RE.search(text) or node.kind == "article"
    key = ctx.nt.flat[para.start : para.end]
    if (
        _END_MARK_RE.search(text)
        or _is_restatement(key)
        or _clause_cues(ctx, para.start, min(para.end, para.start + 12))
    ):
        return False
    return not _starts_with_head(key, 0)


def _to_task(ctx: Context, node: _Node, parent_id: str, inherited: list[Assignee], used: set[str]) -> Task:
    para = node.para
    label = node.own_id
    if node.style == "dotted":
        label = label.split(".")[-1]
    task_id = f"Điều {label}" if node.kind == "article" else f"{parent_id}.{label}" if parent_id else label
    while task_id in used:
        task_id += "'"
    used.add(task_id)
    text_start = para.start + para.body_start
    text_end = node.extra[-1].end if node.extra else para.end
    own_text = para.text[para.body_start :]
    full_text = " ".join([own_text, *(p.text for p in node.extra)])
    assignees = _assignees(ctx, text_start, text_end, opening=para.end)
    has_lead = any(a.role == "lead" for a in assignees)
    is_inherited = False
    if not has_lead and node.kind != "section" and inherited:
        assignees = [*inherited, *assignees]
        is_inherited = True
    leads = [a for a in assignees if a.role == "lead"]
    deadline = find_deadline(ctx, text_start, text_end)
    children = [_to_task(ctx, child, task_id, leads or inherited, used) for child in node.children]
    return Task(
        id=task_id,
        label=para.text[: para.body_start].strip() or None,
        text=squash(full_text),
        kind=node.kind,  # type: ignore[arg-type]
        assignees=assignees,
        assignees_inherited=is_inherited,
        deadline=deadline,
        report_to=_report_to(ctx, text_start, text_end),
        subtasks=children,
        source=ctx.source(para.start, text_end),
    )


def _prose_tasks(ctx: Context, paras: list[_Para], used: set[str]) -> list[Task]:
    """Sentences outside lists that tell a body to act."""
    tasks: list[Task] = []
    key = ctx.nt.flat
    for para in paras:
        for sentence in _SENTENCE_RE.finditer(key, para.start, para.end):
            start, end = ctx.trimmed(sentence.start(), sentence.end(), " ")
            if end - start < 15:
                continue
            sentence_key = key[start:end]
            assignees = _assignees(ctx, start, end, opening=end)
            leads = [a for a in assignees if a.role == "lead"]
            if not leads:
                continue
            own_subject = _starts_with_head(key, start) and not _clause_cues(ctx, start, end)
            if own_subject and not _OWN_VERBS_RE.search(sentence_key):
                continue  # "Sở Nội vụ xây dựng các dự thảo …": the writer reporting, not a task
            deadline = find_deadline(ctx, start, end)
            if _is_restatement(sentence_key.lower()) and deadline is None:
                continue
            task_id = f"P{1 + sum(1 for u in used if u.startswith('P'))}"
            used.add(task_id)
            tasks.append(
                Task(
                    id=task_id,
                    text=squash(ctx.nt.text[start:end]),
                    kind="prose",
                    assignees=assignees,
                    deadline=deadline,
                    report_to=_report_to(ctx, start, end),
                    source=ctx.source(start, end),
                )
            )
    return tasks
