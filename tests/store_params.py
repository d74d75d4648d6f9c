"""The two stores every store test runs on: the embedded ArcadeDB and a Neo4j 5 server.

A module's store fixture takes ``params=STORES`` (module scope) and calls
``store_spec(request, tmp_path_factory)`` for what ``KnowledgeGraph.open`` or
``open_store`` takes: a fresh directory for the embedded store, or the session's Neo4j
URI (``neo4j_uri`` in conftest.py) with its database wiped. Community edition has one
database, so modules take turns: module-scoped parametrised fixtures make pytest run
one module's Neo4j tests together, and each module's fixture wipes the database first.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policykg.graph.store import open_neo4j
from policykg.kg import KnowledgeGraph

STORES = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def wipe_neo4j(uri: str) -> None:
    """Empty the one database of a Community server (the schema stays: it is idempotent)."""
    with open_neo4j(uri) as store:
        store.write([("MATCH (n) DETACH DELETE n", {})])


def store_spec(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """What ``KnowledgeGraph.open`` takes for the current STORES parameter: a fresh directory or a wiped URI."""
    kind: Any = request.param
    if kind == "embedded":
        return str(tmp_path_factory.mktemp("store"))
    uri: str = request.getfixturevalue("neo4j_uri")
    wipe_neo4j(uri)
    return uri


def open_kg(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeGraph:
    return KnowledgeGraph.open(store_spec(request, tmp_path_factory))


def loaded(graph: KnowledgeGraph, paths: list[Path]) -> Iterator[KnowledgeGraph]:
    """A module fixture's body: ``graph`` with every file of ``paths`` loaded (each must load), closed after.

    ``yield from loaded(KnowledgeGraph.open(...), [PLANS])`` in a fixture."""
    try:
        results = graph.load(paths)
        assert all(r.ok for r in results), [r.error for r in results if not r.ok]
        yield graph
    finally:
        graph.close()
