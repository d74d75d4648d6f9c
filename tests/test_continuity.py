"""Continuity: the TF-IDF similarity between an earlier and a later plan's tasks, and its edges in the store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_params import STORES, open_kg

from policykg.graph.continuity import TaskText, continuing_pairs, pairs_for_texts, tokens
from policykg.graph.writer import write_extraction
from policykg.kg import KnowledgeGraph
from policykg.loaders.types import DocumentRecord, Extraction, TaskRecord

EARLIER = [
    "狠抓科技型中小微企业培育。研究制订科技型小微企业培育计划,加大高新技术企业培育力度。",
    "加快推进杭州国家自主创新示范区建设,加强规划布局和制度设计。",
    "深化科技奖励制度改革,完善科技成果评价办法。",
]
LATER = [
    "实施新一轮科技企业双倍增计划,培育高新技术企业和科技型中小企业。",
    "深入推进国家自主创新示范区建设,联动推进科创大走廊。",
    "组织开展全省农业科技特派员派驻工作。",
]


def test_tokens_drop_filler_and_punctuation() -> None:
    words = tokens("加快推进国家自主创新示范区建设,2015年。")
    assert "加快" not in words and "推进" not in words and "2015" not in words
    assert "示范区" in words or "自主创新" in words


def test_each_later_task_continues_its_closest_earlier_task() -> None:
    pairs = pairs_for_texts(EARLIER, LATER)
    assert {(a, b) for a, b, _ in pairs} == {(0, 0), (1, 1)}
    assert all(0.25 <= s <= 1.0 for _, _, s in pairs)


def test_unrelated_tasks_do_not_continue() -> None:
    assert pairs_for_texts(["建设未来实验室。"], ["组织开展农业科技特派员派驻工作。"]) == []
    assert pairs_for_texts([], LATER) == []


#: A third plan of the same agency, a year later, that repeats the first two plans' words: an IDF taken over
#: the agency's plans (or the store) would weigh 高新技术企业, 示范区 and 科技 differently with it than without it.
THIRD = [
    "培育高新技术企业和科技型中小企业,推进国家自主创新示范区建设。",
    "高新技术企业培育计划,示范区科技企业双倍增。",
    "科技奖励制度改革,科技成果评价,科技企业培育。",
]


AGENCIES = {"杭州市": "hz", "宁波市": "nb"}


def _plan(agency: str, year: int, texts: list[str]) -> Extraction:
    doc_id = f"doc-{AGENCIES[agency]}-{year}"
    title = f"{agency}科学技术局{year}年工作要点"
    tasks = [TaskRecord(id=f"{doc_id}-t{k}", text=t, order=k, lead=["办公室"]) for k, t in enumerate(texts)]
    return Extraction(document=DocumentRecord(id=doc_id, title=title, issuer=f"{agency}科学技术局", region=agency,
                                              year=year), tasks=tasks, targets=[], text="\n".join([title, *texts]))


@pytest.fixture(scope="module", params=STORES)
def kg(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    graph = open_kg(request, tmp_path_factory)
    graph.ensure_schema()
    yield graph
    graph.close()


def _edges(kg: KnowledgeGraph, earlier: str, later: str) -> list[tuple[str, str, float]]:
    """(earlier task's order, later task's order, score) of the CONTINUES edges between two plans."""
    rows = kg.read("MATCH (a:Task {doc: $e})-[c:CONTINUES]->(b:Task {doc: $l}) RETURN a.order AS a, b.order AS b, "
                   "c.score AS score ORDER BY a, b", {"e": earlier, "l": later})
    return [(r["a"], r["b"], r["score"]) for r in rows]


def test_scores_depend_only_on_the_two_plans(kg: KnowledgeGraph) -> None:
    """Two agencies with the same two plans; one also has a third plan, stored before the first two
    arrive, so its pair is scored while the third is in the store. Its edges must not differ."""
    for x in (_plan("杭州市", 2015, EARLIER), _plan("杭州市", 2016, LATER)):
        write_extraction(kg.store, x)
    for x in (_plan("宁波市", 2017, THIRD), _plan("宁波市", 2015, EARLIER), _plan("宁波市", 2016, LATER)):
        write_extraction(kg.store, x)
    alone = _edges(kg, "doc-hz-2015", "doc-hz-2016")
    beside_a_third = _edges(kg, "doc-nb-2015", "doc-nb-2016")
    assert [(a, b) for a, b, _ in alone] == [(0, 0), (1, 1)]
    assert beside_a_third == alone  # the same pairs with the same scores, to the last digit
    assert _edges(kg, "doc-nb-2016", "doc-nb-2017")  # the third plan is compared with its neighbour
    assert continuing_pairs([TaskText(f"e{i}", t) for i, t in enumerate(EARLIER)],
                            [TaskText(f"l{i}", t) for i, t in enumerate(LATER)])[0][0] == "e0"
