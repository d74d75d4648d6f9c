"""Readable on real data (issue 20): pictures, pages and the CLI on the 29 real documents of ../shared/realcorpus.

The five sample plans flatter every picture; these tests load the real corpus into one
embedded store for the module and look at what a reader gets, in headless Chromium
(Debian's, driven by Playwright) with every request off the machine (or off the API's
own socket) blocked and recorded. They skip where ../shared/realcorpus is absent.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from api_fixtures import live_server
from shared_dir import REALCORPUS_DOCS
from store_params import loaded
from typer.testing import CliRunner

from policykg.api import ApiSettings
from policykg.cli import app
from policykg.kg import KnowledgeGraph

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
FOCUS_UNIT = "广东省政务和数据局"

pytestmark = pytest.mark.skipif(not REALCORPUS_DOCS.is_dir(),
                                reason=f"the real documents are not shipped with the project; {REALCORPUS_DOCS} is absent")


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    yield from loaded(KnowledgeGraph.open(tmp_path_factory.mktemp("realcorpus-store")), [REALCORPUS_DOCS])


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency: pip install -e '.[dev]'")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


def open_page(browser: Any, url: str, allowed: str = "file://") -> tuple[Any, list[str]]:
    """A page with every request outside ``allowed`` blocked and recorded."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(allowed):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(url)
    return page, blocked


def cli(kg: KnowledgeGraph, *args: str) -> Any:
    return CliRunner().invoke(app, [*args, "--store", kg.spec], env={"COLUMNS": "120"})


# --- "Why" 2: the chart of an indicator a dozen regions report ---


RECTS = """ids => ids.map(id => { const r = document.getElementById(id).getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom]; })"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_the_gdp_chart_gives_each_region_its_own_colour_and_keeps_legends_off_the_data(
        kg: KnowledgeGraph, browser: Any, tmp_path: Path) -> None:
    done = cli(kg, "chart", "target-evolution", "--param", "indicator=GDP增长", "--out", str(tmp_path / "gdp.html"))
    assert done.exit_code == 0, done.output
    page, blocked = open_page(browser, (tmp_path / "gdp.html").as_uri())
    series = json.loads(page.text_content("#pkg-series") or "[]")
    regions = {s["region"] for s in series}
    assert len(regions) >= 10 and "全国" in regions  # the national series is named, not "—"
    drawn = page.evaluate("""ids => ids.map(id => { const p = document.querySelector('#' + CSS.escape(id) + ' path');
      return getComputedStyle(p).stroke; })""", [s["id"] for s in series])
    by_region: dict[str, set[str]] = {}
    for s, colour in zip(series, drawn, strict=True):
        by_region.setdefault(s["region"], set()).add(colour)
    assert all(len(c) == 1 for c in by_region.values()), by_region  # one colour per region
    colours = [next(iter(c)) for c in by_region.values()]
    assert len(set(colours)) == len(colours), by_region  # and no colour reused by another region
    panels = sorted({s["id"].split("-")[2] for s in series})
    for k in panels:
        assert sum(1 for s in series if s["id"].split("-")[2] == k) <= 8  # at most eight series a panel
    areas = page.evaluate(RECTS, [f"pkg-area-{k}" for k in panels])
    legends = page.evaluate(RECTS, [f"pkg-legend-{k}" for k in panels])
    assert not any(_overlap(legend, area) for legend in legends for area in areas)  # legends outside the data
    labels = page.evaluate("""() => [...document.querySelectorAll('[id^="pkg-label-"]')].map(e => {
      const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    assert not any(_overlap(a, b) for k, a in enumerate(labels) for b in labels[k + 1:])  # no labels piled up
    assert blocked == []
    page.close()


# --- "Why" 3: a unit's neighbourhood ---


def test_around_a_unit_with_hundreds_of_reachable_targets_draws_at_most_150_nodes_and_marks_it(
        kg: KnowledgeGraph, browser: Any, tmp_path: Path) -> None:
    (reach,) = kg.read("MATCH (u:Unit {name: $name})-[*1..2]-(g:Target) RETURN count(DISTINCT g) AS n", {"name": FOCUS_UNIT})
    assert reach["n"] >= 300  # through its province's Region node
    out = tmp_path / "unit.html"
    done = cli(kg, "viz", "--around", FOCUS_UNIT, "--depth", "2", "--out", str(out))
    assert done.exit_code == 0, done.output
    page, blocked = open_page(browser, out.as_uri())
    page.wait_for_function("window.policykgReady === true", timeout=120_000)
    assert page.evaluate("nodes.length") <= 150
    focus = page.evaluate("nodes.get({filter: n => n.focus}).map(n => [n.id, n.fullname, n.fixed])")
    assert [f[1] for f in focus] == [FOCUS_UNIT] and focus[0][2] is True
    position = page.evaluate(f"network.getPositions([{json.dumps(focus[0][0])}])[{json.dumps(focus[0][0])}]")
    assert (round(position["x"]), round(position["y"])) == (0, 0)  # held in the middle
    assert FOCUS_UNIT in page.inner_text("#pkg-focus")
    region = page.evaluate("nodes.get({filter: n => n.kind === 'Region'}).map(n => n.label)")
    assert region and all("+" in label for label in region)  # the province is one node with a count, not opened
    assert page.evaluate("nodes.get({filter: n => n.kind === 'Target'}).length") < 100
    assert "枢纽" in page.inner_text("#pkg-note")
    assert blocked == []
    page.close()


# --- "Why" 7: documents titled alike ---


def test_report_lists_every_document_a_title_part_matches(kg: KnowledgeGraph) -> None:
    """The State Council's reports, titled only 政府工作报告 in their copies, are stored as 20XX年国务院政府工作报告:
    the part they share lists every one of them, each by its own title."""
    matching = [d for d in kg.query_rows("documents") if "国务院政府工作报告" in (d["title"] or "")]
    assert len(matching) >= 2
    done = cli(kg, "report", "国务院政府工作报告", "--out", "unused.html")
    assert done.exit_code == 2
    for d in matching:
        assert d["id"] in done.output
    assert "2024年国务院政府工作报告" in done.output and "2021年国务院政府工作报告" in done.output


def test_compare_documents_tells_two_reports_titled_alike_apart(kg: KnowledgeGraph) -> None:
    rows = kg.query_rows("compare-documents", {"issuer": "国务院"})
    assert rows
    assert {(r["earlier_doc"], r["later_doc"]) for r in rows} == {("2021年国务院政府工作报告", "2024年国务院政府工作报告")}


# --- the site on the real store ---


@pytest.fixture(scope="module")
def url(kg: KnowledgeGraph) -> Iterator[str]:
    with live_server(kg, ApiSettings(freshness_seconds=0.0)) as base:
        yield base


def test_the_api_docs_render_with_the_network_blocked(url: str, browser: Any) -> None:
    page, blocked = open_page(browser, url + "/docs", allowed=url)
    page.wait_for_selector(".swagger-ui .opblock", timeout=60_000)
    assert page.locator(".swagger-ui .opblock").count() > 10
    assert blocked == []
    page.close()
    with httpx.Client(base_url=url, timeout=30) as http:
        html = http.get("/docs").text
    assert "cdn.jsdelivr.net" not in html and "unpkg" not in html


def test_the_sparql_page_has_a_form_examples_and_a_results_table_offline(url: str, browser: Any) -> None:
    page, blocked = open_page(browser, url + "/sparql", allowed=url)  # a browser opening the bare endpoint
    assert page.url.endswith("/sparql/form")
    assert page.locator("textarea[name=query]").count() == 1
    assert page.locator("a[href*='/sparql/form?query=']").count() >= 3  # examples
    page.fill("textarea[name=query]", "SELECT ?name WHERE { ?u a pkg:Unit ; skos:prefLabel ?name } ORDER BY ?name LIMIT 5")
    page.click("form.sparql button")
    page.wait_for_selector("table.sparql-results")
    assert page.locator("table.sparql-results th").all_inner_texts() == ["name"]
    assert page.locator("table.sparql-results tbody tr").count() == 5
    page.fill("textarea[name=query]", "SELECT ?x WHERE { oops")
    page.click("form.sparql button")
    assert "syntax" in page.inner_text("p.error").lower()
    assert blocked == []
    page.close()
    with httpx.Client(base_url=url, timeout=30) as http:  # a program still gets the protocol's answers
        assert http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_the_document_page_lists_tasks_in_document_order_and_its_source_by_file_name(
        kg: KnowledgeGraph, url: str, browser: Any) -> None:
    (doc,) = [d for d in kg.query_rows("documents", {"issuer": "国务院"}) if d["year"] == 2015]
    expected = [r["id"] for r in sorted(kg.query_rows("document-tasks", {"document": doc["id"]}), key=lambda r: r["order"])]
    page, blocked = open_page(browser, f"{url}/id/document/{doc['id']}", allowed=url)
    assert page.inner_text("h1") == "2015年国务院政府工作报告"
    hrefs = page.eval_on_selector_all("section[data-rel=tasks-in-order] li a", "as => as.map(a => a.getAttribute('href'))")
    assert [h.rsplit("/", 1)[1] for h in hrefs] == expected
    assert page.locator("section[data-rel=has_task]").count() == 0  # not also the list sorted as text
    source = page.locator("table.props tr", has_text="来源").locator("td").nth(1).inner_text()
    assert source == "03_national-2015-state-council-government-work-report.txt"
    assert blocked == []
    page.close()


def test_the_indicator_page_draws_a_line_per_region_with_axes_that_do_not_collide(
        kg: KnowledgeGraph, url: str, browser: Any) -> None:
    with httpx.Client(base_url=url, timeout=30) as http:
        (indicator,) = [i for i in http.get("/indicators", params={"q": "GDP增长"}).json()["items"] if i["name"] == "GDP增长"]
    page, blocked = open_page(browser, f"{url}/id/indicator/{indicator['id']}", allowed=url)
    regions = {r["region"] or "全国" for r in kg.query_rows("target-evolution", {"indicator": "GDP增长"})}
    drawn = set(page.eval_on_selector_all("svg.series [data-region]", "es => es.map(e => e.getAttribute('data-region'))"))
    assert drawn == regions and len(regions) >= 10
    colours = page.eval_on_selector_all("ul.legend li[data-region] .swatch", "es => es.map(e => e.style.background)")
    assert len(colours) == len(regions) and len(set(colours)) == len(colours)
    years = page.eval_on_selector_all("svg.series text.year", """es => es.map(e => {
      const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })""")
    assert len(years) >= 5 and not any(_overlap(a, b) for k, a in enumerate(years) for b in years[k + 1:])
    assert page.locator("svg.series text.tick").count() >= 3  # a y axis with values
    items = page.locator("ul.figures li")  # every figure, each linking to its Target (the series merges restatements)
    stored = kg.read("MATCH (:Indicator {id: $id})<-[:MEASURES]-(g:Target) RETURN count(g) AS n", {"id": indicator["id"]})
    assert items.count() == stored[0]["n"] >= len(kg.query_rows("target-evolution", {"indicator": "GDP增长"}))
    for k in range(items.count()):
        item = items.nth(k)
        assert item.locator(".year").inner_text().strip() and item.locator(".region").inner_text().strip()
    assert blocked == []
    page.close()


def test_site_search_finds_tasks_and_documents(url: str) -> None:
    with httpx.Client(base_url=url, timeout=30) as http:
        tasks = http.get("/search", params={"q": "算力"}).text
        docs = http.get("/search", params={"q": "政府工作报告"}).text
    assert "工作任务 Task" in tasks and "/id/task/" in tasks
    assert "文件 Document" in docs and "2024年国务院政府工作报告" in docs


def test_at_80_columns_tasks_that_open_alike_read_apart(kg: KnowledgeGraph) -> None:
    done = CliRunner().invoke(app, ["query", "task-search", "-p", "keyword=深入实施", "--store", kg.spec],
                              env={"COLUMNS": "80"})
    assert done.exit_code == 0, done.output
    rows = kg.query_rows("task-search", {"keyword": "深入实施"})
    lines = [line for line in done.stdout.splitlines() if any(r["id"] in line for r in rows)]
    cells = [line.split("  ") for line in lines]
    tasks = [next(c.strip() for c in parts if c.strip().startswith("…") or "实施" in c) for parts in cells
             if any(c.strip().startswith("…") or "实施" in c for c in parts)]
    assert len(tasks) >= 4 and len(set(tasks)) == len(tasks), done.stdout


def test_the_whole_graph_page_keeps_its_budget_and_says_what_it_left_out(kg: KnowledgeGraph) -> None:
    import re

    from policykg.queries.subgraph import whole_graph
    from policykg.viz.network import MAX_NODES, graph_page

    data = whole_graph(kg.store)
    assert len(data.nodes) > 2 * MAX_NODES  # the real corpus: about 2,000 nodes and more
    page = graph_page(data, "全图")
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.DOTALL).group(1))  # type: ignore[union-attr]
    assert len(nodes) == MAX_NODES <= 800
    note = re.search(r'<div id="pkg-note">(.*?)</div>', page).group(1)  # type: ignore[union-attr]
    assert "省略" in note and "目标值" in note  # what was left out, by kind
