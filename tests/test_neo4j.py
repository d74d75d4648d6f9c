"""The same load and queries against a Neo4j 5 server, when one is given by NEO4J_URI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from policykg.kg import KnowledgeGraph

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
pytestmark = pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set: no Neo4j server to test against")


def test_loading_the_seeds_twice_into_neo4j_changes_nothing() -> None:
    with KnowledgeGraph.open(os.environ["NEO4J_URI"]) as kg:
        kg.load([PLANS])
        before = kg.stats()
        kg.load([PLANS])
        assert kg.stats() == before
        assert before["nodes"]["Document"] >= 5
