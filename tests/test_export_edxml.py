"""The edXML header (QCVN 102:2016/BTTTT) of the Kiên Giang seed: every element is one the standard
defines, under the parent it has there, in its namespace, with the values the letter gives."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import vbdieuhanh
from vbdieuhanh.cli import main
from vbdieuhanh.export import NAMESPACE, edxml_header, priority

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "kiengiang_114-BCD-KGVX_2021.txt"

# The header's elements in QCVN 102:2016 (MessageHeader and its parts), parent → allowed children.
ORGAN = {"OrganId", "OrganizationInCharge", "OrganName", "OrganAdd", "Email", "Telephone", "Fax", "Website"}
STANDARD = {
    "edXMLHeader": {"MessageHeader", "TraceHeaderList"},
    "MessageHeader": {
        "From", "To", "DocumentId", "Code", "PromulgationInfo", "DocumentType", "Subject", "Content",
        "SignerInfo", "DueDate", "ToPlaces", "OtherInfo", "ResponseFor", "SteeringType",
    },
    "From": ORGAN,
    "To": ORGAN,
    "Code": {"CodeNumber", "CodeNotation"},
    "PromulgationInfo": {"Place", "PromulgationDate"},
    "DocumentType": {"Type", "TypeName"},
    "SignerInfo": {"Competence", "Position", "FullName"},
    "ToPlaces": {"Place"},
    "OtherInfo": {
        "Priority", "SphereOfPromulgation", "TyperNotation", "PromulgationAmount", "PageAmount", "Appendixes",
    },
}  # fmt: skip
LEAVES_ONLY_TEXT = {
    "Subject",
    "CodeNumber",
    "CodeNotation",
    "Place",
    "PromulgationDate",
    "TypeName",
    "OrganName",
}


def _local(tag: str) -> str:
    namespace, _, name = tag[1:].partition("}")
    assert namespace == NAMESPACE, tag
    return name


def _check(element: ET.Element) -> None:
    name = _local(element.tag)
    for child in element:
        assert _local(child.tag) in STANDARD.get(name, set()), f"{_local(child.tag)} is not a child of {name}"
        _check(child)
    if name in LEAVES_ONLY_TEXT:
        assert len(element) == 0 and (element.text or "").strip(), name


def test_kiengiang_header_has_the_standard_elements_and_values() -> None:
    xml = edxml_header(vbdieuhanh.parse_file(SEED))
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(xml.split("\n", 1)[1])
    assert _local(root.tag) == "edXMLHeader"
    _check(root)
    ns = {"e": NAMESPACE}

    def text(path: str) -> list[str]:
        return [e.text or "" for e in root.findall(path, ns)]

    head = "e:MessageHeader/"
    assert text(head + "e:From/e:OrganName") == ["Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh Kiên Giang"]
    assert text(head + "e:From/e:OrganizationInCharge") == ["Ủy ban nhân dân tỉnh Kiên Giang"]
    assert text(head + "e:Code/e:CodeNumber") == ["114"]
    assert text(head + "e:Code/e:CodeNotation") == ["BCĐ-KGVX"]
    assert text(head + "e:PromulgationInfo/e:Place") == ["Kiên Giang"]
    assert text(head + "e:PromulgationInfo/e:PromulgationDate") == ["2021-06-04"]
    assert text(head + "e:DocumentType/e:TypeName") == ["Công văn"]
    assert text(head + "e:Subject")[0].startswith("tiếp tục đẩy mạnh công tác hiến máu tình nguyện")
    assert text(head + "e:SignerInfo/e:FullName") == ["Nguyễn Lưu Trung"]
    assert text(head + "e:SignerInfo/e:Position") == ["Phó Chủ tịch UBND tỉnh"]
    assert len(text(head + "e:To/e:OrganName")) == 3
    assert "Hội Chữ thập đỏ tỉnh" in text(head + "e:ToPlaces/e:Place")
    assert "Như trên" not in text(head + "e:ToPlaces/e:Place")
    assert text(head + "e:OtherInfo/e:Priority") == ["0"]
    assert root.find(head + "e:From/e:OrganId", ns) is None  # not in the text: left out


@pytest.mark.parametrize(
    ("mark", "value"),
    [(None, 0), ("KHẨN", 1), ("Thượng khẩn", 2), ("HỎA TỐC", 3), ("Hoả tốc", 3), ("Hỏa tốc hẹn giờ", 4)],
)
def test_priority_from_the_urgency_mark(mark: str | None, value: int) -> None:
    assert priority(mark) == value


def test_parse_format_edxml(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--format", "edxml"]) == 0
    out = capsys.readouterr().out
    assert out.count("<edXML:edXMLHeader") == 1 and "<edXML:CodeNotation>BCĐ-KGVX<" in out
