"""The RDF view behind /sparql and /id: an in-memory Oxigraph store kept in step with the graph store.

Why Oxigraph and not rdflib's own SPARQL: on the same data (the five seed plans
replicated 20 times, 215,800 triples) the units-leading-most-tasks query took 12.5 s in
rdflib and 0.013 s in pyoxigraph, and loading took 5.7 s against 0.56 s (bench/sparql.py
measures it at 5,000 documents). rdflib stays for parsing and serialising small graphs.

Kept in step: the view remembers the store's stamp (``graph.stamp``); a request older
than ``freshness`` seconds since the last check re-reads the stamp and, when it moved,
replaces the documents that changed (each document in a named graph of its own,
``viewgraphs``), or rebuilds the view after an ad hoc write. The API's own writes make
the next request check at once.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import PROV, QB, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from policykg.api import viewgraphs
from policykg.graph.stamp import Stamp, read_state
from policykg.graph.store import GraphStore
from policykg.ontology.iris import Iris
from policykg.ontology.rdf import RdfMapper
from policykg.ontology.terms import SHARED_LABELS, Label, Rel
from policykg.ontology.vocab import bind_prefixes
from policykg.queries.snapshot import (
    document_hashes,
    read_continuity,
    read_document,
    read_shared,
    read_snapshot,
    shared_of,
)

#: At most this many incoming links describe an entity (an indicator may have thousands of observations).
MAX_INCOMING = 500


def to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term: object) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not an RDF term: {term!r}")


@dataclass
class ViewInfo:
    triples: int
    stamp: str
    built_seconds: float
    #: "full" (built from a whole snapshot) or "incremental" (documents added, replaced, removed)
    how: str = "full"
    documents_changed: int = 0


@dataclass(frozen=True)
class DocState:
    """What the view remembers of a document: to see it changed, and what to refresh when it goes."""

    sha: str | None
    agency: str | None
    shared: frozenset[tuple[Label, str]]


class RdfView:
    """Builds, holds and updates the Oxigraph store; thread-safe.

    The first build reads a whole snapshot; later stamp changes are followed document by
    document (``viewgraphs`` says which graph a triple lives in): the documents whose
    hash changed, appeared or went are replaced, with the shared entities they contribute
    and their agencies' CONTINUES edges, reading only their rows. An ad hoc write
    (``cypher --write``, seen in the stamp's ``adhoc``) or a wiped store rebuilds it whole.
    Updates change the store in place: a query running meanwhile may see a document half
    replaced (the next one sees it whole).
    """

    def __init__(self, store: GraphStore, iris: Iris, freshness: float = 2.0) -> None:
        self.store = store
        self.iris = iris
        self.freshness = freshness
        self.mapper = RdfMapper(iris)
        self._lock = threading.Lock()
        self._ox: ox.Store | None = None
        self._stamp = Stamp()
        self._docs: dict[str, DocState] = {}
        self._checked = 0.0
        self.info: ViewInfo | None = None

    def invalidate(self) -> None:
        """The API wrote: check the stamp on the next request (the update itself stays incremental)."""
        with self._lock:
            self._checked = 0.0

    def _build(self, stamp: Stamp) -> None:
        started = time.perf_counter()
        snap = read_snapshot(self.store)
        agency_of = viewgraphs.agencies(snap)
        keyed = viewgraphs.partition(self.mapper, snap, agency_of)
        if snap.nodes.get(Label.TARGET):
            keyed = itertools.chain(viewgraphs.dataset_triples(self.mapper), keyed)
        target = ox.Store()
        target.bulk_extend(viewgraphs.to_quads(self.iris, keyed, to_ox))
        shared: dict[str, set[tuple[Label, str]]] = {}
        for label in SHARED_LABELS:
            if label is not Label.DOCUMENT:
                for p in snap.nodes.get(label, []):
                    for doc in p.get("docs") or ():
                        shared.setdefault(doc, set()).add((label, p["id"]))
        self._docs = {p["id"]: DocState(p.get("sha256"), agency_of.get(p["id"]), frozenset(shared.get(p["id"], ())))
                      for p in snap.nodes.get(Label.DOCUMENT, [])}
        self._ox, self._stamp = target, stamp
        self.info = ViewInfo(len(target), str(stamp), time.perf_counter() - started, "full", len(self._docs))

    def _update(self, stamp: Stamp) -> None:
        """Replace what changed since the view's stamp, reading only the changed documents' rows."""
        assert self._ox is not None
        started = time.perf_counter()
        now = document_hashes(self.store)
        old = self._docs
        gone = [d for d in old if d not in now]
        fresh = sorted(d for d, sha in now.items() if d not in old or old[d].sha != sha)
        if not gone and not fresh:
            self._stamp = stamp
            return
        parts = {d: read_document(self.store, d) for d in fresh}
        contributed = shared_of(self.store, fresh)
        agency_now = {d: next((r["end"] for r in parts[d].rels.get(Rel.ISSUED_BY, [])), None) for d in fresh}
        keys: set[tuple[Label, str]] = set().union(*contributed.values()) if contributed else set()
        agencies: set[str] = {a for a in agency_now.values() if a}
        for d in gone + [d for d in fresh if d in old]:
            keys |= old[d].shared
            if agency := old[d].agency:
                agencies.add(agency)
        shared = read_shared(self.store, keys)
        continuity = {a: read_continuity(self.store, a) for a in sorted(agencies)}
        keyed = list(viewgraphs.partition(self.mapper, shared, {}, continuity))
        for d in fresh:
            keyed += viewgraphs.partition(self.mapper, parts[d], {d: a for d, a in agency_now.items() if a})
        quads = list(viewgraphs.to_quads(self.iris, keyed, to_ox))
        drop = [viewgraphs.document_graph(d) for d in gone + fresh]
        drop += [viewgraphs.entity_graph(label, node_id) for label, node_id in keys]
        drop += [viewgraphs.continuity_graph(a) for a in agencies]
        target = self._ox
        for key in drop:
            name = ox.NamedNode(str(viewgraphs.graph_iri(self.iris, key)))
            if target.contains_named_graph(name):
                target.remove_graph(name)
        target.extend(quads)
        self._sync_dataset(target)
        docs = {d: s for d, s in old.items() if d not in gone}
        for d in fresh:
            if parts[d].nodes.get(Label.DOCUMENT):
                docs[d] = DocState(now[d], agency_now[d], frozenset(contributed.get(d, ())))
            else:
                docs.pop(d, None)  # deleted between the two reads: the next stamp change settles it
        self._docs, self._stamp = docs, stamp
        self.info = ViewInfo(len(target), str(stamp), time.perf_counter() - started, "incremental",
                             len(gone) + len(fresh))

    def _sync_dataset(self, target: ox.Store) -> None:
        """The qb:DataSet is described while any observation points to it, as in a full build."""
        name = ox.NamedNode(str(viewgraphs.graph_iri(self.iris, viewgraphs.DATASET)))
        observed = next(iter(target.quads_for_pattern(None, ox.NamedNode(str(QB.dataSet)), None)), None) is not None
        if observed and not target.contains_named_graph(name):
            target.extend(viewgraphs.to_quads(self.iris, viewgraphs.dataset_triples(self.mapper), to_ox))
        elif not observed and target.contains_named_graph(name):
            target.remove_graph(name)

    def _follow(self) -> None:
        stamp = read_state(self.store)
        if self._ox is None or stamp.created != self._stamp.created or stamp.adhoc != self._stamp.adhoc:
            self._build(stamp)
        elif stamp.generation != self._stamp.generation:
            self._update(stamp)

    def current(self) -> ox.Store:
        """The view, brought up to date first if the store changed (checked at most every ``freshness`` s)."""
        with self._lock:
            now = time.monotonic()
            if self._ox is None or now - self._checked >= self.freshness:
                self._follow()
                self._checked = time.monotonic()
            assert self._ox is not None
            return self._ox

    @property
    def update_lock(self) -> threading.Lock:
        """Held while the view changes: hold it to fork a process that reads the view (``api.isolated``)."""
        return self._lock

    def query(self, sparql: str, prefixes: dict[str, str] | None = None) -> Any:
        """A SPARQL query over the union of the view's graphs (the per-document split does not show)."""
        return self.current().query(sparql, prefixes=prefixes, use_default_graph_as_union=True)

    def describe(self, iri: URIRef) -> Graph:
        """The entity's own triples, its qualified associations, the labels of what it links to, and who links to it."""
        store = self.current()
        graph = Graph()
        bind_prefixes(graph)
        subject = ox.NamedNode(str(iri))
        label = ox.NamedNode(str(RDFS.label))

        def add(quads: Iterable[ox.Quad]) -> None:
            for q in quads:
                graph.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))

        for q in store.quads_for_pattern(subject, None, None):
            graph.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            if isinstance(q.object, ox.NamedNode):
                if q.predicate.value == str(PROV.qualifiedAssociation):
                    add(store.quads_for_pattern(q.object, None, None))
                else:
                    add(store.quads_for_pattern(q.object, label, None))
        for k, q in enumerate(store.quads_for_pattern(None, None, subject)):
            if k >= MAX_INCOMING:
                break
            graph.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
            add(store.quads_for_pattern(q.subject, label, None))
        return graph
