"""SPARQL 1.1 protocol over the RDF view: GET ?query=, POST form or ``application/sparql-query``.

SELECT and ASK answer SPARQL results JSON (default) or CSV; CONSTRUCT and DESCRIBE
answer Turtle (default), N-Triples or JSON-LD. The project's prefixes (pkg:, org:,
prov:, ...) are predeclared.

What keeps one request from hurting the server (issue 22): the text is checked first
(``sparqltext``: length, nesting depth, SERVICE); the query then runs in a confined child
process (``isolated``) that cannot open a socket, is killed at the time limit (503) and
whose crash is a 400 for that request alone; a form-encoded POST, which any web page can
send across sites, is refused unless it comes from this site or from no browser at all.
"""

from __future__ import annotations

import asyncio
import functools
from typing import Annotated
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from rdflib import Graph

from policykg.api.context import ApiContext, get_context
from policykg.api.isolated import ChildDied, ChildTimedOut, Refusal, run_isolated
from policykg.api.linked import rdf_response
from policykg.api.models import SparqlBindings
from policykg.api.negotiation import JSONLD, NTRIPLES, TURTLE, Format, negotiate
from policykg.api.problems import Problem, problem_responses
from policykg.api.rdfview import from_ox
from policykg.api.sparqltext import SparqlRefused, check_query
from policykg.ontology.vocab import PREFIXES, bind_prefixes

router = APIRouter()
Ctx = Annotated[ApiContext, Depends(get_context)]
#: A GET query lives in the URL, which servers cap (uvicorn: about 16 KB of request head); longer ones go by POST.
MAX_GET_QUERY_CHARS = 6_000
RESULTS_JSON = Format("json", "application/sparql-results+json", None, ("application/json",))
RESULTS_CSV = Format("csv", "text/csv", None)
SELECT_FORMATS = (RESULTS_JSON, RESULTS_CSV)
GRAPH_FORMATS = (TURTLE, NTRIPLES, JSONLD)
RESPONSES = {
    200: {"content": {"application/sparql-results+json": {"schema": SparqlBindings.model_json_schema()},
                      "text/csv": {"schema": {"type": "string"}},
                      "text/turtle": {"schema": {"type": "string"}}}},
    **problem_responses(400, 403, 413, 415, 422, 503),
}


def _check(query: str) -> str:
    try:
        check_query(query)
    except SparqlRefused as exc:
        raise Problem(400, str(exc)) from None
    return query


def _execute(store: ox.Store, query: str, fmt: str | None, accept: str | None) -> tuple[bytes, str] | Refusal:
    """The answer's body and media type, or why not; runs in the confined child (so it returns, never raises)."""
    try:
        result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryTriples):
            chosen = negotiate(fmt, accept, GRAPH_FORMATS, TURTLE)
            graph = Graph()
            bind_prefixes(graph)
            for triple in result:
                graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
            response = rdf_response(graph, chosen)
            return bytes(response.body), str(response.media_type)
        chosen = negotiate(fmt, accept, SELECT_FORMATS, RESULTS_JSON)
        results_format = ox.QueryResultsFormat.CSV if chosen is RESULTS_CSV else ox.QueryResultsFormat.JSON
        try:
            body = result.serialize(format=results_format)
        except (OSError, ValueError) as exc:
            return Refusal(400, f"the results cannot be written as {chosen.name}: {exc}")
        media = "text/csv; charset=utf-8" if chosen is RESULTS_CSV else RESULTS_JSON.media_type
        return bytes(body or b""), media
    except Problem as exc:  # negotiation: 406
        return Refusal(exc.status, exc.detail)
    except SyntaxError as exc:
        return Refusal(400, f"SPARQL syntax error: {str(exc).splitlines()[0] if str(exc) else exc}")
    except (OSError, ValueError, TypeError) as exc:
        return Refusal(400, f"the query failed: {exc}")


@functools.cache
def _warm_up() -> None:
    """Load, in this process, every module and file a child will need: it may open no file itself.

    rdflib finds its store and serialisers as plugins, imported on first use; the JSON-LD
    context is read from the package.
    """
    graph = Graph()
    bind_prefixes(graph)
    for fmt in GRAPH_FORMATS:
        rdf_response(graph, fmt)
    answer = ox.Store().query("ASK {}")
    assert isinstance(answer, ox.QueryBoolean)
    answer.serialize(format=ox.QueryResultsFormat.JSON)


def _run_confined(ctx: ApiContext, query: str, fmt: str | None, accept: str | None) -> Response:
    _warm_up()
    seconds = ctx.settings.sparql_seconds
    store = ctx.view.current()
    try:  # forked under the view's lock: the child never sees an update half done
        outcome = run_isolated(lambda: _execute(store, query, fmt, accept), seconds=seconds,
                               memory=ctx.settings.sparql_memory_bytes, hold=ctx.view.update_lock)
    except ChildTimedOut:
        raise Problem(503, f"the query ran past the time limit of {seconds:g} s and was stopped; "
                           "narrow it or add a LIMIT", headers={"Retry-After": "5"}) from None
    except ChildDied as exc:
        raise Problem(400, f"the query could not be run ({exc.how}): it may need more memory or stack than this "
                           "endpoint allows; simplify it") from None
    if isinstance(outcome, Refusal):
        raise Problem(outcome.status, outcome.detail)
    body, media = outcome
    return Response(body, media_type=media)


async def _run(ctx: ApiContext, query: str, fmt: str | None, accept: str | None) -> Response:
    checked = _check(query)
    try:
        # the child is killed at sparql_seconds; the margin leaves time to fork and reap it
        return await asyncio.wait_for(run_in_threadpool(_run_confined, ctx, checked, fmt, accept),
                                      timeout=ctx.settings.sparql_seconds + 30)
    except TimeoutError:
        raise Problem(503, f"the query ran past the time limit of {ctx.settings.sparql_seconds:g} s; "
                           "narrow it or add a LIMIT", headers={"Retry-After": "5"}) from None


def _same_site(request: Request) -> bool:
    """Whether a request could not have been sent by another site's page: no browser marks, or this site's own.

    Browsers send ``Sec-Fetch-Site`` and, on a POST, ``Origin``; a page cannot forge either.
    A client that is no browser (curl, a SPARQL library) sends neither.
    """
    site = (request.headers.get("sec-fetch-site") or "").lower()
    if site in ("cross-site", "same-site"):
        return False
    origin = request.headers.get("origin")
    if origin is None or site in ("same-origin", "none"):
        return True
    host = request.headers.get("host") or ""
    return origin != "null" and urlsplit(origin).netloc.lower() == host.lower()


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
    """The same query by POST: ``application/sparql-query`` body, or a form with ``query=`` (same site only)."""
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Problem(400, "the body is not UTF-8") from None
    if media == "application/sparql-query":
        query = text
    elif media == "application/x-www-form-urlencoded":
        if not _same_site(request):
            raise Problem(403, "a form-encoded SPARQL POST from another site's page is refused; send the query as "
                               "application/sparql-query, or from this site")
        query = (parse_qs(text).get("query") or [""])[0]
    else:
        raise Problem(415, "send the query as application/sparql-query or as a form (application/x-www-form-urlencoded)")
    return await _run(ctx, query, fmt, request.headers.get("accept"))
