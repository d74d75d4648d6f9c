"""The writer's counters (policykg/graph/tallies.py) always equal a count over the graph itself.

units-leading-most-tasks over the whole graph and ``indicators`` read them instead of every
edge, so a load, a reload with other text and a delete must each leave them exactly where a
recount would put them, on both stores.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_params import STORES, open_kg

from policykg.kg import KnowledgeGraph

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"

#: The same ranking as units-leading-most-tasks, counted from the LEADS edges.
RECOUNT_UNITS = """
MATCH (d:Document)-[:HAS_TASK]->(t:Task)<-[:LEADS]-(u:Unit)
WHERE coalesce(u.collective, false) = false AND ($from IS NULL OR d.year >= $from) AND ($to IS NULL OR d.year <= $to)
RETURN u.name AS unit, count(DISTINCT t) AS tasks ORDER BY tasks DESC, unit
"""
RECOUNT_INDICATORS = """
MATCH (g:Target)-[:MEASURES]->(i:Indicator)
OPTIONAL MATCH (g)-[:FOR]->(r:Region)
WITH i, count(DISTINCT CASE WHEN g.kind = 'target' THEN g END) AS targets,
     count(DISTINCT CASE WHEN g.kind = 'actual' THEN g END) AS actuals, min(g.year) AS first_year,
     max(g.year) AS last_year, collect(DISTINCT r.name) AS regions
RETURN i.name AS indicator, targets, actuals, first_year, last_year, regions ORDER BY indicator
"""


@pytest.fixture(scope="module", params=STORES)
def kg(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    graph = open_kg(request, tmp_path_factory)
    yield graph
    graph.close()


def _check(kg: KnowledgeGraph) -> None:
    for span in ({"from": None, "to": None}, {"from": 2016, "to": None}, {"from": None, "to": 2015}):
        ranked = [(r["unit"], r["tasks"]) for r in kg.query_rows("units-leading-most-tasks", {**span, "limit": 1000})]
        assert sorted(ranked, key=lambda x: (-x[1], x[0])) == [(r["unit"], r["tasks"]) for r in kg.read(RECOUNT_UNITS, span)]
    listed = sorted(({k: r[k] for k in ("indicator", "targets", "actuals", "first_year", "last_year")}
                     | {"regions": sorted(r["regions"])} for r in kg.query_rows("indicators", {})),
                    key=lambda r: r["indicator"])
    counted = [r | {"regions": sorted(r["regions"])} for r in kg.read(RECOUNT_INDICATORS)]
    assert listed == counted


def test_the_counters_follow_loads_reloads_and_deletes(kg: KnowledgeGraph, tmp_path: Path) -> None:
    plans = sorted(PLANS.glob("*.txt"))
    assert all(r.ok for r in kg.load(plans))
    _check(kg)
    assert kg.query_rows("units-leading-most-tasks", {"limit": 1})[0]["tasks"] > 3
    assert sum(r["targets"] + r["actuals"] for r in kg.query_rows("indicators", {})) > 10
    assert all(r.ok for r in kg.load(plans))  # reloaded: each document's earlier contribution is taken back
    _check(kg)
    edited = tmp_path / plans[0].name  # a near-copy of a plan, its last lines dropped: another document
    edited.write_text(plans[0].read_text(encoding="utf-8").rsplit("\n", 3)[0], encoding="utf-8")
    assert all(r.ok for r in kg.load([edited]))
    _check(kg)
    for doc in [r["id"] for r in kg.read("MATCH (d:Document) RETURN d.id AS id ORDER BY id")][:3]:
        kg.delete_document(doc)
        _check(kg)
    for doc in [r["id"] for r in kg.read("MATCH (d:Document) RETURN d.id AS id")]:
        kg.delete_document(doc)
    assert kg.read("MATCH (c) WHERE c:UnitTally OR c:IndicatorTally RETURN count(c) AS n") == [{"n": 0}]
