"""From a layout to a record: normalise, find zones, run the extractors, assemble the Document."""

from __future__ import annotations

from .extract.abbreviations import extract_abbreviations
from .extract.citations import extract_citations
from .extract.context import Context
from .extract.header import (
    extract_doc_type,
    extract_issuer,
    extract_marks,
    extract_number,
    extract_place_date,
    extract_subject,
)
from .extract.indicators import extract_indicators
from .extract.parties import extract_addressees, extract_recipients, resolve_as_above
from .extract.signer import extract_signer
from .extract.tasks import extract_tasks
from .layout import Layout, layout_from_text
from .lexicon import doc_type_by_upper_name
from .models import Document, Indicator, Source
from .normalize import fold_tones, normalize
from .patterns import NumberSymbol
from .relines import relined
from .zones import find_zones


def parse_layout(layout: Layout) -> Document:
    """Parse a reader's layout into a Document."""
    nt = normalize(relined(layout))
    ctx = Context(nt, find_zones(nt))
    for note in layout.notes:
        ctx.warn(note.code, note.message)
    zones = ctx.zones
    sources: dict[str, Source] = {}

    def keep(field: str, seg: tuple[int, int] | None) -> None:
        if seg is not None:
            sources[field] = ctx.source(seg[0], seg[1])  # not *seg: a star call is a Python call

    issuer = extract_issuer(ctx)
    number = extract_number(ctx)
    place_date = extract_place_date(ctx)
    doc_type = extract_doc_type(ctx, number.value)
    subject, subject_seg = extract_subject(ctx)
    marks = extract_marks(ctx)
    addressees = extract_addressees(ctx)
    recipients, archive, archive_seg = extract_recipients(ctx)
    signer = extract_signer(ctx)
    signals = (issuer, signer, recipients, number.value, zones.end_mark, zones.legal_basis)
    evidence = sum(1 for signal in signals if signal)
    # the evidence is weighed, not one gate: a header and one more part of a directive, or, for a
    # text that lost its header (a scraped page, an OCR dump), two other parts; citations and a
    # signature block the zoner found are kept either way
    is_administrative = (zones.has_header and evidence >= 1) or evidence >= 2
    tasks = extract_tasks(ctx, issuer, addressees) if is_administrative else []
    resolve_as_above(recipients, addressees, tasks)
    citations = extract_citations(ctx, number.value, issuer if is_administrative else None)
    abbreviations = extract_abbreviations(ctx)
    indicators: list[Indicator] = []
    if not _is_legal_norm(doc_type.name, number.value):  # a law's figures are rules, not results
        year = place_date.date.year if place_date.date else None
        province = issuer.province if issuer and is_administrative else None
        indicators = extract_indicators(nt.text, province=province, year=year)

    keep("number_symbol", number.seg if number.value and not number.value.blank else None)
    keep("number", number.seg if number.value and number.value.number is not None else None)
    keep("symbol", number.seg if number.value else None)
    keep("place", place_date.place_seg)
    keep("issue_date", place_date.date_seg if place_date.date else None)
    keep("doc_type", doc_type.seg)
    keep("subject", subject_seg)
    keep("archive", archive_seg)
    for kind, (_, seg) in marks.items():
        keep(kind, seg)
    if not is_administrative:
        ctx.warn(
            "not_administrative",
            "not enough of an administrative document: no header (number, Quốc hiệu, title or Kính gửi) "
            "with an issuer, signer, recipients, legal basis or closing mark, nor two of those without "
            "it; read as plain text (citations are still read)",
        )
    else:
        _warn_missing(
            ctx,
            issuer is not None,
            number.seg is not None,
            place_date.date_seg is not None or zones.place_date is not None,  # a blank date has its warning
            signer is not None,
        )

    value = number.value
    return Document(
        format=layout.format,
        pages=layout.pages,
        file=None if layout.source == "<text>" else layout.source,
        is_administrative=is_administrative,
        doc_type=doc_type.name if is_administrative else None,
        doc_type_code=doc_type.code if is_administrative else None,
        number=value.number if value else None,
        number_year=value.year if value else None,
        symbol=value.symbol if value else None,
        number_symbol=value.text if value and not value.blank else None,
        issuer=issuer if is_administrative else None,
        place=place_date.place,
        issue_date=place_date.date.iso() if place_date.date else None,
        signed_at=layout.signed_at,
        subject=subject,
        urgency=marks["urgency"][0] if "urgency" in marks else None,
        secrecy=marks["secrecy"][0] if "secrecy" in marks else None,
        circulation=marks["circulation"][0] if "circulation" in marks else None,
        addressees=addressees,
        recipients=recipients,
        archive=archive,
        signer=signer,
        tasks=tasks,
        citations=citations,
        abbreviations=abbreviations,
        indicators=indicators,
        warnings=ctx.warnings,
        sources=sources,
        text=nt.text,
    )


def _is_legal_norm(doc_type: str | None, number: NumberSymbol | None) -> bool:
    """A văn bản quy phạm pháp luật: a legal type (Luật, Nghị định, Thông tư…) or a number with a
    year ('30/2020/NĐ-CP', '09/2009/CT-UBND')."""
    known = doc_type_by_upper_name().get(fold_tones(doc_type.upper())) if doc_type else None
    family = known.family if known else None
    return family == "legal" or (number is not None and number.year is not None)


def _warn_missing(ctx: Context, issuer: bool, number: bool, date: bool, signer: bool) -> None:
    if not issuer:
        ctx.warn("missing_issuer", "no issuing body found in the header")
    if not number:
        ctx.warn("missing_number_symbol", "no 'Số:' line found in the header")
    if not date:
        ctx.warn("missing_date", "no place and date line found in the header")
    if not signer:
        ctx.warn("missing_signer", "no signature block found")


def parse_text(text: str, source: str = "<text>") -> Document:
    """Parse a directive given as plain text (or Markdown)."""
    return parse_layout(layout_from_text(text, source))
