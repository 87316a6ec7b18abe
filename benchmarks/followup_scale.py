"""Follow-up and search latency on a 100k-document archive built by direct row inserts (SQLite).
Targets: follow-up ≤ 100 ms median, search ≤ 200 ms median.

    python benchmarks/followup_scale.py [--documents 100000] [--db /tmp/vbdh-scale.db] [--queries 30]

Unlike benchmarks/followup.py (the real ingest, ~10 minutes), this writes the rows the ingest would
write (documents, bodies, ISSUED_BY / CITES / ASSIGNED_TO edges, tasks, the folded search text) in a
minute: 1 directive in 200, each answered by up to 63 provincial people's committees; subjects and
texts mix words of real subjects. It times ``Archive.followup`` on random directives and
``Archive.search`` for two-word queries with and without accents, with a province or a year filter.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from vbdieuhanh.archive import open_archive
from vbdieuhanh.archive.migrations import now
from vbdieuhanh.archive.prepare import fold_search
from vbdieuhanh.lexicon import provinces

_PHRASES = (
    "hiến máu tình nguyện phòng chống dịch bệnh cải cách hành chính chuyển đổi số an toàn giao thông "
    "thủ tục hành chính đầu tư công giải ngân vốn xây dựng nông thôn mới giáo dục đào tạo y tế cơ sở "
    "bảo hiểm xã hội tài nguyên môi trường thiên tai phòng cháy chữa cháy kiểm tra giám sát báo cáo"
)
WORDS = _PHRASES.split()
QUERIES = ["hiến máu", "hien mau", "chuyển đổi số", "giai ngan von", "phòng cháy", "nong thon moi"]


def build(db: str, documents: int) -> list[str]:
    rng = random.Random(9)
    names = sorted({p.name for p in provinces() if p.period == "legacy"})
    with open_archive(db) as archive:
        store, at = archive.store, now()
        bodies = [(f"ủy ban nhân dân tỉnh {p.lower()}", f"Ủy ban nhân dân tỉnh {p}", p) for p in names]
        rows = [
            (k, n, p, "province", "ủy ban nhân dân", "body", 0, None, None, None, at) for k, n, p in bodies
        ]
        rows.append(("bộ y tế", "Bộ Y tế", None, "central", "bộ", "body", 0, None, None, None, at))
        group = ("ủy ban nhân dân các tỉnh", "Ủy ban nhân dân các tỉnh", None, "central", "ủy ban nhân dân")
        rows.append((*group, "body", 1, "ủy ban nhân dân", "province", None, at))
        store.executemany(
            "INSERT INTO agencies (id, name, province, level, head, kind, collective, stem, member_level, "
            "dissolved_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        directives: list[str] = []
        docs, edges, tasks, texts = [], [], [], []
        for i in range(documents):
            subject = " ".join(rng.sample(WORDS, 6))
            text = " ".join(rng.choices(WORDS, k=120))
            if i % 200 == 0:
                number = f"{i // 200 + 1}/CV-BYT"
                issued = f"2021-{1 + i % 6:02d}-{1 + i % 27:02d}"
                doc_id = f"{number}|{issued}|bộ y tế"
                directives.append(number)
                docs.append((doc_id, "Công văn", number, number, issued, "bộ y tế", None, subject))
                edges.append((f"doc:{doc_id}", "agency:bộ y tế", "ISSUED_BY", doc_id))
                for t in range(1, 6):
                    task_id = f"{doc_id}#{t}"
                    tasks.append((task_id, doc_id, str(t), t, f"Nhiệm vụ {t}: {subject}"))
                    edges.append((f"doc:{doc_id}", f"task:{task_id}", "HAS_TASK", doc_id))
                    edges.append(
                        (f"task:{task_id}", "agency:ủy ban nhân dân các tỉnh", "ASSIGNED_TO", doc_id)
                    )
                target = doc_id
            else:
                key, _, province = bodies[i % len(bodies)]
                number = f"{i}/UBND-VX"
                issued = f"2021-{7 + i % 6:02d}-{1 + i % 27:02d}"
                doc_id = f"{number}|{issued}|{key}"
                docs.append((doc_id, "Công văn", number, number, issued, key, province, subject))
                edges.append((f"doc:{doc_id}", f"agency:{key}", "ISSUED_BY", doc_id))
                if i % 200 <= len(bodies):
                    edges.append((f"doc:{doc_id}", f"doc:{target}", "CITES", doc_id))
            texts.append((doc_id, fold_search(subject + "\n" + text)))

        def write() -> None:
            store.executemany(
                "INSERT INTO documents (id, status, doc_type, number_symbol, ns_key, issue_date, issuer_id, "
                "province, subject, versions, updated_at) VALUES (?, 'stored', ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                [(*d, at) for d in docs],
            )
            store.executemany("INSERT INTO edges (src, dst, type, document_id) VALUES (?, ?, ?, ?)", edges)
            store.executemany(
                "INSERT INTO tasks (id, document_id, path, position, text) VALUES (?, ?, ?, ?, ?)", tasks
            )
            store.executemany("INSERT INTO search_text (document_id, folded) VALUES (?, ?)", texts)

        store.atomic(write)
        return directives


def timed(call, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for i in range(count):
        start = time.perf_counter()
        call(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/vbdh-scale.db")
    parser.add_argument("--queries", type=int, default=30)
    args = parser.parse_args()
    for suffix in ("", "-wal", "-shm"):
        Path(args.db + suffix).unlink(missing_ok=True)
    start = time.perf_counter()
    directives = build(args.db, args.documents)
    print(f"built {args.documents} documents in {time.perf_counter() - start:.0f} s")
    rng = random.Random(3)
    with open_archive(args.db, create=False) as archive:
        follow = timed(lambda i: archive.followup(rng.choice(directives), as_of="2022-01-01"), args.queries)
        responses = len(archive.followup(directives[0], as_of="2022-01-01").responses)
        filters = [{}, {"province": "kien giang"}, {"date_from": "2021-08", "date_to": "2021-09"}]
        search = timed(lambda i: archive.search(QUERIES[i % 6], **filters[i % 3], limit=50), args.queries)
        hits = len(archive.search("hien mau", limit=50))
    for name, values, extra in (
        ("followup", follow, f"{responses} responses"),
        ("search", search, f"{hits} hits"),
    ):
        values.sort()
        p95 = values[int(len(values) * 0.95) - 1]
        median = statistics.median(values)
        print(f"{name}: median {median:.1f} ms, p95 {p95:.1f} ms, max {values[-1]:.1f} ms ({extra})")


if __name__ == "__main__":
    main()
