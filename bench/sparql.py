"""SPARQL engines on the RDF view: rdflib's in-memory SPARQL against pyoxigraph, at growing sizes.

The RDF of the five seed plans is replicated under fresh IRIs (copy k of document d is a
new document with its own tasks, units and targets), so N copies stand for 5·N
documents. Each engine loads the N-Triples and runs the units-leading-most-tasks query
(the one the API test compares with Cypher). rdflib is stopped past ``--rdflib-max``
documents: at 100 documents it already takes seconds a query.

    python bench/sparql.py [--docs 100,1000,5000] [--rdflib-max 100]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from policykg.kg import KnowledgeGraph
from policykg.ontology.rdf import graph_to_rdf
from policykg.ontology.vocab import PREFIXES

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
QUERY = """
SELECT ?name (COUNT(DISTINCT ?task) AS ?tasks) WHERE {
  ?unit pkg:leads ?task ; skos:prefLabel ?name ; pkg:collective false .
  ?doc a pkg:Document ; pkg:hasTask ?task .
} GROUP BY ?unit ?name ORDER BY DESC(?tasks) LIMIT 50
"""
PREFIX_LINES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def seed_ntriples() -> str:
    with tempfile.TemporaryDirectory(prefix="policykg-bench-sparql-", ignore_cleanup_errors=True) as folder:
        kg = KnowledgeGraph.open(folder)
        try:
            kg.load([PLANS])
            return graph_to_rdf(kg).serialize(format="nt")
        finally:
            kg.close()


def replicate(nt: str, copies: int) -> str:
    marker = "/policykg/id/"
    return "".join(nt.replace(marker, f"{marker}c{k}-") for k in range(copies))


def load_copies(store: ox.Store, nt: str, copies: int) -> None:
    """One copy at a time, so memory holds the store and one copy's text, not all of them."""
    marker = "/policykg/id/"
    for k in range(copies):
        store.bulk_load(nt.replace(marker, f"{marker}c{k}-").encode(), ox.RdfFormat.N_TRIPLES)


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default="100,1000,5000")
    parser.add_argument("--rdflib-max", type=int, default=100)
    args = parser.parse_args()
    nt = seed_ntriples()
    seed_docs = 5
    print("| documents | triples | engine | load s | query s (median of 3) |")
    print("| ---: | ---: | --- | ---: | ---: |")
    for docs in (int(d) for d in args.docs.split(",")):
        copies = max(1, docs // seed_docs)
        started = time.perf_counter()
        store = ox.Store()
        load_copies(store, nt, copies)
        load = time.perf_counter() - started
        query = timed(lambda store=store: list(store.query(QUERY, prefixes=PREFIXES)))
        print(f"| {docs} | {len(store)} | pyoxigraph | {load:.2f} | {query:.3f} |")
        if docs <= args.rdflib_max:
            started = time.perf_counter()
            graph = Graph().parse(data=replicate(nt, copies), format="nt")
            load = time.perf_counter() - started
            query = timed(lambda graph=graph: list(graph.query(PREFIX_LINES + QUERY)), repeat=1)
            print(f"| {docs} | {len(graph)} | rdflib | {load:.2f} | {query:.3f} |")
            del graph
        del store
        sys.stdout.flush()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
