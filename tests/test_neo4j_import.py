"""A first load through ``neo4j-admin database import full`` gives the graph the transactional path gives.

The CSV files come from ``policykg neo4j-import`` (``loading.assemble_files``, ``graph.firstload``,
``graph.neo4j_import``);
the importer is the one of the Neo4j 5.26 Community server that tests/neo4j builds from Maven
Central (``org.neo4j.cli.AdminTool`` from the ``neo4j-command-line`` and ``neo4j-import-tool``
artifacts on its class path: the ``neo4j-admin`` of a distribution), run on a fresh database
home, which a server then opens. Its fingerprint must equal that of the same files loaded
through the transactional path into the embedded store (the two stores hold identical graphs
after the same load: tests/test_cypher_portability.py).
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import neo4j_local
import pytest

from policykg.graph.fingerprint import graph_fingerprint
from policykg.graph.store import BoltStore
from policykg.kg import KnowledgeGraph
from policykg.loading import scan_paths

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.neo4j


def _corpus(out: Path) -> list[Path]:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    files: list[Path] = module.make_corpus(16, out, seed=7)
    return sorted(files) + scan_paths([ROOT / "examples" / "plans"]).files


def _admin(home: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    java, mvn = neo4j_local.tools()
    classpath = neo4j_local.build(mvn)
    # in the home's folder: the importer writes its import.report into the working directory
    return subprocess.run([java, "-cp", classpath, "org.neo4j.cli.AdminTool", *args], capture_output=True, text=True,
                          timeout=900, env={**os.environ, "NEO4J_HOME": str(home)}, cwd=home)


def test_the_importer_gives_the_transactional_graph(tmp_path: Path) -> None:
    if os.environ.get("POLICYKG_NEO4J") != "local":
        pytest.skip("the importer is the Maven-built server's: set POLICYKG_NEO4J=local (Java 17+ and Maven)")
    try:
        neo4j_local.tools()
    except neo4j_local.Unavailable as exc:
        pytest.skip(str(exc))
    files = _corpus(tmp_path / "corpus")
    with KnowledgeGraph.open(tmp_path / "embedded", heap="512m") as kg:
        assert all(r.ok for r in kg.load_iter(files, jobs=1, batch=7))
        reference = graph_fingerprint(kg.store)
        units = kg.query_rows("units-leading-most-tasks", {"limit": 5})
        found = kg.query_rows("task-search", {"keyword": "孵化器"})

    out = tmp_path / "csv"
    made = subprocess.run([sys.executable, "-m", "policykg.cli", "neo4j-import", *map(str, files), "--out", str(out),
                           "--jobs", "2"], capture_output=True, text=True, timeout=900)
    assert made.returncode == 0, made.stderr[-2000:]
    assert made.stdout.count("\nok ") + made.stdout.startswith("ok ") == len(files), made.stdout[-2000:]
    script = (out / "import.sh").read_text(encoding="utf-8")
    command = shlex.split(script.split("exec neo4j-admin ", 1)[1])
    assert command[:4] == ["database", "import", "full", "neo4j"]

    data = tmp_path / "neo4j"
    (data / "home").mkdir(parents=True)
    done = _admin(data / "home", command)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "IMPORT DONE" in done.stdout
    with neo4j_local.start(data) as server:
        from neo4j import GraphDatabase

        from policykg.graph.dialect import NEO4J

        driver = GraphDatabase.driver(server.uri, auth=("neo4j", server.password), **NEO4J.driver_options)
        store = BoltStore(driver, "neo4j", name="imported", dialect=NEO4J)
        imported = KnowledgeGraph(store, server.uri)
        try:
            imported.ensure_schema()  # what policykg does when it first opens the imported database
            assert graph_fingerprint(store) == reference
            assert imported.query_rows("units-leading-most-tasks", {"limit": 5}) == units
            assert _ids(imported.query_rows("task-search", {"keyword": "孵化器"})) == _ids(found)
        finally:
            store.close()


def _ids(rows: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in rows]
