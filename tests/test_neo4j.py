"""The Neo4j server itself: the version the tests pin is the one they run and the one compose runs.

Everything a store does (load, reload, delete, queries, the guard, analytics) runs on
Neo4j through the ``STORES`` parameter of the other modules; this file holds what is
about the server. What Neo4j does that the embedded store does not is pinned in
test_store.py (policykg/graph/dialect.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import neo4j_local
import pytest
from store_params import wipe_neo4j

from policykg.graph.fingerprint import graph_rows
from policykg.graph.store import StoreError, open_neo4j
from policykg.kg import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"


def test_docker_compose_runs_the_neo4j_version_the_tests_pin() -> None:
    compose = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    images = re.findall(r"image:\s*neo4j:(\S+)", compose)
    assert images == [f"{neo4j_local.pinned_version()}-community"]


@pytest.mark.neo4j
def test_the_server_is_the_pinned_neo4j_community(neo4j_uri: str) -> None:
    with open_neo4j(neo4j_uri) as store:
        rows = store.read("CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition")
    assert rows == [{"name": "Neo4j Kernel", "versions": [neo4j_local.pinned_version()], "edition": "community"}]


@pytest.mark.neo4j
def test_a_wrong_password_is_one_clear_error(neo4j_uri: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    with pytest.raises(StoreError, match=f"cannot reach Neo4j at {re.escape(neo4j_uri)}"):
        open_neo4j(neo4j_uri)


@pytest.mark.neo4j
def test_arcadedb_and_neo4j_hold_the_same_graph_after_the_same_load(
        neo4j_uri: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Every node, relationship and property, lists in stored order (graph.fingerprint): the
    # statements mean the same on both engines, not merely run on both.
    wipe_neo4j(neo4j_uri)
    prints = []
    for spec in (str(tmp_path_factory.mktemp("same-graph")), neo4j_uri):
        with KnowledgeGraph.open(spec) as kg:
            assert all(r.ok for r in kg.load([PLANS]))
            prints.append(graph_rows(kg.store))
    assert prints[0] == prints[1]
    assert len(prints[0][0]) > 500  # the seeds' nodes, not two empty graphs
