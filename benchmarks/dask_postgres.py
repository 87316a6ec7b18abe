"""The Dask ingest into PostgreSQL, measured: documents/s, CPU and database time per document, size
on disk per document, peak memory, and where the time goes.

    python benchmarks/dask_postgres.py [--docs 50000] [--batch 128] [--url postgresql://…] [--json out.json]

Without ``--url`` it starts a throwaway PostgreSQL cluster (tests/archive/pgcluster.py: initdb and
pg_ctl, loopback, as the ``postgres`` user when root) with the server's default durability (fsync on,
synchronous_commit on), pg_stat_statements and track_io_timing; with ``--url`` it uses that server
(a new schema in it; the server's CPU is then not measured). It writes ``--docs`` letters made from
real material (benchmarks/ingest.py's corpus: national directives, the provinces' answers citing
them, real Bình Dương numbers and subjects) into a temporary folder, and runs the project's Dask
ingest (``ingest(..., client=...)``, what ``vbdieuhanh ingest --scheduler`` runs) on
``LocalCluster(n_workers=2, threads_per_worker=1)``.

How each figure is measured:

- documents/s and wall time: the ``ingest`` call alone (not the corpus, not the cluster's start);
- worker time: each worker's ``process`` (read, hash, the stored-bytes check, parse, prepare) and
  ``write`` (one document's transaction, from the worker's side: its own CPU, and the rest, waiting
  for the database) are wrapped with wall and thread-CPU clocks; ``task`` is the whole
  ``ingest_batch``; a worker's idle time is the wall time it did not spend in a task (waiting for the
  scheduler to hand it the next batch);
- CPU time: getrusage of each worker process, of this process (the client and the scheduler), and
  of the PostgreSQL server (its processes' utime + stime from /proc, live and reaped);
- database time: pg_stat_statements' execution time of every statement (COMMIT's wait for the WAL
  flush included) and pg_stat_database's active_time, per document; the WAL written;
- size: pg_database_size after the ingest minus before (an empty archive), per stored document, and
  the archive's tables with their indexes;
- peak memory: the largest ru_maxrss of the workers and of this process.

The ``bottleneck`` block divides the CPU per document between parse, the workers' writing, the
server and the scheduler, and sets the measured rate against what the 2 CPUs could give.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "archive"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest import generate  # noqa: E402  (benchmarks/ingest.py: the same corpus)
from pgcluster import Cluster, schema_url  # noqa: E402

from vbdieuhanh.archive import open_archive  # noqa: E402
from vbdieuhanh.archive.dask_ingest import DASK_BATCH  # noqa: E402
from vbdieuhanh.archive.ingest import ingest  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def install_timers(dask_worker: Any) -> None:
    """On a worker: wrap the Dask ingest's task, parse and write steps with wall and CPU clocks."""
    from vbdieuhanh.archive import dask_ingest

    totals = dask_worker.vbdh_timers = {"documents": 0}

    def timed(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                totals[f"{name}_wall"] = totals.get(f"{name}_wall", 0) + time.perf_counter() - wall
                totals[f"{name}_cpu"] = totals.get(f"{name}_cpu", 0) + time.thread_time() - cpu
                totals[f"{name}_calls"] = totals.get(f"{name}_calls", 0) + 1

        return wrapper

    for name, attribute in (("task", "ingest_batch"), ("parse", "process"), ("write", "write")):
        setattr(dask_ingest, attribute, timed(name, getattr(dask_ingest, attribute)))


def worker_state(dask_worker: Any) -> dict[str, float]:
    """A worker's timers, CPU seconds and peak memory."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        **getattr(dask_worker, "vbdh_timers", {}),
        "cpu": usage.ru_utime + usage.ru_stime,
        "max_rss_mb": usage.ru_maxrss / 1024,
    }


def server_cpu(cluster: Cluster | None) -> float | None:
    """CPU seconds of the PostgreSQL server: the postmaster, its live processes and those it reaped."""
    if cluster is None:
        return None
    postmaster = int((cluster.data / "postmaster.pid").read_text().split()[0])
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == postmaster:  # utime stime cutime cstime
            total += sum(int(f) for f in fields[11:15]) / TICK
        elif int(fields[1]) == postmaster:
            total += sum(int(f) for f in fields[11:13]) / TICK
    return total


def database_figures(url: str) -> dict[str, Any]:
    """Counters of the archive's database: size, WAL position, statement and session times."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT pg_database_size(current_database()), pg_current_wal_lsn()::text, active_time, "
            "xact_commit, blk_read_time, blk_write_time FROM pg_stat_database "
            "WHERE datname = current_database()"
        ).fetchone()
        figures = dict(zip(("size", "wal", "active_ms", "commits", "read_ms", "write_ms"), row, strict=True))
        tables = conn.execute(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        ).fetchone()
        figures["tables"] = int(tables[0])
        try:
            statements = conn.execute(
                "SELECT query, calls, total_exec_time FROM public.pg_stat_statements "
                "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                "ORDER BY total_exec_time DESC"
            ).fetchall()
        except psycopg.Error:
            statements = None
        figures["statements"] = statements
    return figures


def reset_statistics(url: str) -> bool:
    """Zero the statement and database counters; False when pg_stat_statements is not loaded."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_stat_reset()")
        try:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA public")
            conn.execute("SELECT public.pg_stat_statements_reset()")
        except psycopg.Error:
            return False
    return True


def wal_bytes(url: str, start: str, end: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return int(conn.execute("SELECT pg_wal_lsn_diff(%s, %s)", (end, start)).fetchone()[0])


def run(args: argparse.Namespace, scratch: Path, cluster: Cluster | None, server: str) -> dict[str, Any]:
    """Generate the corpus, ingest it on a LocalCluster, and gather what was measured."""
    import distributed

    url, _ = schema_url(server)  # a schema of its own, also on a given server
    started = time.perf_counter()
    files = generate(scratch / "corpus", args.docs, 0)
    raw: dict[str, Any] = {"files": files, "corpus_seconds": time.perf_counter() - started}
    with open_archive(url):  # the empty archive: its tables are not counted as the ingest's
        pass
    raw["statements_on"] = reset_statistics(url)
    raw["db_before"], cpu_before = database_figures(url), server_cpu(cluster)
    local = distributed.LocalCluster(
        n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    client = distributed.Client(local)
    client.run(install_timers)
    workers_before = client.run(worker_state)
    main_before = resource.getrusage(resource.RUSAGE_SELF)
    raw["load_before"] = os.getloadavg()[0]
    started = time.perf_counter()
    report = ingest([str(scratch / "corpus")], url, client=client, batch=args.batch, progress=False)
    raw["seconds"] = time.perf_counter() - started
    main_after = resource.getrusage(resource.RUSAGE_SELF)
    raw["load_after"] = os.getloadavg()[0]
    raw["workers"] = [
        {k: v if k == "max_rss_mb" else v - workers_before[address].get(k, 0) for k, v in after.items()}
        for address, after in client.run(worker_state).items()
    ]
    client.close()
    local.close()  # the workers' connections end: the CPU of their server processes is reaped
    time.sleep(0.5)
    raw["db_after"], cpu_after = database_figures(url), server_cpu(cluster)
    raw["main_cpu"] = sum(
        after - before
        for after, before in zip(
            (main_after.ru_utime, main_after.ru_stime),
            (main_before.ru_utime, main_before.ru_stime),
            strict=True,
        )
    )
    raw["main_rss_mb"] = main_after.ru_maxrss / 1024
    raw["server_cpu"] = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    raw["wal"] = wal_bytes(url, raw["db_before"]["wal"], raw["db_after"]["wal"])
    return summarise(args, report, raw)


def summarise(args: argparse.Namespace, report: Any, raw: dict[str, Any]) -> dict[str, Any]:
    """The figures, per document where that is what they mean."""
    docs, seconds, workers = report.seen, raw["seconds"], raw["workers"]
    before, after = raw["db_before"], raw["db_after"]
    stored = max(report.stored + report.new_versions, 1)

    def per_doc(seconds_total: float) -> float:
        return round(seconds_total * 1000 / docs, 2)

    def total(key: str) -> float:
        return float(sum(w.get(key, 0.0) for w in workers))

    ms: dict[str, float | None] = {
        "wall_per_worker": per_doc(len(workers) * seconds),
        "parse_wall": per_doc(total("parse_wall")),
        "parse_cpu": per_doc(total("parse_cpu")),
        "write_wall": per_doc(total("write_wall")),
        "write_cpu_in_worker": per_doc(total("write_cpu")),
        "write_waiting_for_database": per_doc(total("write_wall") - total("write_cpu")),
        "task_other_wall": per_doc(total("task_wall") - total("parse_wall") - total("write_wall")),
        "worker_idle_between_tasks": per_doc(len(workers) * seconds - total("task_wall")),
        "worker_cpu": per_doc(total("cpu")),
        "client_and_scheduler_cpu": per_doc(raw["main_cpu"]),
        "server_cpu": None if raw["server_cpu"] is None else per_doc(raw["server_cpu"]),
        "server_active_time": round((after["active_ms"] - before["active_ms"]) / docs, 2),
        "server_io_time": round(
            (after["read_ms"] + after["write_ms"] - before["read_ms"] - before["write_ms"]) / docs, 3
        ),
    }
    result: dict[str, Any] = {
        "documents": docs,
        "stored": report.stored,
        "new_versions": report.new_versions,
        "unchanged": report.unchanged,
        "failed": report.failed,
        "files": raw["files"],
        "batch": args.batch or DASK_BATCH,
        "tasks": int(total("task_calls")),
        "workers": len(workers),
        "seconds": round(seconds, 1),
        "documents_per_second": round(docs / seconds, 1),
        "corpus_seconds": round(raw["corpus_seconds"], 1),
        "per_document_ms": ms,
        "commits": after["commits"] - before["commits"],
        "db_bytes_per_stored_document": round((after["size"] - before["size"]) / stored),
        "tables_bytes_per_stored_document": round((after["tables"] - before["tables"]) / stored),
        "wal_bytes_per_stored_document": round(raw["wal"] / stored),
        "db_mb": round(after["size"] / 2**20, 1),
        "worker_max_rss_mb": round(max(w["max_rss_mb"] for w in workers), 1),
        "client_and_scheduler_max_rss_mb": round(raw["main_rss_mb"], 1),
        "load_average_before": round(raw["load_before"], 2),
        "load_average_after": round(raw["load_after"], 2),
        "machine": f"{os.cpu_count()} CPUs ({_cpu_model()}), shared; Python {platform.python_version()}",
    }
    if raw["statements_on"] and after["statements"] is not None:
        ms["server_statement_time"] = round(sum(t for _, _, t in after["statements"]) / docs, 2)
        result["top_statements"] = [
            {"ms_per_document": round(t / docs, 3), "calls_per_document": round(c / docs, 2), "sql": q[:90]}
            for q, c, t in after["statements"][:8]
        ]
    result["bottleneck"] = bottleneck(ms, result["documents_per_second"])
    return result


def bottleneck(ms: dict[str, Any], rate: float) -> dict[str, Any]:
    """Where the CPU of a document goes, and the rate 2 free CPUs would give."""
    shares = {
        "parse (worker)": ms["parse_cpu"],
        "write (worker's own CPU)": ms["write_cpu_in_worker"],
        "other worker CPU (Dask, task overhead)": ms["worker_cpu"]
        - ms["parse_cpu"]
        - ms["write_cpu_in_worker"],
        "client and scheduler": ms["client_and_scheduler_cpu"],
    }
    if ms["server_cpu"] is not None:
        shares["PostgreSQL server"] = ms["server_cpu"]
    cpu = sum(shares.values())
    return {
        "cpu_ms_per_document": round(cpu, 2),
        "share": {
            k: f"{v:.2f} ms ({100 * v / cpu:.0f} %)" for k, v in sorted(shares.items(), key=lambda i: -i[1])
        },
        "documents_per_second_if_2_cpus_were_free": round(2000 / cpu, 1),
        "measured_over_that": f"{100 * rate / (2000 / cpu):.0f} %",
    }


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=50_000, help="documents to generate and ingest")
    parser.add_argument(
        "--batch", type=int, help=f"files per Dask task (the CLI's --batch; default {DASK_BATCH})"
    )
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes, one thread each")
    parser.add_argument("--url", help="a PostgreSQL server to use instead of a throwaway cluster")
    parser.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args()
    cluster = None
    if not args.url:
        cluster = Cluster(
            settings=("shared_preload_libraries=pg_stat_statements", "track_io_timing=on", "fsync=on")
        )
    server = args.url or (cluster.url() if cluster else "")
    try:
        with tempfile.TemporaryDirectory(prefix="vbdh-dask-pg-") as scratch:
            result = run(args, Path(scratch), cluster, server)
    finally:
        if cluster is not None:
            cluster.remove()
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
