"""Command line: ``vbdieuhanh parse PATH… [--format json|jsonl|table]``, ``check`` and the archive commands.

The CLI only parses arguments and calls the library; every error a user can cause is printed as one
line naming the file and the cause, with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, parse_file
from .errors import VbdhError
from .models import Document, json_schema
from .readers import iter_inputs


def _table(document: Document) -> str:
    """A short, readable summary of a record for people."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=document.file or "document", show_header=False, expand=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    issuer = document.issuer
    rows = [
        ("loại văn bản", document.doc_type),
        (
            "số, ký hiệu",
            document.number_symbol or (f"(trống)/{document.symbol}" if document.symbol else None),
        ),
        ("cơ quan ban hành", issuer.name if issuer else None),
        ("cơ quan chủ quản", issuer.parent.name if issuer and issuer.parent else None),
        ("địa danh, ngày", ", ".join(x for x in (document.place, document.issue_date) if x) or None),
        ("trích yếu", document.subject),
        ("độ khẩn", document.urgency),
        ("kính gửi", "; ".join(a.name for a in document.addressees) or None),
        ("nơi nhận", "; ".join(r.name for r in document.recipients) or None),
        (
            "người ký",
            " — ".join(
                x
                for x in (
                    ", ".join(document.signer.authority) if document.signer else None,
                    document.signer.position if document.signer else None,
                    document.signer.name if document.signer else None,
                )
                if x
            )
            or None,
        ),
        ("nhiệm vụ", str(len(document.iter_tasks())) if document.tasks else None),
        (
            "văn bản viện dẫn",
            "; ".join(c.number_symbol or c.title or c.text for c in document.citations) or None,
        ),
        ("cảnh báo", "; ".join(w.code for w in document.warnings) or None),
    ]
    for name, value in rows:
        table.add_row(name, value if value else "—")
    for task in document.iter_tasks()[:30]:
        who = ", ".join(f"{a.name} ({'chủ trì' if a.role == 'lead' else 'phối hợp'})" for a in task.assignees)
        due = f" [hạn: {task.deadline.text}]" if task.deadline else ""
        table.add_row(
            f"  {task.id}",
            f"{task.text[:160]}{'…' if len(task.text) > 160 else ''}{' → ' + who if who else ''}{due}",
        )
    buffer = io.StringIO()
    Console(file=buffer, width=120).print(table)
    return buffer.getvalue()


def _cmd_parse(args: argparse.Namespace) -> int:
    failures = 0
    documents: list[Document] = []
    for path in iter_inputs(args.paths):
        try:
            document = parse_file(path, pdf_engine=args.pdf_engine, ocr=args.ocr, ocr_lang=args.ocr_lang)
        except VbdhError as error:
            print(f"vbdieuhanh: error: {error}", file=sys.stderr)
            failures += 1
            continue
        if args.format == "jsonl":
            sys.stdout.write(document.model_dump_json(exclude=_excluded(args)) + "\n")
        elif args.format == "table":
            sys.stdout.write(_table(document))
        elif args.format == "edxml":
            from .export import edxml_header

            sys.stdout.write(edxml_header(document))
        else:
            documents.append(document)
    if args.format == "json" and (documents or not failures):
        payload = [json.loads(d.model_dump_json(exclude=_excluded(args))) for d in documents]
        out = (
            payload[0]
            if len(payload) == 1 and len(args.paths) == 1 and Path(args.paths[0]).is_file()
            else payload
        )
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 1 if failures else 0


def _excluded(args: argparse.Namespace) -> set[str] | None:
    return None if args.with_text else {"text"}


def _cmd_schema(args: argparse.Namespace) -> int:
    json.dump(json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vbdieuhanh",
        description="Read Vietnamese administrative documents into structured, linked data.",
    )
    parser.add_argument("--version", action="version", version=f"vbdieuhanh {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="parse files into records (JSON to stdout)")
    parse.add_argument("paths", nargs="+", help="files or folders (PDF, DOCX, DOC, TXT, images)")
    parse.add_argument(
        "--format",
        choices=("json", "jsonl", "table", "edxml"),
        default="json",
        help="json (default), jsonl (one record a line), table, edxml (QCVN 102:2016 header, one per file)",
    )
    parse.add_argument("--pdf-engine", choices=("pdfium", "pdfplumber"), default="pdfium")
    parse.add_argument(
        "--ocr",
        choices=("auto", "always", "never"),
        default="auto",
        help="OCR pages without a text layer (needs tesseract-ocr-vie)",
    )
    parse.add_argument(
        "--ocr-lang", default="vie", help="Tesseract languages, e.g. 'vie' or 'vie+eng' (default: vie)"
    )
    parse.add_argument(
        "--with-text", action="store_true", help="include the normalised text the spans point into"
    )
    parse.set_defaults(func=_cmd_parse)

    schema = commands.add_parser("schema", help="print the JSON Schema of the record")
    schema.set_defaults(func=_cmd_schema)

    from .check.cli import register as register_check

    register_check(commands)

    from .review.cli import register as register_review

    register_review(commands)

    try:
        from .archive.cli import register
    except ImportError:  # the archive extra is not installed
        pass
    else:
        register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except VbdhError as error:
        print(f"vbdieuhanh: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("vbdieuhanh: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
