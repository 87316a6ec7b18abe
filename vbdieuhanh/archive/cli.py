"""The archive commands, plugged into ``vbdieuhanh`` by ``register``; each is one library call.

    vbdieuhanh ingest PATH… [--db URL] [--workers N] [--scheduler tcp://…] [--corrections FILE]
    vbdieuhanh followup NUMBER_OR_ID [--db URL] [--format table|json|csv] [--html report.html]
    vbdieuhanh tasks --assignee NAME [--db URL] [--format …]
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
    from .output import format_followup
    from .report_html import write_report

    with open_archive(args.db, create=False) as archive:
        followup = archive.followup(args.ref, as_of=args.as_of, depth=args.depth)
    sys.stdout.write(format_followup(followup, args.format))
    if args.html:
        print(f"vbdieuhanh: wrote {write_report(followup, args.html)}", file=sys.stderr)
    return 0


def _cmd_tasks(args: argparse.Namespace) -> int:
    from .output import format_assignments

    with open_archive(args.db, create=False) as archive:
        rows = archive.tasks(args.assignee, as_of=args.as_of)
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
    followup.add_argument("--as-of", help="judge deadlines on this date (YYYY-MM-DD; default: today)")
    followup.add_argument("--depth", type=int, default=2, help="follow implementing documents this deep")
    followup.set_defaults(func=_cmd_followup)

    tasks = commands.add_parser("tasks", help="what a body was told to do")
    tasks.add_argument("--assignee", required=True, help="the body, e.g. 'Ủy ban nhân dân tỉnh Lai Châu'")
    _db(tasks)
    _fmt(tasks)
    tasks.add_argument("--as-of", help="judge deadlines on this date (YYYY-MM-DD; default: today)")
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
