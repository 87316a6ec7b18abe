"""The record: what the parser returns, as pydantic v2 models.

Public field names are a contract other systems read. Every extracted value carries a ``Source``:
a character span in the normalised text (``Document.text``) plus, when the format gives them, the
page and box (PDF, OCR) or the paragraph / table-cell index (DOCX).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .values import WarningCode

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    """Where a value came from."""

    start: int = Field(description="Start offset in the normalised text (Document.text).")
    end: int = Field(description="End offset (exclusive) in the normalised text.")
    page: int | None = Field(None, description="1-based page number (PDF, OCR).")
    bbox: tuple[float, float, float, float] | None = Field(
        None, description="x0, top, x1, bottom in PDF points, origin at the top left (PDF, OCR)."
    )
    block: str | None = Field(None, description="DOCX paragraph or table cell, e.g. 'p12' or 't0.r1.c0.p2'.")
    source_start: int | None = Field(
        None, description="Start offset in the original input string (text input only)."
    )
    source_end: int | None = Field(
        None, description="End offset (exclusive) in the original input string (text input only)."
    )


class Agency(_Model):
    """A body (cơ quan, tổ chức), as named in the document."""

    name: str = Field(description="Full name, abbreviations expanded, sentence case restored.")
    raw: str | None = Field(None, description="As written in the document.")
    parent: Agency | None = Field(None, description="The parent body (cơ quan chủ quản).")
    province: str | None = Field(None, description="Province named by the body or its parent.")
    level: Literal["central", "province", "district", "commune", "unit"] | None = Field(
        None, description="Administrative level: central, province, district, commune or unit."
    )
    source: Source | None = Field(None, description="Where the body is named.")


class Addressee(_Model):
    """An entry of 'Kính gửi'."""

    name: str = Field(description="The addressee as written, abbreviations expanded.")
    source: Source | None = Field(None, description="Where the addressee is written.")


class Recipient(_Model):
    """An entry of 'Nơi nhận', in order."""

    name: str = Field(description="The recipient as written, abbreviations expanded.")
    purpose: str | None = Field(None, description="Why it is sent there, e.g. 'báo cáo' for '(b/c)'.")
    as_above: bool = Field(
        False, description="True for 'Như trên' (the addressees) and 'Như Điều 3' (article 3's bodies)."
    )
    resolves_to: list[str] = Field(
        default_factory=list, description="For 'Như trên' / 'Như Điều …': the bodies it stands for."
    )
    source: Source | None = Field(None, description="Where the entry is written.")


class Signer(_Model):
    """The signature block."""

    name: str | None = Field(None, description="Full name of the signer.")
    position: str | None = Field(None, description="Position title, e.g. 'Phó Chủ tịch'.")
    authority: list[str] = Field(
        default_factory=list,
        description="Authority marks in order, e.g. ['TM. Ủy ban nhân dân', 'KT. Chủ tịch'].",
    )
    honorifics: list[str] = Field(
        default_factory=list, description="Academic titles or ranks written before the name."
    )
    name_source: Source | None = Field(None, description="Where the name itself is written.")
    source: Source | None = Field(None, description="The whole signature block.")


class Assignee(_Model):
    """A body told to do a task."""

    name: str = Field(description="The body as written in the task.")
    role: Literal["lead", "coordinate"] = Field(
        description="lead: in charge (chủ trì); coordinate: works with the lead (phối hợp)."
    )
    source: Source | None = Field(None, description="Where the body is named in the task.")


class Deadline(_Model):
    """When a task is due."""

    text: str = Field(description="The deadline phrase as written.")
    date: str | None = Field(
        None, description="ISO date with the precision given: '2021-06-30', '2021-06', '2021'."
    )
    kind: Literal["by", "within", "on", "recurring"] = Field(
        "by",
        description="by: due before the date ('trước ngày'); within: during a month, quarter or year "
        "('trong quý II'), or days counted from an event ('trong thời hạn 05 ngày làm việc kể từ …'); "
        "on: the day it takes place ('vào ngày'); recurring: repeats ('hằng tháng').",
    )
    recurrence: (
        Literal["daily", "weekly", "monthly", "quarterly", "semiannual", "yearly", "periodic", "continuous"]
        | None
    ) = Field(
        None,
        description="How often (data/recurrence.tsv): periodic = 'định kỳ' without a period, continuous = "
        "'thường xuyên'.",
    )
    source: Source | None = Field(None, description="Where the deadline phrase is written.")


class Task(_Model):
    """A numbered item or a prose instruction, with who does it and by when."""

    id: str = Field(description="Path of labels ('2', 'II.1', '2.a'); 'P1', 'P2'… for prose tasks.")
    label: str | None = Field(None, description="The item's own label as printed ('2.', 'a)', '-').")
    text: str = Field(description="The task's text, without its label.")
    kind: Literal["item", "section", "article", "prose"] = Field(
        "item",
        description="item: a numbered or bulleted item; section, article: headings; "
        "prose: an instruction in a paragraph.",
    )
    assignees: list[Assignee] = Field(
        default_factory=list, description="Bodies told to do it, with their role."
    )
    assignees_inherited: bool = Field(
        False, description="True when the assignees come from the sentence that introduces the list."
    )
    deadline: Deadline | None = Field(None, description="When it is due.")
    report_to: list[str] = Field(
        default_factory=list, description="Bodies the task must report to ('báo cáo UBND tỉnh …')."
    )
    subtasks: list[Task] = Field(default_factory=list, description="Items under this one.")
    source: Source | None = Field(None, description="Where the task is written.")


class Citation(_Model):
    """A document the text cites."""

    doc_type: str | None = Field(None, description="Type of the cited document: 'Công văn', 'Quyết định'…")
    number: int | None = Field(None, description="Number of the cited document.")
    symbol: str | None = Field(None, description="Symbol of the cited document.")
    number_symbol: str | None = Field(
        None, description="Number and symbol of the cited document, e.g. '29/CV-BCĐQG'."
    )
    date: str | None = Field(None, description="Date of the cited document (ISO, with the precision given).")
    issuer: str | None = Field(
        None, description="Issuer, resolved in context ('của UBND tỉnh' → its province)."
    )
    issuer_raw: str | None = Field(None, description="The issuer as written.")
    title: str | None = Field(None, description="Name of a law or the subject given ('về việc …').")
    text: str = Field(description="The citation as written.")
    full: bool = Field(True, description="False for a short cite (type and number only).")
    implements: bool = Field(
        False,
        description="True when the clause before it says this document carries the cited one out "
        "('thực hiện Công văn số …'): an IMPLEMENTS edge in the archive, CITES otherwise.",
    )
    mentions: int = Field(1, description="How many times the text cites it.")
    source: Source | None = Field(None, description="Where the (first) citation is written.")


# a finding of the format checker added to the warnings: 'format:' and the rule's code
FormatRuleCode = Annotated[str, StringConstraints(pattern=r"^format:[A-Z]{2}\d{2}$")]


class ParseWarning(_Model):
    """Something the parser could not find or had to guess."""

    code: WarningCode | FormatRuleCode = Field(
        description="What kind of problem (missing_date, ocr_repair, …); 'format:SO02' for a finding of "
        "the Decree 30 format checker (vbdieuhanh.check.with_findings)."
    )
    message: str = Field(description="What was found or guessed, in English.")
    source: Source | None = Field(None, description="Where in the text, when the problem has a place.")


class Indicator(_Model):
    """A figure a report or news text gives: a result achieved or a target set."""

    what: str = Field(description="What is counted, without the figure: 'tiếp nhận đơn vị máu'.")
    value: float = Field(description="The figure.")
    unit: str | None = Field(None, description="'đơn vị máu', '%', 'triệu đồng'…")
    year: int | None = Field(None, description="The year the figure is for.")
    kind: Literal["result", "target"] = Field(description="result: achieved; target: to reach.")
    comparator: Literal["at_least", "more_than", "at_most", "less_than", "about"] | None = Field(
        None, description="'trở lên' → at_least, 'trên' → more_than…; null for an exact figure."
    )
    share_of_target: float | None = Field(
        None, description="Percent of the target reached, when given ('đạt 134% chỉ tiêu' → 134)."
    )
    province: str | None = Field(None, description="The province the figure is about.")
    text: str = Field(description="The clause the figure comes from, as written.")
    source: Source | None = Field(None, description="Where the clause is written.")


class Document(_Model):
    """The record of one document."""

    schema_version: str = Field(
        SCHEMA_VERSION, description="Version of this record's schema (SCHEMA_VERSION)."
    )
    file: str | None = Field(None, description="Path of the input file, if any.")
    format: Literal["text", "pdf", "docx", "doc", "rtf", "html", "ocr"] = Field(
        "text", description="The reader that read the file: text, pdf, docx, doc, rtf, html, ocr."
    )
    pages: int | None = Field(None, description="Number of pages of the input (1 for text input).")
    is_administrative: bool = Field(
        description="True when the text has the header of an administrative document (Decree 30)."
    )
    doc_type: str | None = Field(None, description="Vietnamese type name: 'Công văn', 'Quyết định'…")
    doc_type_code: str | None = Field(None, description="'QĐ', 'KH'…; null for công văn.")
    number: int | None = Field(None, description="The number (số), e.g. 114 in '114/BCĐ-KGVX'.")
    number_year: int | None = Field(None, description="Year in legal numbers such as 30/2020/NĐ-CP.")
    symbol: str | None = Field(None, description="The symbol (ký hiệu), e.g. 'BCĐ-KGVX'.")
    number_symbol: str | None = Field(
        None, description="Number and symbol as printed after 'Số:', e.g. '114/BCĐ-KGVX'."
    )
    issuer: Agency | None = Field(
        None, description="The issuing body (cơ quan ban hành), with its parent body."
    )
    place: str | None = Field(None, description="Place name of the date line (địa danh), e.g. 'Kiên Giang'.")
    issue_date: str | None = Field(None, description="ISO date with the precision given.")
    signed_at: str | None = Field(
        None,
        description="When the document was first e-signed (PDF): the earliest signing time of its digital "
        "signatures, or of their stamps when the signatures give none, as an ISO 8601 date-time with its "
        "UTC offset when known ('2024-11-06T08:49:06+07:00'). Not the issue date.",
    )
    subject: str | None = Field(None, description="The subject (trích yếu), without 'V/v'.")
    urgency: str | None = Field(
        None, description="Urgency mark as written: 'Khẩn', 'Thượng khẩn', 'Hỏa tốc'…"
    )
    secrecy: str | None = Field(None, description="Secrecy mark as written: 'Mật', 'Tối mật', 'Tuyệt mật'.")
    circulation: str | None = Field(
        None, description="Circulation mark, e.g. 'Xem xong trả lại', 'Lưu hành nội bộ'."
    )
    addressees: list[Addressee] = Field(default_factory=list, description="Entries of 'Kính gửi', in order.")
    recipients: list[Recipient] = Field(default_factory=list, description="Entries of 'Nơi nhận', in order.")
    archive: list[str] = Field(default_factory=list, description="'Lưu:' entries, e.g. ['VT', 'pthtran'].")
    signer: Signer | None = Field(None, description="The signature block.")
    tasks: list[Task] = Field(
        default_factory=list, description="Numbered items and prose instructions, as a tree (subtasks)."
    )
    citations: list[Citation] = Field(default_factory=list, description="Documents the text cites.")
    abbreviations: dict[str, str] = Field(
        default_factory=dict, description="Abbreviations the text defines or uses, with their expansion."
    )
    indicators: list[Indicator] = Field(
        default_factory=list, description="Results and targets the text gives (reports, news)."
    )
    warnings: list[ParseWarning] = Field(
        default_factory=list, description="What the parser could not find or had to guess."
    )
    sources: dict[str, Source] = Field(
        default_factory=dict, description="Source of each top-level scalar field, by field name."
    )
    text: str = Field("", description="The normalised text all spans point into.")

    def iter_tasks(self) -> list[Task]:
        """All tasks, depth first."""
        out: list[Task] = []
        stack = list(reversed(self.tasks))
        while stack:
            task = stack.pop()
            out.append(task)
            stack.extend(reversed(task.subtasks))
        return out


SCHEMA_ID = f"urn:vbdieuhanh:schema:document:{SCHEMA_VERSION}"  # no web home yet: a URN


def json_schema() -> dict[str, object]:
    """The JSON Schema of the record, with its ``$id`` and ``schema_version`` as a constant."""
    schema: dict[str, Any] = Document.model_json_schema()
    schema["properties"]["schema_version"]["const"] = SCHEMA_VERSION
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
