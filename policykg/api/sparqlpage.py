"""The SPARQL page of the site: a query form, examples, and the results as a table.

``/sparql`` is the SPARQL 1.1 protocol endpoint: a browser that follows the site's link
got raw JSON, and a bare ``/sparql`` a 422 (issue 20). ``/sparql/form`` is the page a
person uses: it runs the query through the endpoint's own code (``api.sparql``: its
checks, its prefixes and its time limit) and shows the rows as a table, a graph result
as Turtle, an error as one line. A browser asking for the bare ``/sparql`` is sent here;
a program still gets the protocol's answers. Plain HTML, no script, nothing fetched.
"""

from __future__ import annotations

import json
from html import escape
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from policykg.api import sparql
from policykg.api.context import ApiContext, get_context
from policykg.api.problems import Problem
from policykg.api.site import page

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]
FORM = "/sparql/form"
#: Examples a reader can run as they are; the project's prefixes (pkg:, skos:, dcterms:, ...) are predeclared.
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("牵头任务最多的单位 units leading the most tasks", """SELECT ?unit (COUNT(DISTINCT ?task) AS ?tasks) WHERE {
  ?u pkg:leads ?task ; skos:prefLabel ?unit ; pkg:collective false .
} GROUP BY ?u ?unit ORDER BY DESC(?tasks) ?unit LIMIT 20"""),
    ("文件 documents by year", """SELECT ?year ?title ?doc WHERE {
  ?doc a pkg:Document ; dcterms:title ?title .
  OPTIONAL { ?doc pkg:year ?year }
} ORDER BY DESC(?year) ?title LIMIT 50"""),
    ("指标与目标数 indicators and their figures", """SELECT ?indicator (COUNT(?figure) AS ?figures) WHERE {
  ?figure pkg:measures ?i . ?i skos:prefLabel ?indicator .
} GROUP BY ?indicator ORDER BY DESC(?figures) LIMIT 20"""),
)


@router.get(FORM, response_class=HTMLResponse, tags=["sparql"], operation_id="sparql_form")
async def sparql_form(ctx: Ctx, query: Annotated[str, Query(max_length=sparql.MAX_GET_QUERY_CHARS,
                                                             description="a SPARQL query to run")] = "") -> HTMLResponse:
    """A page with a SPARQL query form, examples, and the results of the query given as a table."""
    text = query.strip()
    result = ""
    if text:
        try:
            answer = await sparql._run(ctx, text, None, None)
            result = _results(answer)
        except Problem as exc:
            result = f'<p class="error" role="alert">查询失败 the query failed: {escape(exc.detail)}</p>'
    examples = "".join(f'<li><a href="{FORM}?query={quote(q)}">{escape(name)}</a></li>' for name, q in EXAMPLES)
    body = (f'<h1>SPARQL 查询 query</h1><form class="sparql" action="{FORM}" method="get">'
            f'<textarea name="query" rows="8" cols="90" aria-label="SPARQL">{escape(text or EXAMPLES[0][1])}</textarea>'
            '<br><button type="submit">运行 run</button></form>'
            f"<p class=\"kind\">前缀已声明 prefixes declared: pkg:, skos:, dcterms:, org:, prov:, foaf:, qb:, eli:, rdfs:; "
            f"程序请用 <code>/sparql?query=…</code> (SPARQL 1.1 protocol).</p>"
            f"<h2>示例 examples</h2><ul>{examples}</ul>{result}")
    return HTMLResponse(page("SPARQL", body))


def _results(answer: Response) -> str:
    media = (answer.media_type or "").split(";")[0]
    body = bytes(answer.body).decode("utf-8")
    if media != sparql.RESULTS_JSON.media_type:
        return f"<h2>结果 result</h2><pre class=\"graph\">{escape(body)}</pre>"
    data: dict[str, Any] = json.loads(body)
    if "boolean" in data:
        return f'<h2>结果 result</h2><p class="ask">{"是 true" if data["boolean"] else "否 false"}</p>'
    names = list(data.get("head", {}).get("vars", []))
    rows = data.get("results", {}).get("bindings", [])
    head = "".join(f"<th>{escape(n)}</th>" for n in names)
    cells = "".join("<tr>" + "".join(f"<td>{_cell(r.get(n))}</td>" for n in names) + "</tr>" for r in rows)
    return (f'<h2>结果 results ({len(rows)})</h2><table class="results sparql-results">'
            f"<thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>")


def _cell(term: dict[str, str] | None) -> str:
    if not term:
        return ""
    value = term.get("value", "")
    if term.get("type") == "uri":
        return f'<a href="{escape(value)}">{escape(value)}</a>'
    return escape(value)


def install(app: FastAPI) -> None:
    """Send a browser that opens the bare ``/sparql`` (no query) to the form; programs keep the protocol's answers."""

    @app.middleware("http")
    async def bare_sparql(request: Request, call_next: Any) -> Response:
        if (request.method == "GET" and request.url.path == "/sparql" and "query" not in request.query_params
                and "text/html" in request.headers.get("accept", "")):
            return RedirectResponse(FORM, status_code=303)
        response: Response = await call_next(request)
        return response
