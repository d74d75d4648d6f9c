"""GraphML for Gephi, yEd and networkx (``nx.read_graphml``): every node and relationship with its properties."""

from __future__ import annotations

import io

import networkx as nx

from policykg.graph.exports._nx import to_networkx
from policykg.graph.exports.base import Exporter, GraphData


def render(data: GraphData) -> dict[str, bytes]:
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(data), buffer, encoding="utf-8", prettyprint=True)
    declaration, _, rest = buffer.getvalue().partition(b"\n")
    # the comment marks the file as policykg's, so a later export may replace it (policykg.viz.files)
    return {"graph.graphml": declaration + b"\n<!-- written by policykg -->\n" + rest}


EXPORTER = Exporter("graphml", ".graphml", "application/graphml+xml",
                    "GraphML (Gephi, yEd, networkx.read_graphml)", render)
