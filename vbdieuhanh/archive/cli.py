"""The archive commands, plugged into ``vbdieuhanh`` by ``register``; each is a ``run_*`` function.

    vbdieuhanh ingest PATH… [--db URL] [--workers N] [--scheduler tcp://…] [--corrections FILE]
    vbdieuhanh followup NUMBER_OR_ID [--db URL] [-f table|json|jsonl|csv|xlsx] [--html report.html]
    vbdieuhanh tasks --assignee NAME [--db URL] [-f …]
    vbdieuhanh graph export -f graphml|json|csv -o PATH [--db URL]
    vbdieuhanh indicators | stats | failures [--db URL] [-f …]

``--db`` defaults to ``$VBDH_DB`` or ``vbdieuhanh.db`` (an SQLite file; no server to start).

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
from .store import DEFAULT_URL

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
    batch: int = 16,
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
        print(f"  … all {report.failed}: vbdieuhanh failures --db {db}", file=sys.stderr)
    return 0 if report.ok else 1


FOLLOWUP_COLUMNS = (
    "section", "province", "body", "number_symbol", "issue_date", "lag_days", "relation", "task", "role",
    "status", "answered_by",
)  # fmt: skip


def run_followup(
    ref: str,
    db: str,
    *,
    fmt: str = "table",
    out: str | None = None,
    html: str | None = None,
    as_of: str | None = None,
    depth: int = 2,
    lang: str = "vi",
) -> int:
    require_extras("followup", db, lang=lang)
    from .output import followup_rows, format_followup
    from .report_html import write_report

    with _open(db) as archive:
        followup = archive.followup(ref, as_of=as_of, depth=depth)
    sheet = Sheet("followup", FOLLOWUP_COLUMNS, followup_rows(followup))
    table = format_followup(followup, "table") if fmt == "table" else None
    _emit([sheet], fmt, out, payload=followup.to_dict() if fmt == "json" else None, table=table)
    if html:
        print(message("msg_wrote", lang, path=write_report(followup, html)), file=sys.stderr)
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
    from .output import format_assignments

    with _open(db) as archive:
        rows = archive.tasks(assignee, as_of=as_of)
    data = [asdict(r) for r in rows]
    sheet = Sheet("tasks", list(TaskAssignment.__dataclass_fields__), data)
    table = format_assignments(rows, "table") if fmt == "table" else None
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
    @click.option("--batch", type=int, default=16, help="files per worker task")
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
        batch: int,
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
        ),
    )
    @click.argument("ref")
    @listing
    @click.option("--html", help="also write a self-contained HTML report here")
    @click.option("--as-of", help="judge deadlines on this date (YYYY-MM-DD) [default: today]")
    @click.option("--depth", type=int, default=2, help="follow implementing documents this deep")
    def followup(
        ref: str, db: str, fmt: str, out: str | None, html: str | None, as_of: str | None, depth: int
    ) -> int:
        """Who acted on a directive (number-symbol, document id or content hash), with lags and open tasks."""
        check_xlsx_target(fmt, out)
        return run_followup(
            ref, db, fmt=fmt, out=out, html=html, as_of=as_of, depth=depth, lang=settings().lang
        )

    @group.command(
        epilog=example("vbdieuhanh tasks --assignee 'Ủy ban nhân dân tỉnh Lai Châu' --db archive.db -f csv")
    )
    @click.option("--assignee", required=True, help="the body, e.g. 'Ủy ban nhân dân tỉnh Lai Châu'")
    @listing
    @click.option("--as-of", help="judge deadlines on this date (YYYY-MM-DD) [default: today]")
    def tasks(assignee: str, db: str, fmt: str, out: str | None, as_of: str | None) -> int:
        """What a body was told to do."""
        check_xlsx_target(fmt, out)
        return run_tasks(assignee, db, fmt=fmt, out=out, as_of=as_of, lang=settings().lang)

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
