"""Follow-ups as files officials open: an Excel workbook (responses, tasks × bodies, documents) and
dates as they read them; the values checked on the command line (``--as-of``, ``--depth``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .deps import require
from .followup import CENTRAL, FollowUp
from .lookup import short_date
from .output import evidence_text
from .report_html import STATUS_LABELS
from .store import ArchiveError

_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_day(text: str, option: str = "--as-of") -> str:
    """An ISO date from '03/12/2026', '3/12/2026', '2026-12-03', '2026-12' or '2026'; an error naming
    the option otherwise ('2021-13-45' is refused)."""
    value = text.strip()
    try:
        if match := _DMY.fullmatch(value):
            d, m, y = (int(g) for g in match.groups())
            return date(y, m, d).isoformat()
        if match := _ISO.fullmatch(value):
            year, month, day = (int(g) if g else 0 for g in match.groups())
            date(year, month or 1, day or 1)  # checks the month and the day
            return value if not month else f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    except ValueError:
        pass
    raise ArchiveError(option, f"{text!r} is not a date: write dd/mm/yyyy (03/12/2026) or yyyy-mm-dd")


def parse_depth(text: str) -> int:
    """A --depth of 0 or more."""
    try:
        depth = int(text)
    except ValueError:
        depth = -1
    if depth < 0:
        raise ArchiveError("--depth", f"{text!r}: give a whole number, 0 or more")
    return depth


def write_xlsx(followup: FollowUp, out: str | Path) -> Path:
    """The follow-up as a workbook: 'Văn bản thực hiện' (responses), 'Nhiệm vụ × cơ quan' (one row a
    task and body, with its status, as the HTML matrix shows it) and 'Văn bản' (the directive and
    the documents involved). Dates are written as dates, shown dd/mm/yyyy."""
    openpyxl = require("openpyxl", "archive")
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    bold = Font(bold=True)

    def sheet(title: str, header: list[str], rows: Sequence[Sequence[object]], first: bool = False) -> None:
        ws = book.active if first else book.create_sheet()
        ws.title = title
        ws.append(header)
        for cell in ws[1]:
            cell.font = bold
        for row in rows:
            ws.append([_cell(v) for v in row])
        for column in ws.columns:
            for cell in column:
                if isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
            width = max(len(str(c.value or "")) for c in column)
            ws.column_dimensions[column[0].column_letter].width = min(max(10, width + 2), 60)
        ws.freeze_panes = "A2"

    sheet(
        "Văn bản thực hiện",
        ["Tỉnh", "Cơ quan", "Số, ký hiệu / văn bản", "Ngày", "Độ trễ (ngày)", "Quan hệ", "Trích yếu"],
        [
            [r.province or CENTRAL, r.issuer, r.name, r.issue_date, r.lag_days, r.relation, r.subject]
            for r in followup.responses
        ],
        first=True,
    )
    sheet(
        "Nhiệm vụ × cơ quan",
        ["Mục", "Nhiệm vụ", "Hạn", "Cơ quan", "Tỉnh", "Vai trò", "Tình trạng", "Văn bản trả lời", "Căn cứ"],
        [
            [
                t.path,
                t.text,
                t.deadline,
                a.name,
                a.province or "",
                a.role,
                STATUS_LABELS.get(a.status, a.status),
                "; ".join(a.answered_by),
                evidence_text(a),
            ]
            for t in followup.tasks
            for a in t.assignees
        ],
    )
    d = followup.directive
    documents = [["Văn bản chỉ đạo", d.name, d.doc_type, d.issue_date, d.issuer, d.province or "", d.subject]]
    documents += [
        ["Văn bản thực hiện", r.name, r.doc_type, r.issue_date, r.issuer, r.province or "", r.subject]
        for r in followup.responses
    ]
    sheet(
        "Văn bản", ["Vai trò", "Văn bản", "Loại", "Ngày", "Cơ quan ban hành", "Tỉnh", "Trích yếu"], documents
    )
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _cell(value: object) -> object:
    """An exact ISO date becomes a date (Excel sorts and filters it); a partial one stays text."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    return value


__all__ = ["parse_day", "parse_depth", "short_date", "write_xlsx"]
