"""The review page: each document's text with every extracted value highlighted where it was found.

``render_review([(document, sha256), …])`` returns one self-contained HTML page (inline CSS and
JavaScript, nothing fetched): for each document, its text (``Document.text``) with a labelled mark
on every value that has a ``source`` span (issuer, number, date, subject, addressees, recipients,
signer, tasks with their assignees and deadlines, citations, warnings), and a side panel with the
record where a person can correct fields and download the corrections as a JSON file
(:mod:`vbdieuhanh.corrections`), which ``vbdieuhanh ingest --corrections FILE`` applies.

All document text goes through :func:`html.escape`; the record is embedded as JSON in a
``<script type="application/json">`` with ``<``, ``>`` and ``&`` written as ``\\u003c``…, so no
text of a document can close the element or run as script.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ..corrections import SCHEMA, current_value
from ..models import Document, Source

STYLE_FILE = Path(__file__).with_name("page.css")
SCRIPT_FILE = Path(__file__).with_name("page.js")


def content_security_policy(script: str) -> str:
    """The page's policy: nothing fetched, inline style, and of scripts only ``script`` (by its
    hash), so markup that slipped past escaping could not run one."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data: blob:"


LABELS = {
    "issuer": "cơ quan ban hành",
    "parent": "cơ quan chủ quản",
    "number_symbol": "số, ký hiệu",
    "issue_date": "ngày",
    "place": "địa danh",
    "doc_type": "loại",
    "subject": "trích yếu",
    "urgency": "độ khẩn",
    "secrecy": "độ mật",
    "archive": "lưu",
    "addressee": "kính gửi",
    "recipient": "nơi nhận",
    "signer": "người ký",
    "signer_name": "họ tên người ký",
    "task": "nhiệm vụ",
    "lead": "chủ trì",
    "coordinate": "phối hợp",
    "deadline": "thời hạn",
    "citation": "viện dẫn",
    "indicator": "chỉ tiêu",
    "warning": "cảnh báo",
}
# top-level fields whose span the record's ``sources`` gives (number and symbol share number_symbol's)
SCALARS = ("number_symbol", "place", "issue_date", "doc_type", "subject", "urgency", "secrecy", "archive")


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span: where, what kind, its label and a tooltip."""

    start: int
    end: int
    kind: str
    label: str
    title: str
    anchor: str


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def marks(document: Document, prefix: str = "m") -> list[Mark]:
    """Every span to highlight in ``document.text``, each with a unique anchor id."""
    out: list[Mark] = []
    size = len(document.text)

    def add(source: Source | None, kind: str, title: str, label: str | None = None) -> None:
        if source is None:
            return
        start, end = max(0, source.start), min(size, source.end)
        if start < end:
            out.append(Mark(start, end, kind, label or LABELS[kind], title, f"{prefix}-{len(out)}"))

    if document.issuer is not None:
        add(document.issuer.source, "issuer", document.issuer.name)
        if document.issuer.parent is not None:
            add(document.issuer.parent.source, "parent", document.issuer.parent.name)
    for name in SCALARS:
        source = document.sources.get(name)
        value = getattr(document, name)
        if source is not None and name == "doc_type":
            # a công văn's type comes from its 'V/v' line, which the subject's span holds: mark the subject
            subject = document.sources.get("subject")
            if subject is not None and subject.start <= source.start and source.end <= subject.end:
                continue
        add(source, name, ", ".join(value) if isinstance(value, list) else str(value or ""))
    for addressee in document.addressees:
        add(addressee.source, "addressee", addressee.name)
    for recipient in document.recipients:
        title = recipient.name + (f" ({recipient.purpose})" if recipient.purpose else "")
        add(recipient.source, "recipient", title)
    if document.signer is not None:
        signer = document.signer
        who = " — ".join(x for x in (*signer.authority, signer.position, signer.name) if x)
        add(signer.source, "signer", who)
        add(signer.name_source, "signer_name", signer.name or "")
    for task in document.iter_tasks():
        add(task.source, "task", task.text[:200], f"nhiệm vụ {task.id}")
        for assignee in task.assignees:
            add(assignee.source, assignee.role, assignee.name, f"{LABELS[assignee.role]} ({task.id})")
        if task.deadline is not None:
            add(task.deadline.source, "deadline", task.deadline.date or task.deadline.text)
    for citation in document.citations:
        add(citation.source, "citation", citation.number_symbol or citation.title or citation.text)
    for indicator in document.indicators:
        add(indicator.source, "indicator", f"{indicator.what}: {indicator.value:g} {indicator.unit or ''}")
    for warning in document.warnings:
        add(warning.source, "warning", f"{warning.code}: {warning.message}", f"⚠ {warning.code}")
    return _merge_same(out)


def _merge_same(found: list[Mark]) -> list[Mark]:
    """One mark for a span given to several tasks ('chủ trì (1)', 'chủ trì (2)' → 'chủ trì (1, 2)')."""
    merged: dict[tuple[int, int, str], Mark] = {}
    for mark in found:
        key = (mark.start, mark.end, mark.kind)
        if key in merged and mark.kind in ("lead", "coordinate"):
            first = merged[key]
            label = first.label[:-1] + ", " + mark.label.rsplit("(", 1)[-1]
            merged[key] = Mark(first.start, first.end, first.kind, label, first.title, first.anchor)
        elif key not in merged:
            merged[key] = mark
    return list(merged.values())


def highlight(text: str, spans: Sequence[Mark]) -> str:
    """``text`` escaped, with ``<mark>`` elements around the spans, nested; a span that crosses
    another is split, and only its first piece carries the label and the anchor."""
    ordered = sorted(spans, key=lambda m: (m.start, -m.end, m.anchor))
    points = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    parts: list[str] = []
    stack: list[Mark] = []
    opened: set[str] = set()
    for a, b in pairwise(points):
        active = [m for m in ordered if m.start <= a and m.end >= b]
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        parts.extend("</mark>" for _ in stack[keep:])
        del stack[keep:]
        for mark in active[keep:]:
            first = mark.anchor not in opened
            opened.add(mark.anchor)
            attributes = f' id="{_esc(mark.anchor)}" data-label="{_esc(mark.label)}"' if first else ""
            classes = f"v v-{_esc(mark.kind)}" + (" first" if first else "")
            parts.append(
                f'<mark class="{classes}" data-kind="{_esc(mark.kind)}"'
                f' data-for="{_esc(mark.anchor)}" title="{_esc(mark.label)}: {_esc(mark.title)}"{attributes}>'
            )
            stack.append(mark)
        parts.append(_esc(text[a:b]))
    parts.extend("</mark>" for _ in stack)
    return "".join(parts)


def _json_for_script(value: object) -> str:
    """JSON that is safe inside a <script> element (no '</script>', no '<!--')."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _input(index: int, path: str, value: object, label: str) -> str:
    if isinstance(value, list):  # assignees
        shown = "; ".join(a["name"] + (" (phối hợp)" if a.get("role") == "coordinate" else "") for a in value)
    else:
        shown = "" if value is None else str(value)
    return (
        f'<input class="fix" data-doc="{index}" data-path="{_esc(path)}" data-orig="{_esc(shown)}"'
        f' value="{_esc(shown)}" aria-label="{_esc(label)}">'
    )


def _anchor_of(found: list[Mark], kind: str, title: str | None = None) -> str:
    for mark in found:
        if mark.kind == kind and (title is None or mark.title == title):
            return mark.anchor
    return ""


def _goto(anchor: str) -> str:
    return f' <a class="goto" href="#{_esc(anchor)}" title="xem trong văn bản">↪</a>' if anchor else ""


def _panel(index: int, document: Document, found: list[Mark]) -> str:
    rows: list[str] = []

    def row(label: str, path: str | None, kind: str, value: object = None) -> None:
        if path is not None:
            cell = _input(index, path, current_value(document, path), label)
        else:
            cell = f'<span class="val">{_esc(value) if value else "—"}</span>'
        rows.append(f"<tr><th>{_esc(label)}</th><td>{cell}{_goto(_anchor_of(found, kind))}</td></tr>")

    row("loại văn bản", "doc_type", "doc_type")
    row("số, ký hiệu", "number_symbol", "number_symbol")
    row("cơ quan ban hành", "issuer.name", "issuer")
    parent = document.issuer.parent if document.issuer else None
    row("cơ quan chủ quản", None, "parent", parent.name if parent else None)
    row("địa danh", "place", "place")
    row("ngày ban hành (YYYY-MM-DD)", "issue_date", "issue_date")
    row("trích yếu", "subject", "subject")
    row("độ khẩn", "urgency", "urgency")
    row("người ký", "signer.name", "signer_name")
    row("chức vụ người ký", "signer.position", "signer")
    items = []
    for address in document.addressees:
        items.append(f"<li>{_esc(address.name)}{_goto(_anchor_of(found, 'addressee', address.name))}</li>")
    rows.append(f"<tr><th>kính gửi</th><td><ul>{''.join(items) or '—'}</ul></td></tr>")
    items = [
        f"<li>{_esc(r.name)}{' (' + _esc(r.purpose) + ')' if r.purpose else ''}"
        f"{_goto(_anchor_of(found, 'recipient', r.name + (f' ({r.purpose})' if r.purpose else '')))}</li>"
        for r in document.recipients
    ]
    rows.append(f"<tr><th>nơi nhận</th><td><ul>{''.join(items) or '—'}</ul></td></tr>")
    tasks = []
    for task in document.iter_tasks():
        anchor = next((m.anchor for m in found if m.kind == "task" and m.label == f"nhiệm vụ {task.id}"), "")
        text = task.text if len(task.text) <= 160 else task.text[:160] + "…"
        who, due = f"task[{task.id}].assignees", f"task[{task.id}].deadline.date"
        tasks.append(
            f'<div class="task"><div><b>{_esc(task.id)}</b> {_esc(text)}{_goto(anchor)}</div>'
            f"<label>giao cho {_input(index, who, current_value(document, who), f'{task.id}: giao cho')}"
            f"</label><label>thời hạn {_input(index, due, current_value(document, due), f'{task.id}: hạn')}"
            "</label></div>"
        )
    citations = []
    for c in document.citations:
        name = c.number_symbol or c.title or c.text
        when = " — " + _esc(c.date) if c.date else ""
        citations.append(f"<li>{_esc(name)}{when}{_goto(_anchor_of(found, 'citation', name))}</li>")
    warnings = [
        f'<li class="warn"><b>{_esc(w.code)}</b> {_esc(w.message)}'
        f"{_goto(_anchor_of(found, 'warning', f'{w.code}: {w.message}'))}</li>"
        for w in document.warnings
    ]
    return (
        f'<table class="fields">{"".join(rows)}</table>'
        f"<h3>Nhiệm vụ ({len(tasks)})</h3>{''.join(tasks) or '<p>—</p>'}"
        f"<h3>Văn bản viện dẫn ({len(citations)})</h3><ul>{''.join(citations) or '—'}</ul>"
        f"<h3>Cảnh báo ({len(warnings)})</h3><ul>{''.join(warnings) or '—'}</ul>"
        f'<details><summary>Bản ghi JSON</summary><pre class="json" data-doc="{index}"></pre></details>'
    )


def render_review(items: Iterable[tuple[Document, str | None]], *, title: str = "vbdieuhanh review") -> str:
    """One self-contained HTML page for ``(document, sha256 of its file)`` pairs."""
    sections: list[str] = []
    data: list[dict[str, object]] = []
    for index, (document, digest) in enumerate(items):
        found = marks(document, f"d{index}")
        unplaced = [w for w in document.warnings if w.source is None]
        notes = "".join(f"<li><b>{_esc(w.code)}</b> {_esc(w.message)}</li>" for w in unplaced)
        sections.append(
            f'<section class="doc" id="doc-{index}" data-doc="{index}">'
            f"<h2>{_esc(document.file or f'văn bản {index + 1}')}"
            f" <small>{_esc(document.number_symbol or '')} · sha256 {_esc((digest or '—')[:12])}</small></h2>"
            + (f'<ul class="unplaced">{notes}</ul>' if notes else "")
            + f'<div class="cols"><div class="text" lang="vi">{highlight(document.text, found)}</div>'
            f'<aside class="panel">{_panel(index, document, found)}</aside></div></section>'
        )
        data.append(
            {
                "file": document.file,
                "sha256": digest,
                "record": document.model_dump(mode="json", exclude={"text"}),
            }
        )
    legend = "".join(
        f'<span class="v v-{kind}">{_esc(label)}</span>'
        for kind, label in LABELS.items()
        if kind not in ("signer_name", "parent")
    )
    script = SCRIPT_FILE.read_text(encoding="utf-8")
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{content_security_policy(script)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_esc(title)}</title><style>{STYLE_FILE.read_text(encoding="utf-8")}</style></head>
<body>
<header><h1>{_esc(title)}</h1>
<p class="legend">{legend}</p>
<p class="bar"><span id="status"></span>
<button id="download" type="button">Tải tệp sửa lỗi (corrections.json)</button>
<span id="changes">chưa sửa trường nào</span></p>
<pre id="preview" hidden></pre></header>
<main>{"".join(sections)}</main>
<script type="application/json" id="vbdh-data" data-schema="{_esc(SCHEMA)}">{_json_for_script(data)}</script>
<script>{script}</script>
</body></html>
"""


def write_review(items: Iterable[tuple[Document, str | None]], out: str | Path, **options: str) -> Path:
    """Write the review page to ``out`` and return its path."""
    path = Path(out)
    path.write_text(render_review(items, **options), encoding="utf-8")
    return path


__all__ = ["Mark", "highlight", "marks", "render_review", "write_review"]
