"""A follow-up as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched).

It shows the directive, a few counts, a timeline per province (each response placed by its date,
with its lag), a table of bodies × tasks with the status of each, the evidence of each answer (the
words or label of the response that match the task), and the list of responses. What was not found
is labelled "chưa thấy văn bản trong kho" (not found in the archive), never "did not act".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from pathlib import Path

from .followup import CENTRAL, Expected, FollowUp, Response, TaskStatus, day, due_day
from .lookup import short_date
from .output import evidence_text

STATUS_LABELS = {
    "answered": "đã thực hiện",
    "late": "thực hiện muộn",
    "partial": "một phần",
    "province_answered": "tỉnh đã có văn bản",
    "overdue": "quá hạn, chưa thấy trong kho",
    "open": "chưa thấy trong kho",
    "none": "—",
}
_CSS = """
body{font:15px/1.45 system-ui,'Segoe UI',Roboto,Arial,sans-serif;margin:24px auto;max-width:1180px;
  color:#1d2430;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d7dce3;padding-bottom:4px}
.meta{color:#4c5664;margin:2px 0}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{border:1px solid #d7dce3;border-radius:8px;padding:10px 14px;min-width:150px}
.card b{display:block;font-size:22px}table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #d7dce3;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f1f4f8}
td.s{text-align:center;white-space:nowrap;font-size:13px}.answered{background:#d9f2df}.late{background:#fff1c2}
.partial{background:#e8f0ff}.province_answered{background:#eef7ee}.overdue{background:#fbd9d7}
.open{background:#f6f6f6}.none{color:#9aa3ad}.placeholder{color:#a4471b}svg text{font-size:12px;fill:#1d2430}
.legend span{display:inline-block;padding:1px 8px;margin-right:6px;border-radius:4px;font-size:13px}
h3{font-size:15px;margin:18px 0 6px}td.t{min-width:320px;max-width:520px}
footer{margin-top:28px;color:#6b7480;font-size:13px}@media print{body{margin:0}}
"""


def _text(value: object) -> str:
    return escape(str(value)) if value is not None else "—"


def _timeline(followup: FollowUp) -> str:
    groups = followup.by_province()
    start, _ = day(followup.directive.issue_date)
    dates = [d for r in followup.responses if (d := day(r.issue_date)[0])]
    deadlines = [d for t in followup.tasks if (d := due_day(t.deadline))]
    if not groups or start is None or not dates:
        return "<p>Chưa thấy trong kho văn bản nào thực hiện hoặc viện dẫn văn bản này.</p>"
    end = max([*dates, *deadlines, start])
    span = max((end - start).days, 1)
    left, width, row = 190, 1000, 40
    height = row * len(groups) + 40

    def x(value: date) -> float:
        return left + (value - start).days / span * (width - left - 20)

    parts = [f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="timeline">']
    parts.append(
        f'<line x1="{x(start):.1f}" y1="10" x2="{x(start):.1f}" y2="{height - 22}" stroke="#1d2430"/>'
    )
    parts.append(
        f'<text x="{x(start):.1f}" y="{height - 6}" text-anchor="middle">'
        f"{_text(short_date(start.isoformat()))}</text>"
    )
    for deadline in sorted(set(deadlines)):
        anchor = "end" if x(deadline) > width - 90 else "middle"
        parts.append(
            f'<line x1="{x(deadline):.1f}" y1="10" x2="{x(deadline):.1f}" y2="{height - 22}" '
            'stroke="#c0392b" stroke-dasharray="4 3"/>'
            f'<text x="{x(deadline):.1f}" y="{height - 6}" text-anchor="{anchor}" fill="#c0392b">hạn '
            f"{_text(short_date(deadline.isoformat()))}</text>"
        )
    for i, (province, responses) in enumerate(groups.items()):
        y = 26 + i * row
        parts.append(f'<text x="4" y="{y + 4}">{_text(province)}</text>')
        parts.append(f'<line x1="{left}" y1="{y}" x2="{width - 20}" y2="{y}" stroke="#e3e7ed"/>')
        for j, response in enumerate(responses):
            when, exact = day(response.issue_date)
            if when is None:
                continue
            colour = "#1e7b34" if response.depth == 1 else "#5b7fbf"
            lag = f"+{response.lag_days} ngày" if response.lag_days is not None else ""
            lag = lag if exact else f"≥{lag[1:]}" if lag else ""
            label = f"{response.name} {lag}"
            cx = x(when)
            # labels alternate above and below the line; near the right edge they end at the dot
            anchor, lx = ("end", cx - 9) if cx > width - 200 else ("start", cx + 9)
            ly = y - 8 if j % 2 == 0 else y + 16
            parts.append(
                f'<circle cx="{cx:.1f}" cy="{y}" r="6" fill="{colour}"><title>{_text(response.issuer)}: '
                f"{_text(label)} ({_text(short_date(response.issue_date))})</title></circle>"
                f'<text x="{lx:.1f}" y="{ly}" text-anchor="{anchor}">{_text(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _cell(status: str, detail: str = "") -> str:
    title = f' title="{escape(detail)}"' if detail else ""
    return f'<td class="s {status}"{title}>{escape(STATUS_LABELS[status])}</td>'


def _member_status(member: Expected, task: TaskStatus, today: date) -> str:
    if member.answered_by:
        return member.status
    due = due_day(task.deadline)
    if member.status == "province_answered":
        return member.status
    return "overdue" if due and today > due else "open"


# the report runs no script and fetches nothing: markup that slipped past escaping could not run
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
SECTION_AT = 15  # from this many tasks on, the matrix has one row per task, grouped by section


def section_of(path: str) -> str:
    """The section a task is in: the first part of its path ('II.3.a' → 'II', 'Điều 4.1' → 'Điều 4')."""
    return path.split(".")[0]


def _grouped_matrix(followup: FollowUp, bodies: Sequence[tuple[str, str | None, str | None, str]]) -> str:
    """Tasks as rows under their section's heading, bodies as columns (only those of the section)."""
    today = day(followup.as_of)[0] or date.today()
    sections: dict[str, list[TaskStatus]] = {}
    for task in followup.tasks:
        sections.setdefault(section_of(task.path), []).append(task)
    expected = {e.name: e for e in followup.expected}
    out = []
    for section, tasks in sections.items():
        names = [
            b for b in bodies
            if any(a.name in (b[0], b[2]) for t in tasks for a in t.assignees)
        ]  # fmt: skip
        head = "".join(f"<th>{_text(n)}</th>" for n, _, _, _ in names)
        rows = []
        for task in tasks:
            cells = []
            for name, _, group, _ in names:
                direct = next((a for a in task.assignees if a.name == name), None)
                member = expected.get(name)
                if direct is not None:
                    cells.append(_cell(direct.status, evidence_text(direct)))
                elif member is not None and group in {a.name for a in task.assignees if a.role == "lead"}:
                    cells.append(_cell(_member_status(member, task, today), ", ".join(member.answered_by)))
                else:
                    cells.append(_cell("none"))
            deadline = f"<br><small>hạn {escape(short_date(task.deadline))}</small>" if task.deadline else ""
            text = task.text if len(task.text) <= 160 else task.text[:160] + "…"
            rows.append(
                f'<tr><td class="t"><b>{escape(task.path)}</b> {escape(text)}{deadline}</td>'
                f"{''.join(cells)}</tr>"
            )
        out.append(
            f'<h3>Mục {escape(section)} ({len(tasks)} nhiệm vụ)</h3><table class="matrix grouped">'
            f"<thead><tr><th>Nhiệm vụ</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    return "".join(out)


def _matrix(followup: FollowUp) -> str:
    if not followup.tasks:
        note = (
            " (văn bản chưa có trong kho, chỉ được viện dẫn)"
            if followup.directive.status == "placeholder"
            else ""
        )
        return f"<p>Không có nhiệm vụ nào được trích xuất{note}.</p>"
    if len(followup.tasks) >= SECTION_AT:
        bodies = [(e.name, e.province, e.group, e.status) for e in followup.expected]
        named = {e.name for e in followup.expected}
        for task in followup.tasks:
            for a in task.assignees:
                if a.name not in named:
                    named.add(a.name)
                    bodies.append((a.name, a.province, None, a.status))
        legend = "".join(
            f'<span class="{k}">{escape(v)}</span>' for k, v in STATUS_LABELS.items() if k != "none"
        )
        return f'<p class="legend">{legend}</p>' + _grouped_matrix(followup, bodies)
    today = day(followup.as_of)[0] or date.today()
    head = "".join(
        f'<th title="{escape(t.text)}">NV {escape(t.path)}'
        f"{'<br>hạn ' + escape(short_date(t.deadline)) if t.deadline else ''}</th>"
        for t in followup.tasks
    )
    rows = []
    order = {"answered": 0, "late": 0, "partial": 1, "province_answered": 2, "overdue": 3, "open": 4}
    for member in sorted(followup.expected, key=lambda e: order.get(e.status, 5)):
        cells = []
        for task in followup.tasks:
            leads = {a.name for a in task.assignees if a.role == "lead"}
            direct = next((a for a in task.assignees if a.name == member.name), None)
            if direct is not None:
                cells.append(_cell(direct.status, evidence_text(direct)))
            elif member.group in leads:
                cells.append(_cell(_member_status(member, task, today), ", ".join(member.answered_by)))
            else:
                cells.append(_cell("none"))
        place = _text(member.province or CENTRAL)
        rows.append(f"<tr><td>{_text(member.name)}</td><td>{place}</td>{''.join(cells)}</tr>")
    others = {a.name for t in followup.tasks for a in t.assignees} - {e.name for e in followup.expected}
    for name in sorted(others):
        cells = []
        for task in followup.tasks:
            found = next((a for a in task.assignees if a.name == name), None)
            cells.append(_cell(found.status, evidence_text(found)) if found else _cell("none"))
        rows.append(f"<tr><td>{_text(name)}</td><td></td>{''.join(cells)}</tr>")
    legend = "".join(f'<span class="{k}">{escape(v)}</span>' for k, v in STATUS_LABELS.items() if k != "none")
    return (
        f'<p class="legend">{legend}</p><table class="matrix"><thead><tr><th>Cơ quan</th><th>Tỉnh</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


BASIS_LABELS = {
    "label": "viện dẫn mục của nhiệm vụ",
    "words": "từ ngữ trùng với nhiệm vụ",
    "restated": "nhiệm vụ của văn bản trả lời nhắc lại",
    "whole": "viện dẫn cả văn bản",
    "via": "thực hiện văn bản cấp trên",
}
WHERE_LABELS = {"sentence": "câu viện dẫn", "subject": "trích yếu", "tasks": "nhiệm vụ", "": ""}


def _evidence(followup: FollowUp) -> str:
    """One row per (task, body, response): why the response counts for the task."""
    rows = []
    for task in followup.tasks:
        for a in task.assignees:
            for e in a.evidence:
                said = ", ".join(e.words)
                where = WHERE_LABELS.get(e.where, e.where)
                cells = (
                    f"<b>{escape(task.path)}</b>", _text(a.name), _text(e.response),
                    escape(BASIS_LABELS.get(e.basis, e.basis)) + (f" ({escape(where)})" if where else ""),
                    escape(said), escape(e.text),
                )  # fmt: skip
                rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
            if a.other_responses and not a.evidence:
                cells = (
                    f"<b>{escape(task.path)}</b>", _text(a.name), escape(", ".join(a.other_responses)),
                    "chưa thấy trong kho: văn bản này trả lời nhiệm vụ khác", "", "",
                )  # fmt: skip
                rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    if not rows:
        return "<p>—</p>"
    heads = ("Nhiệm vụ", "Cơ quan", "Văn bản trả lời", "Căn cứ", "Từ ngữ, mục trùng", "Câu, trích yếu")
    head = "".join(f"<th>{h}</th>" for h in heads)
    return f'<table class="evidence"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _response_row(r: Response) -> str:
    relation = "thực hiện" if r.relation == "IMPLEMENTS" else "viện dẫn"
    via = f" (qua {escape(r.via)})" if r.via else ""
    lag = "" if r.lag_days is None else ("" if r.lag_exact else "≥") + str(r.lag_days)
    cells = (
        _text(r.name), _text(r.doc_type), _text(short_date(r.issue_date)), _text(r.issuer),
        _text(r.province or CENTRAL), relation + via, lag, _text(r.subject),
    )  # fmt: skip
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _responses(followup: FollowUp) -> str:
    if not followup.responses:
        return "<p>—</p>"
    heads = (
        "Số, ký hiệu",
        "Loại",
        "Ngày",
        "Cơ quan ban hành",
        "Tỉnh",
        "Quan hệ",
        "Độ trễ (ngày)",
        "Trích yếu",
    )
    head = "".join(f"<th>{h}</th>" for h in heads)
    rows = "".join(_response_row(r) for r in followup.responses)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def render(followup: FollowUp) -> str:
    """The follow-up as an HTML page."""
    directive = followup.directive
    title = (
        f"{directive.doc_type or 'Văn bản'} {directive.number_symbol}"
        if directive.number_symbol
        else directive.name
    )
    answered = sum(1 for e in followup.expected if e.status in ("answered", "late"))
    provinces = {r.province for r in followup.responses if r.province}
    held = (
        '<span class="placeholder">chưa có trong kho (chỉ được viện dẫn)</span>'
        if directive.status == "placeholder"
        else "có trong kho"
    )
    cards = [
        ("văn bản thực hiện / viện dẫn", len(followup.responses)),
        ("tỉnh có văn bản", len(provinces)),
        ("cơ quan đã thực hiện", f"{answered}/{len(followup.expected)}" if followup.expected else "—"),
        ("nhiệm vụ", len(followup.tasks)),
        ("quá hạn", len(followup.overdue())),
    ]
    card_html = "".join(f'<div class="card"><b>{escape(str(v))}</b>{escape(k)}</div>' for k, v in cards)
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>Theo dõi thực hiện {escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>Theo dõi thực hiện: {escape(title)}</h1>"
        f'<p class="meta">{_text(directive.issuer)} · ngày '
        f"{_text(short_date(directive.issue_date))} · {held}</p>"
        f'<p class="meta">{_text(directive.subject)}</p></header>'
        f'<section class="cards">{card_html}</section>'
        f"<section><h2>Dòng thời gian theo tỉnh</h2>{_timeline(followup)}</section>"
        f"<section><h2>Nhiệm vụ × cơ quan</h2>{_matrix(followup)}</section>"
        f"<section><h2>Căn cứ xác định nhiệm vụ đã trả lời</h2>{_evidence(followup)}</section>"
        f"<section><h2>Văn bản thực hiện, viện dẫn</h2>{_responses(followup)}</section>"
        f"<footer>vbdieuhanh · tình hình đến ngày {escape(short_date(followup.as_of))} · "
        f"mã văn bản {escape(directive.id)}</footer>"
        "</body></html>"
    )


def write_report(followup: FollowUp, out: str | Path) -> Path:
    """Write the page to ``out``."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(followup), encoding="utf-8")
    return path
