"""The interactive graph page (``policykg viz``): pyvis, offline, a legend that filters, a search box.

Nodes are coloured and shaped by label (``style.NODE_STYLES``), or by community
with the bar's switch, sized by their number of relationships, and labelled in
Chinese; a node with relationships the page leaves out (a hub ``--around`` did
not open) says how many (``广东省 +315``); the focus of ``--around`` is marked and
held in the middle. Tooltips give key properties and the evidence sentence; LEADS,
SUPPORTS, RESPONSIBLE_FOR and MEASURES edges carry a label. Physics runs until
the layout stabilises and is then switched off, so a page never keeps the CPU
busy. Graphs over ``MAX_NODES`` are cut to their most connected nodes, with a
note on the page saying what was left out.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path
from typing import Any

from pyvis.network import Network

from policykg import __version__
from policykg.graph.exports.base import Edge, GraphData, Node
from policykg.ontology.titles import display_of
from policykg.viz.files import write_text
from policykg.viz.offline import make_offline
from policykg.viz.style import EDGE_COLORS, EDGE_LABELS, NODE_STYLES, REL_NAMES, node_style
from policykg.viz.values import number

#: Above this many nodes a page is a hairball that takes a browser half a minute to lay out (the real corpus's
#: 2,000: 34 s, issue 20; the five sample plans' 596 fit); the page shows the most connected part and says
#: what it left out.
MAX_NODES = 800
#: Community colours (the bar's switch), from the same family as the label colours.
COMMUNITY_COLORS = ("#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#9c755f",
                    "#ff9da7", "#17becf", "#bcbd22", "#8c564b")
_LABEL_CHARS = 14
_TOOLTIP_CHARS = 160

OPTIONS: dict[str, Any] = {
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 100, "avoidOverlap": 0.2},
        "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 50, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 10, "align": "middle"},
              "smooth": False, "color": {"inherit": False, "color": "#c8c8c8"}},
    "nodes": {"font": {"size": 14, "face": "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"},
              "scaling": {"min": 8, "max": 42, "label": {"enabled": False}}},
}


def stabilization_iterations(nodes: int) -> int:
    """Fewer layout rounds for bigger graphs: each round costs about O(n log n), and a page should settle in seconds.

    Measured with bench/viz.py on this 2-core machine under load: 2,000 nodes took 27 s at 200 rounds.
    """
    return 200 if nodes <= 500 else 100 if nodes <= 1000 else 50


def cut(data: GraphData, max_nodes: int = MAX_NODES) -> GraphData:
    """At most ``max_nodes`` nodes: the most connected ones (by degree, ties by id) and the edges among them."""
    if len(data.nodes) <= max_nodes:
        return data
    degree: Counter[str] = Counter()
    for e in data.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    ranked = sorted(data.nodes, key=lambda n: (n.id not in data.focus, -degree[n.id], n.id))
    keep = {n.id for n in ranked[:max_nodes]}
    left = Counter(node_style(n.label).name for n in ranked[max_nodes:])
    note = (f"图太大: 共 {len(data.nodes)} 个节点, 这里只显示连接最多的 {max_nodes} 个, 省略 "
            + "、".join(f"{count} 个{name}" for name, count in left.most_common())
            + f" (the graph has {len(data.nodes)} nodes; showing the {max_nodes} most connected)")
    more = dict(data.more)
    for e in data.edges:  # what a kept node loses with the cut is said on it, as for a hub
        for end, other in ((e.source, e.target), (e.target, e.source)):
            if end in keep and other not in keep:
                more[end] = more.get(end, 0) + 1
    return GraphData([n for n in data.nodes if n.id in keep],
                     [e for e in data.edges if e.source in keep and e.target in keep],
                     "; ".join(x for x in (data.note, note) if x), len(data.nodes), list(data.focus), more)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_label(node: Node, more: int = 0) -> str:
    p = node.properties
    if node.label == "Task" and p.get("number"):
        text = _short(f"{p['number']} {p.get('title') or ''}", _LABEL_CHARS)
    elif node.label == "Document" and p.get("title"):  # 政府工作报告 (2024 · 国务院): six documents share the title
        text = _short(display_of(p), _LABEL_CHARS + 8)
    else:
        text = _short(node.name, _LABEL_CHARS)
    return f"{text} +{more}" if more else text


def communities(data: GraphData) -> dict[str, int]:
    """Each node's community (networkx's Louvain, seeded: the same page every time); {} when it would not help.

    It helps when the graph falls into at least two groups of three or more nodes; a star
    around one unit does not.
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in data.nodes)
    graph.add_edges_from((e.source, e.target) for e in data.edges if e.source != e.target)
    if graph.number_of_edges() == 0:
        return {}
    groups = sorted(nx.community.louvain_communities(graph, seed=7), key=lambda g: (-len(g), min(g)))
    if sum(1 for g in groups if len(g) >= 3) < 2:
        return {}
    return {node: k for k, group in enumerate(groups) for node in group}


def _tooltip(node: Node, more: int = 0) -> str:
    style = node_style(node.label)
    lines = [f"{style.name} ({node.label}): {_short(node.name, _TOOLTIP_CHARS)}"]
    if more:
        lines.append(f"另有 {more} 条关系未画出 ({more} more relationships not drawn)")
    for key in style.keys:
        value = node.properties.get(key)
        if value in (None, "", []) or (key in ("name", "title") and str(value) == node.name):
            continue
        shown = "、".join(map(str, value)) if isinstance(value, list) else str(value)
        lines.append(f"{key}: {_short(shown, _TOOLTIP_CHARS)}")
    if node.properties.get("evidence"):
        lines.append(f"原文: {_short(str(node.properties['evidence']), _TOOLTIP_CHARS)}")
    # pyvis 0.3.2 switches every tooltip to innerHTML when one node title contains "href"; a zero-width
    # space keeps plan text (a crawled page may quote a link) shown as text, as vis-network shows plain titles
    return "\n".join(lines).replace("href", "hre\u200bf")


def _edge_tooltip(edge: Edge) -> str:
    lines = [f"{REL_NAMES.get(edge.type, edge.type)} ({edge.type})"]
    if edge.type not in REL_NAMES and edge.properties.get("weight") is not None:
        lines.append(f"weight: {edge.properties['weight']}")
    if edge.properties.get("mention"):
        lines.append(f"原文写作: {edge.properties['mention']}")
    if edge.properties.get("evidence"):
        lines.append(f"原文: {_short(str(edge.properties['evidence']), _TOOLTIP_CHARS)}")
    if edge.properties.get("score") is not None:
        lines.append(f"score: {edge.properties['score']}")
    return "\n".join(lines)


def build_network(data: GraphData) -> Network:
    net = Network(height="82vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.options = json.loads(json.dumps(OPTIONS))  # a dict: pyvis writes it as JSON
    net.options["physics"]["stabilization"]["iterations"] = stabilization_iterations(len(data.nodes))
    # vis-network's clustered initial layout (Kamada-Kawai) gives up on big graphs after seconds of work; skip it
    # (and with a focus held at the origin: that layout shifts every node, the fixed ones too, to its own centre)
    net.options["layout"] = {"improvedLayout": len(data.nodes) <= 500 and not data.focus}
    present = data.node_ids()
    degree: Counter[str] = Counter()
    for e in data.edges:
        if e.source in present and e.target in present:
            degree[e.source] += 1
            degree[e.target] += 1
    community = communities(data)
    biggest = max([degree[n.id] + data.more.get(n.id, 0) + 1 for n in data.nodes] or [1])
    for node in data.nodes:
        style = node_style(node.label)
        more = data.more.get(node.id, 0)
        extra: dict[str, Any] = {}
        if community:
            extra["communitycolor"] = COMMUNITY_COLORS[community[node.id] % len(COMMUNITY_COLORS)]
            extra["community"] = community[node.id]
        if node.id in data.focus:  # marked, larger, and held in the middle while the others settle round it
            extra.update(focus=True, value=biggest * 1.5, borderWidth=5, x=0, y=0, fixed=True, shapeProperties={"borderDashes": False},
                         font={"size": 22, "bold": True},
                         color={"background": style.color, "border": "#111111",
                                "highlight": {"background": style.color, "border": "#111111"}})
        net.add_node(node.id, label=_node_label(node, more), title=_tooltip(node, more),
                     color=extra.pop("color", style.color), shape=style.shape, kind=node.label, fullname=node.name,
                     kindcolor=style.color, **{"value": degree[node.id] + more + 1, **extra})
    for edge in data.edges:
        if edge.source not in present or edge.target not in present:
            continue
        options: dict[str, Any] = {"title": _edge_tooltip(edge), "kind": edge.type}
        if edge.type in EDGE_LABELS:
            options["label"] = EDGE_LABELS[edge.type]
        elif edge.type not in REL_NAMES and edge.properties.get("weight") is not None:
            options["label"] = number(float(edge.properties["weight"]))  # a query's own edge: its count
        if edge.type in EDGE_COLORS:
            options["color"] = EDGE_COLORS[edge.type]
        if isinstance(edge.properties.get("weight"), int | float):
            options["value"] = edge.properties["weight"]
        net.add_edge(edge.source, edge.target, **options)
    return net


def _controls(data: GraphData, title: str) -> str:
    counts = Counter(n.label for n in data.nodes)
    legend = "".join(
        f'<label class="pkg-kind"><input type="checkbox" data-kind="{html.escape(label)}" checked>'
        f'<span class="pkg-swatch" style="background:{style.color}"></span>{style.name} {html.escape(label)} '
        f"({counts[label]})</label>"
        for label, style in [*NODE_STYLES.items(), *((k, node_style(k)) for k in counts if k not in NODE_STYLES)]
        if counts[label]
    )
    edge_legend = " ".join(f'<span class="pkg-edge" style="border-color:{EDGE_COLORS.get(t, "#999")}">{name} {t}</span>'
                           for t, name in EDGE_LABELS.items())
    note = f'<div id="pkg-note">{html.escape(data.note)}</div>' if data.note else ""
    focus = [n.name for n in data.nodes if n.id in data.focus]
    centre = (f'<span id="pkg-focus">中心 focus: {html.escape("、".join(focus))}</span>' if focus else "")
    switch = ('<label id="pkg-colour"><input type="checkbox" id="pkg-community"> 按社区着色 colour by community</label>'
              if len(data.nodes) > 3 else "")
    return f"""
<div id="pkg-bar">
  <div><strong>{html.escape(title)}</strong>
    <span id="pkg-count">{len(data.nodes)} 个节点, {len(data.edges)} 条关系</span>
    <input id="pkg-search" type="search" placeholder="搜索节点 search…" autocomplete="off">
    <span id="pkg-found"></span> {centre} {switch}</div>
  <div id="pkg-legend">{legend}</div>
  <div id="pkg-edges">{edge_legend}</div>
  {note}
</div>"""


_STYLE = """<style>
body { margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
#pkg-bar { padding: 6px 10px; border-bottom: 1px solid #ddd; font-size: 14px; }
#pkg-bar > div { margin: 3px 0; }
#pkg-count { color: #666; margin: 0 12px; }
#pkg-search { width: 16em; padding: 2px 6px; }
.pkg-kind { margin-right: 12px; cursor: pointer; white-space: nowrap; }
.pkg-swatch { display: inline-block; width: 11px; height: 11px; margin: 0 4px; border-radius: 2px; vertical-align: middle; }
.pkg-edge { border-bottom: 3px solid; margin-right: 12px; font-size: 12px; }
#pkg-note { color: #a33; font-weight: bold; }
#pkg-focus { margin-left: 12px; font-weight: bold; }
#pkg-colour { margin-left: 12px; white-space: nowrap; }
.vis-tooltip { white-space: pre-wrap !important; max-width: 460px; font-size: 13px; }
</style>"""

_SCRIPT = """<script type="text/javascript">
(function () {
  // physics until the layout settles, then off: a big page must not keep the CPU busy
  // The event can pass before this script runs (a big graph's first layout batch), so the stabilisation counter
  // of vis-network 9.1.2 (the copy pyvis ships) is watched too.
  var poll = null;
  function ready() {
    if (poll !== null) { clearInterval(poll); poll = null; }
    if (window.policykgReady) { return; }
    network.setOptions({physics: false});
    window.policykgReady = true;
  }
  if (nodes.length === 0) { window.policykgReady = true; }
  else {
    network.once("stabilizationIterationsDone", ready);
    var target = network.physics.options.stabilization.iterations;
    poll = setInterval(function () {
      if (network.physics.stabilizationIterations >= target || network.physics.stabilized) { ready(); }
    }, 250);
  }
  document.querySelectorAll("#pkg-legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      var kind = box.getAttribute("data-kind");
      nodes.update(nodes.get({filter: function (n) { return n.kind === kind; }})
        .map(function (n) { return {id: n.id, hidden: !box.checked}; }));
    });
  });
  var byCommunity = document.getElementById("pkg-community");
  if (byCommunity) {
    var grouped = nodes.get({filter: function (n) { return n.communitycolor; }}).length > 0;
    if (!grouped) { byCommunity.disabled = true; byCommunity.parentNode.title = "这张图没有明显的社区 no communities here"; }
    byCommunity.addEventListener("change", function () {
      nodes.update(nodes.get().map(function (n) {
        var colour = byCommunity.checked && n.communitycolor ? n.communitycolor : n.kindcolor;
        return n.focus ? {id: n.id, color: {background: colour, border: "#111111"}} : {id: n.id, color: colour};
      }));
    });
  }
  var search = document.getElementById("pkg-search");
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    var word = search.value.trim().toLowerCase();
    var hits = word ? nodes.get({filter: function (n) {
      return !n.hidden && ((n.fullname || "").toLowerCase().indexOf(word) >= 0 || String(n.id).toLowerCase() === word);
    }}).map(function (n) { return n.id; }) : [];
    document.getElementById("pkg-found").textContent = word ? hits.length + " 个匹配" : "";
    network.selectNodes(hits);
    if (hits.length) { network.fit({nodes: hits, animation: true}); }
  });
})();
</script>"""


def graph_page(data: GraphData, title: str = "policykg", max_nodes: int = MAX_NODES) -> str:
    """The page as text: pyvis's template, inlined and stripped of CDN links, with our bar on top."""
    data = cut(data, max_nodes)
    page = build_network(data).generate_html()
    page = page.replace("<center>\n<h1></h1>\n</center>", "").replace(
        "<center>\n          <h1></h1>\n        </center>", "")
    head = (f'<meta name="generator" content="policykg {__version__}">\n'
            f"<title>{html.escape(title)}</title>\n{_STYLE}")
    page = page.replace("<head>", "<head>\n" + head, 1)
    page = page.replace("<body>", "<body>\n" + _controls(data, title), 1)
    page = page.replace("</body>", _SCRIPT + "\n</body>", 1)
    return "<!DOCTYPE html>\n" + make_offline(page).replace("<html>", '<html lang="zh-CN">', 1)


def write_graph_page(data: GraphData, out: Path, title: str = "policykg", *, max_nodes: int = MAX_NODES,
                     force: bool = False) -> Path:
    return write_text(out, graph_page(data, title, max_nodes), force)
