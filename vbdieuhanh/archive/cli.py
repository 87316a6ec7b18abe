"""The archive commands, plugged into ``vbdieuhanh`` by ``register``; each is a ``run_*`` function.

    vbdieuhanh ingest PATH… [--db URL] [--workers N] [--scheduler tcp://…] [--corrections FILE]
    vbdieuhanh followup NUMBER_OR_ID [--db URL] [-f table|json|jsonl|csv|xlsx] [--html report.html]
        [--xlsx report.xlsx] [--as-of dd/mm/yyyy] [--depth N] [--issuer NAME] [--date DATE]
    vbdieuhanh tasks --assignee NAME [--db URL] [-f …] [--as-of dd/mm/yyyy]
    vbdieuhanh search WORDS… [--issuer] [--province] [--type] [--from] [--to] [--limit N] [-f …]
    vbdieuhanh graph export -f graphml|json|csv -o PATH [--db URL]
    vbdieuhanh indicators | stats | failures [--db URL] [-f …]

``--db`` defaults to ``$VBDH_DB`` or ``vbdieuhanh.db`` (an SQLite file; no server to start).
The ``run_*`` functions take checked values (ISO dates, a depth of 0 or more); the click layer
converts what the user typed (dd/mm/yyyy or ISO dates) and refuses the rest in one line.

The commands are always listed; each checks, before any work, that the ``archive`` extra (and
``postgres`` for a ``postgresql://`` URL, ``dask`` for ``--scheduler``) is installed, and says which
``pip install`` to run when it is not. This module imports neither networkx nor rapidfuzz.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import click

from ..errors import MissingDependencyError
from ..listing import FORMATS, Sheet, flatten, message
from .store import DEFAULT_URL, redact

if TYPE_CHECKING:
    from .api import Archive

SHOWN_FAILURES = 20
EXTRAS = {"archive": ("networkx", "rapidfuzz"), "postgres": ("psycopg",), "dask": ("distributed",)}


def require_extras(
    command: str, db: str | None = None, scheduler: str | None = None, lang: str = "vi"
) -> None:
    """Raise one clear error, before any work, when an extra the command needs is missing."""
    needed = ["archive"]
    if db and db.startswith(("postgresql://", "postgres://")):
        needed.append("postgres")
    if scheduler:
        needed.append("dask")
    for extra in needed:
        for module in EXTRAS[extra]:
            if importlib.util.find_spec(module) is None:
                text = message("msg_needs_extra", lang, command=command, module=module, extra=extra)
                raise MissingDependencyError(command, text)


def _open(db: str) -> Archive:
    from .api import open_archive

    return open_archive(db, create=False)


def _emit(sheets: Sequence[Sheet], fmt: str, out: str | None, **kwargs: Any) -> None:
    from ..command import emit_listing

    emit_listing(sheets, fmt, out, **kwargs)


# ---- the work of each command -----------------------------------------------------------------------


def run_ingest(
    paths: Sequence[str],
    db: str,
    *,
    workers: int | None = None,
    batch: int | None = None,
    progress: bool | None = None,
    scheduler: str | None = None,
    corrections: str | None = None,
    lang: str = "vi",
) -> int:
    require_extras("ingest", db, scheduler, lang)
    from .ingest import ingest

    report = ingest(
        list(paths),
        db,
        workers=workers,
        batch=batch,
        progress=progress,
        scheduler=scheduler,
        command="ingest " + " ".join(paths),
        corrections=corrections,
    )
    print(
        f"vbdieuhanh: {report.seen} files in {report.seconds:.1f} s ({report.rate:.0f}/s): "
        f"{report.stored} stored, {report.new_versions} new versions, {report.unchanged} unchanged, "
        f"{report.failed} failed",
        file=sys.stderr,
    )
    for name, cause in report.failures[:SHOWN_FAILURES]:
        print(f"  failed: {name}: {cause}", file=sys.stderr)
    if report.failed > len(report.failures[:SHOWN_FAILURES]):
        print(f"  … all {report.failed}: vbdieuhanh failures --db {redact(db)}", file=sys.stderr)
    return 0 if report.ok else 1


def run_followup(
    ref: str,
    db: str,
    *,
    fmt: str = "table",
    out: str | None = None,
    html: str | None = None,
    xlsx: str | None = None,
    as_of: str | None = None,
    depth: int = 2,
    issuer: str | None = None,
    date: str | None = None,
    lang: str = "vi",
) -> int:
    """``as_of`` and ``date`` are ISO dates (``date`` possibly partial); ``issuer``/``date`` choose
    among documents that share the number; ``xlsx``: also the three-sheet workbook."""
    require_extras("followup", db, lang=lang)
    from .output import FOLLOWUP_COLUMNS, followup_rows, followup_table
    from .report_html import write_report

    with _open(db) as archive:
        followup = archive.followup(ref, as_of=as_of, depth=depth, issuer=issuer, date=date)
    sheet = Sheet("followup", FOLLOWUP_COLUMNS, followup_rows(followup))
    table = followup_table(followup) if fmt == "table" else None
    _emit([sheet], fmt, out, payload=followup.to_dict() if fmt == "json" else None, table=table)
    if html:
        print(message("msg_wrote", lang, path=write_report(followup, html)), file=sys.stderr)
    if xlsx:
        from .exports import write_xlsx

        print(message("msg_wrote", lang, path=write_xlsx(followup, xlsx)), file=sys.stderr)
    return 0


SEARCH_TABLE_COLUMNS = ("name", "issue_date", "issuer", "province", "subject", "snippet")


def run_search(
    words: str,
    db: str,
    *,
    fmt: str = "table",
    out: str | None = None,
    issuer: str | None = None,
    province: str | None = None,
    doc_type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    lang: str = "vi",
) -> int:
    """``date_from``/``date_to``: ISO dates, possibly partial ('2021', '2021-03'), both inclusive."""
    require_extras("search", db, lang=lang)
    from ..listing import to_table
    from .search import Hit

    with _open(db) as archive:
        hits = archive.search(
            words, issuer=issuer, province=province, doc_type=doc_type, date_from=date_from,
            date_to=date_to, limit=limit,
        )  # fmt: skip
    data = [h.to_dict() for h in hits]
    table = None
    if fmt == "table":
        shown = [{**row, "subject": (row["subject"] or "")[:100]} for row in data]
        table = to_table([Sheet("search", SEARCH_TABLE_COLUMNS, shown)], lang)
    _emit([Sheet("search", list(Hit.__dataclass_fields__), data)], fmt, out, payload=data, table=table)
    return 0


def run_tasks(
    assignee: str,
    db: str,
    *,
    fmt: str = "table",
    out: str | None = None,
    as_of: str | None = None,
    lang: str = "vi",
) -> int:
    require_extras("tasks", db, lang=lang)
    from .assignments import TaskAssignment
    from .output import assignments_table

    with _open(db) as archive:
        rows = archive.tasks(assignee, as_of=as_of)
    data = [asdict(r) for r in rows]
    sheet = Sheet("tasks", list(TaskAssignment.__dataclass_fields__), data)
    table = assignments_table(rows) if fmt == "table" else None
    _emit([sheet], fmt, out, payload=data, table=table)
    return 0


def run_graph_export(db: str, fmt: str, out: str, *, lang: str = "vi") -> int:
    require_extras("graph export", db, lang=lang)
    with _open(db) as archive:
        path = archive.export_graph(out, fmt)
    print(message("msg_wrote", lang, path=path), file=sys.stderr)
    return 0


def _records(name: str, rows: list[dict[str, Any]]) -> Sheet:
    return Sheet(name, list(rows[0]) if rows else [], rows)


def run_indicators(
    db: str,
    *,
    fmt: str = "table",
    out: str | None = None,
    province: str | None = None,
    what: str | None = None,
    lang: str = "vi",
) -> int:
    require_extras("indicators", db, lang=lang)
    with _open(db) as archive:
        rows = archive.indicators(province=province, what=what)
    _emit([_records("indicators", rows)], fmt, out, payload=rows)
    return 0


def run_stats(db: str, *, fmt: str = "json", out: str | None = None, lang: str = "vi") -> int:
    require_extras("stats", db, lang=lang)
    with _open(db) as archive:
        stats = archive.stats()
    _emit([Sheet("stats", ("key", "value"), flatten(stats))], fmt, out, payload=stats)
    return 0


def run_failures(
    db: str, *, fmt: str = "table", out: str | None = None, run: int | None = None, lang: str = "vi"
) -> int:
    require_extras("failures", db, lang=lang)
    from .queries import failures

    with _open(db) as archive:
        rows = failures(archive.store, run)
    _emit([_records("failures", rows)], fmt, out, payload=rows)
    return 0


# ---- the click layer: options, then one call --------------------------------------------------------


def register(group: click.Group) -> None:
    """Add the archive commands to the ``vbdieuhanh`` group."""
    from ..command import check_xlsx_target, common, example, format_option, out_option, settings

    db_option = click.option(
        "--db",
        envvar="VBDH_DB",
        default=DEFAULT_URL,
        show_envvar=True,
        help="archive: a file path or postgresql://… URL",
    )

    def listing(function: Any) -> Any:
        """--db, -f/--format, -o/--out and the common options."""
        for option in reversed([db_option, format_option(FORMATS, "table"), out_option(), common]):
            function = option(function)
        return function

    @group.command(
        short_help="Parse files, folders, globs or zip files into an archive.",
        epilog=example(
            "vbdieuhanh ingest samples/ --db archive.db", "vbdieuhanh ingest 'inbox/*.pdf' --workers 2"
        ),
    )
    @click.argument("paths", nargs=-1, required=True)
    @db_option
    @click.option("--workers", type=int, default=None, help="parsing processes [default: CPUs; 0: none]")
    @click.option("--batch", type=int, help="files per worker task [default: 16; on Dask: 128]")
    @click.option("--scheduler", help="run on this Dask scheduler (tcp://host:8786)")
    @click.option("--progress/--no-progress", default=None, help="progress bar [default: on a terminal]")
    @click.option(
        "--corrections",
        metavar="FILE",
        help="a corrections file saved from 'vbdieuhanh review', applied on top of the parsed records",
    )
    @common
    def ingest(
        paths: tuple[str, ...],
        db: str,
        workers: int | None,
        batch: int | None,
        scheduler: str | None,
        progress: bool | None,
        corrections: str | None,
    ) -> int:
        """Parse files, folders, glob patterns or zip files into an archive."""
        if settings().verbosity < 0 and progress is None:
            progress = False
        return run_ingest(
            paths,
            db,
            workers=workers,
            batch=batch,
            progress=progress,
            scheduler=scheduler,
            corrections=corrections,
            lang=settings().lang,
        )

    @group.command(
        short_help="Who acted on a directive, with lags and open tasks.",
        epilog=example(
            "vbdieuhanh followup 29/CV-BCĐQG --db archive.db",
            "vbdieuhanh followup 29/CV-BCĐQG -f xlsx -o followup.xlsx --html followup.html",
            "vbdieuhanh followup 3740/QĐ-BTC --as-of 03/12/2025 --xlsx 3740.xlsx",
            "vbdieuhanh followup 16/KH-MTTQ-BTT --issuer 'mat tran xa ta nung'",
        ),
    )
    @click.argument("ref")
    @listing
    @click.option("--html", metavar="FILE", help="also write a self-contained HTML report here")
    @click.option(
        "--xlsx",
        metavar="FILE",
        help="also write an Excel workbook here (responses, tasks × bodies, documents)",
    )
    @click.option(
        "--as-of",
        metavar="DATE",
        help="judge deadlines on this date (dd/mm/yyyy or yyyy-mm-dd) [default: today]",
    )
    @click.option(
        "--depth", metavar="N", default="2", help="follow implementing documents this deep (0 or more)"
    )
    @click.option("--issuer", metavar="NAME", help="of the documents with this number, the one of this body")
    @click.option(
        "--date",
        metavar="DATE",
        help="of the documents with this number, the one of this date (dd/mm/yyyy, yyyy-mm…)",
    )
    def followup(
        ref: str,
        db: str,
        fmt: str,
        out: str | None,
        html: str | None,
        xlsx: str | None,
        as_of: str | None,
        depth: str,
        issuer: str | None,
        date: str | None,
    ) -> int:
        """Who acted on a directive (number-symbol, document id or content hash), with lags and open tasks."""
        from .exports import parse_day, parse_depth

        check_xlsx_target(fmt, out)
        return run_followup(
            ref,
            db,
            fmt=fmt,
            out=out,
            html=html,
            xlsx=xlsx,
            as_of=parse_day(as_of) if as_of else None,
            depth=parse_depth(depth),
            issuer=issuer,
            date=parse_day(date, "--date") if date else None,
            lang=settings().lang,
        )

    @group.command(
        short_help="Find documents by words (accents optional), issuer, place, date.",
        epilog=example(
            "vbdieuhanh search hiến máu --db archive.db",
            "vbdieuhanh search hien mau --province 'kien giang' --from 2021 --to 31/12/2021 -f csv",
        ),
    )
    @click.argument("words", nargs=-1, required=True)
    @listing
    @click.option("--issuer", metavar="NAME", help="the issuing body, any spelling ('SYT Kiên Giang')")
    @click.option("--province", metavar="NAME", help="the province ('Kiên Giang', 'kien giang')")
    @click.option("--type", "doc_type", metavar="TYPE", help="document type ('Công văn', 'Kế hoạch')")
    @click.option(
        "--from", "date_from", metavar="DATE", help="issued on or after (dd/mm/yyyy, yyyy-mm-dd, yyyy)"
    )
    @click.option(
        "--to", "date_to", metavar="DATE", help="issued on or before (dd/mm/yyyy, yyyy-mm-dd, yyyy)"
    )
    @click.option("--limit", type=click.IntRange(min=1), default=50, help="at most this many documents")
    def search(
        words: tuple[str, ...],
        db: str,
        fmt: str,
        out: str | None,
        issuer: str | None,
        province: str | None,
        doc_type: str | None,
        date_from: str | None,
        date_to: str | None,
        limit: int,
    ) -> int:
        """Find documents by the words of their subject, text or tasks (with or without accents)."""
        from .exports import parse_day

        check_xlsx_target(fmt, out)
        return run_search(
            " ".join(words),
            db,
            fmt=fmt,
            out=out,
            issuer=issuer,
            province=province,
            doc_type=doc_type,
            date_from=parse_day(date_from, "--from") if date_from else None,
            date_to=parse_day(date_to, "--to") if date_to else None,
            limit=limit,
            lang=settings().lang,
        )

    @group.command(
        epilog=example("vbdieuhanh tasks --assignee 'Ủy ban nhân dân tỉnh Lai Châu' --db archive.db -f csv")
    )
    @click.option("--assignee", required=True, help="the body, e.g. 'Ủy ban nhân dân tỉnh Lai Châu'")
    @listing
    @click.option(
        "--as-of",
        metavar="DATE",
        help="judge deadlines on this date (dd/mm/yyyy or yyyy-mm-dd) [default: today]",
    )
    def tasks(assignee: str, db: str, fmt: str, out: str | None, as_of: str | None) -> int:
        """What a body was told to do."""
        from .exports import parse_day

        check_xlsx_target(fmt, out)
        return run_tasks(
            assignee, db, fmt=fmt, out=out, as_of=parse_day(as_of) if as_of else None, lang=settings().lang
        )

    @group.group(context_settings={"help_option_names": ["-h", "--help"]})
    def graph() -> None:
        """The task-tracking graph."""

    @graph.command(
        "export",
        epilog=example(
            "vbdieuhanh graph export -f graphml -o archive.graphml --db archive.db",
            "vbdieuhanh graph export -f csv -o graph/ --db archive.db",
        ),
    )
    @db_option
    @click.option("-f", "--format", "fmt", type=click.Choice(["graphml", "json", "csv"]), required=True)
    @click.option("-o", "--out", required=True, help="a file (graphml, json) or a folder (csv)")
    @common
    def graph_export(db: str, fmt: str, out: str) -> int:
        """Write the graph for another tool."""
        return run_graph_export(db, fmt, out, lang=settings().lang)

    @group.command(epilog=example("vbdieuhanh indicators --province 'Lai Châu' --what 'đơn vị máu' -f csv"))
    @listing
    @click.option("--province")
    @click.option("--what", help="words of the measure, e.g. 'đơn vị máu'")
    def indicators(db: str, fmt: str, out: str | None, province: str | None, what: str | None) -> int:
        """Results and targets from reports and news."""
        check_xlsx_target(fmt, out)
        return run_indicators(db, fmt=fmt, out=out, province=province, what=what, lang=settings().lang)

    @group.command(epilog=example("vbdieuhanh stats --db archive.db", "vbdieuhanh stats -f table"))
    @db_option
    @format_option(FORMATS, "json")
    @out_option()
    @common
    def stats(db: str, fmt: str, out: str | None) -> int:
        """What the archive holds."""
        check_xlsx_target(fmt, out)
        return run_stats(db, fmt=fmt, out=out, lang=settings().lang)

    @group.command(
        epilog=example("vbdieuhanh failures --db archive.db", "vbdieuhanh failures --run 2 -f csv")
    )
    @listing
    @click.option("--run", type=int, help="run number [default: the last]")
    def failures(db: str, fmt: str, out: str | None, run: int | None) -> int:
        """Files an ingest run could not store, with the cause."""
        check_xlsx_target(fmt, out)
        return run_failures(db, fmt=fmt, out=out, run=run, lang=settings().lang)
