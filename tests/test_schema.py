"""The JSON Schema of the record: an $id, schema_version as a constant, every property described."""

from __future__ import annotations

import json

import pytest

from vbdieuhanh.cli import main
from vbdieuhanh.models import SCHEMA_VERSION, json_schema


def test_every_property_has_a_description() -> None:
    schema = json_schema()
    definitions = [("Document", schema), *schema["$defs"].items()]  # type: ignore[attr-defined]
    missing = [
        f"{name}.{field}"
        for name, definition in definitions
        for field, value in definition.get("properties", {}).items()
        if not value.get("description")
    ]
    assert missing == []


def test_id_and_version_constant(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["$id"] == f"urn:vbdieuhanh:schema:document:{SCHEMA_VERSION}"
    assert printed["properties"]["schema_version"]["const"] == SCHEMA_VERSION
