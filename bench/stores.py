"""Side by side: the same corpus loaded into the embedded ArcadeDB and a Neo4j 5 server in one run.

    .venv/bin/python bench/stores.py [--copies N] [--heap 1g] [--json]

The corpus is bench/load.py's (the seed plans replicated N times as distinct
documents). Neo4j is the Community server of tests/neo4j (Maven Central artifacts;
needs Java 17+ and Maven), started the way the tests start it. Both servers get the
same JVM heap; Neo4j also gets a 256 MB page cache (off heap).

Both stores are open at once and every step alternates between them (document by
document for the load, run by run for the queries), so both see the same machine
load. Each store first loads and deletes a few warm-up documents, so the timed phase
sees a JIT-compiled server. Printed per store: open time, load time, documents/s,
elements/s (nodes + relationships in the final graph over the load time), the median
of each headline query (the ones ``policykg demo`` prints, QUERY_RUNS runs each) and
the server's peak RSS (VmHWM), with the Neo4j / ArcadeDB ratio of each; and whether
the two graphs are identical (``graph.fingerprint``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import neo4j_local  # noqa: E402  (tests/neo4j_local.py)
from load import make_corpus, server_hwm_mb  # noqa: E402  (bench/load.py)

from policykg.cli.headlines import HEADLINES  # noqa: E402
from policykg.graph.embedded import status  # noqa: E402
from policykg.graph.fingerprint import graph_fingerprint  # noqa: E402
from policykg.kg import KnowledgeGraph  # noqa: E402

DEFAULT_COPIES = 10
WARM_COPIES = 1
QUERY_RUNS = 20
STORES = ("arcadedb", "neo4j")


def _timed_open(spec: str, heap: str) -> tuple[KnowledgeGraph, float]:
    started = time.perf_counter()
    kg = KnowledgeGraph.open(spec, heap=heap)
    kg.ensure_schema()
    return kg, time.perf_counter() - started


def run(copies: int, heap: str, work: Path) -> dict[str, Any]:
    docs = make_corpus(work / "corpus", range(WARM_COPIES, WARM_COPIES + copies))
    warm = make_corpus(work / "warm", range(WARM_COPIES))
    figures: dict[str, dict[str, Any]] = {name: {} for name in STORES}
    started = time.perf_counter()
    server = neo4j_local.start(work / "neo4j", heap=heap)
    figures["neo4j"]["server_start_s"] = time.perf_counter() - started
    os.environ.update(NEO4J_PASSWORD=server.password, NEO4J_USER="neo4j", NEO4J_DATABASE="neo4j")
    kgs: dict[str, KnowledgeGraph] = {}
    try:
        kgs["arcadedb"], figures["arcadedb"]["open_s"] = _timed_open(str(work / "arcadedb"), heap)
        kgs["neo4j"], figures["neo4j"]["open_s"] = _timed_open(server.uri, heap)
        pids = {"arcadedb": status(work / "arcadedb").pid, "neo4j": server.pid}
        for kg in kgs.values():
            ids = [r.doc_id for r in kg.load(warm) if r.ok and r.doc_id]
            for doc_id in ids:
                kg.delete_document(doc_id)

        load_s = dict.fromkeys(STORES, 0.0)
        failed = dict.fromkeys(STORES, 0)
        for k, path in enumerate(docs):
            for name in (STORES if k % 2 == 0 else STORES[::-1]):
                t0 = time.perf_counter()
                result = kgs[name].load([path])[0]
                load_s[name] += time.perf_counter() - t0
                failed[name] += not result.ok

        for name, kg in kgs.items():
            stats = kg.counts()
            elements = sum(stats["nodes"].values()) + sum(stats["relationships"].values())
            figures[name].update(load_s=load_s[name], failed=failed[name], docs_per_s=len(docs) / load_s[name],
                                 elements=elements, elements_per_s=elements / load_s[name])

        for title, query, params, _ in HEADLINES:
            runs: dict[str, list[float]] = {name: [] for name in STORES}
            answers: dict[str, Any] = {}
            for _ in range(QUERY_RUNS):
                for name, kg in kgs.items():
                    t0 = time.perf_counter()
                    answers[name] = kg.query_rows(query, dict(params))
                    runs[name].append(time.perf_counter() - t0)
            for name in STORES:
                figures[name].setdefault("queries_ms", {})[title] = statistics.median(runs[name]) * 1000
            figures["neo4j"].setdefault("same_answers", {})[title] = answers["neo4j"] == answers["arcadedb"]

        prints = {name: graph_fingerprint(kg.store) for name, kg in kgs.items()}
        for name in STORES:
            figures[name]["peak_rss_mb"] = server_hwm_mb(pids[name])
        same_graph = prints["arcadedb"] == prints["neo4j"]
    finally:
        for kg in kgs.values():
            kg.close()
        server.stop()
    return {"copies": copies, "documents": len(docs), "heap": heap, "same_graph": same_graph, **figures}


def report(res: dict[str, Any]) -> str:
    a, n = res["arcadedb"], res["neo4j"]

    def row(label: str, x: float | None, y: float | None, fmt: str) -> str:
        ratio = f"{y / x:.2f}x" if x and y else "-"
        show = lambda v: "-" if v is None else format(v, fmt)  # noqa: E731
        return f"| {label} | {show(x)} | {show(y)} | {ratio} |"

    lines = [
        f"{res['documents']} documents ({res['copies']} copies of the seeds), heap {res['heap']} each; "
        f"graphs identical: {res['same_graph']}; Neo4j server start {n['server_start_s']:.1f} s",
        "",
        "| figure | ArcadeDB (embedded) | Neo4j 5 | Neo4j / ArcadeDB |",
        "|---|---|---|---|",
        row("open + schema, s", a["open_s"], n["open_s"], ".1f"),
        row("load, s", a["load_s"], n["load_s"], ".1f"),
        row("documents/s", a["docs_per_s"], n["docs_per_s"], ".2f"),
        row("elements/s", a["elements_per_s"], n["elements_per_s"], ",.0f"),
    ]
    for title in a["queries_ms"]:
        same = "" if n["same_answers"][title] else " (answers differ!)"
        lines.append(row(f"{title}, median ms{same}", a["queries_ms"][title], n["queries_ms"][title], ".1f"))
    lines.append(row("server peak RSS, MB", a["peak_rss_mb"], n["peak_rss_mb"], ",.0f"))
    lines.append(f"\nfailed loads: ArcadeDB {a['failed']}, Neo4j {n['failed']}; elements {a['elements']:,} / {n['elements']:,}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--copies", type=int, default=DEFAULT_COPIES, help="copies of each seed (default %(default)s)")
    parser.add_argument("--heap", default="1g", help="JVM heap of each server (default %(default)s)")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = parser.parse_args(argv)
    if args.copies < 1:
        parser.error("--copies must be at least 1")
    try:
        neo4j_local.tools()
    except neo4j_local.Unavailable as exc:
        print(f"no Neo4j to compare with: {exc}", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="policykg-stores-"))
    try:
        res = run(args.copies, args.heap, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(report(res))
    if args.json:
        print(json.dumps(res, ensure_ascii=False))
    return 0 if res["same_graph"] else 1


if __name__ == "__main__":
    sys.exit(main())
