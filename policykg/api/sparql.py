"""SPARQL 1.1 protocol over the RDF view: GET ?query=, POST form or ``application/sparql-query``.

SELECT and ASK answer SPARQL results JSON (default) or CSV; CONSTRUCT and DESCRIBE
answer Turtle (default), N-Triples or JSON-LD. The project's prefixes (pkg:, org:,
prov:, ...) are predeclared. ``SERVICE`` is refused: no query reaches the network.
A query that runs past the time limit is abandoned with 503.
"""

from __future__ import annotations

import asyncio
import re
from typing import Annotated
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from rdflib import Graph

from policykg.api.context import ApiContext, get_context
from policykg.api.linked import rdf_response
from policykg.api.models import SparqlBindings
from policykg.api.negotiation import JSONLD, NTRIPLES, TURTLE, Format, negotiate
from policykg.api.problems import Problem, problem_responses
from policykg.api.rdfview import from_ox
from policykg.ontology.vocab import PREFIXES, bind_prefixes

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]
MAX_QUERY_CHARS = 100_000
#: A GET query lives in the URL, which servers cap (uvicorn: about 16 KB of request head); longer ones go by POST.
MAX_GET_QUERY_CHARS = 6_000
RESULTS_JSON = Format("json", "application/sparql-results+json", None, ("application/json",))
RESULTS_CSV = Format("csv", "text/csv", None)
SELECT_FORMATS = (RESULTS_JSON, RESULTS_CSV)
GRAPH_FORMATS = (TURTLE, NTRIPLES, JSONLD)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
RESPONSES = {
    200: {"content": {"application/sparql-results+json": {"schema": SparqlBindings.model_json_schema()},
                      "text/csv": {"schema": {"type": "string"}},
                      "text/turtle": {"schema": {"type": "string"}}}},
    **problem_responses(400, 413, 415, 422, 503),
}


def _check(query: str) -> str:
    if not query.strip():
        raise Problem(400, "give a SPARQL query as ?query=… (GET) or in the body (POST)")
    if len(query) > MAX_QUERY_CHARS:
        raise Problem(400, f"the query is over {MAX_QUERY_CHARS} characters")
    if _SERVICE.search(query):
        raise Problem(400, "SERVICE is not allowed: this endpoint queries only its own graph")
    return query


def _execute(ctx: ApiContext, query: str, fmt: str | None, accept: str | None) -> Response:
    try:
        result = ctx.view.query(query, PREFIXES)
    except SyntaxError as exc:
        raise Problem(400, f"SPARQL syntax error: {str(exc).splitlines()[0] if str(exc) else exc}") from None
    except (OSError, ValueError, TypeError) as exc:
        raise Problem(400, f"the query failed: {exc}") from None
    if isinstance(result, ox.QueryTriples):
        chosen = negotiate(fmt, accept, GRAPH_FORMATS, TURTLE)
        graph = Graph()
        bind_prefixes(graph)
        for triple in result:
            graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
        return rdf_response(graph, chosen)
    chosen = negotiate(fmt, accept, SELECT_FORMATS, RESULTS_JSON)
    results_format = ox.QueryResultsFormat.CSV if chosen is RESULTS_CSV else ox.QueryResultsFormat.JSON
    try:
        body = result.serialize(format=results_format)
    except (OSError, ValueError) as exc:
        raise Problem(400, f"the results cannot be written as {chosen.name}: {exc}") from None
    media = "text/csv; charset=utf-8" if chosen is RESULTS_CSV else RESULTS_JSON.media_type
    return Response(body, media_type=media)


async def _run(ctx: ApiContext, query: str, fmt: str | None, accept: str | None) -> Response:
    try:
        return await asyncio.wait_for(run_in_threadpool(_execute, ctx, _check(query), fmt, accept),
                                      timeout=ctx.settings.sparql_seconds)
    except TimeoutError:
        raise Problem(503, f"the query ran past the time limit of {ctx.settings.sparql_seconds:g} s; "
                           "narrow it or add a LIMIT", headers={"Retry-After": "5"}) from None


FormatQ = Annotated[str | None, Query(alias="format", max_length=20, description="json, csv, ttl, nt or jsonld")]


@router.get("/sparql", tags=["sparql"], operation_id="sparql_get", responses=RESPONSES)
async def sparql_get(request: Request, ctx: Ctx,
                     query: Annotated[str, Query(max_length=MAX_GET_QUERY_CHARS, description="a SPARQL 1.1 query (longer ones by POST)")],
                     fmt: FormatQ = None) -> Response:
    """SPARQL 1.1 query over the RDF view of the graph (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    return await _run(ctx, query, fmt, request.headers.get("accept"))


@router.post("/sparql", tags=["sparql"], operation_id="sparql_post", responses=RESPONSES,
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/sparql-query": {"schema": {"type": "string"}},
                 "application/x-www-form-urlencoded": {"schema": {
                     "type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}}}}})
async def sparql_post(request: Request, ctx: Ctx, fmt: FormatQ = None) -> Response:
    """The same query by POST: ``application/sparql-query`` body, or a form with ``query=``."""
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Problem(400, "the body is not UTF-8") from None
    if media == "application/sparql-query":
        query = text
    elif media == "application/x-www-form-urlencoded":
        query = (parse_qs(text).get("query") or [""])[0]
    else:
        raise Problem(415, "send the query as application/sparql-query or as a form (application/x-www-form-urlencoded)")
    return await _run(ctx, query, fmt, request.headers.get("accept"))
