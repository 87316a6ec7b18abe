"""``vbdieuhanh check FILE… [-f text|json|sarif] [--select CODES] [--ignore CODES]``.

Exit status: 0 when no finding is an error, 1 when one is, 2 when a file cannot be read (one line on
standard error naming the file and the cause; the other files are still checked).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from ..errors import VbdhError
from ..listing import message
from .findings import Finding


def _codes(value: str) -> list[str]:
    return [code.strip().upper() for code in value.split(",") if code.strip()]


def run_check(
    paths: Sequence[str],
    *,
    fmt: str = "text",
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    lang: str = "vi",
    ocr: str = "auto",
) -> int:
    """Check every file; print the findings in ``fmt``; return the exit status (0, 1 or 2)."""
    from .. import __version__
    from ..readers import iter_inputs
    from . import check_file
    from .report import to_json, to_sarif, to_text

    results: list[tuple[str, list[Finding]]] = []
    unreadable = 0
    chosen = [c for value in select for c in _codes(value)]
    left_out = [c for value in ignore for c in _codes(value)]
    for path in iter_inputs(paths):
        try:
            _, findings = check_file(path, select=chosen, ignore=left_out, ocr=ocr)
        except VbdhError as error:
            print(message("msg_error", lang, cause=error), file=sys.stderr)
            unreadable += 1
            continue
        results.append((str(path), findings))
    if fmt == "json":
        sys.stdout.write(to_json(results))
    elif fmt == "sarif":
        sys.stdout.write(to_sarif(results, __version__, lang))
    else:
        sys.stdout.write(to_text(results, lang))
    if unreadable:
        return 2
    return 1 if any(f.severity == "error" for _, findings in results for f in findings) else 0


def register(group: click.Group) -> None:
    """Add the ``check`` command to the CLI."""
    from ..command import common, example, settings

    @group.command(
        help=__doc__,
        short_help="Check files against Decree 30/2020/NĐ-CP (format rules).",
        epilog=example(
            "vbdieuhanh check samples/laichau_UBND-VX_2021-03.txt",
            "vbdieuhanh check letters/ --select SO,NG02 -f sarif > check.sarif",
        ),
    )
    @click.argument("paths", nargs=-1, required=True)
    @click.option("-f", "--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text")
    @click.option(
        "--select",
        multiple=True,
        metavar="CODES",
        help="only these rules, e.g. 'SO,NG02' (codes or prefixes)",
    )
    @click.option("--ignore", multiple=True, metavar="CODES", help="leave these rules out, e.g. 'LY'")
    @click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        help="OCR pages without a text layer",
    )
    @common
    def check(
        paths: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...], ocr: str
    ) -> int:
        return run_check(paths, fmt=fmt, select=select, ignore=ignore, lang=settings().lang, ocr=ocr)
