"""Lists of records as a terminal table, JSON, JSON lines, CSV or XLSX: one writer for every listing
command of the CLI.

A listing is one or more :class:`Sheet` (a name, its columns, its rows as dicts). The same sheets
give every format:

- ``table``: rich tables for people, headings in the chosen language (``data/cli_labels.tsv``),
  dates as dd/mm/yyyy;
- ``json`` / ``jsonl``: the command's JSON payload (ISO dates), or the rows of the first sheet;
- ``csv``: the first sheet, UTF-8 with a byte-order mark (Excel reads the accents), column keys as
  headings;
- ``xlsx``: one worksheet per sheet (openpyxl), dates as date cells shown dd/mm/yyyy.

In CSV and XLSX a text cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return) is prefixed with an apostrophe, so that a spreadsheet does not run it as a formula; plain
numbers such as ``-3`` are left alone.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .cells import safe_cell, terminal_text
from .vocab import data_rows

FORMATS = ("table", "json", "jsonl", "csv", "xlsx")
LANGS = ("vi", "en")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")
_NO_WRAP = frozenset({"file", "number_symbol", "issue_date", "deadline", "path", "key"})  # kept whole


@dataclass
class Sheet:
    """One table of a listing: ``name`` (a label key, also the XLSX sheet's name), its column keys
    and its rows (dicts keyed by column; missing keys are empty cells)."""

    name: str
    columns: Sequence[str]
    rows: Sequence[Mapping[str, Any]]
    title: str | None = None  # shown above the terminal table; default: the label of ``name`` and a count
    notes: list[str] = field(default_factory=list)  # lines printed under the terminal table
    headings: Sequence[str] | None = None  # the CSV and XLSX header row; default: the column keys


@cache
def _labels() -> dict[str, tuple[str, str]]:
    return {key: (vi, en) for key, vi, en in data_rows("cli_labels.tsv")}


def label(key: str, lang: str = "vi") -> str:
    """The heading or message ``key`` in ``lang`` (vi or en); the key itself when it has no label."""
    found = _labels().get(key)
    if found is None:
        return key
    return found[0] if lang == "vi" else found[1]


def message(key: str, lang: str = "vi", **values: Any) -> str:
    """A CLI message from ``data/cli_labels.tsv`` with ``{name}`` fields filled in."""
    return label(key, lang).format(**values)


def as_date(value: Any) -> dt.date | None:
    """``value`` as a date when it is one (a date or an ISO ``YYYY-MM-DD`` string)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def display(value: Any) -> str:
    """A cell for people: dates as dd/mm/yyyy (a month without its day as mm/yyyy), lists joined."""
    if value is None:
        return ""
    date = as_date(value)
    if date is not None:
        return date.strftime("%d/%m/%Y")
    if isinstance(value, str) and _ISO_MONTH.fullmatch(value):
        return f"{value[5:7]}/{value[:4]}"  # a date without its day (2021-03): 03/2021
    if isinstance(value, (list, tuple)):
        return "; ".join(display(v) for v in value)
    return terminal_text(value)


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_table(sheets: Sequence[Sheet], lang: str = "vi", width: int = 140) -> str:
    """Rich tables (one per sheet) rendered to text."""
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, markup=False, highlight=False)  # text is never markup
    for sheet in sheets:
        title = sheet.title or f"{label(sheet.name, lang)}: {len(sheet.rows)}"
        if not sheet.columns:
            console.print(title)
            continue
        table = Table(title=terminal_text(title))
        for column in sheet.columns:
            table.add_column(label(column, lang), overflow="fold", no_wrap=column in _NO_WRAP)
        for row in sheet.rows:
            table.add_row(*(display(row.get(c)) for c in sheet.columns))
        console.print(table)
        for note in sheet.notes:
            console.print(note)
    return buffer.getvalue()


def to_csv(sheet: Sheet) -> str:
    """One sheet as CSV, UTF-8 byte-order mark first, formula-like cells neutralised."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(list(sheet.headings or sheet.columns))
    for row in sheet.rows:
        writer.writerow(["" if row.get(c) is None else safe_cell(_flat(row.get(c))) for c in sheet.columns])
    return buffer.getvalue()


def to_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """An XLSX workbook, one worksheet per sheet: a bold header row kept in view, dates as date cells
    shown dd/mm/yyyy, formula-like text neutralised, columns as wide as their text (10 to 60)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for sheet in sheets:
        name = re.sub(r"[\[\]:*?/\\]", "_", sheet.name)[:31] or "sheet"
        while name in used:
            name = name[:28] + f"_{len(used)}"
        used.add(name)
        ws = book.create_sheet(name)
        ws.append(list(sheet.headings or sheet.columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            cells: list[Any] = []
            for column in sheet.columns:
                value = row.get(column)
                date = as_date(value)
                cells.append(date if date is not None else safe_cell(_flat(value)))
            ws.append(cells)
        for column_cells in ws.iter_cols():
            for cell in column_cells:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
            width = max(len(display(c.value)) for c in column_cells)
            ws.column_dimensions[column_cells[0].column_letter].width = min(max(10, width + 2), 60)
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_json(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n"


def to_jsonl(items: Sequence[Any]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False, default=str) + "\n" for item in items)


def render(
    sheets: Sequence[Sheet],
    fmt: str,
    lang: str = "vi",
    *,
    payload: Any = None,
    table: str | None = None,
) -> str | bytes:
    """The listing in ``fmt``: text, or bytes for XLSX.

    ``payload``: what ``json`` prints (default: the rows of the first sheet); ``jsonl`` prints the
    payload's items when it is a list, else the first sheet's rows. ``table``: a ready terminal
    rendering to use instead of the generic tables.
    """
    if fmt == "json":
        return to_json(payload if payload is not None else list(sheets[0].rows) if sheets else [])
    if fmt == "jsonl":
        items = payload if isinstance(payload, list) else (list(sheets[0].rows) if sheets else [])
        return to_jsonl(items)
    if fmt == "csv":
        return to_csv(sheets[0]) if sheets else "\ufeff"
    if fmt == "xlsx":
        return to_xlsx(sheets)
    if fmt == "table":
        return table if table is not None else to_table(sheets, lang)
    raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")


def flatten(mapping: Mapping[str, Any], prefix: str = "") -> list[dict[str, Any]]:
    """A nested mapping (the archive's stats) as (key, value) rows: ``edges.cites``, ``last_run.id``…"""
    rows: list[dict[str, Any]] = []
    for key, value in mapping.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            rows.extend(flatten(value, name + "."))
        else:
            rows.append({"key": name, "value": value})
    return rows
