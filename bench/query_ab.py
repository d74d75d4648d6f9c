"""A named query against a rewrite of it: same rows? which is faster? ``python bench/query_ab.py STORE OLD.cypher NEW.cypher [name=value ...]``

Rewriting a query for speed must not change its answer. This runs both texts on one
store with the same parameters (bound by the new text's header, as the CLI binds
them), alternately, ``--runs`` times each, and prints whether the rows are equal
(``--unordered``: as sets, for queries that stream in no order) and each median.
``git show HEAD~1:policykg/queries/NAME.cypher > /tmp/old.cypher`` gives the old text.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from policykg.kg import KnowledgeGraph
from policykg.queries.catalogue import parse_query
from policykg.queries.runner import run_named


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("params", nargs="*", help="name=value, as --param takes them")
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--unordered", action="store_true", help="compare the rows as sets")
    args = parser.parse_args()
    params = dict(p.split("=", 1) for p in args.params)
    old, new = parse_query(args.old.read_text()), parse_query(args.new.read_text())
    times: dict[str, list[float]] = {"old": [], "new": []}
    rows: dict[str, list[dict[str, Any]]] = {}
    with KnowledgeGraph.open(args.store) as kg:
        for _ in range(args.runs):
            for label, query in (("old", old), ("new", new)):
                started = time.perf_counter()
                rows[label] = run_named(kg.store, query, params)
                times[label].append((time.perf_counter() - started) * 1000)
    a, b = rows["old"], rows["new"]
    same = sorted(map(repr, a)) == sorted(map(repr, b)) if args.unordered else a == b
    print(f"{new.name} {params}: rows {len(a)} / {len(b)}, same: {same}; median old "
          f"{statistics.median(times['old']):.1f} ms, new {statistics.median(times['new']):.1f} ms ({args.runs} runs each)")
    raise SystemExit(0 if same else 1)


if __name__ == "__main__":
    main()
