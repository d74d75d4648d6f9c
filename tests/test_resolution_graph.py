"""One graph across documents: units, people, regions and indicators merge; reloading changes nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_params import STORES, store_spec

from policykg.graph import open_store
from policykg.graph.schema import ensure_schema
from policykg.graph.store import BoltStore
from policykg.graph.writer import write_extraction
from policykg.loaders.types import DocumentRecord, Extraction, TargetRecord, TaskRecord

pytestmark = pytest.mark.slow

CULTIVATE_2015 = "狠抓科技型中小微企业培育。研究制订科技型小微企业培育计划,加大高新技术企业培育力度。"
CULTIVATE_2021 = "实施新一轮科技企业双倍增计划,培育高新技术企业和科技型中小企业。"


def plan(doc_id: str, *, title: str, issuer: str | None, region: str | None, year: int,
         tasks: list[TaskRecord], targets: list[TargetRecord] | None = None) -> Extraction:
    text = "\n".join([title, *(t.text for t in tasks)])  # the text a document's region may be read from
    return Extraction(document=DocumentRecord(id=doc_id, title=title, issuer=issuer, region=region, year=year),
                      tasks=tasks, targets=targets or [], text=text)


def task(doc_id: str, order: int, text: str, lead: list[str], support: list[str] | None = None,
         people: list[str] | None = None) -> TaskRecord:
    return TaskRecord(id=f"{doc_id}-t{order}", text=text, order=order, lead=lead, support=support or [],
                      people=people or [])


def target(doc_id: str, order: int, phrase: str, value: float, unit: str, year: int, kind: str = "target") -> TargetRecord:
    return TargetRecord(id=f"{doc_id}-g{order}", indicator=phrase, value=value, unit=unit, year=year, kind=kind,
                        raw=f"{phrase}{value}{unit}")


ZJ2015 = plan("doc-zj2015", title="省科技厅2015年工作要点及责任分解", issuer="浙江省科学技术厅", region="浙江省", year=2015,
              tasks=[task("doc-zj2015", 0, CULTIVATE_2015, ["高新处"], ["有关处室", "杭州市、滨江区科技局(委)"], ["张三"]),
                     task("doc-zj2015", 1, "深化科技奖励制度改革。", ["成果处", "高新处"], ["各高新区"], ["张三"])],
              targets=[target("doc-zj2015", 0, "技术市场交易额", 15e9, "元", 2015)])
ZJ2021 = plan("doc-zj2021", title="浙江省科学技术厅2021年度重点工作三季度完成情况", issuer="省科技厅", region=None, year=2021,
              tasks=[task("doc-zj2021", 0, CULTIVATE_2021, ["高新处"], people=["张三"])],
              targets=[target("doc-zj2021", 0, "全年实现技术交易额", 100e9, "元", 2021),
                       target("doc-zj2021", 1, "全省技术交易额", 115.7e9, "元", 2021, "actual")])
HB2017 = plan("doc-hb2017", title="2017年全省科技工作要点", issuer="湖北省科技厅", region="湖北省", year=2017,
              tasks=[task("doc-hb2017", 0, "加快科技成果转化。", ["成果处", "高新处"], ["有关处室"], ["张三"])],
              targets=[target("doc-hb2017", 0, "技术合同成交额", 95e9, "元", 2017)])
TX2019 = plan("doc-tx2019", title="2019年科技创新工作要点", issuer="市科技局", region=None, year=2019,
              tasks=[task("doc-tx2019", 0, "贯彻桐乡市党代会精神,建设四个桐乡。", [])],
              targets=[target("doc-tx2019", 0, "网上技术市场交易额", 5e8, "元", 2019)])
CORPUS = [ZJ2015, HB2017, ZJ2021, TX2019]


@pytest.fixture(scope="module", params=STORES)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltStore]:
    s = open_store(store_spec(request, tmp_path_factory))
    ensure_schema(s)
    for x in CORPUS:
        write_extraction(s, x)
    yield s
    s.close()


def counts(store: BoltStore) -> tuple[dict[str, int], dict[str, int]]:
    nodes = store.read("MATCH (n) RETURN labels(n)[0] AS k, count(*) AS c")
    rels = store.read("MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS c")
    return {r["k"]: r["c"] for r in nodes}, {r["k"]: r["c"] for r in rels}


def test_one_agency_whatever_the_issuer_is_called(store: BoltStore) -> None:
    rows = store.read("MATCH (d:Document)-[:ISSUED_BY]->(u:Unit) RETURN d.id AS doc, u.name AS name, u.aliases AS aliases")
    by_doc = {r["doc"]: r for r in rows}
    assert by_doc["doc-zj2015"]["name"] == by_doc["doc-zj2021"]["name"] == "浙江省科学技术厅"
    assert {"省科技厅", "浙江省科学技术厅"} <= set(by_doc["doc-zj2021"]["aliases"])
    assert by_doc["doc-hb2017"]["name"] == "湖北省科学技术厅"
    assert by_doc["doc-tx2019"]["name"] == "桐乡市科学技术局"


def test_divisions_merge_within_an_agency_and_stay_apart_across_provinces(store: BoltStore) -> None:
    rows = store.read(
        "MATCH (u:Unit {name: '高新处'})-[:PART_OF]->(a:Unit) MATCH (u)-[:LEADS]->(t:Task) "
        "RETURN a.name AS agency, count(t) AS tasks ORDER BY agency"
    )
    assert rows == [{"agency": "浙江省科学技术厅", "tasks": 3}, {"agency": "湖北省科学技术厅", "tasks": 1}]
    assert store.read("MATCH (u:Unit {name: '成果处'}) RETURN count(u) AS n") == [{"n": 2}]


def test_leading_units_by_region(store: BoltStore) -> None:
    rows = store.read(
        "MATCH (u:Unit)-[:LEADS]->(t:Task)<-[:HAS_TASK]-(d:Document)-[:ABOUT]->(r:Region {name: '浙江省'}) "
        "MATCH (u)-[:PART_OF]->(a:Unit) RETURN u.name AS unit, a.name AS agency, count(t) AS tasks "
        "ORDER BY tasks DESC, unit LIMIT 1"
    )
    assert rows == [{"unit": "高新处", "agency": "浙江省科学技术厅", "tasks": 3}]


def test_composite_and_collective_units(store: BoltStore) -> None:
    rows = store.read(
        "MATCH (u:Unit)-[:SUPPORTS]->(:Task {id: 'doc-zj2015-t0'}) OPTIONAL MATCH (u)-[:IN]->(r:Region) "
        "RETURN u.name AS name, u.level AS level, r.name AS region ORDER BY name"
    )
    assert rows == [
        {"name": "有关处室", "level": "collective", "region": None},
        {"name": "杭州市科学技术局", "level": "city", "region": "杭州市"},
        {"name": "滨江区科学技术局", "level": "county", "region": "滨江区"},
    ]
    assert store.read("MATCH (u:Unit {name: '有关处室'}) RETURN count(u) AS n") == [{"n": 2}]  # Zhejiang's, Hubei's


def test_people_are_members_of_the_agency_they_serve(store: BoltStore) -> None:
    rows = store.read("MATCH (p:Person {name: '张三'})-[:MEMBER_OF]->(u:Unit) "
                      "MATCH (p)-[:RESPONSIBLE_FOR]->(t:Task) RETURN u.name AS agency, count(t) AS tasks ORDER BY agency")
    assert rows == [{"agency": "浙江省科学技术厅", "tasks": 3}, {"agency": "湖北省科学技术厅", "tasks": 1}]


def test_region_chain(store: BoltStore) -> None:
    rows = store.read("MATCH (:Document {id: 'doc-tx2019'})-[:ABOUT]->(r:Region) "
                      "MATCH (r)-[:PART_OF]->(c:Region)-[:PART_OF]->(p:Region) RETURN r.name AS r, c.name AS c, p.name AS p")
    assert rows == [{"r": "桐乡市", "c": "嘉兴市", "p": "浙江省"}]
    assert store.read("MATCH (r:Region {name: '浙江省'}) RETURN count(r) AS n") == [{"n": 1}]


def test_indicator_series_across_documents_and_names(store: BoltStore) -> None:
    rows = store.read(
        "MATCH (g:Target)-[:MEASURES]->(i:Indicator), (g)-[:FOR]->(r:Region) WHERE '技术市场交易额' IN i.aliases "
        "RETURN r.name AS region, g.year AS year, g.kind AS kind, g.value AS value, g.unit AS unit ORDER BY region, year, kind"
    )
    assert rows == [
        {"region": "浙江省", "year": 2015, "kind": "target", "value": 15e9, "unit": "元"},
        {"region": "浙江省", "year": 2021, "kind": "actual", "value": 115.7e9, "unit": "元"},
        {"region": "浙江省", "year": 2021, "kind": "target", "value": 100e9, "unit": "元"},
        {"region": "湖北省", "year": 2017, "kind": "target", "value": 95e9, "unit": "元"},
    ]
    online = store.read("MATCH (:Target {id: 'doc-tx2019-g0'})-[:MEASURES]->(i:Indicator) RETURN i.name AS name, "
                        "i.catalogued AS catalogued, i.measure AS measure, i.unit AS unit")
    assert online == [{"name": "网上技术市场交易额", "catalogued": True, "measure": "flow", "unit": "元"}]


def test_continuity_from_the_earlier_plan_to_the_later(store: BoltStore) -> None:
    rows = store.read("MATCH (a:Task)-[c:CONTINUES]->(b:Task) RETURN a.id AS a, b.id AS b, c.score AS score")
    assert [(r["a"], r["b"]) for r in rows] == [("doc-zj2015-t0", "doc-zj2021-t0")]
    assert 0.25 <= rows[0]["score"] <= 1


def test_reloading_changes_no_counts(store: BoltStore) -> None:
    before = counts(store)
    write_extraction(store, ZJ2015)  # the earlier plan: its CONTINUES edge is rebuilt from this side
    assert counts(store) == before
    for x in CORPUS:
        write_extraction(store, x)
    assert counts(store) == before
    assert before[1]["CONTINUES"] == 1
