"""The archive commands, plugged into ``vbdieuhanh`` by ``register``; each is one library call.

    vbdieuhanh ingest PATH… [--db URL] [--workers N] [--scheduler tcp://…] [--corrections FILE]
    vbdieuhanh followup NUMBER_OR_ID [--db URL] [--format table|json|csv] [--html report.html]
        [--xlsx report.xlsx] [--as-of dd/mm/yyyy] [--depth N] [--issuer NAME] [--date DATE]
    vbdieuhanh tasks --assignee NAME [--db URL] [--format …]
    vbdieuhanh search WORDS… [--issuer] [--province] [--type] [--from] [--to] [--format …]
    vbdieuhanh graph export --format graphml|json|csv --out PATH [--db URL]
    vbdieuhanh indicators | stats | failures [--db URL]

``--db`` defaults to ``$VBDH_DB`` or ``vbdieuhanh.db`` (an SQLite file; no server to start).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from .api import open_archive
from .store import DEFAULT_URL

SHOWN_FAILURES = 20


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=os.environ.get("VBDH_DB", DEFAULT_URL),
        help="archive: a file path or postgresql://… URL",
    )


def _fmt(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")


def _cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest

    report = ingest(
        args.paths,
        args.db,
        workers=args.workers,
        batch=args.batch,
        progress=args.progress,
        scheduler=args.scheduler,
        command="ingest " + " ".join(args.paths),
        corrections=args.corrections,
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
        print(f"  … all {report.failed}: vbdieuhanh failures --db {args.db}", file=sys.stderr)
    return 0 if report.ok else 1


def _cmd_followup(args: argparse.Namespace) -> int:
    from .exports import parse_day, parse_depth

    return run_followup(
        args.db, args.ref, fmt=args.format,
        as_of=parse_day(args.as_of) if args.as_of else None, depth=parse_depth(str(args.depth)),
        issuer=args.issuer, date=parse_day(args.date, "--date") if args.date else None,
        html=args.html, xlsx=getattr(args, "xlsx", None),
    )  # fmt: skip


def run_followup(
    db: str, ref: str, *, fmt: str = "table", as_of: str | None = None, depth: int = 2,
    issuer: str | None = None, date: str | None = None, html: str | None = None, xlsx: str | None = None,
) -> int:  # fmt: skip
    """The follow-up command without its argument parsing (ISO dates, a checked depth)."""
    from .output import format_followup
    from .report_html import write_report

    with open_archive(db, create=False) as archive:
        followup = archive.followup(ref, as_of=as_of, depth=depth, issuer=issuer, date=date)
    sys.stdout.write(format_followup(followup, fmt))
    if html:
        print(f"vbdieuhanh: wrote {write_report(followup, html)}", file=sys.stderr)
    if xlsx:
        from .exports import write_xlsx

        print(f"vbdieuhanh: wrote {write_xlsx(followup, xlsx)}", file=sys.stderr)
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    from .exports import parse_day

    return run_search(
        args.db, " ".join(args.words), fmt=args.format, issuer=args.issuer, province=args.province,
        doc_type=args.type, date_from=parse_day(args.date_from, "--from") if args.date_from else None,
        date_to=parse_day(args.date_to, "--to") if args.date_to else None, limit=args.limit,
    )  # fmt: skip


def run_search(db: str, words: str, *, fmt: str = "table", limit: int = 50, **filters: Any) -> int:
    """The search command without its argument parsing."""
    from .output import format_hits

    with open_archive(db, create=False) as archive:
        hits = archive.search(words, limit=limit, **filters)
    sys.stdout.write(format_hits(hits, fmt))
    return 0


def _cmd_tasks(args: argparse.Namespace) -> int:
    from .exports import parse_day
    from .output import format_assignments

    as_of = parse_day(args.as_of) if args.as_of else None
    with open_archive(args.db, create=False) as archive:
        rows = archive.tasks(args.assignee, as_of=as_of)
    sys.stdout.write(format_assignments(rows, args.format))
    return 0


def _cmd_graph_export(args: argparse.Namespace) -> int:
    with open_archive(args.db, create=False) as archive:
        path = archive.export_graph(args.out, args.format)
    print(f"vbdieuhanh: wrote {path}", file=sys.stderr)
    return 0


def _cmd_indicators(args: argparse.Namespace) -> int:
    from .output import format_records

    with open_archive(args.db, create=False) as archive:
        rows = archive.indicators(province=args.province, what=args.what)
    sys.stdout.write(format_records(rows, args.format, "indicators"))
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    with open_archive(args.db, create=False) as archive:
        json.dump(archive.stats(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _cmd_failures(args: argparse.Namespace) -> int:
    from .output import format_records
    from .queries import failures

    with open_archive(args.db, create=False) as archive:
        rows = failures(archive.store, args.run)
    sys.stdout.write(format_records(rows, args.format, "failures"))
    return 0


def register(commands: Any) -> None:
    """Add the archive commands to the ``vbdieuhanh`` parser's subcommands."""
    ingest = commands.add_parser("ingest", help="parse files, folders, globs or zip files into an archive")
    ingest.add_argument("paths", nargs="+", help="files, folders, glob patterns or zip files")
    _db(ingest)
    ingest.add_argument(
        "--workers", type=int, default=None, help="parsing processes (default: CPUs; 0: none)"
    )
    ingest.add_argument("--batch", type=int, default=16, help="files per worker task")
    ingest.add_argument("--scheduler", help="run on this Dask scheduler (tcp://host:8786)")
    ingest.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: on a terminal)",
    )
    ingest.add_argument(
        "--corrections",
        metavar="FILE",
        help="a corrections file saved from 'vbdieuhanh review', applied on top of the parsed records",
    )
    ingest.set_defaults(func=_cmd_ingest)

    followup = commands.add_parser("followup", help="who acted on a directive, with lags and open tasks")
    followup.add_argument("ref", help="number-symbol ('29/CV-BCĐQG'), document id or content hash")
    _db(followup)
    _fmt(followup)
    followup.add_argument("--html", help="also write a self-contained HTML report here")
    followup.add_argument(
        "--xlsx", help="also write an Excel workbook here (responses, tasks × bodies, documents)"
    )
    followup.add_argument(
        "--as-of", help="judge deadlines on this date (dd/mm/yyyy or yyyy-mm-dd; default: today)"
    )
    followup.add_argument("--depth", default="2", help="follow implementing documents this deep (0 or more)")
    followup.add_argument("--issuer", help="of the documents with this number, the one of this body")
    followup.add_argument("--date", help="of the documents with this number, the one of this date")
    followup.set_defaults(func=_cmd_followup)

    search = commands.add_parser(
        "search", help="find documents by words (accents optional), issuer, place, date"
    )
    search.add_argument(
        "words", nargs="+", help="words of the subject, text or tasks: 'hiến máu', 'hien mau'"
    )
    _db(search)
    _fmt(search)
    search.add_argument("--issuer", help="the issuing body, any spelling ('SYT Kiên Giang')")
    search.add_argument("--province", help="the province ('Kiên Giang', 'kien giang')")
    search.add_argument("--type", help="document type ('Công văn', 'Kế hoạch')")
    search.add_argument("--from", dest="date_from", help="issued on or after (dd/mm/yyyy, yyyy-mm-dd, yyyy)")
    search.add_argument("--to", dest="date_to", help="issued on or before (dd/mm/yyyy, yyyy-mm-dd, yyyy)")
    search.add_argument("--limit", type=int, default=50, help="at most this many documents")
    search.set_defaults(func=_cmd_search)

    tasks = commands.add_parser("tasks", help="what a body was told to do")
    tasks.add_argument("--assignee", required=True, help="the body, e.g. 'Ủy ban nhân dân tỉnh Lai Châu'")
    _db(tasks)
    _fmt(tasks)
    tasks.add_argument(
        "--as-of", help="judge deadlines on this date (dd/mm/yyyy or yyyy-mm-dd; default: today)"
    )
    tasks.set_defaults(func=_cmd_tasks)

    graph = commands.add_parser("graph", help="the task-tracking graph")
    graph_commands = graph.add_subparsers(dest="graph_command", required=True)
    export = graph_commands.add_parser("export", help="write the graph for another tool")
    _db(export)
    export.add_argument("--format", choices=("graphml", "json", "csv"), required=True)
    export.add_argument("--out", required=True, help="a file (graphml, json) or a folder (csv)")
    export.set_defaults(func=_cmd_graph_export)

    indicators = commands.add_parser("indicators", help="results and targets from reports and news")
    _db(indicators)
    _fmt(indicators)
    indicators.add_argument("--province")
    indicators.add_argument("--what", help="words of the measure, e.g. 'đơn vị máu'")
    indicators.set_defaults(func=_cmd_indicators)

    stats = commands.add_parser("stats", help="what the archive holds (JSON)")
    _db(stats)
    stats.set_defaults(func=_cmd_stats)

    failures = commands.add_parser("failures", help="files an ingest run could not store, with the cause")
    _db(failures)
    _fmt(failures)
    failures.add_argument("--run", type=int, help="run number (default: the last)")
    failures.set_defaults(func=_cmd_failures)
