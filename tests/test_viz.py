"""Pictures and exports on the five seed plans: the pages open offline in headless Chromium, the chart's
Chinese is drawn with a CJK font, a click on a fact highlights its sentence, GraphML/GEXF read back whole.

One embedded store for the module; one Chromium for the module. Every page is opened with every non-file
request blocked and recorded, so "no request attempted" is measured, not assumed.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from store_params import loaded
from typer.testing import CliRunner

from policykg.cli import app
from policykg.graph.exports import get_exporter, list_exporters, write_export
from policykg.kg import KnowledgeGraph
from policykg.queries import get_query
from policykg.queries.subgraph import around, of_query, whole_graph
from policykg.viz import fonts
from policykg.viz.charts import write_chart
from policykg.viz.demo import write_demo_pictures
from policykg.viz.network import build_network, graph_page, write_graph_page
from policykg.viz.report import write_report

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    yield from loaded(KnowledgeGraph.open(tmp_path_factory.mktemp("viz-store")), [PLANS])


@pytest.fixture(scope="module")
def counts(kg: KnowledgeGraph) -> tuple[int, int]:
    stats = kg.counts()
    return sum(stats["nodes"].values()), sum(stats["relationships"].values())


# --- a browser that lets nothing leave the machine ---


@dataclass
class Visit:
    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


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


def visit(browser: Any, path: Path) -> Visit:
    """Open a file with every non-file request blocked and recorded, console errors and page errors collected."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    seen = Visit(page)

    def route(r: Any) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            seen.requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    page.goto(path.resolve().as_uri())
    return seen


CANVAS_INK = """() => { const c = document.querySelector('#mynetwork canvas'); const d = c.getContext('2d')
  .getImageData(0, 0, c.width, c.height).data; let ink = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
  return ink; }"""


# --- the graph page ---


def test_the_whole_graph_page_opens_offline_and_holds_every_node(kg: KnowledgeGraph, counts: tuple[int, int],
                                                                  browser: Any, tmp_path: Path) -> None:
    out = write_graph_page(whole_graph(kg.store), tmp_path / "graph.html", "全图")
    assert out.read_bytes().decode("utf-8")  # written as UTF-8
    seen = visit(browser, out)
    seen.page.wait_for_function("window.policykgReady === true", timeout=120_000)
    assert seen.requests == []
    assert seen.errors == []
    assert seen.page.evaluate("nodes.length") == counts[0]
    assert seen.page.evaluate("edges.length") == counts[1]
    assert seen.page.evaluate(CANVAS_INK) > 1000  # the network is drawn
    assert seen.page.evaluate("network.physics.options.enabled") is False  # physics stops once stable
    labelled = seen.page.evaluate("Object.fromEntries(['LEADS', 'SUPPORTS', 'RESPONSIBLE_FOR', 'MEASURES', 'HAS_TASK']"
                                  ".map(k => [k, [...new Set(edges.get({filter: e => e.kind === k}).map(e => e.label))]]))")
    assert labelled == {"LEADS": ["牵头"], "SUPPORTS": ["配合"], "RESPONSIBLE_FOR": ["责任人"], "MEASURES": ["衡量"],
                        "HAS_TASK": [None]}
    # the legend filters by label: unticking 任务 hides every task and nothing else
    tasks = kg.counts()["nodes"]["Task"]
    seen.page.locator('#pkg-legend input[data-kind="Task"]').uncheck()
    assert seen.page.evaluate("nodes.get({filter: n => n.hidden}).length") == tasks
    assert seen.page.evaluate("nodes.get({filter: n => n.hidden && n.kind !== 'Task'}).length") == 0
    # the search box selects the matching nodes
    seen.page.fill("#pkg-search", "高新处")
    seen.page.press("#pkg-search", "Enter")
    assert seen.page.evaluate("network.getSelectedNodes().length") >= 1
    assert "匹配" in seen.page.text_content("#pkg-found")
    seen.page.close()


def test_a_query_page_has_as_many_nodes_as_the_query_names(kg: KnowledgeGraph, browser: Any, tmp_path: Path) -> None:
    rows = kg.query_rows("co-leading-units")
    ids = {r[c] for r in rows for c in ("id_a", "id_b")}
    assert len(ids) > 5
    data, _ = of_query(kg.store, "co-leading-units")
    seen = visit(browser, write_graph_page(data, tmp_path / "pairs.html", "co-leading-units"))
    seen.page.wait_for_function("window.policykgReady === true", timeout=60_000)
    assert (seen.requests, seen.errors) == ([], [])
    assert seen.page.evaluate("nodes.length") == len(ids)
    assert set(seen.page.evaluate("nodes.getIds()")) == ids
    assert seen.page.evaluate(CANVAS_INK) > 1000
    # each row is an edge of the query's own, labelled with the tasks the pair shares
    pairs = seen.page.evaluate("edges.get({filter: e => e.kind === 'co-leading-units'}).map(e => [e.from, e.to, e.label])")
    assert sorted(pairs) == sorted([r["id_a"], r["id_b"], str(r["tasks"])] for r in rows)
    seen.page.close()


def test_pyvis_alone_would_fetch_bootstrap_and_the_harness_sees_it(kg: KnowledgeGraph, browser: Any,
                                                                  tmp_path: Path) -> None:
    """The control: pyvis 0.3.2's own in_line page asks jsdelivr for Bootstrap; ours is the same page stripped."""
    raw = tmp_path / "raw.html"
    raw.write_text(build_network(around(kg.store, "高新处", 1)).generate_html(), encoding="utf-8")
    seen = visit(browser, raw)
    assert any("cdn.jsdelivr.net" in url for url in seen.requests)
    seen.page.close()


def test_a_big_graph_is_cut_to_its_most_connected_part_with_a_note(kg: KnowledgeGraph) -> None:
    page = graph_page(whole_graph(kg.store), "全图", max_nodes=50)
    data = json.loads(re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", page, re.DOTALL).group(1))  # type: ignore[union-attr]
    assert len(data) == 50
    assert 'id="pkg-note"' in page and "连接最多的 50 个" in page


def test_around_an_entity_reaches_depth_steps(kg: KnowledgeGraph) -> None:
    one, two = around(kg.store, "邱飞章", 1), around(kg.store, "邱飞章", 2)
    person = next(n for n in one.nodes if n.properties.get("name") == "邱飞章")
    tasks = {r["id"] for r in kg.query_rows("person-portfolio", {"person": "邱飞章"})}
    assert tasks <= one.node_ids()  # the tasks they answer for are one step away
    assert person.id in one.node_ids() and one.node_ids() < two.node_ids()
    assert all(e.source in two.node_ids() and e.target in two.node_ids() for e in two.edges)


# --- charts ---


def _cjk_or_skip() -> fonts.CJKFont:
    try:
        return fonts.cjk_font()
    except fonts.NoCJKFont as exc:
        pytest.fail(f"no CJK font here: {exc}  (make install / .ci/run installs fonts-noto-cjk)")


def _glyph_bitmaps(font_path: Path, text: str) -> list[bytes]:
    from matplotlib.ft2font import FT2Font

    face = FT2Font(str(font_path))
    face.set_size(32, 72)
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the control font warns of every glyph it lacks: that is the point
        for ch in text:
            face.set_text(ch)
            face.draw_glyphs_to_bitmap()
            out.append(face.get_image().tobytes())
    return out


def test_the_chart_png_draws_its_chinese_title_with_a_cjk_font(kg: KnowledgeGraph, tmp_path: Path) -> None:
    font = _cjk_or_skip()
    params = {"indicator": "技术交易额"}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph ... missing from font" warning would fail here too
        result = write_chart("target-evolution", kg.query_rows("target-evolution", params), tmp_path / "c.png", params)
    assert result.title.startswith("技术交易额 目标与实际")
    assert result.font == font and "CJK" in result.font.family
    assert fonts.has_glyphs(result.font.path, result.title.replace(" ", "").replace("–", "").strip("0123456789"))
    # glyphs, not tofu: the CJK font draws each title character differently; a font without them draws one box
    chars = "技术交易额目标"
    cjk = _glyph_bitmaps(result.font.path, chars)
    assert len(set(cjk)) == len(chars) and all(any(b) for b in cjk)
    if DEJAVU.exists():
        assert len(set(_glyph_bitmaps(DEJAVU, chars))) == 1  # the control: DejaVu has one box for all of them
    import matplotlib.image

    pixels = matplotlib.image.imread(result.path)
    title_band = pixels[: int(pixels.shape[0] * 0.07)]
    assert (title_band[..., :3] < 0.5).any(axis=-1).sum() > 300  # ink where the title is
    assert b"Software\x00policykg" in result.path.read_bytes()[:4096]


def test_without_a_cjk_font_a_chart_says_how_to_get_one(kg: KnowledgeGraph, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    if not DEJAVU.exists():
        pytest.skip("DejaVu Sans (a font without Chinese) is not installed to stand in for 'no CJK font'")
    monkeypatch.setenv(fonts.ENV, str(DEJAVU))
    fonts.cjk_font.cache_clear()
    try:
        with pytest.raises(fonts.NoCJKFont, match="fonts-noto-cjk"):
            write_chart("units", kg.query_rows("units-leading-by-year"), tmp_path / "u.png")
        assert not (tmp_path / "u.png").exists()
    finally:
        monkeypatch.delenv(fonts.ENV)
        fonts.cjk_font.cache_clear()


def test_the_chart_html_is_self_contained(kg: KnowledgeGraph, browser: Any, tmp_path: Path) -> None:
    _cjk_or_skip()
    out = write_chart("target-vs-actual", kg.query_rows("target-vs-actual", {"region": "浙江省"}), tmp_path / "t.html",
                      {"region": "浙江省"}).path
    seen = visit(browser, out)
    assert (seen.requests, seen.errors) == ([], [])
    assert seen.page.evaluate("document.querySelectorAll('#chart svg path').length") > 100
    assert "超额" in out.read_text(encoding="utf-8")  # 技术交易额 2021: 1157亿元 against 1000亿元
    seen.page.close()


# --- the report page ---


def _doc_id(kg: KnowledgeGraph, year: int, region: str) -> str:
    (found,) = [d["id"] for d in kg.query_rows("documents", {"region": region}) if d["year"] == year]
    return str(found)


def test_clicking_a_fact_in_the_report_highlights_its_sentence(kg: KnowledgeGraph, browser: Any, tmp_path: Path) -> None:
    doc = _doc_id(kg, 2015, "浙江省")
    task = next(r for r in kg.query_rows("task-search", {"keyword": "科技云平台"}))
    # what the graph says, by another query: who leads the task and the sentence it says so in
    (lead,) = [e for e in kg.query_rows("evidence", {"id": task["id"]}) if e["kind"] == "leads"]
    out, report = write_report(kg.store, doc, tmp_path / "plan.html")
    assert report.text.complete and report.linked == report.facts
    seen = visit(browser, out)
    chip = seen.page.locator(f'[id="task-{task["id"]}"] .fact.leads', has_text=lead["subject"])
    chip.click()
    assert seen.page.text_content("mark.hl") == lead["evidence"]
    assert "牵头单位:办公室" in lead["evidence"]
    # a target: its figure as a reader writes it, and its own words highlighted
    (target,) = [g for g in kg.query_rows("document-targets", {"document": doc}) if g["indicator"] == "技术交易额"]
    fact = seen.page.locator(".fact.target", has_text="技术交易额")
    assert "150亿元" in fact.text_content()
    fact.click()
    assert seen.page.text_content("mark.hl") == target["evidence"] == "150亿元"
    assert seen.page.locator("mark.hl").count() == 1  # the previous highlight is gone
    assert (seen.requests, seen.errors) == ([], [])
    seen.page.close()


def test_without_its_source_the_report_keeps_the_sentences_it_has(kg: KnowledgeGraph, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the sources were loaded by absolute path; a copy of the store elsewhere loses them
    from policykg.viz import report as report_module

    monkeypatch.setattr(report_module, "read_source", lambda path: (_ for _ in ()).throw(
        report_module.LoaderError(path, "cannot read the file (gone)")))
    _, built = write_report(kg.store, _doc_id(kg, 2015, "浙江省"), tmp_path / "plan.html")
    assert not built.text.complete and "原文不可用" in built.text.note
    assert built.linked > 0.9 * built.facts  # facts inside a task's sentence are still found


# --- exports ---


def test_graphml_and_gexf_read_back_with_the_store_counts(kg: KnowledgeGraph, counts: tuple[int, int],
                                                          tmp_path: Path) -> None:
    data = whole_graph(kg.store)
    (graphml,) = write_export("graphml", data, tmp_path / "g.graphml")
    (gexf,) = write_export("gexf", data, tmp_path / "g.gexf")
    for graph in (nx.read_graphml(graphml), nx.read_gexf(gexf)):
        assert (graph.number_of_nodes(), graph.number_of_edges()) == counts
    unit = next(a for _, a in nx.read_gexf(gexf).nodes(data=True) if a.get("label") == "高新处")
    assert unit["node_type"] == "Unit"


def test_cytoscape_json_and_csv_hold_every_node_and_edge(kg: KnowledgeGraph, counts: tuple[int, int],
                                                         tmp_path: Path) -> None:
    data = whole_graph(kg.store)
    (cyjs,) = write_export("cytoscape-json", data, tmp_path / "g.cyjs")
    elements = json.loads(cyjs.read_text(encoding="utf-8"))["elements"]
    assert (len(elements["nodes"]), len(elements["edges"])) == counts
    files = write_export("csv", data, tmp_path / "csv")
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8-sig") as handle:
        nodes = list(csv.DictReader(handle))
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8-sig") as handle:
        edges = list(csv.DictReader(handle))
    assert (len(nodes), len(edges)) == counts and len(files) == 2
    assert {"id", "label", "name"} <= set(nodes[0])


def test_the_registry_finds_every_format_module() -> None:
    names = {e.name for e in list_exporters()}
    assert {"graphml", "gexf", "cytoscape-json", "csv"} <= names
    with pytest.raises(ValueError, match="valid: .*graphml"):
        get_exporter("dot")


def test_list_parameters_take_lists_or_comma_separated_text() -> None:
    ids = get_query("graph-nodes").param("ids")
    assert ids is not None
    assert ids.coerce("a, b,,c") == ["a", "b", "c"] and ids.coerce(["x", 1]) == ["x", "1"] and ids.coerce(None) is None


# --- the CLI and the demo ---


def test_the_cli_writes_pictures_and_never_overwrites_a_file_it_did_not_write(kg: KnowledgeGraph,
                                                                              tmp_path: Path) -> None:
    runner = CliRunner()
    store = ["--store", kg.spec]
    mine = tmp_path / "notes.html"
    mine.write_text("<p>an analyst's own page</p>", encoding="utf-8")
    refused = runner.invoke(app, ["viz", *store, "--out", str(mine)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert mine.read_text(encoding="utf-8") == "<p>an analyst's own page</p>"
    out = tmp_path / "pairs.html"
    for _ in range(2):  # the second run replaces policykg's own page
        done = runner.invoke(app, ["viz", *store, "--query", "co-leading-units", "--param", "min=2", "--out", str(out)])
        assert done.exit_code == 0, done.output
    no_ids = runner.invoke(app, ["viz", *store, "--query", "units-leading-most-tasks", "--out", str(tmp_path / "x.html")])
    assert no_ids.exit_code == 2 and "no node ids" in no_ids.output
    exported = runner.invoke(app, ["export", *store, "--format", "gexf", "--around", "高新处", "--out", str(tmp_path / "u.gexf")])
    assert exported.exit_code == 0, exported.output
    assert nx.read_gexf(tmp_path / "u.gexf").number_of_nodes() == len(around(kg.store, "高新处", 1).nodes)
    reported = runner.invoke(app, ["report", *store, "2015年工作要点", "--out", str(tmp_path / "plan.html")])
    assert reported.exit_code == 0 and "facts linked" in reported.output


def test_demo_pictures_are_written_in_a_folder_of_their_own(kg: KnowledgeGraph, tmp_path: Path) -> None:
    _cjk_or_skip()
    paths = write_demo_pictures(kg, tmp_path / "pictures")
    assert [p.name for p in paths] == ["graph.html", "target-evolution.png", "target-evolution.html", "report.html"]
    assert all(p.stat().st_size > 1000 for p in paths)
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("x")
    with pytest.warns(UserWarning, match="did not make"):
        assert write_demo_pictures(kg, foreign) == []
    assert sorted(p.name for p in foreign.iterdir()) == ["keep.txt"]


def test_tooltips_stay_text_even_when_plan_text_quotes_a_link(tmp_path: Path) -> None:
    """pyvis renders every tooltip as HTML once one title holds "href"; ours never does, so <img onerror> stays text."""
    from policykg.graph.exports.base import GraphData, Node

    hostile = Node("t1", "Task", {"title": "见<a href='http://x'>链接</a>", "evidence": "<img src=x onerror=alert(1)>"})
    page = graph_page(GraphData([hostile]))
    assert "popup.innerHTML" not in page
    (one,) = write_export("graphml", GraphData([hostile]), tmp_path)  # a folder: the format's own file name inside
    assert one == tmp_path / "graph.graphml"
