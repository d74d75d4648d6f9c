"""Network analytics over a unit collaboration graph; plain data in, plain data out.

Takes an ``nx.Graph`` (built by ``graphs.pairs_to_graph`` from the
``co-leading-units`` query) and never touches the store, as networkx keeps its
algorithms apart from I/O. Results are lists of dicts, ready for ``output.render``.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from networkx.algorithms import community as nx_community

COLLABORATION_COLUMNS = (
    "unit", "agency", "community", "partners", "shared_tasks", "degree_centrality", "betweenness",
)


def centrality(graph: nx.Graph) -> dict[str, dict[str, float]]:
    """Degree and betweenness centrality per node.

    Betweenness uses unweighted shortest paths on purpose: edge weights count shared
    tasks (closeness), and as a distance a heavier edge would wrongly read as longer.
    """
    if graph.number_of_nodes() == 0:
        return {}
    degree = nx.degree_centrality(graph)
    between = nx.betweenness_centrality(graph, normalized=True)
    return {n: {"degree_centrality": degree[n], "betweenness": between[n]} for n in graph.nodes}


def communities(graph: nx.Graph, seed: int = 7) -> list[set[Any]]:
    """Groups of units that work together more than with others (Louvain, fixed seed).

    Largest first; a deterministic seed so that the same graph gives the same groups
    in a report and in its re-run.
    """
    if graph.number_of_nodes() == 0:
        return []
    if graph.number_of_edges() == 0:
        return [{n} for n in sorted(graph.nodes, key=str)]
    found = nx_community.louvain_communities(graph, weight="weight", seed=seed)
    return sorted(found, key=lambda c: (-len(c), sorted(map(str, c))))


def collaboration_table(graph: nx.Graph, seed: int = 7) -> list[dict[str, Any]]:
    """One row per unit: its community, partners, shared tasks and centralities, most central first."""
    scores = centrality(graph)
    membership = {node: k + 1 for k, group in enumerate(communities(graph, seed)) for node in group}
    rows = [
        {
            "unit": graph.nodes[n].get("name", n),
            "agency": graph.nodes[n].get("group"),
            "community": membership.get(n),
            "partners": graph.degree(n),
            "shared_tasks": int(graph.degree(n, weight="weight")),
            "degree_centrality": round(scores[n]["degree_centrality"], 4),
            "betweenness": round(scores[n]["betweenness"], 4),
            "id": n,
        }
        for n in graph.nodes
    ]
    rows.sort(key=lambda r: (-r["betweenness"], -r["shared_tasks"], str(r["unit"])))
    return rows
