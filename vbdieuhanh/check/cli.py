"""``vbdieuhanh check FILE… [--format text|json|sarif] [--select CODES] [--ignore CODES]``.

Exit status: 0 when no finding is an error, 1 when one is, 2 when a file cannot be read (one line on
standard error naming the file and the cause; the other files are still checked).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import VbdhError
from .findings import Finding


def _codes(value: str) -> list[str]:
    return [code.strip().upper() for code in value.split(",") if code.strip()]


def _cmd_check(args: argparse.Namespace) -> int:
    from .. import __version__
    from ..readers import iter_inputs
    from . import check_file
    from .report import to_json, to_sarif, to_text

    results: list[tuple[str, list[Finding]]] = []
    unreadable = 0
    select = [c for value in args.select or () for c in _codes(value)]
    ignore = [c for value in args.ignore or () for c in _codes(value)]
    for path in iter_inputs(args.paths):
        try:
            _, findings = check_file(path, select=select, ignore=ignore, ocr=args.ocr)
        except VbdhError as error:
            print(f"vbdieuhanh: error: {error}", file=sys.stderr)
            unreadable += 1
            continue
        results.append((str(path), findings))
    if args.format == "json":
        sys.stdout.write(to_json(results))
    elif args.format == "sarif":
        sys.stdout.write(to_sarif(results, __version__, args.lang))
    else:
        sys.stdout.write(to_text(results, args.lang))
    if unreadable:
        return 2
    return 1 if any(f.severity == "error" for _, findings in results for f in findings) else 0


def register(commands: Any) -> None:
    """Add the ``check`` subcommand to the CLI's subparsers."""
    check = commands.add_parser(
        "check", help="check files against Decree 30/2020/NĐ-CP (format rules)", description=__doc__
    )
    check.add_argument("paths", nargs="+", help="files or folders (PDF, DOCX, DOC, TXT, images)")
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    check.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules, e.g. 'SO,NG02' (codes or prefixes)",
    )
    check.add_argument("--ignore", action="append", metavar="CODES", help="leave these rules out, e.g. 'LY'")
    check.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of the messages")
    check.add_argument(
        "--ocr", choices=("auto", "always", "never"), default="auto", help="OCR pages without a text layer"
    )
    check.set_defaults(func=_cmd_check)
