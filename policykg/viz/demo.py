"""The pictures ``policykg demo`` writes: the whole graph, a chart and one report page, in a folder of its own."""

from __future__ import annotations

import warnings
from pathlib import Path

from policykg.kg import KnowledgeGraph
from policykg.queries.runner import run_named
from policykg.queries.subgraph import whole_graph
from policykg.viz.charts import write_chart
from policykg.viz.files import OutputExists, check_writable, mark_folder
from policykg.viz.fonts import NoCJKFont
from policykg.viz.network import write_graph_page
from policykg.viz.report import write_report


def write_demo_pictures(kg: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """graph.html, the busiest indicator's target-evolution chart (PNG and HTML) and the fullest document's report.

    The busiest indicator is a catalogued one (not an ad hoc name) with an actual, and the most figures.

    ``out_dir`` is created and marked as policykg's; an existing folder policykg did not
    make is left alone with a warning (nothing written, an empty list). Without a CJK
    font the chart is skipped with a warning that says how to install one, and the
    other pictures are still written.
    """
    try:
        check_writable(out_dir)
    except OutputExists as exc:
        warnings.warn(f"demo pictures skipped: {exc}", stacklevel=2)
        return []
    mark_folder(out_dir)
    store = kg.store
    written = [write_graph_page(whole_graph(store), out_dir / "graph.html", "policykg demo: 全图", force=True)]
    busiest = max(run_named(store, "indicators"), key=lambda r: (bool(r["catalogued"]), r["actuals"] > 0, r["targets"] + r["actuals"]),
                  default=None)
    if busiest is not None:
        params = {"indicator": busiest["indicator"]}
        rows = run_named(store, "target-evolution", params)
        try:
            for suffix in (".png", ".html"):
                written.append(write_chart("target-evolution", rows, out_dir / f"target-evolution{suffix}", params,
                                           force=True).path)
        except NoCJKFont as exc:
            warnings.warn(f"chart skipped: {exc}", stacklevel=2)
    documents = run_named(store, "document-overview")
    if documents:
        fullest = max(documents, key=lambda d: (d["tasks"] + d["targets"], d["id"]))
        written.append(write_report(store, fullest["id"], out_dir / "report.html", force=True)[0])
    return written
