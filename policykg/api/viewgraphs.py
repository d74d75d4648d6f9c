"""Which named graph of the RDF view each row's triples go in, so one document can be replaced alone.

- a document's own graph holds its node, its sections, tasks and targets and every
  relationship that is its own (``doc``) or starts at it (ISSUED_BY, ABOUT);
- each shared entity (unit, person, indicator, region) has a graph of its own, with the
  merged relationships that start at it (PART_OF, IN, MEMBER_OF): refreshing it after a
  change is dropping that graph and reading the entity again;
- an agency's CONTINUES edges are one graph: loading or deleting one of its plans
  re-links its neighbours (``graph.continuity``), so they are refreshed together;
- the targets' ``qb:DataSet`` is one graph, present while there are targets.

Graphs never share a triple, so the union default graph SPARQL reads counts each once.
Graph IRIs are ``{base}/graph/…`` (``Iris.graph``), beside the entities' ``{base}/id/…``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from policykg.ontology.iris import Iris
from policykg.ontology.rdf import RdfMapper, Triple
from policykg.ontology.terms import OWNED_LABELS, Label, Rel
from policykg.queries.snapshot import Snapshot

#: ("document", id) | ("entity", label, id) | ("continuity", agency) | ("dataset",)
GraphKey = tuple[str, ...]
DATASET: GraphKey = ("dataset",)
Row = dict[str, Any]


def document_graph(doc_id: str) -> GraphKey:
    return ("document", doc_id)


def entity_graph(label: Label | str, node_id: str) -> GraphKey:
    return ("entity", str(label), node_id)


def continuity_graph(agency: str | None) -> GraphKey:
    return ("continuity", agency or "")


def node_graph(label: Label, p: Row) -> GraphKey:
    if label is Label.DOCUMENT:
        return document_graph(p["id"])
    if label in OWNED_LABELS:
        return document_graph(str(p.get("doc") or ""))
    return entity_graph(label, p["id"])


def rel_graph(rel: Rel, r: Row, agency_of: dict[str, str]) -> GraphKey:
    doc = (r.get("p") or {}).get("doc")
    if rel is Rel.CONTINUES:
        return continuity_graph(agency_of.get(str(doc)))
    if doc:
        return document_graph(str(doc))
    if r["start_label"] == Label.DOCUMENT:
        return document_graph(r["start"])
    return entity_graph(r["start_label"], r["start"])


def agencies(snap: Snapshot) -> dict[str, str]:
    """Document id -> the unit that issued it, from the snapshot's ISSUED_BY rows."""
    return {r["start"]: r["end"] for r in snap.rels.get(Rel.ISSUED_BY, [])}


def partition(mapper: RdfMapper, snap: Snapshot, agency_of: dict[str, str],
              continuity: dict[str, list[Row]] | None = None) -> Iterator[tuple[GraphKey, Triple]]:
    """Every triple of the snapshot with the graph it goes in; ``continuity``: agency -> its CONTINUES rows."""
    for label, rows in snap.nodes.items():
        for p in rows:
            if p.get("id"):
                key = node_graph(label, p)
                for triple in mapper.node(label, p):
                    yield key, triple
    for rel, rel_rows in snap.rels.items():
        for r in rel_rows:
            if r.get("start") and r.get("end"):
                key = rel_graph(rel, r, agency_of)
                for triple in mapper.rel(rel, r):
                    yield key, triple
    for agency, rows in (continuity or {}).items():
        for r in rows:
            for triple in mapper.rel(Rel.CONTINUES, r):
                yield continuity_graph(agency), triple


def dataset_triples(mapper: RdfMapper) -> Iterable[tuple[GraphKey, Triple]]:
    for triple in mapper.dataset():
        yield DATASET, triple


def graph_iri(iris: Iris, key: GraphKey) -> URIRef:
    return iris.graph(*key)


def to_quads(iris: Iris, keyed: Iterable[tuple[GraphKey, Triple]], to_ox: Any) -> Iterator[ox.Quad]:
    names: dict[GraphKey, ox.NamedNode] = {}
    for key, (s, p, o) in keyed:
        name = names.get(key)
        if name is None:
            name = names[key] = ox.NamedNode(str(graph_iri(iris, key)))
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), name)
