"""Command line: ``vbdieuhanh parse PATH…``, ``schema``, ``check``, ``review`` and the archive commands.

Built on click. Each command is a plain ``run_*`` function that does the work; the click layer only
declares the options, converts them and calls it. To add a command::

    @group.command(epilog=example("vbdieuhanh hello NAME"))
    @click.argument("name")
    @common
    def hello(name: str) -> int:
        "Say hello."
        return run_hello(name, lang=settings().lang)

Every error a user can cause is one line naming the file and the cause, with a non-zero exit code;
an unknown option prints the command's usage and a one-line error (exit 2).
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from . import __version__, is_compiled
from .cells import terminal_text
from .command import (
    CONTEXT_SETTINGS,
    Settings,
    check_xlsx_target,
    common,
    emit,
    emit_listing,
    example,
    format_option,
    out_option,
    settings,
    show_progress,
)
from .errors import VbdhError
from .listing import FORMATS, Sheet, display, label, message, to_json
from .models import Document


def _table(document: Document, lang: str = "vi") -> str:
    """A short, readable summary of a record for people."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=terminal_text(document.file or "document"), show_header=False, expand=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    issuer = document.issuer

    def L(key: str) -> str:  # a label of data/cli_labels.tsv
        return label(key, lang)

    rows = [
        (L("d_type"), document.doc_type),
        (
            L("d_number"),
            document.number_symbol or (f"({L('d_blank')})/{document.symbol}" if document.symbol else None),
        ),
        (L("d_issuer"), issuer.name if issuer else None),
        (L("d_parent"), issuer.parent.name if issuer and issuer.parent else None),
        (
            L("d_place_date"),
            ", ".join(x for x in (document.place, display(document.issue_date)) if x) or None,
        ),
        (L("d_subject"), document.subject),
        (L("d_urgency"), document.urgency),
        (L("d_addressees"), "; ".join(a.name for a in document.addressees) or None),
        (L("d_recipients"), "; ".join(r.name for r in document.recipients) or None),
        (
            L("d_signer"),
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
        (L("d_tasks"), str(len(document.iter_tasks())) if document.tasks else None),
        (
            L("d_citations"),
            "; ".join(c.number_symbol or c.title or c.text for c in document.citations) or None,
        ),
        (L("d_warnings"), "; ".join(w.code for w in document.warnings) or None),
    ]
    for name, value in rows:
        table.add_row(name, value if value else "—")
    for task in document.iter_tasks()[:30]:
        roles = {"lead": L("lead").lower(), "coordinate": L("coordinate").lower()}
        who = ", ".join(f"{a.name} ({roles.get(a.role, a.role)})" for a in task.assignees)
        due = f" [{L('deadline')}: {task.deadline.text}]" if task.deadline else ""
        table.add_row(
            f"  {task.id}",
            f"{task.text[:160]}{'…' if len(task.text) > 160 else ''}{' → ' + who if who else ''}{due}",
        )
    buffer = io.StringIO()
    Console(file=buffer, width=120, markup=False, highlight=False).print(table)  # text is never markup
    return buffer.getvalue()


def _document_row(name: str, document: Document | None, error: str | None = None) -> dict[str, Any]:
    if document is None:
        return {"file": name, "error": error}
    issuer = document.issuer
    return {
        "file": name,
        "doc_type": document.doc_type,
        "number_symbol": document.number_symbol,
        "issue_date": document.issue_date,
        "issuer": issuer.name if issuer else None,
        "task_count": len(document.iter_tasks()),
        "warnings": "; ".join(w.code for w in document.warnings),
        "error": error,
    }


def _task_rows(name: str, document: Document) -> list[dict[str, Any]]:
    rows = []
    for task in document.iter_tasks():
        rows.append(
            {
                "file": name,
                "number_symbol": document.number_symbol,
                "task": task.id,
                "text": task.text,
                "lead": "; ".join(a.name for a in task.assignees if a.role == "lead"),
                "coordinate": "; ".join(a.name for a in task.assignees if a.role != "lead"),
                "deadline": task.deadline.date if task.deadline else None,
                "deadline_text": task.deadline.text if task.deadline else None,
            }
        )
    return rows


DOCUMENT_COLUMNS = ("file", "doc_type", "number_symbol", "issue_date", "issuer", "task_count", "warnings")
TASK_COLUMNS = ("file", "number_symbol", "task", "text", "lead", "coordinate", "deadline", "deadline_text")


def parse_sheets(
    results: Sequence[tuple[str, Document | None, str | None]], with_tasks: bool = True
) -> list[Sheet]:
    """A parse batch as sheets: one row per file (failed files with their error), and the tasks."""
    failed = any(error for _, _, error in results)
    columns = (*DOCUMENT_COLUMNS, "error") if failed else DOCUMENT_COLUMNS
    sheets = [Sheet("documents", columns, [_document_row(n, d, e) for n, d, e in results])]
    if with_tasks:
        tasks = [row for n, d, _ in results if d is not None for row in _task_rows(n, d)]
        sheets.append(Sheet("tasks", TASK_COLUMNS, tasks))
    return sheets


def run_parse(
    paths: Sequence[str],
    *,
    fmt: str = "json",
    out: str | None = None,
    options: dict[str, Any] | None = None,
    with_text: bool = False,
    progress: bool = False,
) -> int:
    """Parse every file of ``paths`` and print them in ``fmt``; 1 when a file failed, else 0.

    A file that cannot be read (a :class:`VbdhError`) or that meets an unexpected error is reported
    in one line on standard error and in the batch's table; the batch goes on.
    """
    from . import logger, parse_file
    from .readers import iter_inputs

    check_xlsx_target(fmt, out)
    exclude = None if with_text else {"text"}
    files = list(iter_inputs(paths))
    lang = settings().lang
    if not files:
        print(message("msg_no_documents", lang, paths=terminal_text(", ".join(paths))), file=sys.stderr)
        return 1
    results: list[tuple[str, Document | None, str | None]] = []
    streamed: list[str] = []

    def report(line: str) -> None:
        line = terminal_text(line)
        if bar is not None:
            bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=sys.stderr)

    bar = None
    if progress:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[file]}"),
            console=Console(file=sys.stderr),
            transient=True,
        )
        bar.start()
        job = bar.add_task(message("msg_parsing", lang), total=len(files), file="")
    try:
        for path in files:
            if bar is not None:
                bar.update(job, file=path.name)
            name = str(path)
            try:
                document = parse_file(path, **(options or {}))
            except VbdhError as error:
                report(message("msg_error", lang, cause=error))
                results.append((name, None, error.cause))  # the file is in the row's first column
                continue
            except Exception as error:  # one file's bug must not stop the batch
                logger.debug("%s: unexpected error", name, exc_info=True)
                cause = message("msg_unexpected", lang, file=name, kind=type(error).__name__, cause=error)
                report(message("msg_error", lang, cause=cause))
                results.append((name, None, f"{type(error).__name__}: {error}"))
                continue
            finally:
                if bar is not None:
                    bar.advance(job)
            results.append((name, document, None))
            if fmt == "jsonl":
                line = document.model_dump_json(exclude=exclude) + "\n"
                if out:
                    streamed.append(line)
                else:
                    sys.stdout.write(line)
            elif fmt == "edxml":
                from .export import edxml_header

                if out:
                    streamed.append(edxml_header(document))
                else:
                    sys.stdout.write(edxml_header(document))
    finally:
        if bar is not None:
            bar.stop()
    failures = sum(1 for _, d, _ in results if d is None)
    documents = [d for _, d, _ in results if d is not None]
    if fmt in ("jsonl", "edxml"):
        if out:
            emit("".join(streamed), out)
    elif fmt == "json":
        if documents or not failures:
            payload = [json.loads(d.model_dump_json(exclude=exclude)) for d in documents]
            single = len(payload) == 1 and len(paths) == 1 and Path(paths[0]).is_file()
            emit(to_json(payload[0] if single else payload), out)
    elif fmt == "table" and len(results) == 1 and documents:
        emit(_table(documents[0], lang), out)
    elif fmt == "table":  # file names relative to the folder they share, to keep the table narrow
        names = [n for n, _, _ in results]
        common = os.path.commonpath([os.path.dirname(os.path.abspath(n)) for n in names])
        short = [(os.path.relpath(os.path.abspath(n), common), d, e) for n, d, e in results]
        emit_listing(parse_sheets(short, with_tasks=False), fmt, out)
    else:  # csv (documents), xlsx (documents and tasks)
        emit_listing(parse_sheets(results, with_tasks=fmt == "xlsx"), fmt, out)
    if len(results) > 1 and settings().verbosity >= 0 and progress:
        print(message("msg_parsed", lang, ok=len(documents), failed=failures), file=sys.stderr)
    return 1 if failures else 0


# ---- the commands of the core package --------------------------------------------------------------


@click.group(
    context_settings=CONTEXT_SETTINGS,
    help="Read Vietnamese administrative documents into structured, linked data.",
    epilog=example(
        "vbdieuhanh parse samples/ -f table",
        "vbdieuhanh parse letter.pdf -o letter.json",
        "vbdieuhanh ingest samples/ --db archive.db",
        "vbdieuhanh COMMAND -h        (options of one command)",
    ),
)
@click.version_option(
    __version__,
    "-V",
    "--version",
    prog_name="vbdieuhanh",
    message=f"%(prog)s %(version)s ({'compiled parser' if is_compiled() else 'pure-Python parser'})",
)
@common
def cli() -> None:
    pass


@cli.command(
    short_help="Parse files or folders into records.",
    epilog=example(
        "vbdieuhanh parse samples/kiengiang_114-BCD-KGVX_2021.txt",
        "vbdieuhanh parse samples/ -f table",
        "vbdieuhanh parse samples/ -f xlsx -o batch.xlsx",
    ),
)
@click.argument("paths", nargs=-1, required=True)
@format_option(
    (*FORMATS, "edxml"),
    default="json",
    help="json (one record, or a list), jsonl (one record a line), table (a summary row per file), "
    "csv (documents), xlsx (documents and tasks sheets), edxml (QCVN 102:2016 header per file)",
)
@out_option()
@click.option("--pdf-engine", type=click.Choice(["pdfium", "pdfplumber"]), default="pdfium")
@click.option(
    "--ocr",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    help="OCR pages without a text layer (needs tesseract-ocr-vie)",
)
@click.option("--ocr-lang", default="vie", help="Tesseract languages, e.g. 'vie' or 'vie+eng'")
@click.option("--with-text", is_flag=True, help="include the normalised text the spans point into")
@click.option(
    "--progress/--no-progress", default=None, help="progress bar on standard error [default: on a terminal]"
)
@common
def parse(
    paths: tuple[str, ...],
    fmt: str,
    out: str | None,
    pdf_engine: str,
    ocr: str,
    ocr_lang: str,
    with_text: bool,
    progress: bool | None,
) -> int:
    """Parse files (PDF, DOCX, DOC, TXT, images) or folders into records."""
    return run_parse(
        list(paths),
        fmt=fmt,
        out=out,
        options={"pdf_engine": pdf_engine, "ocr": ocr, "ocr_lang": ocr_lang},
        with_text=with_text,
        progress=show_progress(progress),
    )


@cli.command(epilog=example("vbdieuhanh schema > document.schema.json"))
@out_option("write the schema here")
@common
def schema(out: str | None) -> int:
    """Print the JSON Schema of the record."""
    from .models import json_schema

    emit(to_json(json_schema()), out)
    return 0


def _register_all() -> None:
    from .archive.cli import register as register_archive
    from .check.cli import register as register_check
    from .review.cli import register as register_review

    register_check(cli)
    register_review(cli)
    register_archive(cli)  # the commands check for the archive extra when they run


_register_all()
# psycopg reports what it meets while closing a lost connection through Python's last-resort handler
# (a line on stderr); the command's one-line error already says the database failed
logging.getLogger("psycopg").addHandler(logging.NullHandler())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (tests call this with a list of arguments)."""
    args = list(sys.argv[1:] if argv is None else argv)
    state = Settings()
    try:
        result = cli.main(args=args, prog_name="vbdieuhanh", standalone_mode=False, obj=state)
    except click.exceptions.Exit as done:  # --help, --version
        return int(done.exit_code)
    except click.ClickException as problem:  # unknown option, missing argument…: usage and one line
        problem.show()
        return int(problem.exit_code)
    except click.Abort:
        print(message("msg_interrupted", state.lang), file=sys.stderr)
        return 130
    except VbdhError as error:
        print(message("msg_error", state.lang, cause=error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(message("msg_interrupted", state.lang), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: one line for the user, the traceback with -v
        if state.verbosity > 0:
            import traceback

            traceback.print_exc()
        cause = terminal_text(" ".join(f"{type(error).__name__}: {error}".split())[:300])
        print(message("msg_internal", state.lang, cause=cause), file=sys.stderr)
        return 70
    return int(result or 0)


if __name__ == "__main__":
    raise SystemExit(main())
