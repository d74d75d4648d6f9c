"""A canonical hash of a whole graph: two stores hold the same graph iff their hashes match.

Tests compare load orders, concurrent against sequential loads, the bulk against the
transactional path and ArcadeDB against Neo4j with it, so it reads only what both
engines return alike: labels, the ``id`` key and the stored properties (lists
compared as written, so an order that leaks from the load order shows up).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from policykg.graph.stamp import LABEL as STAMP
from policykg.graph.store import GraphStore

#: Every node but the stamp (its generation counts writes, not content). The writer's tallies are
#: content, derived from the rest: kept in, so two loads that agree on the graph agree on them too.
NODES = f"MATCH (n) WHERE NOT n:{STAMP} RETURN labels(n) AS labels, properties(n) AS props"
RELATIONSHIPS = ("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, "
                 "properties(r) AS props")


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def graph_rows(store: GraphStore) -> tuple[list[str], list[str]]:
    """Every node and relationship as one canonical line each, sorted."""
    nodes = sorted(_canonical([sorted(r["labels"]), r["props"]]) for r in store.read(NODES))
    rels = sorted(_canonical([r["type"], r["start"], r["end"], r["props"]]) for r in store.read(RELATIONSHIPS))
    return nodes, rels


def graph_fingerprint(store: GraphStore) -> str:
    """sha256 over the sorted canonical lines of ``graph_rows``."""
    nodes, rels = graph_rows(store)
    digest = hashlib.sha256()
    for line in nodes + ["--"] + rels:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()
