"""Follow-ups as files officials open: an Excel workbook (responses, tasks × bodies, documents) and
dates as they read them; the values checked on the command line (``--as-of``, ``--depth``)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..listing import Sheet, to_xlsx
from .deps import require
from .followup import CENTRAL, Directive, FollowUp, Response
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


def followup_sheets(followup: FollowUp) -> list[Sheet]:
    """The sheets of the follow-up workbook: 'Văn bản thực hiện' (responses), 'Nhiệm vụ × cơ quan'
    (one row a task and body, with its status, as the HTML matrix shows it) and 'Văn bản' (the
    directive and the documents involved)."""
    responses = Sheet(
        "Văn bản thực hiện",
        ("province", "body", "document", "issue_date", "lag_days", "relation", "subject"),
        [
            {"province": r.province or CENTRAL, "body": r.issuer, "document": r.name,
             "issue_date": r.issue_date, "lag_days": r.lag_days, "relation": r.relation, "subject": r.subject}
            for r in followup.responses
        ],
        headings=(
            "Tỉnh", "Cơ quan", "Số, ký hiệu / văn bản", "Ngày", "Độ trễ (ngày)", "Quan hệ", "Trích yếu",
        ),
    )  # fmt: skip
    matrix = Sheet(
        "Nhiệm vụ × cơ quan",
        ("task", "text", "deadline", "body", "province", "role", "status", "answered_by", "evidence"),
        [
            {"task": t.path, "text": t.text, "deadline": t.deadline, "body": a.name,
             "province": a.province or "", "role": a.role, "status": STATUS_LABELS.get(a.status, a.status),
             "answered_by": "; ".join(a.answered_by), "evidence": evidence_text(a)}
            for t in followup.tasks
            for a in t.assignees
        ],
        headings=(
            "Mục", "Nhiệm vụ", "Hạn", "Cơ quan", "Tỉnh", "Vai trò", "Tình trạng", "Văn bản trả lời", "Căn cứ",
        ),
    )  # fmt: skip
    d = followup.directive
    involved: list[tuple[str, Directive | Response]] = [("Văn bản chỉ đạo", d)]
    involved += [("Văn bản thực hiện", r) for r in followup.responses]
    documents = Sheet(
        "Văn bản",
        ("role", "document", "doc_type", "issue_date", "issuer", "province", "subject"),
        [
            {"role": role, "document": x.name, "doc_type": x.doc_type, "issue_date": x.issue_date,
             "issuer": x.issuer, "province": x.province or "", "subject": x.subject}
            for role, x in involved
        ],
        headings=("Vai trò", "Văn bản", "Loại", "Ngày", "Cơ quan ban hành", "Tỉnh", "Trích yếu"),
    )  # fmt: skip
    return [responses, matrix, documents]


def write_xlsx(followup: FollowUp, out: str | Path) -> Path:
    """The follow-up as a workbook of :func:`followup_sheets`, written by the CLI's one XLSX writer
    (:func:`vbdieuhanh.listing.to_xlsx`): exact dates as date cells shown dd/mm/yyyy, a partial
    date as its text, formula-like text neutralised."""
    require("openpyxl", "archive")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(to_xlsx(followup_sheets(followup)))
    return path


__all__ = ["followup_sheets", "parse_day", "parse_depth", "short_date", "write_xlsx"]
