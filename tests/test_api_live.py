"""The API over a real socket: uvicorn on 127.0.0.1, headless Chromium on the HTML pages, schemathesis on /openapi.json.

Chromium is Debian's (``/usr/bin/chromium``, installed by .ci/run); Playwright drives it
without downloading a browser. schemathesis runs every operation with 100 examples
and fails on any 5xx or any response that breaks its declared schema.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_fixtures import live_server, loaded_graph

from policykg.api import ApiSettings
from policykg.kg import KnowledgeGraph

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def kg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeGraph]:
    graph = loaded_graph(tmp_path_factory.mktemp("api-live"))
    try:
        yield graph
    finally:
        graph.close()


@pytest.fixture(scope="module")
def url(kg: KnowledgeGraph) -> Iterator[str]:
    with live_server(kg, ApiSettings(freshness_seconds=0.0)) as base:
        yield base


def test_smoke_over_a_real_socket(url: str) -> None:
    with httpx.Client(base_url=url, timeout=30) as http:
        assert http.get("/openapi.json").json()["info"]["title"] == "policykg"
        units = http.get("/units", params={"q": "高新处"}).json()["items"]
        assert [u["name"] for u in units] == ["高新处"]
        ttl = http.get(f"/id/unit/{units[0]['id']}", headers={"accept": "text/turtle"})
        assert ttl.headers["content-type"].startswith("text/turtle") and "高新处" in ttl.text
        assert http.get("/docs").status_code == 200
        assert http.get("/nowhere").headers["content-type"] == "application/problem+json"


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (.ci/run installs it)")
def test_a_person_finds_a_division_and_its_tasks_in_chromium(url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            outside: list[str] = []
            page.on("request", lambda r: None if r.url.startswith(url) else outside.append(r.url))
            page.goto(url + "/")
            page.fill("input[name=q]", "高新处")
            page.click("form.search button")
            page.wait_for_url("**/search?q=*")
            assert "单位 Unit" in page.inner_text("main")
            page.click("ul.results a:text-is('高新处')")
            page.wait_for_url("**/id/unit/*")
            assert page.inner_text("h1") == "高新处"
            leads = page.locator("section[data-rel=leads] li")
            assert leads.count() == 14
            assert "高新处" in leads.first.locator(".evidence").inner_text()
            leads.first.locator("a").click()
            page.wait_for_url("**/id/task/*")
            assert "牵头单位" in page.inner_text("main")
            assert outside == []  # self-contained: nothing fetched from anywhere else
        finally:
            browser.close()


def test_schemathesis_finds_no_server_error_and_no_schema_violation(url: str, tmp_path: Path) -> None:
    """One schemathesis worker: with two, hypothesis parses its strategies' lambdas (``ast.parse``) from two threads at
    once, which CPython 3.11 can fail with ``SystemError: AST constructor recursion depth mismatch`` (a fresh-clone CI
    run stopped on it with 4,498 cases generated and all passed): an error of the tool, not of the API."""
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st, "schemathesis is a dev dependency"
    log = tmp_path / "schemathesis.log"
    with log.open("w") as out:
        done = subprocess.run(
            [st, "run", f"{url}/openapi.json", "--checks", "not_a_server_error,response_schema_conformance",
             "--max-examples", "100", "--phases", "examples,fuzzing", "--seed", "1", "--workers", "1", "--no-shrink"],
            stdout=out, stderr=subprocess.STDOUT, timeout=2400, check=False, cwd=tmp_path)
    text = log.read_text(errors="replace")
    assert done.returncode == 0, text[-4000:]
    assert "43 passed" in text or " passed" in text
