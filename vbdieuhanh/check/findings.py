"""A finding, what a rule's function gives, and the registry of rule functions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from ..lexicon import doc_type_by_upper_name
from ..models import Document, Source
from ..normalize import fold_tones
from .rules import Severity


class Finding(BaseModel):
    """A departure from a format rule, where it is, and how to fix it."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(description="Rule code, e.g. 'SO02'.")
    severity: Severity
    message: str = Field(description="What is wrong, in Vietnamese.")
    message_en: str = Field(description="What is wrong, in English.")
    reference: str = Field(description="The rule's place in the decree, e.g. 'NĐ 30/2020, Phụ lục I, …'.")
    line: int | None = Field(None, description="1-based line in the normalised text (Document.text).")
    page: int | None = Field(None, description="1-based page (PDF, OCR).")
    span: tuple[int, int] | None = Field(None, description="Offsets in the normalised text.")
    fix: str | None = Field(None, description="A suggested fix.")


@dataclass(slots=True)
class Hit:
    """What a rule function yields: where, and the fields its messages need."""

    start: int | None = None
    end: int | None = None
    params: dict[str, object] = field(default_factory=dict)
    page: int | None = None


def hit(where: Source | tuple[int, int] | None = None, **params: object) -> Hit:
    """A Hit at a Source or a (start, end) span of the normalised text."""
    if isinstance(where, Source):
        return Hit(where.start, where.end, params, where.page)
    if where is None:
        return Hit(None, None, params)
    return Hit(where[0], where[1], params)


class CheckContext:
    """The record and its normalised text, with the facts several rules share."""

    def __init__(self, document: Document, path: str | None = None) -> None:
        self.document = document
        self.text = document.text
        self.path = path or document.file

    def slice(self, source: Source | None) -> str:
        return self.text[source.start : source.end] if source else ""

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    @cached_property
    def lines(self) -> list[tuple[int, str]]:
        """(start offset, text) of every line of the normalised text."""
        out, at = [], 0
        for line in self.text.split("\n"):
            out.append((at, line))
            at += len(line) + 1
        return out

    @cached_property
    def header_end(self) -> int:
        """Where the header ends: the first addressee, task or body line after the date, or 2,500
        characters in."""
        doc = self.document
        marks = [doc.addressees[0].source.start] if doc.addressees and doc.addressees[0].source else []
        marks += [task.source.start for task in doc.tasks[:1] if task.source]
        if marks:
            return min(marks)
        # no addressee nor task: past the header parts found (a scraped page puts a notice first)
        ends = [s.end for key, s in doc.sources.items() if key in ("number_symbol", "symbol", "issue_date")]
        ends += [doc.issuer.source.end] if doc.issuer and doc.issuer.source else []
        return min(max([2500, *(end + 500 for end in ends)]), len(self.text))

    @cached_property
    def family(self) -> str | None:
        """The document type's family: admin, legal, party, court, other."""
        name = self.document.doc_type
        known = doc_type_by_upper_name().get(fold_tones(name.upper())) if name else None
        return known.family if known else None

    @cached_property
    def is_legal_norm(self) -> bool:
        """A văn bản quy phạm pháp luật: a legal type or a number with a year (30/2020/NĐ-CP)."""
        return self.family == "legal" or self.document.number_year is not None

    @cached_property
    def header_lost(self) -> bool:
        """No issuer, number, date nor Quốc hiệu: a scraped page or an OCR dump that lost its header,
        where a missing part says nothing about the document."""
        doc = self.document
        codes = {w.code for w in doc.warnings}
        return (
            doc.issuer is None
            and "missing_number_symbol" in codes
            and doc.issue_date is None
            and "CỘNG HÒA XÃ HỘI"
            not in fold_tones(self.text[: self.header_end].upper()).replace("HOÀ", "HÒA")
        )

    @cached_property
    def is_party(self) -> bool:
        """A Party document (its own rules: Hướng dẫn 36-HD/VPTW), which Decree 30 does not cover."""
        symbol = self.document.number_symbol or ""
        head = fold_tones(self.text[: self.header_end].upper())
        return "ĐẢNG CỘNG SẢN VIỆT NAM" in head or ("-" in symbol.split("/")[0] and "/" in symbol)


RuleFunction = Callable[[CheckContext], Iterator[Hit]]
REGISTRY: dict[str, RuleFunction] = {}


def rule(code: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register the function that checks rule ``code``."""

    def register(function: RuleFunction) -> RuleFunction:
        if code in REGISTRY:
            raise ValueError(f"rule {code} has two functions")
        REGISTRY[code] = function
        return function

    return register
