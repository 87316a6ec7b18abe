"""Exports of a record for other systems: the edXML message header.

``edxml_header(document)`` writes the ``edXMLHeader`` of QCVN 102:2016/BTTTT (the format of the
state's document exchange, the metadata of Decree 30/2020/NĐ-CP Phụ lục VI) with what the text of
the document gives. Element names are the standard's, in its namespace
``http://www.mic.gov.vn/TBT/QCVN_102_2016``; an element the text does not give is left out rather
than filled with a guess:

- ``From``: ``OrganName`` (the issuer), ``OrganizationInCharge`` (its parent body). ``OrganId``
  (the body's code in the exchange) is not in the text: left out.
- ``To``: one per addressee ('Kính gửi'), with ``OrganName``.
- ``Code``: ``CodeNumber`` (the number, with the year of legal numbers: '30/2020') and
  ``CodeNotation`` (the symbol: 'BCĐ-KGVX').
- ``PromulgationInfo``: ``Place`` and ``PromulgationDate`` (ISO 8601, with the precision given).
- ``DocumentType``: ``TypeName`` ('Công văn', 'Kế hoạch'…); ``Type`` (the standard's numeric class)
  is left out.
- ``Subject``; ``Content`` is left out (the body text is not part of the header).
- ``SignerInfo``: ``Competence`` (the authority marks: 'TM. Ủy ban nhân dân; KT. Chủ tịch'),
  ``Position``, ``FullName``.
- ``DueDate``: the earliest full-date deadline of the tasks, when there is one.
- ``ToPlaces``: one ``Place`` per entry of 'Nơi nhận' (except 'Như trên').
- ``OtherInfo``: ``Priority`` from the urgency mark (0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc,
  4 hỏa tốc hẹn giờ), ``PageAmount`` (pages).

``DocumentId``, ``TraceHeaderList``, ``ResponseFor``, ``SteeringType`` and the attachments come
from the exchange system, not the text: left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .models import Document
from .tones import fold_tones

NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
PREFIX = "edXML"
PRIORITIES = {"thường": 0, "khẩn": 1, "thượng khẩn": 2, "hỏa tốc": 3, "hỏa tốc hẹn giờ": 4}
ET.register_namespace(PREFIX, NAMESPACE)


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _add(parent: ET.Element, name: str, value: object | None = None) -> ET.Element:
    element = ET.SubElement(parent, _tag(name))
    if value is not None:
        element.text = str(value)
    return element


def priority(urgency: str | None) -> int:
    """The edXML priority of an urgency mark ('Hỏa tốc' → 3); 0 when there is none."""
    if not urgency:
        return 0
    key = fold_tones(" ".join(urgency.lower().split()))
    return PRIORITIES.get(key, 0)


def edxml_header_element(document: Document) -> ET.Element:
    """The ``edXMLHeader`` element of a record (see the module for what is filled)."""
    header = ET.Element(_tag("edXMLHeader"))
    message = _add(header, "MessageHeader")
    sender = _add(message, "From")
    if document.issuer is not None:
        if document.issuer.parent is not None:
            _add(sender, "OrganizationInCharge", document.issuer.parent.name)
        _add(sender, "OrganName", document.issuer.name)
    for addressee in document.addressees:
        _add(_add(message, "To"), "OrganName", addressee.name)
    if document.number is not None or document.symbol:
        code = _add(message, "Code")
        if document.number is not None:
            number = f"{document.number}/{document.number_year}" if document.number_year else document.number
            _add(code, "CodeNumber", number)
        if document.symbol:
            _add(code, "CodeNotation", document.symbol)
    if document.place or document.issue_date:
        info = _add(message, "PromulgationInfo")
        if document.place:
            _add(info, "Place", document.place)
        if document.issue_date:
            _add(info, "PromulgationDate", document.issue_date)
    if document.doc_type:
        _add(_add(message, "DocumentType"), "TypeName", document.doc_type)
    if document.subject:
        _add(message, "Subject", document.subject)
    signer = document.signer
    if signer is not None and (signer.authority or signer.position or signer.name):
        info = _add(message, "SignerInfo")
        if signer.authority:
            _add(info, "Competence", "; ".join(signer.authority))
        if signer.position:
            _add(info, "Position", signer.position)
        if signer.name:
            _add(info, "FullName", signer.name)
    tasks = document.iter_tasks()
    dates = sorted(
        t.deadline.date for t in tasks if t.deadline and t.deadline.date and len(t.deadline.date) == 10
    )
    if dates:
        _add(message, "DueDate", dates[0])
    places = [r.name for r in document.recipients if not r.as_above]
    if places:
        to_places = _add(message, "ToPlaces")
        for name in places:
            _add(to_places, "Place", name)
    other = _add(message, "OtherInfo")
    _add(other, "Priority", priority(document.urgency))
    if document.pages:
        _add(other, "PageAmount", document.pages)
    return header


def edxml_header(document: Document) -> str:
    """The edXML header of a record as an XML document (UTF-8 declaration, indented)."""
    element = edxml_header_element(document)
    ET.indent(element)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(element, encoding="unicode") + "\n"


__all__ = ["NAMESPACE", "edxml_header", "edxml_header_element", "priority"]
