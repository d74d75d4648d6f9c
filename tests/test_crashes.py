"""Crashes mid-load (issue 10, points 4 and 6): a killed client or a killed server loses nothing.

Client SIGKILL at random moments of a CLI load, then the same load again: the graph's
canonical hash equals that of an uninterrupted load, and no document is ever stored in
part. Server SIGKILL mid-load: the client notices at once (it checks the server process
instead of retrying a dead socket for a minute), exits within 10 s with one line naming
the document in flight, and the next command starts a fresh server on the same files.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.graph import embedded
from policykg.graph.fingerprint import graph_fingerprint
from policykg.kg import KnowledgeGraph

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
POLICYKG = [sys.executable, "-m", "policykg.cli"]
KILLS = 5
TASKS_PER_DOC = "MATCH (d:Document) RETURN d.id AS id, COUNT { (d)-[:HAS_TASK]->(:Task) } AS tasks"


def corpus(folder: Path, copies: int) -> Path:
    """The sample plans, each also in ``copies - 1`` revised editions (other text, so other documents)."""
    folder.mkdir()
    for plan in sorted(PLANS.glob("*.txt")):
        text = plan.read_text(encoding="utf-8")
        for k in range(copies):
            (folder / f"{plan.stem}-{k}.txt").write_text(text + ("\n" + "(修订稿)" * k if k else ""), encoding="utf-8")
    return folder


def load(store: Path, plans: Path, **kwargs: object) -> subprocess.Popen[str]:
    # Batches of 3 documents a transaction: small enough that a kill lands between two commits.
    return subprocess.Popen([*POLICYKG, "load", str(plans), "--store", str(store), "--batch", "3"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def crash_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[KnowledgeGraph, Path]]:
    root = tmp_path_factory.mktemp("crash")
    plans = corpus(root / "plans", 2)
    kg = KnowledgeGraph.open(root / "store")  # holds the server for the module, so each CLI run finds it
    yield kg, plans
    kg.close()


def test_a_client_killed_at_random_points_loses_nothing(crash_store: tuple[KnowledgeGraph, Path]) -> None:
    kg, plans = crash_store
    store = Path(kg.spec)
    proc = load(store, plans)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    reference = graph_fingerprint(kg.store)
    tasks = {r["id"]: r["tasks"] for r in kg.read(TASKS_PER_DOC)}
    rng = random.Random(10)
    lost = partial = 0
    at_kill = []
    for _ in range(KILLS):
        kg.cypher("MATCH (n) DETACH DELETE n", write=True)
        proc = load(store, plans)
        # kill once a random number of documents is reported stored, then a random moment later:
        # mid-load whatever the machine's speed (a fixed delay landed after the end on an idle one)
        after = rng.randrange(1, len(tasks))
        assert proc.stdout is not None
        reported = 0
        while reported < after and (line := proc.stdout.readline()):
            reported += line.startswith("ok")
        time.sleep(rng.uniform(0.0, 0.3))
        proc.kill()
        proc.wait(30)
        stored = {r["id"]: r["tasks"] for r in kg.read(TASKS_PER_DOC)}
        at_kill.append(len(stored))
        partial += sum(1 for doc, n in stored.items() if n != tasks.get(doc))
        rerun = load(store, plans)
        _, err = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, err
        lost += len(tasks) - len(kg.read(TASKS_PER_DOC))
        assert graph_fingerprint(kg.store) == reference
    assert (partial, lost) == (0, 0), at_kill
    # The kill points must include genuine mid-load ones, or the test proves nothing.
    assert sum(1 for n in at_kill if 0 < n < len(tasks)) >= 2, at_kill


def test_a_killed_server_stops_the_load_at_once_and_the_next_command_recovers(tmp_path: Path) -> None:
    plans = corpus(tmp_path / "plans", 6)
    store = tmp_path / "store"
    proc = load(store, plans)
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the first document is stored: the load is under way
    assert first.startswith("ok"), first + proc.stderr.read() if proc.stderr else first
    server = embedded.status(store)
    assert server.running and server.pid is not None
    os.kill(server.pid, signal.SIGKILL)
    killed = time.monotonic()
    out, err = proc.communicate(timeout=60)
    assert time.monotonic() - killed < 10
    assert proc.returncode != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "server process is gone" in lines[0] and "the load stopped at" in lines[0], err
    assert str(plans) in lines[0]  # names the document in flight
    assert not embedded.status(store).running  # the dead server is not reported as running
    loaded = 1 + sum(1 for line in out.splitlines() if line.startswith("ok"))
    stats = subprocess.run([*POLICYKG, "stats", "--store", str(store), "--format", "json"], capture_output=True,
                           text=True, timeout=300)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["nodes"]["Document"] >= loaded  # what was committed stayed


def test_wrong_passwords_from_anyone_only_delay_a_command(crash_store: tuple[KnowledgeGraph, Path]) -> None:
    # ArcadeDB locks its user out for ~30 s after a few wrong passwords, on any port; the HTTP
    # port is closed (tests/test_store.py), Bolt cannot be. A command waits the lockout out.
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    kg, _ = crash_store
    server = embedded.status(Path(kg.spec))
    assert server.http_port is None
    for _ in range(6):
        driver = GraphDatabase.driver(f"bolt://127.0.0.1:{server.bolt_port}", auth=("root", "wrong"))
        with pytest.raises(AuthError):
            driver.verify_connectivity()
        driver.close()
    out = subprocess.run([*POLICYKG, "stats", "--store", kg.spec, "--format", "json"], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
