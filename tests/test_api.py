"""The HTTP API through the ASGI client, on one embedded store loaded with the five seed plans.

Facts checked are the documents' own: the 2015 Zhejiang breakdown and the 2021 status
table make 高新处 the lead on 14 tasks; every RDF answer parses; the full RDF validates
against shapes.ttl; SPARQL and the Cypher named query agree; writes need the key.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pyshacl
import pytest
from api_fixtures import API_KEY, loaded_graph
from fastapi.testclient import TestClient
from rdflib import RDF, Graph, Literal, URIRef

from policykg.api import ApiSettings, create_app
from policykg.kg import KnowledgeGraph
from policykg.ontology.iris import Iris
from policykg.ontology.rdf import graph_to_rdf
from policykg.ontology.vocab import PKG

SHAPES = Path(__file__).resolve().parent.parent / "policykg" / "ontology" / "shapes.ttl"
BASE = "https://example.org/kg"


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    graph = loaded_graph(tmp_path_factory.mktemp("api-store"))
    try:
        yield graph
    finally:
        graph.close()


@pytest.fixture(scope="module")
def client(kg: KnowledgeGraph) -> Iterator[TestClient]:
    settings = ApiSettings(base=BASE, api_key=API_KEY, max_body_bytes=200_000, freshness_seconds=0.0)
    with TestClient(create_app(kg, settings), raise_server_exceptions=False) as c:
        yield c


def unit_id(client: TestClient, name: str) -> str:
    items = client.get("/units", params={"q": name}).json()["items"]
    return next(i["id"] for i in items if i["name"] == name)


def problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert "Traceback" not in response.text
    return body


# --- REST resources ---------------------------------------------------------------------------


def test_collections_page_with_total_and_every_item_has_id_name_and_iri(client: TestClient) -> None:
    for path in ("/documents", "/tasks", "/units", "/people", "/indicators", "/regions"):
        body = client.get(path, params={"limit": 3, "offset": 1}).json()
        assert set(body) == {"items", "total", "limit", "offset"}
        assert body["limit"] == 3 and body["offset"] == 1 and body["total"] > 3, path
        assert len(body["items"]) == 3
        for item in body["items"]:
            assert item["iri"] == f"{BASE}/id/{item['type']}/{item['id']}" and item["name"], (path, item)
    everything = client.get("/documents", params={"limit": 1000}).json()
    assert everything["total"] == len(everything["items"]) == 5


def test_filters_narrow_collections(client: TestClient) -> None:
    zj = client.get("/documents", params={"region": "浙江省"}).json()  # sub-regions count: 杭州市's plan too
    within = client.get("/queries/documents", params={"region": "浙江省", "within": "true"}).json()["rows"]
    assert zj["total"] == len(within) == 4 and {d["id"] for d in zj["items"]} == {r["id"] for r in within}
    assert client.get("/documents", params={"year": 2015}).json()["total"] == 1
    assert client.get("/tasks", params={"year": 2015, "limit": 1}).json()["total"] > 10
    assert [u["name"] for u in client.get("/units", params={"q": "高新处"}).json()["items"]] == ["高新处"]
    assert client.get("/regions", params={"region": "浙江省"}).json()["total"] >= 3  # 浙江省 and its cities, counties


def test_unit_links_to_the_tasks_it_leads_with_the_evidence_sentence(client: TestClient) -> None:
    gx = client.get(f"/units/{unit_id(client, '高新处')}").json()
    leads = gx["links"]["leads"]
    assert len(leads) == 14
    assert all("高新处" in link["evidence"] for link in leads)
    task = client.get(leads[0]["href"]).json()
    assert gx["id"] in [u["id"] for u in task["links"]["led_by"]]
    agency = client.get(gx["links"]["part_of"][0]["href"]).json()
    assert agency["name"] == "浙江省科学技术厅"


def test_indicator_series_is_by_year_and_filtered(client: TestClient) -> None:
    ind = client.get("/indicators", params={"q": "技术交易额"}).json()["items"][0]
    series = client.get(f"/indicators/{ind['id']}/series").json()
    assert series["indicator"]["id"] == ind["id"]
    years = [p["year"] for p in series["items"]]
    assert years == sorted(years) and {"target", "actual"} <= {p["kind"] for p in series["items"]}
    assert {p["value"] for p in series["items"] if p["year"] == 2021} >= {1.157e11}
    later = client.get(f"/indicators/{ind['id']}/series", params={"from": 2021}).json()["items"]
    assert later and all(p["year"] >= 2021 for p in later)


# --- linked data -------------------------------------------------------------------------------


@pytest.mark.parametrize(("accept", "fmt", "parser"), [
    ("text/turtle", None, "turtle"), ("application/ld+json", None, "json-ld"), ("application/n-triples", None, "nt"),
    ("text/html", "ttl", "turtle"), ("*/*", "jsonld", "json-ld"),
])
def test_every_rdf_representation_parses_and_describes_the_entity(client: TestClient, accept: str, fmt: str | None,
                                                                   parser: str) -> None:
    uid = unit_id(client, "高新处")
    response = client.get(f"/id/unit/{uid}", headers={"accept": accept}, params={"format": fmt} if fmt else None)
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format=parser)
    iri = URIRef(f"{BASE}/id/unit/{uid}")
    assert (iri, RDF.type, PKG.Unit) in graph
    assert len(list(graph.objects(iri, PKG.leads))) == 14
    assert Literal("高新处", lang="zh") in set(graph.objects(iri, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")))


def test_task_rdf_has_qualified_associations_with_roles_and_the_plan(client: TestClient) -> None:
    uid = unit_id(client, "高新处")
    task_id = client.get(f"/units/{uid}").json()["links"]["leads"][0]["id"]
    graph = Graph().parse(data=client.get(f"/id/task/{task_id}", params={"format": "ttl"}).text, format="turtle")
    prov = "http://www.w3.org/ns/prov#"
    roles = {(str(graph.value(a, URIRef(prov + "agent"))), graph.value(a, URIRef(prov + "hadRole")))
             for a in graph.objects(URIRef(f"{BASE}/id/task/{task_id}"), URIRef(prov + "qualifiedAssociation"))}
    assert (f"{BASE}/id/unit/{uid}", PKG.LeadRole) in roles
    plans = set(graph.objects(None, URIRef(prov + "hadPlan")))
    assert len(plans) == 1 and str(next(iter(plans))).startswith(f"{BASE}/id/document/")


def test_entity_json_and_html_and_unknowns(client: TestClient) -> None:
    uid = unit_id(client, "高新处")
    assert client.get(f"/id/unit/{uid}", headers={"accept": "application/json"}).json()["name"] == "高新处"
    page = client.get(f"/id/unit/{uid}", headers={"accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html") and "高新处" in page.text and "<form" in page.text
    assert "http://" not in page.text.split("<main>")[0].replace('xmlns="http://www.w3.org/2000/svg"', "")
    problem(client.get("/id/unit/nope"), 404)
    problem(client.get("/id/spaceship/x"), 404)
    problem(client.get(f"/id/unit/{uid}", params={"format": "xml"}), 400)


def test_ontology_context_and_shapes_parse(client: TestClient) -> None:
    onto = Graph().parse(data=client.get("/ontology").text, format="turtle")
    assert (PKG.LeadRole, RDF.type, URIRef("http://www.w3.org/ns/prov#Role")) in onto
    Graph().parse(data=client.get("/ontology", params={"format": "jsonld"}).text, format="json-ld")
    context = client.get("/context.jsonld").json()["@context"]
    assert context["pkg"] == str(PKG) and context["leads"]["@type"] == "@id"
    Graph().parse(data=client.get("/ontology/shapes").text, format="turtle")


def test_full_export_validates_against_the_shapes_and_broken_data_does_not(kg: KnowledgeGraph) -> None:
    data = graph_to_rdf(kg, BASE)
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert conforms, report
    # The shapes bite: a task without its document and an association without a role are violations.
    task = next(data.subjects(RDF.type, PKG.Task))
    data.remove((task, URIRef("http://purl.org/dc/terms/source"), None))
    assoc = next(data.subjects(RDF.type, URIRef("http://www.w3.org/ns/prov#Association")))
    data.remove((assoc, URIRef("http://www.w3.org/ns/prov#hadRole"), None))
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert not conforms
    assert len(list(results.subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#ValidationResult")))) >= 2


def test_a_continues_edge_carries_its_score_in_rdf_and_a_bad_score_breaks_the_shapes(kg: KnowledgeGraph) -> None:
    edges = kg.read("MATCH (a:Task)-[r:CONTINUES]->(b:Task) RETURN a.id AS a, b.id AS b, r.score AS score, "
                    "r.method AS method")
    assert edges  # the 2015 and 2021 Zhejiang plans share a line of work
    data = graph_to_rdf(kg, BASE)
    iris = Iris(BASE)
    for edge in edges:
        task, later = iris.entity("Task", edge["a"]), iris.entity("Task", edge["b"])
        (link,) = [c for c in data.objects(task, PKG.qualifiedContinuation) if (c, PKG.continuedBy, later) in data]
        assert data.value(link, PKG.score).toPython() == pytest.approx(edge["score"])
        assert str(data.value(link, PKG.method)) == edge["method"]
    shapes = Graph().parse(SHAPES, format="turtle")
    data.set((link, PKG.score, Literal(1.5)))
    conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert not conforms


# --- SPARQL ------------------------------------------------------------------------------------

UNITS_LEADING = """
SELECT ?name (COUNT(DISTINCT ?task) AS ?tasks) WHERE {
  ?unit pkg:leads ?task ; skos:prefLabel ?name ; pkg:collective false .
  ?doc a pkg:Document ; pkg:hasTask ?task .
} GROUP BY ?unit ?name ORDER BY DESC(?tasks) ?name
"""


def test_sparql_units_leading_most_tasks_equals_the_cypher_named_query(client: TestClient) -> None:
    sparql = client.get("/sparql", params={"query": UNITS_LEADING}).json()
    from_sparql = sorted((b["name"]["value"], int(b["tasks"]["value"])) for b in sparql["results"]["bindings"])
    named = client.get("/queries/units-leading-most-tasks", params={"limit": 1000}).json()
    from_cypher = sorted((r["unit"], r["tasks"]) for r in named["rows"])
    assert from_sparql == from_cypher
    assert ("高新处", 14) in from_cypher


def test_sparql_protocol_post_csv_ask_construct_and_errors(client: TestClient) -> None:
    form = client.post("/sparql", data={"query": "SELECT ?s WHERE { ?s a pkg:Unit } LIMIT 3"},
                       headers={"accept": "text/csv"})
    assert form.headers["content-type"].startswith("text/csv")
    assert len(list(csv.reader(io.StringIO(form.text)))) == 4
    direct = client.post("/sparql", content="ASK { ?s a pkg:Person }", headers={"content-type": "application/sparql-query"})
    assert direct.json()["boolean"] is True
    built = client.get("/sparql", params={"query": "CONSTRUCT { ?s a pkg:Region } WHERE { ?s a pkg:Region }"})
    assert len(Graph().parse(data=built.text, format="turtle")) == 6
    problem(client.get("/sparql", params={"query": "SELEC nonsense"}), 400)
    problem(client.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://example.org/> { ?s ?p ?o } }"}), 400)
    problem(client.post("/sparql", content="ASK {}", headers={"content-type": "text/plain"}), 415)


def test_sparql_view_follows_the_store(client: TestClient, kg: KnowledgeGraph) -> None:
    ask = "ASK { ?r a pkg:Region ; skos:prefLabel \"测试区\"@zh }"
    assert client.get("/sparql", params={"query": ask}).json()["boolean"] is False
    kg.cypher("CREATE (:Region {id: 'region-test', name: '测试区'})", write=True)  # another writer, not the API
    try:
        assert client.get("/sparql", params={"query": ask}).json()["boolean"] is True
    finally:
        kg.cypher("MATCH (r:Region {id: 'region-test'}) DETACH DELETE r", write=True)
    assert client.get("/sparql", params={"query": ask}).json()["boolean"] is False


# --- named queries ------------------------------------------------------------------------------


def test_named_queries_show_their_examples_and_the_examples_work(client: TestClient) -> None:
    listed = {q["name"]: q for q in client.get("/queries").json()["items"]}
    portfolio = listed["unit-portfolio"]
    assert portfolio["example"] == {"unit": "高新处", "role": "lead"}  # the file's `// example:` line
    assert portfolio["example_href"] == "/queries/unit-portfolio?unit=%E9%AB%98%E6%96%B0%E5%A4%84&role=lead"
    for name, query in listed.items():
        answer = client.get(query["example_href"])
        assert answer.status_code == 200, (name, answer.text)
        assert answer.json()["rows"], name  # an example that finds nothing shows nothing
    operation = client.get("/openapi.json").json()["paths"]["/queries/unit-portfolio"]["get"]
    assert f"GET {portfolio['example_href']}" in operation["description"]
    assert {p["name"]: p.get("example") for p in operation["parameters"]}["unit"] == "高新处"


def test_named_queries_list_run_csv_and_errors(client: TestClient) -> None:
    listed = client.get("/queries").json()
    assert listed["total"] >= 14 and any(q["name"] == "unit-portfolio" for q in listed["items"])
    body = client.get("/queries/unit-portfolio", params={"unit": "高新处", "role": "lead"}).json()
    assert body["query"] == "unit-portfolio" and body["params"]["unit"] == "高新处"
    assert body["columns"][0] == "year" and len(body["rows"]) == 14
    as_csv = client.get("/queries/unit-portfolio", params={"unit": "高新处"}, headers={"accept": "text/csv"})
    assert as_csv.text.splitlines()[0] == ",".join(body["columns"])
    problem(client.get("/queries/no-such-query"), 404)
    problem(client.get("/queries/unit-portfolio"), 400)  # unit is required
    problem(client.get("/queries/unit-portfolio", params={"unit": "x", "role": "boss"}), 400)
    problem(client.get("/queries/documents", params={"form": 2015}), 400)  # a typo is refused, not ignored


# --- guarded Cypher -------------------------------------------------------------------------------


def test_cypher_reads_with_parameters_and_a_row_limit(kg: KnowledgeGraph) -> None:
    settings = ApiSettings(base=BASE, cypher_max_rows=5)
    with TestClient(create_app(kg, settings)) as small:
        body = small.post("/cypher", json={"query": "MATCH (u:Unit) WHERE u.name = $name RETURN u.name AS name",
                                           "params": {"name": "高新处"}}).json()
        assert body["rows"] == [{"name": "高新处"}] and body["truncated"] is False
        many = small.post("/cypher", json={"query": "MATCH (t:Task) RETURN t.id AS id"}).json()
        assert len(many["rows"]) == 5 and many["truncated"] is True
        problem(small.post("/cypher", json={"query": "MATCH (n RETURN n"}), 400)
        problem(small.post("/cypher", json={"query": "RETURN 1", "extra": 1}), 422)


def test_cypher_time_limit_answers_503(kg: KnowledgeGraph) -> None:
    settings = ApiSettings(base=BASE, cypher_seconds=0.3)
    with TestClient(create_app(kg, settings)) as quick:
        slow = "UNWIND range(1, 2000) AS a UNWIND range(1, 2000) AS b WITH a, b WHERE (a + b) % 7 = 0 RETURN count(*) AS c"
        problem(quick.post("/cypher", json={"query": slow}), 503)


# --- writes, limits, errors ----------------------------------------------------------------------

PLAN = "杭州市测试局2030年工作要点\n\n一、加强创新\n1. 建设测试平台。(牵头单位:测试处)\n2. 技术交易额达到10亿元。\n"


def test_writes_need_the_key_and_upload_then_delete_round_trips(client: TestClient, kg: KnowledgeGraph) -> None:
    from policykg.graph.fingerprint import graph_fingerprint

    before = graph_fingerprint(kg.store)
    problem(client.post("/documents", params={"filename": "p.txt"}, content=PLAN.encode()), 401)
    problem(client.post("/documents", params={"filename": "p.txt"}, content=PLAN.encode(),
                        headers={"x-api-key": "wrong"}), 401)
    problem(client.delete("/documents/doc-x"), 401)
    created = client.post("/documents", params={"filename": "plan.txt"}, content=PLAN.encode(),
                          headers={"authorization": f"Bearer {API_KEY}"})
    assert created.status_code == 201, created.text
    doc = created.json()
    assert client.get(doc["href"]).json()["title"] == doc["title"]
    ask = f"ASK {{ <{doc['iri']}> a pkg:Document }}"
    assert client.get("/sparql", params={"query": ask}).json()["boolean"] is True
    problem(client.post("/documents", params={"filename": "plan.exe"}, content=b"MZ", headers={"x-api-key": API_KEY}), 400)
    assert client.delete(doc["href"], headers={"x-api-key": API_KEY}).status_code == 204
    problem(client.delete(doc["href"], headers={"x-api-key": API_KEY}), 404)
    assert graph_fingerprint(kg.store) == before
    assert client.get("/sparql", params={"query": ask}).json()["boolean"] is False


def test_no_key_configured_disables_writes(kg: KnowledgeGraph) -> None:
    with TestClient(create_app(kg, ApiSettings(base=BASE, api_key=None))) as readonly:
        body = problem(readonly.post("/documents", params={"filename": "p.txt"}, content=b"x",
                                     headers={"x-api-key": "anything"}), 403)
        assert "POLICYKG_API_KEY" in body["detail"]


def test_body_over_the_limit_is_413_declared_or_streamed(client: TestClient) -> None:
    big = b"x" * 200_001
    problem(client.post("/documents", params={"filename": "p.txt"}, content=big, headers={"x-api-key": API_KEY}), 413)

    def chunks() -> Iterator[bytes]:
        for _ in range(30):
            yield b"y" * 10_000

    problem(client.post("/cypher", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_errors_are_problem_details(client: TestClient) -> None:
    problem(client.get("/nowhere"), 404)
    problem(client.get("/units/unit-none"), 404)
    body = problem(client.get("/units", params={"limit": 0}), 422)
    assert "limit" in body["detail"]
    problem(client.put("/units"), 405)
    problem(client.post("/cypher", content=b"{not json", headers={"content-type": "application/json"}), 422)


def test_openapi_lists_every_named_query_with_its_parameters(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/queries/target-evolution"]["get"]
    names = {p["name"]: p for p in op["parameters"]}
    assert names["indicator"]["required"] is True and names["from"]["schema"]["type"] == "integer"
    assert "/id/{kind}/{id}" in spec["paths"] and "/sparql" in spec["paths"]
    assert json.dumps(spec).count("HTTPValidationError") == 0


# --- hostile Cypher: refused with 403 before reaching the store -------------------------------------

HOSTILE = [
    "CREATE (n:Hack)", "create (n:Hack)", "CrEaTe (n:Hack)", "MERGE (n:Hack {id: 1})", "mErGe (n:Hack)",
    "MATCH (n) SET n.hacked = true", "MATCH (n) set n.hacked = 1", "MATCH (n) DELETE n", "MATCH (n) DETACH DELETE n",
    "MATCH (n) detach delete n", "MATCH (n) REMOVE n.name", "MATCH (n) REMOVE n:Unit",
    "MATCH (n) /* harmless */ DETACH DELETE n", "MATCH (n) // read\nDELETE n", "MATCH (n)/**/DELETE/**/n",
    "MATCH (n) WITH n DELETE n", "MATCH (n) RETURN n; CREATE (m:Hack)", "RETURN 1; MATCH (n) DETACH DELETE n",
    "MATCH (n) RETURN n;\nMERGE (x:Hack)", "CALL { CREATE (h:Hack) } RETURN 1", "CALL { MATCH (n) DETACH DELETE n }",
    "MATCH (n) CALL { WITH n SET n.x = 1 } RETURN n", "CALL {\n MERGE (h:Hack)\n RETURN h\n} RETURN h",
    "UNWIND range(1, 3) AS i CREATE (:Hack {i: i})", "FOREACH (i IN range(1, 3) | CREATE (:Hack))",
    "MATCH (n) FOREACH (x IN [n] | SET x.y = 1)", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "load csv with headers from 'http://example.org/x.csv' AS r RETURN r", "USING PERIODIC COMMIT LOAD CSV FROM 'x' AS r RETURN r",
    "CALL apoc.create.node(['Hack'], {})", "CALL apoc.cypher.runWrite('CREATE (:Hack)', {})",
    "CALL apoc.load.json('http://example.org')", "call APOC.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
    "CALL dbms.security.createUser('x', 'y', false)", "CALL dbms.killQueries(['1'])", "CALL db.createLabel('Hack')",
    "CALL db.index.fulltext.createNodeIndex('i', ['Unit'], ['name'])", "CALL dbms.setConfigValue('a', 'b')",
    "CALL `apoc`.`create`.`node`(['Hack'], {})", "CALL apoc.do.when(true, 'CREATE (:Hack)', '', {})",
    "DROP CONSTRAINT unit_id", "CREATE INDEX hack FOR (n:Unit) ON (n.hack)", "CREATE CONSTRAINT hack FOR (n:Hack) REQUIRE n.id IS UNIQUE",
    "ALTER DATABASE neo4j SET ACCESS READ ONLY", "GRANT ALL ON DATABASE * TO PUBLIC", "REVOKE ALL ON DATABASE * FROM PUBLIC",
    "DENY READ {*} ON GRAPH * TO PUBLIC", "TERMINATE TRANSACTIONS 'x'", "RENAME ROLE a TO b",
    "MATCH (n) WHERE n.name = 'x' SET n += {hacked: true}", "MATCH (n) SET n = {}", "MERGE (a:Hack)-[:X]->(b:Hack)",
    "MATCH (a), (b) CREATE (a)-[:HACK]->(b)", "MATCH ()-[r]->() DELETE r", "OPTIONAL MATCH (n) DETACH DELETE n RETURN 1",
    "MATCH (n) WITH n LIMIT 1 MERGE (n)-[:SELF]->(n)", "RETURN 1 UNION CALL { CREATE (:Hack) RETURN 2 AS x } RETURN x",
    "CREATE\t(n:Hack)", "CREATE\n(n:Hack)", "\u00a0CREATE (n:Hack)", "MATCH (n) DELETE\u00a0n",
    "CALL db.clearQueryCaches()", "CALL dbms.clearQueryCaches()",
    # quotes and unicode escapes that try to end a string early
    "RETURN '\\u0027'; CREATE (:Hack)", "RETURN 'it\\'s' + \"\\\"\" ; CREATE (:Hack)",
    "RETURN '\\\\' ; MERGE (:Hack)", "MATCH (n {name: '\\u0027 OR 1=1'}) DELETE n",
]


def test_hostile_cypher_is_refused_with_403_and_the_store_is_unchanged(client: TestClient, kg: KnowledgeGraph) -> None:
    from policykg.graph.fingerprint import graph_fingerprint

    assert len(HOSTILE) >= 50
    before = graph_fingerprint(kg.store)
    passed = []
    for statement in HOSTILE:
        response = client.post("/cypher", json={"query": statement, "params": {}})
        if response.status_code != 403:
            passed.append((statement, response.status_code))
        else:
            problem(response, 403)
    assert passed == [], passed
    assert graph_fingerprint(kg.store) == before
    # The fingerprint would have seen a write that got through:
    kg.cypher("CREATE (:Hack {id: 'h'})", write=True)
    try:
        assert graph_fingerprint(kg.store) != before
    finally:
        kg.cypher("MATCH (h:Hack) DETACH DELETE h", write=True)
    assert graph_fingerprint(kg.store) == before


def test_indicator_page_draws_its_series_and_search_finds_all_kinds(client: TestClient) -> None:
    ind = client.get("/indicators", params={"q": "技术交易额"}).json()["items"][0]
    page = client.get(f"/id/indicator/{ind['id']}", headers={"accept": "text/html"}).text
    assert "<svg" in page and page.count("<circle") >= 2 and "目标 target" in page
    found = client.get("/search", params={"q": "高新"}).text
    assert "单位 Unit" in found and 'href="/id/unit/' in found
    assert "没有找到" in client.get("/search", params={"q": "不存在的词"}).text


def test_export_rdf_verb_writes_what_graph_to_rdf_maps(kg: KnowledgeGraph, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from policykg.cli import app

    expected = len(graph_to_rdf(kg, BASE))
    for fmt, parser in (("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")):
        out = tmp_path / f"graph.{fmt}"
        result = CliRunner().invoke(app, ["export-rdf", str(out), "--format", fmt, "--store", kg.spec, "--base", BASE])
        assert result.exit_code == 0, result.output
        assert len(Graph().parse(out, format=parser)) == expected
    bad = CliRunner().invoke(app, ["export-rdf", str(tmp_path / "x"), "--format", "xml", "--store", kg.spec])
    assert bad.exit_code == 2


def test_export_verb_dumps_the_same_rdf_as_the_api_view(kg: KnowledgeGraph, tmp_path: Path) -> None:
    """``policykg export --format ttl|jsonld|nt`` is the same RDF as ``export-rdf`` (default base)."""
    from typer.testing import CliRunner

    from policykg.cli import app

    expected = len(graph_to_rdf(kg))
    for fmt, parser in (("ttl", "turtle"), ("nt", "nt")):
        out = tmp_path / f"all.{fmt}"
        result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out), "--store", kg.spec])
        assert result.exit_code == 0, result.output
        assert "triples" in result.output
        assert len(Graph().parse(out, format=parser)) == expected
