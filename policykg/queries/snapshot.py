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
from policykg.ontology.terms import OWNED_LABELS, SHARED_LABELS, Label, Rel

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


# --- pieces of the graph, for the RDF view's incremental update ---------------------------------

#: Relationships that start at a shared node and belong to it (merged, with ``docs``), by its label.
SHARED_OUTGOING: dict[Label, tuple[Rel, ...]] = {
    Label.UNIT: (Rel.PART_OF, Rel.IN), Label.REGION: (Rel.PART_OF,), Label.PERSON: (Rel.MEMBER_OF,),
}
_REL_COLUMNS = ("RETURN type(r) AS type, labels(a)[0] AS start_label, a.id AS start, "
                "labels(b)[0] AS end_label, b.id AS end, properties(r) AS p")


def _add_rels(snap: Snapshot, rows: list[Row], skip: tuple[Rel, ...] = ()) -> None:
    for row in rows:
        rel = Rel(row.pop("type"))
        if rel not in skip:
            snap.rels.setdefault(rel, []).append(row)


def document_hashes(store: GraphStore) -> dict[str, str | None]:
    """Every document's id with the hash of its file: what the RDF view compares to find what changed."""
    return {r["id"]: r["sha"] for r in store.read(f"MATCH (d:{Label.DOCUMENT}) RETURN d.id AS id, d.sha256 AS sha")}


def read_document(store: GraphStore, doc_id: str) -> Snapshot:
    """One document's rows: its node, its sections, tasks and targets, and the relationships
    that are its own (``doc``) or start at it (ISSUED_BY, ABOUT); CONTINUES edges are the
    agency's (``read_continuity``). Each read starts from an indexed id or ``doc``."""
    snap = Snapshot()
    snap.nodes[Label.DOCUMENT] = [r["p"] for r in store.read(
        f"MATCH (n:{Label.DOCUMENT} {{id: $doc}}) RETURN properties(n) AS p", {"doc": doc_id})]
    for label in OWNED_LABELS:
        snap.nodes[label] = [r["p"] for r in store.read(
            f"MATCH (n:{label} {{doc: $doc}}) RETURN properties(n) AS p", {"doc": doc_id})]
    _add_rels(snap, store.read(f"MATCH (a:{Label.DOCUMENT} {{id: $doc}})-[r]->(b) " + _REL_COLUMNS, {"doc": doc_id}))
    for label in OWNED_LABELS:  # into its own nodes from anything but the document (read above)
        _add_rels(snap, store.read(f"MATCH (a)-[r]->(b:{label} {{doc: $doc}}) WHERE NOT a:{Label.DOCUMENT} "
                                   + _REL_COLUMNS, {"doc": doc_id}), skip=(Rel.CONTINUES,))
    _add_rels(snap, store.read(f"MATCH (a:{Label.TARGET} {{doc: $doc}})-[r]->(b) WHERE NOT b:{Label.TARGET} "
                               + _REL_COLUMNS, {"doc": doc_id}))  # to shared nodes: MEASURES, FOR
    return snap


def shared_of(store: GraphStore, doc_ids: list[str]) -> dict[str, set[tuple[Label, str]]]:
    """The shared nodes each of these documents contributed (their ``docs`` lists name it)."""
    found: dict[str, set[tuple[Label, str]]] = {d: set() for d in doc_ids}
    if not doc_ids:
        return found
    for label in SHARED_LABELS:
        if label is Label.DOCUMENT:
            continue
        for row in store.read(f"UNWIND $docs AS doc MATCH (n:{label}) WHERE doc IN n.docs "
                              "RETURN doc, n.id AS id", {"docs": doc_ids}):
            found[row["doc"]].add((label, row["id"]))
    return found


def read_shared(store: GraphStore, keys: set[tuple[Label, str]]) -> Snapshot:
    """These shared nodes (those still in the store) with the relationships they own (``SHARED_OUTGOING``)."""
    snap = Snapshot()
    by_label: dict[Label, list[str]] = {}
    for label, node_id in keys:
        by_label.setdefault(label, []).append(node_id)
    for label, ids in sorted(by_label.items()):
        snap.nodes[label] = [r["p"] for r in store.read(
            f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN properties(n) AS p", {"ids": sorted(ids)})]
        for rel in SHARED_OUTGOING.get(label, ()):
            _add_rels(snap, store.read(f"UNWIND $ids AS id MATCH (a:{label} {{id: id}})-[r:{rel}]->(b) "
                                       + _REL_COLUMNS, {"ids": sorted(ids)}))
    return snap


def read_continuity(store: GraphStore, agency: str) -> list[Row]:
    """The CONTINUES edges into the plans this agency issued (each edge's ``doc`` is its later plan)."""
    return store.read(
        f"MATCH (d:{Label.DOCUMENT})-[:{Rel.ISSUED_BY}]->(:{Label.UNIT} {{id: $agency}}) "
        f"MATCH (a:{Label.TASK})-[r:{Rel.CONTINUES}]->(b:{Label.TASK} {{doc: d.id}}) WHERE r.doc = d.id "
        "RETURN labels(a)[0] AS start_label, a.id AS start, labels(b)[0] AS end_label, b.id AS end, "
        "properties(r) AS p", {"agency": agency})
