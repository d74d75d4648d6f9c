"""Issue 22 over a real socket: SPARQL that crashed, looped or reached the network, input that answered 500,
the server's paths, and clients that never finish their headers.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_fixtures import API_KEY, live_server, loaded_graph

from policykg.api import ApiSettings
from policykg.kg import KnowledgeGraph

PLAN = "杭州市测试局2030年工作要点\n\n一、加强创新\n1. 建设测试平台。(牵头单位:测试处)\n"


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    graph = loaded_graph(tmp_path_factory.mktemp("api-sec"))
    yield graph
    graph.close()


@pytest.fixture(scope="module")
def url(kg: KnowledgeGraph) -> Iterator[str]:
    settings = ApiSettings(api_key=API_KEY, sparql_seconds=3, freshness_seconds=0.0)
    with live_server(kg, settings, header_seconds=1.0) as base:
        yield base


@pytest.fixture(scope="module")
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A local HTTP listener that answers a secret and records every request it gets."""
    seen: list[bytes] = []
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                seen.append(conn.recv(65536))
                conn.sendall(b"HTTP/1.1 500 Oops\r\nContent-Length: 21\r\n\r\ninternal-only: s3cr3t")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], seen
    stop.set()
    thread.join(5)
    server.close()


def sparql_attacks(port: int) -> list[str]:
    local = f"<http://127.0.0.1:{port}/x>"
    return [
        "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
        "SELECT * WHERE { BIND(" + "(" * 20000 + "1" + ")" * 20000 + " AS ?x) }",
        "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 20000 + "true) }",
        f"SELECT * WHERE {{ FILTER(falseSERVICE {local} {{ ?s ?p ?o }}) }}",
        f"SELECT * WHERE {{ 1SERVICE {local} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE {local} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ service silent {local} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE {local} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o }} VALUES ?x {{ 1 }} #\nSERVICE {local} {{ }}",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g",
        f"SELECT * FROM {local} WHERE {{ ?s ?p ?o }}",
        f"ASK {{ <{local[1:-1]}> ?p ?o }}",
        "SELECT (REPLACE(STR(?s), '(a+)+$', 'x') AS ?r) WHERE { ?s ?p ?o }",
    ]


def test_sparql_attacks_neither_crash_the_server_nor_reach_the_network(url: str,
                                                                       listener: tuple[int, list[bytes]]) -> None:
    port, seen = listener
    crashed = []
    with httpx.Client(base_url=url, timeout=120) as http:
        for query in sparql_attacks(port):
            try:
                answer = http.post("/sparql", content=query.encode(), headers={"content-type": "application/sparql-query"})
            except httpx.TransportError as exc:
                crashed.append((query[:60], repr(exc)))
                continue
            assert answer.status_code in (200, 400, 503), (query[:60], answer.status_code, answer.text[:200])
            assert "s3cr3t" not in answer.text
            assert http.get("/units", params={"limit": 1}).status_code == 200  # the server still answers
    assert crashed == []
    assert seen == []  # no request reached the local listener


def test_a_sparql_query_past_its_time_limit_is_stopped(url: str) -> None:
    import os

    before = _children()
    with httpx.Client(base_url=url, timeout=120) as http:
        answer = http.post("/sparql", content=b"SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                           headers={"content-type": "application/sparql-query"})
    assert answer.status_code == 503 and "time limit of 3 s" in answer.json()["detail"]
    assert _children() == before, f"a query child of {os.getpid()} is still running"


def _children() -> set[int]:
    import os

    me = os.getpid()
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[-1].split()
        except OSError:
            continue
        if int(fields[1]) == me:
            found.add(int(stat.parent.name))
    return found


def test_a_form_post_from_another_sites_page_is_refused(url: str) -> None:
    with httpx.Client(base_url=url, timeout=60) as http:
        forged = http.post("/sparql", data={"query": "ASK {}"},
                           headers={"origin": "https://evil.example", "sec-fetch-site": "cross-site"})
        assert forged.status_code == 403 and forged.headers["content-type"] == "application/problem+json"
        assert http.post("/sparql", data={"query": "ASK {}"}, headers={"origin": "null"}).status_code == 403
        assert http.post("/sparql", data={"query": "ASK {}"}).json() == {"head": {}, "boolean": True}  # curl
        assert http.post("/sparql", data={"query": "ASK {}"}, headers={"origin": url}).status_code == 200


@pytest.mark.parametrize("filename", ["a\x00.txt", "中" * 196 + ".txt", "../../etc/plan.txt", "dir/plan.txt",
                                      "a\nb.txt", "..\\plan.txt"])
def test_a_bad_upload_file_name_is_400(url: str, filename: str) -> None:
    with httpx.Client(base_url=url, timeout=60) as http:
        answer = http.post("/documents", params={"filename": filename}, content=PLAN.encode(),
                           headers={"x-api-key": API_KEY})
    assert answer.status_code == 400, answer.text
    assert answer.headers["content-type"] == "application/problem+json"


def test_deeply_nested_bodies_are_refused_not_500(url: str) -> None:
    nested = b'{"k": [' * 450 + b'"x"' + b"]}" * 450  # 900 levels, written out: json.dumps cannot go so deep
    with httpx.Client(base_url=url, timeout=60) as http:
        deep = http.post("/cypher", content=b'{"query": "RETURN $k AS k", "params": {"k": ' + nested + b"}}",
                         headers={"content-type": "application/json"})
        assert deep.status_code == 422 and "nest" in deep.text
        raw = http.post("/cypher", content=b'{"query": "RETURN 1", "params": {"k": ' + b"[" * 100_000 + b"]" * 100_000
                        + b"}}", headers={"content-type": "application/json"})
        assert raw.status_code in (400, 422) and raw.headers["content-type"] == "application/problem+json"
        shallow = http.post("/cypher", json={"query": "RETURN $k AS k", "params": {"k": [[1]]}})
        assert shallow.json()["rows"] == [{"k": [[1]]}]


def test_a_document_shows_its_file_name_not_the_servers_path(url: str, kg: KnowledgeGraph) -> None:
    with httpx.Client(base_url=url, timeout=60) as http:
        doc = http.get("/documents", params={"limit": 1}).json()["items"][0]
        entity = http.get(doc["href"])
        ttl = http.get(f"/id/document/{doc['id']}", headers={"accept": "text/turtle"})
    stored = kg.store.read("MATCH (d:Document {id: $id}) RETURN d.source AS s", {"id": doc["id"]})[0]["s"]
    assert stored.startswith("/")  # the store keeps the path, for `policykg report`
    for text in (entity.text, ttl.text, json.dumps(doc)):
        assert str(Path(stored).parent) not in text
    assert entity.json()["source"] == Path(stored).name


def test_clients_that_never_finish_their_headers_are_dropped(url: str) -> None:
    host, port = url.removeprefix("http://").split(":")
    slow = []
    for _ in range(50):
        s = socket.create_connection((host, int(port)))
        s.sendall(b"GET /units HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        s.settimeout(60)
        slow.append(s)
    try:
        closed = sum(1 for s in slow if s.recv(1) == b"")  # the server hangs up (header deadline 1 s)
    finally:
        for s in slow:
            s.close()
    assert closed == 50
    with httpx.Client(base_url=url, timeout=60) as http:
        assert http.get("/units", params={"limit": 1}).status_code == 200
