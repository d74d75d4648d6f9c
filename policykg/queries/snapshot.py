"""The whole graph read back as plain rows, and a cheap stamp that says when it changed.

The RDF view (``policykg.ontology.rdf``) and the SPARQL endpoint are built from a
snapshot; the stamp (``policykg.graph.stamp``: one indexed node every document write
bumps) costs one small read at any store size, so a server can check it often and
rebuild only when the store moved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policykg.graph.stamp import read_stamp
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
    """Changes whenever a document is loaded, reloaded or deleted, or ``cypher --write`` runs
    (``policykg.graph.stamp``); a write that bypasses policykg does not change it."""
    return read_stamp(store)


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
