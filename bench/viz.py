"""Picture benchmark: how long the graph page takes to build and to settle in a browser, as the graph grows.

    .venv/bin/python bench/viz.py [--nodes 500,2000,10000] [--browser /usr/bin/chromium]

A synthetic graph (units leading tasks, each task with two targets measuring
indicators, so degrees look like a plan corpus's) is turned into the page by
``policykg.viz.network.graph_page`` (graphs over 2,000 nodes are cut to the most
connected 2,000), and, when Chromium is there, opened headless with every
non-file request blocked: time until the physics has stabilised and stopped.
Prints one line per size: nodes in, nodes drawn, page MB, build s, settle s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from policykg.graph.exports.base import Edge, GraphData, Node
from policykg.viz.network import graph_page


def synthetic(nodes: int, seed: int = 7) -> GraphData:
    rng = random.Random(seed)
    units = max(5, nodes // 40)
    indicators = max(5, nodes // 30)
    tasks = max(1, (nodes - units - indicators) // 3)
    data = GraphData()
    data.nodes += [Node(f"u{k}", "Unit", {"name": f"单位{k}处"}) for k in range(units)]
    data.nodes += [Node(f"i{k}", "Indicator", {"name": f"指标{k}"}) for k in range(indicators)]
    for t in range(tasks):
        data.nodes.append(Node(f"t{t}", "Task", {"number": str(t), "title": f"任务{t}", "evidence": "牵头单位:某处"}))
        lead = min(int(rng.paretovariate(1.2)), units) - 1  # a few units lead most tasks
        data.edges.append(Edge(f"u{lead}", f"t{t}", "LEADS", {"evidence": "牵头单位:某处"}))
        data.edges.append(Edge(f"u{rng.randrange(units)}", f"t{t}", "SUPPORTS", {}))
        for g in range(2):
            data.nodes.append(Node(f"g{t}-{g}", "Target", {"raw": f"达{g}亿元"}))
            data.edges.append(Edge(f"t{t}", f"g{t}-{g}", "HAS_TARGET", {}))
            data.edges.append(Edge(f"g{t}-{g}", f"i{rng.randrange(indicators)}", "MEASURES", {}))
    return data


def settle(browser_path: str, page: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        tab = browser.new_page()
        tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        started = time.perf_counter()
        tab.goto(page.as_uri())
        tab.wait_for_function("window.policykgReady === true", timeout=600_000)
        seconds = time.perf_counter() - started
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", default="500,2000,10000")
    parser.add_argument("--browser", default=shutil.which("chromium") or "")
    args = parser.parse_args()
    print("nodes_in  nodes_drawn  page_MB  build_s  settle_s")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(x) for x in args.nodes.split(",")):
            data = synthetic(n)
            started = time.perf_counter()
            html = graph_page(data, f"bench {n}")
            build = time.perf_counter() - started
            path = Path(tmp) / f"g{n}.html"
            path.write_text(html, encoding="utf-8")
            drawn = html.count('"kind": "') - html.count('"kind": "LEADS"') - html.count('"kind": "SUPPORTS"') \
                - html.count('"kind": "HAS_TARGET"') - html.count('"kind": "MEASURES"')
            seconds = settle(args.browser, path) if args.browser else float("nan")
            print(f"{len(data.nodes):8d}  {drawn:11d}  {len(html.encode()) / 1e6:7.2f}  {build:7.2f}  {seconds:8.1f}")


if __name__ == "__main__":
    main()
