"""The one loader of the domain data files in ``vbdieuhanh/data``, and the schema of each file.

Every word list, cue and character set the parser or the archive uses is a file in ``data/``. Each
file has a declared :class:`Schema` in :data:`SCHEMAS` (its columns, the values a closed column may
hold, which columns may be empty, which must be unique); :func:`data_rows` checks every row against
it and raises :class:`DataFileError` naming the file and the line on the first row that does not
fit (a row with spaces instead of a tab, a missing column, a ``kind`` outside its set). The typed
views of the files (folded, sorted, keyed) are in :mod:`vbdieuhanh.lexicon`.

This module imports nothing of the package but its errors, so that every module (``normalize``
included) can read the data at import time without an import cycle. Files are read once (cached).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import VbdhError


class DataFileError(VbdhError):
    """A data file of the package does not fit its declared schema (names the file and the line)."""

    code = "bad_data"

    def __init__(self, name: str, line: int | None, cause: str, *, folder: str | None = None) -> None:
        self.line = line
        base = f"{folder.rstrip('/')}/{name}" if folder else f"vbdieuhanh/data/{name}"
        where = base + (f":{line}" if line is not None else "")
        super().__init__(where, cause)


@dataclass(frozen=True, slots=True)
class Column:
    """One tab-separated column of a data file."""

    name: str
    allowed: frozenset[str] | None = None  # a closed column: its only values
    optional: bool = False  # may be empty, or (when it and all after it are optional) left out
    unique: bool = False  # no two rows share a value
    pattern: str | None = None  # a regular expression every (non-empty) value matches in full


@dataclass(frozen=True, slots=True)
class Schema:
    """The columns of a data file; ``unique_together``: columns whose values, taken together, no two
    rows share."""

    columns: tuple[Column, ...]
    unique_together: tuple[int, ...] = ()
    doc: str = ""


def _closed(name: str, *values: str, optional: bool = False) -> Column:
    return Column(name, allowed=frozenset(values), optional=optional)


def _words(doc: str, unique: bool = False) -> Schema:
    """A one-column list of words (the ``.txt`` files)."""
    return Schema((Column("words", unique=unique),), doc=doc)


def _table(*columns: Column | str, unique_together: tuple[int, ...] = (), doc: str = "") -> Schema:
    cols = tuple(Column(c) if isinstance(c, str) else c for c in columns)
    return Schema(cols, unique_together, doc)


_KEY = True  # for readability: Column(..., unique=_KEY)

SCHEMAS: dict[str, Schema] = {
    # ---- words (.txt: one entry a line)
    "abbreviation_heads.txt": _words("words that begin a name a foreign acronym may stand for"),
    "body_names.txt": _words("canonical names of ministries and provincial departments", unique=True),
    "body_starters.txt": _words("words a directive's body opens a sentence with", unique=True),
    "body_stops.txt": _words("words after which a body's name cannot go on", unique=True),
    "central_markers.txt": _words("words that make a body without a place a central one", unique=True),
    "common_nouns.txt": _words("ordinary words holding a word for an administrative unit", unique=True),
    "dangling_words.txt": _words("words a sentence cannot end with", unique=True),
    "indicator_shares.txt": _words("words after 'N%' that make it a share of a target", unique=True),
    "indicator_units.txt": _words("units of the figures of a report", unique=True),
    "narrative_words.txt": _words("words after a body that report what it did", unique=True),
    "non_bodies.txt": _words("phrases with a body's head word that name no body", unique=True),
    "post_titles.txt": _words("titles of persons and posts beyond positions.tsv (never bodies)", unique=True),
    "provincial_heads.txt": _words("heads of bodies that always belong to a province", unique=True),
    "restatements.txt": _words("phrases of a closing sentence that only repeat the request", unique=True),
    "signature_stamp_labels.txt": _words("labels of a digital-signature stamp", unique=True),
    "subject_prefixes.txt": _words("words before the body an item's heading is about", unique=True),
    "succession_heads.txt": _words("heads of bodies that pass to a successor province", unique=True),
    "check_parented_bodies.txt": _words(
        "heads of names of bodies that always have a parent body (format check CQ01)", unique=True
    ),
    "surnames.txt": _words("common Vietnamese family names", unique=True),
    "task_verbs.txt": _words("verbs that end a body's name at the start of a task", unique=True),
    # ---- tables (.tsv: tab-separated columns)
    "agency_terms.tsv": _table(
        Column("upper", unique=_KEY),
        "canonical",
        _closed("kind", "head", "abbrev", "acronym", "locality", "phrase"),
        _closed("rest", "field", "lower", "name", "none"),
        _closed("level", "central", "unit", optional=True),
        doc="words of agency names with their casing",
    ),
    "assignee_heads.tsv": _table(
        "form",
        _closed("kind", "body", "group", "person"),
        doc="words that start a body's name in running text",
    ),
    "assignment_cues.tsv": _table(
        Column("cue", unique=_KEY),
        _closed("role", "lead", "coordinate", "lead-opening", "lead-purpose"),
        doc="words that assign a task",
    ),
    "attachments.tsv": _table(
        Column("word", unique=_KEY),
        _closed("kind", "type", "lead", "end"),
        doc="what marks a text attached after the signature",
    ),
    "authority_marks.tsv": _table(
        Column("mark", unique=_KEY, pattern=r"[A-Z]+"),
        "meaning",
        _closed("in_line", "yes", "no"),
        doc="signing-authority marks (TM., KT.…)",
    ),
    "cli_labels.tsv": _table(
        Column("key", unique=_KEY, pattern=r"[a-z_]+"),
        "vi",
        "en",
        doc="headings and messages of the command line in Vietnamese and English (--lang)",
    ),
    "citation_words.tsv": _table(
        _closed(
            "kind",
            "acting_lead",
            "form_lead",
            "issued_at",
            "issued_by",
            "issuer_aside",
            "issuer_lead",
            "issuer_start",
            "issuer_stop",
            "law_not_name",
            "name_goes_on",
            "provision",
            "self_lead",
            "title_clause",
            "title_stop",
            "type_qualifier",
        ),
        "words",
        unique_together=(0, 1),
        doc="words around a cited document",
    ),
    "task_match.tsv": _table(
        _closed("kind", "label", "member", "reply", "stop"),
        "words",
        unique_together=(0, 1),
        doc="words of task-level follow-up: task labels, group members, reply cues, stop words",
    ),
    "collectives.tsv": _table(
        Column("phrase", unique=_KEY),
        _closed("member_level", "any", "province", "district", "commune"),
        doc="phrases naming a group of bodies",
    ),
    "deadline_context.tsv": _table(
        _closed(
            "kind",
            "by",
            "within_quarter",
            "within_month",
            "within_year",
            "duty",
            "tentative",
            "as_of",
            "until",
            "by_year",
            "period",
            "attributive",
        ),
        "words",
        unique_together=(0, 1),
        doc="words of deadlines and the words around them",
    ),
    "doc_types.tsv": _table(
        Column("code", optional=True),
        Column("name", unique=_KEY),
        _closed("family", "admin", "legal", "party", "court"),
        Column("note", optional=True),
        doc="document types (Decree 30/2020)",
    ),
    "executor_clauses.tsv": _table(
        _closed("kind", "label", "duty"), Column("phrase", unique=_KEY), doc="phrases of a closing article"
    ),
    "generic_bodies.tsv": _table(
        Column("words", unique=_KEY),
        _closed("kind", "word", "title", "related", "class"),
        doc="names that point at no particular body",
    ),
    "glyphs.tsv": _table(
        _closed(
            "set",
            "bullet",
            "bullet_in_line",
            "bullet_item",
            "bullet_name",
            "terminal",
            "terminal_or_closing",
        ),
        Column("codepoint", pattern=r"U\+[0-9A-F]{4,6}"),
        "name",
        unique_together=(0, 1),
        doc="character sets: bullets and sentence-ending punctuation",
    ),
    "honorifics.tsv": _table(
        Column("prefix", unique=_KEY), _closed("kind", "academic", "rank"), doc="titles before a name"
    ),
    "implement_cues.tsv": _table(
        Column("cue", unique=_KEY), _closed("scope", "adjacent", "clause"), doc="cues of an IMPLEMENTS edge"
    ),
    "indicator_comparators.tsv": _table(
        Column("words", unique=_KEY),
        _closed("comparator", "about", "at_least", "at_most", "less_than", "more_than"),
        _closed("position", "before", "after"),
        doc="words comparing a figure",
    ),
    "indicator_cues.tsv": _table(
        Column("cue", unique=_KEY), _closed("kind", "filler", "result", "target"), doc="cues of figures"
    ),
    "localities.tsv": _table(
        Column("word", unique=_KEY),
        _closed("level", "province", "district", "commune"),
        _closed("capitalised", "yes", "no"),
        _closed("place_line", "yes", "no"),
        doc="words of an administrative unit before its place name",
    ),
    "marks.tsv": _table(
        Column("upper", unique=_KEY),
        _closed("kind", "urgency", "secrecy", "circulation"),
        doc="urgency, secrecy and circulation marks",
    ),
    "name_abbreviations.tsv": _table(
        Column("abbreviation", unique=_KEY), "expansion", doc="abbreviations in names (archive)"
    ),
    "ocr_confusions.tsv": _table(
        Column("wrong", unique=_KEY), "right", _closed("where", "start", "word", "regex"), doc="OCR repairs"
    ),
    "positions.tsv": _table("upper", "canonical", doc="position titles"),
    "province_aliases.tsv": _table(Column("alias", unique=_KEY), "province", doc="other names of provinces"),
    "recipient_purposes.tsv": _table(
        Column("written", unique=_KEY), "meaning", doc="why a recipient gets the document"
    ),
    "recurrence.tsv": _table(
        Column("phrase", unique=_KEY),
        _closed(
            "recurrence",
            "continuous",
            "daily",
            "weekly",
            "monthly",
            "quarterly",
            "semiannual",
            "yearly",
            "periodic",
        ),
        doc="phrases of recurrence",
    ),
    "reorganisation_2025.tsv": _table(Column("unit", unique=_KEY), "basis", doc="the 2025 reorganisation"),
    "format_rules.tsv": _table(
        Column("code", unique=_KEY, pattern=r"[A-Z]{2}\d{2}"),
        "family",
        _closed("severity", "error", "warning", "info"),
        _closed("scope", "admin", "all"),
        "reference",
        "message_vi",
        "message_en",
        "fix",
        doc="the Decree 30 format rules of `vbdieuhanh check`",
    ),
    "role_labels.tsv": _table(
        Column("label", unique=_KEY),
        _closed("role", "lead", "coordinate", "time"),
        doc="labels under an item",
    ),
    "task_cue_context.tsv": _table(
        _closed("kind", "annex", "guidance", "meeting", "meeting_before", "reported"),
        Column("words", unique=_KEY),
        doc="words around cues that show no task is given",
    ),
    "task_headings.tsv": _table(
        "words",
        _closed("kind", "none", "weak", "assign", "approve", "agree", "effect"),
        unique_together=(0, 1),
        doc="heading words by what the section does",
    ),
    "tcvn3.tsv": _table(
        Column("byte", unique=_KEY, pattern=r"[0-9A-F]{2}"), Column("letter", unique=_KEY), doc="TCVN3 table"
    ),
    "vni.tsv": _table(Column("bytes", unique=_KEY), "letters", doc="VNI table"),
}

JSON_FILES: dict[str, str] = {
    "provinces.json": "provinces before and after the 2025 reorganisation (scripts/build_provinces.py)",
}


def _read(name: str) -> str:
    try:
        return resources.files("vbdieuhanh").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(name, None, "no such data file") from None


def check_rows(name: str, text: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``text`` (the content of data file ``name``) without comments and blank lines,
    each checked against the file's schema."""
    schema = SCHEMAS.get(name)
    if schema is None:
        raise DataFileError(name, None, "no schema declared in vbdieuhanh/vocab.py SCHEMAS")
    columns = schema.columns
    least = len(columns)
    while least > 1 and columns[least - 1].optional:
        least -= 1
    seen: list[dict[str, int]] = [{} for _ in columns]
    seen_together: dict[tuple[str, ...], int] = {}
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        row = tuple(line.split("\t"))
        names = ", ".join(c.name for c in columns)
        if not least <= len(row) <= len(columns):
            hint = " (spaces instead of a tab?)" if len(row) < least and "  " in line else ""
            expected = str(len(columns)) if least == len(columns) else f"{least} to {len(columns)}"
            raise DataFileError(
                name, number, f"expected {expected} tab-separated columns ({names}), found {len(row)}{hint}"
            )
        for value, column in zip(row, columns, strict=False):
            _check_value(name, number, column, value, seen)
        if schema.unique_together:
            key = tuple(row[i] for i in schema.unique_together)
            if key in seen_together:
                raise DataFileError(name, number, f"repeats line {seen_together[key]}: {key!r}")
            seen_together[key] = number
        rows.append(row)
    if not rows:
        raise DataFileError(name, None, "holds no rows")
    return tuple(rows)


def _check_value(name: str, number: int, column: Column, value: str, seen: list[dict[str, int]]) -> None:
    if not value:
        if not column.optional:
            raise DataFileError(name, number, f"column {column.name!r} is empty")
        return
    if value != value.strip():
        raise DataFileError(name, number, f"column {column.name!r} has spaces around {value!r}")
    if column.allowed is not None and value not in column.allowed:
        allowed = ", ".join(sorted(column.allowed))
        raise DataFileError(name, number, f"column {column.name!r} is {value!r}, not one of {allowed}")
    if column.pattern is not None and not re.fullmatch(column.pattern, value):
        raise DataFileError(name, number, f"column {column.name!r} is {value!r}, not /{column.pattern}/")
    if column.unique:
        index = [c.name for c in SCHEMAS[name].columns].index(column.name)
        if value in seen[index]:
            raise DataFileError(name, number, f"{column.name} {value!r} repeats line {seen[index][value]}")
        seen[index][value] = number


# ---- the user's vocabulary overlay: a folder of data files read after the bundled ones ------------------

OVERLAY_ENV = "VBDH_VOCAB"
_overlay: dict[str, Any] = {"set": False, "path": None, "checked": None}


def set_vocabulary_overlay(path: str | os.PathLike[str] | None) -> None:
    """Read the data files of folder ``path`` after the bundled ones (``None``: no overlay).

    A file there with the name of a bundled data file (``doc_types.tsv``, ``surnames.txt``…) adds
    its rows to the bundled rows, checked against the same schema (an error names the overlay file
    and the line). The folder may hold only such files. Without a call, the folder named by the
    ``VBDH_VOCAB`` environment variable is used.

    Set it before the first parse: the views computed from the data are cached, and this call
    clears those caches, but a few patterns built when a module is imported (bullet and
    punctuation characters of ``glyphs.tsv``) keep the data they were built from.
    """
    folder = Path(path) if path is not None else None
    if folder is not None:
        _check_overlay(folder)
    _overlay.update(set=True, path=folder, checked=folder)
    _clear_caches()


def vocabulary_overlay() -> Path | None:
    """The overlay folder in use: the one set, else ``$VBDH_VOCAB``, else None."""
    if _overlay["set"]:
        return _overlay["path"]
    env = os.environ.get(OVERLAY_ENV)
    if not env:
        return None
    folder = Path(env)
    if _overlay["checked"] != folder:
        _check_overlay(folder)
        _overlay["checked"] = folder
    return folder


def _check_overlay(folder: Path) -> None:
    if not folder.is_dir():
        raise DataFileError(".", None, "the vocabulary overlay is not a folder", folder=str(folder))
    for item in sorted(folder.iterdir()):
        if item.name.startswith(".") or item.name.lower() == "readme.md":
            continue
        if item.name not in SCHEMAS:
            raise DataFileError(
                item.name,
                None,
                "not a data file of vbdieuhanh (see vbdieuhanh/vocab.py SCHEMAS)",
                folder=str(folder),
            )


def _clear_caches() -> None:
    """Clear every cached view of the data in the package's loaded modules."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "vbdieuhanh" or name.startswith("vbdieuhanh.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    text = _read(name)
    folder = vocabulary_overlay()
    extra = folder / name if folder is not None else None
    if extra is None or not extra.is_file():
        return check_rows(name, text)
    bundled = text.rstrip("\n")
    offset = len(bundled.splitlines())
    try:
        return check_rows(name, bundled + "\n" + extra.read_text(encoding="utf-8"))
    except DataFileError as error:
        if error.line is not None and error.line > offset:
            raise DataFileError(name, error.line - offset, error.cause, folder=str(folder)) from None
        raise


def data_rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, without comments and blank lines, checked against the
    file's schema (:data:`SCHEMAS`); a row that does not fit raises :class:`DataFileError`."""
    return [list(row) for row in _rows(name)]


def check_json(name: str, data: Any) -> None:
    """Check the payload of a JSON data file (only ``provinces.json``)."""
    if name != "provinces.json":
        raise DataFileError(name, None, "no schema declared in vbdieuhanh/vocab.py JSON_FILES")
    if not isinstance(data, dict) or not re.fullmatch(
        r"\d{4}-\d{2}-\d{2}", str(data.get("reorganisation_date"))
    ):
        raise DataFileError(name, None, "'reorganisation_date' must be a YYYY-MM-DD date")
    provinces = data.get("provinces")
    if not isinstance(provinces, list) or not provinces:
        raise DataFileError(name, None, "'provinces' must be a non-empty list")
    seen: set[tuple[str, str]] = set()
    for index, p in enumerate(provinces):
        where = f"provinces[{index}]"
        if not isinstance(p, dict):
            raise DataFileError(name, None, f"{where} is not an object")
        for key in ("name", "full_name", "code"):
            if not isinstance(p.get(key), str) or not p[key]:
                raise DataFileError(name, None, f"{where}.{key} must be a non-empty string")
        if p.get("period") not in ("legacy", "2025"):
            raise DataFileError(name, None, f"{where}.period must be legacy or 2025, not {p.get('period')!r}")
        if not (p.get("successor") is None or isinstance(p["successor"], str)):
            raise DataFileError(name, None, f"{where}.successor must be a string or null")
        districts = p.get("districts", [])
        if not isinstance(districts, list) or not all(isinstance(d, str) and d for d in districts):
            raise DataFileError(name, None, f"{where}.districts must be a list of names")
        if (p["name"], p["period"]) in seen:
            raise DataFileError(name, None, f"{where} repeats {p['name']!r} ({p['period']})")
        seen.add((p["name"], p["period"]))


@cache
def data_json(name: str) -> Any:
    """The checked payload of a JSON data file."""
    try:
        data = json.loads(_read(name))
    except json.JSONDecodeError as error:
        raise DataFileError(name, error.lineno, f"not JSON: {error.msg}") from None
    check_json(name, data)
    return data


def _chars(codepoints: Iterable[str]) -> str:
    return "".join(chr(int(cp[2:], 16)) for cp in codepoints)


@cache
def glyphs(name: str) -> str:
    """The characters of one set of data/glyphs.tsv, in file order: 'bullet' ('-–+•*'),
    'terminal' ('.;:!?') …"""
    found = _chars(cp for set_, cp, _ in _rows("glyphs.tsv") if set_ == name)
    if not found:
        raise DataFileError("glyphs.tsv", None, f"no set {name!r}")
    return found
