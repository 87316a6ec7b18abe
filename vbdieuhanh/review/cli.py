"""``vbdieuhanh review FILE… --html OUT``: one self-contained page to check and correct records.

Each file is parsed; the page shows its text with every extracted value highlighted and a panel
where fields can be corrected; the corrections download as a JSON file for
``vbdieuhanh ingest --corrections FILE``. A file that cannot be read is reported on standard error
(exit status 1) and the others are still shown.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from typing import Any

from ..errors import VbdhError


def _cmd_review(args: argparse.Namespace) -> int:
    from .. import parse_bytes
    from ..readers import iter_inputs
    from . import write_review

    items = []
    failures = 0
    for path in iter_inputs(args.paths):
        try:
            data = path.read_bytes()
        except OSError as error:
            print(f"vbdieuhanh: error: {path}: cannot read: {error.strerror or error}", file=sys.stderr)
            failures += 1
            continue
        try:
            document = parse_bytes(data, str(path), ocr=args.ocr)
        except VbdhError as error:
            print(f"vbdieuhanh: error: {error}", file=sys.stderr)
            failures += 1
            continue
        items.append((document, hashlib.sha256(data).hexdigest()))
    out = write_review(items, args.html, title=args.title)
    print(f"vbdieuhanh: wrote {out} ({len(items)} documents)", file=sys.stderr)
    return 1 if failures else 0


def register(commands: Any) -> None:
    """Add the ``review`` subcommand to the CLI's subparsers."""
    review = commands.add_parser(
        "review",
        help="an HTML page showing what was extracted, where, with fields to correct",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example: vbdieuhanh review samples/kiengiang_114-BCD-KGVX_2021.txt --html review.html",
    )
    review.add_argument("paths", nargs="+", help="files or folders (PDF, DOCX, DOC, TXT, images)")
    review.add_argument("--html", required=True, metavar="OUT", help="the page to write (one per run)")
    review.add_argument("--title", default="vbdieuhanh review", help="page title (default: %(default)s)")
    review.add_argument(
        "--ocr",
        choices=("auto", "always", "never"),
        default="auto",
        help="OCR pages without a text layer (default: %(default)s)",
    )
    review.set_defaults(func=_cmd_review)
