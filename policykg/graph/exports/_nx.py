"""GraphData -> networkx MultiDiGraph with flat attributes: what the GraphML and GEXF writers take.

Node attributes: ``label`` (the name a reader sees, which Gephi shows), ``node_type``
(Document, Task, ...) and the node's properties; edge attributes: ``label`` and
``rel_type`` (LEADS, ...) and the relationship's properties. ``type`` and ``id``
are left out on purpose: GEXF gives them a meaning of its own (edge direction, node id).
"""

from __future__ import annotations

import networkx as nx

from policykg.graph.exports.base import GraphData, flat_attributes

_RESERVED = {"id", "label", "type"}


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    node_attrs = flat_attributes(
        {**{k: v for k, v in n.properties.items() if k not in _RESERVED}, "label": n.name, "node_type": n.label}
        for n in data.nodes
    )
    for node, attrs in zip(data.nodes, node_attrs, strict=True):
        graph.add_node(node.id, **attrs)
    edge_attrs = flat_attributes(
        {**{k: v for k, v in e.properties.items() if k not in _RESERVED}, "label": e.type, "rel_type": e.type}
        for e in data.edges
    )
    for k, (edge, attrs) in enumerate(zip(data.edges, edge_attrs, strict=True)):
        graph.add_edge(edge.source, edge.target, key=f"e{k}", **attrs)
    return graph
