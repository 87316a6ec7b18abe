"""The format rules as data: ``vbdieuhanh/data/format_rules.tsv``, one rule a row."""

from __future__ import annotations

import string
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..vocab import data_rows

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SCOPES = ("admin", "all")
RULES_FILE = "format_rules.tsv"
_COLUMNS = ("code", "family", "severity", "scope", "reference", "message_vi", "message_en", "fix")


class FormatRulesError(ValueError):
    """A malformed row of the rules file; the message names the file and the line."""


class Rule(BaseModel):
    """One rule: what it checks, how bad a departure is, where the decree says so."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    family: str
    severity: Severity
    scope: Literal["admin", "all"]
    reference: str
    message_vi: str
    message_en: str
    fix: str


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def parse_rules(text: str, name: str = RULES_FILE) -> dict[str, Rule]:
    """Rules from the text of a rules file; a malformed row raises FormatRulesError naming the line."""
    rules: dict[str, Rule] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{name}, line {number}"
        cells = line.split("\t")
        if len(cells) != len(_COLUMNS):
            raise FormatRulesError(f"{where}: {len(cells)} columns, expected {len(_COLUMNS)} {_COLUMNS}")
        row = dict(zip(_COLUMNS, (cell.strip() for cell in cells), strict=True))
        empty = [column for column, value in row.items() if not value]
        if empty:
            raise FormatRulesError(f"{where}: empty {', '.join(empty)}")
        if row["severity"] not in SEVERITIES:
            raise FormatRulesError(f"{where}: severity {row['severity']!r} is not one of {SEVERITIES}")
        if row["scope"] not in SCOPES:
            raise FormatRulesError(f"{where}: scope {row['scope']!r} is not one of {SCOPES}")
        if row["code"] in rules:
            raise FormatRulesError(f"{where}: the code {row['code']} is defined twice")
        try:
            _fields(row["message_vi"]) | _fields(row["message_en"]) | _fields(row["fix"])
        except ValueError as error:
            raise FormatRulesError(f"{where}: bad message template: {error}") from None
        rules[row["code"]] = Rule.model_validate(row)
    return rules


@cache
def rules() -> dict[str, Rule]:
    """Every rule by code, in the file's order."""
    data_rows(RULES_FILE)  # the columns, severities, scopes and codes checked by the file's schema
    text = resources.files("vbdieuhanh").joinpath("data").joinpath(RULES_FILE).read_text(encoding="utf-8")
    return parse_rules(text, f"vbdieuhanh/data/{RULES_FILE}")
