"""Parts of the graph as ``GraphData``: the whole of it, a query's result, an entity's neighbourhood.

Everything goes through named queries (``graph-nodes``, ``graph-edges``,
``graph-neighbours``, ``entity-lookup``) with user input as parameters; the
pictures (``policykg.viz``) and the exports (``policykg.graph.exports``) take
what comes out and never see the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from policykg.graph.exports.base import Edge, GraphData, Node
from policykg.graph.store import GraphStore
from policykg.queries.catalogue import get_query
from policykg.queries.params import QueryError
from policykg.queries.runner import run_named


def _is_id_column(column: str) -> bool:
    """Columns of a query's rows that hold node ids: ``id``, ``id_a``, ``task_id``, ``earlier_id`` ..."""
    return column == "id" or column.startswith("id_") or column.endswith("_id")


#: Pair queries (co-leading-units) name both ends of a row; the row is then an edge of its own.
PAIR_COLUMNS = ("id_a", "id_b")


class NotFound(QueryError):
    """An entity or a query result that names no node; the message says what was looked for."""


def _nodes(store: GraphStore, ids: list[str] | None = None) -> list[Node]:
    rows = run_named(store, "graph-nodes", {"ids": ids})
    # The query streams in no order (sorting the whole graph in the store would hold it in the query heap);
    # pictures and exports come out the same every time because the order is made here.
    rows.sort(key=lambda r: (r["label"] or "", r["id"] or ""))
    return [Node(r["id"], r["label"], dict(r["properties"] or {})) for r in rows if r["id"] is not None]


def _edges(store: GraphStore, ids: list[str] | None = None) -> list[Edge]:
    rows = run_named(store, "graph-edges", {"ids": ids})
    rows.sort(key=lambda r: (r["source"], r["type"], r["target"]))
    return [Edge(r["source"], r["target"], r["type"], dict(r["properties"] or {})) for r in rows]


def whole_graph(store: GraphStore) -> GraphData:
    """Every node and relationship; what ``export`` writes and ``viz`` draws without options."""
    return GraphData(_nodes(store), _edges(store))


def of_nodes(store: GraphStore, ids: Iterable[str]) -> GraphData:
    """The given nodes and every relationship between them."""
    wanted = sorted(set(ids))
    if not wanted:
        return GraphData()
    return GraphData(_nodes(store, wanted), _edges(store, wanted))


def lookup(store: GraphStore, entity: str) -> list[dict[str, Any]]:
    return run_named(store, "entity-lookup", {"entity": entity})


def around(store: GraphStore, entity: str, depth: int = 1) -> GraphData:
    """An entity's neighbourhood: every node within ``depth`` relationships (either direction), and their links.

    ``entity`` is an id, a name, an alias or a title; when a name fits several nodes
    (办公室 of two agencies) all of them are centres, and the note says so.
    """
    found = lookup(store, entity)
    if not found:
        raise NotFound(f"no node is called {entity!r} (by id, name, alias or title); try `policykg query task-search`")
    seen = {r["id"] for r in found}
    frontier = set(seen)
    for _ in range(max(depth, 0)):
        if not frontier:
            break
        step = {r["id"] for r in run_named(store, "graph-neighbours", {"ids": sorted(frontier)})}
        frontier = step - seen
        seen |= step
    data = of_nodes(store, seen)
    if len(found) > 1:
        data.note = f"{len(found)} nodes answer to {entity!r}: " + ", ".join(f"{r['name']} ({r['label']})" for r in found)
    return data


def of_query(store: GraphStore, name: str, params: dict[str, Any] | None = None) -> tuple[GraphData, list[dict[str, Any]]]:
    """The nodes a named query's rows name (its id columns) and the relationships between them, with the rows.

    A pair query (columns ``id_a``, ``id_b``) also draws each row as an edge of the
    query's name, weighted by its first count column, since its pairs are usually not
    linked directly in the store (two units meet on tasks).
    """
    named = get_query(name)
    id_columns = [c for c in named.columns if _is_id_column(c)]
    if not id_columns:
        raise NotFound(f"query {name!r} returns no node ids (columns: {', '.join(named.columns)}), so it has no graph "
                       "to draw; use a query with an id column, or --around an entity")
    rows = run_named(store, named, params)
    ids = {str(row[c]) for row in rows for c in id_columns if row.get(c) is not None}
    data = of_nodes(store, ids)
    if all(c in named.columns for c in PAIR_COLUMNS):
        weight = next((c for c in named.columns if c in ("tasks", "count", "weight")), None)
        data.edges += [
            Edge(str(row["id_a"]), str(row["id_b"]), name, {"weight": row.get(weight) if weight else 1})
            for row in rows if row.get("id_a") and row.get("id_b")
        ]
    return data, rows
