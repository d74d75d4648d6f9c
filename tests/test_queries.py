"""Every named query on the five seed plans, on the embedded store and on Neo4j 5 (tests/store_params.py).

Expected rows are facts of the documents themselves: the 2015 Zhejiang
responsibility breakdown names 高新处 as lead on 11 tasks and the 2021 status table
on 3 more; the 2021 table reports 技术交易额 1157亿元 against a target of 1000亿元.
Where a number comes straight from the text, the test counts it in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from store_params import STORES, open_kg

from policykg.kg import KnowledgeGraph
from policykg.queries import BadParameter, UnknownQuery, WriteRefused, get_query, list_queries

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
ZJ_2015 = (PLANS / "000_fdc3c1f19ab8be5b.txt").read_text(encoding="utf-8")

#: Values for required parameters when a test runs every query with its defaults.
SAMPLES = {"indicator": "技术交易额", "keyword": "孵化器", "unit": "高新处", "person": "邱飞章",
           "issuer": "浙江省科学技术厅", "id": "none", "ids": ["doc-6c90a7d6afc0752d-t4"]}


@pytest.fixture(scope="module", params=STORES)
def kg(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    graph = open_kg(request, tmp_path_factory)
    try:
        results = graph.load([PLANS])
        assert all(r.ok for r in results), [r.error for r in results if not r.ok]
        yield graph
    finally:
        graph.close()


def rows(kg: KnowledgeGraph, name: str, **params: object) -> list[dict]:
    return kg.query_rows(name, params)


def doc_id(kg: KnowledgeGraph, year: int, region: str) -> str:
    found = [d["id"] for d in rows(kg, "documents", region=region) if d["year"] == year]
    assert len(found) == 1, found
    return found[0]


# --- the catalogue on a real store ---------------------------------------------------------------


def test_every_query_runs_with_its_defaults_and_returns_its_declared_columns(kg: KnowledgeGraph) -> None:
    assert len(list_queries()) >= 14
    for query in list_queries():
        params = {p.name: SAMPLES[p.name] for p in query.params if p.required}
        raw = kg.store.read(query.cypher, query.bind(params))
        assert raw or query.name == "evidence", f"{query.name} returned nothing on the seeds"
        for row in raw:
            assert list(row) == list(query.columns), query.name


def test_query_returns_a_dataframe_with_the_declared_columns_even_when_empty(kg: KnowledgeGraph) -> None:
    frame = kg.query("target-evolution", indicator="no such indicator")
    assert isinstance(frame, pd.DataFrame)
    from policykg.output import for_programs

    declared = list(get_query("target-evolution").columns)
    assert list(frame.columns) == for_programs([], declared)[1]  # the declared columns, each figure's _display beside it
    assert frame.empty


def test_from_is_accepted_as_from_underscore_and_strings_are_coerced(kg: KnowledgeGraph) -> None:
    frame = kg.query("units-leading-most-tasks", region="浙江省", from_="2016")  # the 2021 table only
    assert frame.set_index("unit").loc["高新处"].to_dict() == {"agency": "浙江省科学技术厅", "region": "浙江省", "tasks": 3}


def test_unknown_queries_and_parameters_are_refused_naming_the_valid_ones(kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownQuery, match="units-leading-most-tasks"):
        kg.query("units-leading")
    with pytest.raises(BadParameter, match="region: string"):
        kg.query("units-leading-most-tasks", regoin="浙江省")
    with pytest.raises(BadParameter, match="'from_' must be int"):
        kg.query("units-leading-most-tasks", from_="twenty")
    with pytest.raises(BadParameter, match="'indicator' is required"):
        kg.query("target-evolution")


def test_ad_hoc_cypher_is_read_only_unless_asked(kg: KnowledgeGraph) -> None:
    assert kg.cypher("MATCH (u:Unit {name: $n}) RETURN u.level AS level", {"n": "高新处"}).to_dict("records") == [{"level": "division"}]
    with pytest.raises(WriteRefused, match="CREATE"):
        kg.cypher("CREATE (:Scratch {name: 'x'})")
    assert kg.read("MATCH (n:Scratch) RETURN count(n) AS n") == [{"n": 0}]
    assert kg.read("CREATE (n:Scratch {name: $v}) RETURN n.name AS name", {"v": "写"}, write=True) == [{"name": "写"}]
    kg.cypher("MATCH (n:Scratch) DELETE n", write=True)
    assert kg.read("MATCH (n:Scratch) RETURN count(n) AS n") == [{"n": 0}]


# --- units -----------------------------------------------------------------------------------------


def test_units_leading_most_tasks_in_zhejiang(kg: KnowledgeGraph) -> None:
    found = rows(kg, "units-leading-most-tasks", region="浙江省")
    # 高新处 is named lead 11 times in the 2015 breakdown and 3 times in the 2021 table.
    assert found[0] == {"unit": "高新处", "agency": "浙江省科学技术厅", "region": "浙江省", "tasks": 14}
    assert found[1]["unit"] == "成果处"
    assert [(-r["tasks"], r["unit"]) for r in found] == sorted((-r["tasks"], r["unit"]) for r in found)
    assert {r["agency"] for r in found} == {"浙江省科学技术厅"}
    assert rows(kg, "units-leading-most-tasks", region="浙江省", to=2015)[0]["tasks"] == _leads_in_2015("高新处")


def test_units_leading_most_tasks_within_includes_sub_regions(kg: KnowledgeGraph) -> None:
    exact = rows(kg, "units-leading-most-tasks", region="浙江省")
    within = rows(kg, "units-leading-most-tasks", region="浙江省", within=True)
    assert {r["unit"] for r in exact} <= {r["unit"] for r in within}
    assert rows(kg, "units-leading-most-tasks", region="湖北省") == []  # the 2017 Hubei plan names no leads
    assert rows(kg, "units-leading-most-tasks", region="浙江省", limit=2) == exact[:2]


def _named(label: str) -> list[list[str]]:
    """The names after each ``牵头单位:`` / ``责任人:`` in the 2015 breakdown, one list per clause."""
    return [[n for n in clause.split("、") if n] for clause in re.findall(label + r":([^,)]*)", ZJ_2015)]


def _leads_in_2015(unit: str) -> int:
    return sum(unit in names for names in _named("牵头单位"))


def test_units_supporting_most_tasks_leaves_collectives_out_by_default(kg: KnowledgeGraph) -> None:
    named = rows(kg, "units-supporting-most-tasks")
    everyone = rows(kg, "units-supporting-most-tasks", collective=True)
    assert named and len(everyone) > len(named)
    # "杭州市、滨江区科技局(委)" supports one 2015 task: two real agencies, not a collective.
    assert any("杭州" in r["unit"] for r in named) and any("滨江" in r["unit"] for r in named)
    collectives = {r["unit"] for r in everyone} - {r["unit"] for r in named}
    assert {"有关处室"} <= collectives
    assert everyone[0]["tasks"] >= everyone[-1]["tasks"]


def test_unit_portfolio_of_gaoxinchu(kg: KnowledgeGraph) -> None:
    found = rows(kg, "unit-portfolio", unit="高新处")
    assert len(found) == 14
    assert {r["role"] for r in found} == {"lead"}
    assert {r["year"] for r in found} == {2015, 2021}
    assert rows(kg, "unit-portfolio", unit="高新处", role="support") == []
    assert len(rows(kg, "unit-portfolio", unit="高新处", to=2015)) == _leads_in_2015("高新处")
    assert rows(kg, "unit-portfolio", unit="高新处", agency="湖北省科学技术厅") == []


def test_person_portfolio_and_people(kg: KnowledgeGraph) -> None:
    clauses = _named("责任人")
    expected = sum("邱飞章" in names for names in clauses)
    found = rows(kg, "person-portfolio", person="邱飞章")
    assert len(found) == expected == 13
    assert all(r["lead_units"] for r in found)
    assert {r["agency"] for r in found} == {"浙江省科学技术厅"}
    people = rows(kg, "people")
    assert people[0] == {"person": "邱飞章", "agency": "浙江省科学技术厅", "tasks": 13, "documents": 1}
    # 各位厅领导 ("all the department's leaders") is a collective, not a person
    assert {p["person"] for p in people} == {n for names in clauses for n in names} - {"各位厅领导"}


def test_co_leading_units(kg: KnowledgeGraph) -> None:
    found = rows(kg, "co-leading-units", role="lead")
    assert {found[0]["unit_a"], found[0]["unit_b"]} == {"计财处", "高新处"}
    assert (found[0]["tasks"], found[0]["co_lead"]) == (4, 4)
    assert all(r["id_a"] < r["id_b"] and r["tasks"] >= r["co_lead"] for r in found)
    with_collectives = rows(kg, "co-leading-units", collective=True)
    assert with_collectives[0]["tasks"] > found[0]["tasks"]  # 有关处室 and 各市科技局 support nearly everything
    assert all(r["tasks"] >= 2 for r in rows(kg, "co-leading-units", min=2))


# --- targets ---------------------------------------------------------------------------------------


def test_target_evolution_of_technology_trade_in_zhejiang(kg: KnowledgeGraph) -> None:
    found = rows(kg, "target-evolution", indicator="技术交易额", region="浙江省")
    assert [(r["year"], r["kind"], r["value"], r["unit"], r["region"]) for r in found] == [
        (2015, "target", 15_000_000_000, "元", "浙江省"),    # 技术市场交易额达150亿元
        (2021, "actual", 115_700_000_000, "元", "浙江省"),   # 全省技术交易额达1157亿元 (Q3 report)
        (2021, "target", 100_000_000_000, "元", "浙江省"),   # 全年实现技术交易额1000亿元
    ]
    assert "150亿元" in found[0]["raw"] and "2015" in found[0]["document"]


def test_target_evolution_matches_any_alias_and_sub_regions(kg: KnowledgeGraph) -> None:
    by_name = rows(kg, "target-evolution", indicator="技术交易额")
    assert rows(kg, "target-evolution", indicator="技术市场交易额") == by_name
    assert rows(kg, "target-evolution", indicator="技术合同成交额") == by_name
    assert {r["region"] for r in by_name} >= {"浙江省", "湖北省"}
    within = rows(kg, "target-evolution", indicator="技术交易额", region="浙江省", within=True)
    assert {r["region"] for r in within} == {"浙江省", "杭州市"}  # 杭州市 2016: 技术市场实现交易额70亿元
    assert [r["year"] for r in within] == sorted(r["year"] for r in within)
    assert all(r["year"] >= 2016 for r in rows(kg, "target-evolution", indicator="技术交易额", **{"from": 2016}))


def test_target_vs_actual(kg: KnowledgeGraph) -> None:
    found = rows(kg, "target-vs-actual", indicator="技术交易额", region="浙江省")
    assert [{k: r[k] for k in ("indicator", "region", "year", "target", "actual", "unit", "ratio", "status")}
            for r in found] == [
        # the store holds 浙江省's results of 2021, none of 2015: no actual in the store (not: not due yet)
        {"indicator": "技术交易额", "region": "浙江省", "year": 2015, "target": 15_000_000_000, "actual": None,
         "unit": "元", "ratio": None, "status": "no-actual-in-store"},
        {"indicator": "技术交易额", "region": "浙江省", "year": 2021, "target": 100_000_000_000,
         "actual": 115_700_000_000, "unit": "元", "ratio": pytest.approx(1.157), "status": "exceeded"},
    ]
    assert "2021" in found[1]["target_document"] and found[1]["actual_document"]
    statuses = {r["status"] for r in rows(kg, "target-vs-actual")}
    assert statuses <= {"met", "missed", "exceeded", "no-actual-in-store", "not-due-yet", "incomparable"}


def test_indicator_matrix(kg: KnowledgeGraph) -> None:
    found = rows(kg, "indicator-matrix", indicator="技术交易额")
    cells = {(r["year"], r["region"]): (r["target"], r["actual"]) for r in found}
    assert cells[(2015, "浙江省")] == (15_000_000_000, None)
    assert cells[(2021, "浙江省")] == (100_000_000_000, 115_700_000_000)
    assert cells[(2017, "湖北省")] == (95_000_000_000, None)  # 技术合同成交额达到950亿元
    assert len(cells) == len(found)  # one row per cell
    assert {r["unit"] for r in found} == {"元"}


def test_indicators_list_aliases(kg: KnowledgeGraph) -> None:
    found = {r["indicator"]: r for r in rows(kg, "indicators", search="交易额")}
    trade = found["技术交易额"]
    assert {"技术市场交易额", "技术合同成交额"} <= set(trade["aliases"])
    assert trade["catalogued"] is True and trade["actuals"] >= 1 and trade["targets"] >= 3
    assert (trade["first_year"], trade["last_year"]) == (2015, 2021)
    assert "技术交易额" not in {r["indicator"] for r in rows(kg, "indicators", search="交易额", catalogued=False)}


# --- documents and tasks ---------------------------------------------------------------------------


def test_documents_and_their_regions(kg: KnowledgeGraph) -> None:
    docs = rows(kg, "documents")
    assert len(docs) == 5
    assert [d["year"] for d in docs] == sorted((d["year"] for d in docs), reverse=True)
    assert {d["region"] for d in docs} >= {"浙江省", "湖北省", "桐乡市", "杭州市"}
    exact = rows(kg, "documents", region="浙江省")
    within = rows(kg, "documents", region="浙江省", within=True)
    assert {d["year"] for d in exact} == {2015, 2021}
    assert len(within) == 4 and {d["region"] for d in within} == {"浙江省", "杭州市", "桐乡市"}
    assert [d["year"] for d in rows(kg, "documents", kind="responsibility-plan")] == [2015]


def test_document_overview_of_the_2015_breakdown(kg: KnowledgeGraph) -> None:
    doc = doc_id(kg, 2015, "浙江省")
    [row] = rows(kg, "document-overview", document=doc)
    leads = {u for names in _named("牵头单位") for u in names}
    people = {p for names in _named("责任人") for p in names} - {"各位厅领导"}
    assert row["lead_units"] == len(leads)
    assert row["people"] == len(people) == 9
    assert row["without_lead"] == 0
    assert row["tasks"] >= 27  # 27 numbered tasks, plus the headline targets and sub-items
    assert row["targets"] >= 10
    assert len(rows(kg, "document-overview")) == 5


def test_tasks_without_lead(kg: KnowledgeGraph) -> None:
    found = rows(kg, "tasks-without-lead")
    overview = {d["title"]: d["without_lead"] for d in rows(kg, "document-overview")}
    per_doc: dict[str, int] = {}
    for r in found:
        per_doc[r["document"]] = per_doc.get(r["document"], 0) + 1
    assert per_doc == {title: n for title, n in overview.items() if n}
    hubei = rows(kg, "tasks-without-lead", region="湖北省")
    assert len(hubei) == 22 and {r["year"] for r in hubei} == {2017}  # the Hubei plan: 22 numbered tasks, no leads
    assert all(r["year"] != 2015 for r in found)


def test_task_search_ranks_title_hits_first(kg: KnowledgeGraph) -> None:
    found = rows(kg, "task-search", keyword="孵化器")
    assert found and all("孵化器" in r["snippet"] for r in found)
    assert [r["score"] for r in found] == sorted((r["score"] for r in found), reverse=True)
    assert "加强科技企业孵化器建设" in [r["task"] for r in found[:2]]  # the title names it
    both = rows(kg, "task-search", keyword="科技 金融", limit=50)
    texts = {r["id"]: r["text"] for r in kg.read("MATCH (t:Task) RETURN t.id AS id, t.text AS text")}
    assert both and all("科技" in texts[r["id"]] and "金融" in texts[r["id"]] for r in both)
    assert {r["year"] for r in rows(kg, "task-search", keyword="科技", region="湖北省")} == {2017}
    assert len(rows(kg, "task-search", keyword="科技", limit=3)) == 3
    assert rows(kg, "task-search", keyword="   ") == []


def test_compare_documents_of_one_issuer(kg: KnowledgeGraph) -> None:
    found = rows(kg, "compare-documents", issuer="浙江省科学技术厅")
    earlier = {t["id"] for t in kg.read(
        "MATCH (d:Document {id: $d})-[:HAS_TASK]->(t:Task) RETURN t.id AS id", {"d": doc_id(kg, 2015, "浙江省")})}
    later = {t["id"] for t in kg.read(
        "MATCH (d:Document {id: $d})-[:HAS_TASK]->(t:Task) RETURN t.id AS id", {"d": doc_id(kg, 2021, "浙江省")})}
    assert {r["status"] for r in found} <= {"continuing", "new", "dropped"}
    assert {r["earlier_id"] for r in found if r["earlier_id"]} == earlier  # each 2015 task continues or is dropped
    assert {r["later_id"] for r in found if r["later_id"]} == later  # each 2021 task continues one or is new
    assert all(0 < r["score"] <= 1 for r in found if r["status"] == "continuing")
    assert all("2015" in r["earlier_doc"] and "2021" in r["later_doc"] for r in found)
    assert rows(kg, "compare-documents", issuer="浙江省科学技术厅", earlier=2015, later=2021) == found
    assert rows(kg, "compare-documents", issuer="no such agency") == []


def test_evidence_for_a_task_and_one_assignment(kg: KnowledgeGraph) -> None:
    [task] = rows(kg, "task-search", keyword="加快完善技术市场体系")
    found = rows(kg, "evidence", id=task["id"])
    kinds = [r["kind"] for r in found]
    assert kinds[0] == "task" and "leads" in kinds and "responsible_for" in kinds
    lead = next(r for r in found if r["kind"] == "leads")
    assert lead["subject"] == "成果处" and "牵头单位:成果处" in lead["evidence"]
    assert lead["span"][0] < lead["span"][1] and lead["year"] == 2015
    person = next(r for r in found if r["kind"] == "responsible_for")
    assert person["subject"] == "王宏理" and "责任人:王宏理" in person["evidence"]
    assert [r["kind"] for r in rows(kg, "evidence", id=task["id"], unit="成果处")] == ["leads"]
    assert rows(kg, "evidence", id=task["id"], unit="高新处") == []


def test_evidence_for_a_target(kg: KnowledgeGraph) -> None:
    [target] = kg.read("MATCH (g:Target) WHERE g.raw CONTAINS '1157亿元' RETURN g.id AS id")
    [row] = rows(kg, "evidence", id=target["id"])
    assert row["kind"] == "actual" and "1157亿元" in row["evidence"] and row["year"] == 2021


def test_regions_form_a_hierarchy(kg: KnowledgeGraph) -> None:
    found = {r["region"]: r for r in rows(kg, "regions")}
    assert found["桐乡市"]["path"] == "浙江省 > 嘉兴市 > 桐乡市"
    assert found["杭州市"]["parent"] == "浙江省"
    assert found["浙江省"]["documents"] == 2
    assert {r["region"] for r in rows(kg, "regions", within="嘉兴市")} == {"嘉兴市", "桐乡市"}
