"""Cytoscape.js / Cytoscape desktop JSON (``elements`` with ``nodes`` and ``edges``), properties kept as JSON values."""

from __future__ import annotations

import json

from policykg.graph.exports.base import Exporter, GraphData


def render(data: GraphData) -> dict[str, bytes]:
    nodes = [{"data": {**n.properties, "id": n.id, "name": n.name, "node_type": n.label}} for n in data.nodes]
    edges = [
        {"data": {**e.properties, "id": f"e{k}", "source": e.source, "target": e.target, "interaction": e.type}}
        for k, e in enumerate(data.edges)
    ]
    document = {"format_version": "1.0", "generated_by": "policykg", "data": {"name": "policykg"},
                "elements": {"nodes": nodes, "edges": edges}}
    return {"graph.cyjs": json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")}


EXPORTER = Exporter("cytoscape-json", ".cyjs", "application/json", "Cytoscape JSON (cytoscape.js, Cytoscape desktop)",
                    render)
