"""Corrections a person made to a record (on the review page), as a small JSON file.

The file (``schema`` ``vbdieuhanh-corrections/1``)::

    {"schema": "vbdieuhanh-corrections/1",
     "documents": [{"file": "samples/kiengiang_114-BCD-KGVX_2021.txt",
                    "sha256": "9c1f…",
                    "set": {"number_symbol": "115/BCĐ-KGVX", "task[2].deadline.date": "2021-06-30"}}]}

``sha256`` is the SHA-256 of the file's bytes (the archive's content hash): a correction belongs to
those bytes, not to a file name. ``set`` maps a field path to its corrected value:

- top-level fields: ``doc_type``, ``number_symbol`` (also sets ``number``, ``number_year`` and
  ``symbol``), ``issue_date``, ``place``, ``subject``, ``urgency``;
- ``issuer.name``, ``signer.name``, ``signer.position``;
- a task, by its id: ``task[ID].deadline.date``, ``task[ID].deadline.text``, ``task[ID].assignees``
  (a list of names, each a lead, or of ``{"name": …, "role": "lead"|"coordinate"}``).

A value of ``null`` clears the field. :func:`apply_corrections` returns a corrected copy; the parsed
record is never changed (the archive keeps both).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import VbdhError
from .models import Agency, Assignee, Deadline, Document, Signer, Task

SCHEMA = "vbdieuhanh-corrections/1"
TOP_LEVEL = ("doc_type", "number_symbol", "issue_date", "place", "subject", "urgency")
NESTED = ("issuer.name", "signer.name", "signer.position")
TASK_FIELDS = ("deadline.date", "deadline.text", "assignees")
_TASK = re.compile(r"^task\[(?P<id>[^\]]+)\]\.(?P<field>[a-z_.]+)$")
_NUMBER_SYMBOL = re.compile(r"^\s*(?P<number>\d+)(?:/(?P<year>(?:19|20)\d\d))?/(?P<symbol>\S.*?)\s*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class CorrectionError(VbdhError):
    """A corrections file or one of its entries is not valid."""

    code = "corrections"


def field_paths(document: Document) -> list[str]:
    """Every path that can be corrected on this record."""
    paths = [*TOP_LEVEL, *NESTED]
    for task in document.iter_tasks():
        paths += [f"task[{task.id}].{name}" for name in TASK_FIELDS]
    return paths


def current_value(document: Document, path: str) -> Any:
    """The record's value at a field path (None when absent)."""
    if path in TOP_LEVEL:
        return getattr(document, path)
    if path == "issuer.name":
        return document.issuer.name if document.issuer else None
    if path in ("signer.name", "signer.position"):
        return getattr(document.signer, path.split(".")[1]) if document.signer else None
    match = _TASK.match(path)
    if match is None or match["field"] not in TASK_FIELDS:
        raise CorrectionError(path, "not a field that can be corrected")
    task = _task(document, match["id"])
    if match["field"] == "assignees":
        return [{"name": a.name, "role": a.role} for a in task.assignees]
    return getattr(task.deadline, match["field"].split(".")[1]) if task.deadline else None


def _task(document: Document, task_id: str) -> Task:
    for task in document.iter_tasks():
        if task.id == task_id:
            return task
    raise CorrectionError(f"task[{task_id}]", "the record has no task with this id")


def _text(path: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CorrectionError(path, f"expected a string or null, got {type(value).__name__}")
    return value.strip() or None


def _date(path: str, value: Any) -> str | None:
    text = _text(path, value)
    if text is not None and not _DATE.match(text):
        raise CorrectionError(path, f"expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {text!r}")
    return text


def _assignees(path: str, value: Any) -> list[Assignee]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CorrectionError(path, "expected a list of names")
    out = []
    for item in value:
        if isinstance(item, str):
            item = {"name": item, "role": "lead"}
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            raise CorrectionError(path, f"not an assignee: {item!r}")
        role = item.get("role", "lead")
        if role not in ("lead", "coordinate"):
            raise CorrectionError(path, f"role must be 'lead' or 'coordinate', not {role!r}")
        out.append(Assignee(name=str(item["name"]).strip(), role=role))
    return out


def apply_corrections(document: Document, corrections: Mapping[str, Any]) -> Document:
    """A copy of ``document`` with the corrected values set (the argument is left unchanged)."""
    doc = document.model_copy(deep=True)
    for path, value in corrections.items():
        if path == "number_symbol":
            text = _text(path, value)
            doc.number_symbol = text
            match = _NUMBER_SYMBOL.match(text or "")
            doc.number = int(match["number"]) if match else None
            doc.number_year = int(match["year"]) if match and match["year"] else None
            doc.symbol = match["symbol"] if match else None
        elif path == "issue_date":
            doc.issue_date = _date(path, value)
        elif path in TOP_LEVEL:
            setattr(doc, path, _text(path, value))
        elif path == "issuer.name":
            name = _text(path, value)
            if name is None:
                doc.issuer = None
            elif doc.issuer is None:
                doc.issuer = Agency(name=name)
            else:
                doc.issuer.name = name
        elif path in ("signer.name", "signer.position"):
            doc.signer = doc.signer or Signer()
            setattr(doc.signer, path.split(".")[1], _text(path, value))
        else:
            match = _TASK.match(path)
            if match is None or match["field"] not in TASK_FIELDS:
                raise CorrectionError(path, "not a field that can be corrected")
            task = _task(doc, match["id"])
            if match["field"] == "assignees":
                task.assignees = _assignees(path, value)
                task.assignees_inherited = False
            elif match["field"] == "deadline.date":
                date = _date(path, value)
                if task.deadline is None and date is not None:
                    task.deadline = Deadline(text=date, date=date)
                elif task.deadline is not None:
                    task.deadline.date = date
            else:
                text = _text(path, value)
                if text is None:
                    task.deadline = None
                elif task.deadline is None:
                    task.deadline = Deadline(text=text)
                else:
                    task.deadline.text = text
    return Document.model_validate(doc.model_dump())


def parse_corrections(payload: Any, name: str = "corrections") -> dict[str, dict[str, Any]]:
    """Validate a corrections payload; return ``{sha256: {path: value}}`` (later entries win)."""
    if not isinstance(payload, dict) or payload.get("schema") != SCHEMA:
        raise CorrectionError(name, f'not a corrections file (expected "schema": "{SCHEMA}")')
    entries = payload.get("documents")
    if not isinstance(entries, list):
        raise CorrectionError(name, "'documents' must be a list")
    out: dict[str, dict[str, Any]] = {}
    for index, entry in enumerate(entries):
        where = f"{name}: documents[{index}]"
        if not isinstance(entry, dict):
            raise CorrectionError(where, "expected an object")
        digest = entry.get("sha256")
        if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise CorrectionError(where, "'sha256' must be the file's SHA-256 (64 hex digits)")
        values = entry.get("set")
        if not isinstance(values, dict):
            raise CorrectionError(where, "'set' must map field paths to values")
        for path in values:
            if path not in TOP_LEVEL and path not in NESTED:
                match = _TASK.match(path)
                if match is None or match["field"] not in TASK_FIELDS:
                    raise CorrectionError(where, f"{path!r} is not a field that can be corrected")
        out.setdefault(digest, {}).update(values)
    return out


def load_corrections(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read and validate a corrections file; return ``{sha256: {path: value}}``."""
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CorrectionError(str(path), f"cannot read the corrections file: {error}") from error
    return parse_corrections(payload, str(path))
