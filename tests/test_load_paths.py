"""Every way of loading gives one graph: one document per transaction or many, any load order,
a load killed midway and run again, concurrent loaders.

A small corpus from ``bench/corpus.py`` (agencies with several yearly plans, in TXT,
HTML and DOCX) goes into fresh embedded stores several ways; the canonical hash of
``graph.fingerprint`` (or its CONTINUES lines) must agree.
"""

from __future__ import annotations

import importlib.util
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policykg.graph.continuity import MAX_PER_TASK
from policykg.graph.fingerprint import graph_fingerprint, graph_rows
from policykg.kg import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
N_DOCS = 16


def _corpus_module() -> Any:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def continues(kg: KnowledgeGraph) -> list[str]:
    return [line for line in graph_rows(kg.store)[1] if line.startswith('["CONTINUES"')]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return sorted(_corpus_module().make_corpus(N_DOCS, tmp_path_factory.mktemp("corpus"), seed=7))


@pytest.fixture(scope="module")
def graphs(files: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Each way of loading, run once; stores opened one after another (one JVM at a time)."""
    out: dict[str, Any] = {}

    def store() -> KnowledgeGraph:
        return KnowledgeGraph.open(tmp_path_factory.mktemp("store"), heap="512m")

    with store() as kg:  # the reference: one document per transaction, in file order
        loaded = list(kg.load_iter(files, jobs=1, batch=1))
        assert all(r.ok for r in loaded)
        source = {r.doc_id: Path(r.source) for r in loaded}
        out["one_by_one"] = graph_fingerprint(kg.store)
        out["one_by_one_continues"] = continues(kg)
        out["per_task"] = kg.read(
            "MATCH (t:Task) RETURN max(COUNT { (t)-[:CONTINUES]->() }) AS out, max(COUNT { (t)<-[:CONTINUES]-() }) AS inc")
        docs = kg.read("MATCH (d:Document)-[:ISSUED_BY]->(u:Unit) RETURN u.id AS agency, d.id AS id, d.year AS year")
        middle = _a_middle_plan(docs)
        kg.delete_document(middle)
        out["without_middle"] = continues(kg)
        assert all(r.ok for r in kg.load_iter(files, jobs=1))  # reload: the middle one comes back
        out["deleted_and_reloaded"] = continues(kg)
    with store() as kg:  # the whole corpus in one batch, two worker processes
        results = list(kg.load_iter(files, jobs=2, batch=N_DOCS))
        assert all(r.status == "loaded" for r in results)
        out["batched"] = graph_fingerprint(kg.store)
        rerun = list(kg.load_iter(files, jobs=1, batch=5))
        out["rerun_ok"] = all(r.status == "loaded" for r in rerun)
        out["rerun"] = graph_fingerprint(kg.store)
    with store() as kg:  # another order, batched transactions
        shuffled = [f for f in files if f != source[middle]]
        random.Random(3).shuffle(shuffled)
        assert all(r.ok for r in kg.load_iter(shuffled, jobs=1, batch=5))
        out["never_middle"] = continues(kg)
        assert all(r.ok for r in kg.load_iter([source[middle]], jobs=1))
        out["shuffled_continues"] = continues(kg)
    with store() as kg:
        assert all(r.ok for r in kg.load_iter(list(reversed(files)), jobs=1, batch=3))
        out["reversed_continues"] = continues(kg)
    crashed = tmp_path_factory.mktemp("crashed")
    out["killed_after"] = _load_and_kill(files, crashed)
    with KnowledgeGraph.open(crashed, heap="512m") as kg:  # the rerun completes what the killed load left out
        out["after_kill_documents"] = kg.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
        out["after_kill_partial"] = kg.read(
            "MATCH (d:Document) WHERE NOT EXISTS { (d)-[:HAS_TASK]->() } RETURN count(d) AS n")[0]["n"]
        rerun = list(kg.load_iter(files, jobs=1, batch=2))
        assert all(r.ok for r in rerun)
        out["crash_and_rerun"] = graph_fingerprint(kg.store)
    with store() as kg:  # two loaders at once, each one document per transaction
        halves = [files[0::2], files[1::2]]
        errors: list[str] = []
        failed: list[Path] = []

        def load(part: list[Path]) -> None:
            try:
                for r in kg.load_iter(part, jobs=1, batch=1):
                    if not r.ok:
                        failed.append(Path(r.source))
                        errors.append(str(r.error))
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                errors.append(repr(exc))

        threads = [threading.Thread(target=load, args=(h,)) for h in halves]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # Two loaders MERGEing the same new Region or Unit can still collide on its unique id, or read a
        # record the other just replaced (ArcadeDB: "Duplicated key", "Record #… not found", which the
        # driver does not retry: the store's retry policy's business). Such a document is absent, whole,
        # and loads on a second try; the continuity check is about the edges once all are in.
        races = ("Duplicated key", "not found")
        out["concurrent_errors"] = [e for e in errors if not any(r in e for r in races)]
        assert all(r.ok for r in kg.load_iter(failed, jobs=1))
        out["concurrent_continues"] = continues(kg)
    yield out


_KILLABLE = """
import sys
from pathlib import Path
from policykg.kg import KnowledgeGraph
kg = KnowledgeGraph.open(sys.argv[1], heap="512m")
for r in kg.load_iter([Path(p) for p in sys.argv[2:]], jobs=1, batch=2):
    print(r.ok, flush=True)
"""


def _load_and_kill(files: list[Path], root: Path) -> int:
    """Start a bulk load in another process and SIGKILL it once some documents are in; how many it reported."""
    proc = subprocess.Popen([sys.executable, "-c", _KILLABLE, str(root), *map(str, files)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    done = 0
    for _ in proc.stdout:
        done += 1
        if done >= len(files) // 2:
            break
    workers = _children(proc.pid)
    assert workers, "the load should extract in a worker process"
    proc.kill()  # mid-load: the next transaction is being written
    proc.wait()
    deadline = time.monotonic() + 30
    while (alive := [pid for pid in workers if Path(f"/proc/{pid}").exists()]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive, f"extraction workers {alive} outlived their killed parent"
    return done


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _a_middle_plan(docs: list[dict[str, Any]]) -> str:
    by_agency: dict[str, list[tuple[int, str]]] = {}
    for d in docs:
        by_agency.setdefault(d["agency"], []).append((d["year"], d["id"]))
    plans = max(by_agency.values(), key=len)
    assert len(plans) >= 3, "the corpus should give some agency three plans"
    return sorted(plans)[len(plans) // 2][1]


def test_the_corpus_has_continuity_to_compare(graphs: dict[str, Any]) -> None:
    assert len(graphs["one_by_one_continues"]) > 20


def test_one_document_per_transaction_and_the_whole_corpus_in_one_give_the_same_graph(graphs: dict[str, Any]) -> None:
    assert graphs["batched"] == graphs["one_by_one"]


def test_loading_again_replaces_and_changes_nothing(graphs: dict[str, Any]) -> None:
    assert graphs["rerun_ok"]
    assert graphs["rerun"] == graphs["batched"]


def test_a_load_killed_midway_leaves_whole_documents_and_a_rerun_completes_it(graphs: dict[str, Any]) -> None:
    assert 0 < graphs["killed_after"] < N_DOCS
    assert graphs["after_kill_documents"] >= graphs["killed_after"]  # nothing reported loaded was lost
    assert graphs["after_kill_partial"] == 0  # every stored document has its tasks: whole, not half
    assert graphs["crash_and_rerun"] == graphs["one_by_one"]


def test_continuity_does_not_depend_on_the_load_order(graphs: dict[str, Any]) -> None:
    assert graphs["shuffled_continues"] == graphs["one_by_one_continues"]
    assert graphs["reversed_continues"] == graphs["one_by_one_continues"]


def test_deleting_a_plan_links_its_neighbours_and_reloading_it_restores_the_edges(graphs: dict[str, Any]) -> None:
    assert graphs["without_middle"] != graphs["one_by_one_continues"]
    assert graphs["without_middle"] == graphs["never_middle"]  # as if it had never been loaded
    assert graphs["deleted_and_reloaded"] == graphs["one_by_one_continues"]


def test_concurrent_loaders_miss_no_continues_edge(graphs: dict[str, Any]) -> None:
    assert graphs["concurrent_errors"] == []
    assert graphs["concurrent_continues"] == graphs["one_by_one_continues"]


def test_continues_per_task_is_capped(graphs: dict[str, Any]) -> None:
    [row] = graphs["per_task"]
    assert 1 <= row["out"] <= MAX_PER_TASK and 1 <= row["inc"] <= MAX_PER_TASK
