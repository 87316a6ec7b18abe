"""``vbdieuhanh review FILE… --html OUT``: one self-contained page to check and correct records.

Each file is parsed; the page shows its text with every extracted value highlighted and a panel
where fields can be corrected; the corrections download as a JSON file for
``vbdieuhanh ingest --corrections FILE``. A file that cannot be read is reported on standard error
(exit status 1) and the others are still shown.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence

import click

from ..errors import VbdhError
from ..listing import message


def run_review(
    paths: Sequence[str], html: str, *, title: str = "vbdieuhanh review", ocr: str = "auto", lang: str = "vi"
) -> int:
    """Parse every file and write one review page to ``html``; 1 when a file could not be read."""
    from .. import parse_bytes
    from ..readers import iter_inputs
    from . import write_review

    items = []
    failures = 0
    for path in iter_inputs(paths):
        try:
            data = path.read_bytes()
        except OSError as error:
            cause = f"{path}: cannot read: {error.strerror or error}"
            print(message("msg_error", lang, cause=cause), file=sys.stderr)
            failures += 1
            continue
        try:
            document = parse_bytes(data, str(path), ocr=ocr)
        except VbdhError as error:
            print(message("msg_error", lang, cause=error), file=sys.stderr)
            failures += 1
            continue
        items.append((document, hashlib.sha256(data).hexdigest()))
    out = write_review(items, html, title=title)
    print(message("msg_wrote_review", lang, path=out, count=len(items)), file=sys.stderr)
    return 1 if failures else 0


def register(group: click.Group) -> None:
    """Add the ``review`` command to the CLI."""
    from ..command import common, example, settings

    @group.command(
        help=__doc__,
        short_help="An HTML page of what was extracted, where, with fields to correct.",
        epilog=example("vbdieuhanh review samples/kiengiang_114-BCD-KGVX_2021.txt --html review.html"),
    )
    @click.argument("paths", nargs=-1, required=True)
    @click.option("--html", required=True, metavar="OUT", help="the page to write (one per run)")
    @click.option("--title", default="vbdieuhanh review", help="page title")
    @click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        help="OCR pages without a text layer",
    )
    @common
    def review(paths: tuple[str, ...], html: str, title: str, ocr: str) -> int:
        return run_review(paths, html, title=title, ocr=ocr, lang=settings().lang)
