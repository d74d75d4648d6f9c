"""A first load through neo4j-admin: ``python bench/neo4j_import.py --n 5000`` (needs Java 17+ and Maven).

Times, on the corpus of ``bench/corpus.py`` (or ``--corpus DIR``), each step of the first load a
team would run against an empty Neo4j (docs/neo4j.md):

1. ``policykg neo4j-import``'s work: extraction in the pool and the graph's rows assembled and
   written as the importer's CSV files (``loading.assemble_files``, ``graph.neo4j_import``);
2. ``neo4j-admin database import full`` on those files (``org.neo4j.cli.AdminTool`` from the class
   path of the Neo4j 5.26 server tests/neo4j builds), into a fresh database home;
3. the server started on it and policykg's schema made (constraints, indexes, the full-text index;
   Neo4j fills them from the imported data before ``ensure_schema`` returns).

Every figure is printed with the load average at its start; ``--json`` prints them as JSON too.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import corpus  # noqa: E402
import neo4j_local  # noqa: E402

from policykg.extraction import ExtractionPool, default_jobs  # noqa: E402
from policykg.graph.neo4j_import import CsvSink  # noqa: E402
from policykg.loading import assemble_files, scan_paths  # noqa: E402


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def run(files: list[Path], work: Path, jobs: int) -> dict[str, Any]:
    f: dict[str, Any] = {"files": len(files), "jobs": jobs, "load_average_start": load_average()}
    started = time.perf_counter()
    sink = CsvSink(work / "csv")
    pool = ExtractionPool(jobs)
    try:
        results = list(assemble_files(files, pool, sink))
    finally:
        pool.close()
        sink.close()
    f["assemble_s"] = time.perf_counter() - started
    f["extracted"] = sum(r.ok for r in results)
    f["csv_mb"] = sum(p.stat().st_size for p in (work / "csv").glob("*.csv")) / 1e6

    java, mvn = neo4j_local.tools()
    classpath = neo4j_local.build(mvn)
    home = work / "neo4j" / "home"
    home.mkdir(parents=True)
    f["load_average_import"] = load_average()
    started = time.perf_counter()
    done = subprocess.run([java, "-cp", classpath, "org.neo4j.cli.AdminTool", *sink.command()], capture_output=True,
                          text=True, env={**os.environ, "NEO4J_HOME": str(home)}, cwd=home, timeout=3600)
    f["import_s"] = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stdout[-3000:] + done.stderr[-3000:])
    f["import_summary"] = [line.strip() for line in done.stdout.splitlines() if line.strip().endswith(
        ("nodes", "relationships", "properties")) or "Peak memory" in line]

    from neo4j import GraphDatabase

    from policykg.graph.dialect import NEO4J
    from policykg.graph.schema import ensure_schema
    from policykg.graph.store import BoltStore

    f["load_average_schema"] = load_average()
    with neo4j_local.start(work / "neo4j") as server:
        driver = GraphDatabase.driver(server.uri, auth=("neo4j", server.password), **NEO4J.driver_options)
        store = BoltStore(driver, "neo4j", name="imported", dialect=NEO4J)
        started = time.perf_counter()
        ensure_schema(store)
        f["schema_s"] = time.perf_counter() - started
        f["nodes"] = store.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
        f["relationships"] = store.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
        store.close()
    f["load_average_end"] = load_average()
    return f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="corpus size (bench/corpus.py, seed 13)")
    parser.add_argument("--corpus", type=Path, help="an existing folder of plans instead")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="policykg-neo4j-import-") as tmp:
        work = Path(tmp)
        files = scan_paths([args.corpus]).files if args.corpus else corpus.make_corpus(args.n, work / "corpus")
        f = run(sorted(files), work, args.jobs)
    total = f["assemble_s"] + f["import_s"] + f["schema_s"]
    print(f"neo4j-admin first load of {f['extracted']:,} plans ({f['nodes']:,} nodes, {f['relationships']:,} "
          f"relationships; CSV {f['csv_mb']:.0f} MB)")
    print(f"| extraction + CSV (pool of {f['jobs']}) | {f['assemble_s']:.1f} s | load average {f['load_average_start']} |")
    print(f"| neo4j-admin database import full | {f['import_s']:.1f} s | load average {f['load_average_import']} |")
    print(f"| server on it + policykg's schema (indexes filled) | {f['schema_s']:.1f} s | load average "
          f"{f['load_average_schema']} |")
    print(f"| total | {total:.1f} s | end: {f['load_average_end']} |")
    print("importer: " + "; ".join(f["import_summary"]))
    if args.json:
        print(json.dumps(f, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
