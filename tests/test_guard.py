"""The read-only guard against a hostile corpus, through the public API and on a real store.

Every hostile string of ``tests/guard_corpus.py`` must be refused by ``kg.cypher()`` and
``kg.read()`` before the store sees it, every harmless one must pass and run, and the
graph's canonical hash must be the same after the whole run as before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from guard_corpus import GUARD_ONLY_HARMLESS, HARMLESS, hostile
from store_params import loaded

from policykg.graph.fingerprint import graph_fingerprint
from policykg.kg import KnowledgeGraph
from policykg.queries import QueryError, WriteRefused, check_read_only, write_clauses

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
HOSTILE = hostile()
PARAMS = {"name": "高新处", "delete": "x"}


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    yield from loaded(KnowledgeGraph.open(tmp_path_factory.mktemp("guard")), [PLANS])


def test_the_corpus_is_big_enough() -> None:
    assert len(HOSTILE) >= 150 and len(HARMLESS) + len(GUARD_ONLY_HARMLESS) >= 50


def test_no_hostile_string_passes_and_the_graph_is_unchanged(kg: KnowledgeGraph) -> None:
    before = graph_fingerprint(kg.store)
    passed = []
    for statement in HOSTILE:
        for run in (kg.cypher, kg.read):
            try:
                run(statement, PARAMS)
            except QueryError:
                continue  # refused by the guard, before the store saw it
            except Exception as exc:  # noqa: BLE001 - the store answered: the guard let it through
                passed.append((run.__name__, statement, f"store: {str(exc)[:80]}"))
            else:
                passed.append((run.__name__, statement, "ran"))
    assert passed == [], f"{len(passed)} of {2 * len(HOSTILE)} hostile runs passed the guard"
    assert graph_fingerprint(kg.store) == before


def test_every_harmless_read_passes_and_runs(kg: KnowledgeGraph) -> None:
    before = graph_fingerprint(kg.store)
    refused = []
    for statement in HARMLESS:
        try:
            kg.cypher(statement, PARAMS)
            kg.read(statement, PARAMS)
        except QueryError as exc:
            refused.append((statement, str(exc)))
    for statement in GUARD_ONLY_HARMLESS:
        try:
            check_read_only(statement)
        except QueryError as exc:
            refused.append((statement, str(exc)))
    assert refused == []
    assert graph_fingerprint(kg.store) == before


def test_writes_still_run_when_asked_for(kg: KnowledgeGraph) -> None:
    assert kg.read("CREATE (n:Scratch {v: 1}) RETURN n.v AS v", write=True) == [{"v": 1}]
    assert kg.read("CREATE (n:Scratch {v: 2}) RETURN n.v AS v", write=True) == [{"v": 2}]
    kg.cypher("MATCH (n:Scratch) DELETE n", write=True)
    assert kg.read("MATCH (n:Scratch) RETURN count(n) AS n") == [{"n": 0}]


@pytest.mark.parametrize(("statement", "named"), [
    ("MATCH (u:Unit), (t:Task) WITH u, t LIMIT 3 INSERT (u)-[:LEADS {mention: 'forged'}]->(t)", "INSERT"),
    ("CALL { INSERT (:Pwn {k: 99}) } RETURN 1", "INSERT"),
    ("MATCH (n) RETURN n //\rCREATE (:Pwn)", "CREATE"),
    ("CALL apoc.create.node(['X'], {}) YIELD node RETURN node", "CALL apoc.create.node"),
    ("MATCH (n) RETURN n; MATCH (m) RETURN m", "a second statement"),
    ("MATCH (n) FINISH", "FINISH"),
])
def test_the_refusal_names_what_is_not_a_read(statement: str, named: str) -> None:
    with pytest.raises(WriteRefused, match="--write") as info:
        check_read_only(statement)
    assert named in str(info.value)
    assert named in " ".join(write_clauses(statement))
