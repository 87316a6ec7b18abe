"""Every ```python block of README.md and docs/ runs, and prints what the page shows.

- A block of statements is a complete script: it runs in its own Python process, in a temporary
  folder where ``samples/``, ``tests/`` and ``docs/`` point at the repository's (so the files it
  writes do not land in the repository). It must exit with 0. When a ```text block follows it
  with nothing but blank lines between, that is its output: the printed text must match it, line
  by line (trailing spaces and durations such as ``0.05 s`` aside).
  A line ``expression  # value`` whose comment is a Python literal (``# 'UBND-VX'``,
  ``# ['missing_day']``) is checked too: the expression must equal the value.
- A block of ``>>>`` lines is a doctest (``...`` matches anything, whitespace is normalised).
- A block right after ``<!-- not run: REASON -->`` is not run (a signature, a fragment that needs a
  file the page does not make); the reason is required.
"""

from __future__ import annotations

import ast
import doctest
import itertools
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_FENCE = re.compile(r"^```([\w-]*)\s*$")
_NOT_RUN = re.compile(r"^<!--\s*not run:\s*(.+?)\s*-->$")
_DURATION = re.compile(r"\b\d+(?:\.\d+)?\s?(?:s|ms|µs)\b")


@dataclass
class Block:
    page: Path
    line: int
    lang: str
    code: str
    skip: str | None = None
    output: str | None = None  # the ```text block that follows, if any

    @property
    def id(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a page, with the marker before each and the text block after."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    ends: list[int] = []  # the line after each block's closing fence
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match or not match.group(1):
            i += 1
            continue
        start, body = i, []
        i += 1
        while i < len(lines) and lines[i].rstrip() != "```":
            body.append(lines[i])
            i += 1
        before = next((lines[j].strip() for j in range(start - 1, -1, -1) if lines[j].strip()), "")
        marker = _NOT_RUN.match(before)
        found.append(
            Block(
                page, start + 1, match.group(1), "\n".join(body) + "\n", marker.group(1) if marker else None
            )
        )
        i += 1
        ends.append(i)
    for k, (block, after) in enumerate(itertools.pairwise(found)):
        between = lines[ends[k] : after.line - 1]
        if block.lang == "python" and after.lang == "text" and not any(x.strip() for x in between):
            block.output = after.code
    return [b for b in found if b.lang == "python"]


EXAMPLES = [block for page in PAGES for block in blocks(page)]


_RESULT_LINE = re.compile(r"^(?P<expr>[^#\s][^#]*?)\s+#\s*(?P<value>.+?)\s*$")


def with_checks(code: str) -> tuple[str, int]:
    """The script with each top-level ``expression  # literal`` line turned into an assertion, and
    how many there are."""
    out, count = [], 0
    for number, line in enumerate(code.splitlines(), start=1):
        match = _RESULT_LINE.match(line)
        if match:
            try:
                tree = ast.parse(match["expr"])
                value = ast.literal_eval(match["value"])
            except (SyntaxError, ValueError):
                value = tree = None
            if tree is not None and len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr):
                got = f"({match['expr']})"
                line = (
                    f"assert {got} == {value!r}, "
                    f"'line {number}: ' + repr({got}) + ' where the page shows ' + {match['value']!r}"
                )
                count += 1
        out.append(line)
    return "\n".join(out) + "\n", count


def _normalise(text: str) -> list[str]:
    return [_DURATION.sub("<time>", line.rstrip()) for line in text.strip().splitlines()]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    for name in ("samples", "tests", "docs"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


def test_the_pages_have_examples() -> None:
    assert len(EXAMPLES) >= 30
    assert sum(with_checks(b.code)[1] for b in EXAMPLES) >= 10  # values shown in comments, checked
    assert all(b.skip for b in EXAMPLES if b.skip is not None)


@pytest.mark.parametrize("block", EXAMPLES, ids=lambda b: b.id)
def test_example_runs(block: Block, workdir: Path) -> None:
    if block.skip:
        pytest.skip(f"not run: {block.skip}")
    if block.code.lstrip().startswith(">>>"):
        cwd = os.getcwd()
        os.chdir(workdir)
        try:
            test = doctest.DocTestParser().get_doctest(block.code, {}, block.id, str(block.page), block.line)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            runner.run(test, out=lambda text: print(text, end=""))
        finally:
            os.chdir(cwd)
        assert runner.failures == 0, f"{block.id}: the doctest fails (output above)"
        return
    if "spacy" in block.code and not _has("spacy"):
        pytest.skip("needs the nlp extra (spaCy)")
    script = workdir / "example.py"
    code, _ = with_checks(block.code)
    script.write_text(code, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        [sys.executable, str(script)], cwd=workdir, capture_output=True, text=True, timeout=600, env=env
    )
    assert done.returncode == 0, f"{block.id} failed:\n{done.stderr[-3000:]}"
    if block.output is not None:
        assert _normalise(done.stdout) == _normalise(block.output), (
            f"{block.id}: the page shows another output"
        )


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
