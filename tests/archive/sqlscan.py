"""Where the library's SQL text comes from, read from its source (AST): the helper of
``test_archive_sql_safety``.

A call that runs SQL is ``X.execute/executemany/executescript/rows/one/scalar/stream(sql, …)``
(the ``Store`` methods and the drivers'), or a name bound to one of them (``count = store.scalar``).
Its SQL text is *fixed* when it is built only from:

- string literals, and f-strings, ``+``, ``%``, ``a if c else b``, ``SEP.join(…)`` of fixed parts;
- names whose every binding in the function (or, failing that, the module, or the module it is
  imported from) is fixed; a list is fixed when every item it starts with or is given
  (``append``/``extend``/``+=``) is fixed; a loop variable is fixed when it runs over a tuple or
  list of fixed values;
- placeholder lists: a literal of only ``?``, commas and spaces repeated ``* n`` times
  (``", ".join("?" * len(ids))``), or a comprehension whose item is fixed;
- an item of a fixed dict, tuple or list, whatever the index (``_TYPES[store.dialect]``).

Anything else (a parameter, a call's result, an attribute) is runtime data, and the call is
reported, unless it is one of the pass-through forms listed in ``ALLOWED`` with the reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SQL_METHODS = frozenset({"execute", "executemany", "executescript", "rows", "one", "scalar", "stream"})
PLACEHOLDER_CHARS = frozenset("?, ")

# (file under the package, function, the SQL argument as written): the only SQL not built from
# literals, each with the reason it is still fixed text.
ALLOWED = {
    # the Store's own methods hand their caller's SQL to the driver; every caller is checked here
    ("archive/store.py", "rows", "sql"): "Store.rows passes its caller's SQL on",
    ("archive/store.py", "one", "sql"): "Store.one passes its caller's SQL on",
    ("archive/store.py", "scalar", "sql"): "Store.scalar passes its caller's SQL on",
    ("archive/store.py", "stream", "sql"): "Store.stream passes its caller's SQL on",
    ("archive/store.py", "execute", "sql"): "SQLiteStore.execute passes its caller's SQL on",
    ("archive/store.py", "executemany", "sql"): "SQLiteStore.executemany passes its caller's SQL on",
    ("archive/store.py", "execute", "self._adapt(sql)"): "PostgresStore: '?' written as '%s'",
    ("archive/store.py", "executemany", "self._adapt(sql)"): "PostgresStore: '?' written as '%s'",
    # the schema's DDL: statements of the module's MIGRATIONS literals, their {id}/{json}/… holes
    # filled from the fixed per-dialect table _TYPES (migrate's `migrations` is MIGRATIONS, or a
    # test's own list)
    ("archive/migrations.py", "apply", "statement.format(**types)"): "DDL from MIGRATIONS and _TYPES",
}


@dataclass(frozen=True)
class Call:
    """One call that runs SQL: where, the SQL argument as written, and whether it is fixed."""

    path: str
    line: int
    function: str
    sql: str
    fixed: bool

    def __str__(self) -> str:
        return f"{self.path}:{self.line} in {self.function}(): {self.sql}"


class _Module:
    def __init__(self, package: Path, path: Path) -> None:
        self.package, self.path = package, path
        self.rel = path.relative_to(package).as_posix()
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.bindings = _bindings(self.tree.body)
        self.imports: dict[str, tuple[Path, str]] = {}
        for node in self.tree.body:
            if isinstance(node, ast.ImportFrom) and node.level:
                base = path.parent
                for _ in range(node.level - 1):
                    base = base.parent
                target = base.joinpath(*(node.module or "").split(".")) if node.module else base
                source = (
                    target.with_suffix(".py")
                    if target.with_suffix(".py").exists()
                    else target / "__init__.py"
                )
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (source, alias.name)


def _bindings(body: list[ast.stmt]) -> dict[str, list[ast.AST]]:
    """Every value a name is given in a body (not inside nested functions or classes): the
    assigned expression, ``('+=', value)`` for augmented ones, ``('for', iter)`` for loop
    variables, ``('item', value)`` for values appended or extended into a list."""
    found: dict[str, list[ast.AST]] = {}

    def add(name: str, value: ast.AST) -> None:
        found.setdefault(name, []).append(value)

    def targets(target: ast.AST, value: ast.AST) -> None:
        if isinstance(target, ast.Name):
            add(target.id, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            same = isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts)
            for i, element in enumerate(target.elts):  # a, b = x, y: pairs; a, b = f(): runtime
                targets(element, value.elts[i] if same else _OPAQUE)

    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(node, ast.Assign):
            for target in node.targets:
                targets(target, node.value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets(node.target, node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            add(node.target.id, _Aug(node.value))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            if isinstance(node.target, ast.Name):
                add(node.target.id, _Loop(node.iter))
            else:
                targets(node.target, _OPAQUE)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    targets(item.optional_vars, _OPAQUE)
        elif isinstance(node, ast.NamedExpr):
            targets(node.target, node.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            root = node.func.value
            while isinstance(root, ast.Subscript):  # _TYPES["sqlite"].update(…) changes _TYPES
                root = root.value
            if isinstance(root, ast.Name) and node.func.attr in ("append", "extend", "insert", "update"):
                for value in [*node.args[-1:], *(k.value for k in node.keywords)]:
                    add(root.id, _Aug(value) if node.func.attr == "extend" else _Item(value))
        stack.extend(ast.iter_child_nodes(node))
    return found


class _Aug(ast.AST):
    def __init__(self, value: ast.AST) -> None:
        super().__init__()
        self.value = value


class _Loop(_Aug):
    pass


class _Item(_Aug):
    pass


_OPAQUE = ast.Name(id="<runtime>", ctx=ast.Load())


class _Checker:
    def __init__(self, package: Path) -> None:
        self.package = package
        self.modules: dict[Path, _Module] = {}

    def module(self, path: Path) -> _Module:
        if path not in self.modules:
            self.modules[path] = _Module(self.package, path)
        return self.modules[path]

    def fixed(self, node: ast.AST, scope: _Scope, seen: frozenset[tuple[int, str]] = frozenset()) -> bool:
        """Is ``node`` built only from literals (see the module's docstring)?"""
        if isinstance(node, ast.Constant):
            return isinstance(node.value, (str, int, float)) or node.value is None
        if isinstance(node, ast.JoinedStr):
            return all(self.fixed(v, scope, seen) for v in node.values)
        if isinstance(node, ast.FormattedValue):
            return self.fixed(node.value, scope, seen) and (
                node.format_spec is None or self.fixed(node.format_spec, scope, seen)
            )
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            return any(
                isinstance(side, ast.Constant)
                and isinstance(side.value, str)
                and set(side.value) <= PLACEHOLDER_CHARS
                for side in (node.left, node.right)
            )
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            return self.fixed(node.left, scope, seen) and self.fixed(node.right, scope, seen)
        if isinstance(node, ast.IfExp):
            return self.fixed(node.body, scope, seen) and self.fixed(node.orelse, scope, seen)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return all(self.fixed(e, scope, seen) for e in node.elts)
        if isinstance(node, ast.Dict):
            return all(self.fixed(v, scope, seen) for v in node.values)
        if isinstance(node, (ast.GeneratorExp, ast.ListComp, ast.SetComp)):
            return self.fixed(node.elt, scope, seen)
        if isinstance(node, ast.Subscript):  # an item of a fixed table, whichever
            return self.fixed(node.value, scope, seen)
        if isinstance(node, ast.Starred):
            return self.fixed(node.value, scope, seen)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "join" and len(node.args) == 1 and not node.keywords:
                return self.fixed(node.func.value, scope, seen) and self.fixed(node.args[0], scope, seen)
            return False
        if isinstance(node, ast.Name):
            return self.name_fixed(node.id, scope, seen)
        if isinstance(node, (_Item, _Aug)):  # _Loop: each item of a fixed collection
            return self.fixed(node.value, scope, seen)
        return False

    def name_fixed(self, name: str, scope: _Scope, seen: frozenset[tuple[int, str]]) -> bool:
        key = (id(scope), name)
        if key in seen:
            return True  # a cycle (x += x…): the other bindings decide
        seen = seen | {key}
        if name in scope.params:
            return False
        values = scope.bindings.get(name)
        if values:
            return all(self.fixed(v, scope, seen) for v in values)
        if scope.outer is not None:
            return self.name_fixed(name, scope.outer, seen)
        module = scope.module
        if name in module.imports:
            path, original = module.imports[name]
            if path.exists() and path.is_relative_to(self.package):
                source = self.module(path)
                return self.name_fixed(original, _Scope(source, source.bindings, frozenset(), None), seen)
        return False

    def calls(self) -> Iterator[Call]:
        for path in sorted(self.package.rglob("*.py")):
            module = self.module(path)
            top = _Scope(module, module.bindings, frozenset(), None)
            yield from self._calls_in(module, module.tree.body, top, "<module>")

    def _calls_in(
        self, module: _Module, body: list[ast.stmt], scope: _Scope, function: str
    ) -> Iterator[Call]:
        aliases = {
            name
            for name, values in scope.bindings.items()
            if any(isinstance(v, ast.Attribute) and v.attr in SQL_METHODS for v in values)
        }
        stack: list[ast.AST] = list(body)
        while stack:
            node = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                arguments = node.args
                params = {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}
                params |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
                inner = _Scope(module, _bindings(node.body), frozenset(params), scope)
                yield from self._calls_in(module, node.body, inner, node.name)
                continue
            if isinstance(node, ast.ClassDef):
                yield from self._calls_in(module, node.body, scope, function)
                continue
            if isinstance(node, ast.Call):
                called = node.func
                is_sql = (isinstance(called, ast.Attribute) and called.attr in SQL_METHODS) or (
                    isinstance(called, ast.Name) and called.id in aliases
                )
                sql = (
                    node.args[0]
                    if node.args
                    else next((k.value for k in node.keywords if k.arg == "sql"), None)
                )
                if is_sql and sql is not None:
                    text = ast.unparse(sql)
                    fixed = self.fixed(sql, scope) or (module.rel, function, text) in ALLOWED
                    yield Call(module.rel, node.lineno, function, text, fixed)
            stack.extend(ast.iter_child_nodes(node))


@dataclass
class _Scope:
    module: _Module
    bindings: dict[str, list[ast.AST]]
    params: frozenset[str]
    outer: _Scope | None


def sql_calls(package: Path) -> list[Call]:
    """Every call that runs SQL in the package, in file and line order."""
    return sorted(_Checker(package).calls(), key=lambda c: (c.path, c.line))
