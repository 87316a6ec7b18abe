"""The mypyc-compiled parser (setup.py) against the Python it is built from.

scripts/check_compiled.sh builds a wheel, installs it in a folder of its own and runs this file (and
the parser's tests) from there with ``VBDIEUHANH_EXPECT_COMPILED=1``. Elsewhere the checks that
need the compiled build skip.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import vbdieuhanh

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = os.environ.get("VBDIEUHANH_EXPECT_COMPILED") == "1"
needs_compiled = pytest.mark.skipif(
    not EXPECTED, reason="runs in scripts/check_compiled.sh (a compiled wheel)"
)

# the real letters of the test data and the bundled samples that are plain text
TEXTS = sorted((ROOT / "tests" / "data" / "cases").glob("*.txt")) + sorted((ROOT / "samples").glob("*.txt"))

_DUMP = """
import json, sys
import vbdieuhanh
paths = json.loads(sys.stdin.read())
out = [vbdieuhanh.parse_text(open(p, encoding="utf-8").read()).model_dump_json() for p in paths]
print(json.dumps({"compiled": vbdieuhanh.is_compiled(), "records": out}))
"""


def compiled_modules() -> list[str]:
    """The module names setup.py compiles (its COMPILED list, read without running setup.py)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "COMPILED" for t in node.targets):
            paths = ast.literal_eval(node.value)
            return [path.removesuffix(".py").replace("/", ".") for path in paths]
    raise AssertionError("setup.py has no COMPILED list")


def test_every_module_setup_compiles_exists_and_is_on_the_parse_path() -> None:
    modules = compiled_modules()
    assert "vbdieuhanh.parser" in modules and len(modules) == len(set(modules))
    for name in modules:
        assert (ROOT / (name.replace(".", "/") + ".py")).is_file(), name
        importlib.import_module(name)
    assert TEXTS, "no texts to compare"


@needs_compiled
def test_the_installed_parser_is_compiled() -> None:
    assert vbdieuhanh.is_compiled()
    for name in compiled_modules():
        module = importlib.import_module(name)
        assert not (module.__file__ or "").endswith(".py"), f"{name} runs as Python: {module.__file__}"


@needs_compiled
def test_compiled_and_pure_python_give_the_same_records() -> None:
    """Every text parsed by the compiled build here and by the source tree in a child process."""
    pure = subprocess.run(
        [sys.executable, "-P", "-c", _DUMP],
        input=json.dumps([str(p) for p in TEXTS]),
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    reference = json.loads(pure.stdout)
    assert reference["compiled"] is False
    for path, expected in zip(TEXTS, reference["records"], strict=True):
        record = vbdieuhanh.parse_text(path.read_text(encoding="utf-8")).model_dump_json()
        assert record == expected, f"{path.name}: the compiled parser's record differs"
