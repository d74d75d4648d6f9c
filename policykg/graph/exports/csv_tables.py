"""Two spreadsheets, nodes.csv and edges.csv, in one folder; UTF-8 with a BOM so Excel shows the Chinese.

Columns: id, label, name and then every property any node has (edges: source,
target, type and their properties); lists and maps are written as JSON.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from policykg.graph.exports.base import Exporter, GraphData, flat_value


def _table(head: list[str], rows: Iterable[dict[str, Any]]) -> bytes:
    rows = list(rows)
    columns = head + sorted({k for row in rows for k in row} - set(head))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: flat_value(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8-sig")


def render(data: GraphData) -> dict[str, bytes]:
    nodes = ({**n.properties, "id": n.id, "label": n.label, "name": n.name} for n in data.nodes)
    edges = ({**e.properties, "source": e.source, "target": e.target, "type": e.type} for e in data.edges)
    return {"nodes.csv": _table(["id", "label", "name"], nodes), "edges.csv": _table(["source", "target", "type"], edges)}


EXPORTER = Exporter("csv", "/", "text/csv", "nodes.csv and edges.csv in a folder (spreadsheets)", render)
