"""The store stamp (policykg/graph/stamp.py) on both stores: every document write moves it, nothing else does.

The API's entity cache and RDF view trust it to say when to start over, so a write it
missed would serve stale answers and a read that moved it would throw the caches away.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from store_params import STORES, open_kg

from policykg.graph import stamp
from policykg.graph.fingerprint import graph_rows
from policykg.graph.store import StoreError
from policykg.graph.writer import delete_document, write_extraction
from policykg.kg import KnowledgeGraph
from policykg.loaders.types import DocumentRecord, Extraction, TaskRecord
from policykg.queries.snapshot import store_stamp

DOC = "doc-stamp-2031"


def plan(task_text: str) -> Extraction:
    """One small plan built record by record (no parser), its task's text as given."""
    return Extraction(
        document=DocumentRecord(id=DOC, title="某省科学技术厅2031年工作要点", issuer="某省科学技术厅", region="某省",
                                year=2031, sha256=hashlib.sha256(task_text.encode()).hexdigest()),
        tasks=[TaskRecord(id=f"{DOC}-t0", number="1", text=task_text, order=0, lead=["未来处"], span=(15, 15 + len(task_text)))],
        targets=[], sections=[], text="某省科学技术厅2031年工作要点\n1." + task_text,
    )


@pytest.fixture(scope="module", params=STORES)
def kg(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    graph = open_kg(request, tmp_path_factory)
    graph.ensure_schema()
    yield graph
    graph.close()


def test_the_stamp_moves_with_each_document_write_and_only_then(kg: KnowledgeGraph) -> None:
    empty = store_stamp(kg.store)
    assert empty == "none" and stamp.read_generation(kg.store) == 0

    write_extraction(kg.store, plan("建设未来实验室。"))
    loaded = store_stamp(kg.store)
    assert loaded != empty and stamp.read_generation(kg.store) == 1

    # reads leave it alone
    kg.counts()
    graph_rows(kg.store)
    kg.query("documents")
    kg.read("MATCH (t:Task) RETURN t.id AS id")
    assert store_stamp(kg.store) == loaded

    # a write transaction that fails is rolled back with its bump
    def failing(tx) -> None:  # type: ignore[no-untyped-def]
        tx.run(stamp.BUMP).consume()
        tx.run("UNWIND [1] AS x CREATE (n:Task {id: $id})", {"id": f"{DOC}-t0"}).consume()  # a duplicate id

    with pytest.raises(StoreError):
        kg.store.write_unit(failing)
    assert store_stamp(kg.store) == loaded

    write_extraction(kg.store, plan("建设未来实验室二期。"))  # the same document again, other text
    reloaded = store_stamp(kg.store)
    assert reloaded not in (empty, loaded)

    delete_document(kg.store, DOC)
    deleted = store_stamp(kg.store)
    assert deleted not in (empty, loaded, reloaded)
    assert stamp.read_generation(kg.store) == 3


def test_a_wiped_and_refilled_store_does_not_repeat_an_old_stamp(kg: KnowledgeGraph) -> None:
    write_extraction(kg.store, plan("建设未来实验室。"))
    before = store_stamp(kg.store)
    kg.store.write([("MATCH (n) DETACH DELETE n", {})])
    generation = int(before.split(":")[1])
    for _ in range(generation):  # count back up to the same generation
        write_extraction(kg.store, plan("建设未来实验室。"))
    assert stamp.read_generation(kg.store) == generation
    assert store_stamp(kg.store) != before


def test_the_stamp_is_not_part_of_the_graph(kg: KnowledgeGraph) -> None:
    write_extraction(kg.store, plan("建设未来实验室。"))
    assert stamp.LABEL not in kg.counts()["nodes"]
    nodes, _ = graph_rows(kg.store)
    assert not [n for n in nodes if stamp.LABEL in n]
    assert stamp.LABEL not in set(kg.query("graph-nodes")["label"])
    assert stamp.LABEL not in set(kg.query("entity-lookup")["label"])
    assert kg.query("entity-lookup", entity="store").empty
