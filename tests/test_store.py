"""Whole-or-nothing writes, idempotent loads and deletes on both stores; the embedded server's sharing and loopback.

The tests marked ``EMBEDDED_ONLY`` are about the server policykg starts itself (leases,
ports, password file); on Neo4j those belong to whoever runs the server.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_params import STORES, open_kg

from policykg.graph import dialect, embedded
from policykg.graph.layout import StoreLayout, pid_alive
from policykg.graph.mapping import to_graph_rows
from policykg.graph.store import StoreError
from policykg.graph.writer import write_statements
from policykg.kg import KnowledgeGraph
from policykg.loaders.types import DocumentRecord, Extraction, TargetRecord, TaskRecord

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "examples" / "plans"
POLICYKG = [sys.executable, "-m", "policykg.cli"]

PLAN_TEXT = "某省科学技术厅2030年工作要点\n1.建设未来实验室。\n2.培育高新技术企业,力争高新技术企业累计达9000家。\n"


def small_plan() -> Extraction:
    """A plan built record by record, so these tests do not depend on the parsers."""
    doc_id = "doc-test-2030"
    return Extraction(
        document=DocumentRecord(id=doc_id, title="某省科学技术厅2030年工作要点", issuer="某省科学技术厅", region="某省", year=2030),
        tasks=[
            TaskRecord(id=f"{doc_id}-t0", number="1", text="建设未来实验室。", order=0, lead=["未来处"],
                       support=["有关处室"], people=["张三"], span=(15, 23)),
            TaskRecord(id=f"{doc_id}-t1", number="2", text="培育高新技术企业,力争高新技术企业累计达9000家。", order=1,
                       lead=["高新处"], support=["未来处"], people=["李四"], span=(26, 53)),
        ],
        targets=[TargetRecord(id=f"{doc_id}-g0", indicator="高新技术企业累计", value=9000, unit="家", year=2030,
                              comparator=">=", raw="高新技术企业累计达9000家", task_id=f"{doc_id}-t1", span=(37, 52))],
        text=PLAN_TEXT,
    )


#: Runs a test on the embedded store alone: the same module-scoped store, not a second one.
EMBEDDED_ONLY = pytest.mark.parametrize("kg", ["embedded"], indirect=True)


def fingerprint(kg: KnowledgeGraph) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Every node id and every relationship as (start, type, end): equal fingerprints, equal stores."""
    nodes = [r["id"] for r in kg.read("MATCH (n) RETURN n.id AS id ORDER BY id")]
    rels = kg.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b")
    return nodes, sorted((r["a"], r["t"], r["b"]) for r in rels)


@pytest.fixture(scope="module", params=STORES)
def kg(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    graph = open_kg(request, tmp_path_factory)
    results = graph.load([PLANS])
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    yield graph
    graph.close()


def test_loading_twice_changes_nothing(kg: KnowledgeGraph) -> None:
    before = kg.counts()
    results = kg.load([PLANS])
    assert [r.ok for r in results] == [True] * 5
    assert kg.counts() == before
    assert before["nodes"]["Document"] == 5


def test_a_write_that_fails_midway_leaves_the_store_as_it_was(kg: KnowledgeGraph) -> None:
    before = fingerprint(kg)
    extraction = small_plan()
    statements = write_statements(to_graph_rows(extraction))
    # The failure comes after the shared nodes and the tasks were written in the same transaction.
    failing = statements + [("UNWIND [1] AS x CREATE (n:Task {id: $id})", {"id": extraction.tasks[0].id})]
    with pytest.raises(StoreError):
        kg.store.write(failing)
    assert fingerprint(kg) == before


def test_delete_document_removes_only_what_it_contributed(kg: KnowledgeGraph) -> None:
    before = kg.counts()
    extraction = small_plan()
    from policykg.graph.writer import write_extraction

    write_extraction(kg.store, extraction)
    assert kg.read("MATCH (p:Person {name: '张三'}) RETURN count(p) AS n") == [{"n": 1}]
    kg.delete_document(extraction.document.id)
    assert kg.counts() == before


# --- what differs between the stores: policykg/graph/dialect.py ------------------------------------


def test_the_dialect_is_the_store_s(kg: KnowledgeGraph, request: pytest.FixtureRequest) -> None:
    assert kg.store.dialect is {"embedded": dialect.EMBEDDED, "neo4j": dialect.NEO4J}[request.node.callspec.params["kg"]]


def test_dialect_no_notification_reaches_the_log(kg: KnowledgeGraph, caplog: pytest.LogCaptureFixture) -> None:
    # Neo4j would warn about the unknown label and property ("... does not exist") on every
    # such statement; the Neo4j dialect asks the server for no notifications.
    with caplog.at_level(logging.INFO, logger="neo4j"):
        assert kg.read("MATCH (n:NeverLoaded) WHERE n.never_set = 1 RETURN n.other AS x") == []
    assert [r.getMessage() for r in caplog.records if "notification" in r.getMessage().lower()] == []


def test_dialect_read_routing(kg: KnowledgeGraph) -> None:
    # A write sent as a read: Neo4j refuses it, ArcadeDB runs it, which is why the read-only
    # guard (queries/guard.py) sits in front of every read path.
    statement = "CREATE (n:Scratch {v: 1}) RETURN n.v AS v"
    try:
        if kg.store.dialect.enforces_read_routing:
            with pytest.raises(StoreError, match="(?i)read"):
                kg.store.read(statement)
            assert kg.read("MATCH (n:Scratch) RETURN count(n) AS n") == [{"n": 0}]
        else:
            assert kg.store.read(statement) == [{"v": 1}]
    finally:
        kg.cypher("MATCH (n:Scratch) DELETE n", write=True)


# --- the embedded server ---------------------------------------------------------------------------


@EMBEDDED_ONLY
def test_a_second_process_uses_the_running_server(kg: KnowledgeGraph) -> None:
    root = Path(kg.spec)
    server = embedded.status(root)
    assert server.running
    out = subprocess.run([*POLICYKG, "stats", "--store", str(root), "--format", "json"],
                         capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(out.stdout)["nodes"]["Document"] == 5
    after = embedded.status(root)
    assert after.running and after.pid == server.pid  # reused, and not stopped while we hold it


def _listening_addresses(pid: int) -> list[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            if cols[3] == "0A" and cols[9] in inodes:  # 0A: LISTEN
                found.append(cols[1].split(":")[0])
    return found


@EMBEDDED_ONLY
def test_the_server_listens_on_loopback_only_and_bolt_only(kg: KnowledgeGraph) -> None:
    info = embedded.status(Path(kg.spec))
    assert info.pid is not None and info.http_port is None
    addresses = _listening_addresses(info.pid)
    assert len(addresses) == 1  # Bolt; HTTP is closed unless POLICYKG_HTTP=1 (its lockout is anyone's to trigger)
    loopback = {"0100007F", "00000000000000000000000001000000", "0000000000000000FFFF00000100007F"}
    assert set(addresses) <= loopback, addresses


@EMBEDDED_ONLY
def test_the_store_password_is_generated_and_private(kg: KnowledgeGraph) -> None:
    path = Path(kg.spec) / ".password"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(path.read_text().strip()) >= 24


def test_a_cli_command_leaves_no_server_running(tmp_path: Path) -> None:
    subprocess.run([*POLICYKG, "stats", "--store", str(tmp_path)], capture_output=True, timeout=120, check=True)
    assert not embedded.status(tmp_path).running
    info = json.loads((tmp_path / "server.log").read_text().splitlines()[0])
    assert info["store"] == str(tmp_path.resolve())
    assert not StoreLayout(tmp_path).live_leases()


def test_store_start_keeps_the_server_until_stop(tmp_path: Path) -> None:
    run = lambda *args: subprocess.run([*POLICYKG, *args, "--store", str(tmp_path)],  # noqa: E731
                                       capture_output=True, text=True, timeout=120, check=True).stdout
    assert run("store", "start").startswith("running")
    pid = embedded.status(tmp_path).pid
    run("stats")
    assert embedded.status(tmp_path).pid == pid  # a client's exit did not stop it
    assert run("store", "stop").strip() == "stopped"
    assert pid is not None and not pid_alive(pid)
    assert run("store", "status").startswith("stopped")


def test_a_server_whose_clients_died_stops_by_itself(tmp_path: Path) -> None:
    # The client is killed outright: it cannot drop its lease or stop the server.
    code = f"from policykg.graph import open_store; open_store({str(tmp_path)!r}); import os; os.kill(os.getpid(), 9)"
    subprocess.run([sys.executable, "-c", code], timeout=120)
    pid = embedded.status(tmp_path).pid
    assert pid is not None
    deadline = time.monotonic() + 60
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not pid_alive(pid)
    assert not embedded.status(tmp_path).running
