"""The package's layers, checked on its source: no import cycles, and no import against the layers.

Every import counts, those inside functions too (they hide cycles rather than remove them).

    kernel      values, errors, layout, chunks, tones, vocab, cells, lexicon, patterns, prefilter, models
    names       names.*  (keys, casing, agency names, bodies)
    readers     readers.*                      -> kernel
    parsing     normalize, zones, relines, extract.*, parser  -> names, kernel
    uses        archive.*, check.*, spacy_component, cli      -> anything below
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "vbdieuhanh"

# (modules, modules they must never import): prefixes of dotted names
FORBIDDEN = [
    (
        (
            "vbdieuhanh.values",
            "vbdieuhanh.errors",
            "vbdieuhanh.layout",
            "vbdieuhanh.chunks",
            "vbdieuhanh.tones",
            "vbdieuhanh.vocab",
            "vbdieuhanh.cells",
        ),
        ("vbdieuhanh.",),  # the kernel imports only itself (checked apart below)
    ),
    (
        ("vbdieuhanh.readers",),
        (
            "vbdieuhanh.extract",
            "vbdieuhanh.parser",
            "vbdieuhanh.zones",
            "vbdieuhanh.relines",
            "vbdieuhanh.archive",
            "vbdieuhanh.check",
            "vbdieuhanh.cli",
            "vbdieuhanh.names",
        ),
    ),
    (
        (
            "vbdieuhanh.names",
            "vbdieuhanh.lexicon",
            "vbdieuhanh.patterns",
            "vbdieuhanh.prefilter",
            "vbdieuhanh.normalize",
        ),
        ("vbdieuhanh.extract", "vbdieuhanh.zones", "vbdieuhanh.parser", "vbdieuhanh.readers"),
    ),
    (
        (
            "vbdieuhanh.extract",
            "vbdieuhanh.zones",
            "vbdieuhanh.relines",
            "vbdieuhanh.parser",
            "vbdieuhanh.names",
        ),
        ("vbdieuhanh.archive", "vbdieuhanh.check", "vbdieuhanh.cli", "vbdieuhanh.spacy_component"),
    ),
    (
        ("vbdieuhanh.archive",),
        ("vbdieuhanh.extract", "vbdieuhanh.zones", "vbdieuhanh.cli", "vbdieuhanh.check"),
    ),
    (("vbdieuhanh.check",), ("vbdieuhanh.archive", "vbdieuhanh.cli")),
]
# the kernel modules that may import one another
KERNEL_IMPORTS = {
    "vbdieuhanh.errors": set(),
    "vbdieuhanh.values": set(),
    "vbdieuhanh.layout": set(),
    "vbdieuhanh.chunks": set(),
    "vbdieuhanh.tones": set(),
    "vbdieuhanh.vocab": {"vbdieuhanh.errors"},
    "vbdieuhanh.cells": set(),
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the package's modules it imports (at any depth of its code)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                submodules = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules]
                # 'from . import tcvn3' imports the submodule, not what the package itself defines
                targets = submodules if len(submodules) == len(node.names) else [target, *submodules]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def _under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p.rstrip(".") or name.startswith(p.rstrip(".") + ".") for p in prefixes)


def test_the_graph_is_read() -> None:
    """A check that reads no import passes on anything: the parser must be seen importing zones."""
    assert "vbdieuhanh.zones" in import_graph()["vbdieuhanh.parser"]


def test_no_import_cycles() -> None:
    assert _cycles(import_graph()) == []


@pytest.mark.parametrize(("modules", "never"), FORBIDDEN)
def test_no_import_against_the_layers(modules: tuple[str, ...], never: tuple[str, ...]) -> None:
    graph = import_graph()
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in graph.items()
        if _under(name, modules)
        for target in targets
        if _under(target, never) and target not in KERNEL_IMPORTS.get(name, set())
    )
    assert wrong == []


def test_a_cycle_is_found() -> None:
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
