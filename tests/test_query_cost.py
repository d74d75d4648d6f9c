"""A filtered query's work grows with what it is about, not with the graph (issue 13, point 3).

Neo4j's PROFILE counts the database hits of a statement. The region-scoped named queries
run on the seed plans alone, and again after 40 plans of the scale corpus are added; the
answers stay the same (the added plans are not about the region), and so must the work,
within a margin for the few region nodes the new plans bring. When these queries scanned
every document and then filtered by region, their hits grew about eightfold here.
Neo4j only: it is the store whose profile counts hits; the embedded store runs the same text.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from store_params import wipe_neo4j

from policykg.kg import KnowledgeGraph, expand_paths
from policykg.queries.catalogue import get_query

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
OTHER_PLANS = 40
REGION = {"region": "浙江省", "within": True}
SEED_IDS = ["doc-6c90a7d6afc0752d", "doc-6c90a7d6afc0752d-t4"]
CASES = [
    ("units-leading-most-tasks", REGION),
    ("units-leading-most-tasks", {"region": "浙江省"}),
    ("units-supporting-most-tasks", REGION),
    ("units-leading-by-year", REGION),
    ("co-leading-units", REGION),
    ("documents", REGION),
    ("tasks-without-lead", REGION),
    ("task-search", {**REGION, "keyword": "孵化器"}),
    # the picture queries, given ids (viz --around, report): each id through the indexes, not a scan of every node
    ("graph-nodes", {"ids": SEED_IDS}),
    ("graph-edges", {"ids": SEED_IDS}),
    ("graph-neighbours", {"ids": SEED_IDS}),
]

pytestmark = pytest.mark.neo4j


def profile(kg: KnowledgeGraph, name: str, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """The query's rows and the database hits of its plan (every operator's, summed)."""
    query = get_query(name)
    store: Any = kg.store
    with store.driver.session(database=store.database) as session:
        result = session.run("PROFILE " + query.cypher, query.bind(params))
        rows = sorted((record.data() for record in result), key=repr)  # the graph queries stream unordered
        plan = result.consume().profile

    def hits(node: dict[str, Any]) -> int:
        return int(node.get("dbHits", 0)) + sum(hits(child) for child in node.get("children", []))

    return rows, hits(plan)


@pytest.fixture(scope="module")
def costs(neo4j_uri: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[tuple[Any, int]]]]:
    """Each case's (rows, hits) on the seeds alone, then with other regions' plans beside them."""
    wipe_neo4j(neo4j_uri)
    other = tmp_path_factory.mktemp("other-plans")
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(OTHER_PLANS), str(other)],
                   check=True, capture_output=True)
    measured: dict[str, list[tuple[Any, int]]] = {}
    with KnowledgeGraph.open(neo4j_uri) as kg:
        for files in (expand_paths([PLANS]), expand_paths([other])):
            assert all(r.ok for r in kg.load(files))
            for name, params in CASES:
                measured.setdefault(f"{name} {params}", []).append(profile(kg, name, params))
    yield measured
    wipe_neo4j(neo4j_uri)


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{'-'.join(map(str, p.values()))}"[:60] for n, p in CASES])
def test_a_region_query_does_not_read_other_regions_documents(costs: dict[str, list[tuple[Any, int]]], name: str,
                                                              params: dict[str, Any]) -> None:
    (rows_before, hits_before), (rows_after, hits_after) = costs[f"{name} {params}"]
    assert rows_before, "the case must find something in the seeds, or it measures nothing"
    assert rows_after == rows_before, "the added plans must not be about the region"
    assert hits_after <= 1.25 * hits_before + 100, (hits_before, hits_after)
