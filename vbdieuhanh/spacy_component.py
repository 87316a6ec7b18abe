"""A spaCy pipeline component that puts the parser's findings on a ``Doc``.

For users who already run spaCy: the component parses ``doc.text`` with vbdieuhanh and adds

- ``doc._.vbdieuhanh``: the full record (``vbdieuhanh.Document``);
- ``doc.spans["vbdieuhanh"]``: every value found, overlapping allowed, labelled ORG (issuer, parent,
  addressees, recipients, assignees), DOC_NUMBER (the document's own number-symbol), CITATION (a
  cited document), DATE (issue date, deadlines), PERSON (signer), LOC (place);
- ``doc.ents``: the same spans without overlaps (longest first).

    import spacy, vbdieuhanh.spacy_component  # registers the factory
    nlp = spacy.blank("xx")
    nlp.add_pipe("vbdieuhanh")
    doc = nlp(open("samples/kiengiang_114-BCD-KGVX_2021.txt").read())
    [(e.text, e.label_) for e in doc.ents][:3]

Spans are mapped back to ``doc.text`` through the record's ``source_start``/``source_end``, so they
point at the characters the user gave (Markdown markers and all). spaCy is an optional extra
(``pip install vbdieuhanh[nlp]``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .models import Document, Source
from .parser import parse_text

SPAN_KEY = "vbdieuhanh"

if not Doc.has_extension("vbdieuhanh"):
    Doc.set_extension("vbdieuhanh", default=None)


def labelled_sources(record: Document) -> Iterator[tuple[Source, str]]:
    """(source, label) of every value in a record that has a place in the text."""
    agency = record.issuer
    while agency is not None:
        if agency.source:
            yield agency.source, "ORG"
        agency = agency.parent
    for addressee in record.addressees:
        if addressee.source:
            yield addressee.source, "ORG"
    for recipient in record.recipients:
        if recipient.source and not recipient.as_above:
            yield recipient.source, "ORG"
    for field, label in (("number_symbol", "DOC_NUMBER"), ("issue_date", "DATE"), ("place", "LOC")):
        if field in record.sources:
            yield record.sources[field], label
    if record.signer and record.signer.name_source:
        yield record.signer.name_source, "PERSON"
    for task in record.iter_tasks():
        for assignee in task.assignees:
            if assignee.source:
                yield assignee.source, "ORG"
        if task.deadline and task.deadline.source:
            yield task.deadline.source, "DATE"
    for citation in record.citations:
        if citation.source:
            yield citation.source, "CITATION"


class VbdieuhanhComponent:
    """Parse the text of each Doc and attach the record and its spans."""

    def __call__(self, doc: Doc) -> Doc:
        record = parse_text(doc.text)
        doc._.vbdieuhanh = record
        spans: list[Span] = []
        seen: set[tuple[int, int, str]] = set()
        for source, label in labelled_sources(record):
            if source.source_start is None or source.source_end is None:
                continue
            key = (source.source_start, source.source_end, label)
            if key in seen:
                continue
            seen.add(key)
            span = doc.char_span(source.source_start, source.source_end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc.ents = filter_spans(spans)
        return doc


@Language.factory("vbdieuhanh")
def create_component(nlp: Language, name: str) -> VbdieuhanhComponent:
    """The spaCy factory: ``nlp.add_pipe("vbdieuhanh")``."""
    return VbdieuhanhComponent()
