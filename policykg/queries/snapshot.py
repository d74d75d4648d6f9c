"""The whole graph read back as plain rows, and a cheap stamp that says when it changed.

The RDF view (``policykg.ontology.rdf``) and the SPARQL endpoint are built from a
snapshot; the stamp (documents with their hashes, node and relationship counts) costs
three small reads, so a server can check it often and rebuild only when the store moved.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from policykg.graph.store import GraphStore
from policykg.ontology.terms import Label, Rel

Row = dict[str, Any]


@dataclass
class Snapshot:
    """Nodes by label (their properties) and relationships by type (start, end, properties)."""

    nodes: dict[Label, list[Row]] = field(default_factory=dict)
    rels: dict[Rel, list[Row]] = field(default_factory=dict)
    stamp: str = ""

    def node_count(self) -> int:
        return sum(len(v) for v in self.nodes.values())


def store_stamp(store: GraphStore) -> str:
    """Changes whenever a document is loaded, reloaded or deleted (or anything else is written)."""
    docs = store.read(f"MATCH (d:{Label.DOCUMENT}) RETURN d.id AS id, d.sha256 AS sha ORDER BY id")
    nodes = store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
    rels = store.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    digest = hashlib.sha256(f"{nodes}|{rels}".encode())
    for row in docs:
        digest.update(f"|{row['id']}:{row['sha']}".encode())
    return digest.hexdigest()


def read_snapshot(store: GraphStore) -> Snapshot:
    """Every node and relationship; the stamp is read first, so a change during the read shows next time."""
    snap = Snapshot(stamp=store_stamp(store))
    for label in Label:
        snap.nodes[label] = [r["p"] for r in store.read(f"MATCH (n:{label}) RETURN properties(n) AS p")]
    for rel in Rel:
        snap.rels[rel] = store.read(
            f"MATCH (a)-[r:{rel}]->(b) RETURN labels(a)[0] AS start_label, a.id AS start, "
            "labels(b)[0] AS end_label, b.id AS end, properties(r) AS p")
    return snap
