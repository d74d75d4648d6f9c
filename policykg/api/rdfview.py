"""The RDF view behind /sparql and /id: an in-memory Oxigraph store kept in step with the graph store.

Why Oxigraph and not rdflib's own SPARQL: on the same data (the five seed plans
replicated 20 times, 215,800 triples) the units-leading-most-tasks query took 12.5 s in
rdflib and 0.013 s in pyoxigraph, and loading took 5.7 s against 0.56 s (bench/sparql.py
measures it at 5,000 documents). rdflib stays for parsing and serialising small graphs.

Kept in step: the view remembers the store's stamp (``queries.snapshot.store_stamp``);
a request older than ``freshness`` seconds since the last check re-reads the stamp and
rebuilds the view when the store changed. The API's own writes invalidate it at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import PROV, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from policykg.graph.store import GraphStore
from policykg.ontology.iris import Iris
from policykg.ontology.rdf import RdfMapper
from policykg.ontology.vocab import bind_prefixes
from policykg.queries.snapshot import read_snapshot, store_stamp

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


class RdfView:
    """Builds, holds and refreshes the Oxigraph store; thread-safe."""

    def __init__(self, store: GraphStore, iris: Iris, freshness: float = 2.0) -> None:
        self.store = store
        self.iris = iris
        self.freshness = freshness
        self._lock = threading.Lock()
        self._ox: ox.Store | None = None
        self._stamp = ""
        self._checked = 0.0
        self.info: ViewInfo | None = None

    def invalidate(self) -> None:
        with self._lock:
            self._checked = 0.0
            self._stamp = ""

    def _build(self) -> None:
        started = time.perf_counter()
        snap = read_snapshot(self.store)
        target = ox.Store()
        quads = (ox.Quad(to_ox(s), to_ox(p), to_ox(o))  # type: ignore[arg-type]  # the mapper puts IRIs first
                 for s, p, o in RdfMapper(self.iris).triples(snap))
        target.bulk_extend(quads)
        self._ox, self._stamp = target, snap.stamp
        self.info = ViewInfo(len(target), snap.stamp, time.perf_counter() - started)

    def current(self) -> ox.Store:
        """The view, rebuilt first if the store changed since it was built (checked at most every ``freshness`` s)."""
        with self._lock:
            now = time.monotonic()
            if self._ox is None or now - self._checked >= self.freshness:
                stamp = store_stamp(self.store)
                if self._ox is None or stamp != self._stamp:
                    self._build()
                self._checked = time.monotonic()
            assert self._ox is not None
            return self._ox

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
