"""Query rows -> networkx graphs: the one place where results become graphs.

Analytics (``analytics.py``) only ever sees an ``nx.Graph``; the store and the
Cypher stay on this side, so the algorithms can be tested on a graph written by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx


def pairs_to_graph(
    rows: Iterable[dict[str, Any]],
    *,
    source: str = "id_a",
    target: str = "id_b",
    weight: str = "tasks",
    labels: tuple[str, str] = ("unit_a", "unit_b"),
    groups: tuple[str, str] | None = ("agency_a", "agency_b"),
) -> nx.Graph:
    """An undirected weighted graph from pair rows such as ``co-leading-units``.

    Nodes are keyed by id (two 办公室 of different agencies stay apart) and carry
    ``name`` and ``group`` (the agency) for display; a repeated pair adds weight.
    """
    graph = nx.Graph()
    for row in rows:
        a, b = row[source], row[target]
        if a is None or b is None or a == b:
            continue
        for node, label_key, group_key in ((a, labels[0], groups[0] if groups else None),
                                           (b, labels[1], groups[1] if groups else None)):
            if node not in graph:
                graph.add_node(node, name=row.get(label_key) or node, group=row.get(group_key) if group_key else None)
        w = float(row.get(weight) or 1)
        if graph.has_edge(a, b):
            graph[a][b]["weight"] += w
        else:
            graph.add_edge(a, b, weight=w)
    return graph
