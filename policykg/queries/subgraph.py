"""Parts of the graph as ``GraphData``: the whole of it, a query's result, an entity's neighbourhood.

Everything goes through named queries (``graph-nodes``, ``graph-edges``,
``graph-neighbours``, ``entity-lookup``) with user input as parameters; the
pictures (``policykg.viz``) and the exports (``policykg.graph.exports``) take
what comes out and never see the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from policykg.graph.exports.base import Edge, GraphData, Node
from policykg.graph.store import GraphStore
from policykg.ontology.terms import Label
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


#: Nodes an --around walk reaches but does not walk through: a region or an indicator joins everything
#: stated about it (a province's 315 targets), so opening it drowns the neighbourhood (issue 20).
HUB_LABELS = frozenset({Label.REGION, Label.INDICATOR})
#: The most nodes an --around page draws by default; past it the nodes nearest the focus are kept.
AROUND_MAX_NODES = 150


def is_hub(node: Node) -> bool:
    """A region, an indicator, or a collective unit (各部门, 各有关单位): reached, drawn once, not opened."""
    return node.label in HUB_LABELS or (node.label == Label.UNIT and bool(node.properties.get("collective")))


def around(store: GraphStore, entity: str, depth: int = 1, max_nodes: int | None = AROUND_MAX_NODES) -> GraphData:
    """An entity's neighbourhood: nodes within ``depth`` relationships (either direction), and their links.

    ``entity`` is an id, a name, an alias or a title; when a name fits several nodes
    (办公室 of two agencies) all of them are the focus, and the note says so. The walk goes
    on through units, tasks, people, documents, sections and targets, not through hubs
    (``is_hub``): a hub is drawn once, with the count of its relationships the page leaves
    out (``GraphData.more``). Past ``max_nodes`` the nodes nearest the focus (then the most
    connected) are kept and the note says what was left out.
    """
    found = lookup(store, entity)
    if not found:
        raise NotFound(f"no node is called {entity!r} (by id, name, alias or title); try `policykg query task-search`")
    focus = [str(r["id"]) for r in found]
    known = {n.id: n for n in _nodes(store, focus)}
    distance = dict.fromkeys(focus, 0)
    frontier = set(focus)
    for step in range(1, max(depth, 0) + 1):
        walked = sorted(i for i in frontier if i in focus or not is_hub(known[i]))
        if not walked:
            break
        reached = {str(r["id"]) for r in run_named(store, "graph-neighbours", {"ids": walked})} - set(distance)
        known.update((n.id, n) for n in _nodes(store, sorted(reached)))
        for node_id in reached:
            distance[node_id] = step
        frontier = reached
    data = GraphData([known[i] for i in sorted(distance) if i in known], _edges(store, sorted(distance)))
    data.focus = focus
    data = _budget(data, distance, max_nodes)
    degrees = {str(r["id"]): int(r["degree"]) for r in run_named(store, "node-degrees", {"ids": sorted(data.node_ids())})}
    shown: Counter[str] = Counter()
    for e in data.edges:
        shown[e.source] += 1
        shown[e.target] += 1
    data.more = {i: degrees[i] - shown[i] for i in data.node_ids() if degrees.get(i, 0) > shown[i]}
    notes = [data.note] if data.note else []
    if len(found) > 1:
        notes.insert(0, f"{len(found)} nodes answer to {entity!r}: " + ", ".join(f"{r['name']} ({r['label']})" for r in found))
    closed = sorted(i for i in data.node_ids() if i not in focus and is_hub(known[i]) and data.more.get(i))
    if closed:
        notes.append(f"{len(closed)} 个枢纽节点未展开 (hubs not opened: "
                     + ", ".join(f"{known[i].name} +{data.more[i]}" for i in closed[:6]) + ("…" if len(closed) > 6 else "")
                     + ")")
    data.note = "; ".join(notes)
    return data


def _budget(data: GraphData, distance: dict[str, int], max_nodes: int | None) -> GraphData:
    """At most ``max_nodes``: the nearest to the focus first, then the most connected; the note says what went."""
    if max_nodes is None or len(data.nodes) <= max_nodes:
        return data
    degree: Counter[str] = Counter()
    for e in data.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    ranked = sorted(data.nodes, key=lambda n: (distance.get(n.id, 99), -degree[n.id], n.id))
    keep = {n.id for n in ranked[:max_nodes]}
    left = Counter(n.label for n in ranked[max_nodes:])
    what = ", ".join(f"{count} {node_style_name(label)}" for label, count in left.most_common())
    note = (f"只显示离中心最近的 {max_nodes} 个节点, 省略 {len(data.nodes) - max_nodes} 个: {what} "
            f"(showing the {max_nodes} nodes nearest the focus; left out {len(data.nodes) - max_nodes})")
    cut = GraphData([n for n in data.nodes if n.id in keep],
                    [e for e in data.edges if e.source in keep and e.target in keep],
                    "; ".join(x for x in (data.note, note) if x), len(data.nodes))
    cut.focus = data.focus
    return cut


def node_style_name(label: str) -> str:
    """A label as the page's legend names it (任务, 目标值, ...); the label itself when the legend has none."""
    from policykg.viz.style import NODE_STYLES

    style = NODE_STYLES.get(label)
    return style.name if style else label


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
