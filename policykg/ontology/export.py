"""RDF exporters by format name (ttl, jsonld, nt): the whole graph as ``graph_to_rdf`` maps it.

A registry, so the project's export registry can take these three formats as they are.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from policykg.ontology.jsonld import context
from policykg.ontology.rdf import graph_to_rdf

if TYPE_CHECKING:
    from policykg.kg import KnowledgeGraph


def _jsonld(graph: Graph) -> str:
    return graph.serialize(format="json-ld", context=context()["@context"], auto_compact=True)


#: format name -> (file suffix, serialiser)
RDF_EXPORTERS: dict[str, tuple[str, Callable[[Graph], str]]] = {
    "ttl": (".ttl", lambda g: g.serialize(format="turtle")),
    "jsonld": (".jsonld", _jsonld),
    "nt": (".nt", lambda g: g.serialize(format="nt")),
}


def serialize_rdf(graph: Graph, fmt: str) -> str:
    try:
        return RDF_EXPORTERS[fmt][1](graph)
    except KeyError:
        raise ValueError(f"unknown RDF format {fmt!r}; valid: {', '.join(RDF_EXPORTERS)}") from None


def export_rdf(kg: KnowledgeGraph, fmt: str, path: str | os.PathLike[str], *, base: str | None = None) -> int:
    """Write the graph as ``fmt`` to ``path``; returns the number of triples."""
    graph = graph_to_rdf(kg, base)
    Path(path).write_text(serialize_rdf(graph, fmt), encoding="utf-8")
    return len(graph)
