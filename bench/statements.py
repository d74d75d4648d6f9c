"""Where a document's write spends its time, statement by statement, on ArcadeDB and on Neo4j.

    .venv/bin/python bench/statements.py [--warm N] [--docs N] [--top 25]

bench/stores.py gives the totals; this splits them. Each store (both JVMs at a 1 GB
heap, Neo4j from tests/neo4j) first loads ``--warm`` documents of bench/load.py's
corpus, then the next ``--docs`` are written the way ``write_extraction`` writes them
(continuity read first, then one managed transaction), timing the continuity read,
each statement (summed by its text) and the whole transaction, commit included.
Printed: milliseconds per statement text, ArcadeDB then Neo4j, slowest on Neo4j first.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, LiteralString, cast

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import neo4j_local  # noqa: E402  (tests/neo4j_local.py)
from load import make_corpus  # noqa: E402  (bench/load.py)
from neo4j import ManagedTransaction  # noqa: E402

from policykg.graph.continuity import continuity_statements  # noqa: E402
from policykg.graph.mapping import to_graph_rows  # noqa: E402
from policykg.graph.writer import write_statements  # noqa: E402
from policykg.kg import KnowledgeGraph  # noqa: E402
from policykg.loaders import extract_file  # noqa: E402


def profile(kg: KnowledgeGraph, warm: list[Path], docs: list[Path]) -> dict[str, float]:
    kg.ensure_schema()
    kg.load(warm)
    times: dict[str, float] = collections.defaultdict(float)
    for path in docs:
        rows = to_graph_rows(extract_file(path))
        t0 = time.perf_counter()
        statements = write_statements(rows) + continuity_statements(kg.store, rows)
        times["(continuity read)"] += time.perf_counter() - t0

        def work(tx: ManagedTransaction, statements: Any = statements) -> None:
            for text, params in statements:
                t1 = time.perf_counter()
                tx.run(cast(LiteralString, text), params).consume()
                times[text] += time.perf_counter() - t1

        t0 = time.perf_counter()
        kg.store.write_unit(work)
        times["(whole transaction, commit included)"] += time.perf_counter() - t0
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--warm", type=int, default=10, help="documents loaded first (default %(default)s)")
    parser.add_argument("--docs", type=int, default=10, help="documents timed (default %(default)s)")
    parser.add_argument("--top", type=int, default=25, help="statement texts printed (default %(default)s)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="policykg-statements-"))
    try:
        corpus = make_corpus(work / "corpus", range((args.warm + args.docs + 4) // 5))
        warm, docs = corpus[:args.warm], corpus[args.warm:args.warm + args.docs]
        out: dict[str, dict[str, float]] = {}
        with neo4j_local.start(work / "neo4j") as server:
            os.environ.update(NEO4J_PASSWORD=server.password, NEO4J_USER="neo4j", NEO4J_DATABASE="neo4j")
            for name, spec in (("arcadedb", str(work / "arcadedb")), ("neo4j", server.uri)):
                with KnowledgeGraph.open(spec, heap="1g") as kg:
                    out[name] = profile(kg, warm, docs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"ms over {len(docs)} documents after {len(warm)} warm-up | ArcadeDB | Neo4j | statement")
    for text in sorted(out["neo4j"], key=lambda k: -out["neo4j"][k])[:args.top]:
        print(f"{out['arcadedb'].get(text, 0) * 1000:8.0f} {out['neo4j'][text] * 1000:8.0f}  {text[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
