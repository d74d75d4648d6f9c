"""GEXF 1.2 for Gephi (and ``nx.read_gexf``): node labels as Gephi's labels, relationship types as edge labels."""

from __future__ import annotations

import io
import re

import networkx as nx

from policykg.graph.exports._nx import to_networkx
from policykg.graph.exports.base import Exporter, GraphData


def render(data: GraphData) -> dict[str, bytes]:
    buffer = io.BytesIO()
    nx.write_gexf(to_networkx(data), buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    # the creator names policykg, so a later export may replace the file (policykg.viz.files)
    content = re.sub(rb"<creator>([^<]*)</creator>", rb"<creator>policykg (\1)</creator>", buffer.getvalue(), count=1)
    return {"graph.gexf": content}


EXPORTER = Exporter("gexf", ".gexf", "application/gexf+xml", "GEXF 1.2 (Gephi, networkx.read_gexf)", render)
